// Scenario "dashboard" (see docs/quotas.md "Figures" and docs/performance.md):
//  10 years × 13 regions (the city and its 12 districts and counties), 20,000 events and 1,000,000
//  check-ins, all seeded set-based (generate_series), then the quota dashboard (city, a random year)
//  through the API at concurrency 8 while check-ins keep arriving through the attendance write path,
//  against the same figures computed by one plain SQL aggregate over the raw rows, at the same
//  concurrency, in the same run. Once the arrivals stop, the dashboard's totals must equal the
//  aggregate's (exit 1 otherwise).
// Without the attendance tables (the attendance capability not merged yet) it seeds and checks the
// event measures only, and says so (checkIns: 0, attendance: "absent").
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import {
  assertBuilt,
  BENCH_SCALE,
  freshDatabase,
  graphql,
  importApiDist,
  log,
  round,
  runLoad,
  scaled,
  sleep,
  startApi,
  summarize,
  withCleanup,
} from '../support/harness.mjs';
import { CARDS, dashboardMaxAgeMs, dashboardMismatches, FULL, RAW_AGGREGATE, RAW_EVENTS_ONLY } from '../support/dashboard.mjs';

/** CPU time (ms) a process has used so far (user + system), from /proc; null where /proc is absent. */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in USER_HZ (100)
  } catch {
    return null;
  }
}
const sumCpu = (pids) => pids.reduce((s, pid) => s + (cpuMs(pid) ?? 0), 0);

export const description = 'quota dashboard on 10 years × 13 regions, 20,000 events, 1,000,000 check-ins arriving (p50/p99, req/s vs one SQL aggregate)';

const YEARS = Array.from({ length: 10 }, (_, i) => 2017 + i); // 2017 … 2026
// BENCH_SCALE=ci (CI: the same phases and checks, smaller): 4,000 events, 100,000 check-ins, rounds of 2 s.
const EVENTS = scaled(20000, 4000);
const CHECK_INS = scaled(1_000_000, 100_000);
const SPARE_REGISTRATIONS = scaled(60000, 10000); // registered, not yet admitted: what arrives during the measurement
const CONCURRENCY = 8;
const ROUNDS = 2;
const ROUND_MS = scaled(8000, 2000);
const WARMUP = scaled(100, 20);
const ORGANIZER_LOGIN = 'bench.quotas@leye.test';
const TYPES = ['JOB_FAIR', 'CAMPUS_RECRUITING', 'ENTREPRENEURSHIP', 'LIVESTREAM', 'TRAINING'];
const SUBTYPES = { JOB_FAIR: 'GENERAL', CAMPUS_RECRUITING: 'UNIVERSITY_EXPRESS', ENTREPRENEURSHIP: 'SALON', LIVESTREAM: 'JOB_PROMOTION', TRAINING: 'NIGHT_SCHOOL' };
const LOGIN = `mutation Login($input: LoginInput!) { login(input: $input) { accessToken } }`;
// After the cards (CARDS, bench/support/dashboard.mjs, timed as p50Ms/p99Ms) the page asks the charts' series of the
// charted quota and the cadence (timed apart: chartsP50Ms/chartsP99Ms).
const CHARTS = `query Charts($year: Int!, $ids: [ID!]!) { quotaDashboard(year: $year, quotaIds: $ids) {
  year regionCode
  quotas { actual target status definition { id name }
    months { month actual cumulative requiredCumulative started }
    byRegion { regionCode regionName regionNameEn value }
    cadence { missedPeakWeeks missedOffSeasonMonths firstDay heldByDay scheduledByDay
      peakWeeks { week start end required count state } offSeasonMonths { month required count state } }
  } } }`;
export async function run() {
  assertBuilt();
  return withCleanup(async (cleanup) => {
    const { hashPassword } = await importApiDist('common/security/password-hasher.js');
    const maxAgeMs = await dashboardMaxAgeMs();
    const t0 = Date.now();
    const { database, db, one } = await freshDatabase(cleanup, 16);

    const attendance = (await one(`SELECT to_regclass('attendance_checkin') IS NOT NULL AND to_regclass('event_attendance') IS NOT NULL AS ok`)).ok;
    const password = `Bench-${Math.random().toString(36).slice(2)}-Pw1!`;
    const organizer = await one(
      `INSERT INTO app_user (role, display_name, email, password_hash, region_code) VALUES ('ORGANIZER', '基准测试组织者', $1, $2, '371300') RETURNING id`,
      [ORGANIZER_LOGIN, await hashPassword(password)],
    );
    const regions = (await db.query(`SELECT code FROM region WHERE level <> 'ZONE' ORDER BY code`)).rows.map((r) => r.code);

    // ---- quotas of every year: the seeded 2026 set copied to 2017 … 2024 (2025–2027 are seeded) ----
    await db.query(
      `INSERT INTO quota_definition (programme, name, name_en, region_code, period_start, period_end, target, unit, unit_en, clause, clause_text, kind, measure_key, params, sort_order, seed_key)
       SELECT d.programme, d.name, d.name_en, d.region_code, make_date(y, 1, 1), make_date(y, 12, 31), d.target, d.unit, d.unit_en, d.clause, d.clause_text, d.kind, d.measure_key, d.params, d.sort_order,
              split_part(d.seed_key, ':', 1) || ':' || y || ':371300'
         FROM quota_definition d CROSS JOIN generate_series(2017, 2024) y WHERE d.seed_key LIKE '%:2026:371300'`,
    );

    // ---- 20,000 events over 10 years × 13 regions, set-based: mostly completed, some cancelled, the rest of 2026 published ----
    const tEvents = Date.now();
    await db.query(
      `INSERT INTO event (title, type, subtype, region_code, is_online, online_url, capacity, starts_at, ends_at, status, cancel_reason, cancelled_at, published_at, created_by)
       SELECT format('基准活动 %s', i), t.type, t.subtype, ($1::text[])[i % cardinality($1::text[]) + 1], true, 'https://live.example.cn/bench', 5000,
              s.at, s.at + interval '3 hours',
              CASE WHEN i % 41 = 0 THEN 'CANCELLED' WHEN s.at + interval '3 hours' > now() THEN 'PUBLISHED' ELSE 'COMPLETED' END,
              CASE WHEN i % 41 = 0 THEN '基准取消' END, CASE WHEN i % 41 = 0 THEN s.at END, s.at - interval '7 days', $2
         FROM generate_series(0, $3 - 1) i
         CROSS JOIN LATERAL (SELECT ($4::text[])[i % 5 + 1] AS type, ($5::text[])[i % 5 + 1] AS subtype) t
         CROSS JOIN LATERAL (SELECT make_timestamptz(2017 + (i * 7919 % 10), 1, 1, 9, 0, 0, 'Asia/Shanghai') + ((i * 104729) % 364) * interval '1 day' AS at) s`,
      [regions, organizer.id, EVENTS, TYPES, TYPES.map((t) => SUBTYPES[t])],
    );
    await db.query('ANALYZE event');
    log(`seeded ${EVENTS} events (${YEARS[0]}–${YEARS.at(-1)}, ${regions.length} regions) in ${((Date.now() - tEvents) / 1000).toFixed(1)} s`);

    // ---- 1,000,000 check-ins (attendance tables): registrations, check-in rows and the per-event counters ----
    let spare = [];
    if (attendance) {
      const tCheck = Date.now();
      // Check-ins go to events that happened (job fairs and classes most): 50 per event on average.
      const [{ targets }] = (await db.query(`SELECT count(*)::int AS targets FROM event WHERE status IN ('COMPLETED','PUBLISHED') AND type IN ('JOB_FAIR','TRAINING','CAMPUS_RECRUITING','ENTREPRENEURSHIP')`)).rows;
      const total = CHECK_INS + SPARE_REGISTRATIONS;
      // One session without foreign-key triggers for the generated rows (they reference rows made just above):
      // index upkeep stays, the per-row FK look-ups of 2 million inserts go.
      const seed = await db.connect();
      await seed.query(`SET session_replication_role = replica`);
      await seed.query(
        `INSERT INTO event_registration (id, event_id, walk_in, name, phone, status, registered_at)
         SELECT gen_random_uuid(), t.id, true, '基准求职者', '13' || lpad(i::text, 9, '0'), 'REGISTERED', now()
           FROM generate_series(0, $1 - 1) i
           JOIN (SELECT e.id, row_number() OVER (ORDER BY e.id) - 1 AS n FROM event e
                  WHERE e.status IN ('COMPLETED','PUBLISHED') AND e.type IN ('JOB_FAIR','TRAINING','CAMPUS_RECRUITING','ENTREPRENEURSHIP')) t ON t.n = (i * 7) % $2`,
        [total, targets],
      );
      await seed.query(
        `INSERT INTO attendance_checkin (event_id, registration_id, gate_id, scan_id, offline, admitted_at)
         SELECT r.event_id, r.id, '00000000-0000-4000-8000-000000000001', gen_random_uuid(), false, now()
           FROM event_registration r WHERE r.phone < '13' || lpad($1::text, 9, '0')`,
        [CHECK_INS],
      );
      await seed.query(
        `INSERT INTO event_attendance (event_id, shard, admitted, first_admitted, scans)
         SELECT event_id, 0, count(*), count(*), count(*) FROM attendance_checkin GROUP BY event_id`,
      );
      await seed.query(`SET session_replication_role = DEFAULT`);
      seed.release();
      spare = (
        await db.query(`SELECT r.id, r.event_id FROM event_registration r WHERE r.phone >= '13' || lpad($1::text, 9, '0') ORDER BY r.phone`, [CHECK_INS])
      ).rows;
      await db.query('ANALYZE event_registration; ANALYZE attendance_checkin; ANALYZE event_attendance');
      const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM attendance_checkin`)).rows;
      log(`seeded ${n} check-ins (+ ${spare.length} registrations still to arrive) in ${((Date.now() - tCheck) / 1000).toFixed(1)} s`);
    } else {
      log('attendance tables absent (attendance capability not merged): seeding events only; attendance measures read 0');
    }

    const api = await startApi(database.url, cleanup);
    log(`API ready at ${api.baseUrl} (pid ${api.pid})`);
    const token = (await graphql(api.baseUrl, LOGIN, { input: { login: ORGANIZER_LOGIN, password } })).login.accessToken;
    const yearOf = (i) => YEARS[i % YEARS.length];
    const viaApi = async (i, query = CARDS) => {
      const { quotaDashboard } = await graphql(api.baseUrl, query, { year: yearOf(i) }, token);
      if (quotaDashboard.quotas.length < 9) throw new Error(`dashboard ${yearOf(i)} has ${quotaDashboard.quotas.length} quotas`);
      return quotaDashboard;
    };
    // The charted quota (名校引才, the first with events and a target) and the cadence of each year.
    const chartIds = new Map();
    for (const r of (await db.query(`SELECT id, split_part(seed_key, ':', 2)::int AS year FROM quota_definition WHERE split_part(seed_key, ':', 1) IN ('campus-trips', 'job-fair-cadence') AND seed_key LIKE '%:371300'`)).rows) {
      chartIds.set(r.year, [...(chartIds.get(r.year) ?? []), r.id]);
    }
    const charts = async (i) => {
      const { quotaDashboard } = await graphql(api.baseUrl, CHARTS, { year: yearOf(i), ids: chartIds.get(yearOf(i)) }, token);
      if (quotaDashboard.quotas.length !== 2) throw new Error(`charts ${yearOf(i)} has ${quotaDashboard.quotas.length} quotas`);
    };
    const raw = attendance ? RAW_AGGREGATE : RAW_EVENTS_ONLY;
    const viaSql = async (i) => (await db.query(raw, [yearOf(i), true])).rows;

    // ---- check-ins keep arriving through the attendance write path (attendance_record_scans) ----
    let arrivals = 0;
    let arriving = false;
    let arrivalError = null;
    const hasScanFn = attendance && (await one(`SELECT to_regproc('attendance_record_scans') IS NOT NULL AS ok`)).ok;
    const arrive = async () => {
      while (arriving && (spare.length || !attendance)) {
        const batch = spare.splice(0, 10);
        try {
          if (hasScanFn) {
            for (const r of batch) {
              await db.query(
                `SELECT * FROM attendance_record_scans($1, NULL, $2::uuid[], $3::uuid[], $4::uuid[], $5::timestamptz[], $6::boolean[], $7::text[], NULL, interval '5 minutes', $8::smallint)`,
                [r.event_id, [randomUUID()], ['00000000-0000-4000-8000-000000000001'], [r.id], [new Date()], [false], [null], arrivals % 16],
              );
              arrivals++;
            }
          } else if (attendance) {
            for (const r of batch) {
              await db.query(
                `WITH c AS (INSERT INTO attendance_checkin (event_id, registration_id, gate_id, scan_id, offline, admitted_at) VALUES ($1, $2, '00000000-0000-4000-8000-000000000001', gen_random_uuid(), false, now()) RETURNING event_id)
                 INSERT INTO event_attendance (event_id, shard, admitted, first_admitted, scans) SELECT event_id, 1, 1, 1, 1 FROM c
                 ON CONFLICT (event_id, shard) DO UPDATE SET admitted = event_attendance.admitted + 1, first_admitted = event_attendance.first_admitted + 1, scans = event_attendance.scans + 1`,
                [r.event_id, r.id],
              );
              arrivals++;
            }
          } else {
            // No attendance: events keep completing instead (the events.completed measure moves).
            await db.query(`UPDATE event SET status = 'COMPLETED' WHERE id = (SELECT id FROM event WHERE status = 'PUBLISHED' AND starts_at <= now() LIMIT 1)`);
            await sleep(20);
          }
        } catch (error) {
          arrivalError ??= error;
          await sleep(50);
        }
      }
    };
    const startArrivals = () => {
      arriving = true;
      return Promise.all([arrive(), arrive()]);
    };

    log(`warm-up (${WARMUP} requests each side)`);
    await runLoad({ concurrency: CONCURRENCY, maxRequests: WARMUP, maxMs: 15000, task: (i) => viaApi(i) });
    await runLoad({ concurrency: CONCURRENCY, maxRequests: WARMUP, maxMs: 15000, task: (i) => charts(i) });
    await runLoad({ concurrency: CONCURRENCY, maxRequests: WARMUP, maxMs: 15000, task: (i) => viaSql(i) });

    log(`measuring: ${ROUNDS} alternating rounds of ${ROUND_MS / 1000} s per side at concurrency ${CONCURRENCY}, check-ins arriving`);
    const writers = startArrivals();
    const apiRuns = [];
    const rawRuns = [];
    const chartRuns = [];
    const arrivalsAt = Date.now();
    // CPU per dashboard request: the API process and its PostgreSQL backends (the bench's own pool left out).
    const apiBackends = async () => (await db.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'leye-api'`)).rows.map((r) => r.pid);
    let apiCpuMs = 0;
    let dbCpuMs = 0;
    const loadBefore = loadavg();
    for (let r = 0; r < ROUNDS; r++) {
      const backends = await apiBackends();
      const [api0, db0] = [cpuMs(api.pid), sumCpu(backends)];
      apiRuns.push(await runLoad({ concurrency: CONCURRENCY, maxRequests: 1e9, maxMs: ROUND_MS, task: (i) => viaApi(r * 100000 + i) }));
      apiCpuMs += (cpuMs(api.pid) ?? 0) - (api0 ?? 0);
      dbCpuMs += sumCpu(backends) - db0;
      rawRuns.push(await runLoad({ concurrency: CONCURRENCY, maxRequests: 1e9, maxMs: ROUND_MS, task: (i) => viaSql(r * 100000 + i) }));
      chartRuns.push(await runLoad({ concurrency: CONCURRENCY, maxRequests: 1e9, maxMs: ROUND_MS, task: (i) => charts(r * 100000 + i) }));
    }
    const loadAfter = loadavg();
    arriving = false;
    await writers;
    // The dashboard's figures may be maxAgeMs old (docs/quotas.md "Freshness"): after that, it must equal the records.
    await sleep(maxAgeMs + 50);
    const arrivalSeconds = (Date.now() - arrivalsAt) / 1000;
    if (arrivalError) log(`arrivals: first error ${arrivalError.message}`);
    const apiSide = summarize(apiRuns);
    const rawSide = summarize(rawRuns);
    const chartSide = summarize(chartRuns);
    log(`API dashboard: ${apiSide.requests} requests, ${round(apiSide.perSec)} req/s, p50 ${round(apiSide.p50Ms)} ms, p99 ${round(apiSide.p99Ms)} ms, failed ${apiSide.failed} ${apiSide.failures.join(' | ')}`);
    log(`API charts (charted quota + cadence): ${chartSide.requests} requests, ${round(chartSide.perSec)} req/s, p50 ${round(chartSide.p50Ms)} ms, p99 ${round(chartSide.p99Ms)} ms, failed ${chartSide.failed} ${chartSide.failures.join(' | ')}`);
    log(`raw SQL aggregate: ${rawSide.requests} requests, ${round(rawSide.perSec)} req/s, p50 ${round(rawSide.p50Ms)} ms, p99 ${round(rawSide.p99Ms)} ms, failed ${rawSide.failed}`);
    log(`CPU per dashboard request: API ${round(apiCpuMs / apiSide.requests, 2)} ms, its PostgreSQL backends ${round(dbCpuMs / apiSide.requests, 2)} ms; load average ${loadBefore.map((x) => x.toFixed(2)).join(' ')} → ${loadAfter.map((x) => x.toFixed(2)).join(' ')}`);
    log(`check-ins arrived during the measurement: ${arrivals} (${round(arrivals / arrivalSeconds)}/s)`);

    // ---- totals: the dashboard equals the plain aggregate, every year, every region ----
    const mismatches = await dashboardMismatches(db, { years: YEARS, raw, dashboard: (year) => viaApi(YEARS.indexOf(year), FULL) });
    const totalsEqual = mismatches.length === 0;
    if (!totalsEqual) log(`MISMATCH: ${mismatches.slice(0, 10).join('; ')}`);
    const [{ checkIns }] = attendance ? (await db.query(`SELECT count(*)::int AS "checkIns" FROM attendance_checkin`)).rows : [{ checkIns: 0 }];
    const ok = totalsEqual && apiSide.failed === 0 && rawSide.failed === 0 && chartSide.failed === 0;
    console.log(
      JSON.stringify({
        scenario: 'dashboard',
        years: YEARS.length,
        regions: regions.length,
        events: EVENTS,
        checkIns,
        attendance: attendance ? (hasScanFn ? 'attendance_record_scans' : 'check-in rows + counters') : 'absent',
        concurrency: CONCURRENCY,
        p50Ms: round(apiSide.p50Ms),
        p99Ms: round(apiSide.p99Ms),
        reqPerSec: round(apiSide.perSec),
        chartsP50Ms: round(chartSide.p50Ms),
        chartsP99Ms: round(chartSide.p99Ms),
        chartsPerSec: round(chartSide.perSec),
        rawSqlP50Ms: round(rawSide.p50Ms),
        rawSqlP99Ms: round(rawSide.p99Ms),
        rawSqlPerSec: round(rawSide.perSec),
        ratio: round(apiSide.perSec / rawSide.perSec, 2),
        checkInsPerSecDuringLoad: round(arrivals / arrivalSeconds),
        apiCpuMsPerRequest: round(apiCpuMs / apiSide.requests, 2),
        dbCpuMsPerRequest: round(dbCpuMs / apiSide.requests, 2),
        maxStaleMs: maxAgeMs,
        loadAverage1m: round(loadAfter[0], 2),
        totalsEqual,
        failed: apiSide.failed + rawSide.failed + chartSide.failed,
        totalSeconds: round((Date.now() - t0) / 1000),
        database: database.label,
        scale: BENCH_SCALE,
      }),
    );
    return ok ? 0 : 1;
  });
}
