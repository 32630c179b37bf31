import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config.js';
import type { AccessTokenVerifier } from '../../common/auth/access-token-verifier.js';
import type { Actor } from '../../common/auth/actor.js';
import { ACTOR_SQL } from '../../common/auth/actor-in-transaction.js';
import type { AccessGrant } from '../../common/auth/access-token-verifier.js';
import { unauthenticated } from '../../common/errors/app-error.js';
import type { Role } from '@leye/domain';

export interface IssuedTokens {
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
}

interface AccessClaims {
  sub: string;
  role: Role;
  typ: 'access';
  /** The session (refresh-token family) the token was issued to: logout ends that session's sockets. */
  sid: string;
  exp?: number;
}

/** A verified access token: who it is, until when, and which session it belongs to. */
export type { AccessGrant };

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** Short-lived JWT access tokens and rotating, revocable refresh tokens stored hashed. */
@Injectable()
export class TokenService implements AccessTokenVerifier {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
    private readonly ds: DataSource,
  ) {}

  async issue(user: { id: string; role: Role }, familyId: string = randomUUID()): Promise<IssuedTokens> {
    const accessToken = await this.jwt.signAsync({ sub: user.id, role: user.role, typ: 'access', sid: familyId } satisfies AccessClaims, {
      expiresIn: this.config.accessTokenTtlSeconds,
    });
    const refreshToken = randomBytes(32).toString('base64url');
    await this.ds.query(
      `INSERT INTO refresh_token (user_id, family_id, token_hash, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(days => $4))`,
      [user.id, familyId, sha256(refreshToken), this.config.refreshTokenTtlDays],
    );
    return { accessToken, refreshToken, accessTokenExpiresAt: new Date(Date.now() + this.config.accessTokenTtlSeconds * 1000) };
  }

  /** Verifies an access token and loads the current account; null when invalid, expired or disabled. */
  async actorForAccessToken(token: string): Promise<Actor | null> {
    return (await this.verifyAccessToken(token))?.actor ?? null;
  }

  /** Like actorForAccessToken, with the token's expiry and session (for sockets that must end with them). */
  async verifyAccessToken(token: string): Promise<AccessGrant | null> {
    const claims = await this.claimsOf(token);
    if (!claims) return null;
    const rows: Actor[] = await this.ds.query(ACTOR_SQL, [claims.sub]);
    if (!rows[0]) return null;
    return { actor: rows[0], expiresAt: new Date((claims.exp ?? 0) * 1000), sessionId: typeof claims.sid === 'string' ? claims.sid : null };
  }

  async accessTokenUserId(token: string): Promise<string | null> {
    return (await this.claimsOf(token))?.sub ?? null;
  }

  private async claimsOf(token: string): Promise<AccessClaims | null> {
    let claims: AccessClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessClaims>(token);
    } catch {
      return null;
    }
    return claims.typ === 'access' && typeof claims.sub === 'string' ? claims : null;
  }

  /**
   * Exchanges a refresh token for a new pair. The rotation is one conditional UPDATE, so two
   * concurrent uses of one token cannot both succeed; presenting a rotated token revokes its family.
   */
  async rotate(refreshToken: string): Promise<{ userId: string; tokens: IssuedTokens }> {
    const hash = sha256(refreshToken);
    // TypeORM answers an UPDATE … RETURNING with [rows, affectedCount].
    const [rotated]: [Array<{ user_id: string; family_id: string }>, number] = await this.ds.query(
      `UPDATE refresh_token SET rotated_at = now()
        WHERE token_hash = $1 AND rotated_at IS NULL AND revoked_at IS NULL AND expires_at > now()
        RETURNING user_id, family_id`,
      [hash],
    );
    const row = rotated[0];
    if (!row) {
      const reused: Array<{ family_id: string }> = await this.ds.query(
        `SELECT family_id FROM refresh_token WHERE token_hash = $1 AND rotated_at IS NOT NULL`,
        [hash],
      );
      if (reused[0]) await this.revokeFamily(reused[0].family_id);
      // The revoked session travels with the error (not to the client) so its sockets can be ended too.
      throw Object.assign(unauthenticated({ reason: 'SESSION_REVOKED', message: 'This session is no longer valid, please sign in again' }), {
        revokedSessionId: reused[0]?.family_id ?? null,
      });
    }
    const users: Array<{ id: string; role: Role }> = await this.ds.query(
      `SELECT id, role FROM app_user WHERE id = $1 AND disabled_at IS NULL`,
      [row.user_id],
    );
    if (!users[0]) throw unauthenticated();
    return { userId: row.user_id, tokens: await this.issue(users[0], row.family_id) };
  }

  /** Logout: revokes every token of the session the given refresh token belongs to; answers the session id. */
  async revokeSessionOf(refreshToken: string): Promise<string | null> {
    const rows: Array<{ family_id: string }> = await this.ds.query(`SELECT family_id FROM refresh_token WHERE token_hash = $1`, [
      sha256(refreshToken),
    ]);
    if (!rows[0]) return null;
    await this.revokeFamily(rows[0].family_id);
    return rows[0].family_id;
  }

  /** Ends every session of the account (but `keepSessionId`); answers the ended sessions' ids for their sockets. */
  async revokeSessionsOf(userId: string, keepSessionId: string | null = null, manager = this.ds.manager): Promise<string[]> {
    const [rows]: [Array<{ family_id: string }>, number] = await manager.query(
      `UPDATE refresh_token SET revoked_at = now()
        WHERE user_id = $1 AND revoked_at IS NULL AND ($2::uuid IS NULL OR family_id <> $2::uuid)
        RETURNING family_id`,
      [userId, keepSessionId],
    );
    return [...new Set(rows.map((r) => r.family_id))];
  }

  private async revokeFamily(familyId: string): Promise<void> {
    await this.ds.query(`UPDATE refresh_token SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL`, [familyId]);
  }
}
