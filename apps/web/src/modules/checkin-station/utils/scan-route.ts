import { sessionRefresher } from '../../auth/utils/session-refresher.js';
import { sessionTokens } from '../../auth/utils/session-tokens.js';
import type { AttendanceCounts, ScanResult } from './scan-logic.js';
import type { ScanInputs } from './station-sync.js';

/** The API's scan route (docs/attendance.md#the-scan-route): the `uploadScans` contract on a lean path. */
export const SCAN_ROUTE = '/api/attendance/scans';

/** An answer of the route that is not a success: status and the API's errors (`extensions.code/reason`), like a GraphQL failure. */
export class ScanRouteError extends Error {
  constructor(
    readonly statusCode: number,
    readonly errors: Array<{ message?: string; extensions?: Record<string, unknown> }>,
  ) {
    super(errors[0]?.message ?? `HTTP ${statusCode}`);
    this.name = 'ScanRouteError';
  }
}

interface Deps {
  getAccessToken(): string | null;
  getRefreshToken(): string | null;
  refresh(): Promise<{ ok: boolean }>;
  fetch: typeof fetch;
  language(): string;
}

const defaultDeps = (): Deps => ({
  getAccessToken: () => sessionTokens.getAccessToken(),
  getRefreshToken: () => sessionTokens.getRefreshToken(),
  refresh: () => sessionRefresher.refresh(),
  fetch: (...args) => fetch(...args),
  language: () => document.documentElement.lang || 'zh-CN',
});

/**
 * Uploads scans through the route. An expired access token is refreshed once and the upload repeated (the scan
 * ids make that safe); a network failure throws the fetch's TypeError (the station then works offline), an
 * answer that is not a success throws ScanRouteError (400: refused input; 5xx: retried later).
 */
export async function postScans(eventId: string, scans: ScanInputs, deps: Deps = defaultDeps()): Promise<{ results: ScanResult[]; counts: AttendanceCounts }> {
  const body = JSON.stringify({ eventId, scans });
  const send = () => {
    const token = deps.getAccessToken();
    return deps.fetch(SCAN_ROUTE, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': deps.language(), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body,
    });
  };
  let res = await send();
  if (res.status === 401 && deps.getRefreshToken() && (await deps.refresh()).ok) res = await send();
  const answer = (await res.json().catch(() => null)) as { results?: ScanResult[]; counts?: AttendanceCounts; errors?: ScanRouteError['errors'] } | null;
  if (!res.ok || !answer?.results || !answer.counts) throw new ScanRouteError(res.status, answer?.errors ?? []);
  return { results: answer.results, counts: answer.counts };
}
