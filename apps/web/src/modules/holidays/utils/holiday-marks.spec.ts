import { describe, expect, it } from '@jest/globals';
import { holidayMarks, holidayRuns, holidayYearStatus, yearsOfRange, type HolidayMark } from './holiday-marks.js';

const spring: HolidayMark[] = [
  ...['05', '06', '07', '08', '09', '10', '11'].map((d) => ({ date: `2027-02-${d}`, kind: 'HOLIDAY' as const, name: '春节' })),
  { date: '2027-02-14', kind: 'WORKDAY', name: '春节' },
];

describe('holiday marks for the calendar', () => {
  it('asks for each year a visible range touches', () => {
    expect(yearsOfRange('2026-12-28', '2027-02-08')).toEqual([2026, 2027]);
    expect(yearsOfRange('2027-02-01', '2027-03-01')).toEqual([2027]);
  });

  it('marks only the days in view, and groups runs for the list view', () => {
    const marks = holidayMarks(spring, '2027-02-08', '2027-02-15');
    expect([...marks.keys()]).toEqual(['2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-14']);
    expect(holidayRuns(spring)).toEqual([
      { kind: 'HOLIDAY', name: '春节', start: '2027-02-05', end: '2027-02-11' },
      { kind: 'WORKDAY', name: '春节', start: '2027-02-14', end: '2027-02-14' },
    ]);
  });

  it.each([
    [{ hasBuiltInSchedule: true, isKnown: true }, 'BUILT_IN'],
    // The admin saved 2027: the page must no longer say there is no schedule.
    [{ hasBuiltInSchedule: false, isKnown: true }, 'ENTERED'],
    [{ hasBuiltInSchedule: false, isKnown: false }, 'UNKNOWN'],
  ] as const)('a year %j is %s', (year, status) => {
    expect(holidayYearStatus(year)).toBe(status);
  });
});
