import { describe, expect, it } from '@jest/globals';
import { isNetworkError, isRefusal } from './scan-logic.js';
import { postScans, SCAN_ROUTE, ScanRouteError } from './scan-route.js';

const answer = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const OK = { results: [{ scanId: 's1', outcome: 'ADMITTED', registrationId: 'r1', displayName: '张*华', original: null }], counts: { admitted: 1, reentries: 0, conflicts: 0, scans: 1 } };
const scans = [{ scanId: 's1', gateId: 'g1', code: 'LT1.x', scannedAt: '2026-12-02T10:00:00.000Z', offline: false }];

function deps(responses: Response[], tokens = { access: 'a1', refresh: 'r' as string | null }) {
  const calls: Array<{ url: string; auth: string | undefined; body: string }> = [];
  let refreshed = 0;
  return {
    calls,
    refreshed: () => refreshed,
    deps: {
      getAccessToken: () => tokens.access,
      getRefreshToken: () => tokens.refresh,
      refresh: async () => {
        refreshed++;
        tokens.access = 'a2';
        return { ok: true };
      },
      fetch: (async (url: string, init: RequestInit) => {
        calls.push({ url, auth: (init.headers as Record<string, string>).authorization, body: String(init.body) });
        return responses.shift()!;
      }) as unknown as typeof fetch,
      language: () => 'zh-CN',
    },
  };
}

describe('postScans (the station\'s scan route)', () => {
  it('posts the scans with the bearer token and answers results and counts', async () => {
    const d = deps([answer(200, OK)]);
    await expect(postScans('e1', scans, d.deps)).resolves.toEqual({ results: OK.results, counts: OK.counts });
    expect(d.calls).toEqual([{ url: SCAN_ROUTE, auth: 'Bearer a1', body: JSON.stringify({ eventId: 'e1', scans }) }]);
  });

  it('refreshes an expired session once and repeats the same upload', async () => {
    const d = deps([answer(401, { errors: [{ extensions: { code: 'UNAUTHENTICATED', reason: 'SESSION_EXPIRED' } }] }), answer(200, OK)]);
    await postScans('e1', scans, d.deps);
    expect(d.refreshed()).toBe(1);
    expect(d.calls.map((c) => c.auth)).toEqual(['Bearer a1', 'Bearer a2']);
    expect(d.calls[0]!.body).toBe(d.calls[1]!.body);
  });

  it('turns answers into errors the sync loop understands: 400 refused, 5xx retried, 403 shown', async () => {
    const refused = await postScans('e1', scans, deps([answer(400, { errors: [{ message: 'x', extensions: { code: 'BAD_USER_INPUT', reason: 'UNKNOWN_GATE' } }] })]).deps).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ScanRouteError);
    expect([isRefusal(refused), isNetworkError(refused)]).toEqual([true, false]);
    const down = await postScans('e1', scans, deps([answer(503, { errors: [] })]).deps).catch((e: unknown) => e);
    expect([isRefusal(down), isNetworkError(down)]).toEqual([false, true]);
    const forbidden = await postScans('e1', scans, deps([answer(403, { errors: [{ extensions: { code: 'FORBIDDEN', reason: 'NOT_ALLOWED' } }] })]).deps).catch((e: unknown) => e);
    expect([isRefusal(forbidden), isNetworkError(forbidden), (forbidden as ScanRouteError).errors[0]!.extensions!.code]).toEqual([false, false, 'FORBIDDEN']);
  });

  it('lets a network failure through as such (the station goes offline)', async () => {
    const failing = { ...deps([]).deps, fetch: (async () => { throw new TypeError('Failed to fetch'); }) as unknown as typeof fetch };
    const error = await postScans('e1', scans, failing).catch((e: unknown) => e);
    expect(isNetworkError(error)).toBe(true);
  });
});
