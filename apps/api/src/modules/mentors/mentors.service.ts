import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { shanghaiToday, type MentorStatus } from '@leye/domain';
import type { Actor } from '../../common/auth/actor.js';
import { uniqueViolation } from '../../common/errors/app-error.js';
import { DomainEvents } from '../../common/domain-events/domain-events.service.js';
import { UsersService } from '../users/users.service.js';
import './mentor.domain-events.js';
import type { MentorInput, MentorListArgs, MentorApplicationInput, SaveTagArgs, StudioInput } from './dtos/mentor.inputs.js';
import { coversRegion } from '../../common/permissions/actor-scope.js';
import { MentorErrors } from './mentor.exception.js';
import { parseMentorSheet } from './mentor-import.js';
import type { MentorRow } from './mentor.types.js';

export const MENTOR_COLUMNS = `m.id, m.user_id AS "userId", m.name, m.organisation, m.title, m.expertise, m.industries, m.region_code AS "regionCode",
  m.bio, m.phone, m.email, m.certified_on::text AS "certifiedOn", m.certificate_no AS "certificateNo", m.studio_id AS "studioId",
  s.name AS "studioName", m.status, m.capacity,
  (SELECT count(*)::int FROM mentor_follow_up f WHERE f.mentor_id = m.id AND f.status IN ('OFFERED','ACTIVE')) AS load,
  m.active_from::text AS "activeFrom", m.retired_on::text AS "retiredOn", m.source, m.created_at AS "createdAt"`;
export const MENTOR_FROM = `mentor m LEFT JOIN mentor_studio s ON s.id = m.studio_id`;

/** "In the pool at date D": certified, active from on or before D and not retired by D (a SQL condition on `m`, D as `$n::date`). */
export const inPoolAt = (d: string) =>
  `(m.status IN ('ACTIVE','INACTIVE') AND m.certified_on <= ${d} AND m.active_from <= ${d} AND (m.retired_on IS NULL OR m.retired_on > ${d}))`;

const TODAY = `(now() AT TIME ZONE 'Asia/Shanghai')::date`;

export interface TagRow {
  code: string;
  nameZh: string;
  nameEn: string;
  sort: number;
  retired: boolean;
}

/** Mentor profiles, applications, certification, the expertise taxonomy and studios. */
@Injectable()
export class MentorsService {
  constructor(
    private readonly ds: DataSource,
    private readonly users: UsersService,
    private readonly domainEvents: DomainEvents,
  ) {}

  async findById(id: string, manager: EntityManager = this.ds.manager): Promise<MentorRow> {
    const rows: MentorRow[] = await manager.query(`SELECT ${MENTOR_COLUMNS} FROM ${MENTOR_FROM} WHERE m.id = $1`, [id]);
    if (!rows[0]) throw MentorErrors.mentorNotFound();
    return rows[0];
  }

  async findByUser(userId: string): Promise<MentorRow | null> {
    const rows: MentorRow[] = await this.ds.query(`SELECT ${MENTOR_COLUMNS} FROM ${MENTOR_FROM} WHERE m.user_id = $1`, [userId]);
    return rows[0] ?? null;
  }

  /** The library: filters, limited to `regionScope` (null: every region). */
  async list(args: MentorListArgs, regionScope: string[] | null): Promise<{ total: number; items: MentorRow[] }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (regionScope) add('m.region_code = ANY(?::text[])', regionScope);
    if (args.regionCode) add('m.region_code = ?', args.regionCode);
    if (args.status) add('m.status = ?', args.status);
    if (args.expertise) add('? = ANY(m.expertise)', args.expertise);
    if (args.industry) add('? = ANY(m.industries)', args.industry);
    if (args.studioId) add('m.studio_id = ?::uuid', args.studioId);
    if (args.certified === true) where.push('m.certified_on IS NOT NULL');
    if (args.certified === false) where.push('m.certified_on IS NULL');
    if (args.search?.trim()) add(`(m.name ILIKE ? OR m.organisation ILIKE $${params.length + 1} OR m.certificate_no ILIKE $${params.length + 1})`, `%${args.search.trim().replace(/[\\%_]/g, '\\$&')}%`);
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.ds.query(`SELECT count(*)::int AS total FROM mentor m ${filter}`, params);
    const items: MentorRow[] = await this.ds.query(
      `SELECT ${MENTOR_COLUMNS} FROM ${MENTOR_FROM} ${filter} ORDER BY m.status = 'APPLIED' DESC, m.name, m.id LIMIT ${args.take} OFFSET ${args.skip}`,
      params,
    );
    return { total, items };
  }

  // ── Taxonomy ───────────────────────────────────────────────────────────────
  tags(includeRetired = false): Promise<TagRow[]> {
    return this.ds.query(
      `SELECT code, name_zh AS "nameZh", name_en AS "nameEn", sort, retired_at IS NOT NULL AS retired FROM mentor_expertise_tag
        WHERE $1 OR retired_at IS NULL ORDER BY sort, code`,
      [includeRetired],
    );
  }

  async saveTag(args: SaveTagArgs): Promise<TagRow> {
    try {
      const rows: TagRow[] = await this.ds.query(
        `INSERT INTO mentor_expertise_tag (code, name_zh, name_en, sort, retired_at)
         VALUES ($1, $2, $3, (SELECT coalesce(max(sort), 0) + 10 FROM mentor_expertise_tag), CASE WHEN $4 THEN now() END)
         ON CONFLICT (code) DO UPDATE SET name_zh = EXCLUDED.name_zh, name_en = EXCLUDED.name_en,
           retired_at = CASE WHEN $4 THEN coalesce(mentor_expertise_tag.retired_at, now()) END
         RETURNING code, name_zh AS "nameZh", name_en AS "nameEn", sort, retired_at IS NOT NULL AS retired`,
        [args.code, args.nameZh.trim(), args.nameEn.trim(), args.retired],
      );
      return rows[0]!;
    } catch (error) {
      if (uniqueViolation(error) === 'mentor_expertise_tag_name') throw MentorErrors.tagNameTaken();
      throw error;
    }
  }

  /** Throws UNKNOWN_EXPERTISE unless every code is a current tag. */
  async checkTags(codes: readonly string[], manager: EntityManager = this.ds.manager): Promise<void> {
    if (!codes.length) return;
    const rows: Array<{ code: string }> = await manager.query(`SELECT code FROM mentor_expertise_tag WHERE code = ANY($1::text[]) AND retired_at IS NULL`, [codes]);
    const known = new Set(rows.map((r) => r.code));
    const unknown = codes.filter((c) => !known.has(c));
    if (unknown.length) throw MentorErrors.unknownExpertise(unknown);
  }

  // ── Studios ────────────────────────────────────────────────────────────────
  studios(regionScope: string[] | null) {
    return this.ds.query(
      `SELECT s.id, s.name, s.region_code AS "regionCode", s.recognized_on::text AS "recognizedOn", s.description,
              (SELECT count(*)::int FROM mentor m WHERE m.studio_id = s.id AND m.status = 'ACTIVE') AS "activeMembers"
         FROM mentor_studio s WHERE $1::text[] IS NULL OR s.region_code = ANY($1::text[]) ORDER BY s.name`,
      [regionScope],
    );
  }

  async studioRegion(id: string): Promise<string> {
    const rows: Array<{ region_code: string }> = await this.ds.query(`SELECT region_code FROM mentor_studio WHERE id = $1`, [id]);
    if (!rows[0]) throw MentorErrors.studioNotFound();
    return rows[0].region_code;
  }

  async saveStudio(id: string | null | undefined, input: StudioInput) {
    try {
      const rows = id
        ? await this.ds.query(
            `UPDATE mentor_studio SET name = $2, region_code = $3, recognized_on = $4, description = $5 WHERE id = $1 RETURNING id`,
            [id, input.name.trim(), input.regionCode, input.recognizedOn ?? null, input.description ?? null],
          )
        : await this.ds.query(
            `INSERT INTO mentor_studio (name, region_code, recognized_on, description) VALUES ($1, $2, $3, $4) RETURNING id`,
            [input.name.trim(), input.regionCode, input.recognizedOn ?? null, input.description ?? null],
          );
      const savedId = (id ? rows[0]?.[0]?.id : rows[0]?.id) as string | undefined;
      if (!savedId) throw MentorErrors.studioNotFound();
      const all = await this.studios(null);
      return all.find((s: { id: string }) => s.id === savedId);
    } catch (error) {
      if (uniqueViolation(error) === 'mentor_studio_name') throw MentorErrors.studioTaken();
      throw error;
    }
  }

  // ── Profiles ───────────────────────────────────────────────────────────────
  private async checkProfile(input: MentorInput | MentorApplicationInput, manager: EntityManager): Promise<void> {
    await this.checkTags(input.expertise, manager);
    if ('studioId' in input && input.studioId) {
      const rows = await manager.query(`SELECT 1 FROM mentor_studio WHERE id = $1`, [input.studioId]);
      if (!rows.length) throw MentorErrors.studioNotFound();
    }
    if ('certificateNo' in input) {
      if (!input.certificateNo !== !input.certifiedOn) throw MentorErrors.certificatePair();
      if (input.certifiedOn && input.certifiedOn > shanghaiToday()) throw MentorErrors.certifiedInFuture();
    }
  }

  private translate(error: unknown): never {
    const constraint = uniqueViolation(error);
    if (constraint === 'mentor_phone') throw MentorErrors.phoneTaken();
    if (constraint === 'mentor_certificate_no') throw MentorErrors.certificateTaken();
    throw error;
  }

  /** The public application form: an APPLIED profile organizers of its region decide on. */
  async apply(input: MentorApplicationInput): Promise<string> {
    if (!input.phone) throw MentorErrors.phoneRequired();
    await this.checkProfile(input, this.ds.manager);
    try {
      const rows = await this.ds.query(
        `INSERT INTO mentor (name, organisation, title, expertise, industries, region_code, bio, phone, email, status, source)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'APPLIED', 'APPLICATION') RETURNING id`,
        [input.name.trim(), input.organisation ?? null, input.title ?? null, input.expertise, input.industries, input.regionCode, input.bio ?? null, input.phone, input.email ?? null],
      );
      return rows[0].id;
    } catch (error) {
      this.translate(error);
    }
  }

  /** Organizers add a mentor: ACTIVE from today, certified when a certificate is given. */
  async create(input: MentorInput): Promise<MentorRow> {
    await this.checkProfile(input, this.ds.manager);
    try {
      const rows = await this.ds.query(
        `INSERT INTO mentor (name, organisation, title, expertise, industries, region_code, bio, phone, email, certified_on, certificate_no,
                             studio_id, capacity, status, active_from, source)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 'ACTIVE', ${TODAY}, 'CREATED') RETURNING id`,
        [...this.profileValues(input)],
      );
      return this.findById(rows[0].id);
    } catch (error) {
      this.translate(error);
    }
  }

  private profileValues(input: MentorInput): unknown[] {
    return [
      input.name.trim(), input.organisation ?? null, input.title ?? null, input.expertise, input.industries, input.regionCode, input.bio ?? null,
      input.phone ?? null, input.email ?? null, input.certifiedOn ?? null, input.certificateNo ?? null, input.studioId ?? null, input.capacity,
    ];
  }

  async update(id: string, input: MentorInput): Promise<MentorRow> {
    await this.checkProfile(input, this.ds.manager);
    try {
      await this.ds.query(
        `UPDATE mentor SET name = $2, organisation = $3, title = $4, expertise = $5, industries = $6, region_code = $7, bio = $8, phone = coalesce($9, phone),
                email = coalesce($10, email), certified_on = $11, certificate_no = $12, studio_id = $13, capacity = $14, updated_at = now() WHERE id = $1`,
        [id, ...this.profileValues(input)],
      );
    } catch (error) {
      this.translate(error);
    }
    return this.findById(id);
  }

  /** APPLIED → ACTIVE (from today) or REJECTED, once: a conditional update. */
  async decide(actor: Actor, id: string, approve: boolean): Promise<MentorRow> {
    const done = await this.ds.transaction(async (m) => {
      const [rows]: [Array<{ name: string; region_code: string }>, number] = await m.query(
        approve
          ? `UPDATE mentor SET status = 'ACTIVE', active_from = ${TODAY}, updated_at = now() WHERE id = $1 AND status = 'APPLIED' RETURNING name, region_code`
          : `UPDATE mentor SET status = 'REJECTED', updated_at = now() WHERE id = $1 AND status = 'APPLIED' RETURNING name, region_code`,
        [id],
      );
      if (!rows[0]) return false;
      await this.domainEvents.record(m, 'mentor.status-changed', { mentorId: id, name: rows[0].name, regionCode: rows[0].region_code, from: 'APPLIED', to: approve ? 'ACTIVE' : 'REJECTED' }, { actor });
      return true;
    });
    if (!done) throw MentorErrors.wrongStatus((await this.findById(id)).status);
    return this.findById(id);
  }

  async certify(actor: Actor, id: string, certificateNo: string, certifiedOn: string): Promise<MentorRow> {
    if (certifiedOn > shanghaiToday()) throw MentorErrors.certifiedInFuture();
    const current = await this.findById(id);
    if (current.status === 'APPLIED' || current.status === 'REJECTED') throw MentorErrors.wrongStatus(current.status);
    try {
      await this.ds.transaction(async (m) => {
        await m.query(`UPDATE mentor SET certificate_no = $2, certified_on = $3, updated_at = now() WHERE id = $1`, [id, certificateNo, certifiedOn]);
        await this.domainEvents.record(m, 'mentor.certified', { mentorId: id, name: current.name, regionCode: current.regionCode, certificateNo, certifiedOn }, { actor });
      });
    } catch (error) {
      this.translate(error);
    }
    return this.findById(id);
  }

  /** ACTIVE → INACTIVE (retired today; no longer in the pool from today) and back (active from today). */
  async setActive(actor: Actor, id: string, active: boolean): Promise<MentorRow> {
    const from: MentorStatus = active ? 'INACTIVE' : 'ACTIVE';
    const done = await this.ds.transaction(async (m) => {
      const [rows]: [Array<{ name: string; region_code: string }>, number] = await m.query(
        active
          ? `UPDATE mentor SET status = 'ACTIVE', retired_on = NULL, active_from = ${TODAY}, updated_at = now() WHERE id = $1 AND status = $2 RETURNING name, region_code`
          : `UPDATE mentor SET status = 'INACTIVE', retired_on = ${TODAY}, updated_at = now() WHERE id = $1 AND status = $2 RETURNING name, region_code`,
        [id, from],
      );
      if (!rows[0]) return false;
      await this.domainEvents.record(m, 'mentor.status-changed', { mentorId: id, name: rows[0].name, regionCode: rows[0].region_code, from, to: active ? 'ACTIVE' : 'INACTIVE' }, { actor });
      return true;
    });
    if (!done) throw MentorErrors.wrongStatus((await this.findById(id)).status);
    return this.findById(id);
  }

  /** A MENTOR account for the profile (signs in with its phone or e-mail; must change the password first). */
  async createAccount(actor: Actor, mentor: MentorRow, password: string): Promise<MentorRow> {
    if (mentor.userId) throw MentorErrors.hasAccount();
    if (!mentor.phone && !mentor.email) throw MentorErrors.contactRequired();
    await this.ds.transaction(async (m) => {
      const locked: Array<{ user_id: string | null }> = await m.query(`SELECT user_id FROM mentor WHERE id = $1 FOR UPDATE`, [mentor.id]);
      if (locked[0]?.user_id) throw MentorErrors.hasAccount();
      const user = await this.users.createAccount(
        { role: 'MENTOR', displayName: mentor.name, email: mentor.email, phone: mentor.phone, password, regionCode: mentor.regionCode, mustChangePassword: true },
        m,
      );
      await m.query(`UPDATE mentor SET user_id = $2, updated_at = now() WHERE id = $1`, [mentor.id, user.id]);
    });
    void actor;
    return this.findById(mentor.id);
  }

  // ── Excel import ───────────────────────────────────────────────────────────
  /**
   * Creates or updates mentors from a spreadsheet, matching an existing profile by certificate number,
   * else by mobile number. All or nothing: when any row is rejected, nothing is imported and the report
   * lists every rejected row with its reasons; the writes of a clean file run in one transaction.
   */
  async importSheet(actor: Actor, buffer: Buffer, dryRun: boolean) {
    const tags = await this.tags(false);
    const studios = new Map<string, string>((await this.studios(null)).map((s: { name: string; id: string }) => [s.name, s.id]));
    const parsed = await parseMentorSheet(buffer, tags, studios);
    const existing: Array<{ id: string; regionCode: string; certificateNo: string | null; phone: string | null; status: string }> = await this.ds.query(
      `SELECT id, region_code AS "regionCode", certificate_no AS "certificateNo", phone, status FROM mentor
        WHERE certificate_no = ANY($1::text[]) OR (phone = ANY($2::text[]) AND status <> 'REJECTED')`,
      [parsed.rows.map((r) => r.certificateNo).filter(Boolean), parsed.rows.map((r) => r.phone)],
    );
    const rejected = [...parsed.rejected];
    const plan: Array<{ row: (typeof parsed.rows)[number]; matchId: string | null; activate: boolean }> = [];
    for (const row of parsed.rows) {
      const reasons: string[] = [];
      if (!coversRegion(actor, row.regionCode)) reasons.push('REGION_NOT_COVERED');
      const byCertificate = row.certificateNo ? existing.find((e) => e.certificateNo === row.certificateNo) : undefined;
      const byPhone = existing.find((e) => e.phone === row.phone && e.status !== 'REJECTED');
      if (byCertificate && byPhone && byCertificate.id !== byPhone.id) reasons.push('CONFLICTING_MATCH');
      const match = byCertificate ?? byPhone;
      if (match && !coversRegion(actor, match.regionCode)) reasons.push('MENTOR_NOT_COVERED');
      if (reasons.length) rejected.push({ row: row.row, reasons });
      else plan.push({ row, matchId: match?.id ?? null, activate: !!match && (match.status === 'APPLIED') });
    }
    rejected.sort((a, b) => a.row - b.row);
    const report = { dryRun, rows: parsed.rows.length + parsed.rejected.length, rejected, created: 0, updated: 0, imported: false };
    for (const p of plan) {
      if (p.matchId) report.updated++;
      else report.created++;
    }
    if (rejected.length || dryRun) return { ...report, created: rejected.length ? 0 : report.created, updated: rejected.length ? 0 : report.updated };
    try {
      await this.ds.transaction(async (m) => {
        for (const { row, matchId, activate } of plan) {
          const values = [
            row.name, row.organisation, row.title, row.expertise, row.industries, row.regionCode, row.bio, row.phone, row.email,
            row.certifiedOn, row.certificateNo, row.studioName ? studios.get(row.studioName) : null, row.capacity,
          ];
          if (matchId) {
            await m.query(
              `UPDATE mentor SET name = $2, organisation = $3, title = $4, expertise = $5, industries = $6, region_code = $7, bio = coalesce($8, bio),
                      phone = $9, email = coalesce($10, email), certified_on = coalesce($11, certified_on), certificate_no = coalesce($12, certificate_no),
                      studio_id = coalesce($13, studio_id), capacity = $14, updated_at = now(),
                      status = CASE WHEN $15 THEN 'ACTIVE' ELSE status END, active_from = CASE WHEN $15 THEN ${TODAY} ELSE active_from END
                WHERE id = $1`,
              [matchId, ...values, activate],
            );
          } else {
            await m.query(
              `INSERT INTO mentor (name, organisation, title, expertise, industries, region_code, bio, phone, email, certified_on, certificate_no,
                                   studio_id, capacity, status, active_from, source)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 'ACTIVE', ${TODAY}, 'IMPORT')`,
              values,
            );
          }
        }
        const regionCodes = [...new Set(plan.map((p) => p.row.regionCode))].sort();
        await this.domainEvents.record(m, 'mentor.imported', { regionCodes, rows: report.rows, created: report.created, updated: report.updated }, { actor });
      });
    } catch (error) {
      if (uniqueViolation(error)) throw MentorErrors.importConflict();
      throw error;
    }
    return { ...report, imported: true };
  }

  /** The library for the Excel export (phones in full, for re-import): written to the audit log with its scope and size. */
  async exportRows(actor: Actor, regionScope: string[] | null): Promise<MentorRow[]> {
    const rows: MentorRow[] = await this.ds.query(
      `SELECT ${MENTOR_COLUMNS} FROM ${MENTOR_FROM} WHERE ($1::text[] IS NULL OR m.region_code = ANY($1::text[])) AND m.status <> 'REJECTED'
        ORDER BY m.region_code, m.name LIMIT 10000`,
      [regionScope],
    );
    await this.ds.transaction((m) => this.domainEvents.record(m, 'mentor.exported', { regionCodes: regionScope, rows: rows.length }, { actor }));
    return rows;
  }
}
