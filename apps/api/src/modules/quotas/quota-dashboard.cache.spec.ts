import { SwrCache } from './quota-dashboard.cache.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A computation that counts its runs and can be held open. */
function source() {
  let runs = 0;
  let release: (() => void) | null = null;
  return {
    get runs() {
      return runs;
    },
    hold() {
      return new Promise<void>((r) => (release = r));
    },
    compute: (gate?: Promise<void>) => async () => {
      const n = ++runs;
      if (gate) await gate;
      return n;
    },
    release: () => release?.(),
  };
}

describe('SwrCache (dashboard freshness)', () => {
  it('shares one computation between concurrent requests (single-flight)', async () => {
    const cache = new SwrCache<number>(50, 150);
    const s = source();
    const gate = s.hold();
    const all = Promise.all(Array.from({ length: 5 }, () => cache.get('k', s.compute(gate))));
    s.release();
    expect(await all).toEqual([1, 1, 1, 1, 1]);
    expect(s.runs).toBe(1);
  });

  it('serves fresh answers, serves stale ones while refreshing in the background, and waits once past the bound', async () => {
    const cache = new SwrCache<number>(50, 150);
    const s = source();
    expect(await cache.get('k', s.compute())).toBe(1);
    expect(await cache.get('k', s.compute())).toBe(1); // fresh
    expect(s.runs).toBe(1);
    await sleep(70);
    const gate = s.hold();
    // Stale but within the bound: answered at once with the old figure, one refresh starts.
    expect(await cache.get('k', s.compute(gate))).toBe(1);
    expect(await cache.get('k', s.compute(gate))).toBe(1);
    expect(s.runs).toBe(2);
    s.release();
    await sleep(5);
    expect(await cache.get('k', s.compute())).toBe(2);
    // Past the bound: the request waits for new figures.
    await sleep(170);
    expect(await cache.get('k', s.compute())).toBe(3);
  });

  it('invalidate makes the next request compute anew and drops results computed before it', async () => {
    const cache = new SwrCache<number>(1000, 2000);
    const s = source();
    const gate = s.hold();
    const first = cache.get('k', s.compute(gate));
    cache.invalidate();
    s.release();
    expect(await first).toBe(1);
    expect(await cache.get('k', s.compute())).toBe(2);
    cache.invalidate();
    expect(await cache.get('k', s.compute())).toBe(3);
    expect(await cache.get('other', s.compute())).toBe(4);
  });

  it('a failed computation is not cached', async () => {
    const cache = new SwrCache<number>(1000, 2000);
    await expect(cache.get('k', () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect(await cache.get('k', async () => 7)).toBe(7);
  });
});
