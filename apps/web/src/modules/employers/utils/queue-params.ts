import type { EmployerFilter, EmployerStatus } from '../../../generated/graphql.js';
import { EMPLOYER_STATUSES } from './employer-status.js';

/** The queue's filters live in the URL (?status=&region=&q=&page=) so a view can be shared or revisited. */
export interface QueueParams {
  /** null = all statuses. */
  status: EmployerStatus | null;
  regionCode: string | null;
  search: string;
  page: number;
}

export function readQueueParams(params: URLSearchParams): QueueParams {
  const rawStatus = params.get('status');
  const status =
    rawStatus === 'ALL' ? null : EMPLOYER_STATUSES.includes(rawStatus as EmployerStatus) ? (rawStatus as EmployerStatus) : 'PENDING';
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  return {
    status,
    regionCode: params.get('region') || null,
    search: params.get('q')?.trim() ?? '',
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

export function writeQueueParams(q: QueueParams): URLSearchParams {
  const out = new URLSearchParams();
  if (q.status !== 'PENDING') out.set('status', q.status ?? 'ALL');
  if (q.regionCode) out.set('region', q.regionCode);
  if (q.search) out.set('q', q.search);
  if (q.page > 1) out.set('page', String(q.page));
  return out;
}

export function queueFilter(q: QueueParams): EmployerFilter {
  return {
    ...(q.status ? { status: q.status } : {}),
    ...(q.regionCode ? { regionCode: q.regionCode } : {}),
    ...(q.search ? { search: q.search } : {}),
  };
}
