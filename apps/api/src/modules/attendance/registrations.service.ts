import { Injectable, OnModuleInit } from '@nestjs/common';
import { DomainEvents } from '../../common/domain-events/domain-events.service.js';
import { DataSource, type EntityManager } from 'typeorm';
import type { RegistrationStatus, SeekerGroup } from '@leye/domain';
import type { Actor } from '../../common/auth/actor.js';
import { badInput, conflict, notFound, uniqueViolation } from '../../common/errors/app-error.js';
import { JobQueue } from '../../common/jobs/job-queue.service.js';
import { Permissions } from '../../common/permissions/permissions.service.js';

export const PROMOTE_WAITLIST_QUEUE = 'attendance.promote-waitlist';

/** What registering needs to know about the thing registered for: an event or a class (series). */
interface Target {
  id: string;
  kind: 'EVENT' | 'SERIES';
  capacity: number;
  open: boolean;
  /** Why it is closed (reason code) when not open. */
  closedReason: string | null;
}

export interface RegistrationRow {
  id: string;
  eventId: string | null;
  seriesId: string | null;
  targetId: string;
  userId: string | null;
  title: string;
  startsAt: Date | null;
  venueName: string | null;
  status: RegistrationStatus;
  waitlistPosition: number | null;
  createdAt: Date;
  issuedAt: Date;
  attendedSessions: number;
}

const ROW = `
  r.id, r.event_id AS "eventId", r.series_id AS "seriesId", r.target_id AS "targetId", r.user_id AS "userId", r.status,
  r.created_at AS "createdAt", r.issued_at AS "issuedAt",
  coalesce(e.title, s.title) AS title,
  coalesce(e.starts_at, (SELECT min(o.starts_at) FROM event o WHERE o.series_id = r.series_id AND o.status <> 'CANCELLED' AND o.ends_at > now())) AS "startsAt",
  (SELECT v.name FROM venue v WHERE v.id = coalesce(e.venue_id, s.venue_id)) AS "venueName",
  CASE WHEN r.status = 'WAITLISTED' THEN
    (SELECT count(*)::int FROM event_registration w WHERE w.target_id = r.target_id AND w.status = 'WAITLISTED' AND w.waitlisted_at <= r.waitlisted_at)
  END AS "waitlistPosition",
  (SELECT count(*)::int FROM attendance_checkin c WHERE c.registration_id = r.id) AS "attendedSessions"`;
const FROM = `FROM event_registration r LEFT JOIN event e ON e.id = r.event_id LEFT JOIN event_series s ON s.id = r.series_id`;

/**
 * Registrations (docs/attendance.md#registration). Capacity is held by the database: every change
 * to a target's registrations first locks its `registration_count` row (so concurrent registrations
 * for the last seat queue there and exactly `capacity` get REGISTERED); unique (target, user) makes a
 * second registration impossible. A cancelled seat is offered to the waitlist by a job on the queue.
 */
@Injectable()
export class RegistrationsService implements OnModuleInit {
  constructor(
    private readonly ds: DataSource,
    private readonly queue: JobQueue,
    private readonly permissions: Permissions,
    private readonly domainEvents: DomainEvents,
  ) {}

  onModuleInit(): void {
    this.queue.register<{ targetId: string }>(PROMOTE_WAITLIST_QUEUE, (data) => this.promote(data.targetId));
  }

  private async target(m: EntityManager, ids: { eventId?: string | null; seriesId?: string | null }): Promise<Target> {
    if (ids.eventId) {
      const [e] = await m.query(
        `SELECT e.id, e.capacity, e.status, e.starts_at AS "startsAt", e.registration_opens_at AS "opensAt", e.registration_closes_at AS "closesAt",
                e.published_at AS "publishedAt", e.region_code AS "regionCode", e.type, e.series_id AS "seriesId"
           FROM event e WHERE e.id = $1`,
        [ids.eventId],
      );
      if (!e || !e.publishedAt) throw notFound('Event');
      if (e.type === 'TRAINING' && e.seriesId) throw badInput({ reason: 'CLASS_REGISTRATION_REQUIRED', message: 'Register for the class (series), not one session', params: { seriesId: e.seriesId } });
      const now = Date.now();
      const closes = e.closesAt ?? e.startsAt;
      const closedReason =
        e.status !== 'PUBLISHED' ? 'EVENT_NOT_OPEN_FOR_REGISTRATION'
          : e.opensAt && new Date(e.opensAt).getTime() > now ? 'REGISTRATION_NOT_OPEN_YET'
            : new Date(closes).getTime() <= now ? 'REGISTRATION_CLOSED' : null;
      return { id: e.id, kind: 'EVENT', capacity: e.capacity, open: !closedReason, closedReason };
    }
    const [s] = await m.query(
      `SELECT s.id, s.capacity, s.type,
              EXISTS (SELECT 1 FROM event o WHERE o.series_id = s.id AND o.status = 'PUBLISHED' AND o.starts_at > now()
                        AND coalesce(o.registration_closes_at, o.starts_at) > now()) AS open,
              EXISTS (SELECT 1 FROM event o WHERE o.series_id = s.id AND o.published_at IS NOT NULL) AS published
         FROM event_series s WHERE s.id = $1`,
      [ids.seriesId],
    );
    if (!s || !s.published) throw notFound('EVENT_SERIES_NOT_FOUND');
    if (s.type !== 'TRAINING') throw badInput({ reason: 'NOT_A_CLASS', message: 'Only classes (training series) take registrations as a whole' });
    return { id: s.id, kind: 'SERIES', capacity: s.capacity, open: s.open, closedReason: s.open ? null : 'REGISTRATION_CLOSED' };
  }

  /** The seeker's name, phone and groups as the registration keeps them (profile first, account second). */
  private async person(m: EntityManager, userId: string): Promise<{ name: string; phone: string | null; groups: SeekerGroup[] }> {
    const [p] = await m.query(
      `SELECT coalesce(r.real_name, u.display_name) AS name, coalesce(r.mobile, u.phone) AS phone, coalesce(r.groups, '{}') AS groups
         FROM app_user u LEFT JOIN seeker_resume r ON r.user_id = u.id WHERE u.id = $1`,
      [userId],
    );
    return { name: String(p.name).slice(0, 50), phone: p.phone, groups: p.groups };
  }

  async register(actor: Actor, ids: { eventId?: string | null; seriesId?: string | null }): Promise<RegistrationRow> {
    if ((ids.eventId == null) === (ids.seriesId == null)) {
      throw badInput({ reason: 'ONE_TARGET_REQUIRED', message: 'Give exactly one of eventId and seriesId' }, { eventId: 'ONE_TARGET_REQUIRED' });
    }
    const target = await this.target(this.ds.manager, ids);
    if (!target.open) throw conflict({ reason: target.closedReason!, message: 'Registration is not open' });
    const [existing] = await this.ds.query(`SELECT id, status FROM event_registration WHERE target_id = $1 AND user_id = $2`, [target.id, actor.id]);
    if (existing && existing.status !== 'CANCELLED') throw conflict({ reason: 'ALREADY_REGISTERED', message: 'Already registered', params: { registrationId: existing.id } });
    const p = await this.person(this.ds.manager, actor.id);
    let id: string;
    try {
      id = existing ? await this.reRegister(target, actor.id, p) : await this.takeSeat(target, actor.id, p);
    } catch (error) {
      if (uniqueViolation(error) === 'event_registration_once') throw conflict({ reason: 'ALREADY_REGISTERED', message: 'Already registered' });
      throw error;
    }
    return this.byId(id);
  }

  /**
   * A new registration in one statement: the target's seat counter row is locked, counted up (a seat while
   * `registered < capacity`, else the waitlist) and the registration inserted with the matching status, so the lock
   * every registration change of this target takes is held for one statement, not a round trip per step — a
   * crowd registering for one fair at opening time queues for microseconds each (bench fair-day). The same user
   * twice at once: the unique constraint undoes the second statement whole, count included.
   */
  private async takeSeat(target: Target, userId: string, p: { name: string; phone: string | null; groups: SeekerGroup[] }): Promise<string> {
    const run = async (): Promise<string | undefined> => {
      const [row] = await this.ds.query(
        `WITH seat AS (
           SELECT c.target_id, c.registered < $3::int AS has_seat FROM registration_count c WHERE c.target_id = $1 FOR UPDATE
         ), counted AS (
           UPDATE registration_count c
              SET registered = c.registered + CASE WHEN s.has_seat THEN 1 ELSE 0 END,
                  waitlisted = c.waitlisted + CASE WHEN s.has_seat THEN 0 ELSE 1 END
             FROM seat s WHERE c.target_id = s.target_id
           RETURNING s.has_seat
         )
         INSERT INTO event_registration (event_id, series_id, user_id, name, phone, groups, status, registered_at, waitlisted_at)
         SELECT $4::uuid, $5::uuid, $2, $6, $7, $8::text[], CASE WHEN has_seat THEN 'REGISTERED' ELSE 'WAITLISTED' END,
                CASE WHEN has_seat THEN clock_timestamp() END, CASE WHEN has_seat THEN NULL ELSE clock_timestamp() END
           FROM counted
         RETURNING id`,
        [target.id, userId, target.capacity, target.kind === 'EVENT' ? target.id : null, target.kind === 'SERIES' ? target.id : null, p.name, p.phone, p.groups],
      );
      return row?.id;
    };
    const id = await run();
    if (id) return id;
    // The target's first registration: its counter row is made once, then the same statement again.
    await this.ds.query(`INSERT INTO registration_count (target_id) VALUES ($1) ON CONFLICT DO NOTHING`, [target.id]);
    return (await run())!;
  }

  /** A cancelled registration taken up again (rare): under the target's lock, like every registration change. */
  private async reRegister(target: Target, userId: string, p: { name: string; phone: string | null; groups: SeekerGroup[] }): Promise<string> {
    return this.ds.transaction(async (m) => {
      await m.query(`INSERT INTO registration_count (target_id) VALUES ($1) ON CONFLICT DO NOTHING`, [target.id]);
      const [count] = await m.query(`SELECT registered FROM registration_count WHERE target_id = $1 FOR UPDATE`, [target.id]);
      const [existing] = await m.query(`SELECT id, status FROM event_registration WHERE target_id = $1 AND user_id = $2 FOR UPDATE`, [target.id, userId]);
      // Removed meanwhile (the account's personal data erased): nothing to take up again.
      if (!existing) throw notFound('Registration');
      if (existing.status !== 'CANCELLED') throw conflict({ reason: 'ALREADY_REGISTERED', message: 'Already registered', params: { registrationId: existing.id } });
      const status: RegistrationStatus = count.registered < target.capacity ? 'REGISTERED' : 'WAITLISTED';
      await m.query(
        `UPDATE event_registration SET status = $2, name = $3, phone = $4, groups = $5, cancelled_at = NULL, issued_at = date_trunc('second', now()),
                registered_at = CASE WHEN $2 = 'REGISTERED' THEN clock_timestamp() END, waitlisted_at = CASE WHEN $2 = 'WAITLISTED' THEN clock_timestamp() END, updated_at = now()
          WHERE id = $1`,
        [existing.id, status, p.name, p.phone, p.groups],
      );
      await m.query(
        `UPDATE registration_count SET registered = registered + $2, waitlisted = waitlisted + $3 WHERE target_id = $1`,
        [target.id, status === 'REGISTERED' ? 1 : 0, status === 'WAITLISTED' ? 1 : 0],
      );
      return existing.id as string;
    });
  }

  async byId(id: string, m: EntityManager = this.ds.manager): Promise<RegistrationRow> {
    const [row] = await m.query(`SELECT ${ROW} ${FROM} WHERE r.id = $1`, [id]);
    if (!row) throw notFound('Registration');
    return row;
  }

  /** A registration the caller may act on as its seeker (others: NOT_FOUND, so ids do not leak). */
  async own(actor: Actor, id: string): Promise<RegistrationRow> {
    const [row] = await this.ds.query(`SELECT id, user_id AS "userId" FROM event_registration WHERE id = $1`, [id]);
    if (!row || !this.permissions.can(actor, 'attendance.ownRegistration', { userId: row.userId })) throw notFound('Registration');
    return this.byId(id);
  }

  async mine(actor: Actor): Promise<RegistrationRow[]> {
    return this.ds.query(`SELECT ${ROW} ${FROM} WHERE r.user_id = $1 ORDER BY r.created_at DESC LIMIT 200`, [actor.id]);
  }

  /** Cancels (idempotent); a freed seat goes to the waitlist through the queue, in the same transaction. */
  async cancel(actor: Actor, id: string): Promise<RegistrationRow> {
    const reg = await this.own(actor, id);
    await this.ds.transaction(async (m) => {
      await m.query(`SELECT 1 FROM registration_count WHERE target_id = $1 FOR UPDATE`, [reg.targetId]);
      const [row] = await m.query(`SELECT status FROM event_registration WHERE id = $1 FOR UPDATE`, [id]);
      if (row.status === 'CANCELLED') return;
      await m.query(`UPDATE event_registration SET status = 'CANCELLED', cancelled_at = now(), updated_at = now() WHERE id = $1`, [id]);
      await m.query(
        `UPDATE registration_count SET registered = registered - $2, waitlisted = waitlisted - $3 WHERE target_id = $1`,
        [reg.targetId, row.status === 'REGISTERED' ? 1 : 0, row.status === 'WAITLISTED' ? 1 : 0],
      );
      if (row.status === 'REGISTERED') await this.queue.send(PROMOTE_WAITLIST_QUEUE, { targetId: reg.targetId }, m);
    });
    return this.byId(id);
  }

  /** Fills free seats from the waitlist, oldest first (the queue's job; idempotent). Answers how many moved up. */
  async promote(targetId: string): Promise<number> {
    return this.ds.transaction(async (m) => {
      const [count] = await m.query(`SELECT registered FROM registration_count WHERE target_id = $1 FOR UPDATE`, [targetId]);
      if (!count) return 0;
      const [t] = await m.query(
        `SELECT coalesce((SELECT capacity FROM event WHERE id = $1), (SELECT capacity FROM event_series WHERE id = $1)) AS capacity`,
        [targetId],
      );
      const free = Math.max(0, (t?.capacity ?? 0) - count.registered);
      if (!free) return 0;
      // TypeORM answers an UPDATE … RETURNING with [rows, affectedCount].
      const [moved]: [Array<{ id: string; user_id: string | null }>, number] = await m.query(
        `UPDATE event_registration SET status = 'REGISTERED', registered_at = now(), updated_at = now()
          WHERE id IN (SELECT id FROM event_registration WHERE target_id = $1 AND status = 'WAITLISTED' ORDER BY waitlisted_at, id LIMIT $2)
          RETURNING id, user_id`,
        [targetId, free],
      );
      if (moved.length) {
        await m.query(`UPDATE registration_count SET registered = registered + $2, waitlisted = waitlisted - $2 WHERE target_id = $1`, [targetId, moved.length]);
        // The people moved up hear of it (notifications subscriber), in the same transaction as the move.
        const [target] = await m.query(
          `SELECT (SELECT id FROM event WHERE id = $1) AS "eventId", (SELECT id FROM event_series WHERE id = $1) AS "seriesId",
                  coalesce((SELECT title FROM event WHERE id = $1), (SELECT title FROM event_series WHERE id = $1)) AS title`,
          [targetId],
        );
        await this.domainEvents.record(m, 'attendance.waitlist-promoted', {
          targetId, eventId: target.eventId, seriesId: target.seriesId, title: target.title,
          registrations: moved.map((r) => ({ registrationId: r.id, userId: r.user_id })),
        });
      }
      return moved.length;
    });
  }
}
