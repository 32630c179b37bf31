import { describe, expect, it, jest } from '@jest/globals';
import { REFRESH_TOKEN_STORAGE_KEY, SessionTokens } from './session-tokens.js';

function memoryStorage() {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  };
}

describe('SessionTokens', () => {
  it('keeps the access token in memory and only the refresh token in storage', () => {
    const storage = memoryStorage();
    const tokens = new SessionTokens(storage);
    tokens.set({ accessToken: 'a1', accessTokenExpiresAt: '2030-01-01T00:00:00.000Z', refreshToken: 'r1' });
    expect(tokens.getAccessToken()).toBe('a1');
    expect(tokens.getAccessTokenExpiresAt()).toBe(Date.parse('2030-01-01T00:00:00.000Z'));
    expect([...storage.map.entries()]).toEqual([[REFRESH_TOKEN_STORAGE_KEY, 'r1']]);
  });

  it('replaces the refresh token on rotation and notifies listeners', () => {
    const storage = memoryStorage();
    const tokens = new SessionTokens(storage);
    const listener = jest.fn();
    tokens.subscribe(listener);
    tokens.set({ accessToken: 'a1', accessTokenExpiresAt: 'x', refreshToken: 'r1' });
    tokens.set({ accessToken: 'a2', accessTokenExpiresAt: 'x', refreshToken: 'r2' });
    expect(tokens.getRefreshToken()).toBe('r2');
    expect(tokens.getAccessTokenExpiresAt()).toBeNull();
    expect(listener.mock.calls).toEqual([['a1'], ['a2']]);
  });

  it('clears both tokens', () => {
    const storage = memoryStorage();
    const tokens = new SessionTokens(storage);
    const listener = jest.fn();
    tokens.set({ accessToken: 'a1', accessTokenExpiresAt: 'x', refreshToken: 'r1' });
    tokens.subscribe(listener);
    tokens.clear();
    expect(tokens.getAccessToken()).toBeNull();
    expect(tokens.getRefreshToken()).toBeNull();
    expect(listener).toHaveBeenCalledWith(null);
  });
});
