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

  it('keeps a hot key fresh off the request path, at most `backgroundRefreshes` computations at a time, and stops once it is cold', async () => {
    const cache = new SwrCache<number>(40, 120, 300, 1);
    let running = 0;
    let most = 0;
    let runs = 0;
    const compute = async () => {
      running++;
      most = Math.max(most, running);
      await sleep(15);
      running--;
      return ++runs;
    };
    await Promise.all([cache.get('a', compute), cache.get('b', compute)]); // two waits: computed at once
    most = 0;
    const before = cache.stats.backgroundRefreshes;
    // No request for 200 ms (past the 120 ms bound): the refresher kept both keys fresh, one computation at a time.
    await sleep(200);
    expect(cache.stats.backgroundRefreshes - before).toBeGreaterThanOrEqual(4);
    expect(most).toBe(1);
    const waits = cache.stats.waits;
    expect(await cache.get('a', compute)).toBeGreaterThan(2);
    expect(cache.stats.waits).toBe(waits); // served at once: nobody waited after the pause
    // Cold (not asked for longer than hotMs): no more refreshes.
    await sleep(450);
    const cold = cache.stats.backgroundRefreshes;
    await sleep(150);
    expect(cache.stats.backgroundRefreshes).toBe(cold);
    cache.stop();
  });

  it('with computeMany, refreshes every due key in one computation; a waiting request still computes its key alone', async () => {
    const batches: string[][] = [];
    const cache = new SwrCache<string>(40, 120, 300, 1, async (keys) => {
      batches.push(keys);
      await sleep(5);
      return new Map(keys.map((k) => [k, `${k}@${batches.length}`]));
    });
    const one = (key: string) => async () => `${key}@alone`;
    expect(await Promise.all(['a', 'b', 'c'].map((k) => cache.get(k, one(k))))).toEqual(['a@alone', 'b@alone', 'c@alone']);
    await sleep(100);
    // The three keys went stale together and were refreshed by one call each time.
    expect(batches.length).toBeGreaterThanOrEqual(1);
    expect(batches[0]!.sort()).toEqual(['a', 'b', 'c']);
    expect(await cache.get('b', one('b'))).toMatch(/^b@\d+$/);
    cache.stop();
  });

  it('when a batch fails, computes each key on its own, so one bad key does not hold up the others', async () => {
    let batchCalls = 0;
    const cache = new SwrCache<string>(40, 120, 300, 1, async () => {
      batchCalls++;
      throw new Error('one region failed');
    });
    let alone = 0;
    const one = (key: string) => async () => {
      alone++;
      return `${key}@${alone}`;
    };
    await Promise.all(['a', 'b'].map((k) => cache.get(k, one(k))));
    const first = alone;
    await sleep(100);
    // The background batch failed, and each key was refreshed alone instead: still fresh, nobody waits.
    expect(batchCalls).toBeGreaterThanOrEqual(1);
    expect(alone).toBeGreaterThan(first);
    const waits = cache.stats.waits;
    expect(await cache.get('a', one('a'))).toMatch(/^a@\d+$/);
    expect(cache.stats.waits).toBe(waits);
    cache.stop();
  });
});
