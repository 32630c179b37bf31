import { Injectable, Logger, Optional, type OnModuleDestroy } from '@nestjs/common';
import { PublicAnswerCache } from '../../common/graphql/public-query-cache.plugin.js';
import { QuotaProgressService } from './quota-progress.service.js';
import type { QuotaProgressType } from './quota.types.js';

export interface QuotaDashboardCore {
  asOf: Date;
  elapsedPercent: number;
  quotas: QuotaProgressType[];
}

/**
 * How old the figures of a dashboard may be (docs/quotas.md "Freshness"). An answer younger than
 * FRESH_MS is served as is; between FRESH_MS and MAX_STALE_MS it is served and refreshed in the
 * background (one computation per key at a time); older than MAX_STALE_MS a request waits for the
 * computation. So a dashboard never shows records older than MAX_STALE_MS plus one computation,
 * and under load nobody waits for one.
 *
 * A key asked within HOT_MS is kept fresh off the request path: a timer refreshes it once it is
 * FRESH_MS old, so a dashboard that is being looked at does not go past the bound between two
 * requests (nobody waits after a pause), and at most BACKGROUND_REFRESHES computations run at once
 * (the refreshes of ten years do not take the whole connection pool from the requests).
 */
export const DASHBOARD_FRESH_MS = 1000;
export const DASHBOARD_MAX_STALE_MS = 2000;
export const DASHBOARD_HOT_MS = 30_000;
const BACKGROUND_REFRESHES = 3;
const MAX_ENTRIES = 256;
/** Keys refreshed by one `computeMany` call at most (one statement per batch stays a reasonable size). */
const BATCH_MAX = 32;

interface Entry<T> {
  value?: T;
  /** When the computation that produced `value` started (its records are at least this new). */
  at: number;
  inflight?: Promise<T>;
  generation: number;
  /** How to compute it (the last request's), for the background refresher. */
  compute?: () => Promise<T>;
  /** When a request last asked for it: hot for HOT_MS after. */
  askedAt: number;
  queued?: boolean;
}

/**
 * A small stale-while-revalidate cache with single-flight, per process. Keys are (region, year);
 * `invalidate` (a quota definition or a reported figure changed here, or an event's domain event)
 * makes the next request wait for new figures. Other processes converge within MAX_STALE_MS.
 */
export class SwrCache<T> {
  private readonly log = new Logger('QuotaDashboardCache');
  private readonly entries = new Map<string, Entry<T>>();
  private readonly queue: Array<[string, Entry<T>]> = [];
  private running = 0;
  private ticker: NodeJS.Timeout | null = null;
  private generation = 0;
  /** Counters for tests and the benchmark's reading of the logs. */
  readonly stats = { hits: 0, staleHits: 0, computations: 0, waits: 0, backgroundRefreshes: 0 };

  /**
   * `computeMany`, when given, refreshes every key that is due in one call (one batch of statements for all of them)
   * instead of one computation per key; a request that must wait still computes its key alone.
   */
  constructor(
    readonly freshMs: number,
    readonly maxStaleMs: number,
    readonly hotMs = 0,
    readonly backgroundRefreshes = BACKGROUND_REFRESHES,
    private readonly computeMany?: (keys: string[]) => Promise<Map<string, T>>,
  ) {}

  async get(key: string, compute: () => Promise<T>, now = Date.now()): Promise<T> {
    let entry = this.entries.get(key);
    if (!entry || entry.generation !== this.generation) {
      entry = { at: -Infinity, generation: this.generation, askedAt: now };
      this.entries.set(key, entry);
      this.evict();
    }
    entry.compute = compute;
    entry.askedAt = now;
    if (this.hotMs > 0) this.startTicker();
    const age = now - entry.at;
    if (entry.value !== undefined && age < this.freshMs) {
      this.stats.hits++;
      return entry.value;
    }
    if (entry.value !== undefined && age < this.maxStaleMs) {
      this.stats.staleHits++;
      // Without a refresher, the request starts the refresh; with one, its next tick (a quarter of freshMs) does.
      if (this.hotMs <= 0) this.schedule(key, entry);
      return entry.value;
    }
    this.stats.waits++;
    return entry.inflight ?? this.refresh(key, entry, compute);
  }

  /** Forgets every answer: the next request for any key computes anew (in-flight results are not kept). */
  invalidate(): void {
    this.generation++;
    this.entries.clear();
    this.queue.length = 0;
  }

  /** Stops the background refresher (module shutdown). */
  stop(): void {
    if (this.ticker) clearInterval(this.ticker);
    this.ticker = null;
    for (const [, entry] of this.queue) entry.queued = false;
    this.queue.length = 0;
  }

  private startTicker(): void {
    if (this.ticker) return;
    this.ticker = setInterval(() => this.tick(), Math.max(10, Math.floor(this.freshMs / 4)));
    this.ticker.unref();
  }

  /**
   * Queues a refresh of every hot key that is no longer fresh (with `computeMany`, also those half-way there, so the
   * keys fall into step and one batch refreshes them all); stops once no key is hot.
   */
  private tick(now = Date.now()): void {
    const hot = [...this.entries].filter(([, entry]) => now - entry.askedAt <= this.hotMs);
    if (!hot.length) return this.stop();
    if (!hot.some(([, entry]) => entry.value !== undefined && now - entry.at >= this.freshMs)) return;
    for (const [key, entry] of hot) if (entry.value !== undefined && now - entry.at >= this.dueAfterMs()) this.schedule(key, entry, false);
    this.drain();
  }

  /** Age from which a queued key is refreshed. */
  private dueAfterMs(): number {
    return this.computeMany ? this.freshMs / 2 : this.freshMs;
  }

  /** A background refresh of the key, at most `backgroundRefreshes` at a time (oldest answers first). */
  private schedule(key: string, entry: Entry<T>, drain = true): void {
    if (entry.inflight || entry.queued) return;
    entry.queued = true;
    this.queue.push([key, entry]);
    if (drain) this.drain();
  }

  private drain(): void {
    this.queue.sort((a, b) => a[1].at - b[1].at);
    while (this.running < this.backgroundRefreshes && this.queue.length) {
      const due = this.queue.splice(0, this.computeMany ? BATCH_MAX : 1).filter(([, entry]) => {
        entry.queued = false;
        return !entry.inflight && entry.generation === this.generation && entry.compute && Date.now() - entry.at >= this.dueAfterMs();
      });
      if (!due.length) continue;
      this.running++;
      this.stats.backgroundRefreshes += due.length;
      const done = this.computeMany && due.length > 1 ? this.refreshMany(due, this.computeMany) : this.refresh(due[0]![0], due[0]![1], due[0]![1].compute!);
      done
        .catch((error: unknown) => this.log.warn(`background refresh of ${due.map(([key]) => key).join(', ')} failed: ${String(error)}`))
        .finally(() => {
          this.running--;
          this.drain();
        });
    }
  }

  /**
   * One computation for several keys; each key's entry settles with its own answer. When the batch fails, each key is
   * computed on its own, so one bad key (a measure failing for one region) does not hold up every other dashboard.
   */
  private refreshMany(due: Array<[string, Entry<T>]>, computeMany: (keys: string[]) => Promise<Map<string, T>>): Promise<unknown> {
    const startedAt = Date.now();
    this.stats.computations++;
    const all = computeMany(due.map(([key]) => key));
    return Promise.all(
      due.map(([key, entry]) =>
        this.settle(
          entry,
          all.then(
            (answers) => {
              if (!answers.has(key)) throw new Error(`no answer for ${key}`);
              return answers.get(key)!;
            },
            (error: unknown) => {
              if (!entry.compute) throw error;
              this.stats.computations++;
              return entry.compute();
            },
          ),
          startedAt,
        ),
      ),
    );
  }

  private refresh(_key: string, entry: Entry<T>, compute: () => Promise<T>): Promise<T> {
    const startedAt = Date.now();
    this.stats.computations++;
    return this.settle(entry, compute(), startedAt);
  }

  /** Keeps `computation` as the entry's in-flight answer, and its value once done (unless invalidated or overtaken). */
  private settle(entry: Entry<T>, computation: Promise<T>, startedAt: number): Promise<T> {
    const p = computation.then(
      (value) => {
        if (entry.generation === this.generation && startedAt >= entry.at) {
          entry.value = value;
          entry.at = startedAt;
        }
        if (entry.inflight === p) delete entry.inflight;
        return value;
      },
      (error: unknown) => {
        if (entry.inflight === p) delete entry.inflight;
        throw error;
      },
    );
    entry.inflight = p;
    return p;
  }

  private evict(): void {
    while (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
  }
}

/** The dashboard's per-(region, year) answers (the actor-independent part). */
@Injectable()
export class QuotaDashboardCache extends SwrCache<QuotaDashboardCore> implements OnModuleDestroy {
  constructor(
    progress: QuotaProgressService,
    @Optional() private readonly answers?: PublicAnswerCache,
  ) {
    // The background refresher computes every due (region, year) together: one batch of statements, not one per key.
    super(DASHBOARD_FRESH_MS, DASHBOARD_MAX_STALE_MS, DASHBOARD_HOT_MS, 2, async (keys) => {
      const parsed = keys.map((key) => {
        const [regionCode, year] = key.split('|');
        return { regionCode: regionCode!, year: Number(year) };
      });
      const answers = await progress.dashboards(parsed);
      return new Map(keys.map((key, i) => [key, answers[i]!]));
    });
  }

  /** Also forgets the callers' stored `quotaDashboard` answers (the core's answer cache), so new figures show at once. */
  override invalidate(): void {
    super.invalidate();
    this.answers?.invalidate();
  }

  /** The cache key of a dashboard. */
  static key(regionCode: string, year: number): string {
    return `${regionCode}|${year}`;
  }

  onModuleDestroy(): void {
    this.stop();
  }
}
