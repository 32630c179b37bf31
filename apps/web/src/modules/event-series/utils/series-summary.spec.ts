import { describe, expect, it } from '@jest/globals';
import en from '../../events/locales/events.en.js';
import zh from '../../events/locales/events.zh-CN.js';
import { seriesRuleText } from './series-summary.js';

/** A tiny stand-in for i18next's t over one locale file (events namespace, {{var}} interpolation). */
const tOf = (resource: Record<string, unknown>) => (key: string, values: Record<string, unknown> = {}) => {
  const path = key.replace(/^events:/, '').split('.');
  const text = path.reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], resource) as string;
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name]));
};

const cadence = { ruleText: 'Seasonal cadence 2026: … (weekdays 3)', patternKind: 'SEASONAL_CADENCE' as const, cadenceYear: 2026, cadenceWeekdays: [3] };

describe('the series summary on an event page', () => {
  it('names the weekday in English, not "(weekdays 3)"', () => {
    const text = seriesRuleText(cadence, tOf(en), 'en');
    expect(text).toContain('Wednesday');
    expect(text).not.toMatch(/weekdays \d/);
    expect(seriesRuleText({ ...cadence, cadenceWeekdays: [4, 2] }, tOf(en), 'en')).toContain('Tuesday and Thursday');
  });

  it('words it in Chinese for a Chinese reader, whatever the server sent', () => {
    expect(seriesRuleText({ ...cadence, cadenceWeekdays: [2, 4] }, tOf(zh), 'zh-CN')).toBe('2026 年旺季每周一场、淡季每月两场（周二、周四）');
  });

  it('keeps the server’s text for an RRULE series', () => {
    expect(seriesRuleText({ ruleText: 'every week on Wednesday', patternKind: 'RRULE' }, tOf(en), 'en')).toBe('every week on Wednesday');
  });
});
