import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { isValidSubtype, shanghaiDateOf, shanghaiInstant, type EventType } from '@leye/domain';
import type { Actor } from '../../common/auth/actor.js';
import { notFound } from '../../common/errors/app-error.js';
import { Permissions } from '../../common/permissions/permissions.service.js';
import { EditScope } from './event.enums.js';
import { addDays } from '../../common/time.js';
import { DomainEvents } from '../../common/domain-events/domain-events.service.js';
import './event.domain-events.js';
import { EventEntity, type EventDetailsData } from './event.entity.js';
import { EventErrors } from './event.exception.js';
import type { EventDetailsInput, EventFilter, EventInput, EventUpdateInput } from './dtos/event.inputs.js';

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

export interface PlaceInput {
  venueId?: string | null;
  isOnline?: boolean | null;
  onlineUrl?: string | null;
  capacity: number;
}

const EXCLUSION_VIOLATION = '23P01';
/** What a series preview calls a clash with an event the caller may not read (the preview shows it as text). */
export const ANOTHER_EVENT = '另一场活动 / another event';

/** Every column of `event` under its entity property name (a list maps rows straight onto EventEntity). */
const EVENT_COLUMNS = `e.id, e.title, e.description, e.type, e.subtype, e.details, e.region_code AS "regionCode", e.venue_id AS "venueId",
  e.is_online AS "isOnline", e.online_url AS "onlineUrl", e.capacity, e.series_id AS "seriesId", e.occurrence_key::text AS "occurrenceKey",
  e.starts_at AS "startsAt", e.ends_at AS "endsAt", e.registration_opens_at AS "registrationOpensAt", e.registration_closes_at AS "registrationClosesAt",
  e.status, e.cancel_reason AS "cancelReason", e.cancelled_at AS "cancelledAt", e.published_at AS "publishedAt", e.detached,
  e.original_starts_at AS "originalStartsAt", e.created_by AS "createdBy", e.created_at AS "createdAt", e.updated_at AS "updatedAt"`;

/** Events (occurrences): listing, creation, edits with series scopes, publish, cancel, reschedule. */
@Injectable()
export class EventsService {
  constructor(
    private readonly ds: DataSource,
    private readonly domainEvents: DomainEvents,
    private readonly permissions: Permissions,
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
      `SELECT ${EVENT_COLUMNS} FROM event e WHERE ${where}${keyset} ORDER BY e.starts_at, e.id LIMIT $${params.push(q.take + 1)} OFFSET $${params.push(q.after ? 0 : q.skip)}`,
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

  /** Checks type, subtype, place, capacity and references; shared by events and series. */
  async validateTemplate(input: { type: EventType; subtype: string; coHostIds?: string[]; details?: EventDetailsInput } & PlaceInput): Promise<void> {
    if (!isValidSubtype(input.type, input.subtype)) throw EventErrors.badSubtype(input.type, input.subtype);
    if (!input.isOnline && !input.venueId) throw EventErrors.placeRequired();
    if (input.venueId && !input.isOnline) {
      const [venue]: Array<{ capacity: number }> = await this.ds.query(`SELECT capacity FROM venue WHERE id = $1`, [input.venueId]);
      if (!venue) throw EventErrors.unknownReference('venueId');
      if (input.capacity > venue.capacity) throw EventErrors.overCapacity(input.capacity, venue.capacity);
    }
    if (input.coHostIds?.length) {
      const [{ n }] = await this.ds.query(`SELECT count(*)::int AS n FROM co_host_body WHERE id = ANY($1::uuid[]) AND active`, [input.coHostIds]);
      if (n !== new Set(input.coHostIds).size) throw EventErrors.unknownReference('coHostIds');
    }
    const delegation = input.details?.delegationEmployerIds;
    if (delegation?.length) {
      const [{ n }] = await this.ds.query(`SELECT count(*)::int AS n FROM employer WHERE id = ANY($1::uuid[]) AND status = 'VERIFIED'`, [delegation]);
      if (n !== new Set(delegation).size) throw EventErrors.unknownReference('delegationEmployerIds');
    }
  }

  private checkTimes(e: { startsAt: Date; endsAt: Date; registrationOpensAt?: Date | null; registrationClosesAt?: Date | null }): void {
    if (e.endsAt <= e.startsAt) throw EventErrors.badTimes();
    if (e.registrationOpensAt && e.registrationClosesAt && e.registrationClosesAt < e.registrationOpensAt) throw EventErrors.badRegistrationWindow();
    if (e.registrationClosesAt && e.registrationClosesAt > e.endsAt) throw EventErrors.badRegistrationWindow();
  }

  /**
   * Runs a write; an exclusion violation on the venue becomes CONFLICT naming the clashing event,
   * by its title only when the viewer may read that event (else "another event").
   */
  async guardVenue<T>(
    venueId: string | null | undefined,
    range: { startsAt: Date; endsAt: Date; excludeId?: string } | null,
    write: () => Promise<T>,
    viewer: Actor | undefined,
  ): Promise<T> {
    try {
      return await write();
    } catch (error) {
      const code = (error as { code?: string; driverError?: { code?: string } }).driverError?.code ?? (error as { code?: string }).code;
      if (code !== EXCLUSION_VIOLATION) throw error;
      const detail = String((error as { detail?: string; driverError?: { detail?: string } }).driverError?.detail ?? (error as { detail?: string }).detail ?? '');
      const clash = await this.findClash(venueId ?? null, range, detail);
      const title = clash && this.permissions.can(viewer, 'event.read', clash) ? clash.title : null;
      throw EventErrors.venueTaken({ title, startsAt: clash?.startsAt ?? range?.startsAt ?? new Date(), endsAt: clash?.endsAt ?? range?.endsAt ?? new Date() });
    }
  }

  private async findClash(venueId: string | null, range: { startsAt: Date; endsAt: Date; excludeId?: string } | null, detail: string) {
    // The violation detail names the conflicting key: (venue_id, tstzrange(...)). Prefer the given range.
    const m = /\((?<venue>[0-9a-f-]{36}), \["(?<from>[^"]+)","(?<to>[^"]+)"\)\)/.exec(detail);
    const v = venueId ?? m?.groups?.venue ?? null;
    const from = range?.startsAt ?? (m?.groups ? new Date(m.groups.from!) : null);
    const to = range?.endsAt ?? (m?.groups ? new Date(m.groups.to!) : null);
    if (!v || !from || !to) return null;
    const rows: Array<{ title: string; startsAt: Date; endsAt: Date; regionCode: string; publishedAt: Date | null }> = await this.ds.query(
      `SELECT title, starts_at AS "startsAt", ends_at AS "endsAt", region_code AS "regionCode", published_at AS "publishedAt" FROM event
        WHERE venue_id = $1 AND status <> 'CANCELLED' AND tstzrange(starts_at, ends_at) && tstzrange($2, $3) AND id <> coalesce($4::uuid, '00000000-0000-0000-0000-000000000000')
        ORDER BY starts_at LIMIT 1`,
      [v, from, to, range?.excludeId ?? null],
    );
    return rows[0] ?? null;
  }

  async create(actor: Actor, input: EventInput, publish: boolean): Promise<EventEntity> {
    await this.validateTemplate(input);
    this.checkTimes(input);
    const id = await this.guardVenue(input.venueId, input, () =>
      this.ds.transaction(async (m) => {
        const [row]: Array<{ id: string }> = await m.query(
          `INSERT INTO event (title, description, type, subtype, details, region_code, venue_id, is_online, online_url, capacity,
                              starts_at, ends_at, registration_opens_at, registration_closes_at, status, published_at, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, CASE WHEN $15 = 'PUBLISHED' THEN now() END, $16)
           RETURNING id`,
          [
            input.title.trim(), input.description ?? '', input.type, input.subtype, detailsOf(input.details), input.regionCode,
            input.isOnline ? null : input.venueId, !!input.isOnline, input.onlineUrl ?? null, input.capacity,
            input.startsAt, input.endsAt, input.registrationOpensAt ?? null, input.registrationClosesAt ?? null,
            publish ? 'PUBLISHED' : 'DRAFT', actor.id,
          ],
        );
        await this.setCoHosts(m, [row!.id], input.coHostIds ?? []);
        return row!.id;
      }),
      actor,
    );
    return this.findById(id);
  }

  async setCoHosts(m: EntityManager, eventIds: string[], coHostIds: string[]): Promise<void> {
    if (!eventIds.length) return;
    await m.query(`DELETE FROM event_co_host WHERE event_id = ANY($1::uuid[])`, [eventIds]);
    if (coHostIds.length) {
      await m.query(
        `INSERT INTO event_co_host (event_id, co_host_id) SELECT e, c FROM unnest($1::uuid[]) e CROSS JOIN unnest($2::uuid[]) c`,
        [eventIds, [...new Set(coHostIds)]],
      );
    }
  }

  /**
   * Edits one occurrence (THIS, which detaches it from series-wide edits), this and the following
   * ones (the series is split at this occurrence), or the whole series. Returns the changed events.
   */
  async update(actor: Actor, event: EventEntity, input: EventUpdateInput, scope: EditScope): Promise<EventEntity[]> {
    const id = event.id;
    if (event.status === 'CANCELLED' || event.status === 'COMPLETED') throw EventErrors.notEditable(event.status);
    if (scope !== EditScope.THIS && !event.seriesId) throw EventErrors.notInSeries();
    // A series-wide edit starts from the series template, never from the occurrence that was clicked.
    const base = scope === EditScope.THIS ? event : await this.seriesTemplate(event.seriesId!);
    const place = {
      venueId: input.venueId !== undefined ? input.venueId : base.venueId,
      isOnline: input.isOnline ?? base.isOnline,
      onlineUrl: input.onlineUrl !== undefined ? input.onlineUrl : base.onlineUrl,
      capacity: input.capacity ?? base.capacity,
    };
    if (place.isOnline) place.venueId = null;
    await this.validateTemplate({ type: event.type, subtype: input.subtype ?? base.subtype, coHostIds: input.coHostIds, details: input.details, ...place });
    const changed = describeChanges(input);

    if (scope === EditScope.THIS) {
      const startsAt = input.startsAt ?? (input.startTime || input.durationMinutes ? retime(event, input) : event.startsAt);
      const endsAt = input.endsAt ?? (input.startTime || input.durationMinutes ? new Date(startsAt.getTime() + (input.durationMinutes ?? minutes(event)) * 60000) : event.endsAt);
      // null clears a registration date; an absent field leaves it as it is.
      const next = {
        startsAt,
        endsAt,
        registrationOpensAt: input.registrationOpensAt !== undefined ? input.registrationOpensAt : event.registrationOpensAt,
        registrationClosesAt: input.registrationClosesAt !== undefined ? input.registrationClosesAt : event.registrationClosesAt,
      };
      this.checkTimes(next);
      await this.guardVenue(place.venueId, { ...next, excludeId: id }, () =>
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
          if (input.coHostIds) await this.setCoHosts(m, [id], input.coHostIds);
          if (next.startsAt.getTime() !== event.startsAt.getTime()) await this.recordRescheduled(m, actor, event, next);
          else await this.domainEvents.record(m, 'event.updated', { eventIds: [id], regionCode: event.regionCode, changed }, { actor });
        }),
        actor,
      );
      const updated = await this.findById(id);
      return [updated];
    }

    // Only the template columns the organizer sent change, on the series and on the occurrences that follow it.
    const columns: Array<[column: string, value: unknown]> = [];
    if (input.title !== undefined && input.title !== null) columns.push(['title', input.title.trim()]);
    if (input.description !== undefined && input.description !== null) columns.push(['description', input.description]);
    if (input.subtype) columns.push(['subtype', input.subtype]);
    if (input.details) columns.push(['details', detailsOf(input.details)]);
    if (input.venueId !== undefined || input.isOnline != null || input.onlineUrl !== undefined) {
      columns.push(['venue_id', place.venueId], ['is_online', place.isOnline], ['online_url', place.onlineUrl]);
    }
    if (input.capacity != null) columns.push(['capacity', place.capacity]);
    const retimed = !!input.startTime || !!input.durationMinutes;

    const targetIds = await this.ds.transaction(async (m) => {
      let seriesId = event.seriesId!;
      if (scope === EditScope.THIS_AND_FOLLOWING) seriesId = await this.splitSeries(m, seriesId, event.occurrenceKey!);
      await m.query(
        `UPDATE event_series SET ${columns.map(([c], i) => `${c} = $${i + 5}`).join(', ')}${columns.length ? ',' : ''}
                start_time = coalesce($2::time, start_time), duration_minutes = coalesce($3, duration_minutes),
                co_host_ids = coalesce($4::uuid[], co_host_ids), updated_at = now()
          WHERE id = $1`,
        [seriesId, input.startTime ?? null, input.durationMinutes ?? null, input.coHostIds ?? null, ...columns.map(([, v]) => v)],
      );
      // Occurrences that follow the series: not edited on their own, not over, not cancelled.
      const rows: Array<{ id: string }> = await m.query(
        `SELECT id FROM event WHERE series_id = $1 AND NOT detached AND status IN ('DRAFT','PUBLISHED')
            AND ($2::date IS NULL OR occurrence_key >= $2::date) AND ends_at > now() FOR UPDATE`,
        [seriesId, scope === EditScope.ALL ? null : event.occurrenceKey],
      );
      const ids = rows.map((r) => r.id);
      if (!ids.length) return ids;
      const sets = columns.map(([c]) => `${c} = s.${c}`);
      if (retimed) {
        sets.push(
          `starts_at = ((e.starts_at AT TIME ZONE 'Asia/Shanghai')::date + s.start_time) AT TIME ZONE 'Asia/Shanghai'`,
          `ends_at = ((e.starts_at AT TIME ZONE 'Asia/Shanghai')::date + s.start_time) AT TIME ZONE 'Asia/Shanghai' + make_interval(mins => s.duration_minutes)`,
        );
      }
      await this.guardVenue(place.venueId, null, () =>
        m.query(`UPDATE event e SET ${[...sets, 'updated_at = now()'].join(', ')} FROM event_series s WHERE s.id = e.series_id AND e.id = ANY($1::uuid[])`, [ids]),
        actor,
      );
      if (input.coHostIds) await this.setCoHosts(m, ids, input.coHostIds);
      await this.domainEvents.record(m, 'event.updated', { eventIds: ids, regionCode: event.regionCode, changed }, { actor });
      return ids;
    });
    const updated = targetIds.length ? await this.ds.getRepository(EventEntity).find({ where: targetIds.map((tid) => ({ id: tid })), order: { startsAt: 'ASC' } }) : [];
    return updated;
  }

  private async seriesTemplate(seriesId: string): Promise<Pick<EventEntity, 'venueId' | 'isOnline' | 'onlineUrl' | 'capacity' | 'subtype'>> {
    const [row]: Array<Pick<EventEntity, 'venueId' | 'isOnline' | 'onlineUrl' | 'capacity' | 'subtype'>> = await this.ds.query(
      `SELECT venue_id AS "venueId", is_online AS "isOnline", online_url AS "onlineUrl", capacity, subtype FROM event_series WHERE id = $1`,
      [seriesId],
    );
    if (!row) throw notFound('Event series');
    return row;
  }

  /** Ends the series the day before `fromKey` and continues it as a copy owning the later occurrences. */
  private async splitSeries(m: EntityManager, seriesId: string, fromKey: string): Promise<string> {
    const [first]: Array<{ n: number }> = await m.query(`SELECT count(*)::int AS n FROM event WHERE series_id = $1 AND occurrence_key < $2`, [seriesId, fromKey]);
    if (first!.n === 0) return seriesId; // nothing before: editing "this and following" is editing all
    const [copy]: Array<{ id: string }> = await m.query(
      `INSERT INTO event_series (title, description, type, subtype, details, region_code, venue_id, is_online, online_url, capacity, co_host_ids,
              pattern_kind, rrule, cadence, start_date, until_date, start_time, duration_minutes, holiday_policy, registration_opens_days,
              publish_occurrences, materialized_until, created_by)
       SELECT title, description, type, subtype, details, region_code, venue_id, is_online, online_url, capacity, co_host_ids,
              pattern_kind, rrule, cadence, $2::date, until_date, start_time, duration_minutes, holiday_policy, registration_opens_days,
              publish_occurrences, greatest(materialized_until, $2::date), created_by
         FROM event_series WHERE id = $1 RETURNING id`,
      [seriesId, fromKey],
    );
    await m.query(`UPDATE event SET series_id = $2 WHERE series_id = $1 AND occurrence_key >= $3`, [seriesId, copy!.id, fromKey]);
    await m.query(`UPDATE event_series SET until_date = $2, materialized_until = least(materialized_until, $2), updated_at = now() WHERE id = $1`, [seriesId, addDays(fromKey, -1)]);
    return copy!.id;
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

  /** Moves one occurrence in time; registrations and bookings reference the event, so they move with it. */
  async reschedule(actor: Actor, event: EventEntity, startsAt: Date, endsAt: Date): Promise<EventEntity> {
    const id = event.id;
    if (event.status === 'CANCELLED' || event.status === 'COMPLETED') throw EventErrors.notEditable(event.status);
    this.checkTimes({ startsAt, endsAt, registrationOpensAt: event.registrationOpensAt, registrationClosesAt: null });
    const closes = event.registrationClosesAt && event.registrationClosesAt > endsAt ? endsAt : event.registrationClosesAt;
    await this.guardVenue(event.venueId, { startsAt, endsAt, excludeId: id }, () =>
      this.ds.transaction(async (m) => {
        await m.query(
          `UPDATE event SET starts_at = $2, ends_at = $3, registration_closes_at = $4, original_starts_at = coalesce(original_starts_at, starts_at),
                  detached = series_id IS NOT NULL, updated_at = now() WHERE id = $1`,
          [id, startsAt, endsAt, closes],
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

function detailsOf(d: EventDetailsInput | undefined): EventDetailsData {
  if (!d) return {};
  return {
    industry: d.industry?.trim() || null,
    university: d.university?.trim() || null,
    universityCity: d.universityCity?.trim() || null,
    delegationEmployerIds: d.delegationEmployerIds ?? [],
  };
}

const minutes = (e: EventEntity) => Math.round((e.endsAt.getTime() - e.startsAt.getTime()) / 60000);

function retime(e: EventEntity, input: EventUpdateInput): Date {
  return input.startTime ? shanghaiInstant(shanghaiDateOf(e.startsAt), input.startTime) : e.startsAt;
}

/** The input fields that changed; the notification words them in each recipient's language. */
function describeChanges(input: EventUpdateInput): string[] {
  return Object.keys(input).filter((k) => (input as Record<string, unknown>)[k] !== undefined);
}
