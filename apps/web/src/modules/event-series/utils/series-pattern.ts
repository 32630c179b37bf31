import type { Dayjs } from 'dayjs';
import type { HolidayPolicy, SeriesPatternInput } from '../../../generated/graphql.js';
import { buildRrule, type CustomRule } from './custom-rule.js';
import { rangesToInput, type PickerRange } from './peak-ranges.js';

/** Step 2 of the series wizard ("when"), as the form holds it. */
export interface SeriesWhenValues {
  kind: 'SEASONAL_CADENCE' | 'RRULE';
  /** SEASONAL_CADENCE */
  year?: number;
  cadenceWeekdays?: number[];
  peakRanges?: (PickerRange | null | undefined)[];
  /** RRULE */
  frequency?: CustomRule['frequency'];
  interval?: number | null;
  weekdays?: CustomRule['weekdays'];
  positions?: CustomRule['positions'];
  /** Both */
  startDate?: Dayjs | null;
  untilDate?: Dayjs | null;
  startTime?: Dayjs | null;
  durationMinutes?: number | null;
  holidayPolicy?: HolidayPolicy;
}

/** The API's SeriesPatternInput, or null while step 2 is still incomplete (no preview is asked for then). */
export function seriesPattern(v: SeriesWhenValues): SeriesPatternInput | null {
  if (!v.startDate || !v.startTime || !v.durationMinutes || !v.holidayPolicy) return null;
  const common = {
    startDate: v.startDate.format('YYYY-MM-DD'),
    ...(v.untilDate ? { untilDate: v.untilDate.format('YYYY-MM-DD') } : {}),
    startTime: v.startTime.format('HH:mm'),
    durationMinutes: v.durationMinutes,
    holidayPolicy: v.holidayPolicy,
  };
  if (v.untilDate && common.untilDate! < common.startDate) return null;
  if (v.kind === 'SEASONAL_CADENCE') {
    if (!v.year || !v.cadenceWeekdays?.length) return null;
    return {
      kind: 'SEASONAL_CADENCE',
      cadence: {
        year: v.year,
        weekdays: [...v.cadenceWeekdays].sort((a, b) => a - b),
        peakRanges: rangesToInput(v.peakRanges ?? []),
      },
      ...common,
    };
  }
  const rrule = buildRrule({
    frequency: v.frequency ?? 'WEEKLY',
    interval: v.interval ?? 1,
    weekdays: v.weekdays ?? [],
    positions: v.positions ?? [],
  });
  return rrule ? { kind: 'RRULE', rrule, ...common } : null;
}

/** The default period of a cadence year: from today (or 1 January, if later) to 31 December. */
export function cadencePeriod(year: number, today: string): { start: string; end: string } {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  return { start: today > first && today <= last ? today : first, end: last };
}
