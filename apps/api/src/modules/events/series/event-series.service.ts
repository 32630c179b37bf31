import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
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
import type { Actor } from '../../../common/auth/actor.js';
import { badInput, notFound } from '../../../common/errors/app-error.js';
import { addDays, addMonths, shanghaiDate } from '../../../common/time.js';
import { AppConfig } from '../../../config/app-config.js';
import { HolidaysService } from '../../holidays/holidays.service.js';
import type { CreateEventSeriesInput, SeriesPatternInput } from '../dtos/event.inputs.js';
import { EventSeriesEntity } from './event-series.entity.js';
import { EventCoHosts } from '../co-hosts/event-co-hosts.service.js';
import { EventChecks } from '../event-checks.service.js';
import { insertEvents, insertSeries, templateOf, type NewEventRow } from '../event-writer.js';

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
    private readonly checks: EventChecks,
    private readonly coHosts: EventCoHosts,
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
    await this.checks.validateTemplate(input);
    const p = await this.resolvePattern(input.pattern, input.regionCode);
    const until = this.horizonEnd(p);
    const planned = (await this.plan(p, p.startDate, until)).filter((o) => o.adjustment !== 'SKIPPED');
    if (!planned.length) throw badInput({ reason: 'NO_OCCURRENCES', message: 'The rule produces no dates in range' }, { pattern: 'NO_OCCURRENCES' });
    const venueId = input.isOnline ? null : (input.venueId ?? null);
    const seriesId = await this.checks.guardVenue(venueId, null, () =>
      this.ds.transaction(async (m) => {
        const id = await insertSeries(m, {
          title: input.title.trim(), description: input.description ?? '', type: input.type, subtype: input.subtype, details: input.details ?? {},
          regionCode: input.regionCode, venueId, isOnline: !!input.isOnline, onlineUrl: input.onlineUrl ?? null, capacity: input.capacity,
          coHostIds: input.coHostIds ?? [], patternKind: p.kind, rrule: p.rrule, cadence: p.cadence, startDate: p.startDate, untilDate: p.untilDate,
          startTime: p.startTime, durationMinutes: p.durationMinutes, holidayPolicy: p.holidayPolicy, registrationOpensDays: input.registrationOpensDays ?? 14,
          publishOccurrences: !!input.publish, materializedUntil: until, createdBy: actor.id,
        });
        await this.insertOccurrences(m, await this.findById(id, m), planned, { skipClashes: false });
        return id;
      }),
      actor,
    );
    return this.findById(seriesId);
  }

  /**
   * Inserts occurrences from the series template. Keys the series already holds are left as they are
   * (cancelled and rescheduled occurrences stay); `skipClashes` (the horizon job) leaves out dates
   * whose venue is taken instead of failing.
   */
  private async insertOccurrences(m: EntityManager, s: EventSeriesEntity, planned: PlannedOccurrence[], opts: { skipClashes: boolean }): Promise<number> {
    const day = 24 * 60 * 60 * 1000;
    const rows = planned.map((o): NewEventRow => ({
      ...templateOf(s), seriesId: s.id, occurrenceKey: o.occurrenceKey, startsAt: o.startsAt, endsAt: o.endsAt,
      registrationOpensAt: new Date(o.startsAt.getTime() - s.registrationOpensDays * day), registrationClosesAt: o.startsAt,
      status: s.publishOccurrences ? 'PUBLISHED' : 'DRAFT', createdBy: s.createdBy,
    }));
    const ids = await insertEvents(m, rows, { skipVenueClashes: opts.skipClashes });
    if (s.coHostIds.length) await this.coHosts.set(m, ids, s.coHostIds);
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
      const n = await this.insertOccurrences(m, s, planned, { skipClashes: true });
      await m.query(`UPDATE event_series SET materialized_until = $2 WHERE id = $1`, [s.id, s.untilDate && s.untilDate < target ? s.untilDate : target]);
      return n;
    });
  }

  async findById(id: string, m: EntityManager = this.ds.manager): Promise<EventSeriesEntity> {
    const s = await m.getRepository(EventSeriesEntity).findOneBy({ id });
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
