import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { maskIdNumber, maskPhone, SEEKER_GROUP_LABELS, type SeekerGroup } from '@leye/domain';
import type { Actor } from '../../common/auth/actor.js';
import { DomainEvents } from '../../common/domain-events/domain-events.service.js';
import { OnDomainEvent } from '../../common/domain-events/on-domain-event.decorator.js';
import type { DomainEvent } from '../../common/domain-events/domain-event-map.js';
import { conflict, notFound } from '../../common/errors/app-error.js';
import { FairFacts } from '../../common/fairs/fair-facts.js';
import { Permissions } from '../../common/permissions/permissions.service.js';
import { addTableSheet, newWorkbook, xlsxFile, type ExportFileType } from '../../common/spreadsheets/workbook.js';
import { formatShanghai } from '../../common/time.js';
import type { StationEvent } from './checkin.service.js';
import { SeekerProfileService } from './seeker-profile.service.js';
import './attendance.domain-events.js';
import '../events/event.domain-events.js';

export interface BoothAttendanceRow {
  bookingId: string;
  eventId: string;
  eventTitle: string;
  eventStartsAt: Date;
  eventRegionCode: string;
  employerId: string;
  employerName: string;
  boothCode: string | null;
  checkedInAt: Date | null;
  noShow: boolean;
  resumesReceived: number | null;
  interviews: number | null;
  hiringIntents: number | null;
  outcomeRecordedAt: Date | null;
}

const BOOTH_ROW = `
  b.id AS "bookingId", b.event_id AS "eventId", e.title AS "eventTitle", e.starts_at AS "eventStartsAt", e.region_code AS "eventRegionCode",
  b.employer_id AS "employerId", em.name AS "employerName", bo.code AS "boothCode",
  a.checked_in_at AS "checkedInAt", coalesce(a.no_show, false) AS "noShow", a.resumes_received AS "resumesReceived", a.interviews,
  a.hiring_intents AS "hiringIntents", a.outcome_recorded_at AS "outcomeRecordedAt"`;
const BOOTH_FROM = `FROM booth_booking b JOIN event e ON e.id = b.event_id JOIN employer em ON em.id = b.employer_id
  LEFT JOIN booth bo ON bo.id = b.booth_id LEFT JOIN booth_attendance a ON a.booking_id = b.id`;

/**
 * Employers at fairs and the fair's figures (docs/attendance.md#employers-at-fairs): booth staff check
 * in per confirmed booking; bookings never checked in become no-shows when the fair is completed;
 * the employer (or the organizer) records résumés received, interviews and hiring intents.
 */
@Injectable()
export class FairOutcomesService {
  constructor(
    private readonly ds: DataSource,
    private readonly permissions: Permissions,
    private readonly fairFacts: FairFacts,
    private readonly domainEvents: DomainEvents,
    private readonly profiles: SeekerProfileService,
  ) {}

  async booking(bookingId: string): Promise<BoothAttendanceRow> {
    const [row] = await this.ds.query(`SELECT ${BOOTH_ROW} ${BOOTH_FROM} WHERE b.id = $1 AND b.status = 'CONFIRMED'`, [bookingId]);
    if (!row) throw notFound('Booking');
    return row;
  }

  async checkIn(actor: Actor, bookingId: string): Promise<BoothAttendanceRow> {
    const b = await this.booking(bookingId);
    await this.ds.query(
      `INSERT INTO booth_attendance (booking_id, event_id, employer_id, checked_in_at, checked_in_by) VALUES ($1, $2, $3, now(), $4)
       ON CONFLICT (booking_id) DO UPDATE SET checked_in_at = coalesce(booth_attendance.checked_in_at, now()),
         checked_in_by = coalesce(booth_attendance.checked_in_by, EXCLUDED.checked_in_by), no_show = false`,
      [b.bookingId, b.eventId, b.employerId, actor.id],
    );
    return this.booking(bookingId);
  }

  async recordOutcome(actor: Actor, bookingId: string, input: { resumesReceived: number; interviews: number; hiringIntents: number }): Promise<BoothAttendanceRow> {
    const b = await this.booking(bookingId);
    if (new Date(b.eventStartsAt).getTime() > Date.now()) throw conflict({ reason: 'FAIR_NOT_STARTED', message: 'Outcomes are recorded once the fair has begun' });
    await this.ds.query(
      `INSERT INTO booth_attendance (booking_id, event_id, employer_id, resumes_received, interviews, hiring_intents, outcome_recorded_at, outcome_recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, now(), $7)
       ON CONFLICT (booking_id) DO UPDATE SET resumes_received = EXCLUDED.resumes_received, interviews = EXCLUDED.interviews,
         hiring_intents = EXCLUDED.hiring_intents, outcome_recorded_at = now(), outcome_recorded_by = EXCLUDED.outcome_recorded_by`,
      [b.bookingId, b.eventId, b.employerId, input.resumesReceived, input.interviews, input.hiringIntents, actor.id],
    );
    return this.booking(bookingId);
  }

  async fairBookings(eventId: string): Promise<BoothAttendanceRow[]> {
    return this.ds.query(`SELECT ${BOOTH_ROW} ${BOOTH_FROM} WHERE b.event_id = $1 AND b.status = 'CONFIRMED' ORDER BY bo.code NULLS LAST, em.name`, [eventId]);
  }

  async employerBookings(employerId: string): Promise<BoothAttendanceRow[]> {
    return this.ds.query(
      `SELECT ${BOOTH_ROW} ${BOOTH_FROM} WHERE b.employer_id = $1 AND b.status = 'CONFIRMED' ORDER BY e.starts_at DESC LIMIT 100`,
      [employerId],
    );
  }

  /** Confirmed bookings of these (completed) fairs that never checked in become no-shows. Idempotent. */
  async markNoShows(eventIds: string[], m: EntityManager = this.ds.manager): Promise<number> {
    const rows = await m.query(
      `INSERT INTO booth_attendance (booking_id, event_id, employer_id, no_show)
       SELECT b.id, b.event_id, b.employer_id, true FROM booth_booking b JOIN event e ON e.id = b.event_id
        WHERE b.event_id = ANY($1::uuid[]) AND b.status = 'CONFIRMED' AND e.ends_at <= now()
       ON CONFLICT (booking_id) DO UPDATE SET no_show = true WHERE booth_attendance.checked_in_at IS NULL AND NOT booth_attendance.no_show
       RETURNING booking_id`,
      [eventIds],
    );
    return rows.length;
  }

  /**
   * Folds an event's counter shards into shard 0 once it is over (scans no longer race on it), so a quota
   * measure reads one row per completed event. Idempotent; a late offline upload simply adds shards again.
   */
  async compactCounters(eventIds: string[], m: EntityManager = this.ds.manager): Promise<void> {
    await m.query(
      `WITH moved AS (
         DELETE FROM event_attendance WHERE event_id = ANY($1::uuid[]) AND shard <> 0
         RETURNING event_id, admitted, first_admitted, reentries, conflicts, scans, walk_ins),
       sums AS (
         SELECT event_id, sum(admitted) AS admitted, sum(first_admitted) AS first_admitted, sum(reentries) AS reentries, sum(conflicts) AS conflicts,
                sum(scans) AS scans, sum(walk_ins) AS walk_ins FROM moved GROUP BY event_id)
       INSERT INTO event_attendance AS a (event_id, shard, admitted, first_admitted, reentries, conflicts, scans, walk_ins)
       SELECT event_id, 0, admitted, first_admitted, reentries, conflicts, scans, walk_ins FROM sums
       ON CONFLICT (event_id, shard) DO UPDATE SET admitted = a.admitted + EXCLUDED.admitted, first_admitted = a.first_admitted + EXCLUDED.first_admitted,
         reentries = a.reentries + EXCLUDED.reentries, conflicts = a.conflicts + EXCLUDED.conflicts, scans = a.scans + EXCLUDED.scans, walk_ins = a.walk_ins + EXCLUDED.walk_ins`,
      [eventIds],
    );
  }

  @OnDomainEvent('event.completed')
  async onCompleted(e: DomainEvent<'event.completed'>): Promise<void> {
    await this.markNoShows(e.payload.eventIds);
    await this.compactCounters(e.payload.eventIds);
  }

  // ── Figures ─────────────────────────────────────────────────────────────────

  async figures(e: StationEvent) {
    const [c] = await this.ds.query(
      `SELECT coalesce(sum(admitted), 0)::int AS admitted, coalesce(sum(first_admitted), 0)::int AS "firstAdmitted",
              coalesce(sum(reentries), 0)::int AS reentries, coalesce(sum(conflicts), 0)::int AS conflicts,
              coalesce(sum(scans), 0)::int AS scans, coalesce(sum(walk_ins), 0)::int AS "walkIns"
         FROM event_attendance WHERE event_id = $1`,
      [e.id],
    );
    const [reg] = await this.ds.query(
      `SELECT coalesce(sum(registered), 0)::int AS registered, coalesce(sum(waitlisted), 0)::int AS waitlisted FROM registration_count WHERE target_id = $1 OR target_id = $2`,
      [e.id, e.seriesId],
    );
    const byGate: Array<{ key: string; admitted: number }> = await this.ds.query(
      `SELECT g.name AS key, count(*)::int AS admitted FROM attendance_checkin c JOIN attendance_gate g ON g.id = c.gate_id
        WHERE c.event_id = $1 GROUP BY g.name ORDER BY g.name`,
      [e.id],
    );
    const byHour: Array<{ key: string; admitted: number }> = await this.ds.query(
      `SELECT to_char(date_trunc('hour', c.admitted_at AT TIME ZONE 'Asia/Shanghai'), 'HH24:00') AS key, count(*)::int AS admitted
         FROM attendance_checkin c WHERE c.event_id = $1 GROUP BY 1 ORDER BY 1`,
      [e.id],
    );
    const byGroup: Array<{ key: string; admitted: number }> = await this.ds.query(
      `SELECT coalesce(g, 'NONE') AS key, count(*)::int AS admitted
         FROM attendance_checkin c JOIN event_registration r ON r.id = c.registration_id
         LEFT JOIN LATERAL unnest(CASE WHEN cardinality(r.groups) = 0 THEN ARRAY[NULL]::text[] ELSE r.groups END) g ON true
        WHERE c.event_id = $1 GROUP BY 1 ORDER BY 1`,
      [e.id],
    );
    const present: Array<{ employerId: string }> = await this.ds.query(
      `SELECT DISTINCT employer_id AS "employerId" FROM booth_attendance WHERE event_id = $1 AND checked_in_at IS NOT NULL`,
      [e.id],
    );
    const [intents] = await this.ds.query(`SELECT coalesce(sum(hiring_intents), 0)::int AS n FROM booth_attendance WHERE event_id = $1`, [e.id]);
    const headcount = await this.fairFacts.postingHeadcountOf(present.map((p) => p.employerId));
    return {
      eventId: e.id,
      final: e.status === 'COMPLETED',
      counts: { admitted: c.admitted, reentries: c.reentries, conflicts: c.conflicts, scans: c.scans },
      registered: reg.registered,
      waitlisted: reg.waitlisted,
      walkIns: c.walkIns,
      seekersAdmitted: c.firstAdmitted,
      participations: c.admitted,
      employersPresent: present.length,
      positionsOffered: [...headcount.values()].reduce((a, b) => a + b, 0),
      intentsReached: intents.n,
      byGate,
      byHour,
      byGroup,
    };
  }

  // ── Registration list and export ────────────────────────────────────────────

  async registrations(e: StationEvent, q: { take: number; skip: number; search?: string | null }) {
    const search = q.search?.trim() || null;
    const where = `(r.target_id = $1 OR r.target_id = $2) AND ($3::text IS NULL OR r.phone LIKE '%' || $3 OR r.name LIKE '%' || $3 || '%')`;
    const params = [e.id, e.seriesId, search?.replace(/[\\%_]/g, (ch) => `\\${ch}`) ?? null];
    const [items, [{ n }]] = await Promise.all([
      this.ds.query(`SELECT ${REG_ROW} ${regFrom} WHERE ${where} ORDER BY r.created_at, r.id LIMIT ${Number(q.take)} OFFSET ${Number(q.skip)}`, params),
      this.ds.query(`SELECT count(*)::int AS n FROM event_registration r WHERE ${where}`, params),
    ]);
    return { items: (items as RegRow[]).map((r) => maskRow(r)), total: n as number };
  }

  /** The attendance list as Excel. Unmasked only with `attendance.exportUnmasked`, and then written to the audit log. */
  async export(actor: Actor, e: StationEvent, unmasked: boolean): Promise<ExportFileType> {
    if (unmasked) this.permissions.require(actor, 'attendance.exportUnmasked', e);
    const rows: RegRow[] = await this.ds.query(`SELECT ${REG_ROW} ${regFrom} WHERE r.target_id = $1 OR r.target_id = $2 ORDER BY r.created_at, r.id`, [e.id, e.seriesId]);
    const STATUS: Record<string, string> = { REGISTERED: '已报名', WAITLISTED: '候补', CANCELLED: '已取消' };
    const wb = newWorkbook();
    addTableSheet(
      wb,
      '签到名单',
      [
        { header: '序号', key: 'n', width: 6 },
        { header: '姓名', key: 'name', width: 12 },
        { header: '手机号', key: 'phone', width: 16 },
        { header: '身份证号', key: 'idNumber', width: 22 },
        { header: '状态', key: 'status', width: 10 },
        { header: '现场登记', key: 'walkIn', width: 8 },
        { header: '人员类别', key: 'groups', width: 24 },
        { header: '入场时间', key: 'admittedAt', width: 20 },
        { header: '入口', key: 'gate', width: 12 },
      ],
      rows.map((r, i) => {
        const shown = unmasked ? { phone: r.phone, idNumber: this.profiles.decryptIdNumber(r.idCipher, r.idKeyId) } : maskRow(r);
        return {
          n: i + 1, name: r.name, phone: shown.phone ?? '', idNumber: shown.idNumber ?? '', status: STATUS[r.status] ?? r.status, walkIn: r.walkIn ? '是' : '',
          groups: r.groups.map((g) => SEEKER_GROUP_LABELS[g as SeekerGroup]?.zh ?? g).join('、'),
          admittedAt: r.admittedAt ? formatShanghai(new Date(r.admittedAt)) : '', gate: r.gateName ?? '',
        };
      }),
    );
    const day = new Date(e.startsAt).toISOString().slice(0, 10);
    const file = await xlsxFile(wb, `attendance-${day}-${e.id.slice(0, 8)}${unmasked ? '-full' : ''}.xlsx`);
    if (unmasked) {
      await this.ds.transaction((m) =>
        this.domainEvents.record(m, 'attendance.exported-unmasked', { eventId: e.id, regionCode: e.regionCode, title: e.title, rows: rows.length }, { actor }),
      );
    }
    return file;
  }
}

interface RegRow {
  id: string;
  name: string;
  phone: string | null;
  idMasked: string | null;
  idCipher: string | null;
  idKeyId: string | null;
  status: string;
  walkIn: boolean;
  groups: string[];
  admittedAt: Date | null;
  gateName: string | null;
}

const REG_ROW = `r.id, r.name, r.phone, sr.id_number_masked AS "idMasked", sr.id_number_cipher AS "idCipher", sr.id_number_key_id AS "idKeyId",
  r.status, r.walk_in AS "walkIn", r.groups, c.admitted_at AS "admittedAt", g.name AS "gateName"`;
const regFrom = `FROM event_registration r LEFT JOIN seeker_resume sr ON sr.user_id = r.user_id
  LEFT JOIN attendance_checkin c ON c.registration_id = r.id AND c.event_id = $1 LEFT JOIN attendance_gate g ON g.id = c.gate_id`;

function maskRow(r: RegRow) {
  return {
    id: r.id, name: r.name, phone: maskPhone(r.phone), idNumber: r.idMasked ?? maskIdNumber(null), status: r.status, walkIn: r.walkIn, groups: r.groups,
    admittedAt: r.admittedAt, gateName: r.gateName,
  };
}
