import { describe, expect, it } from '@jest/globals';
import { calendarFilter, readCalendarParams, shiftAnchor, visibleDates, writeCalendarParams } from './calendar-params.js';

const TODAY = '2027-03-17';

describe('calendar URL params', () => {
  it('defaults to this month with no filters', () => {
    expect(readCalendarParams(new URLSearchParams(), TODAY)).toEqual({
      view: 'month',
      date: TODAY,
      types: [],
      subtype: null,
      regionCode: null,
      statuses: [],
      text: '',
    });
  });

  it('drops unknown values', () => {
    const p = readCalendarParams(new URLSearchParams('view=year&date=2027-13-45&types=JOB_FAIR,NOPE,JOB_FAIR&statuses=DRAFT,X'), TODAY);
    expect(p.view).toBe('month');
    expect(p.date).toBe(TODAY);
    expect(p.types).toEqual(['JOB_FAIR']);
    expect(p.statuses).toEqual(['DRAFT']);
  });

  it('round-trips through the URL, leaving defaults out', () => {
    const p = {
      view: 'week' as const,
      date: '2027-05-05',
      types: ['JOB_FAIR' as const, 'TRAINING' as const],
      subtype: 'GENERAL',
      regionCode: '371302',
      statuses: ['PUBLISHED' as const],
      text: '春风',
    };
    const written = writeCalendarParams(p, TODAY);
    expect(readCalendarParams(written, TODAY)).toEqual(p);
    expect(writeCalendarParams({ ...p, view: 'month', date: TODAY, types: [], subtype: null, regionCode: null, statuses: [], text: '' }, TODAY).toString()).toBe('');
  });
});

describe('visible dates', () => {
  it('covers six whole weeks around the month, from the locale week start', () => {
    // 2027-03-01 is a Monday.
    expect(visibleDates('month', '2027-03-17', 1)).toEqual({ start: '2027-03-01', end: '2027-04-12' });
    expect(visibleDates('month', '2027-03-17', 0)).toEqual({ start: '2027-02-28', end: '2027-04-11' });
  });

  it('covers one week for the week view and the month for the list', () => {
    expect(visibleDates('week', '2027-03-17', 1)).toEqual({ start: '2027-03-15', end: '2027-03-22' });
    expect(visibleDates('week', '2027-03-21', 1)).toEqual({ start: '2027-03-15', end: '2027-03-22' });
    expect(visibleDates('week', '2027-03-21', 0)).toEqual({ start: '2027-03-21', end: '2027-03-28' });
    expect(visibleDates('list', '2027-02-10', 1)).toEqual({ start: '2027-02-01', end: '2027-03-01' });
  });

  it('steps by the view length', () => {
    expect(shiftAnchor('month', '2027-01-31', 1)).toBe('2027-02-28');
    expect(shiftAnchor('week', '2027-01-31', -1)).toBe('2027-01-24');
  });

  it('builds the API filter in UTC instants of Shanghai midnights', () => {
    const filter = calendarFilter(readCalendarParams(new URLSearchParams('view=week&types=JOB_FAIR&q=夜校'), TODAY), 1);
    expect(filter).toEqual({
      from: '2027-03-14T16:00:00.000Z',
      to: '2027-03-21T16:00:00.000Z',
      types: ['JOB_FAIR'],
      text: '夜校',
    });
  });
});
