import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  addDays,
  buildHolidayCalendar,
  cadenceCompliance,
  cadenceStatus,
  CITY_REGION_CODE,
  eachDate,
  LINYI_REGIONS,
  quotaProgress,
  quotaTrend,
  reportedTotal,
  shanghaiDateOf,
  shanghaiInstant,
  type CadenceCompliance,
  type PeakRange,
  type QuotaPeriod,
} from '@leye/domain';
import { Measures, unionAll, type MeasureFigures, type MeasureScope, type SqlPart } from '../../common/measures/measures.js';
import { HolidaysService } from '../holidays/holidays.service.js';
import { eventFilterSql, isEventFilter } from './event-filter.sql.js';
import { DEFINITION_SELECT, type QuotaDefinition } from './quota-definitions.service.js';
import type { QuotaDashboardCore } from './quota-dashboard.cache.js';
import type { QuotaCadenceType, QuotaDefinitionType, QuotaProgressType } from './quota.types.js';

const REGION_BY_CODE = new Map(LINYI_REGIONS.map((r) => [r.code, r]));

/** The regions whose own records make a region's figures: the city is itself plus every county and zone. */
export function countedRegions(regionCode: string): string[] {
  return regionCode === CITY_REGION_CODE ? LINYI_REGIONS.map((r) => r.code) : [regionCode];
}

export const toDefinitionType = (d: QuotaDefinition): QuotaDefinitionType => ({
  ...d,
  eventTypes: d.params.types ?? [],
  eventSubtypes: d.params.subtypes ?? [],
  coHostIds: d.params.coHostIds ?? [],
  aggregation: d.kind === 'REPORTED' ? (d.params.aggregation ?? 'SUM') : null,
});

export function periodOf(d: { periodStart: string; periodEnd: string }): QuotaPeriod {
  return { start: d.periodStart, end: d.periodEnd };
}

export function scopeOf(d: QuotaDefinition, regionCode: string, period: QuotaPeriod = periodOf(d)): MeasureScope {
  return {
    from: shanghaiInstant(period.start, '00:00'),
    to: shanghaiInstant(addDays(period.end, 1), '00:00'),
    regionCodes: countedRegions(regionCode),
    params: d.params,
  };
}

/**
 * Progress of quotas, computed from the records through the Measures seam. The dashboard keeps each
 * (region, year) answer for at most DASHBOARD_MAX_STALE_MS (QuotaDashboardCache, docs/quotas.md
 * "Freshness"); the ledger, the alerts and the events behind a number compute at every call.
 */
const CADENCE_MEMO_MAX = 256;

/** A dashboard: a region and a year. */
export interface DashboardKey {
  year: number;
  regionCode: string;
}

/** Fairs of one day and status (a cadence's input). */
interface CadenceDayRow {
  day: string;
  status: string;
  n: number;
}

/** What a cadence is computed from besides the arithmetic: its fairs per day, the peak seasons and the holidays of its year. */
interface CadenceInputs {
  days: CadenceDayRow[];
  ranges: PeakRange[];
  holidays: ReadonlyArray<{ date: string; kind: 'HOLIDAY' | 'WORKDAY'; name: string }>;
}

@Injectable()
export class QuotaProgressService {
  /** Cadence answers by their inputs (pure computation, a few ms for a year): the same inputs give the same answer. */
  private readonly cadenceMemo = new Map<string, { compliance: CadenceCompliance; type: QuotaCadenceType }>();

  constructor(
    private readonly ds: DataSource,
    private readonly measures: Measures,
    private readonly holidays: HolidaysService,
  ) {}

  /**
   * The quotas a region's dashboard shows for a year: its own definitions, and for a county the city's
   * computed quotas it has none of its own for, counted over the county's records without a target.
   */
  async dashboardDefinitions(year: number, regionCode: string): Promise<Array<{ def: QuotaDefinition; inherited: boolean }>> {
    return (await this.definitionsOfDashboards([{ year, regionCode }]))[0]!;
  }

  /** `dashboardDefinitions` of several (year, region) dashboards, in one query. */
  private async definitionsOfDashboards(keys: readonly DashboardKey[]): Promise<Array<Array<{ def: QuotaDefinition; inherited: boolean }>>> {
    const regions = [...new Set(keys.flatMap((k) => [k.regionCode, CITY_REGION_CODE]))];
    const years = [...new Set(keys.map((k) => k.year))];
    const defs: QuotaDefinition[] = await this.ds.query(
      `${DEFINITION_SELECT}
        WHERE d.region_code = ANY($2::varchar[])
          AND EXISTS (SELECT 1 FROM unnest($1::int[]) y WHERE d.period_start <= make_date(y, 12, 31) AND d.period_end >= make_date(y, 1, 1))
        ORDER BY d.sort_order, d.name`,
      [years, regions],
    );
    return keys.map(({ year, regionCode }) => {
      const inYear = defs.filter((d) => d.periodStart <= `${year}-12-31` && d.periodEnd >= `${year}-01-01`);
      const own = inYear.filter((d) => d.regionCode === regionCode);
      const ownKeys = new Set(own.map((d) => `${d.programme}|${d.kind}|${d.measureKey}`));
      const inherited =
        regionCode === CITY_REGION_CODE
          ? []
          : inYear.filter((d) => d.regionCode === CITY_REGION_CODE && d.kind !== 'REPORTED' && !ownKeys.has(`${d.programme}|${d.kind}|${d.measureKey}`));
      return [...own.map((def) => ({ def, inherited: false })), ...inherited.map((def) => ({ def, inherited: true }))].sort((a, b) => a.def.sortOrder - b.def.sortOrder);
    });
  }

  /** Every quota of a region's dashboard for a year, computed from the records now (the cached part of `quotaDashboard`). */
  async dashboard(year: number, regionCode: string): Promise<QuotaDashboardCore> {
    return (await this.dashboards([{ year, regionCode }]))[0]!;
  }

  /**
   * Several dashboards at once (the cache refreshes every hot (region, year) together): one query for the
   * definitions, one for the reported figures, one statement for every measure that has `rowsSql` (all quotas of
   * all the years), one for the cadences' days; the rest (levels such as the mentor pool, the peak seasons and
   * holidays of each year) one query each.
   */
  async dashboards(keys: readonly DashboardKey[]): Promise<QuotaDashboardCore[]> {
    const now = new Date();
    const perKey = await this.definitionsOfDashboards(keys);
    const reported = await this.reportedFigures([...new Map(perKey.flat().map(({ def }) => [def.id, def])).values()]);
    // Every measure of every dashboard (and the city figure of a county's inherited quota), in one batch.
    const requests: Array<{ key: string; scope: MeasureScope }> = [];
    const cadences: Array<{ def: QuotaDefinition; regionCode: string }> = [];
    const at = perKey.map((defs, k) =>
      defs.map(({ def, inherited }) => {
        if (def.kind === 'REPORTED' || !def.measureKey) return { figures: -1, city: -1, cadence: -1 };
        const figures = requests.push({ key: def.measureKey, scope: scopeOf(def, keys[k]!.regionCode) }) - 1;
        const city = inherited && def.kind === 'MEASURE' ? requests.push({ key: def.measureKey, scope: scopeOf(def, CITY_REGION_CODE) }) - 1 : -1;
        const cadence = def.kind === 'CADENCE' ? cadences.push({ def, regionCode: keys[k]!.regionCode }) - 1 : -1;
        return { figures, city, cadence };
      }),
    );
    const [figures, cadenceInputs] = await Promise.all([this.measures.evaluateAll(requests), this.cadenceInputs(cadences)]);
    return Promise.all(
      perKey.map(async (defs, k) => {
        const regionCode = keys[k]!.regionCode;
        const quotas = await Promise.all(
          defs.map(async ({ def, inherited }, j) => {
            const ix = at[k]![j]!;
            const q = await this.progress(def, regionCode, now, {
              inherited,
              reported,
              ...(ix.figures >= 0 ? { figures: figures[ix.figures]! } : {}),
              ...(ix.cadence >= 0 ? { cadenceInputs: cadenceInputs[ix.cadence]! } : {}),
            });
            return inherited ? { ...q, cityShare: await this.cityShare(def, q.actual, q.additive, ix.city >= 0 ? figures[ix.city] : undefined) } : q;
          }),
        );
        return { asOf: now, elapsedPercent: quotas[0]?.elapsedPercent ?? 0, quotas };
      }),
    );
  }

  /**
   * A county without a target of its own sees the city's quota counted over its records, with its
   * contribution: the city's figure and target and the county's share of each. Only additive
   * computed measures: a cadence or a level (pool size) is not a sum of the counties' parts.
   */
  private async cityShare(def: QuotaDefinition, countyActual: number, additive: boolean, city?: MeasureFigures): Promise<QuotaProgressType['cityShare']> {
    if (def.kind !== 'MEASURE' || !additive || !def.measureKey) return null;
    const { total } = city ?? (await this.measures.evaluate(def.measureKey, scopeOf(def, CITY_REGION_CODE)));
    const pct = (part: number, whole: number | null) => (whole ? Math.round((part / whole) * 1000) / 10 : null);
    return { cityActual: total, cityTarget: def.target, percentOfCityActual: pct(countyActual, total), percentOfCityTarget: pct(countyActual, def.target) };
  }

  /** The reported figures of several quotas over their own periods, in one query (the dashboard). */
  async reportedFigures(defs: readonly QuotaDefinition[]): Promise<Map<string, Array<{ month: string; value: number }>>> {
    const ids = defs.filter((d) => d.kind === 'REPORTED').map((d) => d.id);
    const out = new Map<string, Array<{ month: string; value: number }>>(ids.map((id) => [id, []]));
    if (!ids.length) return out;
    const rows: Array<{ quotaId: string; month: string; value: number }> = await this.ds.query(
      `SELECT f.quota_id AS "quotaId", to_char(f.month, 'YYYY-MM') AS month, f.value::float8 AS value
         FROM quota_reported_figure f JOIN quota_definition d ON d.id = f.quota_id
        WHERE f.quota_id = ANY($1::uuid[]) AND f.month BETWEEN date_trunc('month', d.period_start) AND d.period_end ORDER BY f.month`,
      [ids],
    );
    for (const r of rows) out.get(r.quotaId)!.push({ month: r.month, value: r.value });
    return out;
  }

  async progress(
    def: QuotaDefinition,
    regionCode: string,
    now: Date,
    opts: {
      inherited?: boolean;
      period?: QuotaPeriod;
      reported?: Map<string, Array<{ month: string; value: number }>>;
      /** The measure's figures when already evaluated (a dashboard batch). */
      figures?: MeasureFigures;
      /** A cadence's inputs when already read (a dashboard batch). */
      cadenceInputs?: CadenceInputs;
    } = {},
  ): Promise<QuotaProgressType> {
    const inherited = opts.inherited ?? false;
    const period = opts.period ?? periodOf(def);
    const scope = scopeOf(def, regionCode, period);
    let figures: MeasureFigures;
    let additive = true;
    let provided = true;
    let cadence: QuotaCadenceType | null = null;
    let target = inherited ? null : def.target;
    let actual: number;
    let status: QuotaProgressType['status'] | null = null;
    if (def.kind === 'REPORTED') {
      const rows: Array<{ month: string; value: number }> =
        (!opts.period && opts.reported?.get(def.id)) ||
        (await this.ds.query(
          `SELECT to_char(month, 'YYYY-MM') AS month, value::float8 AS value FROM quota_reported_figure
            WHERE quota_id = $1 AND month BETWEEN date_trunc('month', $2::date) AND $3::date ORDER BY month`,
          [def.id, period.start, period.end],
        ));
      const aggregation = def.params.aggregation ?? 'SUM';
      additive = aggregation === 'SUM';
      actual = reportedTotal(rows, aggregation);
      figures = { total: actual, byMonth: rows, byRegion: [{ regionCode: def.regionCode, value: actual }] };
    } else {
      const key = def.measureKey!;
      provided = this.measures.has(key);
      additive = this.measures.get(key)?.additive ?? true;
      figures = opts.figures ?? (await this.measures.evaluate(key, scope));
      actual = figures.total;
      if (def.kind === 'CADENCE') {
        const c = await this.cadence(def, regionCode, period, now, opts.cadenceInputs);
        cadence = c.type;
        actual = c.compliance.metSlots;
        // A county without a cadence of its own: the weeks and months it held a fair in, no target (the city's
        // minimum is met by any county's fair, so a county is not "behind" the city's cadence on its own).
        target = inherited ? null : c.compliance.requiredSlots;
        status = inherited ? 'NO_TARGET' : cadenceStatus(c.compliance);
      }
    }
    const p = quotaProgress({ actual, target, period, now, additive });
    const trend = quotaTrend(figures.byMonth, { period, target: def.kind === 'CADENCE' ? null : target, additive, now });
    const values = new Map(figures.byRegion.map((r) => [r.regionCode, r.value]));
    const byRegion = (def.kind === 'REPORTED' ? [def.regionCode] : countedRegions(regionCode)).map((code) => {
      const r = REGION_BY_CODE.get(code)!;
      return { regionCode: code, regionName: r.name, regionNameEn: r.nameEn, value: values.get(code) ?? 0 };
    });
    return {
      definition: toDefinitionType(def),
      regionCode,
      inherited,
      reported: def.kind === 'REPORTED',
      additive,
      provided,
      ...p,
      ...(status ? { status, paceNeededPerMonth: null, projection: actual } : {}),
      months: trend,
      byRegion,
      cadence,
      hasEvents: def.kind !== 'REPORTED' && isEventFilter(def.params),
      cityShare: null,
    };
  }

  /** Peak ranges of the region for the year (its own, the city's, or the default) and the holiday calendar. */
  private async seasonOf(year: number, regionCode: string): Promise<{ ranges: PeakRange[] }> {
    const s = await this.holidays.peakSeasons(year, regionCode);
    return { ranges: s.ranges };
  }

  /** The per-day rows of fairs (completed or published) of a cadence quota in a region and period. */
  private cadenceDaysSql(def: QuotaDefinition, regionCode: string, period: QuotaPeriod = periodOf(def)): SqlPart {
    const scope = scopeOf(def, regionCode, period);
    const f = eventFilterSql(def.params, 4);
    return {
      sql: `SELECT to_char(e.starts_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day, e.status, count(*)::int AS n
              FROM event e
             WHERE e.status IN ('COMPLETED', 'PUBLISHED') AND e.region_code = ANY($1::varchar[]) AND e.starts_at >= $2 AND e.starts_at < $3 AND ${f.sql}
             GROUP BY 1, 2`,
      params: [scope.regionCodes, scope.from, scope.to, ...f.params],
    };
  }

  /**
   * The inputs of several cadences (each over its own period): their per-day rows in one statement, the holidays of
   * their years in one query, the peak seasons in one query per region.
   */
  private async cadenceInputs(cadences: ReadonlyArray<{ def: QuotaDefinition; regionCode: string }>): Promise<CadenceInputs[]> {
    if (!cadences.length) return [];
    const yearOf = (c: { def: QuotaDefinition }) => Number(c.def.periodStart.slice(0, 4));
    const { sql, params } = unionAll(
      cadences.map((c) => this.cadenceDaysSql(c.def, c.regionCode)),
      'q.day, q.status, q.n',
    );
    const regions = [...new Set(cadences.map((c) => c.regionCode))];
    const [rows, holidays, ...seasons] = await Promise.all([
      this.ds.query(sql, params) as Promise<Array<CadenceDayRow & { i: number }>>,
      this.holidays.years(cadences.map(yearOf)),
      ...regions.map((r) => this.holidays.peakSeasonsOf(cadences.filter((c) => c.regionCode === r).map(yearOf), r)),
    ]);
    const out = cadences.map((c) => ({
      days: [] as CadenceDayRow[],
      ranges: seasons[regions.indexOf(c.regionCode)]!.get(yearOf(c))!.ranges,
      holidays: holidays.get(yearOf(c))!.days,
    }));
    for (const r of rows) out[r.i]!.days.push({ day: r.day, status: r.status, n: r.n });
    return out;
  }

  async cadence(def: QuotaDefinition, regionCode: string, period: QuotaPeriod, now: Date, inputs?: CadenceInputs): Promise<{ compliance: CadenceCompliance; type: QuotaCadenceType }> {
    const year = Number(period.start.slice(0, 4));
    const q = inputs ? null : this.cadenceDaysSql(def, regionCode, period);
    const rows: CadenceDayRow[] = inputs?.days ?? (await this.ds.query(q!.sql, q!.params));
    const held: string[] = [];
    const perDay = new Map<string, { held: number; scheduled: number }>();
    for (const r of rows) {
      const d = perDay.get(r.day) ?? { held: 0, scheduled: 0 };
      if (r.status === 'COMPLETED') {
        d.held += r.n;
        for (let i = 0; i < r.n; i++) held.push(r.day);
      } else d.scheduled += r.n;
      perDay.set(r.day, d);
    }
    const [ranges, holidayDays] = inputs
      ? [inputs.ranges, inputs.holidays]
      : await Promise.all([this.seasonOf(year, regionCode).then((s) => s.ranges), this.holidays.year(year).then((h) => h.days)]);
    const today = shanghaiDateOf(now);
    const entries = holidayDays.map((d) => ({ date: d.date, kind: d.kind, name: d.name }));
    // Keyed on everything the answer depends on (the fair rows and holidays just read included), so it is never stale.
    const key = JSON.stringify([year, period, today, ranges, rows, entries]);
    const cached = this.cadenceMemo.get(key);
    if (cached) return cached;
    const cal = buildHolidayCalendar(entries);
    const compliance = cadenceCompliance(held, { year, peakRanges: ranges, today, cal });
    const days = eachDate(period.start, period.end);
    const result = {
      compliance,
      type: {
        peakWeeks: compliance.peakWeekStates,
        offSeasonMonths: compliance.monthStates,
        missedPeakWeeks: compliance.missedPeakWeeks,
        missedOffSeasonMonths: compliance.missedOffSeasonMonths,
        firstDay: period.start,
        heldByDay: days.map((date) => perDay.get(date)?.held ?? 0),
        scheduledByDay: days.map((date) => perDay.get(date)?.scheduled ?? 0),
      },
    };
    if (this.cadenceMemo.size >= CADENCE_MEMO_MAX) this.cadenceMemo.delete(this.cadenceMemo.keys().next().value!);
    this.cadenceMemo.set(key, result);
    return result;
  }
}
