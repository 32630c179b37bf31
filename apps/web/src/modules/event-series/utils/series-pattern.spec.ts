import { describe, expect, it } from '@jest/globals';
import dayjs from 'dayjs';
import { groupPreviewByMonth, venueClashes, type PreviewOccurrence } from './preview-groups.js';
import { inputToRanges, peakRangeProblems, rangeDays, rangesToInput } from './peak-ranges.js';
import { cadencePeriod, seriesPattern, type SeriesWhenValues } from './series-pattern.js';

const base: SeriesWhenValues = {
  kind: 'SEASONAL_CADENCE',
  year: 2027,
  cadenceWeekdays: [5, 3],
  peakRanges: [
    [dayjs('2027-09-01'), dayjs('2027-10-31')],
    [dayjs('2027-02-15'), dayjs('2027-04-15')],
    [dayjs('2027-06-01'), null],
  ],
  startDate: dayjs('2027-01-01'),
  untilDate: dayjs('2027-12-31'),
  startTime: dayjs('2027-01-01T09:00'),
  durationMinutes: 180,
  holidayPolicy: 'NEXT_WORKING_DAY',
};

describe('seriesPattern', () => {
  it('builds a seasonal cadence, dropping half-filled peak ranges', () => {
    expect(seriesPattern(base)).toEqual({
      kind: 'SEASONAL_CADENCE',
      cadence: {
        year: 2027,
        weekdays: [3, 5],
        peakRanges: [
          { start: '2027-02-15', end: '2027-04-15' },
          { start: '2027-09-01', end: '2027-10-31' },
        ],
      },
      startDate: '2027-01-01',
      untilDate: '2027-12-31',
      startTime: '09:00',
      durationMinutes: 180,
      holidayPolicy: 'NEXT_WORKING_DAY',
    });
  });

  it('builds a custom RRULE pattern with an open end', () => {
    expect(
      seriesPattern({
        kind: 'RRULE',
        frequency: 'MONTHLY',
        interval: 1,
        weekdays: ['TU'],
        positions: [2, 4],
        startDate: dayjs('2027-03-01'),
        untilDate: null,
        startTime: dayjs('2027-01-01T14:30'),
        durationMinutes: 120,
        holidayPolicy: 'SKIP',
      }),
    ).toEqual({ kind: 'RRULE', rrule: 'FREQ=MONTHLY;BYDAY=2TU,4TU', startDate: '2027-03-01', startTime: '14:30', durationMinutes: 120, holidayPolicy: 'SKIP' });
  });

  it('is null while anything needed is missing or contradictory', () => {
    expect(seriesPattern({ ...base, cadenceWeekdays: [] })).toBeNull();
    expect(seriesPattern({ ...base, startTime: null })).toBeNull();
    expect(seriesPattern({ ...base, untilDate: dayjs('2026-12-31') })).toBeNull();
    expect(seriesPattern({ ...base, kind: 'RRULE', weekdays: [] })).toBeNull();
  });

  it('defaults the cadence period to the rest of the year', () => {
    expect(cadencePeriod(2027, '2026-11-20')).toEqual({ start: '2027-01-01', end: '2027-12-31' });
    expect(cadencePeriod(2027, '2027-05-06')).toEqual({ start: '2027-05-06', end: '2027-12-31' });
    expect(cadencePeriod(2027, '2028-01-02')).toEqual({ start: '2027-01-01', end: '2027-12-31' });
  });
});

describe('peak ranges', () => {
  it('converts between pickers and inputs', () => {
    const input = [{ start: '2027-02-15', end: '2027-04-15' }];
    expect(rangesToInput(inputToRanges(input))).toEqual(input);
    expect(rangeDays(input)).toBe(60);
  });

  it('finds ranges outside the year or overlapping', () => {
    expect(
      peakRangeProblems(
        [
          { start: '2027-03-01', end: '2027-04-30' },
          { start: '2027-04-30', end: '2027-05-10' },
          { start: '2026-12-20', end: '2027-01-10' },
        ],
        2027,
      ),
    ).toEqual([
      { index: 2, problem: 'OUTSIDE_YEAR' },
      { index: 1, problem: 'OVERLAP' },
    ]);
    expect(peakRangeProblems([{ start: '2027-03-01', end: '2027-04-30' }], 2027)).toEqual([]);
  });
});

describe('groupPreviewByMonth', () => {
  const o = (patch: Partial<PreviewOccurrence>): PreviewOccurrence => ({
    occurrenceKey: '2027-01-06',
    date: '2027-01-06',
    startsAt: '',
    endsAt: '',
    adjustment: 'NONE',
    holidayName: null,
    venueConflict: null,
    ...patch,
  });

  it('groups by the date shown and counts the held ones', () => {
    const months = groupPreviewByMonth([
      o({ occurrenceKey: '2027-02-10', date: '2027-02-10', adjustment: 'SKIPPED', holidayName: '春节' }),
      o({ occurrenceKey: '2027-01-27', date: '2027-01-27' }),
      o({ occurrenceKey: '2027-01-31', date: '2027-02-01', adjustment: 'MOVED' }),
      o({ occurrenceKey: '2027-01-13', date: '2027-01-13', venueConflict: '春风行动招聘会' }),
    ]);
    expect(months.map((m) => [m.month, m.occurrences.map((x) => x.date), m.held])).toEqual([
      ['2027-01', ['2027-01-13', '2027-01-27'], 2],
      ['2027-02', ['2027-02-01', '2027-02-10'], 1],
    ]);
    expect(venueClashes(months.flatMap((m) => m.occurrences)).map((x) => x.date)).toEqual(['2027-01-13']);
  });
});
