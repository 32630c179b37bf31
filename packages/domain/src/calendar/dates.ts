import { CalendarRuleError } from './errors.js';

/**
 * Plain calendar-date arithmetic on `YYYY-MM-DD` strings of the business calendar (Asia/Shanghai).
 * Dates are handled as whole days counted in UTC, which never shifts a date. Asia/Shanghai has been
 * a fixed UTC+08:00 with no daylight saving since 1991, so turning a local date and time into an
 * instant only needs that constant offset — no time-zone database, which keeps this browser-safe.
 */
export const SHANGHAI_UTC_OFFSET_MINUTES = 8 * 60;
const DAY_MS = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

function dayNumberOrNaN(date: string): number {
  const m = DATE_PATTERN.exec(date);
  if (!m) return Number.NaN;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return Number.NaN;
  return ms / DAY_MS;
}

/** A real Gregorian date written as `YYYY-MM-DD` (rejects 2025-02-30). */
export function isCalendarDate(value: unknown): value is string {
  return typeof value === 'string' && !Number.isNaN(dayNumberOrNaN(value));
}

/** Throws INVALID_DATE unless `value` is a real date within 1900–2100 (the range chinese-days' lunar data covers). */
export function assertCalendarDate(value: unknown, what = 'date'): asserts value is string {
  if (!isCalendarDate(value)) throw new CalendarRuleError('INVALID_DATE', `${what}=${String(value)}`);
  const year = Number(value.slice(0, 4));
  if (year < 1900 || year > 2100) throw new CalendarRuleError('INVALID_DATE', `${what}=${value}`);
}

/** Throws INVALID_DATE unless `year` is an integer within 1900–2100. */
export function assertYear(year: unknown): asserts year is number {
  if (!Number.isInteger(year) || (year as number) < 1900 || (year as number) > 2100) {
    throw new CalendarRuleError('INVALID_DATE', `year=${String(year)}`);
  }
}

/** `HH:mm`, 00:00–23:59. */
export function isTimeOfDay(value: unknown): value is string {
  return typeof value === 'string' && TIME_PATTERN.test(value);
}

function dayNumber(date: string): number {
  const n = dayNumberOrNaN(date);
  if (Number.isNaN(n)) throw new CalendarRuleError('INVALID_DATE', date);
  return n;
}

function fromDayNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(dayNumber(date) + days);
}

/**
 * The same day of the month `months` later (earlier when negative), clamped to the last day of the
 * target month: 31 January + 1 month = 28 (or 29) February, never 3 March.
 */
export function addMonths(date: string, months: number): string {
  if (!Number.isInteger(months)) throw new CalendarRuleError('INVALID_DATE', `months=${String(months)}`);
  dayNumber(date);
  const [y, mo, d] = [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
  const monthIndex = y * 12 + (mo - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return fromDayNumber(Date.UTC(year, month, Math.min(d, lastDay)) / DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  return ((new Date(dayNumber(date) * DAY_MS).getUTCDay() + 6) % 7) + 1;
}

/** Every date from `from` to `to`, both included (empty when `from` is after `to`). */
export function eachDate(from: string, to: string): string[] {
  const out: string[] = [];
  for (let n = dayNumber(from), end = dayNumber(to); n <= end; n++) out.push(fromDayNumber(n));
  return out;
}

/** The Monday of the ISO week containing `date`. */
export function startOfIsoWeek(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

const weekKeys = new Map<string, string>();
const WEEK_KEY_CACHE_MAX = 50_000;

/** ISO 8601 week label such as `2026-W07`; the week belongs to the year of its Thursday. */
export function isoWeekKey(date: string): string {
  // Memoized: cadence checks ask for every day of a year several times (the quota dashboard on each request).
  const known = weekKeys.get(date);
  if (known) return known;
  const thursday = addDays(date, 4 - isoWeekday(date));
  const year = thursday.slice(0, 4);
  const week = Math.floor(daysBetween(`${year}-01-01`, thursday) / 7) + 1;
  const key = `${year}-W${String(week).padStart(2, '0')}`;
  if (weekKeys.size >= WEEK_KEY_CACHE_MAX) weekKeys.clear();
  weekKeys.set(date, key);
  return key;
}

/** The instant at which the Shanghai wall-clock `date` + `time` (HH:mm) happens. */
export function shanghaiInstant(date: string, time: string): Date {
  if (!isTimeOfDay(time)) throw new CalendarRuleError('INVALID_TIME', time);
  const minutes = Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
  return new Date(dayNumber(date) * DAY_MS + (minutes - SHANGHAI_UTC_OFFSET_MINUTES) * 60_000);
}

/** The Shanghai calendar date on which an instant falls. */
export function shanghaiDateOf(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_UTC_OFFSET_MINUTES * 60_000).toISOString().slice(0, 10);
}
