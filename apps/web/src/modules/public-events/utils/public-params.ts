import { EVENT_TYPES, type EventType } from '@leye/domain';
import dayjs from 'dayjs';
import type { EventFilter } from '../../../generated/graphql.js';
import { isIsoDate, shanghaiInstant } from '../../events/utils/shanghai-time.js';

export const PUBLIC_PAGE_SIZE = 12;

/** Drafts never show on public pages, even to a signed-in organizer browsing them. */
const PUBLIC_STATUSES = ['PUBLISHED', 'CANCELLED', 'COMPLETED'] as const;

/** Filters of the public event list, kept in the URL (?type=&region=&from=&to=&q=&page=) so a search can be shared. */
export interface PublicParams {
  type: EventType | null;
  regionCode: string | null;
  /** Shanghai dates, inclusive. */
  from: string | null;
  to: string | null;
  text: string;
  page: number;
}

export function readPublicParams(params: URLSearchParams): PublicParams {
  const type = params.get('type');
  const from = params.get('from');
  const to = params.get('to');
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  return {
    type: (EVENT_TYPES as readonly string[]).includes(type ?? '') ? (type as EventType) : null,
    regionCode: params.get('region') || null,
    from: from && isIsoDate(from) ? from : null,
    to: to && isIsoDate(to) ? to : null,
    text: params.get('q')?.trim() ?? '',
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

export function writePublicParams(p: PublicParams): URLSearchParams {
  const out = new URLSearchParams();
  if (p.type) out.set('type', p.type);
  if (p.regionCode) out.set('region', p.regionCode);
  if (p.from) out.set('from', p.from);
  if (p.to) out.set('to', p.to);
  if (p.text) out.set('q', p.text);
  if (p.page > 1) out.set('page', String(p.page));
  return out;
}

/** Upcoming events (from now) unless a first day is chosen; a last day is included in full. */
export function publicFilter(p: PublicParams, now: Date): EventFilter {
  return {
    from: p.from ? shanghaiInstant(p.from) : now.toISOString(),
    ...(p.to ? { to: shanghaiInstant(dayjs(p.to).add(1, 'day').format('YYYY-MM-DD')) } : {}),
    ...(p.type ? { types: [p.type] } : {}),
    ...(p.regionCode ? { regionCode: p.regionCode } : {}),
    ...(p.text ? { text: p.text } : {}),
    statuses: [...PUBLIC_STATUSES],
  };
}
