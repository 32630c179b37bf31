import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { POSTING_LIMITS, salaryRangeProblem, shanghaiToday, validUntilProblem } from '@leye/domain';
import type { Actor } from '../../common/auth/actor.js';
import { DomainEvents } from '../../common/domain-events/domain-events.service.js';
import { notFound } from '../../common/errors/app-error.js';
import { FairFacts } from '../../common/fairs/fair-facts.js';
import { PostingStatus, type PostingEntity } from './posting.entity.js';
import { PostingErrors } from './posting.exception.js';
import './posting.domain-events.js';

/** A posting row with its employer's region and name (review scope, lists). */
export type PostingRow = PostingEntity & { employerRegionCode: string; employerName: string; employerCreditCode: string };

export interface PostingFields {
  title: string;
  occupationCode: string;
  headcount: number;
  salaryMin?: number | null;
  salaryMax?: number | null;
  education: string;
  experience: string;
  regionCode: string;
  description: string;
  contactName: string;
  contactPhone: string;
  validUntil: string;
}

export interface PublicPostingQuery {
  regionCode?: string;
  occupationCode?: string;
  urgentOnly?: boolean;
  search?: string;
  employerIds?: string[];
  /** Employer regions (exports): null = all. */
  employerRegionScope?: string[] | null;
  take: number;
  skip: number;
}

/** Today in Asia/Shanghai, as PostgreSQL computes it. */
export const SQL_TODAY = `(now() AT TIME ZONE 'Asia/Shanghai')::date`;

/**
 * The status as callers see it: an APPROVED or PENDING posting past its date is EXPIRED even before the
 * expiry job has run (lazy), so an expired posting never shows as open.
 */
const SQL_STATUS = `CASE WHEN p.status IN ('APPROVED','PENDING_REVIEW') AND p.valid_until < ${SQL_TODAY} THEN 'EXPIRED' ELSE p.status END`;

/** Public: approved, not past its date, of a still-verified employer. */
export const SQL_PUBLIC = `p.status = 'APPROVED' AND p.valid_until >= ${SQL_TODAY} AND e.status = 'VERIFIED'`;

const COLUMNS = `p.id, p.employer_id AS "employerId", p.title, p.occupation_code AS "occupationCode", p.headcount,
  p.salary_min AS "salaryMin", p.salary_max AS "salaryMax", p.education, p.experience, p.region_code AS "regionCode",
  p.description, p.contact_name AS "contactName", p.contact_phone AS "contactPhone",
  to_char(p.valid_until, 'YYYY-MM-DD') AS "validUntil", ${SQL_STATUS} AS status, p.rejection_reason AS "rejectionReason",
  p.reviewed_at AS "reviewedAt", p.reviewed_by AS "reviewedBy", p.submitted_at AS "submittedAt", p.revision,
  p.created_by AS "createdBy", p.created_at AS "createdAt", p.updated_at AS "updatedAt",
  e.region_code AS "employerRegionCode", e.name AS "employerName", e.credit_code AS "employerCreditCode"`;

const FROM = `FROM job_posting p JOIN employer e ON e.id = p.employer_id`;

/** Postings by id (any status), with the employer columns (DataLoader `postingRow`). */
export function selectPostings(manager: EntityManager, ids: readonly string[]): Promise<PostingRow[]> {
  return manager.query(`SELECT ${COLUMNS} ${FROM} WHERE p.id = ANY($1::uuid[])`, [[...ids]]);
}

const likePattern = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

@Injectable()
export class PostingsService {
  constructor(
    private readonly ds: DataSource,
    private readonly domainEvents: DomainEvents,
    private readonly fairFacts: FairFacts,
  ) {}

  async findById(id: string, manager: EntityManager = this.ds.manager): Promise<PostingRow> {
    const rows: PostingRow[] = await manager.query(`SELECT ${COLUMNS} ${FROM} WHERE p.id = $1`, [id]);
    if (!rows[0]) throw notFound('Posting');
    return rows[0];
  }

  /** A posting the public may see (approved, unexpired, verified employer), or null. */
  async findPublic(id: string): Promise<PostingRow | null> {
    const rows: PostingRow[] = await this.ds.query(`SELECT ${COLUMNS} ${FROM} WHERE p.id = $1 AND ${SQL_PUBLIC}`, [id]);
    return rows[0] ?? null;
  }

  private check(input: PostingFields, today = shanghaiToday()): void {
    const salary = salaryRangeProblem(input.salaryMin, input.salaryMax);
    if (salary) throw PostingErrors.salaryRange(salary);
    const valid = validUntilProblem(input.validUntil, today);
    if (valid) throw PostingErrors.validUntil(valid, POSTING_LIMITS.validDaysMax);
  }

  private async verifiedEmployer(m: EntityManager, employerId: string): Promise<{ regionCode: string }> {
    // FOR SHARE: a revocation committing meanwhile waits for (or is seen by) this write.
    const rows: Array<{ status: string; regionCode: string }> = await m.query(
      `SELECT status, region_code AS "regionCode" FROM employer WHERE id = $1 FOR SHARE`,
      [employerId],
    );
    if (rows[0]?.status !== 'VERIFIED') throw PostingErrors.employerNotVerified();
    return rows[0];
  }

  private values(input: PostingFields): unknown[] {
    return [
      input.title.trim(),
      input.occupationCode,
      input.headcount,
      input.salaryMin ?? null,
      input.salaryMax ?? null,
      input.education,
      input.experience,
      input.regionCode,
      input.description.trim(),
      input.contactName.trim(),
      input.contactPhone,
      input.validUntil,
    ];
  }

  async create(actor: Actor, input: PostingFields): Promise<PostingRow> {
    this.check(input);
    const id = await this.ds.transaction(async (m) => {
      const employer = await this.verifiedEmployer(m, actor.employerId!);
      const rows: Array<{ id: string }> = await m.query(
        `INSERT INTO job_posting (title, occupation_code, headcount, salary_min, salary_max, education, experience, region_code,
                                  description, contact_name, contact_phone, valid_until, employer_id, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
        [...this.values(input), actor.employerId, actor.id],
      );
      const postingId = rows[0]!.id;
      await this.domainEvents.record(
        m,
        'posting.submitted',
        { postingId, employerId: actor.employerId!, title: input.title.trim(), regionCode: employer.regionCode, revision: 1, edit: false },
        { actor },
      );
      return postingId;
    });
    return this.findById(id);
  }

  /** Any edit sends the posting (back) to review: an approved posting leaves the public until approved again. */
  async update(actor: Actor, id: string, input: PostingFields): Promise<PostingRow> {
    this.check(input);
    await this.ds.transaction(async (m) => {
      const employer = await this.verifiedEmployer(m, actor.employerId!);
      const [rows]: [Array<{ revision: number }>, number] = await m.query(
        `UPDATE job_posting SET title = $1, occupation_code = $2, headcount = $3, salary_min = $4, salary_max = $5, education = $6,
                experience = $7, region_code = $8, description = $9, contact_name = $10, contact_phone = $11, valid_until = $12,
                status = 'PENDING_REVIEW', rejection_reason = NULL, reviewed_at = NULL, reviewed_by = NULL,
                submitted_at = now(), revision = revision + 1, updated_at = now()
          WHERE id = $13 AND employer_id = $14 AND status <> 'WITHDRAWN' RETURNING revision`,
        [...this.values(input), id, actor.employerId],
      );
      if (!rows[0]) throw PostingErrors.notEditable((await this.findById(id, m)).status);
      await this.domainEvents.record(
        m,
        'posting.submitted',
        { postingId: id, employerId: actor.employerId!, title: input.title.trim(), regionCode: employer.regionCode, revision: rows[0].revision, edit: true },
        { actor },
      );
    });
    return this.findById(id);
  }

  async withdraw(actor: Actor, id: string): Promise<PostingRow> {
    await this.ds.transaction(async (m) => {
      const [rows]: [Array<{ title: string }>, number] = await m.query(
        `UPDATE job_posting SET status = 'WITHDRAWN', updated_at = now()
          WHERE id = $1 AND status IN ('PENDING_REVIEW','APPROVED','REJECTED') AND valid_until >= ${SQL_TODAY} RETURNING title`,
        [id],
      );
      const current = await this.findById(id, m);
      if (!rows[0]) throw PostingErrors.notWithdrawable(current.status);
      await this.domainEvents.record(
        m,
        'posting.withdrawn',
        { postingId: id, employerId: current.employerId, title: current.title, regionCode: current.employerRegionCode },
        { actor },
      );
    });
    return this.findById(id);
  }

  /**
   * Approves or rejects a PENDING_REVIEW posting exactly once: the conditional UPDATE lets one of two
   * concurrent reviews through; the other gets CONFLICT. `revision`, when given, must still be current.
   */
  async review(actor: Actor, id: string, decision: { approve: true; revision?: number } | { approve: false; reason: string; revision?: number }): Promise<PostingRow> {
    const reason = decision.approve ? null : decision.reason.trim();
    const status = decision.approve ? PostingStatus.APPROVED : PostingStatus.REJECTED;
    await this.ds.transaction(async (m) => {
      const [rows]: [Array<{ employerId: string; title: string }>, number] = await m.query(
        `UPDATE job_posting SET status = $2, rejection_reason = $3, reviewed_at = now(), reviewed_by = $4, updated_at = now()
          WHERE id = $1 AND status = 'PENDING_REVIEW' AND valid_until >= ${SQL_TODAY} AND ($5::int IS NULL OR revision = $5)
          RETURNING employer_id AS "employerId", title`,
        [id, status, reason, actor.id, decision.revision ?? null],
      );
      if (!rows[0]) {
        const current = await this.findById(id, m);
        if (current.status === PostingStatus.EXPIRED) throw PostingErrors.expired();
        if (current.status === PostingStatus.PENDING_REVIEW) throw PostingErrors.changedSinceViewed();
        throw PostingErrors.alreadyReviewed(current.status);
      }
      const employer: Array<{ regionCode: string }> = await m.query(`SELECT region_code AS "regionCode" FROM employer WHERE id = $1`, [rows[0].employerId]);
      const ref = { postingId: id, employerId: rows[0].employerId, title: rows[0].title, regionCode: employer[0]!.regionCode };
      if (decision.approve) await this.domainEvents.record(m, 'posting.approved', ref, { actor });
      else await this.domainEvents.record(m, 'posting.rejected', { ...ref, reason: reason! }, { actor });
    });
    return this.findById(id);
  }

  async listOwn(employerId: string, q: { status?: PostingStatus; take: number; skip: number }): Promise<{ items: PostingRow[]; total: number }> {
    return this.page(`p.employer_id = $1 ${q.status ? `AND ${SQL_STATUS} = $2` : ''}`, q.status ? [employerId, q.status] : [employerId], 'p.updated_at DESC', q);
  }

  /** The review queue: postings of employers in the caller's regions (null = every region), oldest submission first. */
  async reviewQueue(q: { scope: string[] | null; status?: PostingStatus; regionCode?: string; take: number; skip: number }): Promise<{ items: PostingRow[]; total: number }> {
    const where: string[] = ['true'];
    const params: unknown[] = [];
    if (q.scope) where.push(`e.region_code = ANY($${params.push(q.scope)}::text[])`);
    if (q.status) where.push(`${SQL_STATUS} = $${params.push(q.status)}`);
    if (q.regionCode) where.push(`e.region_code = $${params.push(q.regionCode)}`);
    const order = q.status === PostingStatus.PENDING_REVIEW ? 'p.submitted_at ASC' : 'p.updated_at DESC';
    return this.page(where.join(' AND '), params, order, q);
  }

  /** Approved postings the public sees, with filters. */
  async publicList(q: PublicPostingQuery): Promise<{ items: PostingRow[]; total: number }> {
    const where: string[] = [SQL_PUBLIC];
    const params: unknown[] = [];
    if (q.regionCode) where.push(`p.region_code = $${params.push(q.regionCode)}`);
    if (q.occupationCode) where.push(`p.occupation_code = $${params.push(q.occupationCode)}`);
    if (q.urgentOnly) where.push(`EXISTS (SELECT 1 FROM urgent_occupation u WHERE u.occupation_code = p.occupation_code)`);
    if (q.employerIds) where.push(`p.employer_id = ANY($${params.push(q.employerIds)}::uuid[])`);
    if (q.employerRegionScope) where.push(`e.region_code = ANY($${params.push(q.employerRegionScope)}::text[])`);
    const search = q.search?.trim();
    if (search) {
      const i = params.push(likePattern(search));
      where.push(`(p.title ILIKE $${i} OR e.name ILIKE $${i})`);
    }
    return this.page(where.join(' AND '), params, 'p.reviewed_at DESC, p.id', q);
  }

  /** "Who is coming and what they are hiring": approved postings of the fair's exhibitors (booked booths, delegation). */
  async fairPostings(eventId: string): Promise<PostingRow[]> {
    const exhibitors = (await this.fairFacts.exhibitorsOf([eventId])).get(eventId) ?? [];
    if (!exhibitors.length) return [];
    const page = await this.publicList({ employerIds: exhibitors, take: 500, skip: 0 });
    return page.items.sort((a, b) => a.employerName.localeCompare(b.employerName, 'zh-CN') || a.title.localeCompare(b.title, 'zh-CN'));
  }

  /** How many approved, unexpired postings an employer has (booth booking may require one). */
  async approvedCount(employerId: string, manager: EntityManager = this.ds.manager): Promise<number> {
    const rows: Array<{ n: number }> = await manager.query(
      `SELECT count(*)::int AS n FROM job_posting p WHERE p.employer_id = $1 AND p.status = 'APPROVED' AND p.valid_until >= ${SQL_TODAY}`,
      [employerId],
    );
    return rows[0]!.n;
  }

  /** employer id → headcount of its approved, unexpired postings (positions a fair offers). */
  async approvedHeadcount(employerIds: string[], manager: EntityManager = this.ds.manager): Promise<Map<string, number>> {
    const rows: Array<{ employerId: string; n: number }> = await manager.query(
      `SELECT p.employer_id AS "employerId", sum(p.headcount)::int AS n FROM job_posting p
        WHERE p.employer_id = ANY($1::uuid[]) AND p.status = 'APPROVED' AND p.valid_until >= ${SQL_TODAY} GROUP BY p.employer_id`,
      [employerIds],
    );
    const map = new Map(employerIds.map((id) => [id, 0]));
    for (const r of rows) map.set(r.employerId, r.n);
    return map;
  }

  private async page(where: string, params: unknown[], order: string, q: { take: number; skip: number }): Promise<{ items: PostingRow[]; total: number }> {
    const [items, count] = await Promise.all([
      this.ds.query(`SELECT ${COLUMNS} ${FROM} WHERE ${where} ORDER BY ${order} LIMIT ${Number(q.take)} OFFSET ${Number(q.skip)}`, params) as Promise<PostingRow[]>,
      this.ds.query(`SELECT count(*)::int AS n ${FROM} WHERE ${where}`, params) as Promise<Array<{ n: number }>>,
    ]);
    return { items, total: count[0]!.n };
  }
}
