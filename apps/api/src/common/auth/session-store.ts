import type { EntityManager } from 'typeorm';

/**
 * Ending someone's login sessions (deactivation, password change), for features that must not depend on the auth
 * feature. An abstract class so it is also the DI token; the auth module's TokensModule provides it.
 */
export abstract class SessionStore {
  /** Revokes every session of the account but `keepSessionId`; answers the ended sessions' ids (for their sockets). */
  abstract revokeSessionsOf(userId: string, keepSessionId?: string | null, manager?: EntityManager): Promise<string[]>;
}
