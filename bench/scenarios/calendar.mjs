// Scenario "calendar" (see docs/performance.md):
//  A. expand and store 50 series over 5 years through createEventSeries, against the same
//     occurrences expanded by @leye/domain and inserted straight through `pg`;
//  B. the public event list (50 a page, with venue, region, co-hosts and counts) on 20,000
//     published events at concurrency 16, against the equivalent SQL through `pg` — measured twice
//     on the API side: as deployed (anonymous answers reused for PUBLIC_QUERY_CACHE_MS) and with every
//     request computed (Cache-Control: no-cache); plus the number of SQL statements one computed
//     request costs, which must not depend on the page size.
// Without DATABASE_URL it starts its own embedded PostgreSQL (bench/support/harness.mjs).
// Checks: no duplicate (series, occurrence key), no overlapping events at a venue, equal
// statement counts for take=5 and take=50, every list response complete and correct.
import {
  assertBuilt,
  BENCH_SCALE,
  cpuDiff,
  cpuSnapshot,
  freshDatabase,
  graphql,
  importApiDist,
  importDomain,
  log,
  round,
  runLoad,
  scaled,
  startApi,
  summarize,
  withCleanup,
} from '../support/harness.mjs';

export const description = 'expand + store 50 series over 5 years; public event list on 20,000 events (req/s, p99, SQL per request)';

// BENCH_SCALE=ci (CI: the same phases and checks, smaller): 20 series (every pattern), 8,000 events, rounds of a few seconds.
const SERIES = scaled(50, 20);
const CONCURRENCY = 16;
const LIST_MAX_REQUESTS = scaled(3000, 400); // per side, split over the alternating rounds
const LIST_MAX_MS = scaled(20000, 4000); // per side
const LIST_WARMUP = scaled(300, 60);
const ROUNDS = 2; // API and raw SQL alternate, so drift on a shared machine hits both alike
const HORIZON_MONTHS = 60;
const START_DATE = '2027-01-01';
const UNTIL_DATE = '2031-12-31';
const VENUES = 2 * SERIES; // one per series (50 for the API's series, 50 for the raw-SQL ones); Phase B spreads events over all
const EVENTS = 200 * VENUES; // Phase B: 200 a venue, 9 days apart, so they span the 5 years the list filters ask for (20,000)
const WARMUP_VENUES = 4;
const ORGANIZER_LOGIN = 'bench.organizer@leye.test';
const NO_CACHE = { 'cache-control': 'no-cache' };

const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR'];
const TEMPLATES = [
  { type: 'JOB_FAIR', subtype: 'GENERAL', label: '专场招聘会' },
  { type: 'TRAINING', subtype: 'NIGHT_SCHOOL', label: '社区夜校' },
  { type: 'ENTREPRENEURSHIP', subtype: 'SALON', label: '创业沙龙' },
  { type: 'JOB_FAIR', subtype: 'INDUSTRY', label: '行业专场招聘会' },
  { type: 'CAMPUS_RECRUITING', subtype: 'TALENT_INTRODUCTION', label: '名校引才' },
];
const CO_HOSTS = ['临沂市人力资源和社会保障局', '共青团临沂市委', '临沂市妇女联合会', '临沂大学', '临沂市科学技术局', '临沂市工商业联合会', '兰山区人社局', '临沂高新区管委会'];

/** Series i: even ones weekly on a weekday, odd ones on the 2nd and 4th of a weekday each month. */
function seriesPattern(i) {
  const day = WEEKDAYS[Math.floor(i / 2) % WEEKDAYS.length];
  return {
    kind: 'RRULE',
    rrule: i % 2 === 0 ? `FREQ=WEEKLY;BYDAY=${day}` : `FREQ=MONTHLY;BYDAY=2${day},4${day}`,
    startDate: START_DATE,
    untilDate: UNTIL_DATE,
    startTime: i % 3 === 0 ? '14:00' : '09:00',
    durationMinutes: 180,
    holidayPolicy: 'NEXT_WORKING_DAY',
  };
}

function seriesInput(i, venue, { warmup = false } = {}) {
  const t = TEMPLATES[i % TEMPLATES.length];
  const pattern = seriesPattern(i);
  return {
    title: `${warmup ? '预热' : '基准'}系列 #${String(i).padStart(2, '0')} ${t.label}`,
    description: '基准测试生成的系列活动',
    type: t.type,
    subtype: t.subtype,
    regionCode: venue.region_code,
    venueId: venue.id,
    capacity: 500,
    publish: true,
    // Warm-up series cover one month only, so they cost little and clash with nothing.
    pattern: warmup ? { ...pattern, startDate: '2026-12-01', untilDate: '2026-12-31' } : pattern,
  };
}

const CREATE_SERIES = `mutation CreateSeries($input: CreateEventSeriesInput!) { createEventSeries(input: $input) { id materializedUntil } }`;
const LOGIN = `mutation Login($input: LoginInput!) { login(input: $input) { accessToken } }`;
const PUBLIC_EVENTS = `query PublicEvents($filter: EventFilter, $take: Int!, $skip: Int!) {
  events(filter: $filter, take: $take, skip: $skip) {
    total
    items { id title startsAt venue { name } region { name } coHosts { name } registeredCount }
  }
}`;

const LIST_VARIANTS = [
  { name: '5 years', filter: { from: '2027-01-01T00:00:00+08:00', to: '2032-01-01T00:00:00+08:00' } },
  { name: '2028', filter: { from: '2028-01-01T00:00:00+08:00', to: '2029-01-01T00:00:00+08:00' } },
  { name: '5 years, job fairs + training', filter: { from: '2027-01-01T00:00:00+08:00', to: '2032-01-01T00:00:00+08:00', types: ['JOB_FAIR', 'TRAINING'] } },
  { name: '2030, entrepreneurship', filter: { from: '2030-01-01T00:00:00+08:00', to: '2031-01-01T00:00:00+08:00', types: ['ENTREPRENEURSHIP'] } },
];

/** Request i of the list load: the filter rotates, the page wanders over the first 20 pages. */
function listRequest(i, totals) {
  const v = i % LIST_VARIANTS.length;
  const pages = Math.max(1, Math.min(20, Math.ceil(totals[v] / 50)));
  const skip = ((i * 7 + Math.floor(i / LIST_VARIANTS.length)) % pages) * 50;
  return { v, filter: LIST_VARIANTS[v].filter, take: 50, skip, expectedTotal: totals[v], expectedItems: Math.max(0, Math.min(50, totals[v] - skip)) };
}

function checkPage(page, req) {
  if (page.total !== req.expectedTotal) throw new Error(`total ${page.total}, expected ${req.expectedTotal} (${LIST_VARIANTS[req.v].name})`);
  if (page.items.length !== req.expectedItems) throw new Error(`${page.items.length} items, expected ${req.expectedItems}`);
  for (const item of page.items) {
    if (!item.venue?.name || !item.region?.name || !Array.isArray(item.coHosts)) throw new Error(`incomplete item ${JSON.stringify(item)}`);
  }
}

/** Events at one venue that start before an earlier-starting one there has ended (non-cancelled). */
const VENUE_OVERLAPS_SQL = `
  SELECT count(*)::int AS n FROM (
    SELECT starts_at, max(ends_at) OVER (PARTITION BY venue_id ORDER BY starts_at, id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_end
      FROM event WHERE venue_id IS NOT NULL AND status <> 'CANCELLED') x
   WHERE prev_end > starts_at`;
const DUPLICATES_SQL = `
  SELECT coalesce(sum(c - 1), 0)::int AS n FROM (
    SELECT count(*) AS c FROM event WHERE series_id IS NOT NULL GROUP BY series_id, occurrence_key HAVING count(*) > 1) d`;

export async function run() {
  assertBuilt();
  return withCleanup(async (cleanup) => {
    const domain = await importDomain();
    const { hashPassword } = await importApiDist('common/security/password-hasher.js');

    const { database, db, one } = await freshDatabase(cleanup, 20); // as many connections as the API's pool

    // ---- fixtures: organizer, venues, co-hosting bodies, a holiday schedule for 2027–2031 ----
    const password = `Bench-${Math.random().toString(36).slice(2)}-Pw1!`;
    const organizer = await one(
      `INSERT INTO app_user (role, display_name, email, password_hash, region_code) VALUES ('ORGANIZER', '基准测试组织者', $1, $2, '371300') RETURNING id`,
      [ORGANIZER_LOGIN, await hashPassword(password)],
    );
    const regions = (await db.query(`SELECT code FROM region ORDER BY code`)).rows.map((r) => r.code);
    const venues = (
      await db.query(
        `INSERT INTO venue (name, address, region_code, capacity)
         SELECT format('基准场馆 %s', lpad(i::text, 3, '0')), format('临沂市基准路 %s 号', i), ($1::text[])[i % cardinality($1::text[]) + 1], 2000
           FROM generate_series(0, $2 - 1) i
         RETURNING id, name, region_code`,
        [regions, VENUES + WARMUP_VENUES],
      )
    ).rows.sort((a, b) => a.name.localeCompare(b.name));
    await db.query(`INSERT INTO co_host_body (name) SELECT unnest($1::text[])`, [CO_HOSTS]);
    // chinese-days has no schedule past 2026, so admins would enter one: give the holiday policy work to do.
    const holidays = [];
    for (let y = 2027; y <= 2032; y++) {
      holidays.push({ date: `${y}-01-01`, name: '元旦' });
      const lny = domain.lunarNewYearDate(y);
      if (lny) for (let d = -1; d <= 6; d++) holidays.push({ date: domain.addDays(lny, d), name: '春节' });
      for (let d = 1; d <= 5; d++) holidays.push({ date: `${y}-05-0${d}`, name: '劳动节' });
      for (let d = 1; d <= 7; d++) holidays.push({ date: `${y}-10-0${d}`, name: '国庆节' });
    }
    await db.query(
      `INSERT INTO holiday_day (day, kind, name) SELECT d::date, 'HOLIDAY', n FROM unnest($1::text[], $2::text[]) AS t(d, n) ON CONFLICT (day) DO NOTHING`,
      [holidays.map((h) => h.date), holidays.map((h) => h.name)],
    );
    log(`fixtures: 1 organizer, ${venues.length} venues in ${regions.length} regions, ${CO_HOSTS.length} co-hosting bodies, ${holidays.length} holiday days 2027–2032`);

    const api = await startApi(database.url, cleanup, { SERIES_HORIZON_MONTHS: String(HORIZON_MONTHS) });
    log(`API ready at ${api.baseUrl} (pid ${api.pid}, SERIES_HORIZON_MONTHS=${HORIZON_MONTHS})`);
    const token = (await graphql(api.baseUrl, LOGIN, { input: { login: ORGANIZER_LOGIN, password } })).login.accessToken;

    // ================= Phase A: expand and store 50 series over 5 years =================
    log(`Phase A: ${SERIES} series ${START_DATE} … ${UNTIL_DATE} (weekly / 2nd+4th weekday monthly, NEXT_WORKING_DAY)`);
    const apiVenues = venues.slice(0, SERIES);
    const rawVenues = venues.slice(SERIES, 2 * SERIES);
    const warmVenues = venues.slice(VENUES);

    const createViaApi = async (input) => {
      const { createEventSeries: s } = await graphql(api.baseUrl, CREATE_SERIES, { input }, token);
      return s;
    };
    /** The ceiling: read the holidays, expand with @leye/domain, insert series + occurrences in one transaction. */
    const createViaSql = async (input) => {
      const p = input.pattern;
      const years = [];
      for (let y = Number(p.startDate.slice(0, 4)); y <= Number(domain.addDays(p.untilDate, 14).slice(0, 4)); y++) years.push(y);
      const admin = (await db.query(`SELECT to_char(day, 'YYYY-MM-DD') AS date, kind, name FROM holiday_day WHERE extract(year FROM day)::int = ANY($1::int[]) ORDER BY day`, [years])).rows;
      const calendar = domain.buildHolidayCalendar([...years.flatMap((y) => (domain.chineseDaysCoversYear(y) ? domain.chineseDaysEntries(y) : [])), ...admin]);
      const planned = domain
        .expandSeries(
          { rrule: p.rrule, startDate: p.startDate, startTime: p.startTime, durationMinutes: p.durationMinutes, until: p.untilDate, holidayPolicy: p.holidayPolicy },
          { from: p.startDate, to: p.untilDate },
          calendar,
        )
        .filter((o) => o.adjustment !== 'SKIPPED');
      const client = await db.connect();
      try {
        await client.query('BEGIN');
        const { rows: [s] } = await client.query(
          `INSERT INTO event_series (title, description, type, subtype, region_code, venue_id, capacity, pattern_kind, rrule, start_date, until_date,
                  start_time, duration_minutes, holiday_policy, publish_occurrences, materialized_until, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, 'RRULE', $8, $9, $10, $11, $12, $13, true, $10, $14) RETURNING id`,
          [input.title, input.description, input.type, input.subtype, input.regionCode, input.venueId, input.capacity, p.rrule, p.startDate, p.untilDate,
            p.startTime, p.durationMinutes, p.holidayPolicy, organizer.id],
        );
        await client.query(
          `INSERT INTO event (series_id, occurrence_key, title, description, type, subtype, region_code, venue_id, capacity,
                              starts_at, ends_at, registration_opens_at, registration_closes_at, status, published_at, created_by)
           SELECT $1, p.key, $2, $3, $4, $5, $6, $7, $8, p.s, p.t, p.s - interval '14 days', p.s, 'PUBLISHED', now(), $9
             FROM unnest($10::date[], $11::timestamptz[], $12::timestamptz[]) AS p(key, s, t)`,
          [s.id, input.title, input.description, input.type, input.subtype, input.regionCode, input.venueId, input.capacity, organizer.id,
            planned.map((o) => o.occurrenceKey), planned.map((o) => o.startsAt), planned.map((o) => o.endsAt)],
        );
        await client.query('COMMIT');
        return { id: s.id, materializedUntil: p.untilDate };
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    };

    for (let w = 0; w < 2; w++) {
      await createViaApi(seriesInput(w, warmVenues[w], { warmup: true }));
      await createViaSql(seriesInput(w, warmVenues[2 + w], { warmup: true }));
    }

    const apiSeries = [];
    const rawSeries = [];
    const apiLatencies = [];
    let apiMs = 0;
    let rawMs = 0;
    await api.counter.reset();
    const BLOCK = 10; // alternate API and raw SQL in blocks of 10 series
    for (let from = 0; from < SERIES; from += BLOCK) {
      const to = Math.min(SERIES, from + BLOCK);
      let t0 = performance.now();
      for (let i = from; i < to; i++) {
        const s0 = performance.now();
        let created;
        try {
          created = await createViaApi(seriesInput(i, apiVenues[i]));
        } catch (error) {
          throw new Error(`createEventSeries #${i} (${seriesPattern(i).rrule}) failed: ${error.message}`);
        }
        apiLatencies.push(performance.now() - s0);
        if (created.materializedUntil !== UNTIL_DATE) {
          throw new Error(`series #${i} was materialised only until ${created.materializedUntil}, not ${UNTIL_DATE}: is SERIES_HORIZON_MONTHS=${HORIZON_MONTHS} honoured?`);
        }
        apiSeries.push(created.id);
      }
      apiMs += performance.now() - t0;
      t0 = performance.now();
      for (let i = from; i < to; i++) rawSeries.push((await createViaSql(seriesInput(i, rawVenues[i]))).id);
      rawMs += performance.now() - t0;
    }
    const seriesQueries = (await api.counter.read()).count;

    const countOf = async (ids) => (await one(`SELECT count(*)::int AS n FROM event WHERE series_id = ANY($1::uuid[])`, [ids])).n;
    const occurrences = await countOf(apiSeries);
    const rawOccurrences = await countOf(rawSeries);
    // The API must store exactly what the domain package expands: compare each series' dates and times.
    const digests = new Map(
      (
        await db.query(
          `SELECT series_id, md5(string_agg(occurrence_key::text || '@' || starts_at::text || '/' || ends_at::text, ',' ORDER BY occurrence_key)) AS d
             FROM event WHERE series_id = ANY($1::uuid[]) GROUP BY series_id`,
          [[...apiSeries, ...rawSeries]],
        )
      ).rows.map((r) => [r.series_id, r.d]),
    );
    const differing = apiSeries.map((id, i) => (digests.get(id) === digests.get(rawSeries[i]) ? null : i)).filter((i) => i !== null);
    const moved = await one(`SELECT count(*)::int AS n FROM event WHERE series_id = ANY($1::uuid[]) AND (starts_at AT TIME ZONE 'Asia/Shanghai')::date <> occurrence_key`, [apiSeries]);
    const duplicatesA = (await one(DUPLICATES_SQL)).n;
    const overlapsA = (await one(VENUE_OVERLAPS_SQL)).n;

    apiLatencies.sort((a, b) => a - b);
    const seriesPerSec = SERIES / (apiMs / 1000);
    const occurrencesPerSec = occurrences / (apiMs / 1000);
    const rawSqlOccurrencesPerSec = rawOccurrences / (rawMs / 1000);
    const expandRatio = occurrencesPerSec / rawSqlOccurrencesPerSec;
    const queriesPerSeries = seriesQueries / SERIES;
    log(`A  API      : ${SERIES} series in ${(apiMs / 1000).toFixed(2)} s → ${seriesPerSec.toFixed(1)} series/s, ${occurrences} occurrences stored (${moved.n} moved off holidays) → ${occurrencesPerSec.toFixed(0)} occurrences/s; createEventSeries p50 ${apiLatencies[Math.floor(SERIES / 2)].toFixed(1)} ms, max ${apiLatencies.at(-1).toFixed(1)} ms; ${queriesPerSeries.toFixed(1)} SQL statements per series`);
    log(`A  raw SQL  : ${SERIES} series in ${(rawMs / 1000).toFixed(2)} s → ${(SERIES / (rawMs / 1000)).toFixed(1)} series/s, ${rawOccurrences} occurrences → ${rawSqlOccurrencesPerSec.toFixed(0)} occurrences/s`);
    log(`A  ratio API/raw SQL ${expandRatio.toFixed(2)}; same dates as @leye/domain: ${differing.length ? `NO, series ${differing.join(', ')} differ` : `yes (all ${SERIES})`}; duplicate occurrences ${duplicatesA}; venue overlaps ${overlapsA}`);

    // ================= Phase B: the public event list on 20,000 events =================
    log(`Phase B: ${EVENTS} published events, public list take=50 at concurrency ${CONCURRENCY}`);
    await db.query(`TRUNCATE event CASCADE`);
    const tb = performance.now();
    await db.query(
      `WITH v AS (SELECT id, region_code, (row_number() OVER (ORDER BY name) - 1)::int AS n FROM venue WHERE name LIKE '基准场馆%' ORDER BY name LIMIT $3),
            k AS (SELECT * FROM (VALUES (0, 'JOB_FAIR', 'GENERAL', '专场招聘会'), (1, 'TRAINING', 'NIGHT_SCHOOL', '社区夜校'), (2, 'ENTREPRENEURSHIP', 'SALON', '创业沙龙'),
                                        (3, 'CAMPUS_RECRUITING', 'UNIVERSITY_EXPRESS', '名校人才直通车'), (4, 'LIVESTREAM', 'JOB_PROMOTION', '直播带岗')) AS k(n, type, subtype, label))
       INSERT INTO event (title, description, type, subtype, region_code, venue_id, capacity, starts_at, ends_at,
                          registration_opens_at, registration_closes_at, status, published_at, created_by)
       SELECT format('%s 第 %s 场', k.label, g), '基准测试活动', k.type, k.subtype, v.region_code, v.id, 300,
              t.s, t.s + interval '3 hours', t.s - interval '14 days', t.s, 'PUBLISHED', now() - interval '1 day', $2
         FROM generate_series(0, $1 - 1) g
         JOIN v ON v.n = g % $3
         JOIN k ON k.n = (g / $3 + g) % 5
        CROSS JOIN LATERAL (SELECT timestamptz '2027-01-04 09:00+08' + (g / $3) * interval '9 days' + (g % 4) * interval '2 hours' AS s) t`,
      [EVENTS, organizer.id, VENUES],
    );
    await db.query(
      `WITH e AS (SELECT id, (row_number() OVER (ORDER BY starts_at, id))::int AS rn FROM event),
            c AS (SELECT id, (row_number() OVER (ORDER BY name) - 1)::int AS n FROM co_host_body)
       INSERT INTO event_co_host (event_id, co_host_id)
       SELECT e.id, c.id FROM e JOIN c ON c.n = e.rn % 8 WHERE e.rn % 2 = 0
       UNION ALL
       SELECT e.id, c.id FROM e JOIN c ON c.n = (e.rn + 3) % 8 WHERE e.rn % 6 = 0`,
    );
    await db.query(`ANALYZE event; ANALYZE event_co_host; ANALYZE venue; ANALYZE region; ANALYZE co_host_body`);
    const stored = await one(`SELECT count(*)::int AS n, min(starts_at) AS first, max(starts_at) AS last, count(DISTINCT venue_id)::int AS venues, count(DISTINCT region_code)::int AS regions FROM event WHERE published_at IS NOT NULL`);
    const coHostLinks = (await one(`SELECT count(*)::int AS n FROM event_co_host`)).n;
    const overlapsB = (await one(VENUE_OVERLAPS_SQL)).n;
    log(`B  data     : ${stored.n} events ${stored.first.toISOString().slice(0, 10)} … ${stored.last.toISOString().slice(0, 10)} over ${stored.venues} venues / ${stored.regions} regions, ${coHostLinks} co-host links, built in ${((performance.now() - tb) / 1000).toFixed(1)} s; venue overlaps ${overlapsB}`);
    if (stored.n !== EVENTS) throw new Error(`expected ${EVENTS} events, found ${stored.n}`);

    const whereOf = (filter) => {
      const params = [filter.from, filter.to];
      let where = `e.published_at IS NOT NULL AND e.ends_at > $1 AND e.starts_at < $2`;
      if (filter.types?.length) {
        params.push(filter.types);
        where += ` AND e.type = ANY($3::text[])`;
      }
      return { where, params };
    };
    const totals = [];
    for (const v of LIST_VARIANTS) {
      const { where, params } = whereOf(v.filter);
      totals.push((await one(`SELECT count(*)::int AS n FROM event e WHERE ${where}`, params)).n);
    }
    log(`B  filters  : ${LIST_VARIANTS.map((v, i) => `${v.name} → ${totals[i]}`).join('; ')}`);

    // The API keeps anonymous list answers for PUBLIC_QUERY_CACHE_MS (default 2 s). `fresh` sends
    // Cache-Control: no-cache, so every request is computed: both rates are measured and reported.
    const viaApi = async (i, fresh = false) => {
      const req = listRequest(i, totals);
      const { events } = await graphql(api.baseUrl, PUBLIC_EVENTS, { filter: req.filter, take: req.take, skip: req.skip }, undefined, fresh ? NO_CACHE : {});
      checkPage(events, req);
    };
    // Regions are reference data: the API reads them once per process, so the baseline does too.
    const regionByCode = new Map((await db.query(`SELECT * FROM region`)).rows.map((r) => [r.code, r]));
    /** The ceiling: the page, the count and the venue and co-host lookups the page needs, straight through pg. */
    const viaSql = async (i) => {
      const req = listRequest(i, totals);
      const { where, params } = whereOf(req.filter);
      const n = params.length;
      const [page, count] = await Promise.all([
        db.query(`SELECT e.* FROM event e WHERE ${where} ORDER BY e.starts_at, e.id LIMIT $${n + 1} OFFSET $${n + 2}`, [...params, req.take, req.skip]),
        db.query(`SELECT count(*)::int AS n FROM event e WHERE ${where}`, params),
      ]);
      const rows = page.rows;
      const [venueRows, coHostRows] = await Promise.all([
        db.query(`SELECT * FROM venue WHERE id = ANY($1::uuid[])`, [[...new Set(rows.map((r) => r.venue_id).filter(Boolean))]]),
        db.query(
          `SELECT ec.event_id AS "eventId", c.id, c.name, c.name_en AS "nameEn", c.active FROM event_co_host ec JOIN co_host_body c ON c.id = ec.co_host_id
            WHERE ec.event_id = ANY($1::uuid[]) ORDER BY c.name`,
          [rows.map((r) => r.id)],
        ),
      ]);
      const venueById = new Map(venueRows.rows.map((v) => [v.id, v]));
      const coHostsByEvent = new Map();
      for (const c of coHostRows.rows) (coHostsByEvent.get(c.eventId) ?? coHostsByEvent.set(c.eventId, []).get(c.eventId)).push({ name: c.name });
      const result = {
        total: count.rows[0].n,
        items: rows.map((e) => ({
          id: e.id, title: e.title, startsAt: e.starts_at.toISOString(), venue: { name: venueById.get(e.venue_id)?.name },
          region: { name: regionByCode.get(e.region_code)?.name }, coHosts: coHostsByEvent.get(e.id) ?? [], registeredCount: 0,
        })),
      };
      checkPage(JSON.parse(JSON.stringify(result)), req);
    };

    // Warm both up (JIT, plans, pools), then count statements per request on a quiet API.
    await runLoad({ concurrency: CONCURRENCY, maxRequests: LIST_WARMUP, maxMs: 15000, task: (i) => viaApi(100000 + i, true) });
    await runLoad({ concurrency: CONCURRENCY, maxRequests: LIST_WARMUP, maxMs: 15000, task: (i) => viaSql(100000 + i) });

    const perRequest = { 5: new Set(), 50: new Set() };
    let sampleTexts = [];
    for (const take of [5, 50]) {
      for (let v = 0; v < LIST_VARIANTS.length; v++) {
        for (const skip of [0, 100]) {
          await api.counter.reset();
          const { events } = await graphql(api.baseUrl, PUBLIC_EVENTS, { filter: LIST_VARIANTS[v].filter, take, skip }, undefined, NO_CACHE);
          if (events.items.length !== Math.min(take, totals[v] - skip)) throw new Error(`take=${take}: ${events.items.length} items`);
          const { count, texts } = await api.counter.read(true);
          perRequest[take].add(count);
          if (take === 50 && v === 0 && skip === 0) sampleTexts = texts;
        }
      }
    }
    const q5 = [...perRequest[5]];
    const q50 = [...perRequest[50]];
    const queriesStable = q5.length === 1 && q50.length === 1 && q5[0] === q50[0];
    log(`B  SQL per request: take=5 → ${q5.join('/')}, take=50 → ${q50.join('/')} ${queriesStable ? '(fixed)' : '(NOT fixed: grows with the page)'}`);
    sampleTexts.forEach((t, i) => log(`     ${i + 1}. ${t.replace(/\s+/g, ' ').slice(0, 160)}${t.length > 160 ? ' …' : ''}`));

    const apiRuns = [];
    const freshRuns = [];
    const rawRuns = [];
    let offset = 0;
    await api.counter.reset();
    const cpu = { api: {}, fresh: {}, raw: {} };
    const addCpu = (side, d) => {
      for (const [k, v] of Object.entries(d)) cpu[side][k] = v === null || cpu[side][k] === null ? null : (cpu[side][k] ?? 0) + v;
    };
    for (let r = 0; r < ROUNDS; r++) {
      const bound = { concurrency: CONCURRENCY, maxRequests: Math.ceil(LIST_MAX_REQUESTS / ROUNDS), maxMs: LIST_MAX_MS / ROUNDS };
      const base = offset;
      let before = await cpuSnapshot(db, { api: api.pid });
      apiRuns.push(await runLoad({ ...bound, task: (i) => viaApi(base + i) }));
      addCpu('api', cpuDiff(before, await cpuSnapshot(db, { api: api.pid })));
      const apiQueries = (await api.counter.reset()).count;
      apiRuns.at(-1).queries = apiQueries;
      before = await cpuSnapshot(db, { api: api.pid });
      freshRuns.push(await runLoad({ ...bound, task: (i) => viaApi(base + i, true) }));
      addCpu('fresh', cpuDiff(before, await cpuSnapshot(db, { api: api.pid })));
      freshRuns.at(-1).queries = (await api.counter.reset()).count;
      before = await cpuSnapshot(db);
      rawRuns.push(await runLoad({ ...bound, task: (i) => viaSql(base + i) }));
      addCpu('raw', cpuDiff(before, await cpuSnapshot(db)));
      offset += bound.maxRequests;
    }
    const list = summarize(apiRuns);
    const fresh = summarize(freshRuns);
    const raw = summarize(rawRuns);
    const freshQueries = freshRuns.reduce((s, r) => s + r.queries, 0) / (fresh.requests + fresh.failed);
    const freshRatio = fresh.perSec / raw.perSec;
    const perReq = (ms, n) => (ms === null || ms === undefined ? 'n/a' : `${(ms / n).toFixed(1)}`);
    const queriesUnderLoad = apiRuns.reduce((s, r) => s + r.queries, 0) / (list.requests + list.failed);
    const listRatio = list.perSec / raw.perSec;
    log(`B  API      : ${list.requests} requests in ${(list.elapsedMs / 1000).toFixed(1)} s → ${list.perSec.toFixed(0)} req/s, p50 ${list.p50Ms.toFixed(1)} ms, p99 ${list.p99Ms.toFixed(1)} ms, failed ${list.failed}; ${queriesUnderLoad.toFixed(2)} SQL statements per request under load`);
    log(`B  API, every request computed (Cache-Control: no-cache): ${fresh.requests} requests in ${(fresh.elapsedMs / 1000).toFixed(1)} s → ${fresh.perSec.toFixed(0)} req/s, p50 ${fresh.p50Ms.toFixed(1)} ms, p99 ${fresh.p99Ms.toFixed(1)} ms, failed ${fresh.failed}; ${freshQueries.toFixed(2)} SQL statements per request`);
    log(`B  raw SQL  : ${raw.requests} requests in ${(raw.elapsedMs / 1000).toFixed(1)} s → ${raw.perSec.toFixed(0)} req/s, p50 ${raw.p50Ms.toFixed(1)} ms, p99 ${raw.p99Ms.toFixed(1)} ms, failed ${raw.failed}`);
    log(`B  ratio API/raw SQL ${listRatio.toFixed(2)} with the anonymous answer cache (PUBLIC_QUERY_CACHE_MS=${process.env.PUBLIC_QUERY_CACHE_MS ?? '2000, the default'}), ${freshRatio.toFixed(2)} with every request computed`);
    // Backend pids are only this host's processes when the server runs here.
    if (database.local && !cpu.api.unavailable && !cpu.fresh.unavailable && !cpu.raw.unavailable) {
      log(`B  CPU ms per request — API computed: API process ${perReq(cpu.fresh.api, fresh.requests)}, its PostgreSQL backends ${perReq(cpu.fresh['pg:leye-api'], fresh.requests)}, load client ${perReq(cpu.fresh.self, fresh.requests)}; API with cache: API process ${perReq(cpu.api.api, list.requests)}, PostgreSQL ${perReq(cpu.api['pg:leye-api'], list.requests)}; raw SQL: PostgreSQL backends ${perReq(cpu.raw['pg:leye-bench'], raw.requests)}, bench process ${perReq(cpu.raw.self, raw.requests)}`);
    }
    for (const f of [...list.failures, ...fresh.failures, ...raw.failures]) log(`   failure: ${f}`);

    const problems = [];
    if (duplicatesA) problems.push(`${duplicatesA} duplicate (series, occurrence key) rows`);
    if (overlapsA + overlapsB) problems.push(`${overlapsA + overlapsB} overlapping events at a venue`);
    if (!queriesStable) problems.push(`SQL statements per request differ with the page size: take=5 ${q5.join('/')}, take=50 ${q50.join('/')}`);
    if (list.failed || fresh.failed || raw.failed) problems.push(`${list.failed + fresh.failed} API and ${raw.failed} raw-SQL list requests failed`);
    if (differing.length) problems.push(`API occurrences differ from @leye/domain's expansion for series ${differing.join(', ')}`);
    for (const p of problems) console.error(`INVARIANT BROKEN: ${p}`);

    console.log(
      JSON.stringify({
        scenario: 'calendar',
        series: SERIES,
        occurrences,
        expandSeconds: round(apiMs / 1000, 2),
        seriesPerSec: round(seriesPerSec, 2),
        occurrencesPerSec: round(occurrencesPerSec, 0),
        rawSqlOccurrencesPerSec: round(rawSqlOccurrencesPerSec, 0),
        expandRatio: round(expandRatio, 2),
        events: stored.n,
        listReqPerSec: round(list.perSec, 0),
        listP50Ms: round(list.p50Ms, 1),
        listP99Ms: round(list.p99Ms, 1),
        queriesPerRequest: queriesStable ? q50[0] : null,
        rawSqlReqPerSec: round(raw.perSec, 0),
        listRatio: round(listRatio, 2),
        listFreshReqPerSec: round(fresh.perSec, 0),
        listFreshP99Ms: round(fresh.p99Ms, 1),
        listFreshRatio: round(freshRatio, 2),
        queriesPerRequestFreshUnderLoad: round(freshQueries, 2),
        publicQueryCacheMs: Number(process.env.PUBLIC_QUERY_CACHE_MS ?? 2000),
        duplicateOccurrences: duplicatesA,
        venueOverlaps: overlapsA + overlapsB,
        queriesPerRequestTake5: q5.length === 1 ? q5[0] : q5,
        queriesPerRequestTake50: q50.length === 1 ? q50[0] : q50,
        queriesPerRequestUnderLoad: round(queriesUnderLoad, 2),
        queriesPerSeries: round(queriesPerSeries, 1),
        rawSqlOccurrences: rawOccurrences,
        rawSqlSeriesPerSec: round(SERIES / (rawMs / 1000), 2),
        occurrencesMatchDomain: differing.length === 0,
        rawSqlListP50Ms: round(raw.p50Ms, 1),
        rawSqlListP99Ms: round(raw.p99Ms, 1),
        listRequests: list.requests,
        listFailed: list.failed,
        database: database.label,
        scale: BENCH_SCALE,
      }),
    );
    return problems.length ? 1 : 0;
  });
}
