import { createContext } from 'react';
import type { AuthSessionFragment, SessionUserFragment } from '../../../generated/graphql.js';

export type AuthStatus = 'starting' | 'anonymous' | 'authenticated' | 'unreachable';

export interface AuthContextValue {
  status: AuthStatus;
  user: SessionUserFragment | null;
  /** Adopt a session returned by login / register. */
  startSession(session: AuthSessionFragment): void;
  /** Revoke the refresh token, forget everything and return to /login. */
  logout(): Promise<void>;
  /** Try resuming the session again after the API was unreachable. */
  retry(): void;
}

export const AuthContext = createContext<AuthContextValue | null>(null);
