import { describe, expect, it } from '@jest/globals';
import { calendarFilter, readCalendarParams } from '../utils/calendar-params.js';
import { EVENT_RANGE_LIMIT, eventRangeVariables } from './use-event-range.js';

const DAY_MS = 86_400_000;

describe('eventRangeVariables', () => {
  it.each([
    ['month', '2026-03-15', 1],
    ['month', '2026-02-01', 0],
    ['week', '2026-03-15', 1],
    ['list', '2026-12-31', 1],
  ] as const)('makes one request for the %s view of %s within the API bound of 42 days', (view, date, weekStart) => {
    const params = readCalendarParams(new URLSearchParams({ view, date, types: 'JOB_FAIR', q: '招聘' }), '2026-01-01');
    const v = eventRangeVariables(calendarFilter(params, weekStart));
    const days = (new Date(v.to).getTime() - new Date(v.from).getTime()) / DAY_MS;
    expect(days).toBeGreaterThan(0);
    expect(days).toBeLessThanOrEqual(42);
    expect(v.take).toBe(EVENT_RANGE_LIMIT);
    expect(v.filter).toEqual({ types: ['JOB_FAIR'], text: '招聘' });
  });
});
