import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { nextWorkingDay, shanghaiInstant } from '@leye/domain';
import type { Actor } from '../../common/auth/actor.js';
import { DomainEvents } from '../../common/domain-events/domain-events.service.js';
import { conflict, notFound } from '../../common/errors/app-error.js';
import { EventsService } from '../events/occurrences/events.service.js';
import { HolidaysService } from '../holidays/holidays.service.js';
import type { HolidayClashAction } from './holiday-clash.types.js';
import './holiday-clash.domain-events.js';

export interface HolidayClash {
  eventId: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  regionCode: string;
  createdBy: string;
  date: string;
  holidayName: string;
  seriesId: string;
  seriesTitle: string;
  holidayPolicy: 'SKIP' | 'NEXT_WORKING_DAY' | 'KEEP';
  action: HolidayClashAction;
  moveTo: string | null;
}

const ACTION: Record<HolidayClash['holidayPolicy'], HolidayClashAction> = { SKIP: 'CANCEL', NEXT_WORKING_DAY: 'RESCHEDULE', KEEP: 'ACKNOWLEDGE' };

/**
 * Occurrences that fall on a holiday an admin entered after they were planned (节假日冲突): a series
 * planned for 2027 before anyone knew 2027's holidays. A clash is a live, future series occurrence on
 * an admin-entered statutory holiday saved after the occurrence last changed, and not yet resolved.
 * Occurrences planned (or moved by hand) after the holiday was known are the organizer's choice, and
 * built-in years (chinese-days) were known when planned, so neither is listed.
 */
@Injectable()
export class HolidayClashesService {
  constructor(
    private readonly ds: DataSource,
    private readonly holidays: HolidaysService,
    private readonly events: EventsService,
    private readonly domainEvents: DomainEvents,
  ) {}

  async list(opts: { year?: number; eventId?: string } = {}): Promise<HolidayClash[]> {
    const rows: Array<Omit<HolidayClash, 'action' | 'moveTo'>> = await this.ds.query(
      `SELECT e.id AS "eventId", e.title, e.starts_at AS "startsAt", e.ends_at AS "endsAt", e.region_code AS "regionCode", e.created_by AS "createdBy",
              to_char(h.day, 'YYYY-MM-DD') AS date, h.name AS "holidayName", s.id AS "seriesId", s.title AS "seriesTitle", s.holiday_policy AS "holidayPolicy"
         FROM event e
         JOIN event_series s ON s.id = e.series_id
         JOIN holiday_day h ON h.day = (e.starts_at AT TIME ZONE 'Asia/Shanghai')::date AND h.kind = 'HOLIDAY' AND h.updated_at > e.updated_at
        WHERE e.status IN ('DRAFT', 'PUBLISHED') AND e.starts_at > now()
          AND ($1::int IS NULL OR extract(year FROM h.day)::int = $1)
          AND ($2::uuid IS NULL OR e.id = $2)
          AND NOT EXISTS (SELECT 1 FROM event_holiday_resolution r WHERE r.event_id = e.id AND r.holiday_date = h.day)
        ORDER BY e.starts_at, e.id`,
      [opts.year ?? null, opts.eventId ?? null],
    );
    if (!rows.length) return [];
    const years = [...new Set(rows.map((r) => Number(r.date.slice(0, 4))))];
    const cal = await this.holidays.calendarFor([...years, ...years.map((y) => y + 1)]);
    return rows.map((r) => ({
      ...r,
      action: ACTION[r.holidayPolicy],
      moveTo: r.holidayPolicy === 'NEXT_WORKING_DAY' ? nextWorkingDay(cal, r.date) : null,
    }));
  }

  async clashOf(eventId: string): Promise<HolidayClash> {
    const [clash] = await this.list({ eventId });
    if (clash) return clash;
    const [exists] = await this.ds.query(`SELECT 1 FROM event WHERE id = $1`, [eventId]);
    if (!exists) throw notFound('Event');
    throw conflict({ reason: 'NO_HOLIDAY_CLASH', message: 'The event is not on a holiday, or its clash was already resolved' });
  }

  /**
   * Applies the series' holiday policy to one clash: SKIP cancels (with a reason), NEXT_WORKING_DAY
   * reschedules to the next working day at the same time, KEEP records that it is held knowingly.
   * The resolution row (primary key: event and holiday) is claimed first, so two clicks resolve once.
   */
  async resolve(actor: Actor, clash: HolidayClash, cancelReason?: string): Promise<HolidayClash['action']> {
    const claimed = await this.ds.transaction(async (m) => {
      const rows: unknown[] = await m.query(
        `INSERT INTO event_holiday_resolution (event_id, holiday_date, action, resolved_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (event_id, holiday_date) DO NOTHING RETURNING event_id`,
        [clash.eventId, clash.date, clash.action, actor.id],
      );
      if (rows.length && clash.action === 'ACKNOWLEDGE') {
        await this.domainEvents.record(m, 'event.kept-on-holiday', {
          eventId: clash.eventId, regionCode: clash.regionCode, title: clash.title, date: clash.date, holidayName: clash.holidayName,
        }, { actor });
      }
      return rows.length > 0;
    });
    if (!claimed) throw conflict({ reason: 'NO_HOLIDAY_CLASH', message: 'The clash was already resolved' });
    try {
      if (clash.action === 'CANCEL') await this.events.cancel(actor, clash.eventId, cancelReason?.trim() || clash.holidayName);
      if (clash.action === 'RESCHEDULE') {
        const event = await this.events.findById(clash.eventId);
        const startsAt = shanghaiInstant(clash.moveTo!, shanghaiTime(event.startsAt));
        await this.events.reschedule(actor, event, startsAt, new Date(startsAt.getTime() + (event.endsAt.getTime() - event.startsAt.getTime())));
      }
    } catch (error) {
      // The move failed (e.g. the venue is taken that day): the clash stays open for another try.
      await this.ds.query(`DELETE FROM event_holiday_resolution WHERE event_id = $1 AND holiday_date = $2`, [clash.eventId, clash.date]);
      throw error;
    }
    return clash.action;
  }
}

/** HH:mm of an instant in Asia/Shanghai (UTC+8, no daylight saving). */
function shanghaiTime(instant: Date): string {
  const shifted = new Date(instant.getTime() + 8 * 3_600_000);
  return shifted.toISOString().slice(11, 16);
}
