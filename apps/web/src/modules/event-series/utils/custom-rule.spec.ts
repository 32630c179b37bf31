import { describe, expect, it } from '@jest/globals';
import { buildRrule, describeCustomRule, isoWeekday, type CustomRule } from './custom-rule.js';

const weekly = (patch: Partial<CustomRule> = {}): CustomRule => ({ frequency: 'WEEKLY', interval: 1, weekdays: ['WE'], positions: [], ...patch });
const monthly = (patch: Partial<CustomRule> = {}): CustomRule => ({ frequency: 'MONTHLY', interval: 1, weekdays: ['TU'], positions: [2, 4], ...patch });

describe('buildRrule', () => {
  it.each<[string, CustomRule, string | null]>([
    ['weekly on Wednesday', weekly(), 'FREQ=WEEKLY;INTERVAL=1;BYDAY=WE'],
    ['fortnightly, days in week order', weekly({ interval: 2, weekdays: ['FR', 'MO'] }), 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,FR'],
    ['2nd and 4th Tuesday', monthly(), 'FREQ=MONTHLY;BYDAY=2TU,4TU'],
    ['last Friday every 3 months', monthly({ interval: 3, weekdays: ['FR'], positions: [-1] }), 'FREQ=MONTHLY;INTERVAL=3;BYDAY=-1FR'],
    ['positions in order', monthly({ positions: [4, 1] }), 'FREQ=MONTHLY;BYDAY=1TU,4TU'],
    ['no weekday yet', weekly({ weekdays: [] }), null],
    ['monthly without positions', monthly({ positions: [] }), null],
    ['interval floored to at least 1', weekly({ interval: 0 }), 'FREQ=WEEKLY;INTERVAL=1;BYDAY=WE'],
  ])('%s', (_name, rule, expected) => {
    expect(buildRrule(rule)).toBe(expected);
  });
});

describe('describeCustomRule', () => {
  it('speaks Chinese', () => {
    expect(describeCustomRule(weekly(), 'zh')).toBe('每周三');
    expect(describeCustomRule(weekly({ interval: 2, weekdays: ['MO', 'WE'] }), 'zh')).toBe('每 2 周的周一、周三');
    expect(describeCustomRule(monthly(), 'zh')).toBe('每月第 2 个、第 4 个周二');
    expect(describeCustomRule(monthly({ positions: [-1], weekdays: ['FR'] }), 'zh')).toBe('每月最后一个周五');
  });

  it('speaks English', () => {
    expect(describeCustomRule(weekly(), 'en')).toBe('Every Wednesday');
    expect(describeCustomRule(weekly({ interval: 2, weekdays: ['MO', 'WE', 'FR'] }), 'en')).toBe('Every 2 weeks on Monday, Wednesday and Friday');
    expect(describeCustomRule(monthly(), 'en')).toBe('The 2nd and 4th Tuesday of every month');
    expect(describeCustomRule(monthly({ interval: 2 }), 'en')).toBe('The 2nd and 4th Tuesday of every 2 months');
  });

  it('says nothing for an incomplete rule', () => {
    expect(describeCustomRule(weekly({ weekdays: [] }), 'zh')).toBeNull();
  });
});

describe('isoWeekday', () => {
  it('numbers Monday 1 to Sunday 7', () => {
    expect(isoWeekday('MO')).toBe(1);
    expect(isoWeekday('SU')).toBe(7);
  });
});
