import { Injectable, Logger } from '@nestjs/common';
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
 */
export const DASHBOARD_FRESH_MS = 1000;
export const DASHBOARD_MAX_STALE_MS = 2000;
const MAX_ENTRIES = 256;

interface Entry<T> {
  value?: T;
  /** When the computation that produced `value` started (its records are at least this new). */
  at: number;
  inflight?: Promise<T>;
  generation: number;
}

/**
 * A small stale-while-revalidate cache with single-flight, per process. Keys are (region, year);
 * `invalidate` (a quota definition or a reported figure changed here, or an event's domain event)
 * makes the next request wait for new figures. Other processes converge within MAX_STALE_MS.
 */
export class SwrCache<T> {
  private readonly log = new Logger('QuotaDashboardCache');
  private readonly entries = new Map<string, Entry<T>>();
  private generation = 0;
  /** Counters for tests and the benchmark's reading of the logs. */
  readonly stats = { hits: 0, staleHits: 0, computations: 0, waits: 0 };

  constructor(
    readonly freshMs: number,
    readonly maxStaleMs: number,
  ) {}

  async get(key: string, compute: () => Promise<T>, now = Date.now()): Promise<T> {
    let entry = this.entries.get(key);
    if (!entry || entry.generation !== this.generation) {
      entry = { at: -Infinity, generation: this.generation };
      this.entries.set(key, entry);
      this.evict();
    }
    const age = now - entry.at;
    if (entry.value !== undefined && age < this.freshMs) {
      this.stats.hits++;
      return entry.value;
    }
    if (entry.value !== undefined && age < this.maxStaleMs) {
      this.stats.staleHits++;
      if (!entry.inflight) this.refresh(key, entry, compute).catch((error: unknown) => this.log.warn(`background refresh of ${key} failed: ${String(error)}`));
      return entry.value;
    }
    this.stats.waits++;
    return entry.inflight ?? this.refresh(key, entry, compute);
  }

  /** Forgets every answer: the next request for any key computes anew (in-flight results are not kept). */
  invalidate(): void {
    this.generation++;
    this.entries.clear();
  }

  private refresh(key: string, entry: Entry<T>, compute: () => Promise<T>): Promise<T> {
    const startedAt = Date.now();
    this.stats.computations++;
    const p = compute().then(
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
export class QuotaDashboardCache extends SwrCache<QuotaDashboardCore> {
  constructor() {
    super(DASHBOARD_FRESH_MS, DASHBOARD_MAX_STALE_MS);
  }
}
