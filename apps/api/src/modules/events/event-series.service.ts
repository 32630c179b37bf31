import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  CalendarRuleError,
  checkCadence,
  describeRule,
  expandSeries,
  generateSeasonalCadence,
  type HolidayCalendar,
  type PeakRange,
  type PlannedOccurrence,
} from '@leye/domain';
import type { Actor } from '../../common/auth/actor.js';
import { badInput, notFound } from '../../common/errors/app-error.js';
import { addDays, addMonths, shanghaiDate } from '../../common/time.js';
import { AppConfig } from '../../config/app-config.js';
import { HolidaysService } from '../holidays/holidays.service.js';
import type { CreateEventSeriesInput, SeriesPatternInput } from './dtos/event.inputs.js';
import { EventSeriesEntity } from './event-series.entity.js';
import { EventsService } from './events.service.js';

/** The event already holding the venue: the resolver shows its title only to those who may read it. */
export interface VenueClash {
  title: string;
  regionCode: string;
  publishedAt: Date | null;
}

export interface SeriesPreview {
  occurrences: Array<PlannedOccurrence & { venueConflict: VenueClash | null }>;
  count: number;
  skipped: number;
  moved: number;
  movedEarlier: number;
  movedLater: number;
  holidaysUnknownYears: number[];
  cadenceCheck: { missedPeakWeeks: string[]; missedOffSeasonMonths: string[] } | null;
}

interface ResolvedPattern {
  kind: 'RRULE' | 'SEASONAL_CADENCE';
  rrule: string | null;
  cadence: { year: number; weekdays: number[]; peakRanges: PeakRange[] } | null;
  startDate: string;
  untilDate: string | null;
  startTime: string;
  durationMinutes: number;
  holidayPolicy: 'SKIP' | 'NEXT_WORKING_DAY' | 'KEEP';
}

const yearsBetween = (from: string, to: string) => {
  const out: number[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) out.push(y);
  return out;
};

const EN_WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** A series the horizon job could not extend, and why. */
export interface HorizonFailure {
  seriesId: string;
  error: string;
}

/**
 * Series (系列活动): a rule (RFC 5545 RRULE, or the seasonal job-fair cadence) whose occurrences are
 * materialised as events up to a rolling horizon. Occurrences are keyed by (series, occurrence
 * date), so a cancelled or rescheduled one is never generated again.
 */
@Injectable()
export class EventSeriesService {
  constructor(
    private readonly ds: DataSource,
    private readonly config: AppConfig,
    private readonly holidays: HolidaysService,
    private readonly events: EventsService,
  ) {}

  private async resolvePattern(p: SeriesPatternInput, regionCode: string | undefined): Promise<ResolvedPattern> {
    if (p.kind === 'RRULE' && !p.rrule) throw badInput({ reason: 'RRULE_REQUIRED', message: 'Give a recurrence rule' }, { rrule: 'REQUIRED' });
    if (p.kind === 'SEASONAL_CADENCE' && !p.cadence) throw badInput({ reason: 'CADENCE_REQUIRED', message: 'Give the cadence settings' }, { cadence: 'REQUIRED' });
    if (p.untilDate && p.untilDate < p.startDate) throw badInput({ reason: 'UNTIL_BEFORE_START', message: 'The until date is before the start' }, { untilDate: 'UNTIL_BEFORE_START' });
    let cadence: ResolvedPattern['cadence'] = null;
    if (p.kind === 'SEASONAL_CADENCE') {
      const c = p.cadence!;
      const peakRanges = c.peakRanges ?? (await this.holidays.peakSeasons(c.year, regionCode ?? '371300')).ranges;
      cadence = { year: c.year, weekdays: [...new Set(c.weekdays)].sort(), peakRanges };
    }
    return {
      kind: p.kind,
      rrule: p.kind === 'RRULE' ? p.rrule!.trim().replace(/^RRULE:/i, '') : null,
      cadence,
      startDate: p.startDate,
      untilDate: p.untilDate ?? null,
      startTime: p.startTime,
      durationMinutes: p.durationMinutes,
      holidayPolicy: p.holidayPolicy,
    };
  }

  /** Plans the occurrences of a pattern with keys in [from, to]; SKIPPED ones are included, flagged. */
  private async plan(p: ResolvedPattern, from: string, to: string, cal?: HolidayCalendar): Promise<PlannedOccurrence[]> {
    const lastDay = p.untilDate && p.untilDate < to ? p.untilDate : to;
    const first = from > p.startDate ? from : p.startDate;
    if (lastDay < first) return [];
    const calendar = cal ?? (await this.holidays.calendarFor(yearsBetween(first, addDays(lastDay, 14))));
    try {
      if (p.kind === 'RRULE') {
        return expandSeries(
          { rrule: p.rrule!, startDate: p.startDate, startTime: p.startTime, durationMinutes: p.durationMinutes, until: p.untilDate ?? undefined, holidayPolicy: p.holidayPolicy },
          { from: first, to: lastDay },
          calendar,
        );
      }
      const c = p.cadence!;
      const yearStart = `${c.year}-01-01`;
      const yearEnd = `${c.year}-12-31`;
      return generateSeasonalCadence(
        {
          year: c.year,
          peakRanges: c.peakRanges,
          weekdays: c.weekdays,
          startTime: p.startTime,
          durationMinutes: p.durationMinutes,
          holidayPolicy: p.holidayPolicy,
          from: first > yearStart ? first : yearStart,
          to: lastDay < yearEnd ? lastDay : yearEnd,
        },
        calendar,
      );
    } catch (error) {
      if (error instanceof CalendarRuleError) throw badInput({ reason: error.code, message: error.en }, { [error.code === 'INVALID_RRULE' ? 'rrule' : 'pattern']: error.code });
      throw error;
    }
  }

  /** The end of the window a new series is materialised for, and what the preview shows. */
  private horizonEnd(p: ResolvedPattern, today = shanghaiDate(new Date())): string {
    if (p.kind === 'SEASONAL_CADENCE') return `${p.cadence!.year}-12-31`;
    const horizon = addMonths(p.startDate > today ? p.startDate : today, this.config.seriesHorizonMonths);
    return p.untilDate && p.untilDate < horizon ? p.untilDate : horizon;
  }

  async preview(pattern: SeriesPatternInput, regionCode: string | undefined, venueId: string | undefined): Promise<SeriesPreview> {
    const p = await this.resolvePattern(pattern, regionCode);
    const planned = await this.plan(p, p.startDate, this.horizonEnd(p));
    const live = planned.filter((o) => o.adjustment !== 'SKIPPED');
    const conflicts = venueId ? await this.venueConflicts(venueId, live) : new Map<string, VenueClash>();
    const cadenceCheck = p.cadence
      ? checkCadence(live.map((o) => o.date), { year: p.cadence.year, peakRanges: p.cadence.peakRanges, from: p.startDate, to: p.untilDate ?? undefined })
      : null;
    return {
      occurrences: planned.map((o) => ({ ...o, venueConflict: conflicts.get(o.occurrenceKey) ?? null })),
      count: live.length,
      skipped: planned.length - live.length,
      moved: planned.filter((o) => o.adjustment === 'MOVED').length,
      movedEarlier: planned.filter((o) => o.adjustment === 'MOVED' && o.date < o.occurrenceKey).length,
      movedLater: planned.filter((o) => o.adjustment === 'MOVED' && o.date > o.occurrenceKey).length,
      holidaysUnknownYears: await this.holidays.unknownYears(planned.map((o) => Number(o.date.slice(0, 4)))),
      cadenceCheck: cadenceCheck ? { missedPeakWeeks: cadenceCheck.missedPeakWeeks, missedOffSeasonMonths: cadenceCheck.missedOffSeasonMonths } : null,
    };
  }

  /** occurrenceKey → the existing event already holding the venue at that time. One query. */
  private async venueConflicts(venueId: string, planned: PlannedOccurrence[]): Promise<Map<string, VenueClash>> {
    if (!planned.length) return new Map();
    const rows: Array<VenueClash & { key: string }> = await this.ds.query(
      `SELECT p.key, e.title, e.region_code AS "regionCode", e.published_at AS "publishedAt" FROM unnest($2::text[], $3::timestamptz[], $4::timestamptz[]) AS p(key, s, t)
         JOIN event e ON e.venue_id = $1 AND e.status <> 'CANCELLED' AND tstzrange(e.starts_at, e.ends_at) && tstzrange(p.s, p.t)`,
      [venueId, planned.map((o) => o.occurrenceKey), planned.map((o) => o.startsAt), planned.map((o) => o.endsAt)],
    );
    return new Map(rows.map(({ key, ...clash }) => [key, clash]));
  }

  /** Saves the series and its occurrences up to the horizon in one transaction (all or nothing). */
  async create(actor: Actor, input: CreateEventSeriesInput): Promise<EventSeriesEntity> {
    await this.events.validateTemplate(input);
    const p = await this.resolvePattern(input.pattern, input.regionCode);
    const until = this.horizonEnd(p);
    const planned = (await this.plan(p, p.startDate, until)).filter((o) => o.adjustment !== 'SKIPPED');
    if (!planned.length) throw badInput({ reason: 'NO_OCCURRENCES', message: 'The rule produces no dates in range' }, { pattern: 'NO_OCCURRENCES' });
    const venueId = input.isOnline ? null : (input.venueId ?? null);
    const seriesId = await this.events.guardVenue(venueId, null, () =>
      this.ds.transaction(async (m) => {
        const [row]: Array<{ id: string }> = await m.query(
          `INSERT INTO event_series (title, description, type, subtype, details, region_code, venue_id, is_online, online_url, capacity, co_host_ids,
                  pattern_kind, rrule, cadence, start_date, until_date, start_time, duration_minutes, holiday_policy, registration_opens_days,
                  publish_occurrences, materialized_until, created_by)
           VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23) RETURNING id`,
          [
            input.title.trim(), input.description ?? '', input.type, input.subtype, input.details ?? {}, input.regionCode, venueId, !!input.isOnline,
            input.onlineUrl ?? null, input.capacity, input.coHostIds ?? [], p.kind, p.rrule, p.cadence, p.startDate, p.untilDate, p.startTime,
            p.durationMinutes, p.holidayPolicy, input.registrationOpensDays ?? 14, !!input.publish, until, actor.id,
          ],
        );
        await this.insertOccurrences(m, row!.id, planned, { skipClashes: false, copyCoHosts: !!input.coHostIds?.length });
        return row!.id;
      }),
      actor,
    );
    return this.findById(seriesId);
  }

  /**
   * Inserts occurrences from the series template. ON CONFLICT on (series, occurrence_key) keeps
   * cancelled and rescheduled occurrences as they are; `skipClashes` (the horizon job) leaves out
   * dates whose venue is taken instead of failing.
   */
  private async insertOccurrences(
    m: { query: DataSource['query'] },
    seriesId: string,
    planned: PlannedOccurrence[],
    opts: { skipClashes: boolean; copyCoHosts: boolean },
  ): Promise<number> {
    if (!planned.length) return 0;
    const rows: Array<{ id: string }> = await m.query(
      `WITH p AS (SELECT * FROM unnest($2::date[], $3::timestamptz[], $4::timestamptz[]) AS p(key, s, t)),
       ins AS (
         INSERT INTO event (series_id, occurrence_key, title, description, type, subtype, details, region_code, venue_id, is_online, online_url,
                            capacity, starts_at, ends_at, registration_opens_at, registration_closes_at, status, published_at, created_by)
         SELECT s.id, p.key, s.title, s.description, s.type, s.subtype, s.details, s.region_code, s.venue_id, s.is_online, s.online_url,
                s.capacity, p.s, p.t, p.s - make_interval(days => s.registration_opens_days), p.s,
                CASE WHEN s.publish_occurrences THEN 'PUBLISHED' ELSE 'DRAFT' END, CASE WHEN s.publish_occurrences THEN now() END, s.created_by
           FROM p CROSS JOIN event_series s
          WHERE s.id = $1
            AND (NOT $5 OR s.venue_id IS NULL OR NOT EXISTS (
                  SELECT 1 FROM event x WHERE x.venue_id = s.venue_id AND x.status <> 'CANCELLED' AND tstzrange(x.starts_at, x.ends_at) && tstzrange(p.s, p.t)))
         ON CONFLICT (series_id, occurrence_key) DO NOTHING
         RETURNING id)
       SELECT id FROM ins`,
      [seriesId, planned.map((o) => o.occurrenceKey), planned.map((o) => o.startsAt), planned.map((o) => o.endsAt), opts.skipClashes],
    );
    const ids = rows.map((r) => r.id);
    if (ids.length && opts.copyCoHosts) {
      await m.query(
        `INSERT INTO event_co_host (event_id, co_host_id)
         SELECT e.id, c FROM event e JOIN event_series s ON s.id = e.series_id CROSS JOIN unnest(s.co_host_ids) c WHERE e.id = ANY($1::uuid[])`,
        [ids],
      );
    }
    return ids.length;
  }

  /**
   * The horizon job: extends every open-ended RRULE series so occurrences exist up to
   * `seriesHorizonMonths` ahead. Idempotent; returns how many occurrences it added.
   */
  async extendHorizons(today = shanghaiDate(new Date()), failures: HorizonFailure[] = []): Promise<number> {
    const target = addMonths(today, this.config.seriesHorizonMonths);
    const due: EventSeriesEntity[] = await this.ds
      .getRepository(EventSeriesEntity)
      .createQueryBuilder('s')
      .where(`s.pattern_kind = 'RRULE' AND s.materialized_until < :target AND (s.until_date IS NULL OR s.until_date > s.materialized_until)`, { target })
      .getMany();
    let added = 0;
    // Each series on its own: one that fails (a rule that no longer parses, a constraint) is reported and the run goes on.
    for (const s of due) {
      try {
        added += await this.extendHorizon(s, target);
      } catch (error) {
        failures.push({ seriesId: s.id, error: (error as Error).message });
      }
    }
    return added;
  }

  private async extendHorizon(s: EventSeriesEntity, target: string): Promise<number> {
    const p: ResolvedPattern = {
      kind: 'RRULE', rrule: s.rrule, cadence: null, startDate: s.startDate, untilDate: s.untilDate,
      startTime: s.startTime.slice(0, 5), durationMinutes: s.durationMinutes, holidayPolicy: s.holidayPolicy,
    };
    const planned = (await this.plan(p, addDays(s.materializedUntil, 1), target)).filter((o) => o.adjustment !== 'SKIPPED');
    return this.ds.transaction(async (m) => {
      const n = await this.insertOccurrences(m, s.id, planned, { skipClashes: true, copyCoHosts: s.coHostIds.length > 0 });
      await m.query(`UPDATE event_series SET materialized_until = $2 WHERE id = $1`, [s.id, s.untilDate && s.untilDate < target ? s.untilDate : target]);
      return n;
    });
  }

  async findById(id: string): Promise<EventSeriesEntity> {
    const s = await this.ds.getRepository(EventSeriesEntity).findOneBy({ id });
    if (!s) throw notFound('Event series');
    return s;
  }

  ruleText(s: Pick<EventSeriesEntity, 'patternKind' | 'rrule' | 'cadence'>, locale: string): string {
    if (s.patternKind === 'RRULE') return describeRule(s.rrule!, locale === 'en' ? 'en' : 'zh-CN');
    const days = s.cadence!.weekdays.map((d) => EN_WEEKDAYS[d - 1]).join(', ');
    return locale === 'en'
      ? `Seasonal cadence ${s.cadence!.year}: weekly in peak season, twice a month off-season (${days})`
      : `${s.cadence!.year} 年旺季每周一场、淡季每月两场（周${s.cadence!.weekdays.map((d) => '一二三四五六日'[d - 1]).join('、')}）`;
  }
}
