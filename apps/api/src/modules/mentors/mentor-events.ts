import { Injectable } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor } from '../../common/auth/decorators.js';
import { coversRegion } from '../../common/permissions/actor-scope.js';
import { Permissions } from '../../common/permissions/permissions.service.js';
import { notFound } from '../../common/errors/app-error.js';
import type { EventAttachmentSource } from '../events/event-attachments.service.js';
import { AssignEventRoleArgs, AttendanceArgs, EventIdArgs } from './dtos/mentor.inputs.js';
import { MentorErrors } from './mentor.exception.js';
import { MentorEventRoleType } from './mentor.types.js';

const ROLE_SELECT = `SELECT r.id, r.event_id AS "eventId", r.mentor_id AS "mentorId", m.name AS "mentorName", r.role, r.attended
  FROM mentor_event_role r JOIN mentor m ON m.id = r.mentor_id`;

/** Mentors as judges or speakers at entrepreneurship events, their attendance, and "who is attached" for calendar changes. */
@Injectable()
export class MentorEventsService {
  constructor(private readonly ds: DataSource) {}

  async event(id: string): Promise<{ regionCode: string; type: string; published: boolean }> {
    const rows = await this.ds.query(`SELECT region_code AS "regionCode", type, published_at IS NOT NULL AS published FROM event WHERE id = $1`, [id]);
    if (!rows[0]) throw notFound('Event');
    return rows[0];
  }

  list(eventId: string): Promise<MentorEventRoleType[]> {
    return this.ds.query(`${ROLE_SELECT} WHERE r.event_id = $1 ORDER BY r.role, m.name`, [eventId]);
  }

  async assign(actor: Actor, eventId: string, mentorId: string, role: string): Promise<MentorEventRoleType> {
    const [mentor] = await this.ds.query(`SELECT status FROM mentor WHERE id = $1`, [mentorId]);
    if (!mentor) throw MentorErrors.mentorNotFound();
    if (mentor.status !== 'ACTIVE') throw MentorErrors.notActive();
    const [row] = await this.ds.query(
      `INSERT INTO mentor_event_role (event_id, mentor_id, role, assigned_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (event_id, mentor_id) DO UPDATE SET role = EXCLUDED.role RETURNING id`,
      [eventId, mentorId, role, actor.id],
    );
    return (await this.ds.query(`${ROLE_SELECT} WHERE r.id = $1`, [row.id]))[0];
  }

  async roleEvent(id: string): Promise<string> {
    const rows = await this.ds.query(`SELECT event_id FROM mentor_event_role WHERE id = $1`, [id]);
    if (!rows[0]) throw MentorErrors.eventRoleNotFound();
    return rows[0].event_id;
  }

  async attendance(id: string, attended: boolean): Promise<MentorEventRoleType> {
    await this.ds.query(`UPDATE mentor_event_role SET attended = $2 WHERE id = $1`, [id, attended]);
    return (await this.ds.query(`${ROLE_SELECT} WHERE r.id = $1`, [id]))[0];
  }

  /** The MENTOR accounts assigned to events: change notices and private feeds reach them. */
  attachmentSource(): EventAttachmentSource {
    return {
      name: 'mentors',
      usersAttachedTo: async (ids) => {
        const rows: Array<{ event_id: string; user_id: string }> = await this.ds.query(
          `SELECT r.event_id, m.user_id FROM mentor_event_role r JOIN mentor m ON m.id = r.mentor_id WHERE r.event_id = ANY($1::uuid[]) AND m.user_id IS NOT NULL`,
          [ids],
        );
        const map = new Map<string, string[]>();
        for (const r of rows) map.set(r.event_id, [...(map.get(r.event_id) ?? []), r.user_id]);
        return map;
      },
      eventsAttachedTo: async (userId) =>
        (await this.ds.query(`SELECT r.event_id FROM mentor_event_role r JOIN mentor m ON m.id = r.mentor_id WHERE m.user_id = $1`, [userId])).map(
          (r: { event_id: string }) => r.event_id,
        ),
    };
  }
}

@Resolver(() => MentorEventRoleType)
export class MentorEventsResolver {
  constructor(
    private readonly events: MentorEventsService,
    private readonly permissions: Permissions,
  ) {}

  /** The event's region for the rule; an unpublished event the caller does not cover does not exist for it. */
  private async eventScope(actor: Actor, eventId: string): Promise<{ regionCode: string; type: string }> {
    const e = await this.events.event(eventId);
    if (!e.published && !coversRegion(actor, e.regionCode)) throw notFound('Event');
    this.permissions.require(actor, 'mentor.eventRole', { regionCode: e.regionCode });
    return e;
  }

  @Query(() => [MentorEventRoleType], { description: "An event's mentor judges and speakers with attendance: organizers covering its region." })
  async eventMentors(@CurrentActor() actor: Actor, @Args() { eventId }: EventIdArgs): Promise<MentorEventRoleType[]> {
    await this.eventScope(actor, eventId);
    return this.events.list(eventId);
  }

  @Mutation(() => MentorEventRoleType, { description: 'Assigns an active mentor as judge or speaker to an entrepreneurship event (again: changes the role). Calendar changes then reach the mentor.' })
  async assignMentorToEvent(@CurrentActor() actor: Actor, @Args() { eventId, mentorId, role }: AssignEventRoleArgs): Promise<MentorEventRoleType> {
    const e = await this.eventScope(actor, eventId);
    if (e.type !== 'ENTREPRENEURSHIP') throw MentorErrors.notEntrepreneurship();
    return this.events.assign(actor, eventId, mentorId, role);
  }

  @Mutation(() => MentorEventRoleType, { description: "Records whether the mentor attended." })
  async recordMentorAttendance(@CurrentActor() actor: Actor, @Args() { id, attended }: AttendanceArgs): Promise<MentorEventRoleType> {
    await this.eventScope(actor, await this.events.roleEvent(id));
    return this.events.attendance(id, attended);
  }
}
