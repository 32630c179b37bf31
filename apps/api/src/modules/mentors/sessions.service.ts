import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { MENTOR_POOL_TARGET, PROJECT_QUIET_DAYS } from '@leye/domain';
import type { MeasureFigures, MeasureScope } from '../../common/measures/measures.js';
import type { LogSessionInput } from './dtos/mentor.inputs.js';
import { DomainEvents } from '../../common/domain-events/domain-events.service.js';
import { MentorErrors } from './mentor.exception.js';
import './mentor.domain-events.js';
import type { ProjectRow, SessionRow } from './mentor.types.js';
import { inPoolAt } from './mentors.service.js';
import { PROJECT_COLUMNS } from './projects.service.js';

const SESSION_SELECT = `SELECT cs.id, cs.mentor_id AS "mentorId", m.name AS "mentorName", m.user_id AS "mentorUserId", cs.project_id AS "projectId",
  p.name AS "projectName", p.region_code AS "regionCode",
  coalesce((SELECT array_agg(f.user_id) FROM startup_project_founder f WHERE f.project_id = p.id AND f.user_id IS NOT NULL), '{}') AS "founderUserIds",
  cs.held_at AS "heldAt", cs.duration_minutes AS "durationMinutes", cs.mode, cs.topics, cs.advice, cs.next_on::text AS "nextOn", cs.confirmed_at AS "confirmedAt",
  coalesce((SELECT json_agg(json_build_object('id', a.id, 'text', a.text, 'dueOn', a.due_on::text, 'doneAt', a.done_at) ORDER BY a.due_on NULLS LAST, a.id)
              FROM coaching_action a WHERE a.session_id = cs.id), '[]') AS actions
  FROM coaching_session cs JOIN mentor m ON m.id = cs.mentor_id JOIN startup_project p ON p.id = cs.project_id`;

/** JSON timestamps come back as strings: make them Dates again. */
const withDates = (r: SessionRow): SessionRow => ({ ...r, actions: r.actions.map((a) => ({ ...a, doneAt: a.doneAt ? new Date(a.doneAt) : null })) });

/** A calendar entry for the mentor's private feed. */
export interface SessionFeedRow {
  id: string;
  projectName: string;
  heldAt: Date;
  durationMinutes: number;
  mode: string;
  nextOn: string | null;
  createdAt: Date;
}

/** Coaching sessions: logging, founders' confirmation, the mentor's desk, statistics and quota measures. */
@Injectable()
export class SessionsService {
  constructor(
    private readonly ds: DataSource,
    private readonly domainEvents: DomainEvents,
  ) {}

  async findById(id: string): Promise<SessionRow> {
    const rows: SessionRow[] = await this.ds.query(`${SESSION_SELECT} WHERE cs.id = $1`, [id]);
    if (!rows[0]) throw MentorErrors.sessionNotFound();
    return withDates(rows[0]);
  }

  /** A project's sessions; `mentorId` limits them to one mentor's (a mentor sees only their own notes). */
  async ofProject(projectId: string, mentorId: string | null): Promise<SessionRow[]> {
    const rows: SessionRow[] = await this.ds.query(`${SESSION_SELECT} WHERE cs.project_id = $1 AND ($2::uuid IS NULL OR cs.mentor_id = $2) ORDER BY cs.held_at DESC LIMIT 200`, [
      projectId, mentorId,
    ]);
    return rows.map(withDates);
  }

  async ofMentor(mentorId: string, limit = 20): Promise<SessionRow[]> {
    return (await this.ds.query(`${SESSION_SELECT} WHERE cs.mentor_id = $1 ORDER BY cs.held_at DESC LIMIT ${limit}`, [mentorId])).map(withDates);
  }

  /** Sessions of the projects the user founded, unconfirmed first. */
  async ofFounder(userId: string): Promise<SessionRow[]> {
    const rows: SessionRow[] = await this.ds.query(
      `${SESSION_SELECT} WHERE EXISTS (SELECT 1 FROM startup_project_founder f WHERE f.project_id = cs.project_id AND f.user_id = $1)
        ORDER BY cs.confirmed_at IS NULL DESC, cs.held_at DESC LIMIT 100`,
      [userId],
    );
    return rows.map(withDates);
  }

  openActions(mentorId: string) {
    return this.ds.query(
      `SELECT a.id, a.text, a.due_on::text AS "dueOn", a.done_at AS "doneAt", a.session_id AS "sessionId", p.name AS "projectName"
         FROM coaching_action a JOIN coaching_session cs ON cs.id = a.session_id JOIN startup_project p ON p.id = cs.project_id
        WHERE cs.mentor_id = $1 AND a.done_at IS NULL ORDER BY a.due_on NULLS LAST, a.id LIMIT 50`,
      [mentorId],
    );
  }

  async log(mentorId: string, input: LogSessionInput): Promise<SessionRow> {
    const heldAt = input.heldAt ?? new Date();
    if (Number.isNaN(heldAt.getTime()) || heldAt.getTime() > Date.now() + 3600_000 || heldAt.getTime() < Date.now() - 366 * 86400_000) throw MentorErrors.heldAt();
    const id = await this.ds.transaction(async (m) => {
      const [row] = await m.query(
        `INSERT INTO coaching_session (mentor_id, project_id, held_at, duration_minutes, mode, topics, advice, next_on)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [mentorId, input.projectId, heldAt, input.durationMinutes, input.mode, input.topics.map((t) => t.trim()).filter(Boolean), input.advice?.trim() || null, input.nextOn ?? null],
      );
      for (const a of input.actions) await m.query(`INSERT INTO coaching_action (session_id, text, due_on) VALUES ($1, $2, $3)`, [row.id, a.text.trim(), a.dueOn ?? null]);
      const [ref] = await m.query(
        `SELECT p.name AS "projectName", p.region_code AS "regionCode", me.name AS "mentorName",
                coalesce((SELECT array_agg(f.user_id) FROM startup_project_founder f WHERE f.project_id = p.id AND f.user_id IS NOT NULL), '{}') AS "founderUserIds"
           FROM startup_project p, mentor me WHERE p.id = $1 AND me.id = $2`,
        [input.projectId, mentorId],
      );
      await this.domainEvents.record(m, 'coaching.session-logged', { sessionId: row.id, projectId: input.projectId, ...ref });
      return row.id as string;
    });
    return this.findById(id);
  }

  /** A founder confirms, once (a conditional update; a second confirmation is CONFLICT). */
  async confirm(id: string, userId: string): Promise<SessionRow> {
    const [rows]: [unknown[], number] = await this.ds.query(
      `UPDATE coaching_session SET confirmed_at = now(), confirmed_by = $2 WHERE id = $1 AND confirmed_at IS NULL RETURNING id`,
      [id, userId],
    );
    if (!rows.length) throw MentorErrors.alreadyConfirmed();
    return this.findById(id);
  }

  async actionSession(actionId: string): Promise<string> {
    const rows: Array<{ session_id: string }> = await this.ds.query(`SELECT session_id FROM coaching_action WHERE id = $1`, [actionId]);
    if (!rows[0]) throw MentorErrors.sessionNotFound();
    return rows[0].session_id;
  }

  async completeAction(actionId: string, done: boolean): Promise<void> {
    await this.ds.query(`UPDATE coaching_action SET done_at = CASE WHEN $2 THEN coalesce(done_at, now()) END WHERE id = $1`, [actionId, done]);
  }

  // ── Statistics ─────────────────────────────────────────────────────────────
  async stats(regionScope: string[] | null) {
    const scope = [regionScope];
    const [pool] = await this.ds.query(
      `SELECT count(*) FILTER (WHERE ${inPoolAt(`(now() AT TIME ZONE 'Asia/Shanghai')::date`)})::int AS "poolSize",
              count(*) FILTER (WHERE m.status = 'APPLIED')::int AS "applicationsWaiting"
         FROM mentor m WHERE $1::text[] IS NULL OR m.region_code = ANY($1::text[])`,
      scope,
    );
    const [sessions] = await this.ds.query(
      `SELECT count(*) FILTER (WHERE cs.confirmed_at IS NOT NULL)::int AS confirmed, count(*) FILTER (WHERE cs.confirmed_at IS NULL)::int AS unconfirmed
         FROM coaching_session cs JOIN startup_project p ON p.id = cs.project_id
        WHERE cs.held_at >= date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai' - interval '11 months'
          AND ($1::text[] IS NULL OR p.region_code = ANY($1::text[]))`,
      scope,
    );
    const byMonth: Array<{ month: string; value: number }> = await this.ds.query(
      `WITH months AS (
         SELECT to_char(d, 'YYYY-MM') AS month FROM generate_series(date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai') - interval '11 months',
                                                                    date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai'), interval '1 month') d)
       SELECT months.month, count(cs.id)::int AS value FROM months
         LEFT JOIN (coaching_session cs JOIN startup_project p ON p.id = cs.project_id AND ($1::text[] IS NULL OR p.region_code = ANY($1::text[])))
           ON cs.confirmed_at IS NOT NULL AND to_char(cs.held_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') = months.month
        GROUP BY months.month ORDER BY months.month`,
      scope,
    );
    const [{ active }] = await this.ds.query(
      `SELECT count(*)::int AS active FROM mentor_follow_up fu JOIN startup_project p ON p.id = fu.project_id
        WHERE fu.status = 'ACTIVE' AND ($1::text[] IS NULL OR p.region_code = ANY($1::text[]))`,
      scope,
    );
    const quiet: ProjectRow[] = await this.ds.query(
      `SELECT * FROM (SELECT ${PROJECT_COLUMNS} FROM startup_project p WHERE $1::text[] IS NULL OR p.region_code = ANY($1::text[])) q
        WHERE q."lastSessionAt" IS NULL OR q."lastSessionAt" < now() - make_interval(days => ${PROJECT_QUIET_DAYS})
        ORDER BY q."lastSessionAt" NULLS FIRST, q."createdAt" LIMIT 50`,
      scope,
    );
    return {
      poolSize: pool.poolSize as number,
      poolTarget: MENTOR_POOL_TARGET,
      applicationsWaiting: pool.applicationsWaiting as number,
      activeFollowUps: active as number,
      confirmedSessions: sessions.confirmed as number,
      unconfirmedSessions: sessions.unconfirmed as number,
      sessionsByMonth: byMonth,
      quietProjects: quiet,
    };
  }

  // ── Quota measures ─────────────────────────────────────────────────────────
  /** `mentors.pool`: a level — mentors in the pool at the period's last day (per month: at each month's last day, or today if earlier). */
  async poolMeasure(scope: MeasureScope, manager: EntityManager = this.ds.manager): Promise<MeasureFigures> {
    const end = `(($2::timestamptz - interval '1 millisecond') AT TIME ZONE 'Asia/Shanghai')::date`;
    const params = [scope.regionCodes, scope.to, scope.from];
    const byRegion: Array<{ regionCode: string; value: number }> = await manager.query(
      `SELECT m.region_code AS "regionCode", count(*)::int AS value FROM mentor m
        WHERE m.region_code = ANY($1::text[]) AND ${inPoolAt(end)} GROUP BY m.region_code ORDER BY m.region_code`,
      params.slice(0, 2),
    );
    const byMonth: Array<{ month: string; value: number }> = await manager.query(
      `WITH months AS (
         SELECT d::date AS first, least((d + interval '1 month' - interval '1 day')::date, ${end}) AS last
           FROM generate_series(date_trunc('month', $3::timestamptz AT TIME ZONE 'Asia/Shanghai'), ${end}::timestamp, interval '1 month') d)
       SELECT to_char(months.first, 'YYYY-MM') AS month,
              (SELECT count(*)::int FROM mentor m WHERE m.region_code = ANY($1::text[]) AND ${inPoolAt('months.last')}) AS value
         FROM months ORDER BY months.first`,
      params,
    );
    return { total: byRegion.reduce((s, r) => s + r.value, 0), byMonth, byRegion };
  }

  /** `mentors.confirmedSessions`: sessions held in the period whose founder confirmed them, by the project's region. */
  async confirmedSessionsMeasure(scope: MeasureScope, manager: EntityManager = this.ds.manager): Promise<MeasureFigures> {
    const rows: Array<{ month: string; regionCode: string; value: number }> = await manager.query(
      `SELECT to_char(cs.held_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, p.region_code AS "regionCode", count(*)::int AS value
         FROM coaching_session cs JOIN startup_project p ON p.id = cs.project_id
        WHERE cs.confirmed_at IS NOT NULL AND cs.held_at >= $2 AND cs.held_at < $3 AND p.region_code = ANY($1::text[])
        GROUP BY 1, 2`,
      [scope.regionCodes, scope.from, scope.to],
    );
    const months = new Map<string, number>();
    const regions = new Map<string, number>();
    for (const r of rows) {
      months.set(r.month, (months.get(r.month) ?? 0) + r.value);
      regions.set(r.regionCode, (regions.get(r.regionCode) ?? 0) + r.value);
    }
    return {
      total: rows.reduce((s, r) => s + r.value, 0),
      byMonth: [...months].sort(([a], [b]) => a.localeCompare(b)).map(([month, value]) => ({ month, value })),
      byRegion: [...regions].sort(([a], [b]) => a.localeCompare(b)).map(([regionCode, value]) => ({ regionCode, value })),
    };
  }

  // ── Calendar feed ──────────────────────────────────────────────────────────
  /** The mentor's sessions (last 90 days and planned next dates) for their private calendar feed. */
  feedRows(userId: string): Promise<SessionFeedRow[]> {
    return this.ds.query(
      `SELECT cs.id, p.name AS "projectName", cs.held_at AS "heldAt", cs.duration_minutes AS "durationMinutes", cs.mode, cs.next_on::text AS "nextOn",
              cs.created_at AS "createdAt"
         FROM coaching_session cs JOIN mentor m ON m.id = cs.mentor_id JOIN startup_project p ON p.id = cs.project_id
        WHERE m.user_id = $1 AND (cs.held_at > now() - interval '90 days' OR cs.next_on >= (now() AT TIME ZONE 'Asia/Shanghai')::date)
        ORDER BY cs.held_at LIMIT 1000`,
      [userId],
    );
  }
}
