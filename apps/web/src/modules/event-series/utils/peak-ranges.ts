import dayjs, { type Dayjs } from 'dayjs';
import type { DateRangeInput } from '../../../generated/graphql.js';

/** What a RangePicker holds: Shanghai dates as local dayjs values. */
export type PickerRange = [Dayjs | null, Dayjs | null];

/** Complete ranges as `{ start, end }` dates, in date order. */
export function rangesToInput(ranges: readonly (PickerRange | null | undefined)[]): DateRangeInput[] {
  return ranges
    .filter((r): r is [Dayjs, Dayjs] => !!r && !!r[0] && !!r[1])
    .map(([a, b]) => ({ start: a.format('YYYY-MM-DD'), end: b.format('YYYY-MM-DD') }))
    .sort((a, b) => a.start.localeCompare(b.start));
}

export function inputToRanges(ranges: readonly { start: string; end: string }[]): PickerRange[] {
  return ranges.map((r) => [dayjs(r.start), dayjs(r.end)]);
}

export type RangeProblem = 'OUTSIDE_YEAR' | 'OVERLAP';

/** Why a set of peak ranges would be refused: a range outside the year, or two that overlap. */
export function peakRangeProblems(ranges: readonly DateRangeInput[], year: number): { index: number; problem: RangeProblem }[] {
  const out: { index: number; problem: RangeProblem }[] = [];
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const sorted = ranges.map((r, index) => ({ ...r, index })).sort((a, b) => a.start.localeCompare(b.start));
  sorted.forEach((r, i) => {
    if (r.start < first || r.end > last) out.push({ index: r.index, problem: 'OUTSIDE_YEAR' });
    const prev = sorted[i - 1];
    if (prev && r.start <= prev.end) out.push({ index: r.index, problem: 'OVERLAP' });
  });
  return out;
}

/** Days covered by the ranges (inclusive), for the "N days of peak season" hint. */
export function rangeDays(ranges: readonly DateRangeInput[]): number {
  return ranges.reduce((sum, r) => sum + dayjs(r.end).diff(dayjs(r.start), 'day') + 1, 0);
}
