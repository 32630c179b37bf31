import chineseDays from 'chinese-days';
import { addDays, assertCalendarDate, assertYear, eachDate, isoWeekday } from './dates.js';
import { CalendarRuleError } from './errors.js';

/**
 * Statutory holidays (法定节假日) and adjusted working days (调休上班日) of mainland China.
 * The State Council publishes each year's schedule only in the late autumn before, so the
 * `chinese-days` package carries the years it knows and administrators add or correct entries
 * (e.g. a year the package does not cover yet); the API builds one calendar from both.
 */
export type HolidayKind = 'HOLIDAY' | 'WORKDAY';

export interface HolidayEntry {
  date: string;
  /** HOLIDAY = statutory day off; WORKDAY = adjusted working day (调休), usually a Saturday or Sunday. */
  kind: HolidayKind;
  /** Chinese name of the holiday the day belongs to, e.g. 国庆节 (also for its adjusted working days). */
  name: string;
}

export interface HolidayCalendar {
  isHoliday(date: string): boolean;
  isAdjustedWorkday(date: string): boolean;
  /** Name of the holiday a day off or an adjusted working day belongs to. */
  holidayName(date: string): string | undefined;
}

// Node ESM sees the CommonJS build (module.exports), bundlers the ES build's default object:
// both carry these functions as properties, so always go through the default import.
const { getDayDetail, getSolarDateFromLunar } = chineseDays;

const entriesByYear = new Map<number, HolidayEntry[]>();

/**
 * The year's holidays and adjusted working days according to `chinese-days`. Its day detail names
 * data-backed days "English,中文,n" (plain days just get the weekday's name), so only those are taken:
 * a day off is a HOLIDAY (weekend days inside a holiday block included — the whole block is the
 * holiday), a weekend day marked as a working day is an adjusted WORKDAY.
 */
export function chineseDaysEntries(year: number): HolidayEntry[] {
  assertYear(year);
  const cached = entriesByYear.get(year);
  if (cached) return cached.map((e) => ({ ...e }));
  const entries: HolidayEntry[] = [];
  for (const date of eachDate(`${year}-01-01`, `${year}-12-31`)) {
    const detail = getDayDetail(date);
    const parts = detail.name.split(',');
    if (parts.length < 2) continue;
    const name = parts[1] || parts[0]!;
    if (!detail.work) entries.push({ date, kind: 'HOLIDAY', name });
    else if (isoWeekday(date) >= 6) entries.push({ date, kind: 'WORKDAY', name });
  }
  entriesByYear.set(year, entries);
  return entries.map((e) => ({ ...e }));
}

/**
 * Whether `chinese-days` has the official schedule for `year`. Every published year has statutory
 * holidays on weekdays; for a year it does not know, the package only reports plain weekends.
 */
export function chineseDaysCoversYear(year: number): boolean {
  return chineseDaysEntries(year).some((e) => e.kind === 'HOLIDAY' && isoWeekday(e.date) <= 5);
}

/** Gregorian date of the Lunar New Year (正月初一) of `year`, or undefined if the lunar data lacks it. */
export function lunarNewYearDate(year: number): string | undefined {
  assertYear(year);
  try {
    const { date } = getSolarDateFromLunar(`${year}-01-01`);
    return typeof date === 'string' && date.startsWith(`${year}-`) ? date : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One calendar from several lists; for the same date the later entry wins, so callers pass the
 * package's entries first and administrator-maintained corrections after.
 */
export function buildHolidayCalendar(entries: readonly HolidayEntry[]): HolidayCalendar {
  const byDate = new Map<string, HolidayEntry>();
  for (const entry of entries) {
    assertCalendarDate(entry.date, 'holiday date');
    if (entry.kind !== 'HOLIDAY' && entry.kind !== 'WORKDAY') {
      throw new CalendarRuleError('INVALID_DATE', `kind=${String(entry.kind)}`);
    }
    byDate.set(entry.date, entry);
  }
  return {
    isHoliday: (date) => byDate.get(date)?.kind === 'HOLIDAY',
    isAdjustedWorkday: (date) => byDate.get(date)?.kind === 'WORKDAY',
    holidayName: (date) => byDate.get(date)?.name,
  };
}

/** A statutory day off. Only these "affect" a planned event; a plain Saturday is not affected. */
export function isStatutoryHoliday(cal: HolidayCalendar, date: string): boolean {
  return cal.isHoliday(date) && !cal.isAdjustedWorkday(date);
}

/** Monday–Friday that is not a holiday, or an adjusted working day (调休). */
export function isWorkingDay(cal: HolidayCalendar, date: string): boolean {
  if (cal.isAdjustedWorkday(date)) return true;
  if (cal.isHoliday(date)) return false;
  return isoWeekday(date) <= 5;
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(cal: HolidayCalendar, date: string): string {
  assertCalendarDate(date);
  let candidate = date;
  // No real schedule has a month without working days; the bound only guards a broken calendar.
  for (let i = 0; i < 366; i++) {
    candidate = addDays(candidate, 1);
    if (isWorkingDay(cal, candidate)) return candidate;
  }
  throw new CalendarRuleError('INVALID_DATE', `no working day within a year after ${date}`);
}
