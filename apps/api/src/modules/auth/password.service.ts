import { createHash, randomInt } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { PASSWORD_MESSAGES, checkPasswordStrength, normalizeLogin } from '@leye/domain';
import type { Actor } from '../../common/auth/actor.js';
import { DomainEvents } from '../../common/domain-events/domain-events.service.js';
import { AppError, ErrorCode, badInput } from '../../common/errors/app-error.js';
import { hashPassword, verifyPassword } from '../../common/security/password-hasher.js';
import { UsersService } from '../users/users.service.js';
import '../users/user.domain-events.js';
import { reserveAttempt } from './throttle-counter.js';
import { TokenService } from './token.service.js';
import { RESET_MAILER, resetMail, type ResetMailer } from './reset-mailer.js';

/** Reset codes: 10 characters from an alphabet without look-alikes (0/O, 1/I/L), shown as XXXXX-XXXXX. */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const CODE_LENGTH = 10;
export const RESET_CODE_TTL_HOURS = 24;
/** Per client address: 10 free reset attempts, then one per minute doubling up to an hour (a code has ~49 bits). */
const RESET_THROTTLE = { free: 10, backoffSeconds: 60, maxWaitSeconds: 3600, forgetSeconds: 3600 };
/** Reset e-mails: per client address 5 free requests, per e-mail address 3 (a mailbox is not flooded), then backoff. */
const EMAIL_ADDR_THROTTLE = { free: 5, backoffSeconds: 60, maxWaitSeconds: 3600, forgetSeconds: 3600 };
const EMAIL_TO_THROTTLE = { free: 3, backoffSeconds: 300, maxWaitSeconds: 6 * 3600, forgetSeconds: 6 * 3600 };

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const canonicalCode = (code: string) => code.replace(/[\s-]/g, '').toUpperCase();
const INVALID_CODE = { reason: 'INVALID_RESET_CODE', message: 'This reset code is wrong, used or expired' };

function assertStrong(password: string): void {
  const weakness = checkPasswordStrength(password);
  if (weakness) throw badInput({ reason: `PASSWORD_${weakness}`, message: PASSWORD_MESSAGES[weakness].en }, { newPassword: `PASSWORD_${weakness}` });
}

/** Changing a password, and the reset path that needs no e-mail: staff issue a one-time code to hand over. */
@Injectable()
export class PasswordService {
  constructor(
    private readonly ds: DataSource,
    private readonly users: UsersService,
    private readonly tokens: TokenService,
    private readonly domainEvents: DomainEvents,
    @Inject(RESET_MAILER) private readonly mailer: ResetMailer | null,
  ) {}

  private readonly logger = new Logger(PasswordService.name);

  /** Whether a reset code can be requested by e-mail (SMTP_URL is set). */
  get emailResetAvailable(): boolean {
    return this.mailer !== null;
  }

  /**
   * Stores a new code for `userId` inside `m` (earlier unused codes stop working) and answers it in its shown form.
   * Only the hash is stored. `issuedBy` is the staff member, or null when the owner asked by e-mail.
   */
  private async storeCode(m: EntityManager, userId: string, issuedBy: string | null): Promise<{ code: string; expiresAt: Date }> {
    const raw = Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
    const expiresAt = new Date(Date.now() + RESET_CODE_TTL_HOURS * 3600_000);
    await m.query(`UPDATE password_reset_code SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`, [userId]);
    await m.query(`INSERT INTO password_reset_code (user_id, code_hash, issued_by, expires_at) VALUES ($1, $2, $3, $4)`, [
      userId,
      sha256(`${userId}:${raw}`),
      issuedBy,
      expiresAt,
    ]);
    return { code: `${raw.slice(0, 5)}-${raw.slice(5)}`, expiresAt };
  }

  /**
   * Needs the current password; clears the forced-change flag. Ends every other session of the account and
   * answers their ids (for their sockets); `sessionId`, the caller's own, stays.
   */
  async change(actor: Actor, sessionId: string | null, currentPassword: string, newPassword: string): Promise<string[]> {
    const [row]: Array<{ hash: string; regionCode: string | null }> = await this.ds.query(
      `SELECT password_hash AS hash, region_code AS "regionCode" FROM app_user WHERE id = $1`,
      [actor.id],
    );
    if (!row || !(await verifyPassword(row.hash, currentPassword))) {
      throw badInput({ reason: 'WRONG_CURRENT_PASSWORD', message: 'The current password is wrong' }, { currentPassword: 'WRONG_CURRENT_PASSWORD' });
    }
    assertStrong(newPassword);
    if (newPassword === currentPassword) {
      throw badInput({ reason: 'PASSWORD_UNCHANGED', message: 'Choose a password different from the current one' }, { newPassword: 'PASSWORD_UNCHANGED' });
    }
    const hash = await hashPassword(newPassword);
    return this.ds.transaction(async (m) => {
      await m.query(`UPDATE app_user SET password_hash = $2, must_change_password = false, updated_at = now() WHERE id = $1`, [actor.id, hash]);
      await this.domainEvents.record(m, 'password.changed', { userId: actor.id, regionCode: row.regionCode }, { actor });
      return this.tokens.revokeSessionsOf(actor.id, sessionId, m);
    });
  }

  /**
   * A new one-time code for `userId` (authorised by the caller as `user.issueResetCode`); earlier unused codes of
   * the account stop working. Only the hash is stored: the code is shown this once.
   */
  async issueResetCode(actor: Actor, user: { id: string; role: string; regionCode: string | null }): Promise<{ code: string; expiresAt: Date }> {
    return this.ds.transaction(async (m) => {
      const issued = await this.storeCode(m, user.id, actor.id);
      await this.domainEvents.record(
        m,
        'password.reset_code_issued',
        { userId: user.id, role: user.role, regionCode: user.regionCode, expiresAt: issued.expiresAt.toISOString() },
        { actor },
      );
      return issued;
    });
  }

  /**
   * Public: e-mails a one-time code (the same codes staff issue) to the active account with this e-mail. Answers
   * the same whether or not such an account exists; the e-mail is sent after the answer, so timing tells little
   * either. Throttled per client address and per e-mail address.
   */
  async requestResetByEmail(email: string, address: string, baseUrl: string): Promise<void> {
    if (!this.mailer) {
      throw badInput({ reason: 'EMAIL_RESET_UNAVAILABLE', message: 'Password reset by e-mail is not configured on this server' });
    }
    const login = normalizeLogin(email);
    for (const [key, rule] of [
      [`reset-mail-addr:${address}`, EMAIL_ADDR_THROTTLE],
      [`reset-mail-to:${login}`, EMAIL_TO_THROTTLE],
    ] as const) {
      const wait = await reserveAttempt(this.ds, key, rule);
      if (wait !== null) {
        throw new AppError(ErrorCode.TOO_MANY_REQUESTS, `Too many reset e-mails requested; try again in ${Math.ceil(wait / 60)} minutes`, {
          reason: 'TOO_MANY_RESET_EMAILS',
          params: { minutes: Math.ceil(wait / 60) },
          retryAfterSeconds: wait,
        });
      }
    }
    const user = await this.users.findForLogin(login);
    if (!user?.email) return;
    const issued = await this.ds.transaction(async (m) => {
      const stored = await this.storeCode(m, user.id, null);
      await this.domainEvents.record(
        m,
        'password.reset_code_emailed',
        { userId: user.id, role: user.role, regionCode: user.regionCode, expiresAt: stored.expiresAt.toISOString() },
        { actor: null },
      );
      return stored;
    });
    const link = `${baseUrl}/reset-password?login=${encodeURIComponent(user.email)}&code=${encodeURIComponent(issued.code)}`;
    const mailer = this.mailer;
    void mailer
      .send({ to: user.email, ...resetMail(user.locale, issued.code, link, RESET_CODE_TTL_HOURS) })
      .catch((error: Error) => this.logger.error(`reset e-mail to account ${user.id} failed: ${error.message}`));
  }

  /**
   * Public: account + code + new password. Limited per client address (the shared throttle counter). The code is
   * consumed by one conditional UPDATE, so of two concurrent uses exactly one succeeds. Every session ends.
   * Answers the ended sessions' ids.
   */
  async resetWithCode(input: { login: string; code: string; newPassword: string }, address: string): Promise<string[]> {
    const wait = await reserveAttempt(this.ds, `reset-addr:${address}`, RESET_THROTTLE);
    if (wait !== null) {
      throw new AppError(ErrorCode.TOO_MANY_REQUESTS, `Too many reset attempts; try again in ${Math.ceil(wait / 60)} minutes`, {
        reason: 'TOO_MANY_RESET_ATTEMPTS',
        params: { minutes: Math.ceil(wait / 60) },
        retryAfterSeconds: wait,
      });
    }
    const user = await this.users.findForLogin(normalizeLogin(input.login));
    if (!user) throw badInput(INVALID_CODE, { code: 'INVALID_RESET_CODE' });
    assertStrong(input.newPassword);
    const hash = await hashPassword(input.newPassword);
    return this.ds.transaction(async (m: EntityManager) => {
      const [used]: [Array<{ id: string }>, number] = await m.query(
        `UPDATE password_reset_code SET used_at = now()
          WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL AND expires_at > now() RETURNING id`,
        [user.id, sha256(`${user.id}:${canonicalCode(input.code)}`)],
      );
      if (!used.length) throw badInput(INVALID_CODE, { code: 'INVALID_RESET_CODE' });
      await m.query(`UPDATE app_user SET password_hash = $2, must_change_password = false, updated_at = now() WHERE id = $1`, [user.id, hash]);
      await this.domainEvents.record(m, 'password.reset', { userId: user.id, regionCode: user.regionCode }, { actor: { id: user.id, role: user.role } });
      return this.tokens.revokeSessionsOf(user.id, null, m);
    });
  }
}
