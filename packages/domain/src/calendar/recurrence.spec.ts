import { CalendarRuleError, type CalendarRuleErrorCode } from './errors.js';
import { buildHolidayCalendar, chineseDaysEntries, isWorkingDay } from './holidays.js';
import {
  describeRule,
  expandSeries,
  MAX_SERIES_OCCURRENCES,
  type PlannedOccurrence,
  type SeriesPattern,
} from './recurrence.js';

const cal = buildHolidayCalendar([...chineseDaysEntries(2025), ...chineseDaysEntries(2026)]);

function pattern(overrides: Partial<SeriesPattern>): SeriesPattern {
  return {
    rrule: 'FREQ=WEEKLY;INTERVAL=1;BYDAY=WE',
    startDate: '2025-09-01',
    startTime: '09:00',
    durationMinutes: 180,
    holidayPolicy: 'NEXT_WORKING_DAY',
    ...overrides,
  };
}

const brief = (o: PlannedOccurrence) => [o.occurrenceKey, o.date, o.adjustment];

describe('expandSeries around the 2025 National Day / Mid-Autumn holiday', () => {
  it('relies on the chinese-days facts it is built for', () => {
    for (const d of ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-06', '2025-10-07', '2025-10-08']) {
      expect(cal.isHoliday(d)).toBe(true);
    }
    expect(cal.isAdjustedWorkday('2025-10-11')).toBe(true); // Saturday 调休
    expect(cal.isAdjustedWorkday('2025-09-28')).toBe(true); // Sunday 调休
    expect(isWorkingDay(cal, '2025-10-09')).toBe(true);
  });

  it.each([
    [
      'NEXT_WORKING_DAY',
      [
        ['2025-09-24', '2025-09-24', 'NONE'],
        ['2025-10-08', '2025-10-08', 'SKIPPED'], // would also move to 10-09: merged, not duplicated
        ['2025-10-01', '2025-10-09', 'MOVED'],
        ['2025-10-15', '2025-10-15', 'NONE'],
      ],
    ],
    [
      'SKIP',
      [
        ['2025-09-24', '2025-09-24', 'NONE'],
        ['2025-10-01', '2025-10-01', 'SKIPPED'],
        ['2025-10-08', '2025-10-08', 'SKIPPED'],
        ['2025-10-15', '2025-10-15', 'NONE'],
      ],
    ],
    [
      'KEEP',
      [
        ['2025-09-24', '2025-09-24', 'NONE'],
        ['2025-10-01', '2025-10-01', 'KEPT_ON_HOLIDAY'],
        ['2025-10-08', '2025-10-08', 'KEPT_ON_HOLIDAY'],
        ['2025-10-15', '2025-10-15', 'NONE'],
      ],
    ],
  ] as const)('weekly Wednesday with %s', (holidayPolicy, expected) => {
    const result = expandSeries(pattern({ holidayPolicy }), { from: '2025-09-20', to: '2025-10-20' }, cal);
    expect(result.map(brief)).toEqual(expected);
    for (const o of result.filter((x) => x.adjustment !== 'NONE')) expect(o.holidayName).toBe('国庆节');
  });

  it('moves 10-01 to Thursday 10-09 with the times of that day and names the merge', () => {
    const result = expandSeries(pattern({}), { from: '2025-10-01', to: '2025-10-08' }, cal);
    const moved = result.find((o) => o.occurrenceKey === '2025-10-01')!;
    expect(moved).toMatchObject({ date: '2025-10-09', adjustment: 'MOVED', holidayName: '国庆节' });
    expect(moved.startsAt.toISOString()).toBe('2025-10-09T01:00:00.000Z');
    expect(moved.endsAt.toISOString()).toBe('2025-10-09T04:00:00.000Z');
    const merged = result.find((o) => o.occurrenceKey === '2025-10-08');
    expect(merged).toMatchObject({ adjustment: 'SKIPPED', mergedInto: '2025-10-09' });
  });

  it('gives the same answer for an occurrence whatever window it is expanded in', () => {
    const wide = expandSeries(pattern({ rrule: 'FREQ=DAILY' }), { from: '2025-09-01', to: '2025-10-31' }, cal);
    const narrow = expandSeries(pattern({ rrule: 'FREQ=DAILY' }), { from: '2025-10-05', to: '2025-10-06' }, cal);
    expect(narrow).toEqual(wide.filter((o) => o.occurrenceKey >= '2025-10-05' && o.occurrenceKey <= '2025-10-06'));
    expect(new Set(wide.filter((o) => o.adjustment !== 'SKIPPED').map((o) => o.date)).size).toBe(
      wide.filter((o) => o.adjustment !== 'SKIPPED').length,
    );
  });

  it.each([
    ['NEXT_WORKING_DAY' as const],
    ['SKIP' as const],
  ])('holds a Saturday rule on the adjusted working Saturday 2025-10-11 and on plain Saturdays (%s)', (holidayPolicy) => {
    const result = expandSeries(
      pattern({ rrule: 'FREQ=WEEKLY;BYDAY=SA', holidayPolicy }),
      { from: '2025-09-27', to: '2025-10-18' },
      cal,
    );
    expect(result.map((o) => [o.occurrenceKey, o.adjustment])).toEqual([
      ['2025-09-27', 'NONE'],
      ['2025-10-04', 'SKIPPED'], // a Saturday inside the holiday block
      ['2025-10-11', 'NONE'],
      ['2025-10-18', 'NONE'],
    ]);
    // Its next working day, Thursday 10-09, lies in the week of the adjusted working Saturday 10-11,
    // which has its own fair: one week, one fair, so it is merged into 10-11 rather than moved.
    if (holidayPolicy === 'NEXT_WORKING_DAY') expect(result[1]).toMatchObject({ mergedInto: '2025-10-11', reason: 'WEEK_TAKEN' });
  });
});

describe('expandSeries across a year boundary', () => {
  it('expands every Tuesday 2025-12-01 … 2026-01-31 in UTC instants, New Year 2026-01-01 being a Thursday', () => {
    const result = expandSeries(
      pattern({ rrule: 'FREQ=WEEKLY;BYDAY=TU', startDate: '2025-12-01', until: '2026-01-31' }),
      { from: '2025-11-01', to: '2026-03-31' },
      cal,
    );
    expect(result.map((o) => o.date)).toEqual([
      '2025-12-02', '2025-12-09', '2025-12-16', '2025-12-23', '2025-12-30',
      '2026-01-06', '2026-01-13', '2026-01-20', '2026-01-27',
    ]);
    expect(result.every((o) => o.adjustment === 'NONE')).toBe(true);
    expect(result[4]!.startsAt.toISOString()).toBe('2025-12-30T01:00:00.000Z');
    expect(result[5]!.startsAt.toISOString()).toBe('2026-01-06T01:00:00.000Z');
  });

  it('moves a Thursday fair on New Year 2026 to the adjusted working Sunday 2026-01-04', () => {
    expect(cal.isHoliday('2026-01-01')).toBe(true);
    expect(cal.isAdjustedWorkday('2026-01-04')).toBe(true);
    const result = expandSeries(
      pattern({ rrule: 'FREQ=WEEKLY;BYDAY=TH', startDate: '2025-12-01', startTime: '07:30' }),
      { from: '2025-12-25', to: '2026-01-08' },
      cal,
    );
    expect(result.map(brief)).toEqual([
      ['2025-12-25', '2025-12-25', 'NONE'],
      ['2026-01-01', '2026-01-04', 'MOVED'],
      ['2026-01-08', '2026-01-08', 'NONE'],
    ]);
    // 07:30 in Shanghai is still the previous day in UTC.
    expect(result[1]!.startsAt.toISOString()).toBe('2026-01-03T23:30:00.000Z');
  });

  it('merges the holiday occurrences of a daily rule into the existing one on the next working day', () => {
    const result = expandSeries(
      pattern({ rrule: 'FREQ=DAILY', startDate: '2025-12-30' }),
      { from: '2025-12-30', to: '2026-01-05' },
      cal,
    );
    expect(result.map((o) => [o.occurrenceKey, o.adjustment, o.mergedInto])).toEqual([
      ['2025-12-30', 'NONE', undefined],
      ['2025-12-31', 'NONE', undefined],
      ['2026-01-01', 'SKIPPED', '2026-01-04'],
      ['2026-01-02', 'SKIPPED', '2026-01-04'],
      ['2026-01-03', 'SKIPPED', '2026-01-04'],
      ['2026-01-04', 'NONE', undefined],
      ['2026-01-05', 'NONE', undefined],
    ]);
  });
});

describe('expandSeries rule details', () => {
  it('expands the twice-a-month rule FREQ=MONTHLY;BYDAY=2TU,4TU', () => {
    const result = expandSeries(
      pattern({ rrule: 'FREQ=MONTHLY;BYDAY=2TU,4TU', startDate: '2026-01-01' }),
      { from: '2026-01-01', to: '2026-04-30' },
      cal,
    );
    expect(result.map((o) => o.date)).toEqual([
      '2026-01-13', '2026-01-27', '2026-02-10', '2026-02-24', '2026-03-10', '2026-03-24', '2026-04-14', '2026-04-28',
    ]);
  });

  it.each([
    ['pattern until', { until: '2025-10-15' }, '2025-10-15'],
    ['rule UNTIL (date)', { rrule: 'FREQ=WEEKLY;BYDAY=WE;UNTIL=20251015' }, '2025-10-15'],
    ['rule UNTIL earlier than until', { rrule: 'FREQ=WEEKLY;BYDAY=WE;UNTIL=20251022', until: '2025-12-31' }, '2025-10-22'],
    ['until earlier than rule UNTIL', { rrule: 'FREQ=WEEKLY;BYDAY=WE;UNTIL=20251231', until: '2025-10-22' }, '2025-10-22'],
    // 2025-10-15T00:59:59Z is 08:59:59 in Shanghai, before the 09:00 start of 10-15.
    ['rule UNTIL as a UTC instant', { rrule: 'FREQ=WEEKLY;BYDAY=WE;UNTIL=20251015T005959Z' }, '2025-10-09'],
    ['COUNT', { rrule: 'FREQ=WEEKLY;BYDAY=WE;COUNT=3' }, '2025-09-17'],
  ])('stops at the %s', (_label, overrides, last) => {
    const result = expandSeries(pattern(overrides), { from: '2025-09-01', to: '2025-12-31' }, cal);
    expect(result.at(-1)!.date).toBe(last);
  });

  it('caps the number of occurrences', () => {
    const daily = pattern({ rrule: 'FREQ=DAILY', startDate: '2020-01-01' });
    expect(expandSeries(daily, { from: '2020-01-01', to: '2025-06-22' }, cal)).toHaveLength(MAX_SERIES_OCCURRENCES);
    expect(() => expandSeries(daily, { from: '2020-01-01', to: '2025-12-31' }, cal)).toThrow(
      expect.objectContaining({ code: 'TOO_MANY_OCCURRENCES' }),
    );
  });

  it.each<[string, Partial<SeriesPattern>, CalendarRuleErrorCode]>([
    ['garbage rule', { rrule: 'every wednesday' }, 'INVALID_RRULE'],
    ['unknown FREQ', { rrule: 'FREQ=FOO' }, 'INVALID_RRULE'],
    ['sub-daily FREQ', { rrule: 'FREQ=HOURLY' }, 'INVALID_RRULE'],
    ['bad weekday', { rrule: 'FREQ=WEEKLY;BYDAY=XX' }, 'INVALID_RRULE'],
    ['DTSTART inside', { rrule: 'DTSTART:20250101T000000Z\nRRULE:FREQ=DAILY' }, 'INVALID_RRULE'],
    ['DTSTART part', { rrule: 'FREQ=DAILY;DTSTART=20250101' }, 'INVALID_RRULE'],
    ['COUNT with UNTIL', { rrule: 'FREQ=DAILY;COUNT=3;UNTIL=20251231' }, 'INVALID_RRULE'],
    ['BYHOUR', { rrule: 'FREQ=DAILY;BYHOUR=9,14' }, 'INVALID_RRULE'],
    ['never-occurring day', { rrule: 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30' }, 'INVALID_RRULE'],
    ['zero interval', { rrule: 'FREQ=WEEKLY;INTERVAL=0' }, 'INVALID_RRULE'],
    ['empty rule', { rrule: '' }, 'INVALID_RRULE'],
    ['bad start date', { startDate: '2025-02-30' }, 'INVALID_DATE'],
    ['bad until', { until: '2025/10/01' }, 'INVALID_DATE'],
    ['bad time', { startTime: '24:00' }, 'INVALID_TIME'],
    ['time without leading zero', { startTime: '9:00' }, 'INVALID_TIME'],
    ['zero duration', { durationMinutes: 0 }, 'INVALID_DURATION'],
    ['fractional duration', { durationMinutes: 30.5 }, 'INVALID_DURATION'],
    ['unknown holiday policy', { holidayPolicy: 'IGNORE' as never }, 'INVALID_POLICY'],
  ])('rejects %s', (_label, overrides, code) => {
    let error: unknown;
    try {
      expandSeries(pattern(overrides), { from: '2025-09-01', to: '2025-12-31' }, cal);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CalendarRuleError);
    expect((error as CalendarRuleError).code).toBe(code);
    expect((error as CalendarRuleError).zh).toMatch(/[\u4e00-\u9fa5]/);
    expect((error as CalendarRuleError).en).toMatch(/[a-z]/);
  });

  it('rejects a window that ends before it starts', () => {
    expect(() => expandSeries(pattern({}), { from: '2025-12-31', to: '2025-09-01' }, cal)).toThrow(
      expect.objectContaining({ code: 'INVALID_WINDOW' }),
    );
  });

  it('accepts an RRULE: prefix and lower case', () => {
    const result = expandSeries(pattern({ rrule: 'RRULE:freq=weekly;byday=we' }), { from: '2025-09-01', to: '2025-09-10' }, cal);
    expect(result.map((o) => o.date)).toEqual(['2025-09-03', '2025-09-10']);
  });
});

describe('describeRule', () => {
  it.each([
    ['FREQ=WEEKLY;INTERVAL=1;BYDAY=WE', '每周三', 'every week on Wednesday'],
    ['FREQ=WEEKLY;BYDAY=MO,WE,FR', '每周一、三、五', 'every week on Monday, Wednesday, Friday'],
    ['FREQ=WEEKLY;INTERVAL=2;BYDAY=TU', '每2周的周二', 'every 2 weeks on Tuesday'],
    ['FREQ=MONTHLY;BYDAY=2TU,4TU', '每月第2、4个周二', 'every month on the 2nd Tuesday and 4th Tuesday'],
    ['FREQ=MONTHLY;BYDAY=-1FR', '每月最后一个周五', 'every month on the last Friday'],
    ['FREQ=MONTHLY;BYMONTHDAY=1,15', '每月1日、15日', 'every month on the 1st and 15th'],
    ['FREQ=DAILY;COUNT=5', '每天，共5次', 'every day for 5 times'],
    ['FREQ=WEEKLY;BYDAY=WE;UNTIL=20251231', '每周三，至2025-12-31', 'every week on Wednesday until December 31, 2025'],
  ])('%s → %s / %s', (rule, zh, en) => {
    expect(describeRule(rule, 'zh-CN')).toBe(zh);
    expect(describeRule(rule, 'en')).toBe(en);
  });

  it.each([['FREQ=YEARLY;BYMONTH=3'], ['not a rule']])('falls back to the raw rule in Chinese for %s', (rule) => {
    expect(describeRule(rule, 'zh-CN')).toBe(rule);
  });
});
