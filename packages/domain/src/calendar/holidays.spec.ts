import {
  addDays,
  isoWeekKey,
  isoWeekday,
  isCalendarDate,
  shanghaiDateOf,
  shanghaiInstant,
} from './dates.js';
import { CalendarRuleError } from './errors.js';
import {
  buildHolidayCalendar,
  chineseDaysCoversYear,
  chineseDaysEntries,
  type HolidayEntry,
  isWorkingDay,
  lunarNewYearDate,
  nextWorkingDay,
} from './holidays.js';

const cal2025 = buildHolidayCalendar(chineseDaysEntries(2025));

describe('date helpers (Asia/Shanghai business calendar)', () => {
  it.each([
    ['2025-02-28', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-13-01', false],
    ['2025-1-01', false],
    ['20250101', false],
  ])('isCalendarDate(%s) = %s', (value, expected) => {
    expect(isCalendarDate(value)).toBe(expected);
  });

  it.each([
    ['2025-12-29', 1, '2026-W01'],
    ['2026-01-01', 4, '2026-W01'],
    ['2027-01-03', 7, '2026-W53'],
    ['2026-02-11', 3, '2026-W07'],
    ['2025-12-31', 3, '2026-W01'],
  ])('%s is ISO weekday %s in week %s', (date, weekday, week) => {
    expect(isoWeekday(date)).toBe(weekday);
    expect(isoWeekKey(date)).toBe(week);
  });

  it.each([
    ['2025-12-31', 1, '2026-01-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2026-03-01', -1, '2026-02-28'],
  ])('addDays(%s, %s) = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it.each([
    ['2026-01-01', '09:00', '2026-01-01T01:00:00.000Z'],
    ['2026-01-01', '07:30', '2025-12-31T23:30:00.000Z'],
    ['2025-07-01', '23:59', '2025-07-01T15:59:00.000Z'],
  ])('%s %s Shanghai is %s (fixed UTC+08:00)', (date, time, iso) => {
    const instant = shanghaiInstant(date, time);
    expect(instant.toISOString()).toBe(iso);
    expect(shanghaiDateOf(instant)).toBe(date);
  });
});

describe('chinese-days holiday data', () => {
  it.each([
    [2025, true],
    [2026, true],
    [2024, true],
    [2027, false],
    [2031, false],
  ])('covers %s: %s', (year, covered) => {
    expect(chineseDaysCoversYear(year)).toBe(covered);
  });

  it('reads the 2025 National Day / Mid-Autumn block and its adjusted working days', () => {
    const entries = chineseDaysEntries(2025);
    const byDate = new Map(entries.map((e) => [e.date, e]));
    for (const date of ['2025-10-01', '2025-10-04', '2025-10-08']) {
      expect(byDate.get(date)).toMatchObject({ kind: 'HOLIDAY', name: '国庆节' });
    }
    expect(byDate.get('2025-09-28')).toMatchObject({ kind: 'WORKDAY' });
    expect(byDate.get('2025-10-11')).toMatchObject({ kind: 'WORKDAY' });
    expect(byDate.has('2025-10-09')).toBe(false);
    expect(byDate.get('2025-01-01')).toEqual({ date: '2025-01-01', kind: 'HOLIDAY', name: '元旦' });
  });

  it('lists no entries but plain weekends for a year it does not know', () => {
    expect(chineseDaysEntries(2031)).toEqual([]);
  });

  it('returns copies, so a caller cannot corrupt the cached year', () => {
    chineseDaysEntries(2025)[0]!.name = 'changed';
    expect(chineseDaysEntries(2025)[0]!.name).not.toBe('changed');
  });

  it.each([
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2031, '2031-01-23'],
  ])('Lunar New Year %s is %s', (year, date) => {
    expect(lunarNewYearDate(year)).toBe(date);
  });
});

describe('holiday calendar', () => {
  it('lets later entries override earlier ones for the same date', () => {
    const admin: HolidayEntry[] = [
      { date: '2025-10-08', kind: 'WORKDAY', name: '临沂市调整' },
      { date: '2025-10-10', kind: 'HOLIDAY', name: '临时休假' },
    ];
    const cal = buildHolidayCalendar([...chineseDaysEntries(2025), ...admin]);
    expect(cal.isHoliday('2025-10-08')).toBe(false);
    expect(cal.isAdjustedWorkday('2025-10-08')).toBe(true);
    expect(cal.holidayName('2025-10-08')).toBe('临沂市调整');
    expect(cal.isHoliday('2025-10-10')).toBe(true);
    expect(cal.holidayName('2025-10-10')).toBe('临时休假');
    expect(cal.holidayName('2025-10-09')).toBeUndefined();
    const reversed = buildHolidayCalendar([...admin, ...chineseDaysEntries(2025)]);
    expect(reversed.isHoliday('2025-10-08')).toBe(true);
  });

  it('rejects an entry with a bad date', () => {
    expect(() => buildHolidayCalendar([{ date: '2025-02-30', kind: 'HOLIDAY', name: 'x' }])).toThrow(CalendarRuleError);
  });

  it.each([
    ['2025-10-01', false, 'statutory holiday'],
    ['2025-10-04', false, 'Saturday inside the holiday block'],
    ['2025-10-09', true, 'ordinary Thursday'],
    ['2025-10-11', true, 'adjusted working Saturday (调休)'],
    ['2025-09-28', true, 'adjusted working Sunday (调休)'],
    ['2025-10-12', false, 'ordinary Sunday'],
    ['2025-03-03', true, 'ordinary Monday'],
  ])('isWorkingDay(%s) = %s (%s)', (date, expected) => {
    expect(isWorkingDay(cal2025, date)).toBe(expected);
  });

  it.each([
    ['2025-09-30', '2025-10-09'],
    ['2025-10-01', '2025-10-09'],
    ['2025-10-10', '2025-10-11'],
    ['2025-10-11', '2025-10-13'],
    ['2025-01-27', '2025-02-05'],
    ['2025-12-31', '2026-01-04'],
  ])('nextWorkingDay(%s) = %s', (date, expected) => {
    const cal = buildHolidayCalendar([...chineseDaysEntries(2025), ...chineseDaysEntries(2026)]);
    expect(nextWorkingDay(cal, date)).toBe(expected);
  });
});
