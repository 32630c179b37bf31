import { describe, expect, it, jest } from '@jest/globals';
import { SessionRefresher } from './session-refresher.js';
import { SessionTokens } from './session-tokens.js';

function memoryStorage(initial: Record<string, string> = {}) {
  const map = new Map(Object.entries(initial));
  return {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  };
}

const session = (n: number) => ({
  __typename: 'AuthPayload' as const,
  accessToken: `access-${n}`,
  accessTokenExpiresAt: '2030-01-01T00:00:00.000Z',
  refreshToken: `refresh-${n}`,
  user: {
    __typename: 'User' as const,
    id: 'u1',
    role: 'EMPLOYER' as const,
    displayName: '张经理',
    email: null,
    phone: null,
    locale: 'zh-CN',
    createdAt: '2025-06-06T00:00:00.000Z',
    region: null,
  },
});

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

function setup(fetchImpl: typeof fetch) {
  const tokens = new SessionTokens(memoryStorage({ 'leye.refreshToken': 'refresh-0' }));
  const refresher = new SessionRefresher(tokens, '/graphql', fetchImpl);
  return { tokens, refresher };
}

describe('SessionRefresher', () => {
  it('rotates: stores the new pair and sends the old refresh token', async () => {
    const fetchImpl = jest.fn<typeof fetch>().mockResolvedValue(json({ data: { refreshSession: session(1) } }));
    const { tokens, refresher } = setup(fetchImpl);
    const outcome = await refresher.refresh();
    expect(outcome.ok).toBe(true);
    expect(tokens.getAccessToken()).toBe('access-1');
    expect(tokens.getRefreshToken()).toBe('refresh-1');
    const body = JSON.parse(String(fetchImpl.mock.calls[0]![1]!.body));
    expect(body.variables).toEqual({ refreshToken: 'refresh-0' });
    expect(body.query).toContain('refreshSession');
    expect(body.query).toContain('__typename');
  });

  it('shares one request between concurrent callers', async () => {
    let resolve!: (r: Response) => void;
    const fetchImpl = jest.fn<typeof fetch>().mockReturnValue(new Promise((r) => (resolve = r)));
    const { refresher } = setup(fetchImpl);
    const a = refresher.refresh();
    const b = refresher.refresh();
    resolve(json({ data: { refreshSession: session(2) } }));
    expect(await a).toEqual(await b);
    expect(fetchImpl).toHaveBeenCalledTimes(1);
  });

  it('ends the session when the refresh token is refused', async () => {
    const fetchImpl = jest
      .fn<typeof fetch>()
      .mockResolvedValue(json({ data: null, errors: [{ message: 'expired', extensions: { code: 'UNAUTHENTICATED' } }] }));
    const { tokens, refresher } = setup(fetchImpl);
    const expired = jest.fn();
    refresher.onExpired(expired);
    expect(await refresher.refresh()).toEqual({ ok: false, reason: 'REJECTED' });
    expect(tokens.getRefreshToken()).toBeNull();
    expect(expired).toHaveBeenCalledTimes(1);
  });

  it('keeps the session when the network fails', async () => {
    const fetchImpl = jest.fn<typeof fetch>().mockRejectedValue(new TypeError('Failed to fetch'));
    const { tokens, refresher } = setup(fetchImpl);
    await expect(refresher.refresh()).rejects.toThrow('Failed to fetch');
    expect(tokens.getRefreshToken()).toBe('refresh-0');
  });

  it('does nothing without a refresh token', async () => {
    const fetchImpl = jest.fn<typeof fetch>();
    const refresher = new SessionRefresher(new SessionTokens(memoryStorage()), '/graphql', fetchImpl);
    expect(await refresher.refresh()).toEqual({ ok: false, reason: 'NO_TOKEN' });
    expect(fetchImpl).not.toHaveBeenCalled();
  });
});
