import { addDays, assertCalendarDate, assertYear, eachDate, isoWeekday, isoWeekKey, startOfIsoWeek } from './dates.js';
import { CalendarRuleError } from './errors.js';
import {
  buildHolidayCalendar,
  chineseDaysEntries,
  type HolidayCalendar,
  isStatutoryHoliday,
  isWorkingDay,
  lunarNewYearDate,
  nextWorkingDay,
} from './holidays.js';
import {
  assertHolidayPolicy,
  assertTimeAndDuration, type AdjustmentReason, type HolidayPolicy, type PlannedOccurrence, plannedOccurrence } from './recurrence.js';

/**
 * The job-fair cadence of measures clause (八): in the peak hiring season (用工旺季) at least one
 * fair a week, in the off-season (用工淡季) at least two a month.
 *
 * Definitions (all dates within the checked scope, by default the whole calendar year):
 * - a **peak day** lies in one of the peak ranges (inclusive);
 * - a **peak week** is an ISO week (Monday–Sunday, labelled like 2026-W07) containing at least one
 *   peak day; it is met by ≥ 1 fair on one of its peak days;
 * - the **off-season days** of a month are its days that are not in any peak week; a month with
 *   at least one is an **off-season month** and needs ≥ 2 fairs on those days — except a sliver of
 *   fewer than 7 such days (e.g. the tail of a month after the last peak week), which needs only 1;
 * - a peak week or off-season month whose days (peak days, resp. off-season days) include no working
 *   day needs nothing (required 0): e.g. the February 2025 sliver 02-01..02-02 is a weekend inside the
 *   Spring Festival holiday. Working days come from the holiday calendar when one is given, otherwise
 *   they are Monday–Friday.
 * So the days of a week that straddles the start or end of the peak season belong to that peak
 * week only, and no day counts towards two quotas.
 */
export interface PeakRange {
  start: string;
  /** Inclusive. */
  end: string;
}

/** Months with fewer off-season days than this need one fair instead of two. */
export const OFF_SEASON_SLIVER_DAYS = 7;
const SPRING_FESTIVAL = /春节|spring festival/i;

/**
 * The default peak seasons of a year: from the first working day after the Spring Festival holiday
 * (春节假期) through 30 April, and 1 September – 30 November (see DOMAIN.md, "The recruiting year").
 * These are only defaults: organizers change the peak ranges per year.
 * The end of the Spring Festival holiday comes from the calendar (by default chinese-days' schedule);
 * for a year without a published schedule it is estimated as the first working day after 正月初七
 * (the statutory block ended on 初七 in 2025 and 2026), and as 15 February if even the lunar date is unknown.
 */
export function defaultPeakRanges(year: number, cal?: HolidayCalendar): PeakRange[] {
  const calendar = cal ?? buildHolidayCalendar(chineseDaysEntries(year));
  const newYear = lunarNewYearDate(year);
  let springStart = `${year}-02-15`;
  if (newYear) {
    let lastHoliday: string | undefined;
    for (const date of eachDate(addDays(newYear, -10), addDays(newYear, 20))) {
      if (calendar.isHoliday(date) && SPRING_FESTIVAL.test(calendar.holidayName(date) ?? '')) lastHoliday = date;
    }
    springStart = nextWorkingDay(calendar, lastHoliday ?? addDays(newYear, 6));
  }
  return [
    { start: springStart, end: `${year}-04-30` },
    { start: `${year}-09-01`, end: `${year}-11-30` },
  ];
}

interface PeakWeekLayout {
  week: string;
  start: string;
  end: string;
  /** Peak days of the week within the scope. */
  days: string[];
  required: number;
}

interface OffSeasonMonthLayout {
  month: string;
  /** Off-season days of the month within the scope. */
  days: string[];
  required: number;
}

export interface CadenceScope {
  year: number;
  peakRanges: readonly PeakRange[];
  /** Defaults to 1 January of `year`. */
  from?: string;
  /** Defaults to 31 December of `year`. */
  to?: string;
}

function cadenceLayout(
  input: CadenceScope,
  cal: HolidayCalendar | undefined,
): { peakWeeks: PeakWeekLayout[]; offSeasonMonths: OffSeasonMonthLayout[] } {
  const { year } = input;
  assertYear(year);
  const from = input.from ?? `${year}-01-01`;
  const to = input.to ?? `${year}-12-31`;
  assertCalendarDate(from, 'from');
  assertCalendarDate(to, 'to');
  if (from > to) throw new CalendarRuleError('INVALID_WINDOW', `${from} > ${to}`);
  const scopeFrom = from > `${year}-01-01` ? from : `${year}-01-01`;
  const scopeTo = to < `${year}-12-31` ? to : `${year}-12-31`;
  const peak = new Set<string>();
  for (const range of input.peakRanges) {
    assertCalendarDate(range.start, 'peak start');
    assertCalendarDate(range.end, 'peak end');
    if (range.start > range.end) throw new CalendarRuleError('INVALID_WINDOW', `${range.start} > ${range.end}`);
    const start = range.start > scopeFrom ? range.start : scopeFrom;
    const end = range.end < scopeTo ? range.end : scopeTo;
    if (start <= end) for (const date of eachDate(start, end)) peak.add(date);
  }
  const weeks = new Map<string, PeakWeekLayout>();
  const offSeason = new Map<string, string[]>();
  const scopeDays = scopeFrom <= scopeTo ? eachDate(scopeFrom, scopeTo) : [];
  for (const date of scopeDays) {
    if (!peak.has(date)) continue;
    const week = isoWeekKey(date);
    let layout = weeks.get(week);
    if (!layout) {
      const start = startOfIsoWeek(date);
      layout = { week, start, end: addDays(start, 6), days: [], required: 1 };
      weeks.set(week, layout);
    }
    layout.days.push(date);
  }
  for (const date of scopeDays) {
    if (weeks.has(isoWeekKey(date))) continue;
    const month = date.slice(0, 7);
    const days = offSeason.get(month) ?? [];
    days.push(date);
    offSeason.set(month, days);
  }
  const working = (date: string) => (cal ? isWorkingDay(cal, date) : isoWeekday(date) <= 5);
  const peakWeeks = [...weeks.values()];
  for (const week of peakWeeks) if (!week.days.some(working)) week.required = 0;
  return {
    peakWeeks,
    offSeasonMonths: [...offSeason].map(([month, days]) => ({
      month,
      days,
      // One week, one fair: a month whose working off-season days all lie in one ISO week needs one.
      required: Math.min(
        days.length >= OFF_SEASON_SLIVER_DAYS ? 2 : 1,
        new Set(days.filter(working).map(isoWeekKey)).size,
      ),
    })),
  };
}

export interface CadenceCheck {
  /** `required` is 1, or 0 for a week without a working peak day. */
  peakWeeks: Array<{ week: string; start: string; end: string; required: number; count: number; met: boolean }>;
  offSeasonMonths: Array<{ month: string; required: number; count: number; met: boolean }>;
  missedPeakWeeks: string[];
  missedOffSeasonMonths: string[];
}

/**
 * Measures fair dates against the cadence (definitions above). Pass one date per fair held;
 * dates outside the scope are ignored. Used by the quota dashboard to show where it was missed.
 */
export function checkCadence(
  dates: readonly string[],
  input: CadenceScope & { cal?: HolidayCalendar },
): CadenceCheck {
  const layout = cadenceLayout(input, input.cal);
  const perDay = new Map<string, number>();
  for (const date of dates) {
    assertCalendarDate(date, 'fair date');
    perDay.set(date, (perDay.get(date) ?? 0) + 1);
  }
  const countOn = (days: string[]) => days.reduce((sum, d) => sum + (perDay.get(d) ?? 0), 0);
  const peakWeeks = layout.peakWeeks.map(({ week, start, end, days, required }) => {
    const count = countOn(days);
    return { week, start, end, required, count, met: count >= required };
  });
  const offSeasonMonths = layout.offSeasonMonths.map(({ month, days, required }) => {
    const count = countOn(days);
    return { month, required, count, met: count >= required };
  });
  return {
    peakWeeks,
    offSeasonMonths,
    missedPeakWeeks: peakWeeks.filter((w) => !w.met).map((w) => w.week),
    missedOffSeasonMonths: offSeasonMonths.filter((m) => !m.met).map((m) => m.month),
  };
}

export interface SeasonalCadenceInput {
  year: number;
  peakRanges: readonly PeakRange[];
  /** Preferred ISO weekdays (1 = Monday … 7 = Sunday), at least one. */
  weekdays: readonly number[];
  /** Shanghai wall-clock start, HH:mm. */
  startTime: string;
  durationMinutes: number;
  holidayPolicy: HolidayPolicy;
  /** Defaults to 1 January of `year`. */
  from?: string;
  /** Defaults to 31 December of `year`. */
  to?: string;
}

/**
 * Plans the fewest fairs that meet the cadence: one per peak week, and per off-season month two
 * (one in each half of its off-season days; one for a sliver; none where nothing is required).
 * Each slot's nominal date — its occurrenceKey — is the first preferred weekday among its days
 * (if none: a peak week's first preferred weekday, an off-season slot's first day).
 * When the nominal date is a statutory holiday: KEEP holds it there (KEPT_ON_HOLIDAY); SKIP takes the
 * slot's next preferred weekday; NEXT_WORKING_DAY takes the next working day if it is still in the
 * slot. Otherwise — and whenever the slot has no usable preferred weekday — the nearest working day of
 * the slot is taken (for an off-season half, then of the whole month's off-season days), marked MOVED,
 * so a slot is never left empty while it has a working day. A slot with none is returned SKIPPED
 * (dates on SKIPPED entries are not fairs: filter them out as for expandSeries).
 * A preferred Saturday or Sunday that is not a holiday is used as is, like a rule that says Saturday.
 * Output is deterministic, in date order, without two fairs on one date.
 */
export function generateSeasonalCadence(input: SeasonalCadenceInput, cal: HolidayCalendar): PlannedOccurrence[] {
  const layout = cadenceLayout(input, cal);
  const preferred = new Set(input.weekdays);
  if (!input.weekdays.length || [...preferred].some((d) => !Number.isInteger(d) || d < 1 || d > 7)) {
    throw new CalendarRuleError('INVALID_WEEKDAYS', input.weekdays.join(','));
  }
  assertHolidayPolicy(input.holidayPolicy);
  assertTimeAndDuration(input.startTime, input.durationMinutes);

  const used = new Set<string>();
  const perWeek = new Map<string, number>();
  // One week, one fair — unless the organizer asked for more by preferring several weekdays.
  const weekCap = preferred.size;
  const weekHasRoom = (date: string) => (perWeek.get(isoWeekKey(date)) ?? 0) < weekCap;
  const out: PlannedOccurrence[] = [];
  const isPreferred = (date: string) => preferred.has(isoWeekday(date));
  const usable = (date: string) =>
    !used.has(date) && weekHasRoom(date) && !isStatutoryHoliday(cal, date) && (isWorkingDay(cal, date) || isPreferred(date));
  /** Nearest unused working day in a week with room: the first on or after `key`, else the last before it. */
  const nearestWorking = (days: readonly string[], key: string) => {
    const ok = (d: string) => !used.has(d) && weekHasRoom(d) && isWorkingDay(cal, d);
    return days.find((d) => d >= key && ok(d)) ?? [...days].reverse().find((d) => d < key && ok(d));
  };

  const fill = (days: readonly string[], wider: readonly string[], nominal: string, slot: 'PEAK_WEEK' | 'OFF_SEASON') => {
    const candidates = days.filter((d) => isPreferred(d) && !used.has(d));
    const key = candidates[0] ?? nominal;
    const holidayName = isStatutoryHoliday(cal, key) ? cal.holidayName(key) : undefined;
    let date: string | undefined;
    let adjustment: PlannedOccurrence['adjustment'] = 'MOVED';
    if (candidates.length && usable(key)) {
      date = key;
      adjustment = 'NONE';
    } else if (candidates.length && input.holidayPolicy === 'KEEP') {
      date = key;
      adjustment = 'KEPT_ON_HOLIDAY';
    } else if (candidates.length && input.holidayPolicy === 'SKIP') {
      date = candidates.slice(1).find(usable);
    } else if (candidates.length && input.holidayPolicy === 'NEXT_WORKING_DAY') {
      const next = nextWorkingDay(cal, key);
      if (days.includes(next) && !used.has(next) && weekHasRoom(next)) date = next;
    }
    date ??= nearestWorking(days, key) ?? nearestWorking(wider, key);
    if (!date) {
      date = key;
      adjustment = 'SKIPPED';
    }
    if (adjustment !== 'SKIPPED') {
      used.add(date);
      perWeek.set(isoWeekKey(date), (perWeek.get(isoWeekKey(date)) ?? 0) + 1);
    }
    const fields: Omit<PlannedOccurrence, 'startsAt' | 'endsAt'> = { occurrenceKey: key, date, adjustment };
    if (holidayName !== undefined && adjustment !== 'NONE') fields.holidayName = holidayName;
    if (adjustment !== 'NONE') {
      const reason: AdjustmentReason =
        holidayName !== undefined ? 'HOLIDAY' : candidates.length ? 'WEEK_TAKEN' : slot === 'PEAK_WEEK' ? 'OUTSIDE_PEAK_DAYS' : 'NO_PREFERRED_DAY';
      fields.reason = reason;
    }
    out.push(plannedOccurrence(fields, input.startTime, input.durationMinutes));
  };

  for (const week of layout.peakWeeks) {
    if (week.required === 0) continue;
    // Without a preferred weekday among its peak days, a week's nominal date is its first preferred weekday.
    const weekDays = eachDate(week.start, week.end);
    fill(week.days, [], weekDays.find(isPreferred) ?? week.days[0]!, 'PEAK_WEEK');
  }
  for (const month of layout.offSeasonMonths) {
    if (month.required === 0) continue;
    // Without a preferred weekday in it, a slot's nominal date is its first day (keys stay unique).
    if (month.required === 1) fill(month.days, month.days, month.days[0]!, 'OFF_SEASON');
    else {
      const half = Math.ceil(month.days.length / 2);
      const first = month.days.slice(0, half);
      const second = month.days.slice(half);
      fill(first, month.days, first[0]!, 'OFF_SEASON');
      fill(second, month.days, second[0]!, 'OFF_SEASON');
    }
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}
