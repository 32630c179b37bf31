import type { Actor } from './actor.js';

/** A verified access token: who it is for, until when, and the login session (refresh-token family) it belongs to. */
export interface AccessGrant {
  actor: Actor;
  expiresAt: Date;
  sessionId: string | null;
}

/**
 * What the core needs from the auth feature: an access token → the current Actor (null when invalid, expired or
 * disabled), or the whole grant for a long-lived socket. An abstract class so it is also the DI token; the auth
 * module provides it, and `common/` imports nothing from `modules/`.
 */
export abstract class AccessTokenVerifier {
  abstract actorForAccessToken(token: string): Promise<Actor | null>;
  abstract verifyAccessToken(token: string): Promise<AccessGrant | null>;
  /** The token's signature, type and expiry only (no database read): its user id, or null. */
  abstract accessTokenUserId(token: string): Promise<string | null>;
}
