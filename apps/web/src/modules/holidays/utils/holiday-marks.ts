import dayjs from 'dayjs';

export interface HolidayMark {
  date: string;
  kind: 'HOLIDAY' | 'WORKDAY';
  name: string;
}

/** Years a date range touches (`to` exclusive), for asking `holidays(year)` once each. */
export function yearsOfRange(from: string, to: string): number[] {
  const last = dayjs(to).subtract(1, 'day');
  const out: number[] = [];
  for (let y = Number(from.slice(0, 4)); y <= last.year(); y++) out.push(y);
  return out;
}

/** date → its holiday mark, for the days in [from, to). */
export function holidayMarks(days: readonly HolidayMark[], from: string, to: string): Map<string, HolidayMark> {
  return new Map(days.filter((d) => d.date >= from && d.date < to).map((d) => [d.date, d]));
}

/** Consecutive days of the same kind and name as one run (春节 2/5–2/13), in date order. */
export function holidayRuns(days: readonly HolidayMark[]): Array<{ kind: HolidayMark['kind']; name: string; start: string; end: string }> {
  const runs: Array<{ kind: HolidayMark['kind']; name: string; start: string; end: string }> = [];
  for (const d of [...days].sort((a, b) => a.date.localeCompare(b.date))) {
    const last = runs[runs.length - 1];
    if (last && last.kind === d.kind && last.name === d.name && dayjs(last.end).add(1, 'day').format('YYYY-MM-DD') === d.date) last.end = d.date;
    else runs.push({ kind: d.kind, name: d.name, start: d.date, end: d.date });
  }
  return runs;
}

/**
 * What the holiday page says about a year: built into chinese-days, entered by an admin, or unknown.
 * (It used to look only at the built-in flag, so a year the admin had just entered still read "no schedule".)
 */
export function holidayYearStatus(y: { hasBuiltInSchedule: boolean; isKnown: boolean }): 'BUILT_IN' | 'ENTERED' | 'UNKNOWN' {
  if (y.hasBuiltInSchedule) return 'BUILT_IN';
  return y.isKnown ? 'ENTERED' : 'UNKNOWN';
}
