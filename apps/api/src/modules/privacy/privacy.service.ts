import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { DomainEvents } from '../../common/domain-events/domain-events.service.js';
import { AppError, ErrorCode, badInput, notFound } from '../../common/errors/app-error.js';
import { verifyPassword } from '../../common/security/password-hasher.js';
import { addTableSheet, newWorkbook, xlsxFile, type ExportFileType } from '../../common/spreadsheets/workbook.js';
import { PersonalDataCipher } from '../attendance/personal-data.js';
import { reserveAttempt } from '../auth/throttle-counter.js';
import { TokenService } from '../auth/token.service.js';
import { PersonalDataFormat } from './dtos/privacy.inputs.js';
import './privacy.domain-events.js';

/** What a deleted account and its records are called from then on. */
export const DELETED_NAME = '已注销用户';

type Rows = Array<Record<string, unknown>>;

export interface PersonalDataExport {
  exportedAt: string;
  profile: Record<string, unknown>;
  registrations: Rows;
  checkIns: Rows;
  applications: Rows;
  coaching: Rows;
}

/**
 * A seeker's rights over their data (docs/privacy.md): download all of it, and delete the account. Deletion
 * anonymises rather than removes: the account row stays as a stub with no name, login or contact, the résumé
 * (with the encrypted ID number) and notices are deleted, registrations and applications lose name and
 * contact and free text; the rows themselves stay, so fair figures, check-in counts and application counts
 * do not change, and nothing left names the person.
 */
@Injectable()
export class PrivacyService {
  constructor(
    private readonly ds: DataSource,
    private readonly cipher: PersonalDataCipher,
    private readonly tokens: TokenService,
    private readonly domainEvents: DomainEvents,
  ) {}

  async collect(userId: string): Promise<PersonalDataExport> {
    const [user] = await this.ds.query(
      `SELECT u.id, u.display_name AS "displayName", u.email, u.phone, u.region_code AS "regionCode", u.locale, u.created_at AS "createdAt",
              r.real_name AS "realName", r.mobile, r.id_number_cipher AS "idCipher", r.id_number_key_id AS "idKeyId",
              r.education, r.experience, r.intended_occupation AS "desiredOccupation", r.intended_region_code AS "intendedRegionCode",
              r.graduation_year AS "graduationYear", r.region_code AS "homeRegionCode", r.groups, r.introduction
         FROM app_user u LEFT JOIN seeker_resume r ON r.user_id = u.id WHERE u.id = $1 AND u.deleted_at IS NULL`,
      [userId],
    );
    if (!user) throw notFound('Account');
    const { idCipher, idKeyId, ...profile } = user;
    profile.idNumber = idCipher && idKeyId ? this.cipher.decrypt(idCipher, idKeyId) : null;
    const [registrations, checkIns, applications, coaching] = await Promise.all([
      this.ds.query(
        `SELECT r.id, coalesce(e.title, s.title) AS "event", r.status, r.walk_in AS "walkIn", r.name, r.phone, r.groups,
                r.registered_at AS "registeredAt", r.waitlisted_at AS "waitlistedAt", r.cancelled_at AS "cancelledAt", r.created_at AS "createdAt"
           FROM event_registration r LEFT JOIN event e ON e.id = r.event_id LEFT JOIN event_series s ON s.id = r.series_id
          WHERE r.user_id = $1 ORDER BY r.created_at`,
        [userId],
      ),
      this.ds.query(
        `SELECT e.title AS "event", c.admitted_at AS "admittedAt", g.name AS gate, c.offline
           FROM attendance_checkin c JOIN event_registration r ON r.id = c.registration_id JOIN event e ON e.id = c.event_id
           LEFT JOIN attendance_gate g ON g.id = c.gate_id
          WHERE r.user_id = $1 ORDER BY c.admitted_at`,
        [userId],
      ),
      this.ds.query(
        `SELECT a.id, p.title AS posting, em.name AS employer, a.status, a.source, a.cover_note AS "coverNote",
                a.applicant_name AS "applicantName", a.applicant_phone AS "applicantPhone", a.applicant_email AS "applicantEmail",
                a.submitted_at AS "submittedAt", a.viewed_at AS "viewedAt", a.interview_at AS "interviewAt", a.offer_at AS "offerAt",
                a.hired_at AS "hiredAt", a.rejected_at AS "rejectedAt", a.rejection_reason AS "rejectionReason", a.withdrawn_at AS "withdrawnAt"
           FROM job_application a JOIN job_posting p ON p.id = a.posting_id JOIN employer em ON em.id = a.employer_id
          WHERE a.seeker_id = $1 ORDER BY a.submitted_at`,
        [userId],
      ),
      this.ds.query(
        `SELECT sp.name AS project, cs.held_at AS "heldAt", cs.duration_minutes AS "durationMinutes", cs.mode, cs.topics,
                cs.advice, cs.next_on AS "nextOn", m.name AS mentor
           FROM startup_project_founder f JOIN startup_project sp ON sp.id = f.project_id
           JOIN coaching_session cs ON cs.project_id = sp.id JOIN mentor m ON m.id = cs.mentor_id
          WHERE f.user_id = $1 ORDER BY cs.held_at`,
        [userId],
      ),
    ]);
    return { exportedAt: new Date().toISOString(), profile, registrations, checkIns, applications, coaching };
  }

  /** The seeker's own data as a file (audited: it holds the ID number in full). */
  async download(actor: Actor, format: PersonalDataFormat): Promise<{ filename: string; contentType: string; base64: string }> {
    const data = await this.collect(actor.id);
    const day = data.exportedAt.slice(0, 10);
    let file: ExportFileType;
    if (format === PersonalDataFormat.XLSX) {
      const wb = newWorkbook();
      const sheet = (name: string, rows: Rows) => {
        const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
        addTableSheet(wb, name, keys.map((key) => ({ header: key, key, width: 20 })), rows.map((r) => Object.fromEntries(keys.map((k) => [k, cell(r[k])]))));
      };
      sheet('个人资料 profile', [data.profile]);
      sheet('报名 registrations', data.registrations);
      sheet('签到 check-ins', data.checkIns);
      sheet('求职申请 applications', data.applications);
      sheet('创业辅导 coaching', data.coaching);
      file = await xlsxFile(wb, `my-data-${day}.xlsx`);
    } else {
      file = { filename: `my-data-${day}.json`, contentType: 'application/json', base64: Buffer.from(JSON.stringify(data, null, 2)).toString('base64') };
    }
    await this.ds.transaction((m) =>
      this.domainEvents.record(m, 'personal-data.downloaded', { userId: actor.id, regionCode: actor.regionCode, format }, { actor }),
    );
    return file;
  }

  /**
   * Deletes the caller's account after checking the password. One transaction: the account row is locked
   * (a second call finds it deleted), everything that names the person goes, the counted rows stay.
   * Answers the ended sessions so their sockets can be closed.
   */
  async deleteAccount(actor: Actor, password: string): Promise<{ endedSessions: string[] }> {
    // A stolen access token must not become a password oracle: 5 tries, then the sign-in backoff.
    const wait = await reserveAttempt(this.ds, `delete-account:${actor.id}`, { free: 5, backoffSeconds: 60, maxWaitSeconds: 3600, forgetSeconds: 3600 });
    if (wait !== null) {
      throw new AppError(ErrorCode.TOO_MANY_REQUESTS, `Too many attempts; try again in ${Math.ceil(wait / 60)} minutes`, {
        reason: 'TOO_MANY_LOGIN_ATTEMPTS', params: { seconds: wait }, retryAfterSeconds: wait,
      });
    }
    return this.ds.transaction(async (m) => {
      const [user] = await m.query(
        `SELECT password_hash AS "passwordHash", region_code AS "regionCode" FROM app_user WHERE id = $1 AND deleted_at IS NULL FOR UPDATE`,
        [actor.id],
      );
      if (!user) throw notFound('Account');
      if (!(await verifyPassword(user.passwordHash, password))) {
        throw badInput({ reason: 'WRONG_CURRENT_PASSWORD', message: 'The current password is wrong' }, { password: 'WRONG_CURRENT_PASSWORD' });
      }
      const endedSessions = await this.tokens.revokeSessionsOf(actor.id, null, m);
      await m.query(
        `UPDATE app_user SET display_name = $2, email = NULL, phone = NULL, password_hash = '!deleted', locale = 'zh-CN',
                disabled_at = now(), disabled_reason = 'DELETED_BY_OWNER', deleted_at = now(), must_change_password = false, updated_at = now()
          WHERE id = $1`,
        [actor.id, DELETED_NAME],
      );
      await m.query(`DELETE FROM seeker_resume WHERE user_id = $1`, [actor.id]);
      await m.query(`DELETE FROM notification WHERE user_id = $1`, [actor.id]);
      await m.query(`DELETE FROM calendar_feed_token WHERE user_id = $1`, [actor.id]);
      await m.query(`DELETE FROM password_reset_code WHERE user_id = $1`, [actor.id]);
      await m.query(`DELETE FROM refresh_token WHERE user_id = $1`, [actor.id]);
      const [, registrations]: [unknown, number] = await m.query(
        `UPDATE event_registration SET name = $2, phone = NULL, anonymised_at = now(), updated_at = now() WHERE user_id = $1`,
        [actor.id, DELETED_NAME],
      );
      const [, applications]: [unknown, number] = await m.query(
        `UPDATE job_application SET applicant_name = $2, applicant_phone = NULL, applicant_email = NULL, cover_note = NULL,
                introduction = NULL, anonymised_at = now(), updated_at = now() WHERE seeker_id = $1`,
        [actor.id, DELETED_NAME],
      );
      await m.query(`UPDATE startup_project_founder SET name = $2 WHERE user_id = $1`, [actor.id, DELETED_NAME]);
      await this.domainEvents.record(m, 'account.deleted', { userId: actor.id, regionCode: user.regionCode, registrations, applications }, { actor });
      return { endedSessions };
    });
  }

  async keyStatus(jobId: string | null = null) {
    const rows: Array<{ keyId: string; rows: number }> = await this.ds.query(
      `SELECT id_number_key_id AS "keyId", count(*)::int AS rows FROM seeker_resume WHERE id_number_key_id IS NOT NULL GROUP BY 1 ORDER BY 1`,
    );
    const loaded = this.cipher.keyIds;
    return {
      currentKeyId: this.cipher.keyId,
      loadedKeyIds: loaded,
      keys: rows.map((r) => ({ ...r, loaded: loaded.includes(r.keyId) })),
      pending: rows.filter((r) => r.keyId !== this.cipher.keyId).reduce((s, r) => s + r.rows, 0),
      jobId,
    };
  }
}

function cell(v: unknown): string | number | boolean | Date | null {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return v.join(', ');
  if (v instanceof Date || typeof v === 'number' || typeof v === 'boolean') return v;
  return String(v);
}
