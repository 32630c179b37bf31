import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  CITY_REGION_CODE,
  buildHolidayCalendar,
  chineseDaysCoversYear,
  chineseDaysEntries,
  defaultPeakRanges,
  type HolidayCalendar,
  type HolidayEntry,
  type PeakRange,
} from '@leye/domain';
import { DomainEvents } from '../../common/domain-events/domain-events.service.js';
import { badInput, conflict } from '../../common/errors/app-error.js';
import type { HolidayDayInput, HolidayDayType } from './holiday.types.js';
import './holiday.domain-events.js';

export interface HolidayYear {
  year: number;
  hasBuiltInSchedule: boolean;
  isKnown: boolean;
  days: HolidayDayType[];
}

export interface PeakSeasons {
  year: number;
  regionCode: string;
  ranges: PeakRange[];
  isDefault: boolean;
}

/** The calendar of some years: bundled data first, the admins' entries (of those years) override. */
function calendarOf(years: readonly number[], admin: readonly HolidayEntry[]): HolidayCalendar {
  const bundled = years.flatMap((y) => (chineseDaysCoversYear(y) ? chineseDaysEntries(y) : []));
  return buildHolidayCalendar([...bundled, ...admin]);
}

/**
 * The holiday calendar: statutory holidays and adjusted working days from `chinese-days` for the
 * years it covers, overridden by what admins enter (for years it does not cover yet).
 */
@Injectable()
export class HolidaysService {
  constructor(
    private readonly ds: DataSource,
    private readonly domainEvents: DomainEvents,
  ) {}

  private async adminEntries(years: number[]): Promise<HolidayEntry[]> {
    const rows: Array<{ date: string; kind: 'HOLIDAY' | 'WORKDAY'; name: string }> = await this.ds.query(
      `SELECT to_char(day, 'YYYY-MM-DD') AS date, kind, name FROM holiday_day
        WHERE extract(year FROM day)::int = ANY($1::int[]) ORDER BY day`,
      [years],
    );
    return rows;
  }

  /** One calendar covering the given years (bundled data first, admin entries override). */
  async calendarFor(years: number[]): Promise<HolidayCalendar> {
    const unique = [...new Set(years)];
    return calendarOf(unique, await this.adminEntries(unique));
  }

  async year(year: number): Promise<HolidayYear> {
    return (await this.years([year])).get(year)!;
  }

  /** `year` of several years, with one query for the admins' entries of all of them (the quota dashboards' cadences). */
  async years(years: number[]): Promise<Map<number, HolidayYear>> {
    const unique = [...new Set(years)];
    const admin = await this.adminEntries(unique);
    return new Map(
      unique.map((year) => {
        const hasBuiltInSchedule = chineseDaysCoversYear(year);
        const byDate = new Map<string, HolidayDayType>();
        if (hasBuiltInSchedule) for (const e of chineseDaysEntries(year)) byDate.set(e.date, { ...e, source: 'CHINESE_DAYS' });
        const own = admin.filter((e) => e.date.startsWith(`${year}-`));
        for (const e of own) byDate.set(e.date, { ...e, source: 'ADMIN' });
        return [year, { year, hasBuiltInSchedule, isKnown: hasBuiltInSchedule || own.length > 0, days: [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date)) }];
      }),
    );
  }

  /**
   * The years among `years` whose holidays nobody knows yet: chinese-days does not cover them and no
   * admin has entered any day. Planning in such a year cannot avoid holidays, so the web says so.
   */
  async unknownYears(years: number[]): Promise<number[]> {
    const candidates = [...new Set(years)].filter((y) => !chineseDaysCoversYear(y)).sort();
    if (!candidates.length) return [];
    const rows: Array<{ year: number }> = await this.ds.query(
      `SELECT DISTINCT extract(year FROM day)::int AS year FROM holiday_day WHERE extract(year FROM day)::int = ANY($1::int[])`,
      [candidates],
    );
    const entered = new Set(rows.map((r) => r.year));
    return candidates.filter((y) => !entered.has(y));
  }

  /** Statutory days off (not adjusted working days) of the given years: date → holiday name. */
  async statutoryHolidays(years: number[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const y of [...new Set(years)]) {
      for (const d of (await this.year(y)).days) if (d.kind === 'HOLIDAY') out.set(d.date, d.name);
    }
    return out;
  }

  /** Replaces the admin-maintained entries of one year (e.g. the State Council's schedule, pasted). */
  async setYear(year: number, days: HolidayDayInput[], adminId: string) {
    const seen = new Set<string>();
    const fields: Record<string, string> = {};
    days.forEach((d, i) => {
      const parsed = new Date(`${d.date}T00:00:00Z`);
      if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== d.date) fields[`days.${i}.date`] = 'INVALID_DATE';
      else if (parsed.getUTCFullYear() !== year) fields[`days.${i}.date`] = 'DATE_NOT_IN_YEAR';
      if (seen.has(d.date)) fields[`days.${i}.date`] = 'DUPLICATE_DATE';
      seen.add(d.date);
    });
    if (Object.keys(fields).length) throw badInput({ reason: 'INVALID_HOLIDAY_LIST', message: 'The holiday list has errors', params: { year } }, fields);
    await this.ds.transaction(async (m) => {
      await m.query(`DELETE FROM holiday_day WHERE extract(year FROM day)::int = $1`, [year]);
      if (days.length) {
        await m.query(
          `INSERT INTO holiday_day (day, kind, name, updated_by)
           SELECT d::date, k, n, $4 FROM unnest($1::text[], $2::text[], $3::text[]) AS t(d, k, n)`,
          [days.map((d) => d.date), days.map((d) => d.kind), days.map((d) => d.name.trim()), adminId],
        );
      }
      await this.domainEvents.record(m, 'holidays.changed', { year, days: days.map((d) => ({ date: d.date, kind: d.kind, name: d.name.trim() })) });
    });
    return this.year(year);
  }

  /** Saved peak seasons of a region (falling back to the city's, then the platform default). */
  async peakSeasons(year: number, regionCode: string): Promise<PeakSeasons> {
    return (await this.peakSeasonsOf([year], regionCode)).get(year)!;
  }

  /** `peakSeasons` of several years: one query, and one more for the default ranges' calendars when a year has none saved. */
  async peakSeasonsOf(years: number[], regionCode: string): Promise<Map<number, PeakSeasons>> {
    const unique = [...new Set(years)];
    const codes = regionCode === CITY_REGION_CODE ? [regionCode] : [regionCode, CITY_REGION_CODE];
    const rows: Array<PeakRange & { code: string; year: number }> = await this.ds.query(
      `SELECT region_code AS code, year, to_char(start_date, 'YYYY-MM-DD') AS start, to_char(end_date, 'YYYY-MM-DD') AS "end"
         FROM peak_season WHERE region_code = ANY($1::varchar[]) AND year = ANY($2::int[]) ORDER BY start_date`,
      [codes, unique],
    );
    const out = new Map<number, PeakSeasons>();
    const missing: number[] = [];
    for (const year of unique) {
      const code = codes.find((c) => rows.some((r) => r.code === c && r.year === year));
      if (!code) missing.push(year);
      else out.set(year, { year, regionCode, ranges: rows.filter((r) => r.code === code && r.year === year).map(({ start, end }) => ({ start, end })), isDefault: false });
    }
    if (missing.length) {
      const admin = await this.adminEntries(missing);
      for (const year of missing) out.set(year, { year, regionCode, ranges: defaultPeakRanges(year, calendarOf([year], admin.filter((e) => e.date.startsWith(`${year}-`)))), isDefault: true });
    }
    return out;
  }

  async setPeakSeasons(year: number, regionCode: string, ranges: PeakRange[]) {
    const fields: Record<string, string> = {};
    ranges.forEach((r, i) => {
      if (r.end < r.start) fields[`ranges.${i}`] = 'ENDS_BEFORE_START';
      if (!r.start.startsWith(`${year}-`) || !r.end.startsWith(`${year}-`)) fields[`ranges.${i}`] = 'RANGE_NOT_IN_YEAR';
    });
    if (Object.keys(fields).length) throw badInput({ reason: 'INVALID_PEAK_SEASONS', message: 'The peak-season ranges have errors', params: { year } }, fields);
    try {
      await this.ds.transaction(async (m) => {
        await m.query(`DELETE FROM peak_season WHERE region_code = $1 AND year = $2`, [regionCode, year]);
        for (const r of ranges) {
          await m.query(`INSERT INTO peak_season (region_code, year, start_date, end_date) VALUES ($1, $2, $3, $4)`, [regionCode, year, r.start, r.end]);
        }
      });
    } catch (error) {
      if ((error as { code?: string }).code === '23P01') throw conflict({ reason: 'PEAK_SEASONS_OVERLAP', message: 'Peak-season ranges must not overlap' });
      throw error;
    }
    return this.peakSeasons(year, regionCode);
  }
}
