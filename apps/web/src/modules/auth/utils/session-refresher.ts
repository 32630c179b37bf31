import { addTypenameToDocument } from '@apollo/client/utilities';
import { print } from 'graphql';
import { RefreshSessionDocument, type AuthSessionFragment } from '../../../generated/graphql.js';
import { graphQLErrorCode } from '../../apollo/utils/graphql-errors.js';
import { sessionTokens, type SessionTokens } from './session-tokens.js';

// Same shape Apollo would request, so the returned user can be written to the cache as-is.
const REFRESH_QUERY = print(addTypenameToDocument(RefreshSessionDocument));

export type RefreshOutcome = { ok: true; session: AuthSessionFragment } | { ok: false; reason: 'NO_TOKEN' | 'REJECTED' };
type ExpiredListener = () => void;

/**
 * Exchanges the refresh token for a new pair, at most one request at a time: concurrent callers
 * (several queries failing UNAUTHENTICATED at once) share the same attempt, so a rotated token is
 * never presented twice. Uses plain fetch so it cannot recurse through the Apollo auth link.
 */
export class SessionRefresher {
  private inFlight: Promise<RefreshOutcome> | null = null;
  private readonly expiredListeners = new Set<ExpiredListener>();

  constructor(
    private readonly tokens: SessionTokens,
    private readonly endpoint: string,
    private readonly fetchImpl: typeof fetch = (...args) => fetch(...args),
  ) {}

  refresh(): Promise<RefreshOutcome> {
    this.inFlight ??= this.run().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  /** Called once the refresh token has been refused: the user must sign in again. */
  onExpired(listener: ExpiredListener): () => void {
    this.expiredListeners.add(listener);
    return () => this.expiredListeners.delete(listener);
  }

  private async run(): Promise<RefreshOutcome> {
    const refreshToken = this.tokens.getRefreshToken();
    if (!refreshToken) return { ok: false, reason: 'NO_TOKEN' };
    // A network failure throws from here: keep the token, the user may simply be offline.
    const response = await this.fetchImpl(this.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({
        operationName: 'RefreshSession',
        query: REFRESH_QUERY,
        variables: { refreshToken },
      }),
    });
    if (response.status >= 500) throw new Error(`refreshSession failed with HTTP ${response.status}`);
    const body = (await response.json().catch(() => null)) as {
      data?: { refreshSession?: AuthSessionFragment } | null;
      errors?: unknown[];
    } | null;
    const session = body?.data?.refreshSession;
    if (session) {
      this.tokens.set(session);
      return { ok: true, session };
    }
    if (graphQLErrorCode(body) === 'TOO_MANY_REQUESTS') throw new Error('refreshSession rate limited');
    this.tokens.clear();
    for (const listener of this.expiredListeners) listener();
    return { ok: false, reason: 'REJECTED' };
  }
}

export const sessionRefresher = new SessionRefresher(sessionTokens, '/graphql');
