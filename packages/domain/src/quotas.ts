import { addDays, daysBetween, eachDate, isoWeekday, shanghaiDateOf } from './calendar/dates.js';
import { checkCadence, type CadenceCheck, type PeakRange } from './calendar/cadence.js';
import type { HolidayCalendar } from './calendar/holidays.js';

/**
 * Quota arithmetic (指标进度): a target over a period (usually an Asia/Shanghai calendar year) for a
 * region, and how far the records have come. Pure functions shared by the API (dashboard, ledger,
 * alerts) and the web (previews), so both say the same thing. Rules: docs/quotas.md.
 */

/** The recurring programmes of GUIDE.md §2, plus the figures the platform does not hold (reported). */
export const QUOTA_PROGRAMMES = [
  'JOB_FAIRS',
  'CAMPUS_RECRUITING',
  'ENTREPRENEURSHIP',
  'LIVESTREAM',
  'MENTOR_POOL',
  'TRAINING',
  'EMPLOYMENT',
] as const;
export type QuotaProgramme = (typeof QUOTA_PROGRAMMES)[number];

/** How a quota is measured: a provided measure, the job-fair cadence, or a figure entered monthly. */
export const QUOTA_KINDS = ['MEASURE', 'CADENCE', 'REPORTED'] as const;
export type QuotaKind = (typeof QUOTA_KINDS)[number];

export const QUOTA_STATUSES = ['ON_TRACK', 'AT_RISK', 'BEHIND', 'NO_TARGET'] as const;
export type QuotaStatus = (typeof QUOTA_STATUSES)[number];

/** ON_TRACK while the actual is at least this share of what a steady pace would have reached by now. */
export const ON_TRACK_SHARE = 0.95;
/** AT_RISK down to this share; below it BEHIND. */
export const AT_RISK_SHARE = 0.8;

export interface QuotaPeriod {
  /** First day, YYYY-MM-DD (Asia/Shanghai). */
  start: string;
  /** Last day, inclusive. */
  end: string;
}

/** A calendar year of the business calendar. */
export function yearPeriod(year: number): QuotaPeriod {
  return { start: `${year}-01-01`, end: `${year}-12-31` };
}

/** The period's days. */
export function periodDays(period: QuotaPeriod): number {
  return daysBetween(period.start, period.end) + 1;
}

/** Share of the period elapsed at `now` (0…1): from the start of its first Shanghai day to the end of its last. */
export function elapsedFraction(period: QuotaPeriod, now: Date): number {
  const startMs = Date.parse(`${period.start}T00:00:00+08:00`);
  const endMs = Date.parse(`${addDays(period.end, 1)}T00:00:00+08:00`);
  const t = now.getTime();
  if (t <= startMs) return 0;
  if (t >= endMs) return 1;
  return (t - startMs) / (endMs - startMs);
}

/** Whole percent with one decimal (null when there is no target). */
export function percentOf(actual: number, target: number | null): number | null {
  if (target === null || target <= 0) return target === 0 ? 100 : null;
  return Math.round((actual / target) * 1000) / 10;
}

export interface QuotaProgressInput {
  actual: number;
  target: number | null;
  period: QuotaPeriod;
  now: Date;
  /** false for a level (pool size, a rate): it is judged by its value, not by a pace. */
  additive: boolean;
}

export interface QuotaProgressFigures {
  actual: number;
  target: number | null;
  /** actual / target, in percent (may exceed 100). */
  percent: number | null;
  /** Share of the period elapsed, in percent. */
  elapsedPercent: number;
  /** What a steady pace from the start would have reached by now (target × elapsed). */
  expectedByNow: number | null;
  /** Still to do (≥ 0). */
  remaining: number | null;
  /** Average per month needed over the rest of the period to reach the target (0 when met; null past the end or without target). */
  paceNeededPerMonth: number | null;
  /** The year-end figure at the pace so far (additive), or the current value (levels). */
  projection: number;
  status: QuotaStatus;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * The status rule (docs/quotas.md):
 * - no target → NO_TARGET;
 * - target met → ON_TRACK;
 * - additive measures: expected = target × elapsed share; ON_TRACK when actual ≥ 95 % of expected,
 *   AT_RISK when ≥ 80 %, else BEHIND (so the first days of a year are ON_TRACK with nothing done yet);
 * - levels (pool size, rates): ON_TRACK only at or above target; AT_RISK when at least the elapsed
 *   share of the target, else BEHIND;
 * - after the period: met → ON_TRACK, otherwise BEHIND.
 */
export function quotaProgress(input: QuotaProgressInput): QuotaProgressFigures {
  const { actual, target, period, now, additive } = input;
  const elapsed = elapsedFraction(period, now);
  const elapsedPercent = round1(elapsed * 100);
  const projection = additive ? (elapsed > 0 ? round1(actual / elapsed) : actual) : actual;
  if (target === null) {
    return { actual, target, percent: null, elapsedPercent, expectedByNow: null, remaining: null, paceNeededPerMonth: null, projection, status: 'NO_TARGET' };
  }
  const remaining = Math.max(0, target - actual);
  const expectedByNow = round1(target * elapsed);
  const monthsLeft = ((1 - elapsed) * periodDays(period)) / (365.2425 / 12);
  const paceNeededPerMonth = remaining === 0 ? 0 : monthsLeft > 0 ? round1(remaining / monthsLeft) : null;
  let status: QuotaStatus;
  if (actual >= target) status = 'ON_TRACK';
  else if (elapsed >= 1) status = 'BEHIND';
  else if (additive) {
    status = actual >= target * elapsed * ON_TRACK_SHARE ? 'ON_TRACK' : actual >= target * elapsed * AT_RISK_SHARE ? 'AT_RISK' : 'BEHIND';
  } else {
    status = actual >= target * elapsed ? 'AT_RISK' : 'BEHIND';
  }
  return { actual, target, percent: percentOf(actual, target), elapsedPercent, expectedByNow, remaining, paceNeededPerMonth, projection, status };
}

/** The months of a period, 'YYYY-MM', in order. */
export function periodMonths(period: QuotaPeriod): string[] {
  const out: string[] = [];
  let y = Number(period.start.slice(0, 4));
  let m = Number(period.start.slice(5, 7));
  const endKey = period.end.slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    out.push(key);
    if (key >= endKey) return out;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
}

export interface QuotaTrendMonth {
  month: string;
  /** The measure in that month (additive) or its month-end value (levels). */
  actual: number;
  /** Running total (additive) or the month's value (levels). */
  cumulative: number;
  /** Where a steady pace would stand at the month's end (target × share of the period to the month's end). */
  requiredCumulative: number | null;
  /** Whether the month has begun at `now` (later months have no actual yet). */
  started: boolean;
}

/** Actual vs the steady pace, month by month (the dashboard's trend chart and the ledger's summary). */
export function quotaTrend(
  byMonth: ReadonlyArray<{ month: string; value: number }>,
  opts: { period: QuotaPeriod; target: number | null; additive: boolean; now: Date },
): QuotaTrendMonth[] {
  const values = new Map(byMonth.map((m) => [m.month, m.value]));
  const total = periodDays(opts.period);
  const today = shanghaiDateOf(opts.now);
  let running = 0;
  let last = 0;
  return periodMonths(opts.period).map((month) => {
    const value = values.get(month) ?? 0;
    const started = `${month}-01` <= today || (month === opts.period.start.slice(0, 7) && opts.period.start <= today);
    running += value;
    if (values.has(month)) last = value;
    const monthEnd = lastDayOfMonth(month) < opts.period.end ? lastDayOfMonth(month) : opts.period.end;
    const share = (daysBetween(opts.period.start, monthEnd) + 1) / total;
    return {
      month,
      actual: value,
      cumulative: opts.additive ? running : started ? last : 0,
      requiredCumulative: opts.target === null ? null : round1(opts.target * share),
      started,
    };
  });
}

export function lastDayOfMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** How reported figures (entered monthly) add up: monthly additions are summed; a rate or level takes the latest month. */
export type ReportedAggregation = 'SUM' | 'LATEST';

export function reportedTotal(figures: ReadonlyArray<{ month: string; value: number }>, aggregation: ReportedAggregation): number {
  if (!figures.length) return 0;
  if (aggregation === 'SUM') return figures.reduce((s, f) => s + f.value, 0);
  return [...figures].sort((a, b) => a.month.localeCompare(b.month)).at(-1)!.value;
}

export type CadenceSlotState = 'MET' | 'MISSED' | 'OPEN' | 'UPCOMING' | 'NONE_REQUIRED';

export interface CadenceCompliance {
  check: CadenceCheck;
  /** Slots (peak weeks + off-season months) that require a fair. */
  requiredSlots: number;
  /** Required slots already met. */
  metSlots: number;
  /** Peak weeks over (ended before today) and not met. */
  missedPeakWeeks: string[];
  /** Off-season months over and not met. */
  missedOffSeasonMonths: string[];
  peakWeekStates: Array<{ week: string; start: string; end: string; required: number; count: number; state: CadenceSlotState }>;
  monthStates: Array<{ month: string; required: number; count: number; state: CadenceSlotState }>;
  /** The current peak week (if today is in one), for the "no fair by Wednesday" alert. */
  currentPeakWeek: { week: string; start: string; end: string; required: number; count: number } | null;
}

/**
 * The job-fair cadence of clause (八) measured on the dates of fairs held (`checkCadence` decides which
 * weeks and months need what). A slot is MISSED only once it is over; the running one is OPEN.
 */
export function cadenceCompliance(
  fairDates: readonly string[],
  opts: { year: number; peakRanges: readonly PeakRange[]; today: string; cal?: HolidayCalendar },
): CadenceCompliance {
  const check = checkCadence(fairDates, { year: opts.year, peakRanges: opts.peakRanges, ...(opts.cal ? { cal: opts.cal } : {}) });
  const { today } = opts;
  const slotState = (required: number, met: boolean, start: string, end: string): CadenceSlotState =>
    required === 0 ? 'NONE_REQUIRED' : met ? 'MET' : end < today ? 'MISSED' : start <= today ? 'OPEN' : 'UPCOMING';
  const peakWeekStates = check.peakWeeks.map((w) => ({ week: w.week, start: w.start, end: w.end, required: w.required, count: w.count, state: slotState(w.required, w.met, w.start, w.end) }));
  const monthStates = check.offSeasonMonths.map((m) => ({
    month: m.month, required: m.required, count: m.count, state: slotState(m.required, m.met, `${m.month}-01`, lastDayOfMonth(m.month)),
  }));
  const current = check.peakWeeks.find((w) => w.start <= today && today <= w.end) ?? null;
  return {
    check,
    requiredSlots: check.peakWeeks.filter((w) => w.required > 0).length + check.offSeasonMonths.filter((m) => m.required > 0).length,
    metSlots: check.peakWeeks.filter((w) => w.required > 0 && w.met).length + check.offSeasonMonths.filter((m) => m.required > 0 && m.met).length,
    missedPeakWeeks: peakWeekStates.filter((w) => w.state === 'MISSED').map((w) => w.week),
    missedOffSeasonMonths: monthStates.filter((m) => m.state === 'MISSED').map((m) => m.month),
    peakWeekStates,
    monthStates,
    currentPeakWeek: current && { week: current.week, start: current.start, end: current.end, required: current.required, count: current.count },
  };
}

/**
 * Cadence status: BEHIND once a required week or month was missed; AT_RISK while the running slot
 * still lacks its fair; otherwise ON_TRACK.
 */
export function cadenceStatus(c: CadenceCompliance): QuotaStatus {
  if (c.missedPeakWeeks.length || c.missedOffSeasonMonths.length) return 'BEHIND';
  if (c.peakWeekStates.some((w) => w.state === 'OPEN') || c.monthStates.some((m) => m.state === 'OPEN')) return 'AT_RISK';
  return 'ON_TRACK';
}

/**
 * Whether a peak week has had its Wednesday without a fair scheduled: the alert of docs/quotas.md.
 * `scheduledDates` are the dates of fairs held or scheduled (published) in the region.
 */
export function peakWeekWithoutFair(
  today: string,
  scheduledDates: readonly string[],
  opts: { year: number; peakRanges: readonly PeakRange[]; cal?: HolidayCalendar },
): { week: string; start: string; end: string } | null {
  if (isoWeekday(today) < 3) return null;
  const c = cadenceCompliance(scheduledDates, { ...opts, today });
  const w = c.currentPeakWeek;
  if (!w || w.required === 0 || w.count >= w.required) return null;
  return { week: w.week, start: w.start, end: w.end };
}

/** Every day of a year with its fair count (the heat map), from the fair dates. */
export function dailyCounts(dates: readonly string[], period: QuotaPeriod): Array<{ date: string; count: number }> {
  const per = new Map<string, number>();
  for (const d of dates) per.set(d, (per.get(d) ?? 0) + 1);
  return eachDate(period.start, period.end).map((date) => ({ date, count: per.get(date) ?? 0 }));
}

