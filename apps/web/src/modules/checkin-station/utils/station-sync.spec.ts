import { describe, expect, it } from '@jest/globals';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import type { ScanResult, StationScan } from './scan-logic.js';
import { StationDatabase } from './station-db.js';
import { StationSync, type ScanInputs } from './station-sync.js';

const EVENT = '11111111-1111-4111-8111-111111111111';
let dbCount = 0;

function newDb() {
  dbCount += 1;
  return new StationDatabase(`station-test-${dbCount}`, { indexedDB, IDBKeyRange });
}

function scan(i: number, overrides: Partial<StationScan> = {}): StationScan {
  return {
    scanId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    eventId: EVENT,
    gateId: 'g1',
    code: `LT1.${i}.sig`,
    registrationId: null,
    scannedAt: new Date(Date.UTC(2026, 11, 2, 8, 0, 0, i)).toISOString(),
    offline: true,
    source: 'TYPED',
    local: 'ADMITTED',
    subjectId: `r${i}`,
    displayName: null,
    state: 'PENDING',
    outcome: null,
    attempts: 0,
    ...overrides,
  };
}

const counts = { admitted: 0, reentries: 0, conflicts: 0, scans: 0 };
const admitAll = (scans: ScanInputs): ScanResult[] => scans.map((s) => ({ scanId: s.scanId, outcome: 'ADMITTED', registrationId: null, displayName: null }));

describe('StationSync', () => {
  it('drains a queue in batches of the API’s limit, oldest first, and leaves nothing pending', async () => {
    // 120 scans in batches of 50 (the page uses 500; fewer rows keep the in-memory IndexedDB quick).
    const db = newDb();
    await db.scans.bulkPut(Array.from({ length: 120 }, (_, i) => scan(i)));
    const sizes: number[] = [];
    const firsts: string[] = [];
    const sync = new StationSync({
      db,
      eventId: EVENT,
      batchSize: 50,
      upload: async (_eventId, scans) => {
        sizes.push(scans.length);
        firsts.push(scans[0]!.scanId);
        return { results: admitAll(scans), counts };
      },
    });
    await sync.drain();
    expect(sizes).toEqual([50, 50, 20]);
    expect(firsts[0]).toBe(scan(0).scanId);
    expect(firsts[1]).toBe(scan(50).scanId);
    expect(await db.pendingScans(EVENT)).toHaveLength(0);
    expect((await db.eventScans(EVENT)).every((s) => s.state === 'SYNCED' && s.outcome === 'ADMITTED')).toBe(true);
  });

  it('keeps scans pending through a network failure, retries later, and ends with each scan recorded once', async () => {
    const db = newDb();
    await db.scans.bulkPut([scan(1), scan(2)]);
    let network = false;
    const server = new Map<string, string>();
    const timers: (() => void)[] = [];
    const states: boolean[] = [];
    const sync = new StationSync({
      db,
      eventId: EVENT,
      upload: async (_eventId, scans) => {
        if (!network) throw new TypeError('Failed to fetch');
        return {
          results: scans.map((s) => {
            const outcome = server.has(s.scanId) ? 'ALREADY_RECORDED' : 'ADMITTED';
            server.set(s.scanId, 'ADMITTED');
            return { scanId: s.scanId, outcome, registrationId: null, displayName: null };
          }),
          counts: { ...counts, admitted: server.size },
        };
      },
      onChange: (state) => states.push(state.lastNetworkFailureAt !== null),
      setTimer: (fn) => timers.push(fn),
      clearTimer: () => undefined,
    });
    await sync.drain();
    expect(sync.snapshot.failures).toBe(1);
    expect(sync.snapshot.lastNetworkFailureAt).not.toBeNull();
    expect(await db.pendingScans(EVENT)).toHaveLength(2);
    expect(timers).toHaveLength(1);

    // More scans while offline; the network returns; the retry timer fires.
    await db.scans.put(scan(3));
    network = true;
    timers.shift()!();
    await new Promise((r) => setTimeout(r, 50));
    await sync.drain();
    expect(await db.pendingScans(EVENT)).toHaveLength(0);
    expect(server.size).toBe(3);
    expect(sync.snapshot.lastNetworkFailureAt).toBeNull();
    expect(states.at(-1)).toBe(false);

    // An answer lost on the way back: the same scans uploaded again are recorded once and keep their outcome.
    await db.scans.bulkPut((await db.eventScans(EVENT)).map((s) => ({ ...s, state: 'PENDING' as const })));
    await sync.drain();
    const all = await db.eventScans(EVENT);
    expect(all.map((s) => s.outcome)).toEqual(['ADMITTED', 'ADMITTED', 'ADMITTED']);
    expect(server.size).toBe(3);
  });

  it('stops instead of looping when the server answers for none of the batch', async () => {
    const db = newDb();
    await db.scans.put(scan(1));
    let calls = 0;
    const timers: (() => void)[] = [];
    const sync = new StationSync({
      db,
      eventId: EVENT,
      upload: async () => {
        calls += 1;
        return { results: [], counts };
      },
      setTimer: (fn) => timers.push(fn),
      clearTimer: () => undefined,
    });
    await sync.drain();
    expect(calls).toBe(1);
    expect(timers).toHaveLength(1);
    const [pending] = await db.pendingScans(EVENT);
    expect(pending!.attempts).toBe(1);
  });

  it('keeps a refused batch pending and remembers the error (no network failure)', async () => {
    const db = newDb();
    await db.scans.put(scan(1));
    const sync = new StationSync({
      db,
      eventId: EVENT,
      upload: async () => {
        throw new Error('FORBIDDEN');
      },
      setTimer: () => 0,
      clearTimer: () => undefined,
    });
    await sync.drain();
    expect(sync.snapshot.lastNetworkFailureAt).toBeNull();
    expect(String(sync.snapshot.lastError)).toContain('FORBIDDEN');
    expect(await db.pendingScans(EVENT)).toHaveLength(1);
  });

  it('sets aside a scan the API refuses as bad input, so the rest of the queue still goes up', async () => {
    const db = newDb();
    await db.scans.bulkPut([scan(1), scan(2, { gateId: 'removed-gate' }), scan(3), scan(4)]);
    const calls: number[] = [];
    const sync = new StationSync({
      db,
      eventId: EVENT,
      upload: async (_e, scans) => {
        calls.push(scans.length);
        if (scans.some((s) => s.gateId === 'removed-gate')) {
          throw { errors: [{ message: 'A scan names a gate of another event', extensions: { code: 'BAD_USER_INPUT', reason: 'UNKNOWN_GATE' } }] };
        }
        return { results: admitAll(scans), counts };
      },
      setTimer: () => 0,
      clearTimer: () => undefined,
    });
    await sync.drain();
    // The batch of 4 is refused, then the scans go one by one: 1 ok, 2 refused, 3 ok, 4 ok (batching resumes).
    expect(calls).toEqual([4, 1, 1, 1, 1]);
    const all = await db.eventScans(EVENT);
    expect(all.map((s) => s.state)).toEqual(['SYNCED', 'REFUSED', 'SYNCED', 'SYNCED']);
    expect(await db.pendingScans(EVENT)).toHaveLength(0);
  });

  it('runs one drain at a time and once more for scans added meanwhile', async () => {
    const db = newDb();
    await db.scans.put(scan(1));
    let inFlight = 0;
    let maxInFlight = 0;
    let calls = 0;
    const sync = new StationSync({
      db,
      eventId: EVENT,
      upload: async (_e, scans) => {
        calls += 1;
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await new Promise((r) => setTimeout(r, 20));
        inFlight -= 1;
        return { results: admitAll(scans), counts };
      },
    });
    const first = sync.drain();
    await db.scans.put(scan(2));
    const second = sync.drain();
    await Promise.all([first, second]);
    await new Promise((r) => setTimeout(r, 100));
    expect(maxInFlight).toBe(1);
    expect(await db.pendingScans(EVENT)).toHaveLength(0);
    expect(calls).toBeGreaterThanOrEqual(1);
  });
});
