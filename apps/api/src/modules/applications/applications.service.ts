import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { applicationStatusesBefore, type ApplicationMover, type ApplicationSource, type ApplicationStatus } from '@leye/domain';
import type { Actor } from '../../common/auth/actor.js';
import { DomainEvents } from '../../common/domain-events/domain-events.service.js';
import { notFound } from '../../common/errors/app-error.js';
import { SQL_PUBLIC } from '../postings/postings.service.js';
import { ApplicationErrors } from './application.exception.js';
import type { ApplicationRow } from './application.types.js';
import './application.domain-events.js';

export interface ApplyFields {
  postingId: string;
  source: ApplicationSource;
  eventId?: string | null;
  sourceRef?: string | null;
  coverNote?: string | null;
  /** LIVESTREAM from a broadcast's job card (docs/livestream.md): the broadcast and card credited. */
  broadcastId?: string | null;
  broadcastCardId?: string | null;
}

export interface Funnel {
  submitted: number;
  viewed: number;
  interview: number;
  offer: number;
  hired: number;
  rejected: number;
  withdrawn: number;
}

const COLUMNS = `a.id, a.posting_id AS "postingId", p.title AS "postingTitle", p.status AS "postingStatus", a.seeker_id AS "seekerId",
  a.employer_id AS "employerId", e.name AS "employerName", e.region_code AS "employerRegionCode", a.status, a.source,
  a.source_event_id AS "sourceEventId", ev.title AS "fairTitle", a.source_ref AS "sourceRef", a.cover_note AS "coverNote",
  a.applicant_name AS "applicantName", a.applicant_phone AS "applicantPhone", a.applicant_email AS "applicantEmail",
  a.applicant_region_code AS "applicantRegionCode", a.education, a.experience, a.intended_occupation AS "intendedOccupation",
  a.introduction, a.rejection_reason AS "rejectionReason", a.submitted_at AS "submittedAt", a.viewed_at AS "viewedAt",
  a.interview_at AS "interviewAt", a.offer_at AS "offerAt", a.hired_at AS "hiredAt", a.rejected_at AS "rejectedAt",
  a.withdrawn_at AS "withdrawnAt", a.updated_at AS "updatedAt"`;
const FROM = `FROM job_application a JOIN job_posting p ON p.id = a.posting_id JOIN employer e ON e.id = a.employer_id
  LEFT JOIN event ev ON ev.id = a.source_event_id`;

/** Counts per stage reached (each stage's timestamp is set when an application reaches it or a later stage). */
export const FUNNEL_COLUMNS = `count(*)::int AS submitted, count(a.viewed_at)::int AS viewed, count(a.interview_at)::int AS interview,
  count(a.offer_at)::int AS offer, count(a.hired_at)::int AS hired,
  (count(*) FILTER (WHERE a.status = 'REJECTED'))::int AS rejected, (count(*) FILTER (WHERE a.status = 'WITHDRAWN'))::int AS withdrawn`;

export const EMPTY_FUNNEL: Funnel = { submitted: 0, viewed: 0, interview: 0, offer: 0, hired: 0, rejected: 0, withdrawn: 0 };

/** Applications (投递): applying with the profile as résumé, the employer's pipeline, the seeker's withdrawal, funnels. */
@Injectable()
export class ApplicationsService {
  constructor(
    private readonly ds: DataSource,
    private readonly domainEvents: DomainEvents,
  ) {}

  async findById(id: string, manager: EntityManager = this.ds.manager): Promise<ApplicationRow> {
    const rows: ApplicationRow[] = await manager.query(`SELECT ${COLUMNS} ${FROM} WHERE a.id = $1`, [id]);
    if (!rows[0]) throw ApplicationErrors.notFound();
    return rows[0];
  }

  /**
   * One application per (posting, seeker): the unique constraint decides, so of two concurrent applies one
   * inserts and the other finds the row and answers CONFLICT ALREADY_APPLIED with its id.
   */
  async apply(actor: Actor, input: ApplyFields): Promise<ApplicationRow> {
    if (input.source === 'FAIR' && !input.eventId) throw ApplicationErrors.fairRequired();
    if (input.source === 'ONLINE' && (input.eventId || input.sourceRef)) throw ApplicationErrors.sourceRefOnline();
    const id = await this.ds.transaction(async (m) => {
      // FOR SHARE: a withdrawal or an edit (back to review) committing meanwhile waits for this application.
      const postings: Array<{ id: string; title: string; employerId: string; regionCode: string }> = await m.query(
        `SELECT p.id, p.title, p.employer_id AS "employerId", e.region_code AS "regionCode"
           FROM job_posting p JOIN employer e ON e.id = p.employer_id WHERE p.id = $1 AND ${SQL_PUBLIC} FOR SHARE OF p`,
        [input.postingId],
      );
      const posting = postings[0];
      if (!posting) {
        const exists: Array<{ status: string }> = await m.query(`SELECT status FROM job_posting WHERE id = $1`, [input.postingId]);
        // Never approved (awaiting review, rejected): as if it did not exist. Once public (expired, withdrawn): closed.
        if (!exists[0] || ['PENDING_REVIEW', 'REJECTED'].includes(exists[0].status)) throw ApplicationErrors.postingNotFound();
        throw ApplicationErrors.postingClosed();
      }
      if (input.eventId) {
        const events: Array<{ id: string }> = await m.query(`SELECT id FROM event WHERE id = $1 AND status IN ('PUBLISHED','COMPLETED')`, [input.eventId]);
        if (!events[0]) throw ApplicationErrors.fairNotFound();
      }
      const inserted: Array<{ id: string }> = await m.query(
        `INSERT INTO job_application (posting_id, seeker_id, employer_id, source, source_event_id, source_ref, cover_note,
                                      broadcast_id, broadcast_card_id,
                                      applicant_name, applicant_phone, applicant_email, applicant_region_code,
                                      education, experience, intended_occupation, introduction)
         SELECT $1, u.id, $3, $4, $5, $6, $7, $8, $9, u.display_name, u.phone, u.email, u.region_code,
                r.education, r.experience, r.intended_occupation, r.introduction
           FROM app_user u LEFT JOIN seeker_resume r ON r.user_id = u.id
          WHERE u.id = $2
         ON CONFLICT ON CONSTRAINT job_application_once DO NOTHING
         RETURNING id`,
        [
          posting.id, actor.id, posting.employerId, input.source, input.eventId ?? null, input.sourceRef?.trim() || null, input.coverNote?.trim() || null,
          input.broadcastId ?? null, input.broadcastCardId ?? null,
        ],
      );
      if (!inserted[0]) {
        const existing: Array<{ id: string }> = await m.query(`SELECT id FROM job_application WHERE posting_id = $1 AND seeker_id = $2`, [posting.id, actor.id]);
        throw ApplicationErrors.alreadyApplied(existing[0]?.id ?? '');
      }
      await this.domainEvents.record(
        m,
        'application.submitted',
        {
          applicationId: inserted[0].id,
          postingId: posting.id,
          postingTitle: posting.title,
          employerId: posting.employerId,
          regionCode: posting.regionCode,
          seekerId: actor.id,
          source: input.source,
          eventId: input.eventId ?? null,
        },
        { actor },
      );
      return inserted[0].id;
    });
    return this.findById(id);
  }

  /**
   * Moves an application with one conditional UPDATE: the row is locked, and the move happens only if its
   * status (as it is now, after any concurrent move) is one the state machine allows `to` from. Reaching a
   * stage sets its timestamp and those of the stages it skipped (the funnel counts from them).
   * `quiet`: no error when the move does not apply (opening an already viewed application).
   */
  async transition(actor: Actor, id: string, to: ApplicationStatus, by: ApplicationMover, opts: { reason?: string | null; quiet?: boolean } = {}): Promise<ApplicationRow> {
    const allowedFrom = applicationStatusesBefore(to, by);
    const reason = to === 'REJECTED' ? opts.reason?.trim() || null : null;
    await this.ds.transaction(async (m) => {
      const [rows]: [Array<{ prev: ApplicationStatus }>, number] = await m.query(
        `UPDATE job_application a SET status = $2, updated_at = now(),
                viewed_at = CASE WHEN $2 IN ('VIEWED','INTERVIEW','OFFER','HIRED') THEN COALESCE(a.viewed_at, now()) ELSE a.viewed_at END,
                interview_at = CASE WHEN $2 IN ('INTERVIEW','OFFER','HIRED') THEN COALESCE(a.interview_at, now()) ELSE a.interview_at END,
                offer_at = CASE WHEN $2 IN ('OFFER','HIRED') THEN COALESCE(a.offer_at, now()) ELSE a.offer_at END,
                hired_at = CASE WHEN $2 = 'HIRED' THEN now() ELSE a.hired_at END,
                rejected_at = CASE WHEN $2 = 'REJECTED' THEN now() ELSE a.rejected_at END,
                rejection_reason = CASE WHEN $2 = 'REJECTED' THEN $4 ELSE a.rejection_reason END,
                withdrawn_at = CASE WHEN $2 = 'WITHDRAWN' THEN now() ELSE a.withdrawn_at END
           FROM (SELECT id, status AS prev FROM job_application WHERE id = $1 FOR UPDATE) o
          WHERE a.id = o.id AND o.prev = ANY($3::text[])
          RETURNING o.prev`,
        [id, to, allowedFrom, reason],
      );
      if (!rows[0]) {
        if (opts.quiet) return;
        throw ApplicationErrors.invalidMove((await this.findById(id, m)).status, to);
      }
      const row = await this.findById(id, m);
      const ref = {
        applicationId: id,
        postingId: row.postingId,
        postingTitle: row.postingTitle,
        employerId: row.employerId,
        regionCode: row.employerRegionCode,
        seekerId: row.seekerId,
      };
      if (to === 'WITHDRAWN') await this.domainEvents.record(m, 'application.withdrawn', { ...ref, from: rows[0].prev }, { actor });
      else await this.domainEvents.record(m, 'application.status-changed', { ...ref, from: rows[0].prev, to, reason }, { actor });
    });
    return this.findById(id);
  }

  async listMine(seekerId: string, q: { status?: ApplicationStatus; take: number; skip: number }) {
    return this.page(`a.seeker_id = $1 ${q.status ? 'AND a.status = $2' : ''}`, q.status ? [seekerId, q.status] : [seekerId], q);
  }

  async listForPosting(postingId: string, q: { status?: ApplicationStatus; take: number; skip: number }) {
    return this.page(`a.posting_id = $1 ${q.status ? 'AND a.status = $2' : ''}`, q.status ? [postingId, q.status] : [postingId], q);
  }

  /** The caller's application state for each of these postings (for "apply" buttons). */
  async statesFor(seekerId: string, postingIds: string[]): Promise<Array<{ postingId: string; applicationId: string; status: ApplicationStatus }>> {
    return this.ds.query(
      `SELECT posting_id AS "postingId", id AS "applicationId", status FROM job_application WHERE seeker_id = $1 AND posting_id = ANY($2::uuid[])`,
      [seekerId, postingIds],
    );
  }

  /** Funnel counts per posting (all sources). */
  async postingFunnels(postingIds: readonly string[]): Promise<Map<string, Funnel>> {
    const rows: Array<Funnel & { postingId: string }> = await this.ds.query(
      `SELECT a.posting_id AS "postingId", ${FUNNEL_COLUMNS} FROM job_application a WHERE a.posting_id = ANY($1::uuid[]) GROUP BY a.posting_id`,
      [[...postingIds]],
    );
    return new Map(rows.map(({ postingId, ...f }) => [postingId, f]));
  }

  /** Applications made from a fair: the total and per posting. */
  async fairFunnel(eventId: string): Promise<{ total: Funnel; postings: Array<{ postingId: string; postingTitle: string; employerName: string; funnel: Funnel }> }> {
    const rows: Array<Funnel & { postingId: string; postingTitle: string; employerName: string }> = await this.ds.query(
      `SELECT a.posting_id AS "postingId", p.title AS "postingTitle", e.name AS "employerName", ${FUNNEL_COLUMNS}
         FROM job_application a JOIN job_posting p ON p.id = a.posting_id JOIN employer e ON e.id = a.employer_id
        WHERE a.source = 'FAIR' AND a.source_event_id = $1
        GROUP BY a.posting_id, p.title, e.name ORDER BY e.name, p.title`,
      [eventId],
    );
    const total = { ...EMPTY_FUNNEL };
    for (const r of rows) for (const k of Object.keys(total) as Array<keyof Funnel>) total[k] += r[k];
    return { total, postings: rows.map(({ postingId, postingTitle, employerName, ...funnel }) => ({ postingId, postingTitle, employerName, funnel })) };
  }

  async eventRegion(eventId: string): Promise<string> {
    const rows: Array<{ regionCode: string }> = await this.ds.query(`SELECT region_code AS "regionCode" FROM event WHERE id = $1`, [eventId]);
    if (!rows[0]) throw notFound('Event');
    return rows[0].regionCode;
  }

  private async page(where: string, params: unknown[], q: { take: number; skip: number }): Promise<{ items: ApplicationRow[]; total: number }> {
    const [items, count] = await Promise.all([
      this.ds.query(`SELECT ${COLUMNS} ${FROM} WHERE ${where} ORDER BY a.submitted_at DESC, a.id LIMIT ${Number(q.take)} OFFSET ${Number(q.skip)}`, params) as Promise<ApplicationRow[]>,
      this.ds.query(`SELECT count(*)::int AS n FROM job_application a WHERE ${where}`, params) as Promise<Array<{ n: number }>>,
    ]);
    return { items, total: count[0]!.n };
  }
}
