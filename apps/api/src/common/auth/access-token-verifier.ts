import type { Actor } from './actor.js';

/**
 * What the auth guard needs from the auth feature: an access token → the current Actor (null when
 * invalid, expired or disabled). An abstract class so it is also the DI token; the auth module
 * provides it, and `common/` imports nothing from `modules/`.
 */
export abstract class AccessTokenVerifier {
  abstract actorForAccessToken(token: string): Promise<Actor | null>;
}
