import { Global, Injectable, Module } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * Quota measures: the seam between the quota capability and every capability whose records a
 * quota counts. Each feature provides the measures it can compute from its own tables
 * (`measures.provide(...)` in its module constructor, like `FairFacts`); the quota capability
 * evaluates whatever is provided and answers 0 for a measure nobody provides yet, so the mentor
 * pool and broadcast figures appear without changing the quota module.
 *
 * Keys in use (a provider may add more):
 * - `events.completed`            completed events matching the filter (quotas)
 * - `attendance.unique`           people admitted, each counted once per event (attendance)
 * - `attendance.participations`   participations (人次): one per person per session attended (attendance)
 * - `mentors.pool`                active certified mentors at the end of the period (mentors; a level, not additive)
 * - `mentors.confirmedSessions`   coaching sessions confirmed by the founder (mentors)
 * - `broadcasts.count`            broadcasts that went live (livestream)
 * - `broadcasts.viewers`          unique viewers of those broadcasts (livestream)
 */

/** Which events a measure looks at. Empty or missing lists mean "any". */
export interface EventFilter {
  types?: string[];
  subtypes?: string[];
  coHostIds?: string[];
}

export interface MeasureScope {
  /** Period start (inclusive) and end (exclusive), as instants; periods are Asia/Shanghai calendar spans. */
  from: Date;
  to: Date;
  /**
   * Regions whose own records count, already expanded by the caller: one county's code, or the city's
   * code plus every county's code for city figures. Each record belongs to exactly one region, so
   * summing over these counts nothing twice.
   */
  regionCodes: readonly string[];
  /** The quota definition's parameters for this measure, e.g. an `EventFilter`. */
  params: Readonly<Record<string, unknown>> & EventFilter;
}

export interface MeasureFigures {
  total: number;
  /** Per calendar month of the period in Asia/Shanghai ('YYYY-MM'); additive measures sum to `total`, levels give the month-end value. */
  byMonth: Array<{ month: string; value: number }>;
  /** Per region code in `regionCodes` (codes without records may be left out). */
  byRegion: Array<{ regionCode: string; value: number }>;
}

export interface MeasureProvider {
  readonly key: string;
  /** What the figure is counted in, e.g. 'events', 'people', 'person-times', 'mentors', 'sessions', 'broadcasts', 'viewers'. */
  readonly unit: string;
  /** false for a level (pool size at the period's end), true for counts that add up over time and regions. */
  readonly additive: boolean;
  evaluate(scope: MeasureScope, manager?: EntityManager): Promise<MeasureFigures>;
  /**
   * The statement behind `evaluate`, for measures that are one SELECT of (month, "regionCode", value) rows with
   * parameters numbered from $1: `Measures.evaluateAll` then answers many (measure, scope) pairs in ONE statement
   * (a dashboard refresh of every quota of every year asked for), folding the rows with `figuresFromRows`.
   */
  rowsSql?(scope: MeasureScope): SqlPart;
  /** The events behind the figure, for click-through (measures not made of events leave this out). */
  eventIds?(scope: MeasureScope, manager?: EntityManager): Promise<string[]>;
  /**
   * The figure of each of these events (the ledger's and the click-through list's attendance columns);
   * events without records may be left out. Measures not made of events leave this out.
   */
  perEvent?(eventIds: readonly string[], params: MeasureScope['params'], manager?: EntityManager): Promise<Map<string, number>>;
}

/** A piece of SQL with its parameters numbered from $1. */
export interface SqlPart {
  sql: string;
  params: unknown[];
}

/**
 * SELECTs glued with UNION ALL into one statement, each part's placeholders renumbered after the previous parts'
 * and its rows tagged with its index in column `i`; `columns` name the part's columns as `q.<name>` (the parts must not
 * contain a literal `$`).
 */
export function unionAll(parts: readonly SqlPart[], columns: string): SqlPart {
  const params: unknown[] = [];
  const sql = parts
    .map((part, i) => {
      const offset = params.length;
      params.push(...part.params);
      return `SELECT ${i} AS i, ${columns} FROM (${part.sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`)}) q`;
    })
    .join('\nUNION ALL\n');
  return { sql, params };
}

/** Folds (month, region, value) rows of one measure into its figures: total, by month and by region, each in order. */
export function figuresFromRows(rows: readonly { month: string; regionCode: string; value: number }[]): MeasureFigures {
  const byMonth = new Map<string, number>();
  const byRegion = new Map<string, number>();
  let total = 0;
  for (const r of rows) {
    total += r.value;
    byMonth.set(r.month, (byMonth.get(r.month) ?? 0) + r.value);
    byRegion.set(r.regionCode, (byRegion.get(r.regionCode) ?? 0) + r.value);
  }
  return {
    total,
    byMonth: [...byMonth].sort(([a], [b]) => a.localeCompare(b)).map(([month, value]) => ({ month, value })),
    byRegion: [...byRegion].sort(([a], [b]) => a.localeCompare(b)).map(([regionCode, value]) => ({ regionCode, value })),
  };
}

export const EMPTY_FIGURES: MeasureFigures = Object.freeze({ total: 0, byMonth: [], byRegion: [] }) as MeasureFigures;

/** How many `evaluate` calls of one `evaluateAll` run at once. */
const EVALUATE_ALL_CONCURRENCY = 3;

@Injectable()
export class Measures {
  private readonly providers = new Map<string, MeasureProvider>();

  constructor(private readonly ds: DataSource) {}

  provide(provider: MeasureProvider): void {
    if (this.providers.has(provider.key)) throw new Error(`Measure ${provider.key} is provided twice`);
    this.providers.set(provider.key, provider);
  }

  has(key: string): boolean {
    return this.providers.has(key);
  }

  get(key: string): MeasureProvider | undefined {
    return this.providers.get(key);
  }

  keys(): string[] {
    return [...this.providers.keys()].sort();
  }

  /** The figures of one measure; a measure nobody provides yet is 0. */
  async evaluate(key: string, scope: MeasureScope, manager?: EntityManager): Promise<MeasureFigures> {
    const provider = this.providers.get(key);
    return provider ? provider.evaluate(scope, manager) : { total: 0, byMonth: [], byRegion: [] };
  }

  /**
   * The figures of many (measure, scope) pairs, in their order: the measures with `rowsSql` in ONE statement, the
   * others one `evaluate` each (a measure nobody provides yet is 0).
   */
  async evaluateAll(requests: ReadonlyArray<{ key: string; scope: MeasureScope }>, manager?: EntityManager): Promise<MeasureFigures[]> {
    const out: MeasureFigures[] = requests.map(() => ({ total: 0, byMonth: [], byRegion: [] }));
    const batched: number[] = [];
    const parts: SqlPart[] = [];
    const single: Array<() => Promise<void>> = [];
    requests.forEach(({ key, scope }, i) => {
      const provider = this.providers.get(key);
      if (!provider) return;
      if (provider.rowsSql) {
        batched.push(i);
        parts.push(provider.rowsSql(scope));
      } else single.push(async () => void (out[i] = await provider.evaluate(scope, manager)));
    });
    // The others a few at a time, so that a batch of many years leaves the pool's connections to the requests.
    const others = Promise.all(
      Array.from({ length: Math.min(EVALUATE_ALL_CONCURRENCY, single.length) }, async () => {
        for (let next = single.shift(); next; next = single.shift()) await next();
      }),
    );
    const union = async () => {
      if (!parts.length) return;
      const { sql, params } = unionAll(parts, `q.month, q."regionCode", q.value::float8 AS value`);
      const rows: Array<{ i: number; month: string; regionCode: string; value: number }> = await (manager ?? this.ds.manager).query(sql, params);
      const byPart = parts.map((): typeof rows => []);
      for (const r of rows) byPart[r.i]!.push(r);
      batched.forEach((req, j) => (out[req] = figuresFromRows(byPart[j]!)));
    };
    await Promise.all([others, union()]);
    return out;
  }

  async eventIds(key: string, scope: MeasureScope, manager?: EntityManager): Promise<string[]> {
    const provider = this.providers.get(key);
    return provider?.eventIds ? provider.eventIds(scope, manager) : [];
  }

  /** Per-event figures of one measure; empty until a provider answers them. */
  async perEvent(key: string, eventIds: readonly string[], params: MeasureScope['params'] = {}, manager?: EntityManager): Promise<Map<string, number>> {
    const provider = this.providers.get(key);
    return provider?.perEvent && eventIds.length ? provider.perEvent(eventIds, params, manager) : new Map();
  }
}

@Global()
@Module({ providers: [Measures], exports: [Measures] })
export class MeasuresModule {}
