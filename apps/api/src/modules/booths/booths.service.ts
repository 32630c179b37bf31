import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { actorColumns, callerUserId, PendingActor, type ActorColumns, type Caller } from '../../common/auth/actor-in-transaction.js';
import { DomainEvents } from '../../common/domain-events/domain-events.service.js';
import { badInput, conflict, forbidden, notFound, uniqueViolation } from '../../common/errors/app-error.js';
import { FairFacts } from '../../common/fairs/fair-facts.js';
import { JobQueue } from '../../common/jobs/job-queue.service.js';
import { Permissions } from '../../common/permissions/permissions.service.js';
import { ACTIVE_SQL, BookingStatus, FairBoothState, type PriorityCategory } from './booth.enums.js';
import type { BookingRef } from './booth.domain-events.js';
import { BoothsGateway } from './booths.gateway.js';
import type { BoothInput, CreateVenueLayoutInput, FairBoothSettingsInput } from './dtos/booth.args.js';
import './booth.domain-events.js';

export const HOLD_EXPIRY_QUEUE = 'booths.hold-expiry';
export const OFFER_EXPIRY_QUEUE = 'booths.offer-expiry';

/** A fair row joined with its booking settings (settings columns null when none). */
export interface FairRow {
  id: string;
  title: string;
  type: string;
  status: string;
  regionCode: string;
  venueId: string | null;
  startsAt: Date;
  endsAt: Date;
  layoutId: string | null;
  places: number | null;
  opensAt: Date | null;
  closesAt: Date | null;
  verifiedOnly: boolean | null;
  maxBoothsPerEmployer: number | null;
  requiresApproval: boolean | null;
  requiresApprovedPosting: boolean | null;
  cancellationDeadline: Date | null;
  holdMinutes: number | null;
  waitlistOfferHours: number | null;
  hasSettings: boolean;
}

export interface BookingRow {
  id: string;
  eventId: string;
  boothId: string | null;
  boothCode: string | null;
  employerId: string;
  employerName: string;
  contactPhone: string | null;
  status: BookingStatus;
  holdExpiresAt: Date | null;
  reason: string | null;
  createdAt: Date;
  confirmedAt: Date | null;
  eventTitle: string;
  eventStartsAt: Date;
  regionCode: string;
}

export interface WaitlistRow {
  id: string;
  eventId: string;
  eventTitle: string;
  regionCode: string;
  employerId: string;
  employerName: string;
  status: string;
  position: number | null;
  offerBookingId: string | null;
  offeredBoothCode: string | null;
  offerExpiresAt: Date | null;
  joinedAt: Date;
}

export interface MapBoothRow {
  boothId: string;
  code: string;
  zone: string;
  type: string;
  sizeSqm: number;
  x: number;
  y: number;
  width: number;
  height: number;
  state: FairBoothState;
  reservedCategory: PriorityCategory | null;
  bookingStatus: BookingStatus | null;
  employerId: string | null;
  employerName: string | null;
}

const FAIR_SELECT = `
  SELECT e.id, e.title, e.type, e.status, e.region_code AS "regionCode", e.venue_id AS "venueId", e.starts_at AS "startsAt", e.ends_at AS "endsAt",
         s.layout_id AS "layoutId", s.places, s.opens_at AS "opensAt", s.closes_at AS "closesAt", s.verified_only AS "verifiedOnly",
         s.max_booths_per_employer AS "maxBoothsPerEmployer", s.requires_approval AS "requiresApproval",
         s.requires_approved_posting AS "requiresApprovedPosting", s.cancellation_deadline AS "cancellationDeadline",
         s.hold_minutes AS "holdMinutes", s.waitlist_offer_hours AS "waitlistOfferHours", (s.event_id IS NOT NULL) AS "hasSettings"
    FROM event e LEFT JOIN fair_booth_settings s ON s.event_id = e.id`;

const BOOKING_SELECT = `
  SELECT b.id, b.event_id AS "eventId", b.booth_id AS "boothId", bo.code AS "boothCode", b.employer_id AS "employerId", em.name AS "employerName",
         em.contact_phone AS "contactPhone",
         CASE WHEN b.status = 'HELD' AND b.hold_expires_at <= now() THEN 'EXPIRED' ELSE b.status END AS status,
         b.hold_expires_at AS "holdExpiresAt", b.reason, b.created_at AS "createdAt", b.confirmed_at AS "confirmedAt",
         e.title AS "eventTitle", e.starts_at AS "eventStartsAt", e.region_code AS "regionCode"
    FROM booth_booking b JOIN employer em ON em.id = b.employer_id JOIN event e ON e.id = b.event_id LEFT JOIN booth bo ON bo.id = b.booth_id`;

const WAITLIST_SELECT = `
  SELECT w.id, w.event_id AS "eventId", e.title AS "eventTitle", e.region_code AS "regionCode", w.employer_id AS "employerId", em.name AS "employerName",
         w.status, w.offer_booking_id AS "offerBookingId", bo.code AS "offeredBoothCode", w.offer_expires_at AS "offerExpiresAt", w.joined_at AS "joinedAt",
         CASE WHEN w.status = 'WAITING' THEN (SELECT count(*)::int FROM fair_waitlist o WHERE o.event_id = w.event_id AND o.status = 'WAITING'
                                               AND (o.joined_at, o.id) <= (w.joined_at, w.id)) END AS position
    FROM fair_waitlist w JOIN employer em ON em.id = w.employer_id JOIN event e ON e.id = w.event_id
    LEFT JOIN booth_booking b ON b.id = w.offer_booking_id LEFT JOIN booth bo ON bo.id = b.booth_id`;

/** An active booking, treating a lapsed hold as free (holds also expire lazily, so one never blocks). */
const LIVE = `(b.status IN ('OFFERED','PENDING_APPROVAL','CONFIRMED') OR (b.status = 'HELD' AND b.hold_expires_at > now()))`;

/** A transaction-scoped advisory lock on a key (serialises one employer at one fair, or one fair's places/waitlist). */
const lock = (m: EntityManager, key: string) => m.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [key]);

type Change = { eventId: string; boothId: string | null };

/**
 * Booth booking (docs/booths.md). Every write runs in one transaction: the partial unique index
 * `booth_booking_one_active_per_booth` makes double booking impossible, and an advisory lock per
 * (fair, employer) makes the per-employer limit hold under concurrency. Holds and offers expire by
 * delayed jobs on the queue (and holds lazily, when someone wants the booth).
 */
@Injectable()
export class BoothsService implements OnModuleInit {
  constructor(
    private readonly ds: DataSource,
    private readonly domainEvents: DomainEvents,
    private readonly queue: JobQueue,
    private readonly permissions: Permissions,
    private readonly fairFacts: FairFacts,
    private readonly gateway: BoothsGateway,
  ) {}

  onModuleInit(): void {
    this.queue.register<{ bookingId: string }>(HOLD_EXPIRY_QUEUE, (data) => this.expireHold(data.bookingId));
    this.queue.register<{ waitlistId: string }>(OFFER_EXPIRY_QUEUE, (data) => this.expireOffer(data.waitlistId));
  }

  // ── Floor plans ───────────────────────────────────────────────────────────

  async venueRegion(venueId: string, m: EntityManager = this.ds.manager): Promise<string> {
    const [v] = await m.query(`SELECT region_code AS "regionCode" FROM venue WHERE id = $1`, [venueId]);
    if (!v) throw notFound('Venue');
    return v.regionCode as string;
  }

  async layouts(actor: Actor, venueId: string) {
    this.permissions.require(actor, 'booth.manageLayouts', { regionCode: await this.venueRegion(venueId) });
    const rows: Array<{ id: string }> = await this.ds.query(`SELECT id FROM venue_layout WHERE venue_id = $1 ORDER BY name, id`, [venueId]);
    return Promise.all(rows.map((r) => this.layoutById(r.id)));
  }

  async layoutById(id: string, m: EntityManager = this.ds.manager) {
    const [l] = await m.query(
      `SELECT l.id, l.venue_id AS "venueId", l.name, l.width, l.height, l.version, l.updated_at AS "updatedAt", v.region_code AS "regionCode",
              EXISTS (SELECT 1 FROM fair_booth_settings s WHERE s.layout_id = l.id) AS "inUse"
         FROM venue_layout l JOIN venue v ON v.id = l.venue_id WHERE l.id = $1`,
      [id],
    );
    if (!l) throw notFound('Layout');
    const booths = await m.query(
      `SELECT id, code, zone, type, size_sqm::float AS "sizeSqm", x, y, width, height FROM booth WHERE layout_id = $1 ORDER BY code`,
      [id],
    );
    return { ...l, booths } as { id: string; venueId: string; name: string; width: number; height: number; version: number; updatedAt: Date; regionCode: string; inUse: boolean; booths: Array<Record<string, unknown>> };
  }

  async createLayout(actor: Actor, input: CreateVenueLayoutInput) {
    this.permissions.require(actor, 'booth.manageLayouts', { regionCode: await this.venueRegion(input.venueId) });
    try {
      const [row] = await this.ds.query(`INSERT INTO venue_layout (venue_id, name, width, height) VALUES ($1, $2, $3, $4) RETURNING id`, [
        input.venueId, input.name.trim(), input.width, input.height,
      ]);
      return this.layoutById(row.id);
    } catch (error) {
      if (uniqueViolation(error) === 'venue_layout_name_key') throw conflict({ reason: 'LAYOUT_NAME_TAKEN', message: 'This venue already has a layout with that name' }, { fields: { name: 'LAYOUT_NAME_TAKEN' } });
      throw error;
    }
  }

  /**
   * Saves the editor's full set of booths (matched by code). The layout row is locked and its
   * version compared: a save based on an older version gets CONFLICT. A booth that has ever been
   * booked cannot be deleted (its bookings point at it).
   */
  /**
   * Saves a plan's booths (and, with `size`, its new width/height) against the version the editor loaded. A plan
   * made smaller than its booths is refused with the booths that would lie outside (BOOTH_OUTSIDE_PLAN, params.codes).
   */
  async saveBooths(actor: Actor, layoutId: string, version: number, booths: BoothInput[], size: { width?: number; height?: number } = {}) {
    const layout = await this.layoutById(layoutId);
    this.permissions.require(actor, 'booth.manageLayouts', { regionCode: layout.regionCode });
    const codes = booths.map((b) => b.code);
    const dupes = [...new Set(codes.filter((c, i) => codes.indexOf(c) !== i))];
    if (dupes.length) throw badInput({ reason: 'DUPLICATE_BOOTH_CODE', message: 'Booth codes must be unique in a layout', params: { codes: dupes.join(',') } });
    const width = size.width ?? layout.width;
    const height = size.height ?? layout.height;
    const outside = booths.filter((b) => b.x + b.width > width || b.y + b.height > height).map((b) => b.code);
    if (outside.length) {
      throw badInput({ reason: 'BOOTH_OUTSIDE_PLAN', message: `Booths must lie inside the plan (${width} × ${height})`, params: { codes: outside.join(','), width, height } });
    }
    await this.ds.transaction(async (m) => {
      const [row] = await m.query(`SELECT version FROM venue_layout WHERE id = $1 FOR UPDATE`, [layoutId]);
      if (!row) throw notFound('Layout');
      if (row.version !== version) {
        throw conflict({ reason: 'LAYOUT_CHANGED', message: 'Someone saved this layout meanwhile; reload it', params: { currentVersion: row.version } });
      }
      const removed: Array<{ id: string; code: string; booked: boolean }> = await m.query(
        `SELECT bo.id, bo.code, EXISTS (SELECT 1 FROM booth_booking b WHERE b.booth_id = bo.id) AS booked
           FROM booth bo WHERE bo.layout_id = $1 AND NOT (bo.code = ANY($2::text[]))`,
        [layoutId, codes],
      );
      const booked = removed.filter((r) => r.booked).map((r) => r.code);
      if (booked.length) throw conflict({ reason: 'BOOTH_HAS_BOOKINGS', message: 'Booths with bookings cannot be deleted', params: { codes: booked.join(',') } });
      if (removed.length) await m.query(`DELETE FROM booth WHERE id = ANY($1::uuid[])`, [removed.map((r) => r.id)]);
      for (const b of booths) {
        await m.query(
          `INSERT INTO booth (layout_id, code, zone, type, size_sqm, x, y, width, height) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
           ON CONFLICT (layout_id, code) DO UPDATE SET zone = EXCLUDED.zone, type = EXCLUDED.type, size_sqm = EXCLUDED.size_sqm,
             x = EXCLUDED.x, y = EXCLUDED.y, width = EXCLUDED.width, height = EXCLUDED.height`,
          [layoutId, b.code, b.zone.trim(), b.type, b.sizeSqm, b.x, b.y, b.width, b.height],
        );
      }
      await m.query(`UPDATE venue_layout SET width = $2, height = $3, version = version + 1, updated_at = now() WHERE id = $1`, [layoutId, width, height]);
    });
    return this.layoutById(layoutId);
  }

  async deleteLayout(actor: Actor, id: string): Promise<boolean> {
    const layout = await this.layoutById(id);
    this.permissions.require(actor, 'booth.manageLayouts', { regionCode: layout.regionCode });
    try {
      const [, n] = await this.ds.query(`DELETE FROM venue_layout l WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM fair_booth_settings s WHERE s.layout_id = l.id)`, [id]);
      if (!n) throw conflict({ reason: 'LAYOUT_IN_USE', message: 'A fair uses this layout' });
    } catch (error) {
      if ((error as { driverError?: { code?: string } }).driverError?.code === '23503') throw conflict({ reason: 'LAYOUT_IN_USE', message: 'A fair uses this layout' });
      throw error;
    }
    return true;
  }

  // ── Fair settings and booth states ─────────────────────────────────────────

  async fair(eventId: string, m: EntityManager = this.ds.manager): Promise<FairRow> {
    const [row] = await m.query(`${FAIR_SELECT} WHERE e.id = $1`, [eventId]);
    if (!row) throw notFound('Event');
    return row as FairRow;
  }

  /** A fair with booking set up, visible to the caller (NOT_FOUND otherwise, like a draft event). */
  async visibleFair(actor: Actor | undefined, eventId: string): Promise<FairRow> {
    const fair = await this.fair(eventId);
    const resource = { regionCode: fair.regionCode, published: ['PUBLISHED', 'COMPLETED'].includes(fair.status) };
    if (!this.permissions.can(actor, 'booth.viewFair', resource)) {
      if (!resource.published && !this.permissions.can(actor, 'booth.manageFair', { regionCode: fair.regionCode })) throw notFound('Event');
      this.permissions.require(actor, 'booth.viewFair', resource);
    }
    return fair;
  }

  async configureFair(actor: Actor, input: FairBoothSettingsInput): Promise<FairRow> {
    const fair = await this.fair(input.eventId);
    this.permissions.require(actor, 'booth.manageFair', { regionCode: fair.regionCode });
    if (fair.status === 'CANCELLED' || fair.status === 'COMPLETED') throw conflict({ reason: 'FAIR_NOT_BOOKABLE', params: { status: fair.status } });
    if (input.closesAt <= input.opensAt) throw badInput({ reason: 'BOOKING_WINDOW_INVALID', message: 'The booking window must close after it opens' }, { closesAt: 'BOOKING_WINDOW_INVALID' });
    if (fair.type === 'JOB_FAIR') {
      if (!fair.venueId) throw badInput({ reason: 'FAIR_HAS_NO_VENUE', message: 'A job fair needs a venue for a floor plan' });
      if (!input.layoutId) throw badInput({ reason: 'LAYOUT_REQUIRED', message: 'Choose a floor plan' }, { layoutId: 'REQUIRED' });
      const [layout] = await this.ds.query(`SELECT venue_id AS "venueId" FROM venue_layout WHERE id = $1`, [input.layoutId]);
      if (!layout || layout.venueId !== fair.venueId) throw badInput({ reason: 'LAYOUT_NOT_AT_VENUE', message: "The layout must be one of the fair's venue" }, { layoutId: 'LAYOUT_NOT_AT_VENUE' });
    } else if (fair.type === 'CAMPUS_RECRUITING') {
      if (!input.places) throw badInput({ reason: 'PLACES_REQUIRED', message: 'A delegation needs a number of places' }, { places: 'REQUIRED' });
    } else {
      throw badInput({ reason: 'BOOTHS_NOT_SUPPORTED', message: 'Only job fairs and campus recruiting trips take bookings', params: { type: fair.type } });
    }
    const layoutId = fair.type === 'JOB_FAIR' ? input.layoutId! : null;
    const places = fair.type === 'CAMPUS_RECRUITING' ? input.places! : null;
    await this.ds.transaction(async (m) => {
      const [current] = await m.query(`SELECT layout_id AS "layoutId" FROM fair_booth_settings WHERE event_id = $1 FOR UPDATE`, [fair.id]);
      if (current && current.layoutId !== layoutId) {
        const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM booth_booking b WHERE b.event_id = $1 AND ${LIVE}`, [fair.id]);
        if (n > 0) throw conflict({ reason: 'FAIR_HAS_BOOKINGS', message: 'The floor plan cannot change once booths are booked' });
        await m.query(`DELETE FROM fair_booth_state WHERE event_id = $1`, [fair.id]);
      }
      await m.query(
        `INSERT INTO fair_booth_settings (event_id, layout_id, places, opens_at, closes_at, max_booths_per_employer, requires_approval,
                                          requires_approved_posting, cancellation_deadline, hold_minutes, waitlist_offer_hours)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         ON CONFLICT (event_id) DO UPDATE SET layout_id = EXCLUDED.layout_id, places = EXCLUDED.places, opens_at = EXCLUDED.opens_at,
           closes_at = EXCLUDED.closes_at, max_booths_per_employer = EXCLUDED.max_booths_per_employer, requires_approval = EXCLUDED.requires_approval,
           requires_approved_posting = EXCLUDED.requires_approved_posting, cancellation_deadline = EXCLUDED.cancellation_deadline,
           hold_minutes = EXCLUDED.hold_minutes, waitlist_offer_hours = EXCLUDED.waitlist_offer_hours, updated_at = now()`,
        [fair.id, layoutId, places, input.opensAt, input.closesAt, input.maxBoothsPerEmployer, input.requiresApproval,
          input.requiresApprovedPosting, input.cancellationDeadline ?? null, input.holdMinutes, input.waitlistOfferHours],
      );
      // More places (or a bigger limit) may let waitlisted employers in.
      await this.promote(m, fair.id);
    });
    return this.fair(fair.id);
  }

  async setBoothStates(actor: Actor, eventId: string, boothIds: string[], state: FairBoothState, category: PriorityCategory | undefined): Promise<FairRow> {
    const fair = await this.fair(eventId);
    this.permissions.require(actor, 'booth.manageFair', { regionCode: fair.regionCode });
    if (!fair.layoutId) throw badInput({ reason: 'FAIR_HAS_NO_LAYOUT', message: 'Set up booth booking with a floor plan first' });
    if (state === FairBoothState.RESERVED && !category) throw badInput({ reason: 'RESERVED_CATEGORY_REQUIRED', message: 'Say which category the booths are reserved for' }, { reservedCategory: 'REQUIRED' });
    const ids = [...new Set(boothIds)];
    await this.ds.transaction(async (m) => {
      const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM booth WHERE layout_id = $1 AND id = ANY($2::uuid[])`, [fair.layoutId, ids]);
      if (n !== ids.length) throw notFound('Booth');
      if (state === FairBoothState.OPEN) await m.query(`DELETE FROM fair_booth_state WHERE event_id = $1 AND booth_id = ANY($2::uuid[])`, [eventId, ids]);
      else {
        await m.query(
          `INSERT INTO fair_booth_state (event_id, booth_id, state, reserved_category) SELECT $1, unnest($2::uuid[]), $3, $4
           ON CONFLICT (event_id, booth_id) DO UPDATE SET state = EXCLUDED.state, reserved_category = EXCLUDED.reserved_category`,
          [eventId, ids, state, state === FairBoothState.RESERVED ? category : null],
        );
      }
      if (state !== FairBoothState.CLOSED) await this.promote(m, eventId);
    });
    this.pushSoon(ids.map((boothId) => ({ eventId, boothId })));
    return fair;
  }

  async priorityCategories(employerId: string): Promise<PriorityCategory[]> {
    const rows = await this.ds.query(`SELECT category FROM employer_priority_category WHERE employer_id = $1 ORDER BY category`, [employerId]);
    return rows.map((r: { category: PriorityCategory }) => r.category);
  }

  async employerRegion(employerId: string): Promise<string> {
    const [employer] = await this.ds.query(`SELECT region_code AS "regionCode" FROM employer WHERE id = $1`, [employerId]);
    if (!employer) throw notFound('Employer');
    return employer.regionCode as string;
  }

  async setPriorityCategories(actor: Actor, employerId: string, categories: PriorityCategory[]): Promise<PriorityCategory[]> {
    const [employer] = await this.ds.query(`SELECT region_code AS "regionCode" FROM employer WHERE id = $1`, [employerId]);
    if (!employer) throw notFound('Employer');
    this.permissions.require(actor, 'booth.markPriority', { regionCode: employer.regionCode });
    await this.ds.transaction(async (m) => {
      await m.query(`DELETE FROM employer_priority_category WHERE employer_id = $1 AND NOT (category = ANY($2::text[]))`, [employerId, categories]);
      await m.query(
        `INSERT INTO employer_priority_category (employer_id, category, marked_by) SELECT $1, unnest($2::text[]), $3 ON CONFLICT DO NOTHING`,
        [employerId, [...new Set(categories)], actor.id],
      );
    });
    return this.priorityCategories(employerId);
  }

  // ── Reads ─────────────────────────────────────────────────────────────────

  async mapBooths(fair: FairRow): Promise<MapBoothRow[]> {
    if (!fair.layoutId) return [];
    return this.ds.query(
      `SELECT bo.id AS "boothId", bo.code, bo.zone, bo.type, bo.size_sqm::float AS "sizeSqm", bo.x, bo.y, bo.width, bo.height,
              coalesce(st.state, 'OPEN') AS state, st.reserved_category AS "reservedCategory",
              b.status AS "bookingStatus", b.employer_id AS "employerId", em.name AS "employerName"
         FROM booth bo
         LEFT JOIN fair_booth_state st ON st.event_id = $1 AND st.booth_id = bo.id
         LEFT JOIN booth_booking b ON b.event_id = $1 AND b.booth_id = bo.id AND ${LIVE}
         LEFT JOIN employer em ON em.id = b.employer_id
        WHERE bo.layout_id = $2 ORDER BY bo.code`,
      [fair.id, fair.layoutId],
    );
  }

  /** Free booth codes (or, for places, how many remain) as the caller could book them now. */
  async freeBoothCodes(eventId: string, m: EntityManager = this.ds.manager): Promise<string[]> {
    const rows = await m.query(
      `SELECT bo.code FROM fair_booth_settings s JOIN booth bo ON bo.layout_id = s.layout_id
         LEFT JOIN fair_booth_state st ON st.event_id = s.event_id AND st.booth_id = bo.id
        WHERE s.event_id = $1 AND coalesce(st.state, 'OPEN') = 'OPEN'
          AND NOT EXISTS (SELECT 1 FROM booth_booking b WHERE b.event_id = s.event_id AND b.booth_id = bo.id AND ${LIVE})
        ORDER BY bo.code`,
      [eventId],
    );
    return rows.map((r: { code: string }) => r.code);
  }

  async freeCount(fair: FairRow, m: EntityManager = this.ds.manager): Promise<number> {
    if (fair.places != null) {
      const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM booth_booking b WHERE b.event_id = $1 AND b.booth_id IS NULL AND ${LIVE}`, [fair.id]);
      return Math.max(0, fair.places - n);
    }
    return (await this.freeBoothCodes(fair.id, m)).length;
  }

  async bookingById(id: string, m: EntityManager = this.ds.manager): Promise<BookingRow> {
    const [row] = await m.query(`${BOOKING_SELECT} WHERE b.id = $1`, [id]);
    if (!row) throw notFound('Booking');
    return row;
  }

  async myBookings(actor: Actor, eventId?: string): Promise<BookingRow[]> {
    return this.ds.query(
      `${BOOKING_SELECT} WHERE b.employer_id = $1 AND ($2::uuid IS NULL OR b.event_id = $2) AND b.status NOT IN ('OFFERED')
        ORDER BY e.starts_at DESC, b.created_at DESC LIMIT 500`,
      [actor.employerId, eventId ?? null],
    );
  }

  async fairBookings(actor: Actor, eventId: string, statuses?: BookingStatus[]): Promise<BookingRow[]> {
    const fair = await this.fair(eventId);
    this.permissions.require(actor, 'booth.manageFair', { regionCode: fair.regionCode });
    const rows: BookingRow[] = await this.ds.query(`${BOOKING_SELECT} WHERE b.event_id = $1 ORDER BY bo.code NULLS LAST, b.created_at LIMIT 5000`, [eventId]);
    return statuses?.length ? rows.filter((r) => statuses.includes(r.status)) : rows;
  }

  async exhibitors(actor: Actor | undefined, eventId: string): Promise<Array<{ employerId: string; employerName: string; boothCodes: string[] }>> {
    const fair = await this.visibleFair(actor, eventId);
    return this.exhibitorRows(fair.id);
  }

  async exhibitorRows(eventId: string) {
    const rows: Array<{ employerId: string; employerName: string; boothCodes: string[]; contactName: string | null; contactPhone: string | null }> = await this.ds.query(
      `SELECT em.id AS "employerId", em.name AS "employerName", em.contact_name AS "contactName", em.contact_phone AS "contactPhone",
              coalesce(array_agg(bo.code ORDER BY bo.code) FILTER (WHERE bo.code IS NOT NULL), '{}') AS "boothCodes"
         FROM booth_booking b JOIN employer em ON em.id = b.employer_id LEFT JOIN booth bo ON bo.id = b.booth_id
        WHERE b.event_id = $1 AND b.status = 'CONFIRMED'
        GROUP BY em.id ORDER BY min(bo.code) NULLS LAST, em.name`,
      [eventId],
    );
    return rows;
  }

  async waitlist(actor: Actor, eventId: string): Promise<WaitlistRow[]> {
    const fair = await this.fair(eventId);
    this.permissions.require(actor, 'booth.manageFair', { regionCode: fair.regionCode });
    return this.ds.query(`${WAITLIST_SELECT} WHERE w.event_id = $1 ORDER BY w.joined_at, w.id`, [eventId]);
  }

  async myWaitlist(actor: Actor): Promise<WaitlistRow[]> {
    return this.ds.query(`${WAITLIST_SELECT} WHERE w.employer_id = $1 ORDER BY w.joined_at DESC LIMIT 200`, [actor.employerId]);
  }

  async waitlistById(id: string, m: EntityManager = this.ds.manager): Promise<WaitlistRow> {
    const [row] = await m.query(`${WAITLIST_SELECT} WHERE w.id = $1`, [id]);
    if (!row) throw notFound('WAITLIST_ENTRY_NOT_FOUND');
    return row;
  }

  async boothFairs(actor: Actor, openOnly: boolean): Promise<FairRow[]> {
    return this.ds.query(
      `${FAIR_SELECT} WHERE s.event_id IS NOT NULL AND e.status = 'PUBLISHED' AND e.ends_at > now()
         AND (NOT $1 OR now() BETWEEN s.opens_at AND s.closes_at)
       ORDER BY e.starts_at LIMIT 200`,
      [openOnly],
    );
  }

  // ── Booking ───────────────────────────────────────────────────────────────

  /** The rules every booking, application and waitlist entry meets (verified, published, window, posting). */
  private async checkEligible(m: EntityManager, fair: FairRow, employerId: string, employerStatus?: string | null): Promise<void> {
    if (!fair.hasSettings) throw conflict({ reason: 'BOOKING_NOT_SET_UP', message: 'This fair takes no bookings' });
    if (fair.status !== 'PUBLISHED') throw conflict({ reason: 'FAIR_NOT_BOOKABLE', params: { status: fair.status } });
    const status = employerStatus !== undefined ? employerStatus : (await m.query(`SELECT status FROM employer WHERE id = $1`, [employerId]))[0]?.status;
    if (status !== 'VERIFIED') throw forbidden({ reason: 'VERIFIED_EMPLOYERS_ONLY', message: 'Only verified employers can book' });
    const now = Date.now();
    if (now < new Date(fair.opensAt!).getTime()) {
      throw conflict({ reason: 'BOOKING_NOT_OPEN_YET', message: 'Booking has not opened yet', params: { opensAt: new Date(fair.opensAt!).toISOString() } });
    }
    if (now >= new Date(fair.closesAt!).getTime()) {
      throw conflict({ reason: 'BOOKING_CLOSED', message: 'Booking has closed', params: { closesAt: new Date(fair.closesAt!).toISOString() } });
    }
    if (fair.requiresApprovedPosting && (await this.fairFacts.approvedPostingCount(employerId, m)) === 0) {
      throw conflict({ reason: 'APPROVED_POSTING_REQUIRED', message: 'This fair needs at least one approved job posting first' });
    }
  }

  private async liveCount(m: EntityManager, eventId: string, employerId: string): Promise<number> {
    const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM booth_booking b WHERE b.event_id = $1 AND b.employer_id = $2 AND ${LIVE}`, [eventId, employerId]);
    return n;
  }

  private async categoriesOf(m: EntityManager, employerId: string): Promise<string[]> {
    return (await m.query(`SELECT category FROM employer_priority_category WHERE employer_id = $1`, [employerId])).map((r: { category: string }) => r.category);
  }

  /**
   * Holds a booth for the fair's hold minutes; confirm it with `confirm`. A PendingActor caller (the GraphQL
   * mutation) is read in the transaction's first statement, with the fair, its rules and the employer.
   */
  async hold(caller: Caller, eventId: string, boothId: string): Promise<BookingRow> {
    let actor: Actor | undefined = caller instanceof PendingActor ? undefined : caller;
    let employerId = '';
    let held: BookingRow;
    try {
      held = await this.ds.transaction(async (m) => {
        // The caller's account, the fair, its rules and the employer in one read (a booking rush is this path, so statements count).
        const [fair]: Array<FairRow & ActorColumns & { employerStatus: string | null; employerName: string; contactPhone: string | null }> = await m.query(
          `${FAIR_SELECT.replace('FROM event e', `, em.status AS "employerStatus", em.name AS "employerName", em.contact_phone AS "contactPhone", ${actorColumns('u')}
             FROM event e LEFT JOIN app_user u ON u.id = $2 AND u.disabled_at IS NULL LEFT JOIN employer em ON em.id = u.employer_id`)} WHERE e.id = $1`,
          [eventId, callerUserId(caller)],
        );
        if (caller instanceof PendingActor) actor = fair ? caller.settle(fair) : await caller.read(m);
        this.permissions.require(actor, 'booth.book');
        employerId = actor!.employerId!;
        if (!fair) throw notFound('Event');
        if (!fair.layoutId) throw conflict({ reason: fair.hasSettings ? 'FAIR_HAS_NO_LAYOUT' : 'BOOKING_NOT_SET_UP', message: 'This fair has no booth map' });
        await this.checkEligible(m, fair, employerId, fair.employerStatus);
        const [booth] = await m.query(
          `SELECT bo.id, bo.code, coalesce(st.state, 'OPEN') AS state, st.reserved_category AS category
             FROM booth bo LEFT JOIN fair_booth_state st ON st.event_id = $1 AND st.booth_id = bo.id WHERE bo.id = $2 AND bo.layout_id = $3`,
          [eventId, boothId, fair.layoutId],
        );
        if (!booth) throw notFound('Booth');
        if (booth.state === 'CLOSED') throw conflict({ reason: 'BOOTH_CLOSED', params: { code: booth.code } });
        if (booth.state === 'RESERVED' && !(await this.categoriesOf(m, employerId)).includes(booth.category)) {
          throw conflict({ reason: 'BOOTH_RESERVED', message: 'This booth is reserved for a priority category', params: { code: booth.code, category: booth.category } });
        }
        // One employer at one fair at a time: the limit counts what this lock has let through.
        await lock(m, `booth:${eventId}:${employerId}`);
        // Lapsed holds of this employer or this booth are closed (they would still occupy the unique index),
        // and the employer's live bookings counted, in one statement: the count's snapshot predates the
        // update, but LIVE already leaves lapsed holds out.
        const [{ n: live }] = await m.query(
          `WITH lapsed AS (
             UPDATE booth_booking SET status = 'EXPIRED', updated_at = now()
              WHERE event_id = $1 AND status = 'HELD' AND hold_expires_at <= now() AND (employer_id = $2 OR booth_id = $3) RETURNING id)
           SELECT count(*)::int AS n FROM booth_booking b WHERE b.event_id = $1 AND b.employer_id = $2 AND ${LIVE}`,
          [eventId, employerId, boothId],
        );
        if (live >= fair.maxBoothsPerEmployer!) {
          throw conflict({ reason: 'BOOKING_LIMIT_REACHED', message: 'The booth limit per employer is reached', params: { max: fair.maxBoothsPerEmployer! } });
        }
        const [row] = await m.query(
          `INSERT INTO booth_booking (event_id, booth_id, employer_id, status, hold_expires_at, created_by)
           VALUES ($1, $2, $3, 'HELD', now() + make_interval(mins => $4), $5) RETURNING id, hold_expires_at AS "expiresAt", created_at AS "createdAt"`,
          [eventId, boothId, employerId, fair.holdMinutes, actor!.id],
        );
        await this.queue.send(HOLD_EXPIRY_QUEUE, { bookingId: row.id }, m, { startAfter: new Date(new Date(row.expiresAt).getTime() + 1000) });
        // The answer is what this transaction wrote: no second read after the commit.
        return {
          id: row.id,
          eventId,
          boothId,
          boothCode: booth.code,
          employerId,
          employerName: fair.employerName,
          contactPhone: fair.contactPhone,
          status: BookingStatus.HELD,
          holdExpiresAt: row.expiresAt,
          reason: null,
          createdAt: row.createdAt,
          confirmedAt: null,
          eventTitle: fair.title,
          eventStartsAt: fair.startsAt,
          regionCode: fair.regionCode,
        } satisfies BookingRow;
      });
    } catch (error) {
      if (uniqueViolation(error) === 'booth_booking_one_active_per_booth') {
        const free = await this.freeBoothCodes(eventId);
        throw conflict({ reason: 'BOOTH_TAKEN', message: 'Someone else took this booth', params: { freeBoothCodes: free.join(','), freeCount: free.length } }, { freeBoothCodes: free });
      }
      throw error;
    }
    this.pushSoon([{ eventId, boothId }]);
    return held;
  }

  /** Held → CONFIRMED, or PENDING_APPROVAL when the fair wants approval. */
  async confirm(caller: Caller, bookingId: string): Promise<BookingRow> {
    const changes: Change[] = [];
    let confirmed: BookingRow | undefined;
    await this.ds.transaction(async (m) => {
      // The booking locked, and a PendingActor caller's account read with it (one statement).
      const [row]: Array<BookingRow & ActorColumns> = await m.query(
        `${BOOKING_SELECT.replace(' FROM booth_booking b', `, ${actorColumns('u')} FROM booth_booking b`)}
           LEFT JOIN app_user u ON u.id = $2 AND u.disabled_at IS NULL WHERE b.id = $1 FOR UPDATE OF b`,
        [bookingId, callerUserId(caller)],
      );
      const actor = caller instanceof PendingActor ? (row ? caller.settle(row) : await caller.read(m)) : caller;
      this.permissions.require(actor, 'booth.book');
      if (!row) throw notFound('Booking');
      const b: BookingRow = row;
      this.permissions.require(actor, 'booth.ownBooking', b);
      if (b.status === 'EXPIRED' && b.holdExpiresAt) throw conflict({ reason: 'HOLD_EXPIRED', message: 'The hold has expired; pick the booth again' });
      if (b.status !== 'HELD') throw conflict({ reason: 'BOOKING_NOT_HELD', params: { status: b.status } });
      if (new Date(b.holdExpiresAt!).getTime() <= Date.now()) throw conflict({ reason: 'HOLD_EXPIRED', message: 'The hold has expired; pick the booth again' });
      // The fair's approval rule decides the new status inside the same UPDATE (one statement fewer per booking).
      const [[done]]: [Array<{ status: BookingStatus; confirmedAt: Date | null }>, number] = await m.query(
        `UPDATE booth_booking b
            SET status = CASE WHEN s.requires_approval THEN 'PENDING_APPROVAL' ELSE 'CONFIRMED' END, hold_expires_at = NULL,
                confirmed_at = CASE WHEN s.requires_approval THEN NULL ELSE now() END, updated_at = now()
           FROM fair_booth_settings s
          WHERE b.id = $1 AND s.event_id = b.event_id
          RETURNING b.status, b.confirmed_at AS "confirmedAt"`,
        [bookingId],
      );
      if (!done) throw conflict({ reason: 'BOOKING_NOT_SET_UP', message: 'This fair takes no bookings' });
      await this.domainEvents.record(m, 'booth.booking-confirmed', { ...ref(b), status: done.status as 'CONFIRMED' | 'PENDING_APPROVAL' });
      changes.push({ eventId: b.eventId, boothId: b.boothId });
      confirmed = { ...b, status: done.status, holdExpiresAt: null, confirmedAt: done.confirmedAt };
    });
    this.pushSoon(changes);
    return confirmed!;
  }

  /** Campus recruiting: apply for a delegation place (the places are counted under a per-trip lock). */
  async applyForDelegation(actor: Actor, eventId: string): Promise<BookingRow> {
    const employerId = actor.employerId!;
    try {
      const id = await this.ds.transaction(async (m) => {
        const fair = await this.fair(eventId, m);
        if (fair.places == null) throw conflict({ reason: fair.hasSettings ? 'FAIR_HAS_NO_PLACES' : 'BOOKING_NOT_SET_UP', message: 'This event has no delegation places' });
        await this.checkEligible(m, fair, employerId);
        await lock(m, `places:${eventId}`);
        const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM booth_booking b WHERE b.event_id = $1 AND b.booth_id IS NULL AND ${LIVE}`, [eventId]);
        if (n >= fair.places) throw conflict({ reason: 'DELEGATION_FULL', message: 'No delegation place is left; join the waitlist', params: { places: fair.places } });
        const status = fair.requiresApproval ? 'PENDING_APPROVAL' : 'CONFIRMED';
        const [row] = await m.query(
          `INSERT INTO booth_booking (event_id, employer_id, status, created_by, confirmed_at) VALUES ($1, $2, $3, $4, CASE WHEN $3 = 'CONFIRMED' THEN now() END) RETURNING id`,
          [eventId, employerId, status, actor.id],
        );
        const b = await this.bookingById(row.id, m);
        await this.domainEvents.record(m, 'booth.booking-confirmed', { ...ref(b), status });
        return row.id as string;
      });
      return this.bookingById(id);
    } catch (error) {
      if (uniqueViolation(error) === 'booth_booking_one_place_per_employer') throw conflict({ reason: 'ALREADY_IN_DELEGATION', message: 'Your organisation already has a place' });
      throw error;
    }
  }

  async approve(actor: Actor, bookingId: string): Promise<BookingRow> {
    const changes: Change[] = [];
    await this.ds.transaction(async (m) => {
      const b = await this.lockedBooking(m, bookingId);
      this.permissions.require(actor, 'booth.manageFair', b);
      if (b.status !== 'PENDING_APPROVAL') throw conflict({ reason: 'BOOKING_NOT_PENDING', params: { status: b.status } });
      await m.query(`UPDATE booth_booking SET status = 'CONFIRMED', confirmed_at = now(), updated_at = now() WHERE id = $1`, [bookingId]);
      await this.domainEvents.record(m, 'booth.booking-approved', ref(b));
      changes.push({ eventId: b.eventId, boothId: b.boothId });
    });
    this.pushSoon(changes);
    return this.bookingById(bookingId);
  }

  async reject(actor: Actor, bookingId: string, reason: string): Promise<BookingRow> {
    const changes: Change[] = [];
    await this.ds.transaction(async (m) => {
      const b = await this.lockedBooking(m, bookingId);
      this.permissions.require(actor, 'booth.manageFair', b);
      if (b.status !== 'PENDING_APPROVAL') throw conflict({ reason: 'BOOKING_NOT_PENDING', params: { status: b.status } });
      await m.query(`UPDATE booth_booking SET status = 'REJECTED', reason = $2, updated_at = now() WHERE id = $1`, [bookingId, reason.trim()]);
      await this.domainEvents.record(m, 'booth.booking-rejected', { ...ref(b), reason: reason.trim() });
      changes.push({ eventId: b.eventId, boothId: b.boothId }, ...(await this.promote(m, b.eventId)));
    });
    this.pushSoon(changes);
    return this.bookingById(bookingId);
  }

  /** The employer cancels its own booking (a hold any time; a booking before the cancellation deadline). */
  async cancelOwn(actor: Actor, bookingId: string): Promise<BookingRow> {
    const changes: Change[] = [];
    await this.ds.transaction(async (m) => {
      const b = await this.lockedBooking(m, bookingId);
      this.permissions.require(actor, 'booth.ownBooking', b);
      if (!['HELD', 'PENDING_APPROVAL', 'CONFIRMED'].includes(b.status)) throw conflict({ reason: 'BOOKING_NOT_ACTIVE', params: { status: b.status } });
      const fair = await this.fair(b.eventId, m);
      if (b.status !== 'HELD' && fair.cancellationDeadline && Date.now() > new Date(fair.cancellationDeadline).getTime()) {
        throw conflict({ reason: 'CANCELLATION_DEADLINE_PASSED', params: { deadline: new Date(fair.cancellationDeadline).toISOString() } });
      }
      await m.query(`UPDATE booth_booking SET status = 'CANCELLED', updated_at = now() WHERE id = $1`, [bookingId]);
      if (b.status !== 'HELD') await this.domainEvents.record(m, 'booth.booking-cancelled', { ...ref(b), reason: null, byOrganizer: false });
      changes.push({ eventId: b.eventId, boothId: b.boothId }, ...(await this.promote(m, b.eventId)));
    });
    this.pushSoon(changes);
    return this.bookingById(bookingId);
  }

  async cancelByOrganizer(actor: Actor, bookingId: string, reason: string): Promise<BookingRow> {
    const changes: Change[] = [];
    await this.ds.transaction(async (m) => {
      const b = await this.lockedBooking(m, bookingId);
      this.permissions.require(actor, 'booth.manageFair', b);
      if (!['HELD', 'OFFERED', 'PENDING_APPROVAL', 'CONFIRMED'].includes(b.status)) throw conflict({ reason: 'BOOKING_NOT_ACTIVE', params: { status: b.status } });
      await m.query(`UPDATE booth_booking SET status = 'CANCELLED', reason = $2, cancelled_by_organizer = true, updated_at = now() WHERE id = $1`, [bookingId, reason.trim()]);
      await m.query(`UPDATE fair_waitlist SET status = 'CANCELLED', updated_at = now() WHERE offer_booking_id = $1 AND status = 'OFFERED'`, [bookingId]);
      await this.domainEvents.record(m, 'booth.booking-cancelled', { ...ref(b), reason: reason.trim(), byOrganizer: true });
      changes.push({ eventId: b.eventId, boothId: b.boothId }, ...(await this.promote(m, b.eventId)));
    });
    this.pushSoon(changes);
    return this.bookingById(bookingId);
  }

  /** The organizer moves a booking to another booth of the fair's plan (the unique index still guards the target). */
  async move(actor: Actor, bookingId: string, boothId: string): Promise<BookingRow> {
    const changes: Change[] = [];
    try {
      await this.ds.transaction(async (m) => {
        const b = await this.lockedBooking(m, bookingId);
        this.permissions.require(actor, 'booth.manageFair', b);
        if (!b.boothId || !['HELD', 'PENDING_APPROVAL', 'CONFIRMED'].includes(b.status)) throw conflict({ reason: 'BOOKING_NOT_ACTIVE', params: { status: b.status } });
        const fair = await this.fair(b.eventId, m);
        const [target] = await m.query(`SELECT code FROM booth WHERE id = $1 AND layout_id = $2`, [boothId, fair.layoutId]);
        if (!target) throw notFound('Booth');
        if (boothId === b.boothId) return;
        await m.query(
          `UPDATE booth_booking SET status = 'EXPIRED', updated_at = now() WHERE event_id = $1 AND booth_id = $2 AND status = 'HELD' AND hold_expires_at <= now()`,
          [b.eventId, boothId],
        );
        await m.query(`UPDATE booth_booking SET booth_id = $2, updated_at = now() WHERE id = $1`, [bookingId, boothId]);
        await this.domainEvents.record(m, 'booth.booking-moved', { ...ref(b), boothCode: target.code, previousBoothCode: b.boothCode! });
        changes.push({ eventId: b.eventId, boothId: b.boothId }, { eventId: b.eventId, boothId }, ...(await this.promote(m, b.eventId)));
      });
    } catch (error) {
      if (uniqueViolation(error) === 'booth_booking_one_active_per_booth') {
        const b = await this.bookingById(bookingId);
        const free = await this.freeBoothCodes(b.eventId);
        throw conflict({ reason: 'BOOTH_TAKEN', params: { freeBoothCodes: free.join(','), freeCount: free.length } }, { freeBoothCodes: free });
      }
      throw error;
    }
    this.pushSoon(changes);
    return this.bookingById(bookingId);
  }

  private async lockedBooking(m: EntityManager, id: string): Promise<BookingRow> {
    const [row] = await m.query(`${BOOKING_SELECT} WHERE b.id = $1 FOR UPDATE OF b`, [id]);
    if (!row) throw notFound('Booking');
    return row;
  }

  // ── Waitlist ──────────────────────────────────────────────────────────────

  async joinWaitlist(actor: Actor, eventId: string): Promise<WaitlistRow> {
    const employerId = actor.employerId!;
    try {
      const id = await this.ds.transaction(async (m) => {
        const fair = await this.fair(eventId, m);
        await this.checkEligible(m, fair, employerId);
        await lock(m, `booth:${eventId}:${employerId}`);
        if ((await this.liveCount(m, eventId, employerId)) >= fair.maxBoothsPerEmployer!) {
          throw conflict({ reason: 'BOOKING_LIMIT_REACHED', params: { max: fair.maxBoothsPerEmployer! } });
        }
        if (fair.places != null) {
          if ((await this.freeCount(fair, m)) > 0) throw conflict({ reason: 'PLACES_STILL_FREE', message: 'Places are still free; apply directly' });
        } else {
          const free = await this.freeFor(m, eventId, employerId);
          if (free.length) {
            throw conflict({ reason: 'BOOTHS_STILL_FREE', message: 'Booths are still free; book one', params: { freeBoothCodes: free.map((f) => f.code).join(','), freeCount: free.length } }, { freeBoothCodes: free.map((f) => f.code) });
          }
        }
        const [row] = await m.query(`INSERT INTO fair_waitlist (event_id, employer_id) VALUES ($1, $2) RETURNING id`, [eventId, employerId]);
        return row.id as string;
      });
      return this.waitlistById(id);
    } catch (error) {
      if (uniqueViolation(error) === 'fair_waitlist_employer_key') throw conflict({ reason: 'ALREADY_ON_WAITLIST', message: 'Your organisation is already on this waitlist' });
      throw error;
    }
  }

  async leaveWaitlist(actor: Actor, id: string): Promise<boolean> {
    const entry = await this.waitlistById(id);
    this.permissions.require(actor, 'booth.ownBooking', entry);
    if (entry.status === 'OFFERED') {
      await this.declineOffer(actor, id);
      return true;
    }
    const [, n] = await this.ds.query(`UPDATE fair_waitlist SET status = 'LEFT', updated_at = now() WHERE id = $1 AND status = 'WAITING'`, [id]);
    if (!n) throw conflict({ reason: 'WAITLIST_ENTRY_CLOSED', params: { status: entry.status } });
    return true;
  }

  async acceptOffer(actor: Actor, id: string): Promise<BookingRow> {
    const changes: Change[] = [];
    const bookingId = await this.ds.transaction(async (m) => {
      const [w] = await m.query(`SELECT id FROM fair_waitlist WHERE id = $1 FOR UPDATE`, [id]);
      if (!w) throw notFound('WAITLIST_ENTRY_NOT_FOUND');
      const entry = await this.waitlistById(id, m);
      this.permissions.require(actor, 'booth.ownBooking', entry);
      if (entry.status !== 'OFFERED') throw conflict({ reason: 'NO_OPEN_OFFER', params: { status: entry.status } });
      if (new Date(entry.offerExpiresAt!).getTime() <= Date.now()) throw conflict({ reason: 'OFFER_EXPIRED', message: 'The offer has expired' });
      const fair = await this.fair(entry.eventId, m);
      const status = fair.requiresApproval ? 'PENDING_APPROVAL' : 'CONFIRMED';
      await m.query(
        `UPDATE booth_booking SET status = $2, hold_expires_at = NULL, confirmed_at = CASE WHEN $2 = 'CONFIRMED' THEN now() END, updated_at = now()
          WHERE id = $1 AND status = 'OFFERED'`,
        [entry.offerBookingId, status],
      );
      await m.query(`UPDATE fair_waitlist SET status = 'ACCEPTED', updated_at = now() WHERE id = $1`, [id]);
      const b = await this.bookingById(entry.offerBookingId!, m);
      await this.domainEvents.record(m, 'booth.booking-confirmed', { ...ref(b), status });
      changes.push({ eventId: b.eventId, boothId: b.boothId });
      return b.id;
    });
    this.pushSoon(changes);
    return this.bookingById(bookingId);
  }

  async declineOffer(actor: Actor, id: string): Promise<WaitlistRow> {
    const entry = await this.waitlistById(id);
    this.permissions.require(actor, 'booth.ownBooking', entry);
    const changes = await this.endOffer(id, 'DECLINED', false);
    if (!changes) throw conflict({ reason: 'NO_OPEN_OFFER', params: { status: entry.status } });
    return this.waitlistById(id);
  }

  /** Queue handler: an offer's deadline passed; it goes to the next eligible employer. */
  async expireOffer(waitlistId: string): Promise<void> {
    await this.endOffer(waitlistId, 'EXPIRED', true);
  }

  private async endOffer(waitlistId: string, status: 'DECLINED' | 'EXPIRED', onlyIfDue: boolean): Promise<Change[] | null> {
    const changes = await this.ds.transaction(async (m) => {
      const [[w]] = await m.query(
        `UPDATE fair_waitlist SET status = $2, updated_at = now() WHERE id = $1 AND status = 'OFFERED' AND (NOT $3 OR offer_expires_at <= now())
         RETURNING event_id AS "eventId", offer_booking_id AS "bookingId"`,
        [waitlistId, status, onlyIfDue],
      );
      if (!w) return null;
      const [[b]] = await m.query(`UPDATE booth_booking SET status = $2, updated_at = now() WHERE id = $1 AND status = 'OFFERED' RETURNING booth_id AS "boothId"`, [w.bookingId, status]);
      return [{ eventId: w.eventId as string, boothId: (b?.boothId ?? null) as string | null }, ...(await this.promote(m, w.eventId))];
    });
    if (changes) await this.push(changes);
    return changes;
  }

  /** Queue handler: a hold's time is up (a no-op when it was confirmed or released meanwhile). */
  async expireHold(bookingId: string): Promise<void> {
    const changes = await this.ds.transaction(async (m) => {
      const [rows] = await m.query(
        `UPDATE booth_booking SET status = 'EXPIRED', updated_at = now() WHERE id = $1 AND status = 'HELD' AND hold_expires_at <= now()
         RETURNING event_id AS "eventId", booth_id AS "boothId"`,
        [bookingId],
      );
      const [b] = rows.length ? rows : await m.query(`SELECT event_id AS "eventId", booth_id AS "boothId" FROM booth_booking WHERE id = $1 AND status = 'EXPIRED'`, [bookingId]);
      if (!b) return [];
      return [{ eventId: b.eventId as string, boothId: b.boothId as string | null }, ...(await this.promote(m, b.eventId))];
    });
    this.pushSoon(changes);
  }

  /** Booths this employer could take now (open, or reserved for one of its categories; nobody's on them). */
  private async freeFor(m: EntityManager, eventId: string, employerId: string): Promise<Array<{ id: string; code: string }>> {
    return m.query(
      `SELECT bo.id, bo.code FROM fair_booth_settings s JOIN booth bo ON bo.layout_id = s.layout_id
         LEFT JOIN fair_booth_state st ON st.event_id = s.event_id AND st.booth_id = bo.id
        WHERE s.event_id = $1
          AND (st.state IS NULL OR (st.state = 'RESERVED' AND st.reserved_category IN (SELECT category FROM employer_priority_category WHERE employer_id = $2)))
          AND NOT EXISTS (SELECT 1 FROM booth_booking b WHERE b.event_id = s.event_id AND b.booth_id = bo.id AND ${LIVE})
        ORDER BY (st.state IS NULL), bo.code`,
      [eventId, employerId],
    );
  }

  /**
   * Offers freed booths (or places) to the waitlist, first come first served, skipping employers
   * who are no longer eligible. Runs inside the transaction that freed something; the per-fair
   * waitlist lock keeps two promotions from offering one booth twice (and the unique index stands behind it).
   */
  async promote(m: EntityManager, eventId: string): Promise<Change[]> {
    const changes: Change[] = [];
    const fair = await this.fair(eventId, m);
    if (!fair.hasSettings || fair.status !== 'PUBLISHED') return changes;
    await lock(m, `waitlist:${eventId}`);
    await m.query(`UPDATE booth_booking SET status = 'EXPIRED', updated_at = now() WHERE event_id = $1 AND status = 'HELD' AND hold_expires_at <= now()`, [eventId]);
    const waiting: Array<{ id: string; employerId: string; verified: boolean }> = await m.query(
      `SELECT w.id, w.employer_id AS "employerId", (em.status = 'VERIFIED') AS verified FROM fair_waitlist w JOIN employer em ON em.id = w.employer_id
        WHERE w.event_id = $1 AND w.status = 'WAITING' ORDER BY w.joined_at, w.id`,
      [eventId],
    );
    for (const w of waiting) {
      if (!w.verified) continue;
      if ((await this.liveCount(m, eventId, w.employerId)) >= fair.maxBoothsPerEmployer!) continue;
      let bookingId: string | null = null;
      let boothId: string | null = null;
      if (fair.places != null) {
        if ((await this.freeCount(fair, m)) <= 0) break;
        const [row] = await m.query(
          `INSERT INTO booth_booking (event_id, employer_id, status, hold_expires_at) VALUES ($1, $2, 'OFFERED', now() + make_interval(hours => $3))
           ON CONFLICT (event_id, employer_id) WHERE booth_id IS NULL AND status IN ${ACTIVE_SQL} DO NOTHING RETURNING id`,
          [eventId, w.employerId, fair.waitlistOfferHours],
        );
        bookingId = row?.id ?? null;
      } else {
        for (const booth of await this.freeFor(m, eventId, w.employerId)) {
          const [row] = await m.query(
            `INSERT INTO booth_booking (event_id, booth_id, employer_id, status, hold_expires_at) VALUES ($1, $2, $3, 'OFFERED', now() + make_interval(hours => $4))
             ON CONFLICT (event_id, booth_id) WHERE booth_id IS NOT NULL AND status IN ${ACTIVE_SQL} DO NOTHING RETURNING id`,
            [eventId, booth.id, w.employerId, fair.waitlistOfferHours],
          );
          if (row) {
            bookingId = row.id;
            boothId = booth.id;
            break;
          }
        }
      }
      if (!bookingId) continue;
      const [[{ expiresAt }]] = await m.query(
        `UPDATE fair_waitlist w SET status = 'OFFERED', offer_booking_id = $2, offer_expires_at = b.hold_expires_at, updated_at = now()
           FROM booth_booking b WHERE w.id = $1 AND b.id = $2 RETURNING w.offer_expires_at AS "expiresAt"`,
        [w.id, bookingId],
      );
      await this.queue.send(OFFER_EXPIRY_QUEUE, { waitlistId: w.id }, m, { startAfter: new Date(new Date(expiresAt).getTime() + 1000) });
      const b = await this.bookingById(bookingId, m);
      await this.domainEvents.record(m, 'booth.offer-made', { ...ref(b), waitlistId: w.id, expiresAt: new Date(expiresAt).toISOString() }, { actor: null });
      changes.push({ eventId, boothId });
    }
    return changes;
  }

  // ── Calendar follow ───────────────────────────────────────────────────────

  /** The fair was cancelled: its bookings and waitlist end in the same transaction; each booked employer is told. */
  async cancelAllForFair(m: EntityManager, eventId: string, reason: string): Promise<void> {
    const [rows]: [Array<{ id: string }>, number] = await m.query(
      `UPDATE booth_booking SET status = 'CANCELLED', reason = $2, cancelled_by_organizer = true, updated_at = now()
        WHERE event_id = $1 AND status IN ${ACTIVE_SQL} RETURNING id`,
      [eventId, reason],
    );
    await m.query(`UPDATE fair_waitlist SET status = 'CANCELLED', updated_at = now() WHERE event_id = $1 AND status IN ('WAITING','OFFERED')`, [eventId]);
    for (const { id } of rows) {
      const b = await this.bookingById(id, m);
      await this.domainEvents.record(m, 'booth.booking-cancelled', { ...ref(b), reason, byOrganizer: true });
    }
  }

  async noticeRescheduled(m: EntityManager, eventId: string, title: string, startsAt: string): Promise<void> {
    const rows: Array<{ employerId: string }> = await m.query(
      `SELECT DISTINCT employer_id AS "employerId" FROM booth_booking WHERE event_id = $1 AND status IN ('PENDING_APPROVAL','CONFIRMED','HELD','OFFERED')`,
      [eventId],
    );
    if (rows.length) await this.domainEvents.record(m, 'booth.fair-rescheduled', { eventId, eventTitle: title, startsAt, employerIds: rows.map((r) => r.employerId) });
  }

  // ── Live availability ─────────────────────────────────────────────────────

  /** After commit, without making the caller wait: the socket push is a courtesy, the map query is the truth. */
  pushSoon(changes: Change[]): void {
    if (changes.length) void this.push(changes).catch(() => undefined);
  }

  /** After commit: tells every viewer of the fair's room what each changed booth looks like now. */
  async push(changes: Change[]): Promise<void> {
    const byEvent = new Map<string, Set<string>>();
    for (const c of changes) if (c.boothId) byEvent.set(c.eventId, (byEvent.get(c.eventId) ?? new Set()).add(c.boothId));
    for (const [eventId, ids] of byEvent) {
      if (!this.gateway.mayHaveViewers(eventId)) continue;
      const rows: Array<{ boothId: string; code: string; state: string; status: string | null }> = await this.ds.query(
        `SELECT bo.id AS "boothId", bo.code, coalesce(st.state, 'OPEN') AS state, b.status
           FROM booth bo LEFT JOIN fair_booth_state st ON st.event_id = $1 AND st.booth_id = bo.id
           LEFT JOIN booth_booking b ON b.event_id = $1 AND b.booth_id = bo.id AND ${LIVE}
          WHERE bo.id = ANY($2::uuid[])`,
        [eventId, [...ids]],
      );
      for (const r of rows) this.gateway.boothChanged({ eventId, boothId: r.boothId, code: r.code, status: availability(r.state, r.status) });
    }
  }
}

export function availability(state: string, bookingStatus: string | null): string {
  if (bookingStatus) return bookingStatus;
  return state === 'CLOSED' ? 'CLOSED' : 'FREE';
}

export const ref = (b: BookingRow): BookingRef => ({
  bookingId: b.id,
  eventId: b.eventId,
  eventTitle: b.eventTitle,
  regionCode: b.regionCode,
  employerId: b.employerId,
  employerName: b.employerName,
  boothCode: b.boothCode,
});
