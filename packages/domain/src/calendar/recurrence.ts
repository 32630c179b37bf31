import * as rruleModule from 'rrule';
import type { Options as RRuleOptions } from 'rrule';
import { addDays, assertCalendarDate, isCalendarDate, isoWeekKey, isTimeOfDay, shanghaiInstant } from './dates.js';
import { CalendarRuleError } from './errors.js';
import { type HolidayCalendar, isStatutoryHoliday, nextWorkingDay } from './holidays.js';

// rrule ships a CommonJS build (Node ESM only sees its `default` export) and an ES build (named
// exports only, which bundlers pick): take `RRule` from whichever shape we were given. Reflect.get
// keeps bundlers from warning about the `default` export their build does not have.
const rruleExports: object = rruleModule;
const RRule: typeof rruleModule.RRule =
  Reflect.get(rruleExports, 'RRule') ?? Reflect.get(Reflect.get(rruleExports, 'default') as object, 'RRule');

/** What to do with an occurrence that falls on a statutory holiday. */
export type HolidayPolicy = 'SKIP' | 'NEXT_WORKING_DAY' | 'KEEP';
export const HOLIDAY_POLICIES: readonly HolidayPolicy[] = ['SKIP', 'NEXT_WORKING_DAY', 'KEEP'];

export interface SeriesPattern {
  /** RFC 5545 RRULE value without DTSTART, e.g. `FREQ=WEEKLY;INTERVAL=1;BYDAY=WE` or `FREQ=MONTHLY;BYDAY=2TU,4TU`. */
  rrule: string;
  /** First date of the series (the rule's DTSTART, Shanghai date). */
  startDate: string;
  /** Shanghai wall-clock start, HH:mm. */
  startTime: string;
  durationMinutes: number;
  /** Last date of the series, inclusive. If the rule also has UNTIL, the earlier of the two applies. */
  until?: string;
  holidayPolicy: HolidayPolicy;
}

export type OccurrenceAdjustment = 'NONE' | 'SKIPPED' | 'MOVED' | 'KEPT_ON_HOLIDAY';

/**
 * Why an occurrence is not on the date its rule produced (so a date brought forward can say why):
 * - HOLIDAY: the rule date is a statutory holiday (`holidayName` names it);
 * - OUTSIDE_PEAK_DAYS: a peak week's preferred weekday lies outside the peak season (e.g. the season
 *   ends on Monday 11-30 and the preferred day is Tuesday 12-01), so one of its peak days is used;
 * - NO_PREFERRED_DAY: an off-season slot holds none of the preferred weekdays;
 * - WEEK_TAKEN: moving it would have put a second occurrence into a week that already has its own
 *   (one week, one fair — unless the rule itself asks for more that week), so it is merged.
 */
export type AdjustmentReason = 'HOLIDAY' | 'OUTSIDE_PEAK_DAYS' | 'NO_PREFERRED_DAY' | 'WEEK_TAKEN';

export interface PlannedOccurrence {
  /** The date the rule produced: stable identity of the occurrence even when it is moved. */
  occurrenceKey: string;
  /** The date it actually takes place on (equals occurrenceKey unless MOVED). */
  date: string;
  startsAt: Date;
  endsAt: Date;
  adjustment: OccurrenceAdjustment;
  /** Holiday that caused the adjustment (or that a KEPT occurrence falls on). */
  holidayName?: string;
  /** SKIPPED because moving it would have landed on the date (or in the week) of another occurrence of the series. */
  mergedInto?: string;
  /** Set whenever the date differs from the rule date or the occurrence is merged/skipped. */
  reason?: AdjustmentReason;
}

/** Upper bound on occurrences in one expansion window, to protect the server from runaway rules. */
export const MAX_SERIES_OCCURRENCES = 2000;
/**
 * Moves never go further than the end of a holiday block (at most ~9 days); expanding this many
 * extra days on both sides makes the result of a window independent of where the window starts.
 */
const MOVE_MARGIN_DAYS = 31;

const WEEKDAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
const SUPPORTED_FREQ = ['YEARLY', 'MONTHLY', 'WEEKLY', 'DAILY'];
const MONTH_LENGTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function invalid(detail: string): never {
  throw new CalendarRuleError('INVALID_RRULE', detail);
}

function intList(value: string, key: string, min: number, max: number, allowNegative: boolean): number[] {
  return value.split(',').map((item) => {
    if (!/^[+-]?\d{1,3}$/.test(item)) invalid(`${key}=${value}`);
    const n = Number(item);
    const abs = Math.abs(n);
    if (abs < min || abs > max || (n < 0 && !allowNegative)) invalid(`${key}=${value}`);
    return n;
  });
}

interface ParsedRule {
  /** Upper-cased rule parts, without an `RRULE:` prefix. */
  parts: Map<string, string>;
  options: Partial<RRuleOptions>;
}

/**
 * Validates an RRULE value against the subset a calendar of day-long events needs: FREQ of
 * DAILY/WEEKLY/MONTHLY/YEARLY with INTERVAL, COUNT or UNTIL, BYDAY, BYMONTHDAY, BYMONTH, WKST.
 * DTSTART belongs in `startDate`; time-of-day parts would make several occurrences a day; and
 * BYSETPOS/BYWEEKNO/BYYEARDAY are refused because they are not needed and make it easy to write
 * rules that never occur (rrule would search up to year 9999 for them). rrule's own parser accepts
 * almost anything (`FREQ=FOO` parses to `{}`), hence the explicit checks.
 */
export function parseRecurrenceRule(rule: string): ParsedRule {
  if (typeof rule !== 'string') invalid(String(rule));
  const body = rule.trim().replace(/^RRULE:/i, '');
  if (/[\r\n]/.test(body) || /DTSTART/i.test(body)) invalid('DTSTART is set by the start date');
  if (!body) invalid('empty rule');
  const parts = new Map<string, string>();
  for (const part of body.split(';')) {
    const m = /^([A-Za-z]+)=([^=;]+)$/.exec(part.trim());
    if (!m) invalid(part);
    const key = m[1]!.toUpperCase();
    if (parts.has(key)) invalid(`${key} given twice`);
    parts.set(key, m[2]!.toUpperCase());
  }
  const freq = parts.get('FREQ');
  if (!freq || !SUPPORTED_FREQ.includes(freq)) invalid(`FREQ=${freq ?? ''}`);
  let ordinalDays = false;
  for (const [key, value] of parts) {
    switch (key) {
      case 'FREQ':
        break;
      case 'INTERVAL':
        intList(value, key, 1, 999, false);
        if (value.includes(',')) invalid(`${key}=${value}`);
        break;
      case 'COUNT':
        if (!/^[1-9]\d{0,3}$/.test(value)) invalid(`${key}=${value}`);
        break;
      case 'UNTIL': {
        const m = /^(\d{4})(\d{2})(\d{2})(T\d{6}Z?)?$/.exec(value);
        if (!m || !isCalendarDate(`${m[1]}-${m[2]}-${m[3]}`)) invalid(`${key}=${value}`);
        break;
      }
      case 'BYDAY':
        for (const item of value.split(',')) {
          const m = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/.exec(item);
          if (!m) invalid(`${key}=${value}`);
          if (m[1] !== undefined) {
            const n = Math.abs(Number(m[1]));
            const max = freq === 'MONTHLY' || (freq === 'YEARLY' && parts.has('BYMONTH')) ? 5 : 53;
            if (n < 1 || n > max || freq === 'WEEKLY' || freq === 'DAILY') invalid(`${key}=${value}`);
            ordinalDays = true;
          }
        }
        break;
      case 'BYMONTHDAY': {
        if (freq === 'WEEKLY') invalid('BYMONTHDAY with FREQ=WEEKLY');
        const days = intList(value, key, 1, 31, true);
        const months = parts.has('BYMONTH') ? intList(parts.get('BYMONTH')!, 'BYMONTH', 1, 12, false) : [];
        const longest = Math.max(...(months.length ? months.map((mo) => MONTH_LENGTH[mo - 1]!) : [31]));
        if (days.every((d) => Math.abs(d) > longest)) invalid(`${key}=${value} never occurs`);
        break;
      }
      case 'BYMONTH':
        intList(value, key, 1, 12, false);
        break;
      case 'WKST':
        if (!(WEEKDAY_CODES as readonly string[]).includes(value)) invalid(`${key}=${value}`);
        break;
      default:
        invalid(`${key} is not supported`);
    }
  }
  if (parts.has('COUNT') && parts.has('UNTIL')) invalid('COUNT and UNTIL together');
  if (ordinalDays && parts.has('BYMONTHDAY')) invalid('BYDAY with an ordinal together with BYMONTHDAY');
  let options: Partial<RRuleOptions>;
  try {
    options = RRule.parseString([...parts].map(([k, v]) => `${k}=${v}`).join(';'));
  } catch (error) {
    invalid(error instanceof Error ? error.message : String(error));
  }
  return { parts, options };
}

/** Milliseconds of a Shanghai wall-clock time counted as if it were UTC ("floating" time, as rrule computes). */
function floatingMs(date: string, time: string): number {
  return Date.parse(`${date}T${time}:00.000Z`);
}

/** Latest floating instant an occurrence may start at, from the rule's UNTIL and the pattern's `until`. */
function effectiveUntil(parts: Map<string, string>, until: string | undefined): number | undefined {
  const limits: number[] = [];
  if (until !== undefined) limits.push(floatingMs(until, '23:59') + 59_999);
  const raw = parts.get('UNTIL');
  if (raw) {
    const date = `${raw.slice(0, 4)}-${raw.slice(4, 6)}-${raw.slice(6, 8)}`;
    if (raw.length === 8) limits.push(floatingMs(date, '23:59') + 59_999);
    else {
      const time = `${raw.slice(9, 11)}:${raw.slice(11, 13)}:${raw.slice(13, 15)}`;
      const ms = Date.parse(`${date}T${time}.000Z`);
      // A trailing Z is a UTC instant: convert it to Shanghai wall-clock; otherwise it is already local.
      limits.push(raw.endsWith('Z') ? ms + 8 * 3_600_000 : ms);
    }
  }
  return limits.length ? Math.min(...limits) : undefined;
}

/** Throws INVALID_TIME / INVALID_DURATION (whole minutes, 1–1440: an occurrence is one sitting). */
export function assertTimeAndDuration(startTime: unknown, durationMinutes: unknown): void {
  if (!isTimeOfDay(startTime)) throw new CalendarRuleError('INVALID_TIME', String(startTime));
  if (!Number.isInteger(durationMinutes) || (durationMinutes as number) < 1 || (durationMinutes as number) > 1440) {
    throw new CalendarRuleError('INVALID_DURATION', String(durationMinutes));
  }
}

export function assertHolidayPolicy(policy: unknown): asserts policy is HolidayPolicy {
  if (!HOLIDAY_POLICIES.includes(policy as HolidayPolicy)) throw new CalendarRuleError('INVALID_POLICY', String(policy));
}

/** Builds a PlannedOccurrence with its instants (Shanghai wall-clock → UTC). */
export function plannedOccurrence(
  fields: Omit<PlannedOccurrence, 'startsAt' | 'endsAt'>,
  startTime: string,
  durationMinutes: number,
): PlannedOccurrence {
  const startsAt = shanghaiInstant(fields.date, startTime);
  const out: PlannedOccurrence = {
    occurrenceKey: fields.occurrenceKey,
    date: fields.date,
    startsAt,
    endsAt: new Date(startsAt.getTime() + durationMinutes * 60_000),
    adjustment: fields.adjustment,
  };
  if (fields.holidayName !== undefined) out.holidayName = fields.holidayName;
  if (fields.mergedInto !== undefined) out.mergedInto = fields.mergedInto;
  if (fields.reason !== undefined) out.reason = fields.reason;
  return out;
}

/**
 * Expands a series into the occurrences whose rule date (occurrenceKey) lies in [from, to], in date
 * order. Only statutory holidays affect an occurrence — a rule saying Saturday means Saturday, and an
 * adjusted working day (调休) is a normal day. Affected occurrences are, by policy:
 * - SKIP: returned flagged SKIPPED (so the wizard can show them; callers drop them before saving);
 * - NEXT_WORKING_DAY: MOVED to the next working day. If that date already has an occurrence of the
 *   series (one that was not moved, or an earlier moved one), the occurrence is not duplicated: it is
 *   returned SKIPPED with `mergedInto` naming that date, so both identities stay visible;
 * - KEEP: held on the holiday, flagged KEPT_ON_HOLIDAY.
 * Throws CalendarRuleError on bad input or more than MAX_SERIES_OCCURRENCES occurrences.
 */
export function expandSeries(
  pattern: SeriesPattern,
  window: { from: string; to: string },
  cal: HolidayCalendar,
): PlannedOccurrence[] {
  const { parts, options } = parseRecurrenceRule(pattern.rrule);
  assertCalendarDate(pattern.startDate, 'startDate');
  assertTimeAndDuration(pattern.startTime, pattern.durationMinutes);
  if (pattern.until !== undefined) assertCalendarDate(pattern.until, 'until');
  assertHolidayPolicy(pattern.holidayPolicy);
  assertCalendarDate(window.from, 'from');
  assertCalendarDate(window.to, 'to');
  if (window.from > window.to) throw new CalendarRuleError('INVALID_WINDOW', `${window.from} > ${window.to}`);

  const until = effectiveUntil(parts, pattern.until);
  const rule = new RRule({
    ...options,
    dtstart: new Date(floatingMs(pattern.startDate, pattern.startTime)),
    until: until === undefined ? null : new Date(until),
    tzid: null,
  });
  const searchFrom = addDays(window.from, -MOVE_MARGIN_DAYS);
  const searchTo = addDays(window.to, MOVE_MARGIN_DAYS);
  // At most one occurrence a day, so a window over the cap fills the search beyond the margins.
  const limit = MAX_SERIES_OCCURRENCES + 2 * MOVE_MARGIN_DAYS + 1;
  const after = new Date(floatingMs(searchFrom, '00:00'));
  const before = new Date(floatingMs(searchTo, '23:59') + 59_999);
  const keys = rule.between(after, before, true, (_d, n) => n < limit).map((d) => d.toISOString().slice(0, 10));
  const inWindow = (key: string) => key >= window.from && key <= window.to;
  const count = keys.filter(inWindow).length;
  if (count > MAX_SERIES_OCCURRENCES) {
    throw new CalendarRuleError('TOO_MANY_OCCURRENCES', `> ${MAX_SERIES_OCCURRENCES}`);
  }

  type Draft = Omit<PlannedOccurrence, 'startsAt' | 'endsAt'>;
  const drafts: Draft[] = [];
  const occupied = new Set<string>();
  /** ISO week → dates the series holds in it; and how many the rule itself puts in that week. */
  const heldInWeek = new Map<string, string[]>();
  const askedInWeek = new Map<string, number>();
  const hold = (date: string) => {
    occupied.add(date);
    const week = isoWeekKey(date);
    heldInWeek.set(week, [...(heldInWeek.get(week) ?? []), date].sort());
  };
  const toMove: Draft[] = [];
  for (const key of keys) {
    const week = isoWeekKey(key);
    askedInWeek.set(week, (askedInWeek.get(week) ?? 0) + 1);
    if (!isStatutoryHoliday(cal, key)) {
      drafts.push({ occurrenceKey: key, date: key, adjustment: 'NONE' });
      hold(key);
      continue;
    }
    const draft: Draft = { occurrenceKey: key, date: key, adjustment: 'SKIPPED', holidayName: cal.holidayName(key), reason: 'HOLIDAY' };
    if (pattern.holidayPolicy === 'KEEP') {
      draft.adjustment = 'KEPT_ON_HOLIDAY';
      hold(key);
    } else if (pattern.holidayPolicy === 'NEXT_WORKING_DAY') toMove.push(draft);
    drafts.push(draft);
  }
  for (const draft of toMove) {
    const target = nextWorkingDay(cal, draft.occurrenceKey);
    const week = isoWeekKey(target);
    const held = heldInWeek.get(week) ?? [];
    // A week holds no more occurrences than the rule asks for in it (at least one).
    const weekFull = held.length >= Math.max(1, askedInWeek.get(week) ?? 0);
    if (occupied.has(target)) draft.mergedInto = target;
    else if (weekFull) {
      draft.mergedInto = held.find((d) => d >= target) ?? held[0]!;
      draft.reason = 'WEEK_TAKEN';
    } else {
      hold(target);
      draft.date = target;
      draft.adjustment = 'MOVED';
    }
  }
  return drafts
    .filter((d) => inWindow(d.occurrenceKey))
    .sort((a, b) => (a.date === b.date ? a.occurrenceKey.localeCompare(b.occurrenceKey) : a.date.localeCompare(b.date)))
    .map((d) => plannedOccurrence(d, pattern.startTime, pattern.durationMinutes));
}

const ZH_WEEKDAY = ['一', '二', '三', '四', '五', '六', '日'];

function zhOrdinal(n: number): string {
  return n === -1 ? '最后一个' : n < 0 ? `倒数第${-n}个` : `第${n}个`;
}

function describeZh(parts: Map<string, string>): string | undefined {
  const freq = parts.get('FREQ');
  const interval = Number(parts.get('INTERVAL') ?? '1');
  const described = ['FREQ', 'INTERVAL', 'BYDAY', 'BYMONTHDAY', 'COUNT', 'UNTIL', 'WKST'];
  if ([...parts.keys()].some((k) => !described.includes(k))) return undefined;
  const days = (parts.get('BYDAY') ?? '').split(',').filter(Boolean).map((item) => {
    const m = /^([+-]?\d{1,2})?([A-Z]{2})$/.exec(item)!;
    const day = (WEEKDAY_CODES as readonly string[]).indexOf(m[2]!);
    return { n: m[1] === undefined ? undefined : Number(m[1]), day };
  });
  const monthDays = (parts.get('BYMONTHDAY') ?? '').split(',').filter(Boolean).map(Number);
  let text: string | undefined;
  if (freq === 'DAILY' && !days.length && !monthDays.length) text = interval === 1 ? '每天' : `每${interval}天`;
  else if (freq === 'WEEKLY' && !monthDays.length) {
    const list = days.length ? `周${days.map((d) => ZH_WEEKDAY[d.day]).join('、')}` : undefined;
    if (list) text = interval === 1 ? `每${list}` : `每${interval}周的${list}`;
  } else if (freq === 'MONTHLY') {
    const every = interval === 1 ? '每月' : `每${interval}个月的`;
    if (days.length && !monthDays.length && days.every((d) => d.n !== undefined)) {
      const sameDay = days.every((d) => d.day === days[0]!.day);
      const positive = days.every((d) => d.n! > 0);
      text =
        sameDay && positive
          ? `${every}第${days.map((d) => d.n).join('、')}个周${ZH_WEEKDAY[days[0]!.day]}`
          : `${every}${days.map((d) => `${zhOrdinal(d.n!)}周${ZH_WEEKDAY[d.day]}`).join('、')}`;
    } else if (monthDays.length && !days.length) {
      text = `${every}${monthDays.map((d) => (d === -1 ? '最后一天' : d < 0 ? `倒数第${-d}天` : `${d}日`)).join('、')}`;
    }
  }
  if (!text) return undefined;
  const count = parts.get('COUNT');
  const until = parts.get('UNTIL');
  if (count) text += `，共${count}次`;
  if (until) text += `，至${until.slice(0, 4)}-${until.slice(4, 6)}-${until.slice(6, 8)}`;
  return text;
}

/**
 * Human-readable rule for the wizard and calendar: rrule's own English text, and a small Chinese
 * rendering of the common daily/weekly/monthly shapes (每周三, 每月第2、4个周二). Anything else,
 * or an invalid rule, comes back as the raw rule text.
 */
export function describeRule(rule: string, locale: 'zh-CN' | 'en'): string {
  let parsed: ParsedRule;
  try {
    parsed = parseRecurrenceRule(rule);
  } catch {
    return rule;
  }
  if (locale === 'en') {
    try {
      return new RRule(parsed.options).toText();
    } catch {
      return rule;
    }
  }
  return describeZh(parsed.parts) ?? rule;
}
