import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CITY_REGION_CODE, rankMentors } from '@leye/domain';
import type { Actor } from '../../common/auth/actor.js';
import { uniqueViolation } from '../../common/errors/app-error.js';
import type { AssignMentorArgs, ProjectInput, ProjectListArgs } from './dtos/mentor.inputs.js';
import { DomainEvents } from '../../common/domain-events/domain-events.service.js';
import { MentorErrors } from './mentor.exception.js';
import './mentor.domain-events.js';
import type { MentorRow, ProjectRow } from './mentor.types.js';
import { MENTOR_COLUMNS, MENTOR_FROM, MentorsService } from './mentors.service.js';

export const PROJECT_COLUMNS = `p.id, p.name, p.industry, p.stage, p.region_code AS "regionCode", p.source, p.source_note AS "sourceNote", p.needs,
  p.need_tags AS "needTags", p.created_at AS "createdAt",
  coalesce((SELECT json_agg(json_build_object('userId', f.user_id, 'name', f.name) ORDER BY f.name) FROM startup_project_founder f WHERE f.project_id = p.id), '[]') AS founders,
  coalesce((SELECT array_agg(DISTINCT m.user_id) FROM mentor_follow_up fu JOIN mentor m ON m.id = fu.mentor_id
             WHERE fu.project_id = p.id AND fu.status IN ('OFFERED','ACTIVE','ENDED') AND m.user_id IS NOT NULL), '{}') AS "mentorUserIds",
  coalesce((SELECT array_agg(m.name ORDER BY m.name) FROM mentor_follow_up fu JOIN mentor m ON m.id = fu.mentor_id
             WHERE fu.project_id = p.id AND fu.status IN ('OFFERED','ACTIVE')), '{}') AS "mentorNames",
  (SELECT count(*)::int FROM mentor_follow_up fu WHERE fu.project_id = p.id AND fu.status IN ('OFFERED','ACTIVE')) AS "openFollowUps",
  (SELECT max(cs.held_at) FROM coaching_session cs WHERE cs.project_id = p.id) AS "lastSessionAt"`;

export interface FollowUpRow {
  id: string;
  projectId: string;
  projectName: string;
  regionCode: string;
  mentorId: string;
  mentorName: string;
  mentorUserId: string | null;
  status: string;
  goals: string | null;
  startsOn: string;
  endedOn: string | null;
  outcome: string | null;
  outcomeNote: string | null;
}

export const FOLLOW_UP_SELECT = `SELECT fu.id, fu.project_id AS "projectId", p.name AS "projectName", p.region_code AS "regionCode", fu.mentor_id AS "mentorId",
  m.name AS "mentorName", m.user_id AS "mentorUserId", fu.status, fu.goals, fu.starts_on::text AS "startsOn", fu.ended_on::text AS "endedOn",
  fu.outcome, fu.outcome_note AS "outcomeNote"
  FROM mentor_follow_up fu JOIN startup_project p ON p.id = fu.project_id JOIN mentor m ON m.id = fu.mentor_id`;

/** Startup projects (创业项目), mentor suggestions and follow-ups (护航). */
@Injectable()
export class ProjectsService {
  constructor(
    private readonly ds: DataSource,
    private readonly mentors: MentorsService,
    private readonly domainEvents: DomainEvents,
  ) {}

  async findById(id: string): Promise<ProjectRow> {
    const rows: ProjectRow[] = await this.ds.query(`SELECT ${PROJECT_COLUMNS} FROM startup_project p WHERE p.id = $1`, [id]);
    if (!rows[0]) throw MentorErrors.projectNotFound();
    return rows[0];
  }

  async list(args: ProjectListArgs, regionScope: string[] | null): Promise<{ total: number; items: ProjectRow[] }> {
    const params: unknown[] = [regionScope, args.regionCode ?? null, args.search?.trim() ? `%${args.search.trim().replace(/[\\%_]/g, '\\$&')}%` : null, args.unfollowed ?? false];
    const filter = `WHERE ($1::text[] IS NULL OR p.region_code = ANY($1::text[])) AND ($2::text IS NULL OR p.region_code = $2) AND ($3::text IS NULL OR p.name ILIKE $3)
      AND (NOT $4 OR NOT EXISTS (SELECT 1 FROM mentor_follow_up fu WHERE fu.project_id = p.id AND fu.status IN ('OFFERED','ACTIVE')))`;
    const [{ total }] = await this.ds.query(`SELECT count(*)::int AS total FROM startup_project p ${filter}`, params);
    const items: ProjectRow[] = await this.ds.query(
      `SELECT ${PROJECT_COLUMNS} FROM startup_project p ${filter} ORDER BY p.created_at DESC, p.id LIMIT ${args.take} OFFSET ${args.skip}`,
      params,
    );
    return { total, items };
  }

  /** Projects the user founded (for confirming sessions). */
  async founded(userId: string): Promise<ProjectRow[]> {
    return this.ds.query(
      `SELECT ${PROJECT_COLUMNS} FROM startup_project p WHERE EXISTS (SELECT 1 FROM startup_project_founder f WHERE f.project_id = p.id AND f.user_id = $1)
        ORDER BY p.name LIMIT 100`,
      [userId],
    );
  }

  async create(actor: Actor, input: ProjectInput): Promise<ProjectRow> {
    await this.mentors.checkTags(input.needTags);
    const founders: Array<{ name: string; userId: string | null }> = [];
    for (const f of input.founders) {
      let userId: string | null = null;
      const account = f.account?.trim().toLowerCase();
      if (account) {
        const rows: Array<{ id: string }> = await this.ds.query(
          `SELECT id FROM app_user WHERE role = 'SEEKER' AND disabled_at IS NULL AND (phone = $1 OR email = $1) LIMIT 1`,
          [account],
        );
        if (!rows[0]) throw MentorErrors.founderNotFound(f.account!.trim());
        userId = rows[0].id;
      }
      if (!userId || !founders.some((x) => x.userId === userId)) founders.push({ name: f.name.trim(), userId });
    }
    const id = await this.ds.transaction(async (m) => {
      const [row] = await m.query(
        `INSERT INTO startup_project (name, industry, stage, region_code, source, source_note, needs, need_tags, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [input.name.trim(), input.industry, input.stage, input.regionCode, input.source, input.sourceNote ?? null, input.needs ?? null, input.needTags, actor.id],
      );
      for (const f of founders) await m.query(`INSERT INTO startup_project_founder (project_id, user_id, name) VALUES ($1, $2, $3)`, [row.id, f.userId, f.name]);
      return row.id as string;
    });
    return this.findById(id);
  }

  /**
   * Ranked mentor suggestions for a project: every active mentor of the city scored by the pure
   * `rankMentors` (expertise, industry, region, load against capacity), the best `limit`.
   */
  async suggestions(project: ProjectRow, limit = 10): Promise<Array<{ mentor: MentorRow; score: number; available: boolean; reasons: unknown[] }>> {
    const candidates: MentorRow[] = await this.ds.query(
      `SELECT ${MENTOR_COLUMNS} FROM ${MENTOR_FROM} WHERE m.status = 'ACTIVE'
         AND NOT EXISTS (SELECT 1 FROM mentor_follow_up f WHERE f.mentor_id = m.id AND f.project_id = $1 AND f.status IN ('OFFERED','ACTIVE'))`,
      [project.id],
    );
    const ranked = rankMentors(
      candidates.map((m) => ({ ...m, key: `${m.name}\u0000${m.id}` })),
      { needTags: project.needTags, industry: project.industry, regionCode: project.regionCode },
      CITY_REGION_CODE,
    );
    return ranked.slice(0, limit).map((r) => ({ mentor: r, score: r.score, available: r.available, reasons: r.reasons }));
  }

  async followUp(id: string): Promise<FollowUpRow> {
    const rows: FollowUpRow[] = await this.ds.query(`${FOLLOW_UP_SELECT} WHERE fu.id = $1`, [id]);
    if (!rows[0]) throw MentorErrors.followUpNotFound();
    return rows[0];
  }

  followUpsOfProject(projectId: string): Promise<FollowUpRow[]> {
    return this.ds.query(`${FOLLOW_UP_SELECT} WHERE fu.project_id = $1 ORDER BY fu.created_at DESC`, [projectId]);
  }

  followUpsOfMentor(mentorId: string): Promise<FollowUpRow[]> {
    return this.ds.query(
      `${FOLLOW_UP_SELECT} WHERE fu.mentor_id = $1 ORDER BY fu.status = 'OFFERED' DESC, fu.status = 'ACTIVE' DESC, fu.starts_on DESC LIMIT 100`,
      [mentorId],
    );
  }

  /** The mentor's open follow-up of a project (what allows logging sessions), if any. */
  async openFollowUp(mentorId: string, projectId: string): Promise<FollowUpRow | null> {
    const rows: FollowUpRow[] = await this.ds.query(`${FOLLOW_UP_SELECT} WHERE fu.mentor_id = $1 AND fu.project_id = $2 AND fu.status IN ('OFFERED','ACTIVE')`, [
      mentorId, projectId,
    ]);
    return rows[0] ?? null;
  }

  /**
   * Starts (or offers) a follow-up. Race-safe: the mentor's row is locked while its open follow-ups
   * are counted against its capacity, so two assignments at once cannot both take the last place;
   * a unique index keeps one open follow-up per mentor and project.
   */
  async assign(actor: Actor, args: AssignMentorArgs): Promise<FollowUpRow> {
    const id = await this.ds
      .transaction(async (m) => {
        const [mentor] = await m.query(`SELECT status, capacity, user_id FROM mentor WHERE id = $1 FOR UPDATE`, [args.mentorId]);
        if (!mentor) throw MentorErrors.mentorNotFound();
        if (mentor.status !== 'ACTIVE') throw MentorErrors.notActive();
        const [{ load }] = await m.query(`SELECT count(*)::int AS load FROM mentor_follow_up WHERE mentor_id = $1 AND status IN ('OFFERED','ACTIVE')`, [args.mentorId]);
        if (load >= mentor.capacity) throw MentorErrors.atCapacity(mentor.capacity);
        const [row] = await m.query(
          `INSERT INTO mentor_follow_up (mentor_id, project_id, status, goals, starts_on, assigned_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
          [args.mentorId, args.projectId, args.offer ? 'OFFERED' : 'ACTIVE', args.goals ?? null, args.startsOn, actor.id],
        );
        const [project] = await m.query(`SELECT name, region_code FROM startup_project WHERE id = $1`, [args.projectId]);
        await this.domainEvents.record(
          m,
          'mentor.follow-up-assigned',
          {
            followUpId: row.id, projectId: args.projectId, projectName: project.name, regionCode: project.region_code, mentorId: args.mentorId,
            mentorUserId: mentor.user_id, status: args.offer ? 'OFFERED' : 'ACTIVE',
          },
          { actor },
        );
        return row.id as string;
      })
      .catch((error: unknown) => {
        if (uniqueViolation(error) === 'mentor_follow_up_open') throw MentorErrors.alreadyFollowing();
        throw error;
      });
    return this.followUp(id);
  }

  /** The offered mentor accepts (ACTIVE from the offer's start date, or today if later) or declines. */
  async respond(id: string, accept: boolean): Promise<FollowUpRow> {
    const [rows]: [unknown[], number] = await this.ds.query(
      accept
        ? `UPDATE mentor_follow_up SET status = 'ACTIVE', starts_on = greatest(starts_on, (now() AT TIME ZONE 'Asia/Shanghai')::date) WHERE id = $1 AND status = 'OFFERED' RETURNING id`
        : `UPDATE mentor_follow_up SET status = 'DECLINED' WHERE id = $1 AND status = 'OFFERED' RETURNING id`,
      [id],
    );
    if (!rows.length) throw MentorErrors.followUpState((await this.followUp(id)).status);
    return this.followUp(id);
  }

  async end(id: string, outcome: string, note: string | null | undefined): Promise<FollowUpRow> {
    const [rows]: [unknown[], number] = await this.ds.query(
      `UPDATE mentor_follow_up SET status = 'ENDED', outcome = $2, outcome_note = $3, ended_on = (now() AT TIME ZONE 'Asia/Shanghai')::date
        WHERE id = $1 AND status = 'ACTIVE' RETURNING id`,
      [id, outcome, note ?? null],
    );
    if (!rows.length) throw MentorErrors.followUpState((await this.followUp(id)).status);
    return this.followUp(id);
  }
}
