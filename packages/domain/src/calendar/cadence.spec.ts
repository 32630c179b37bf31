import { eachDate, isoWeekday } from './dates.js';
import { CalendarRuleError } from './errors.js';
import { buildHolidayCalendar, chineseDaysEntries, type HolidayCalendar, isStatutoryHoliday, isWorkingDay } from './holidays.js';
import {
  checkCadence,
  defaultPeakRanges,
  generateSeasonalCadence,
  type PeakRange,
  type SeasonalCadenceInput,
} from './cadence.js';
import type { HolidayPolicy } from './recurrence.js';

const calendars = new Map<number, HolidayCalendar>(
  [2025, 2026].map((y) => [
    y,
    buildHolidayCalendar([...chineseDaysEntries(y - 1), ...chineseDaysEntries(y), ...chineseDaysEntries(y + 1)]),
  ]),
);
const calOf = (year: number) => calendars.get(year)!;

const CUSTOM_2026: PeakRange[] = [
  { start: '2026-03-01', end: '2026-05-31' }, // starts on a Sunday, spans Labour Day
  { start: '2026-07-15', end: '2026-07-31' },
  { start: '2026-10-01', end: '2026-10-31' }, // starts inside the National Day holiday
];

describe('default peak seasons', () => {
  it.each([
    // 2025: 春节 holiday 01-28..02-04 → first working day 02-05.
    [2025, '2025-02-05'],
    // 2026: 春节 holiday 02-15..02-23 → first working day 02-24.
    [2026, '2026-02-24'],
    // 2031 is not in chinese-days: estimated from 正月初七 (LNY 01-23 + 6 = 01-29, a Wednesday).
    [2031, '2031-01-30'],
  ])('%s: after Spring Festival (%s) to 04-30, and 09-01 to 11-30', (year, springStart) => {
    expect(defaultPeakRanges(year)).toEqual([
      { start: springStart, end: `${year}-04-30` },
      { start: `${year}-09-01`, end: `${year}-11-30` },
    ]);
  });

  it('follows the calendar it is given (an administrator extends the 2026 holiday by a day)', () => {
    const cal = buildHolidayCalendar([...chineseDaysEntries(2026), { date: '2026-02-24', kind: 'HOLIDAY', name: '春节' }]);
    expect(defaultPeakRanges(2026, cal)[0]!.start).toBe('2026-02-25');
  });
});

describe('checkCadence definitions', () => {
  const peakRanges: PeakRange[] = [{ start: '2026-03-04', end: '2026-03-10' }]; // Wed … next Tue
  const result = (dates: string[]) => checkCadence(dates, { year: 2026, peakRanges, from: '2026-02-01', to: '2026-03-31' });

  it('makes every ISO week with a peak day a peak week, and months the rest', () => {
    const r = result([]);
    expect(r.peakWeeks).toEqual([
      { week: '2026-W10', start: '2026-03-02', end: '2026-03-08', required: 1, count: 0, met: false },
      { week: '2026-W11', start: '2026-03-09', end: '2026-03-15', required: 1, count: 0, met: false },
    ]);
    // February: 28 off-season days; March: 03-01 and 03-16..03-31 = 17 days (03-02..03-15 are in peak weeks).
    expect(r.offSeasonMonths).toEqual([
      { month: '2026-02', required: 2, count: 0, met: false },
      { month: '2026-03', required: 2, count: 0, met: false },
    ]);
    expect(r.missedPeakWeeks).toEqual(['2026-W10', '2026-W11']);
    expect(r.missedOffSeasonMonths).toEqual(['2026-02', '2026-03']);
  });

  it.each([
    // A fair on a non-peak day of a peak week (Monday 03-02) counts for neither quota.
    [['2026-03-02'], [0, 0], [0, 0]],
    [['2026-03-04', '2026-03-10'], [1, 1], [0, 0]],
    [['2026-02-03', '2026-02-17', '2026-03-01', '2026-03-20'], [0, 0], [2, 2]],
    // Two fairs on one day are two fairs; dates outside the scope are ignored.
    [['2026-02-10', '2026-02-10', '2026-04-01'], [0, 0], [2, 0]],
  ])('counts %j as peak weeks %j and months %j', (dates, weeks, months) => {
    const r = result(dates);
    expect(r.peakWeeks.map((w) => w.count)).toEqual(weeks);
    expect(r.offSeasonMonths.map((m) => m.count)).toEqual(months);
  });

  it.each([
    // Peak through Wednesday 06-24: its week runs to 06-28, leaving 06-29..06-30 (2 days) → needs 1 fair.
    [[{ start: '2026-05-01', end: '2026-06-24' }], '2026-06', 1],
    // Peak through Sunday 05-24 leaves 05-25..05-31: 7 days but one ISO week → one week, one fair: needs 1.
    [[{ start: '2026-03-01', end: '2026-05-24' }], '2026-05', 1],
    // Peak through Sunday 05-17 leaves 05-18..05-31: two weeks → needs 2.
    [[{ start: '2026-03-01', end: '2026-05-17' }], '2026-05', 2],
    // 2025 defaults: February's sliver 02-01..02-02 is a weekend inside the 春节 holiday → needs none.
    [[{ start: '2025-02-05', end: '2025-04-30' }], '2025-02', 0],
  ])('sizes the slivers of %j: %s needs %s', (ranges, month, required) => {
    const year = Number(month.slice(0, 4));
    const r = checkCadence([], { year, peakRanges: ranges, cal: calOf(year) });
    expect(r.offSeasonMonths.find((m) => m.month === month)!.required).toBe(required);
  });

  it('does not require a fair in a peak week whose only peak day is not a working day', () => {
    const r = checkCadence([], { year: 2026, peakRanges: [{ start: '2026-03-01', end: '2026-03-01' }], cal: calOf(2026) });
    expect(r.peakWeeks).toEqual([
      { week: '2026-W09', start: '2026-02-23', end: '2026-03-01', required: 0, count: 0, met: true },
    ]);
  });
});

describe('generateSeasonalCadence meets the cadence over a whole year', () => {
  const cases: Array<[string, number, PeakRange[] | 'default', number[], HolidayPolicy]> = [];
  for (const year of [2025, 2026]) {
    for (const policy of ['NEXT_WORKING_DAY', 'SKIP', 'KEEP'] as const) {
      cases.push([`${year} default peaks`, year, 'default', [3], policy]);
      cases.push([`${year} default peaks`, year, 'default', [2, 4], policy]);
    }
  }
  for (const policy of ['NEXT_WORKING_DAY', 'SKIP', 'KEEP'] as const) {
    cases.push(['2026 custom peaks', 2026, CUSTOM_2026, [4], policy]);
    cases.push(['2026 custom peaks', 2026, CUSTOM_2026, [1, 5], policy]);
  }

  it.each(cases)('%s (%s), weekdays %j, %s: no misses', (_label, year, ranges, weekdays, holidayPolicy) => {
    const cal = calOf(year);
    const peakRanges = ranges === 'default' ? defaultPeakRanges(year) : ranges;
    const input: SeasonalCadenceInput = { year, peakRanges, weekdays, startTime: '09:30', durationMinutes: 180, holidayPolicy };
    const planned = generateSeasonalCadence(input, cal);
    const held = planned.filter((o) => o.adjustment !== 'SKIPPED');
    const check = checkCadence(held.map((o) => o.date), { year, peakRanges, cal });

    expect(check.missedPeakWeeks).toEqual([]);
    expect(check.missedOffSeasonMonths).toEqual([]);
    expect(check.peakWeeks.length).toBeGreaterThan(20);
    // Exactly what is required: one per peak week, two per off-season month (one for a sliver).
    const required = [...check.peakWeeks, ...check.offSeasonMonths].reduce((sum, x) => sum + x.required, 0);
    expect(held).toHaveLength(required);
    for (const o of held) {
      if (o.adjustment === 'KEPT_ON_HOLIDAY') expect(isStatutoryHoliday(cal, o.date)).toBe(true);
      else expect(isWorkingDay(cal, o.date)).toBe(true);
      if (o.adjustment === 'NONE') expect(weekdays).toContain(isoWeekday(o.date));
      expect(o.endsAt.getTime() - o.startsAt.getTime()).toBe(180 * 60_000);
      expect(o.startsAt.toISOString().slice(11, 16)).toBe('01:30');
    }
    if (holidayPolicy !== 'KEEP') expect(held.some((o) => o.adjustment === 'KEPT_ON_HOLIDAY')).toBe(false);
    const dates = planned.map((o) => o.date);
    expect(dates).toEqual([...dates].sort());
    expect(new Set(dates).size).toBe(dates.length);
    expect(new Set(planned.map((o) => o.occurrenceKey)).size).toBe(planned.length);
    // Deterministic.
    expect(generateSeasonalCadence(input, cal)).toEqual(planned);
  });
});

describe('generateSeasonalCadence on holidays (2025, Wednesdays)', () => {
  const base = { year: 2025, weekdays: [3], startTime: '09:00', durationMinutes: 120 };
  const plan = (holidayPolicy: HolidayPolicy) =>
    generateSeasonalCadence({ ...base, peakRanges: defaultPeakRanges(2025), holidayPolicy }, calOf(2025));
  const byKey = (holidayPolicy: HolidayPolicy, key: string) => {
    const o = plan(holidayPolicy).find((x) => x.occurrenceKey === key)!;
    return [o.date, o.adjustment, o.holidayName];
  };

  it.each([
    // January off-season, first half: Wednesday 01-01 is New Year.
    ['NEXT_WORKING_DAY', '2025-01-01', ['2025-01-02', 'MOVED', '元旦']],
    ['SKIP', '2025-01-01', ['2025-01-08', 'MOVED', '元旦']], // the next Wednesday of the slot
    ['KEEP', '2025-01-01', ['2025-01-01', 'KEPT_ON_HOLIDAY', '元旦']],
    // Peak week 2025-W40 (09-29..10-05): Wednesday 10-01 is National Day; the next working day
    // (10-09) is outside the week, so the week's remaining working day 09-30 is used.
    ['NEXT_WORKING_DAY', '2025-10-01', ['2025-09-30', 'MOVED', '国庆节']],
    ['SKIP', '2025-10-01', ['2025-09-30', 'MOVED', '国庆节']],
    ['KEEP', '2025-10-01', ['2025-10-01', 'KEPT_ON_HOLIDAY', '国庆节']],
    // Peak week 2025-W41 (10-06..10-12): Wednesday 10-08 is a holiday, Thursday 10-09 works.
    ['NEXT_WORKING_DAY', '2025-10-08', ['2025-10-09', 'MOVED', '国庆节']],
    ['SKIP', '2025-10-08', ['2025-10-09', 'MOVED', '国庆节']],
  ] as const)('%s: %s → %j', (policy, key, expected) => {
    expect(byKey(policy, key)).toEqual(expected);
  });

  it('uses a working peak day of a week whose peak days hold no preferred weekday (2026-11-30)', () => {
    const planned = generateSeasonalCadence(
      { ...base, year: 2026, peakRanges: defaultPeakRanges(2026), holidayPolicy: 'SKIP' },
      calOf(2026),
    );
    // Peak week 2026-W49 (11-30..12-06) has one peak day, Monday 11-30; its nominal Wednesday is 12-02.
    // Brought forward, and it says why: the preferred day lies outside the peak season.
    expect(planned.find((o) => o.occurrenceKey === '2026-12-02')).toMatchObject({ date: '2026-11-30', adjustment: 'MOVED', reason: 'OUTSIDE_PEAK_DAYS' });
  });

  it('keeps a preferred Saturday that is not a holiday, and uses the adjusted working Saturday 2025-10-11', () => {
    const planned = generateSeasonalCadence(
      {
        ...base,
        weekdays: [6],
        peakRanges: [{ start: '2025-10-06', end: '2025-10-12' }],
        holidayPolicy: 'SKIP',
        from: '2025-10-01',
        to: '2025-10-31',
      },
      calOf(2025),
    );
    expect(planned.find((o) => o.date === '2025-10-11')).toMatchObject({ occurrenceKey: '2025-10-11', adjustment: 'NONE' });
    for (const o of planned) expect(isoWeekday(o.date) === 6 || o.adjustment !== 'NONE').toBe(true);
  });

  it('only plans inside from/to', () => {
    const planned = generateSeasonalCadence(
      { ...base, peakRanges: defaultPeakRanges(2025), holidayPolicy: 'SKIP', from: '2025-06-01', to: '2025-06-30' },
      calOf(2025),
    );
    expect(planned.map((o) => o.date)).toEqual(['2025-06-04', '2025-06-18']);
    expect(eachDate('2025-06-01', '2025-06-30')).toContain(planned[0]!.date);
  });

  it.each([
    [{ weekdays: [] }, 'INVALID_WEEKDAYS'],
    [{ weekdays: [0] }, 'INVALID_WEEKDAYS'],
    [{ weekdays: [8] }, 'INVALID_WEEKDAYS'],
    [{ startTime: '9am' }, 'INVALID_TIME'],
    [{ durationMinutes: 0 }, 'INVALID_DURATION'],
    [{ from: '2025-13-01' }, 'INVALID_DATE'],
    [{ peakRanges: [{ start: '2025-05-01', end: '2025-04-01' }] }, 'INVALID_WINDOW'],
  ])('rejects %j with %s', (overrides, code) => {
    const input = { ...base, peakRanges: defaultPeakRanges(2025), holidayPolicy: 'SKIP' as const, ...overrides };
    expect(() => generateSeasonalCadence(input, calOf(2025))).toThrow(CalendarRuleError);
    expect(() => generateSeasonalCadence(input, calOf(2025))).toThrow(expect.objectContaining({ code }));
  });
});
