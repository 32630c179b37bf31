import { Injectable } from '@nestjs/common';
import { randomInt, randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { CONFLICT_WINDOW_MINUTES, maskName, type RegistrationStatus, type ScanOutcome, type SeekerGroup } from '@leye/domain';
import type { Actor } from '../../common/auth/actor.js';
import { badInput, conflict, forbidden, notFound, uniqueViolation } from '../../common/errors/app-error.js';
import { Permissions } from '../../common/permissions/permissions.service.js';
import { AttendanceGateway } from './attendance.gateway.js';
import { MicroBatcher, withRetry } from './scan-batcher.js';
import { TicketKeys } from './ticket-keys.js';

/** An event as the check-in path needs it, read in one query. */
export interface StationEvent {
  id: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  status: string;
  regionCode: string;
  seriesId: string | null;
  publishedAt: Date | null;
  doorVolunteerIds: string[];
  gateIds: string[];
}

export interface Counts {
  admitted: number;
  reentries: number;
  conflicts: number;
  scans: number;
}

export interface ScanRequest {
  scanId: string;
  gateId: string;
  code?: string | null;
  registrationId?: string | null;
  scannedAt: Date;
  offline: boolean;
}

/** For a scan already recorded: what its first recording decided, at which gate, when. */
export interface OriginalScan {
  outcome: ScanOutcome;
  gateId: string;
  scannedAt: Date;
  receivedAt: Date;
}

export interface ScanResult {
  scanId: string;
  outcome: ScanOutcome;
  registrationId: string | null;
  displayName: string | null;
  original: OriginalScan | null;
}

interface PreparedScan {
  scanId: string;
  gateId: string;
  reg: string | null;
  at: string;
  offline: boolean;
  pre: ScanOutcome | null;
  by: string;
}

interface RecordedScan {
  result: ScanResult;
  counts: Counts;
}

/** Uploads of at most this many scans are micro-batched with the others (an online station sends one). */
const BATCHED_UPLOAD_MAX = 20;
/** Calls of the scan function per event at once; further scans queue and leave together when one returns. */
const MAX_BATCHES_IN_FLIGHT = 2;
const MAX_BATCH_ITEMS = 500;

const SHARDS = 8;
/** How long the scan path reuses an event's door volunteers and gates (a change made here clears it at once). */
const EVENT_CACHE_MS = 1000;
const COUNTS_SQL = `SELECT coalesce(sum(admitted), 0)::int AS admitted, coalesce(sum(reentries), 0)::int AS reentries,
  coalesce(sum(conflicts), 0)::int AS conflicts, coalesce(sum(scans), 0)::int AS scans FROM event_attendance WHERE event_id = $1`;

/**
 * The check-in station's server side (docs/attendance.md#check-in): tickets are verified here with
 * the public key (node:crypto), then one call of `attendance_record_scans` records the batch in one
 * transaction — the scan id is the scan log's primary key (a repeated upload is recorded once), the
 * check-in's primary key (event, registration) counts a person once, and the counters move with it.
 */
@Injectable()
export class CheckInService {
  constructor(
    private readonly ds: DataSource,
    private readonly permissions: Permissions,
    private readonly keys: TicketKeys,
    private readonly gateway: AttendanceGateway,
  ) {}

  /** The event with its door volunteers and gates; NOT_FOUND when missing or a draft the caller may not see. */
  async event(actor: Actor | undefined, eventId: string, m: EntityManager = this.ds.manager): Promise<StationEvent> {
    const [e] = await m.query(
      `SELECT e.id, e.title, e.starts_at AS "startsAt", e.ends_at AS "endsAt", e.status, e.region_code AS "regionCode", e.series_id AS "seriesId",
              e.published_at AS "publishedAt",
              ARRAY(SELECT d.user_id FROM attendance_door_volunteer d WHERE d.event_id = e.id) AS "doorVolunteerIds",
              ARRAY(SELECT g.id FROM attendance_gate g WHERE g.event_id = e.id) AS "gateIds"
         FROM event e WHERE e.id = $1`,
      [eventId],
    );
    if (!e) throw notFound('Event');
    if (!e.publishedAt && !this.permissions.can(actor, 'attendance.scan', e)) throw notFound('Event');
    return e;
  }

  private readonly cache = new Map<string, { at: number; event: StationEvent }>();

  /** Forgets the cached event (its gates or door volunteers changed). */
  forget(eventId: string): void {
    this.cache.delete(eventId);
  }

  /**
   * For the station: the event, as allowed for scanning (door volunteer of it, or organizer covering it).
   * The scan path reads it at most once a second per event (`cached`): a door volunteer removed on
   * another API instance keeps scanning for up to a second.
   */
  async scannable(actor: Actor, eventId: string, cached = false): Promise<StationEvent> {
    let e: StationEvent;
    const hit = cached ? this.cache.get(eventId) : undefined;
    if (hit && Date.now() - hit.at < EVENT_CACHE_MS) {
      e = hit.event;
      if (!e.publishedAt && !this.permissions.can(actor, 'attendance.scan', e)) throw notFound('Event');
    } else {
      e = await this.event(actor, eventId);
      if (this.cache.size > 1000) this.cache.clear();
      this.cache.set(eventId, { at: Date.now(), event: e });
    }
    this.permissions.require(actor, 'attendance.scan', e);
    return e;
  }

  /**
   * The events the caller may open a station for, from yesterday to two weeks ahead: its door duties, and for
   * organizers (admins) the published events they cover. Seekers and employers never scan: FORBIDDEN.
   */
  async stationEvents(actor: Actor): Promise<Array<{ eventId: string; title: string; startsAt: Date; endsAt: Date; status: string; seriesId: string | null; place: string | null; isOnline: boolean; doorDuty: boolean }>> {
    if (!['ORGANIZER', 'MENTOR', 'HOST', 'ADMIN'].includes(actor.role)) throw forbidden({ reason: 'NOT_ALLOWED', message: 'Only staff run check-in stations' });
    const rows: Array<StationEvent & { place: string | null; isOnline: boolean }> = await this.ds.query(
      `SELECT e.id, e.title, e.starts_at AS "startsAt", e.ends_at AS "endsAt", e.status, e.region_code AS "regionCode", e.series_id AS "seriesId",
              e.published_at AS "publishedAt", e.is_online AS "isOnline", v.name AS place,
              ARRAY(SELECT d.user_id FROM attendance_door_volunteer d WHERE d.event_id = e.id) AS "doorVolunteerIds", '{}'::uuid[] AS "gateIds"
         FROM event e LEFT JOIN venue v ON v.id = e.venue_id
        WHERE e.status IN ('PUBLISHED', 'COMPLETED') AND e.ends_at >= now() - interval '1 day' AND e.starts_at <= now() + interval '14 days'
          AND ($2 OR EXISTS (SELECT 1 FROM attendance_door_volunteer d WHERE d.event_id = e.id AND d.user_id = $1))
        ORDER BY e.starts_at, e.id LIMIT 300`,
      [actor.id, actor.role === 'ORGANIZER' || actor.role === 'ADMIN'],
    );
    return rows
      .filter((e) => this.permissions.can(actor, 'attendance.scan', e))
      .map((e) => ({
        eventId: e.id, title: e.title, startsAt: e.startsAt, endsAt: e.endsAt, status: e.status, seriesId: e.seriesId, place: e.place, isOnline: e.isOnline,
        doorDuty: e.doorVolunteerIds.includes(actor.id),
      }));
  }

  async manageable(actor: Actor, eventId: string): Promise<StationEvent> {
    const e = await this.event(actor, eventId);
    this.permissions.require(actor, 'attendance.manage', e);
    return e;
  }

  async counts(eventId: string, m: EntityManager = this.ds.manager): Promise<Counts> {
    const [c] = await m.query(COUNTS_SQL, [eventId]);
    return c;
  }

  async gates(eventId: string): Promise<Array<{ id: string; name: string }>> {
    return this.ds.query(`SELECT id, name FROM attendance_gate WHERE event_id = $1 AND removed_at IS NULL ORDER BY created_at, id`, [eventId]);
  }

  /** Everyone a station may admit: registrations to the event, or to its class. */
  async stationRegistrations(e: StationEvent): Promise<Array<{ registrationId: string; displayName: string; phoneLast4: string | null; status: RegistrationStatus; admitted: boolean }>> {
    const rows: Array<{ id: string; name: string; phone: string | null; status: RegistrationStatus; admitted: boolean }> = await this.ds.query(
      `SELECT r.id, r.name, r.phone, r.status, EXISTS (SELECT 1 FROM attendance_checkin c WHERE c.event_id = $1 AND c.registration_id = r.id) AS admitted
         FROM event_registration r WHERE r.target_id = $1 OR r.target_id = $2 ORDER BY r.created_at, r.id`,
      [e.id, e.seriesId],
    );
    return rows.map((r) => ({ registrationId: r.id, displayName: maskName(r.name), phoneLast4: r.phone ? r.phone.slice(-4) : null, status: r.status, admitted: r.admitted }));
  }

  /**
   * Records scans (one online, up to 500 from an offline queue), in the order given. Small uploads go through
   * the micro-batcher (sent to PostgreSQL together with the other stations' scans of the event that arrived
   * meanwhile); an offline queue's batch is one call of its own.
   */
  async upload(actor: Actor, e: StationEvent, scans: ScanRequest[]): Promise<{ results: ScanResult[]; counts: Counts }> {
    const gates = new Set(e.gateIds);
    const unknownGate = scans.findIndex((s) => !gates.has(s.gateId));
    if (unknownGate >= 0) throw badInput({ reason: 'UNKNOWN_GATE', message: 'A scan names a gate of another event', params: { index: unknownGate } }, { gateId: 'UNKNOWN_GATE' });
    for (const s of scans) {
      if (s.code != null && s.registrationId != null) throw badInput({ reason: 'ONE_OF_CODE_OR_REGISTRATION', message: 'Give a code or a registration, not both' }, { code: 'ONE_OF_CODE_OR_REGISTRATION' });
    }
    const items: PreparedScan[] = await Promise.all(
      scans.map(async (s) => {
        let reg: string | null = s.registrationId ?? null;
        let pre: ScanOutcome | null = null;
        if (s.code != null) {
          const check = await this.keys.verifyAsync(s.code);
          if (!check.ok) {
            reg = null;
            pre = 'INVALID_TICKET';
          } else {
            reg = check.payload.r;
            pre = check.payload.e === e.id || check.payload.e === e.seriesId ? null : 'WRONG_EVENT';
          }
        }
        return { scanId: s.scanId, gateId: s.gateId, reg, at: s.scannedAt.toISOString(), offline: s.offline, pre, by: actor.id };
      }),
    );
    const recorded =
      items.length <= BATCHED_UPLOAD_MAX
        ? await this.batcher.submit(`${e.id}:${e.seriesId ?? ''}`, items)
        : await withRetry(() => this.record(e.id, e.seriesId, items));
    const counts = recorded[recorded.length - 1]!.counts;
    if (recorded.some((r) => r.result.outcome !== 'ALREADY_RECORDED')) this.gateway.countsChanged(e.id);
    return { results: recorded.map((r) => r.result), counts };
  }

  /** Scans sent together, whoever sent them (the key is the event and its class). */
  private readonly batcher = new MicroBatcher<PreparedScan, RecordedScan>((key, items) => {
    const [eventId, seriesId] = key.split(':');
    return this.record(eventId!, seriesId || null, items);
  }, { maxInFlight: MAX_BATCHES_IN_FLIGHT, maxItems: MAX_BATCH_ITEMS });

  /** Batches and scans the micro-batcher sent (docs/attendance.md#the-scan-route). */
  get batchStats(): { batches: number; items: number; largest: number } {
    return { ...this.batcher.stats };
  }

  /**
   * One call of `attendance_record_scans` for the items, in order. Each answer carries the counts after the
   * whole call, and for a scan already recorded the first recording's outcome, gate and time.
   */
  private async record(eventId: string, seriesId: string | null, items: PreparedScan[]): Promise<RecordedScan[]> {
    // One round trip: the scans, and the counts as they were before them (this call's scans are added below).
    const rows: Array<{ scan_id: string; outcome: ScanOutcome; registration_id: string | null; name: string | null; counts: Counts; original: OriginalScan | null }> = await this.ds.query(
      `WITH r AS MATERIALIZED (
         SELECT * FROM attendance_record_scans($1, $2, $3::uuid[], $4::uuid[], $5::uuid[], $6::timestamptz[], $7::boolean[], $8::text[], $9::uuid[], $10::interval, $11::smallint)
           WITH ORDINALITY AS r(scan_id, outcome, registration_id, name, n))
       SELECT r.scan_id, r.outcome, r.registration_id, r.name,
              (SELECT json_build_object('admitted', coalesce(sum(admitted), 0), 'reentries', coalesce(sum(reentries), 0),
                      'conflicts', coalesce(sum(conflicts), 0), 'scans', coalesce(sum(scans), 0)) FROM event_attendance WHERE event_id = $1) AS counts,
              CASE WHEN r.outcome = 'ALREADY_RECORDED' THEN
                (SELECT json_build_object('outcome', s.outcome, 'gateId', s.gate_id, 'scannedAt', s.scanned_at, 'receivedAt', s.received_at)
                   FROM attendance_scan s WHERE s.scan_id = r.scan_id) END AS original
         FROM r ORDER BY r.n`,
      [
        eventId, seriesId, items.map((s) => s.scanId), items.map((s) => s.gateId), items.map((s) => s.reg), items.map((s) => s.at),
        items.map((s) => s.offline), items.map((s) => s.pre), items.map((s) => s.by), `${CONFLICT_WINDOW_MINUTES} minutes`, randomInt(SHARDS),
      ],
    );
    const before = rows[0]!.counts;
    const n = (o: ScanOutcome) => rows.filter((r) => r.outcome === o).length;
    const counts: Counts = {
      admitted: Number(before.admitted) + n('ADMITTED'),
      reentries: Number(before.reentries) + n('REENTRY'),
      conflicts: Number(before.conflicts) + n('CONFLICT'),
      scans: Number(before.scans) + rows.length - n('ALREADY_RECORDED'),
    };
    return rows.map((r) => ({
      counts,
      result: {
        scanId: r.scan_id,
        outcome: r.outcome,
        registrationId: r.registration_id,
        displayName: r.name ? maskName(r.name) : null,
        original: r.original && r.original.outcome ? { ...r.original, scannedAt: new Date(r.original.scannedAt), receivedAt: new Date(r.original.receivedAt) } : null,
      },
    }));
  }

  /** A walk-in: registered at the gate (no capacity check: the door decides) and admitted in one go. */
  async walkIn(actor: Actor, e: StationEvent, gateId: string, input: { name: string; phone: string; group?: SeekerGroup | null }) {
    if (!e.gateIds.includes(gateId)) throw badInput({ reason: 'UNKNOWN_GATE', message: 'Unknown gate' }, { gateId: 'UNKNOWN_GATE' });
    if (e.status === 'CANCELLED') throw conflict({ reason: 'EVENT_CANCELLED', message: 'The event is cancelled' });
    const targetId = e.seriesId && (await this.isClass(e.seriesId)) ? e.seriesId : e.id;
    const isSeries = targetId !== e.id;
    const registrationId = await this.ds.transaction(async (m) => {
      await m.query(`INSERT INTO registration_count (target_id) VALUES ($1) ON CONFLICT DO NOTHING`, [targetId]);
      await m.query(`SELECT 1 FROM registration_count WHERE target_id = $1 FOR UPDATE`, [targetId]);
      // The same person again (by phone): their registration, re-activated if they had cancelled.
      const [existing] = await m.query(
        `SELECT id, status FROM event_registration WHERE target_id = $1 AND phone = $2 ORDER BY walk_in, created_at LIMIT 1 FOR UPDATE`,
        [targetId, input.phone],
      );
      if (existing) {
        if (existing.status !== 'REGISTERED') {
          await m.query(`UPDATE event_registration SET status = 'REGISTERED', registered_at = now(), cancelled_at = NULL, updated_at = now() WHERE id = $1`, [existing.id]);
          await m.query(
            `UPDATE registration_count SET registered = registered + 1, waitlisted = waitlisted - $2 WHERE target_id = $1`,
            [targetId, existing.status === 'WAITLISTED' ? 1 : 0],
          );
        }
        return existing.id as string;
      }
      try {
        const [row] = await m.query(
          `INSERT INTO event_registration (event_id, series_id, walk_in, name, phone, groups, status, registered_at)
           VALUES ($1, $2, true, $3, $4, $5, 'REGISTERED', now()) RETURNING id`,
          [isSeries ? null : targetId, isSeries ? targetId : null, input.name.trim(), input.phone, input.group ? [input.group] : []],
        );
        await m.query(`UPDATE registration_count SET registered = registered + 1 WHERE target_id = $1`, [targetId]);
        await m.query(
          `INSERT INTO event_attendance AS a (event_id, shard, walk_ins) VALUES ($1, $2, 1)
           ON CONFLICT (event_id, shard) DO UPDATE SET walk_ins = a.walk_ins + 1`,
          [e.id, randomInt(SHARDS)],
        );
        return row.id as string;
      } catch (error) {
        if (uniqueViolation(error)) throw conflict({ reason: 'ALREADY_REGISTERED', message: 'This phone is already registered' });
        throw error;
      }
    });
    const [reg] = await this.ds.query(`SELECT target_id AS "targetId", issued_at AS "issuedAt" FROM event_registration WHERE id = $1`, [registrationId]);
    const { results } = await this.upload(actor, e, [{ scanId: randomUUID(), gateId, registrationId, scannedAt: new Date(), offline: false }]);
    return { registrationId, ticketCode: this.keys.sign(registrationId, reg.targetId, reg.issuedAt), outcome: results[0]!.outcome };
  }

  private async isClass(seriesId: string): Promise<boolean> {
    const [s] = await this.ds.query(`SELECT type FROM event_series WHERE id = $1`, [seriesId]);
    return s?.type === 'TRAINING';
  }

  // ── Gates ───────────────────────────────────────────────────────────────────

  async createGate(e: StationEvent, name: string): Promise<{ id: string; name: string }> {
    try {
      const [g] = await this.ds.query(`INSERT INTO attendance_gate (event_id, name) VALUES ($1, $2) RETURNING id, name`, [e.id, name.trim()]);
      this.forget(e.id);
      return g;
    } catch (error) {
      if (uniqueViolation(error)) throw conflict({ reason: 'GATE_NAME_TAKEN', message: 'A gate of this event has that name' }, { fields: { name: 'GATE_NAME_TAKEN' } });
      throw error;
    }
  }

  async gateEvent(actor: Actor, gateId: string): Promise<{ gate: { id: string; name: string; removedAt: Date | null }; event: StationEvent }> {
    const [g] = await this.ds.query(`SELECT id, name, event_id AS "eventId", removed_at AS "removedAt" FROM attendance_gate WHERE id = $1`, [gateId]);
    if (!g) throw notFound('Gate');
    const event = await this.event(actor, g.eventId);
    this.permissions.require(actor, 'attendance.manage', event);
    if (g.removedAt) throw notFound('Gate');
    return { gate: g, event };
  }

  async renameGate(gateId: string, name: string): Promise<{ id: string; name: string }> {
    try {
      const [[g]] = await this.ds.query(`UPDATE attendance_gate SET name = $2 WHERE id = $1 RETURNING id, name`, [gateId, name.trim()]);
      return g;
    } catch (error) {
      if (uniqueViolation(error)) throw conflict({ reason: 'GATE_NAME_TAKEN', message: 'A gate of this event has that name' }, { fields: { name: 'GATE_NAME_TAKEN' } });
      throw error;
    }
  }

  /** Removed gates stay known to the scan log (an offline queue may still carry scans from them). */
  async removeGate(gateId: string): Promise<{ id: string; name: string }> {
    const [[g]] = await this.ds.query(`UPDATE attendance_gate SET removed_at = now() WHERE id = $1 RETURNING id, name`, [gateId]);
    return g;
  }

  // ── Door volunteers ─────────────────────────────────────────────────────────

  async doorVolunteers(eventId: string): Promise<Array<{ userId: string; displayName: string }>> {
    return this.ds.query(
      `SELECT u.id AS "userId", u.display_name AS "displayName" FROM attendance_door_volunteer d JOIN app_user u ON u.id = d.user_id
        WHERE d.event_id = $1 ORDER BY d.created_at, u.id`,
      [eventId],
    );
  }

  async assignDoorVolunteer(actor: Actor, e: StationEvent, userId: string): Promise<void> {
    const [u] = await this.ds.query(`SELECT id, role, region_code AS "regionCode" FROM app_user WHERE id = $1 AND disabled_at IS NULL`, [userId]);
    // Staff accounts of a region the organizer covers (the same rule as event staff), never an admin.
    if (!u || !['ORGANIZER', 'MENTOR', 'HOST'].includes(u.role) || !this.permissions.can(actor, 'event.staffCandidate', u)) {
      throw badInput({ reason: 'NOT_A_DOOR_VOLUNTEER_CANDIDATE', message: 'This account cannot be put on door duty here' }, { userId: 'NOT_A_DOOR_VOLUNTEER_CANDIDATE' });
    }
    await this.ds.query(`INSERT INTO attendance_door_volunteer (event_id, user_id, assigned_by) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [e.id, userId, actor.id]);
    this.forget(e.id);
  }

  async removeDoorVolunteer(e: StationEvent, userId: string): Promise<void> {
    await this.ds.query(`DELETE FROM attendance_door_volunteer WHERE event_id = $1 AND user_id = $2`, [e.id, userId]);
    this.forget(e.id);
  }

  // ── Conflicts ───────────────────────────────────────────────────────────────

  async conflicts(eventId: string) {
    const rows: Array<{ id: string; registrationId: string; name: string; gateName: string; scannedAt: Date; firstGateName: string; firstScannedAt: Date; detectedAt: Date }> =
      await this.ds.query(
        `SELECT c.id, c.registration_id AS "registrationId", r.name, g.name AS "gateName", c.scanned_at AS "scannedAt",
                f.name AS "firstGateName", c.first_scanned_at AS "firstScannedAt", c.detected_at AS "detectedAt"
           FROM attendance_conflict c JOIN event_registration r ON r.id = c.registration_id
           JOIN attendance_gate g ON g.id = c.gate_id JOIN attendance_gate f ON f.id = c.first_gate_id
          WHERE c.event_id = $1 ORDER BY c.detected_at DESC LIMIT 500`,
        [eventId],
      );
    return rows.map(({ name, ...r }) => ({ ...r, displayName: maskName(name) }));
  }
}
