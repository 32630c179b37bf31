/**
 * The "custom rule" step of the series wizard, as a small form model turned into an RFC 5545 RRULE
 * (without DTSTART — the API takes the start date separately) and into words for the organizer.
 */
export const RRULE_DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type RruleDay = (typeof RRULE_DAYS)[number];

/** 1st–4th and last (-1) weekday of the month. */
export const MONTH_POSITIONS = [1, 2, 3, 4, -1] as const;
export type MonthPosition = (typeof MONTH_POSITIONS)[number];

export interface CustomRule {
  frequency: 'WEEKLY' | 'MONTHLY';
  /** Every n weeks / months. */
  interval: number;
  weekdays: RruleDay[];
  /** MONTHLY only: which occurrences of the weekdays in the month, e.g. [2, 4] for 2nd and 4th. */
  positions: MonthPosition[];
}

const ordered = <T>(values: readonly T[], order: readonly T[]) => order.filter((v) => values.includes(v));

/** `FREQ=WEEKLY;INTERVAL=1;BYDAY=WE`, `FREQ=MONTHLY;BYDAY=2TU,4TU`; null while the rule is incomplete. */
export function buildRrule(rule: CustomRule): string | null {
  const days = ordered(rule.weekdays, RRULE_DAYS);
  const interval = Math.max(1, Math.floor(rule.interval || 1));
  if (days.length === 0) return null;
  if (rule.frequency === 'WEEKLY') return `FREQ=WEEKLY;INTERVAL=${interval};BYDAY=${days.join(',')}`;
  const positions = ordered(rule.positions, MONTH_POSITIONS);
  if (positions.length === 0) return null;
  const byDay = positions.flatMap((p) => days.map((d) => `${p}${d}`)).join(',');
  return `FREQ=MONTHLY${interval > 1 ? `;INTERVAL=${interval}` : ''};BYDAY=${byDay}`;
}

const WORDS = {
  zh: {
    days: { MO: '周一', TU: '周二', WE: '周三', TH: '周四', FR: '周五', SA: '周六', SU: '周日' },
    position: (p: MonthPosition) => (p === -1 ? '最后一个' : `第 ${p} 个`),
    join: (parts: string[]) => parts.join('、'),
    weekly: (n: number, days: string) => (n === 1 ? `每${days}` : `每 ${n} 周的${days}`),
    monthly: (n: number, positions: string, days: string) => `${n === 1 ? '每月' : `每 ${n} 个月的`}${positions}${days}`,
  },
  en: {
    days: { MO: 'Monday', TU: 'Tuesday', WE: 'Wednesday', TH: 'Thursday', FR: 'Friday', SA: 'Saturday', SU: 'Sunday' },
    position: (p: MonthPosition) => (p === -1 ? 'last' : (['', '1st', '2nd', '3rd', '4th'] as const)[p]),
    join: (parts: string[]) => (parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`),
    weekly: (n: number, days: string) => (n === 1 ? `Every ${days}` : `Every ${n} weeks on ${days}`),
    monthly: (n: number, positions: string, days: string) => `The ${positions} ${days} of every ${n === 1 ? 'month' : `${n} months`}`,
  },
};

/** The rule in words, e.g. 每月第 2 个、第 4 个周二 / The 2nd and 4th Tuesday of every month. */
export function describeCustomRule(rule: CustomRule, language: 'zh' | 'en'): string | null {
  if (!buildRrule(rule)) return null;
  const w = WORDS[language];
  const interval = Math.max(1, Math.floor(rule.interval || 1));
  const days = w.join(ordered(rule.weekdays, RRULE_DAYS).map((d) => w.days[d]));
  if (rule.frequency === 'WEEKLY') return w.weekly(interval, days);
  const positions = w.join(ordered(rule.positions, MONTH_POSITIONS).map(w.position));
  return w.monthly(interval, positions, days);
}

/** ISO weekday (1 = Monday … 7 = Sunday, as the cadence input takes it) of an RRULE day. */
export function isoWeekday(day: RruleDay): number {
  return RRULE_DAYS.indexOf(day) + 1;
}
