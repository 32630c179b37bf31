import pg from 'pg';
import type { DataSource } from 'typeorm';

/** Waits (bounded) until the job queue has nothing left to do: no job created, waiting to retry, or running. */
export async function jobsSettled(t: { ds: DataSource }, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE state IN ('created','retry','active') AND name LIKE 'event.%'`);
    if (n === 0) return;
    if (Date.now() > deadline) throw new Error(`${n} domain-event jobs still pending after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Retries `check` (bounded) until it stops throwing; returns its value. */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** True for the job queue's own connections (they poll in the background, so query counts leave them out). */
export function isJobQueueClient(client: unknown): boolean {
  return (client as { connectionParameters?: { application_name?: string } }).connectionParameters?.application_name === 'leye-jobs';
}

/** Counts SQL statements sent through `pg` while `fn` runs (the job queue's own polling left out). */
export async function countQueries(fn: () => Promise<unknown>): Promise<number> {
  const proto = pg.Client.prototype as unknown as { query: (...a: unknown[]) => unknown };
  const original = proto.query;
  let n = 0;
  proto.query = function (this: unknown, ...args: unknown[]) {
    if (!isJobQueueClient(this)) n++;
    return original.apply(this, args);
  };
  try {
    await fn();
  } finally {
    proto.query = original;
  }
  return n;
}

/**
 * The fewest statements `fn` sent in `runs` runs: background timers (autopilot, the viewer ledger, the dashboard
 * refresher) may add statements to one run's count, never take any away. For repeatable reads only.
 */
export async function leastQueries(fn: () => Promise<unknown>, runs = 3): Promise<number> {
  const counts: number[] = [];
  for (let i = 0; i < runs; i++) counts.push(await countQueries(fn));
  return Math.min(...counts);
}
