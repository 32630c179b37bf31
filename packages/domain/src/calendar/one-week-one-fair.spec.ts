import { checkCadence, defaultPeakRanges, generateSeasonalCadence } from './cadence.js';
import { isoWeekKey } from './dates.js';
import { buildHolidayCalendar, type HolidayEntry } from './holidays.js';
import { expandSeries, type HolidayPolicy } from './recurrence.js';

// 2027 is not in chinese-days: an admin enters the Spring Festival block Fri 02-05 … Sat 02-13.
const SPRING_2027: HolidayEntry[] = ['05', '06', '07', '08', '09', '10', '11', '12', '13'].map((d) => ({
  date: `2027-02-${d}`,
  kind: 'HOLIDAY',
  name: '春节',
}));
const cal2027 = buildHolidayCalendar(SPRING_2027);

const heldDates = (planned: Array<{ date: string; adjustment: string }>) => planned.filter((o) => o.adjustment !== 'SKIPPED').map((o) => o.date);
const weeksWithTwo = (dates: string[]) => {
  const n = new Map<string, number>();
  for (const d of dates) n.set(isoWeekKey(d), (n.get(isoWeekKey(d)) ?? 0) + 1);
  return [...n].filter(([, c]) => c > 1).map(([w]) => w);
};

describe('one week, one fair (2027, holidays entered by an admin)', () => {
  it('a Thursday-only seasonal cadence holds one fair in the week of 2027-02-03/04, not two', () => {
    const peakRanges = defaultPeakRanges(2027, cal2027);
    expect(peakRanges[0]!.start).toBe('2027-02-15');
    const planned = generateSeasonalCadence(
      { year: 2027, peakRanges, weekdays: [4], startTime: '09:00', durationMinutes: 180, holidayPolicy: 'NEXT_WORKING_DAY' },
      cal2027,
    );
    const held = heldDates(planned);
    expect(held.filter((d) => d.startsWith('2027-02-0'))).toEqual(['2027-02-04']);
    expect(weeksWithTwo(held)).toEqual([]);
    // February's working off-season days lie in one week, so one fair meets the cadence there.
    const check = checkCadence(held, { year: 2027, peakRanges, cal: cal2027 });
    expect(check.missedOffSeasonMonths).toEqual([]);
    expect(check.missedPeakWeeks).toEqual([]);
  });

  it.each<[string, string, HolidayPolicy, Array<[string, string, string, string | undefined]>]>([
    [
      'weekly Thursday: 02-11 would move to Monday 02-15, whose week has its own Thursday → merged',
      'FREQ=WEEKLY;BYDAY=TH',
      'NEXT_WORKING_DAY',
      [
        ['2027-02-04', '2027-02-04', 'NONE', undefined],
        ['2027-02-11', '2027-02-11', 'SKIPPED', '2027-02-18'],
        ['2027-02-18', '2027-02-18', 'NONE', undefined],
      ],
    ],
    [
      'monthly second Thursday: the week of 02-15 has nothing of its own → moved',
      'FREQ=MONTHLY;BYDAY=2TH',
      'NEXT_WORKING_DAY',
      [['2027-02-11', '2027-02-15', 'MOVED', undefined]],
    ],
    [
      'weekly Monday and Thursday (two a week asked for): the two of the holiday week merge into the next week, which keeps its two',
      'FREQ=WEEKLY;BYDAY=MO,TH',
      'NEXT_WORKING_DAY',
      [
        ['2027-02-01', '2027-02-01', 'NONE', undefined],
        ['2027-02-04', '2027-02-04', 'NONE', undefined],
        ['2027-02-08', '2027-02-08', 'SKIPPED', '2027-02-15'],
        ['2027-02-11', '2027-02-11', 'SKIPPED', '2027-02-15'],
        ['2027-02-15', '2027-02-15', 'NONE', undefined],
        ['2027-02-18', '2027-02-18', 'NONE', undefined],
      ],
    ],
  ])('%s', (_name, rrule, holidayPolicy, expected) => {
    const planned = expandSeries(
      { rrule, startDate: '2027-02-01', startTime: '09:00', durationMinutes: 180, holidayPolicy },
      { from: '2027-02-01', to: '2027-02-20' },
      cal2027,
    );
    expect(planned.map((o) => [o.occurrenceKey, o.date, o.adjustment, o.mergedInto])).toEqual(expected);
    // No week holds more fairs than the rule itself asks for in it.
    const asked = rrule.includes(',') ? 2 : 1;
    const perWeek = new Map<string, number>();
    for (const d of heldDates(planned)) perWeek.set(isoWeekKey(d), (perWeek.get(isoWeekKey(d)) ?? 0) + 1);
    expect(Math.max(...perWeek.values())).toBeLessThanOrEqual(asked);
  });
});
