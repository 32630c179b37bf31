import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { shanghaiDateOf, shanghaiInstant, type Role } from '@leye/domain';
import type { Actor } from '../../../common/auth/actor.js';
import { notFound } from '../../../common/errors/app-error.js';
import { EditScope } from '../event.enums.js';
import { DomainEvents } from '../../../common/domain-events/domain-events.service.js';
import '../event.domain-events.js';
import { EventCoHosts } from '../co-hosts/event-co-hosts.service.js';
import { EventChecks, describeChanges, placeOf } from '../event-checks.service.js';
import { EventEntity } from '../event.entity.js';
import { EventErrors } from '../event.exception.js';
import { EVENT_SELECT, detailsOf, insertEvents } from '../event-writer.js';
import type { EventFilter, EventInput, EventUpdateInput } from '../dtos/event.inputs.js';

export interface EventQuery extends EventFilter {
  /** null: all regions; otherwise staff see drafts only within these. */
  staffScope: string[] | null | 'PUBLIC';
  take: number;
  skip: number;
  /** Keyset paging: only events after this (starts_at, id), in calendar order. */
  after?: EventCursor | null;
}

export interface EventCursor {
  startsAt: Date;
  id: string;
}

export interface EventListPage {
  items: EventEntity[];
  hasNextPage: boolean;
  endCursor: EventCursor | null;
  /** The number of matching events; a query of its own, run only when a client asks for `total`. */
  countTotal: () => Promise<number>;
}

/** Events (occurrences): listing, creation, edits of one occurrence, publish, cancel, reschedule, completion, staff. */
@Injectable()
export class EventsService {
  constructor(
    private readonly ds: DataSource,
    private readonly domainEvents: DomainEvents,
    private readonly checks: EventChecks,
    private readonly coHosts: EventCoHosts,
  ) {}

  /** The WHERE clause of a list query and its parameters ($1 …). */
  private listWhere(q: EventQuery): { where: string; params: unknown[] } {
    const params: unknown[] = [];
    const p = (value: unknown) => `$${params.push(value)}`;
    const c: string[] = [];
    if (q.staffScope === 'PUBLIC') c.push('e.published_at IS NOT NULL');
    else if (q.staffScope) c.push(`(e.published_at IS NOT NULL OR e.region_code = ANY(${p(q.staffScope)}::text[]))`);
    if (q.from) c.push(`e.ends_at > ${p(q.from)}`);
    if (q.to) c.push(`e.starts_at < ${p(q.to)}`);
    if (q.types?.length) c.push(`e.type = ANY(${p(q.types)}::text[])`);
    if (q.subtype) c.push(`e.subtype = ${p(q.subtype)}`);
    if (q.regionCode) c.push(`e.region_code = ${p(q.regionCode)}`);
    if (q.statuses?.length) c.push(`e.status = ANY(${p(q.statuses)}::text[])`);
    if (q.seriesId) c.push(`e.series_id = ${p(q.seriesId)}::uuid`);
    if (q.venueId) c.push(`e.venue_id = ${p(q.venueId)}::uuid`);
    const text = q.text?.trim();
    if (text) {
      const like = p(`%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`);
      c.push(`(e.title ILIKE ${like} OR e.description ILIKE ${like})`);
    }
    return { where: c.length ? c.join(' AND ') : 'true', params };
  }

  /**
   * A page in calendar order (starts_at, id). With `after`, keyset paging from that cursor (cost does
   * not grow with the depth); otherwise `skip`. One row more than asked tells whether a next page exists.
   * Plain SQL mapped onto the entity: this is the hottest read of the product (see docs/performance.md).
   */
  async list(q: EventQuery, opts: { withTotal?: boolean } = {}): Promise<EventListPage> {
    let total: Promise<number> | undefined;
    const countTotal = () =>
      (total ??= (async () => {
        const count = this.listWhere(q);
        const [row]: Array<{ n: number }> = await this.ds.query(`SELECT count(*)::int AS n FROM event e WHERE ${count.where}`, count.params);
        return row!.n;
      })());
    // A client that shows the total gets the count alongside the page, not after it.
    if (opts.withTotal) countTotal().catch(() => undefined);
    const { where, params } = this.listWhere(q);
    let keyset = '';
    if (q.after) keyset = ` AND (e.starts_at, e.id) > ($${params.push(q.after.startsAt)}, $${params.push(q.after.id)}::uuid)`;
    const rows: EventEntity[] = await this.ds.query(
      `SELECT ${EVENT_SELECT} FROM event e WHERE ${where}${keyset} ORDER BY e.starts_at, e.id LIMIT $${params.push(q.take + 1)} OFFSET $${params.push(q.after ? 0 : q.skip)}`,
      params,
    );
    const items = rows.slice(0, q.take).map((row) => Object.assign(new EventEntity(), row));
    const last = items.at(-1);
    return {
      items,
      hasNextPage: rows.length > q.take,
      endCursor: last ? { startsAt: last.startsAt, id: last.id } : null,
      countTotal,
    };
  }

  async findById(id: string, manager: EntityManager = this.ds.manager): Promise<EventEntity> {
    const event = await manager.getRepository(EventEntity).findOneBy({ id });
    if (!event) throw notFound('Event');
    return event;
  }

  async create(actor: Actor, input: EventInput, publish: boolean, allowPastStart = false): Promise<EventEntity> {
    await this.checks.validateTemplate(input);
    this.checks.checkTimes(input);
    if (!allowPastStart && input.startsAt.getTime() < Date.now()) throw EventErrors.startInPast(input.startsAt);
    const id = await this.checks.guardVenue(input.venueId, input, () =>
      this.ds.transaction(async (m) => {
        const [eventId] = await insertEvents(m, [{
          seriesId: null, occurrenceKey: null,
          title: input.title.trim(), description: input.description ?? '', type: input.type, subtype: input.subtype, details: detailsOf(input.details),
          regionCode: input.regionCode, venueId: input.isOnline ? null : (input.venueId ?? null), isOnline: !!input.isOnline, onlineUrl: input.onlineUrl ?? null,
          capacity: input.capacity, startsAt: input.startsAt, endsAt: input.endsAt,
          registrationOpensAt: input.registrationOpensAt ?? null, registrationClosesAt: input.registrationClosesAt ?? null,
          status: publish ? 'PUBLISHED' : 'DRAFT', createdBy: actor.id,
        }]);
        await this.coHosts.set(m, [eventId!], input.coHostIds ?? []);
        return eventId!;
      }),
      actor,
    );
    return this.findById(id);
  }

  /** Edits one occurrence; an occurrence of a series is detached from series-wide edits. Returns the changed event. */
  async update(actor: Actor, event: EventEntity, input: EventUpdateInput): Promise<EventEntity[]> {
    const id = event.id;
    if (event.status === 'CANCELLED' || event.status === 'COMPLETED') throw EventErrors.notEditable(event.status);
    const place = placeOf(input, event);
    await this.checks.validateTemplate({ type: event.type, subtype: input.subtype ?? event.subtype, coHostIds: input.coHostIds, details: input.details, ...place });
    const changed = describeChanges(input);
    const startsAt = input.startsAt ?? (input.startTime || input.durationMinutes ? retime(event, input) : event.startsAt);
    const endsAt = input.endsAt ?? (input.startTime || input.durationMinutes ? new Date(startsAt.getTime() + (input.durationMinutes ?? minutes(event)) * 60000) : event.endsAt);
    // null clears a registration date; an absent field leaves it as it is.
    const next = {
      startsAt,
      endsAt,
      registrationOpensAt: input.registrationOpensAt !== undefined ? input.registrationOpensAt : event.registrationOpensAt,
      registrationClosesAt: input.registrationClosesAt !== undefined ? input.registrationClosesAt : event.registrationClosesAt,
    };
    this.checks.checkTimes(next);
    await this.checks.guardVenue(place.venueId, { ...next, excludeId: id }, () =>
      this.ds.transaction(async (m) => {
        await m.query(
          `UPDATE event SET title = $2, description = $3, subtype = $4, details = $5, venue_id = $6, is_online = $7, online_url = $8,
                  capacity = $9, starts_at = $10, ends_at = $11, registration_opens_at = $12, registration_closes_at = $13,
                  original_starts_at = CASE WHEN $10 <> starts_at THEN coalesce(original_starts_at, starts_at) ELSE original_starts_at END,
                  detached = series_id IS NOT NULL, updated_at = now()
            WHERE id = $1`,
          [
            id, input.title?.trim() ?? event.title, input.description ?? event.description, input.subtype ?? event.subtype,
            input.details ? detailsOf(input.details) : event.details, place.venueId, place.isOnline, place.onlineUrl, place.capacity,
            next.startsAt, next.endsAt, next.registrationOpensAt, next.registrationClosesAt,
          ],
        );
        if (input.coHostIds) await this.coHosts.set(m, [id], input.coHostIds);
        if (next.startsAt.getTime() !== event.startsAt.getTime()) await this.recordRescheduled(m, actor, event, next);
        else await this.domainEvents.record(m, 'event.updated', { eventIds: [id], regionCode: event.regionCode, changed }, { actor });
      }),
      actor,
    );
    const updated = await this.findById(id);
    return [updated];
  }

  async publish(event: EventEntity, scope: EditScope): Promise<EventEntity[]> {
    const id = event.id;
    if (scope !== EditScope.THIS && !event.seriesId) throw EventErrors.notInSeries();
    if (scope === EditScope.THIS) {
      if (event.status !== 'DRAFT') throw EventErrors.notEditable(event.status);
      await this.ds.query(`UPDATE event SET status = 'PUBLISHED', published_at = now(), updated_at = now() WHERE id = $1 AND status = 'DRAFT'`, [id]);
      return [await this.findById(id)];
    }
    const [rows]: [Array<{ id: string }>, number] = await this.ds.query(
      `UPDATE event SET status = 'PUBLISHED', published_at = now(), updated_at = now()
        WHERE series_id = $1 AND status = 'DRAFT' AND ($2::date IS NULL OR occurrence_key >= $2::date) RETURNING id`,
      [event.seriesId, scope === EditScope.ALL ? null : event.occurrenceKey],
    );
    await this.ds.query(`UPDATE event_series SET publish_occurrences = true WHERE id = $1`, [event.seriesId]);
    return rows.length ? this.ds.getRepository(EventEntity).find({ where: rows.map((r) => ({ id: r.id })), order: { startsAt: 'ASC' } }) : [];
  }

  /** Cancels one occurrence (reason required). It stays in the calendar as cancelled and is never regenerated. */
  async cancel(actor: Actor, id: string, reason: string): Promise<EventEntity> {
    const why = reason.trim();
    if (!why) throw EventErrors.reasonRequired();
    const rows = await this.ds.transaction(async (m) => {
      const [cancelled]: [Array<{ id: string; regionCode: string; title: string; startsAt: Date }>, number] = await m.query(
        `UPDATE event SET status = 'CANCELLED', cancel_reason = $2, cancelled_at = now(), updated_at = now()
          WHERE id = $1 AND status IN ('DRAFT','PUBLISHED') RETURNING id, region_code AS "regionCode", title, starts_at AS "startsAt"`,
        [id, why],
      );
      for (const e of cancelled) {
        await this.domainEvents.record(m, 'event.cancelled', { eventId: e.id, regionCode: e.regionCode, title: e.title, startsAt: e.startsAt.toISOString(), reason: why }, { actor });
      }
      return cancelled;
    });
    const event = await this.findById(id);
    if (!rows.length) throw EventErrors.notEditable(event.status);
    return event;
  }

  /**
   * Moves one occurrence in time; registrations and bookings reference the event, so they move with it.
   * The registration window moves by the same offset: a window that closed by the old start closes by
   * the new start, one that ran into the event closes by its new end (and never opens after it closes).
   */
  async reschedule(actor: Actor, event: EventEntity, startsAt: Date, endsAt: Date, allowPastStart = false): Promise<EventEntity> {
    const id = event.id;
    if (event.status === 'CANCELLED' || event.status === 'COMPLETED') throw EventErrors.notEditable(event.status);
    if (startsAt.getTime() === event.startsAt.getTime() && endsAt.getTime() === event.endsAt.getTime()) throw EventErrors.rescheduleSameTime();
    if (endsAt <= startsAt) throw EventErrors.badTimes();
    if (!allowPastStart && startsAt.getTime() < Date.now()) throw EventErrors.startInPast(startsAt);
    const window = movedWindow(event, startsAt, endsAt);
    this.checks.checkTimes({ startsAt, endsAt, ...window });
    await this.checks.guardVenue(event.venueId, { startsAt, endsAt, excludeId: id }, () =>
      this.ds.transaction(async (m) => {
        await m.query(
          `UPDATE event SET starts_at = $2, ends_at = $3, registration_opens_at = $4, registration_closes_at = $5,
                  original_starts_at = coalesce(original_starts_at, starts_at), detached = series_id IS NOT NULL, updated_at = now() WHERE id = $1`,
          [id, startsAt, endsAt, window.registrationOpensAt, window.registrationClosesAt],
        );
        await this.recordRescheduled(m, actor, event, { startsAt, endsAt });
      }),
      actor,
    );
    const updated = await this.findById(id);
    return updated;
  }

  async complete(id: string): Promise<EventEntity> {
    const [rows]: [Array<{ id: string }>, number] = await this.ds.query(
      `UPDATE event SET status = 'COMPLETED', updated_at = now() WHERE id = $1 AND status = 'PUBLISHED' AND starts_at <= now() RETURNING id`,
      [id],
    );
    const event = await this.findById(id);
    if (!rows.length) throw EventErrors.notEditable(event.status);
    return event;
  }

  /** Active staff accounts (organizers, mentors, hosts, admins) not yet on the event; the resolver keeps those the caller may assign. */
  async staffCandidates(event: EventEntity, search: string | undefined): Promise<Array<{ id: string; role: Role; regionCode: string | null }>> {
    const text = search?.trim();
    return this.ds.query(
      `SELECT u.id, u.role, u.region_code AS "regionCode" FROM app_user u
        WHERE u.role IN ('ORGANIZER','ADMIN','MENTOR','HOST') AND u.disabled_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM event_staff s WHERE s.event_id = $1 AND s.user_id = u.id)
          AND ($2::text IS NULL OR u.display_name ILIKE $2)
        ORDER BY u.display_name, u.id LIMIT 200`,
      [event.id, text ? `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%` : null],
    );
  }

  async unassignStaff(event: EventEntity, userId: string): Promise<EventEntity> {
    await this.ds.query(`DELETE FROM event_staff WHERE event_id = $1 AND user_id = $2`, [event.id, userId]);
    return event;
  }

  async assignStaff(event: EventEntity, userId: string): Promise<EventEntity> {
    const [user] = await this.ds.query(`SELECT id FROM app_user WHERE id = $1 AND role IN ('ORGANIZER','ADMIN','MENTOR','HOST') AND disabled_at IS NULL`, [userId]);
    if (!user) throw EventErrors.unknownReference('userId');
    await this.ds.query(`INSERT INTO event_staff (event_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [event.id, userId]);
    return event;
  }

  /** Records `event.rescheduled` in the transaction that moved the event (subscribers notify and audit). */
  private async recordRescheduled(m: EntityManager, actor: Actor, event: EventEntity, next: { startsAt: Date; endsAt: Date }): Promise<void> {
    await this.domainEvents.record(m, 'event.rescheduled', {
      eventId: event.id, regionCode: event.regionCode, title: event.title,
      previousStartsAt: event.startsAt.toISOString(), startsAt: next.startsAt.toISOString(), endsAt: next.endsAt.toISOString(),
    }, { actor });
  }
}

/** The registration window moved with the event (see `reschedule`). */
export function movedWindow(
  event: Pick<EventEntity, 'startsAt' | 'registrationOpensAt' | 'registrationClosesAt'>,
  startsAt: Date,
  endsAt: Date,
): { registrationOpensAt: Date | null; registrationClosesAt: Date | null } {
  const offset = startsAt.getTime() - event.startsAt.getTime();
  const shift = (d: Date | null) => (d ? new Date(d.getTime() + offset) : null);
  const limit = event.registrationClosesAt && event.registrationClosesAt > event.startsAt ? endsAt : startsAt;
  let closes = shift(event.registrationClosesAt);
  if (closes && closes > limit) closes = limit;
  let opens = shift(event.registrationOpensAt);
  if (opens && closes && opens > closes) opens = closes;
  return { registrationOpensAt: opens, registrationClosesAt: closes };
}

const minutes = (e: EventEntity) => Math.round((e.endsAt.getTime() - e.startsAt.getTime()) / 60000);

function retime(e: EventEntity, input: EventUpdateInput): Date {
  return input.startTime ? shanghaiInstant(shanghaiDateOf(e.startsAt), input.startTime) : e.startsAt;
}
