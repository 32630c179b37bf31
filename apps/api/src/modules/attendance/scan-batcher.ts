/**
 * Micro-batching (group commit) for the scan path: scans of one event that arrive while earlier ones are
 * on their way to PostgreSQL are queued, and sent together in ONE call of `attendance_record_scans`
 * (one round trip, one transaction, one counter update) as soon as a slot frees. Nothing waits on a timer:
 * a scan arriving when a slot is free leaves on the next turn of the event loop (`setImmediate`, so the
 * requests already read in the same turn join it); under load the batches grow by themselves. Each caller
 * gets its own results, in its own order.
 *
 * A batch that fails as a whole with a retryable error (deadlock, serialization failure: the transaction
 * was rolled back, nothing was recorded) is sent again; a batch of several callers that fails otherwise is
 * split, so one caller's bad input cannot fail the others.
 */
export interface BatchFlush<I, R> {
  (items: I[]): Promise<R[]>;
}

interface Waiting<I, R> {
  items: I[];
  resolve: (results: R[]) => void;
  reject: (error: unknown) => void;
}

/** PostgreSQL deadlock_detected, serialization_failure: the whole transaction was rolled back. */
export function isRetryable(error: unknown): boolean {
  const code = (error as { code?: unknown; driverError?: { code?: unknown } } | null)?.code ?? (error as { driverError?: { code?: unknown } } | null)?.driverError?.code;
  return code === '40P01' || code === '40001';
}

export async function withRetry<T>(run: () => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= attempts || !isRetryable(error)) throw error;
      await new Promise((r) => setTimeout(r, Math.random() * 5 * attempt));
    }
  }
}

export class MicroBatcher<I, R> {
  private readonly queues = new Map<string, { waiting: Array<Waiting<I, R>>; inFlight: number; scheduled: boolean }>();
  /** Batches sent, and items in them (for the docs' figures and the tests). */
  readonly stats = { batches: 0, items: 0, largest: 0 };

  constructor(
    private readonly flush: (key: string, items: I[]) => Promise<R[]>,
    private readonly opts: { maxInFlight: number; maxItems: number },
  ) {}

  submit(key: string, items: I[]): Promise<R[]> {
    return new Promise<R[]>((resolve, reject) => {
      let q = this.queues.get(key);
      if (!q) this.queues.set(key, (q = { waiting: [], inFlight: 0, scheduled: false }));
      q.waiting.push({ items, resolve, reject });
      this.schedule(key, q);
    });
  }

  private schedule(key: string, q: { waiting: Array<Waiting<I, R>>; inFlight: number; scheduled: boolean }): void {
    if (q.scheduled || q.inFlight >= this.opts.maxInFlight || q.waiting.length === 0) return;
    q.scheduled = true;
    setImmediate(() => {
      q.scheduled = false;
      while (q.inFlight < this.opts.maxInFlight && q.waiting.length > 0) void this.send(key, q);
    });
  }

  private async send(key: string, q: { waiting: Array<Waiting<I, R>>; inFlight: number; scheduled: boolean }): Promise<void> {
    // Take whole callers while they fit (a caller is never split across batches).
    const taken: Array<Waiting<I, R>> = [];
    let size = 0;
    while (q.waiting.length > 0 && (taken.length === 0 || size + q.waiting[0]!.items.length <= this.opts.maxItems)) {
      const w = q.waiting.shift()!;
      taken.push(w);
      size += w.items.length;
    }
    q.inFlight++;
    this.stats.batches++;
    this.stats.items += size;
    this.stats.largest = Math.max(this.stats.largest, size);
    try {
      await this.run(key, taken);
    } finally {
      q.inFlight--;
      if (q.waiting.length === 0 && q.inFlight === 0) this.queues.delete(key);
      else this.schedule(key, q);
    }
  }

  private async run(key: string, taken: Array<Waiting<I, R>>): Promise<void> {
    let results: R[];
    try {
      results = await withRetry(() => this.flush(key, taken.flatMap((w) => w.items)));
    } catch (error) {
      if (taken.length === 1) {
        taken[0]!.reject(error);
        return;
      }
      // Each caller on its own: only the one whose scans fail gets the error.
      await Promise.all(taken.map((w) => this.run(key, [w])));
      return;
    }
    let at = 0;
    for (const w of taken) {
      w.resolve(results.slice(at, at + w.items.length));
      at += w.items.length;
    }
  }
}
