import { EVENT_STATUSES, EVENT_TYPES, type EventStatus, type EventType } from '@leye/domain';
import dayjs from 'dayjs';
import type { EventFilter } from '../../../generated/graphql.js';
import { isIsoDate, shanghaiInstant } from './shanghai-time.js';

export const CALENDAR_VIEWS = ['month', 'week', 'list'] as const;
export type CalendarView = (typeof CALENDAR_VIEWS)[number];

/**
 * The organizer calendar keeps its view, anchor date and filters in the URL
 * (?view=&date=&types=&subtype=&region=&statuses=&q=) so a view can be shared or revisited.
 */
export interface CalendarParams {
  view: CalendarView;
  /** Shanghai date (YYYY-MM-DD) the view is anchored on; `today` when absent. */
  date: string;
  types: EventType[];
  subtype: string | null;
  regionCode: string | null;
  statuses: EventStatus[];
  text: string;
}

function list<T extends string>(raw: string | null, allowed: readonly T[]): T[] {
  return (raw ?? '')
    .split(',')
    .filter((v): v is T => (allowed as readonly string[]).includes(v))
    .filter((v, i, all) => all.indexOf(v) === i);
}

export function readCalendarParams(params: URLSearchParams, today: string): CalendarParams {
  const view = params.get('view');
  const date = params.get('date');
  return {
    view: (CALENDAR_VIEWS as readonly string[]).includes(view ?? '') ? (view as CalendarView) : 'month',
    date: date && isIsoDate(date) ? date : today,
    types: list(params.get('types'), EVENT_TYPES),
    subtype: params.get('subtype') || null,
    regionCode: params.get('region') || null,
    statuses: list(params.get('statuses'), EVENT_STATUSES),
    text: params.get('q')?.trim() ?? '',
  };
}

export function writeCalendarParams(p: CalendarParams, today: string): URLSearchParams {
  const out = new URLSearchParams();
  if (p.view !== 'month') out.set('view', p.view);
  if (p.date !== today) out.set('date', p.date);
  if (p.types.length) out.set('types', p.types.join(','));
  if (p.subtype) out.set('subtype', p.subtype);
  if (p.regionCode) out.set('region', p.regionCode);
  if (p.statuses.length) out.set('statuses', p.statuses.join(','));
  if (p.text) out.set('q', p.text);
  return out;
}

/** 0 = Sunday (English), 1 = Monday (Chinese) — the same first day antd's Calendar uses for the locale. */
export type WeekStart = 0 | 1;

/** The dates a view shows: [start, end) as Shanghai dates. */
export function visibleDates(view: CalendarView, anchor: string, weekStart: WeekStart): { start: string; end: string } {
  const day = dayjs(anchor);
  const weekBegin = (d: dayjs.Dayjs) => d.subtract((d.day() - weekStart + 7) % 7, 'day');
  if (view === 'week') {
    const start = weekBegin(day);
    return { start: start.format('YYYY-MM-DD'), end: start.add(7, 'day').format('YYYY-MM-DD') };
  }
  if (view === 'list') {
    const start = day.startOf('month');
    return { start: start.format('YYYY-MM-DD'), end: start.add(1, 'month').format('YYYY-MM-DD') };
  }
  // The month grid: six whole weeks starting on the week that holds the 1st.
  const start = weekBegin(day.startOf('month'));
  return { start: start.format('YYYY-MM-DD'), end: start.add(42, 'day').format('YYYY-MM-DD') };
}

/** Moves the anchor one view-length back or forward. */
export function shiftAnchor(view: CalendarView, anchor: string, step: -1 | 1): string {
  return dayjs(anchor)
    .add(step, view === 'week' ? 'week' : 'month')
    .format('YYYY-MM-DD');
}

export function calendarFilter(p: CalendarParams, weekStart: WeekStart): EventFilter {
  const { start, end } = visibleDates(p.view, p.date, weekStart);
  return {
    from: shanghaiInstant(start),
    to: shanghaiInstant(end),
    ...(p.types.length ? { types: p.types } : {}),
    ...(p.subtype ? { subtype: p.subtype } : {}),
    ...(p.regionCode ? { regionCode: p.regionCode } : {}),
    ...(p.statuses.length ? { statuses: p.statuses } : {}),
    ...(p.text ? { text: p.text } : {}),
  };
}
