// The quota dashboard for the benchmarks (dashboard, fair-day): the page's first query, the full one, the plain SQL
// aggregate over the raw rows, and the check that the dashboard's totals equal the aggregate's.
import { importApiDist } from './harness.mjs';

/**
 * How old a dashboard figure may be (docs/quotas.md "Freshness"): the dashboard cache's bound plus the time a caller's
 * stored answer is reused (the API's defaults, which the benches run with). After it, the figures equal the records.
 */
export async function dashboardMaxAgeMs() {
  const { DASHBOARD_MAX_STALE_MS } = await importApiDist('modules/quotas/quota-dashboard.cache.js');
  const { AppConfig } = await importApiDist('config/app-config.js');
  return DASHBOARD_MAX_STALE_MS + new AppConfig().callerQueryCacheMs;
}

/** The event-based quotas compared with the aggregate: seed key → how the aggregate computes it. */
export const COMPARED = {
  'campus-trips': { measure: 'events', type: 'CAMPUS_RECRUITING' },
  'entrepreneurship-events': { measure: 'events', type: 'ENTREPRENEURSHIP' },
  'job-fair-admitted': { measure: 'checkins', type: 'JOB_FAIR' },
  'training-participations': { measure: 'checkins', type: 'TRAINING' },
};

/**
 * What the dashboard page asks first (apps/web/src/modules/quotas/graphql/quotas.graphql): the cards of every quota —
 * "the dashboard query" the scenarios time. FULL (every series of every quota) is what the totals are checked on.
 */
export const CARDS = `query Dashboard($year: Int!) { quotaDashboard(year: $year) {
  year regionCode asOf elapsedPercent drillDownRegions
  quotas { regionCode inherited reported additive provided actual target percent elapsedPercent expectedByNow remaining paceNeededPerMonth projection status hasEvents
    cityShare { cityActual cityTarget percentOfCityActual percentOfCityTarget }
    definition { id programme name nameEn regionCode periodStart periodEnd target unit unitEn clause clauseText kind measureKey eventTypes eventSubtypes coHostIds aggregation sortOrder version updatedAt }
    cadence { missedPeakWeeks missedOffSeasonMonths }
  } } }`;

export const FULL = `query Dashboard($year: Int!) { quotaDashboard(year: $year) {
  year elapsedPercent
  quotas { actual target percent status paceNeededPerMonth projection provided
    definition { id name }
    months { month actual cumulative requiredCumulative }
    byRegion { regionCode value }
    cadence { missedPeakWeeks missedOffSeasonMonths firstDay heldByDay scheduledByDay peakWeeks { week start end state } }
  } } }`;

/** One statement: every compared figure of a year, per region, from the raw rows (events and check-in rows, no counters). */
export const RAW_AGGREGATE = `
  WITH e AS (
    SELECT e.id, e.type, e.status, e.region_code FROM event e
     WHERE e.starts_at >= make_timestamptz($1, 1, 1, 0, 0, 0, 'Asia/Shanghai') AND e.starts_at < make_timestamptz($1 + 1, 1, 1, 0, 0, 0, 'Asia/Shanghai')
  )
  SELECT e.region_code AS region,
         count(*) FILTER (WHERE e.status = 'COMPLETED' AND e.type = 'CAMPUS_RECRUITING')::int AS "campus-trips",
         count(*) FILTER (WHERE e.status = 'COMPLETED' AND e.type = 'ENTREPRENEURSHIP')::int AS "entrepreneurship-events",
         coalesce(sum(c.n) FILTER (WHERE e.status IN ('PUBLISHED','COMPLETED') AND e.type = 'JOB_FAIR'), 0)::int AS "job-fair-admitted",
         coalesce(sum(c.n) FILTER (WHERE e.status IN ('PUBLISHED','COMPLETED') AND e.type = 'TRAINING'), 0)::int AS "training-participations"
    FROM e LEFT JOIN LATERAL (SELECT count(*) AS n FROM attendance_checkin k WHERE k.event_id = e.id) c ON $2::boolean
   GROUP BY 1`;
export const RAW_EVENTS_ONLY = RAW_AGGREGATE.replace(
  'LEFT JOIN LATERAL (SELECT count(*) AS n FROM attendance_checkin k WHERE k.event_id = e.id) c ON $2::boolean',
  'LEFT JOIN LATERAL (SELECT 0 AS n WHERE $2::boolean) c ON true',
);

/**
 * Every compared quota of each of `years`, city total and every region, against `raw` (the aggregate, $1 the year):
 * answers the mismatches (empty when the totals are equal). `dashboard(year)` answers the API's `quotaDashboard` of
 * that year asked with FULL; the quota definitions are the city's seeded ones (`<key>:<year>:371300`).
 */
export async function dashboardMismatches(db, { years, raw = RAW_AGGREGATE, dashboard }) {
  const mismatches = [];
  for (const year of years) {
    const dash = await dashboard(year);
    const rows = (await db.query(raw, [year, true])).rows;
    const ids = (await db.query(`SELECT id, split_part(seed_key, ':', 1) AS key FROM quota_definition WHERE seed_key LIKE $1`, [`%:${year}:371300`])).rows;
    for (const key of Object.keys(COMPARED)) {
      const id = ids.find((r) => r.key === key)?.id;
      const q = dash.quotas.find((x) => x.definition.id === id);
      const expected = rows.reduce((s, r) => s + r[key], 0);
      if (!q || q.actual !== expected) mismatches.push(`${year} ${key}: dashboard ${q?.actual} vs SQL ${expected}`);
      for (const r of rows) {
        const v = q?.byRegion.find((b) => b.regionCode === r.region)?.value ?? 0;
        if (v !== r[key]) mismatches.push(`${year} ${key} ${r.region}: dashboard ${v} vs SQL ${r[key]}`);
      }
    }
  }
  return mismatches;
}
