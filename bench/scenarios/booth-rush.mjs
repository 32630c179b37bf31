// Scenario "booth-rush" (see docs/performance.md): 2,000 verified employers rush for the 500 booths
// of a job fair the moment booking opens. Each employer books the way the web does, through the
// GraphQL API: `holdBooth` on a booth its (stale) map shows free, then `confirmBoothBooking`; a loser
// gets CONFLICT BOOTH_TAKEN with the booths still free and tries one of those (bounded retries);
// every 25th employer double-clicks (two holds at once: the per-employer limit lets one through).
// Against it, in the same run and on a fresh fair each round, the same two booking transactions
// driven straight through `pg` (same lock, same unique index, same hold row and job rows).
// Short probes at 16, 32 and 64 clients (API, then raw SQL to the same number of bookings) find
// where each side saturates; the rush then runs there, each side on a fresh fair, and gives the ratio.
// Checks in SQL at the end: no booth with two active bookings and no employer over the fair's
// limit (oversold must be 0), every confirmed answer is a CONFIRMED row, the raw rush fills its fair.
// Without DATABASE_URL it starts its own embedded PostgreSQL (bench/support/harness.mjs).
import { randomBytes, randomUUID } from 'node:crypto';
import { accessToken, assertBuilt, BENCH_SCALE, cpuDiff, cpuSnapshot, freshDatabase, log, round, scaled, startApi, withCleanup } from '../support/harness.mjs';
import { apiBooking, boothInvariants, boothMap, booking, createBoothPlan, createOrganizer, createVerifiedEmployers, openBoothBooking, rush } from '../support/booths.mjs';
import { httpClient } from '../support/http-client.mjs';

export const description = '2,000 verified employers rush 500 booths (hold + confirm): bookings/s, p50/p99, oversold (0), vs raw SQL';

// BENCH_SCALE=ci (CI: the same rounds and checks, smaller): 400 employers for 100 booths, probes at 16 and 32 clients.
const EMPLOYERS = Number(process.env.BOOTH_RUSH_EMPLOYERS ?? scaled(2000, 400));
const BOOTHS = Number(process.env.BOOTH_RUSH_BOOTHS ?? scaled(500, 100));
/** Client counts tried, API and raw SQL alternating at each; the best rate of each side is kept. */
const STEPS = (process.env.BOOTH_RUSH_CONCURRENCY ?? scaled('16,32,64', '16,32')).split(',').map(Number).filter((n) => n > 0);
const STEP_MS = Number(process.env.BOOTH_RUSH_STEP_MS ?? scaled(4000, 1500)); // an API probe round at one client count
const MAIN_MS = Number(process.env.BOOTH_RUSH_MAIN_MS ?? scaled(20000, 10000)); // bound on the full rush (the fair may not fill on a busy machine)
const POOL = 20; // the API's pool (apps/api/src/database/data-source.ts): the raw side gets as many connections
const LIVE = `(b.status IN ('OFFERED','PENDING_APPROVAL','CONFIRMED') OR (b.status = 'HELD' AND b.hold_expires_at > now()))`;
const REGION = '371302'; // 兰山区

export async function run() {
  assertBuilt();
  return withCleanup(async (cleanup) => {
    const t0 = performance.now();
    const { database, db, one } = await freshDatabase(cleanup, POOL);
    const client = httpClient();
    cleanup.add('close the HTTP keep-alive connections', () => client.destroy());
    // ---- fixtures (SQL): an organizer, a venue with a 500-booth plan, 2,000 verified employers with one member each ----
    const organizer = await createOrganizer(db, { email: 'bench.booths.org@leye.test', region: REGION });
    const { venueId, layoutId, booths } = await createBoothPlan(db, { count: BOOTHS, region: REGION, venueName: '基准会展中心' });
    const members = await createVerifiedEmployers(db, { count: EMPLOYERS, region: REGION });

    // One fair per round (each starts empty: "a fresh copy of the data"), all open now, limit 1, no approval.
    const fairsNeeded = 2 * (STEPS.length + 1) + 2; // probes and the rush, + one warm-up fair per side
    const fairs = [];
    for (let k = 0; k < fairsNeeded; k++) {
      const e = await one(
        `INSERT INTO event (title, description, type, subtype, region_code, venue_id, capacity, starts_at, ends_at, status, published_at, created_by)
         VALUES ($1, '基准测试招聘会', 'JOB_FAIR', 'GENERAL', $2, $3, 20000, now() + make_interval(days => 30 + $4), now() + make_interval(days => 30 + $4, hours => 4),
                 'PUBLISHED', now(), $5) RETURNING id`,
        [`春风行动基准招聘会 #${k + 1}`, REGION, venueId, k, organizer],
      );
      await openBoothBooking(db, e.id, layoutId);
      fairs.push(e.id);
    }
    await db.query(`ANALYZE`);
    log(`fixtures: ${booths.length} booths on one plan, ${members.length} verified employers, ${fairs.length} fairs open now (max 1 booth per employer, no approval)`);

    const secret = randomBytes(32).toString('hex');
    const api = await startApi(database.url, cleanup, { JWT_SECRET: secret });
    log(`API ready at ${api.baseUrl} (pid ${api.pid})`);
    // Signed before anything is timed (what a login would hand each employer): no 2,000 argon2 logins.
    const tokens = members.map((m) => accessToken(secret, m.id, 'EMPLOYER'));
    const boothIdByCode = new Map(booths.map((b) => [b.code, b.id]));

    // ---- the API side: holdBooth, then confirmBoothBooking; BOOTH_TAKEN carries the free codes (bench/support/booths.mjs) ----
    const viaApi = (eventId) => apiBooking(client, { eventId, tokens, baseUrlOf: () => api.baseUrl });

    // ---- the raw-SQL side: the same two transactions through pg ----
    // Hold: eligibility (fair published, window open, employer verified, booth on the plan and open), the
    // per-(fair, employer) advisory lock, lazy expiry of lapsed holds, the live count against the limit,
    // the HELD row (the partial unique index refuses a second active booking of the booth), and the
    // hold-expiry job row, in one transaction. On 23505: the free codes. Confirm: the booking locked,
    // checked (own, HELD, not lapsed), CONFIRMED, and the domain event's job row, in one transaction.
    const jobInsert = `INSERT INTO pgboss.job (name, data, start_after) VALUES ($1, $2::jsonb, $3)`;
    // The queue of the booth.booking-confirmed subscriber (DomainEvents names it event.<class>.<method>).
    const confirmedQueues = (await db.query(`SELECT name FROM pgboss.queue WHERE name LIKE 'event.Booth%.confirmed'`)).rows.map((r) => r.name);
    if (confirmedQueues.length !== 1) throw new Error(`expected one booth.booking-confirmed subscriber queue, found ${JSON.stringify(confirmedQueues)}`);
    const [confirmedQueue] = confirmedQueues;
    const userOf = members.map((m) => m.id);
    const sqlHold = (eventId) => async (i, boothId) => {
      const employerId = members[i].employer_id;
      const c = await db.connect();
      let held;
      let limit = false;
      try {
        await c.query('BEGIN');
        const { rows: [f] } = await c.query(
          `SELECT e.status, s.layout_id, s.max_booths_per_employer AS max, s.hold_minutes, now() >= s.opens_at AND now() < s.closes_at AS open,
                  (SELECT status FROM employer WHERE id = $2) AS employer_status,
                  (SELECT coalesce(st.state, 'OPEN') FROM booth bo LEFT JOIN fair_booth_state st ON st.event_id = e.id AND st.booth_id = bo.id
                    WHERE bo.id = $3 AND bo.layout_id = s.layout_id) AS booth_state
             FROM event e JOIN fair_booth_settings s ON s.event_id = e.id WHERE e.id = $1`,
          [eventId, employerId, boothId],
        );
        if (f.status !== 'PUBLISHED' || !f.open || f.employer_status !== 'VERIFIED' || f.booth_state !== 'OPEN') throw new Error(`not bookable: ${JSON.stringify(f)}`);
        await c.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`booth:${eventId}:${employerId}`]);
        await c.query(
          `UPDATE booth_booking SET status = 'EXPIRED', updated_at = now()
            WHERE event_id = $1 AND status = 'HELD' AND hold_expires_at <= now() AND (employer_id = $2 OR booth_id = $3)`,
          [eventId, employerId, boothId],
        );
        const { rows: [{ n }] } = await c.query(`SELECT count(*)::int AS n FROM booth_booking b WHERE b.event_id = $1 AND b.employer_id = $2 AND ${LIVE}`, [eventId, employerId]);
        if (n >= f.max) {
          limit = true;
          throw Object.assign(new Error('over the limit'), { code: 'LIMIT' });
        }
        ({ rows: [held] } = await c.query(
          `INSERT INTO booth_booking (event_id, booth_id, employer_id, status, hold_expires_at, created_by)
           VALUES ($1, $2, $3, 'HELD', now() + make_interval(mins => $4), $5) RETURNING id, hold_expires_at`,
          [eventId, boothId, employerId, f.hold_minutes, userOf[i]],
        ));
        await c.query(jobInsert, ['booths.hold-expiry', JSON.stringify({ bookingId: held.id }), new Date(held.hold_expires_at.getTime() + 1000)]);
        await c.query('COMMIT');
      } catch (error) {
        await c.query('ROLLBACK').catch(() => undefined);
        if (error.code !== '23505' && !limit) throw error;
      } finally {
        c.release();
      }
      if (limit) return { limit: true };
      if (!held) {
        const { rows } = await db.query(
          `SELECT bo.code FROM fair_booth_settings s JOIN booth bo ON bo.layout_id = s.layout_id
             LEFT JOIN fair_booth_state st ON st.event_id = s.event_id AND st.booth_id = bo.id
            WHERE s.event_id = $1 AND coalesce(st.state, 'OPEN') = 'OPEN'
              AND NOT EXISTS (SELECT 1 FROM booth_booking b WHERE b.event_id = s.event_id AND b.booth_id = bo.id AND ${LIVE})
            ORDER BY bo.code`,
          [eventId],
        );
        return { taken: rows.map((r) => r.code) };
      }
      return { id: held.id, boothId };
    };
    const sqlConfirm = (eventId) => async (i, bookingId) => {
      const employerId = members[i].employer_id;
      const c2 = await db.connect();
      try {
        await c2.query('BEGIN');
        const { rows: [b] } = await c2.query(
          `SELECT b.employer_id, b.booth_id, b.status, b.hold_expires_at > now() AS live, s.requires_approval
             FROM booth_booking b JOIN fair_booth_settings s ON s.event_id = b.event_id WHERE b.id = $1 FOR UPDATE OF b`,
          [bookingId],
        );
        if (b.employer_id !== employerId || b.status !== 'HELD' || !b.live) throw new Error(`cannot confirm: ${JSON.stringify(b)}`);
        const status = b.requires_approval ? 'PENDING_APPROVAL' : 'CONFIRMED';
        await c2.query(
          `UPDATE booth_booking SET status = $2, hold_expires_at = NULL, confirmed_at = CASE WHEN $2 = 'CONFIRMED' THEN now() END, updated_at = now() WHERE id = $1`,
          [bookingId, status],
        );
        await c2.query(jobInsert, [
          confirmedQueue,
          JSON.stringify({ id: randomUUID(), name: 'booth.booking-confirmed', payload: { bookingId, eventId, boothId: b.booth_id, employerId, status }, occurredAt: new Date().toISOString() }),
          new Date(),
        ]);
        await c2.query('COMMIT');
      } catch (error) {
        await c2.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        c2.release();
      }
    };
    const viaSql = (eventId) => booking(sqlHold(eventId), sqlConfirm(eventId));

    // ---- warm-up (JIT, plans, pools) on a fair of its own per side; statements per booking on a quiet API ----
    const order = (offset) => Array.from({ length: EMPLOYERS }, (_, k) => (k + offset) % EMPLOYERS);
    const [warmApiFair, warmSqlFair, ...roundFairs] = fairs;
    const initialMap = (eventId) => boothMap(client, api.baseUrl, eventId, tokens[0]);
    // The statements of one uncontended booking (hold + confirm).
    await api.counter.reset();
    if (!(await viaApi(warmApiFair)(0, boothIdByCode.get(booths[0].code))).booked) throw new Error('the first booking failed');
    const { count: statementsPerBooking, texts: bookingTexts } = await api.counter.read(true);
    log(`SQL statements for one uncontended booking through the API (hold + confirm): ${statementsPerBooking}`);
    bookingTexts.forEach((t, k) => log(`     ${k + 1}. ${t.replace(/\s+/g, ' ').slice(0, 150)}${t.length > 150 ? ' …' : ''}`));
    const warmMap = await initialMap(warmApiFair);
    const warm = { concurrency: 8, employers: order(1).slice(0, 80), booths: warmMap, maxMs: 5000 };
    await rush({ ...warm, attempt: viaApi(warmApiFair) });
    await rush({ ...warm, attempt: viaSql(warmSqlFair) });
    // One client alone: what a booking costs when nobody queues (at saturation p50 ≈ clients / rate).
    const solo = { concurrency: 1, employers: order(1000).slice(0, 20), booths: warmMap, maxMs: 5000 };
    const soloApi = await rush({ ...solo, attempt: viaApi(warmApiFair) });
    const soloSql = await rush({ ...solo, attempt: viaSql(warmSqlFair) });
    log(`warm-up done (${((performance.now() - t0) / 1000).toFixed(1)} s so far); one client alone: API booking p50 ${soloApi.p50Ms?.toFixed(1)} ms, raw SQL ${soloSql.p50Ms?.toFixed(1)} ms`);

    const perBookingCpu = (x, k) => (database.local && !x.cpu.unavailable && x.cpu[k] != null && x.booked ? x.cpu[k] / x.booked : null);
    const fmt = (v) => (v == null ? 'n/a' : v.toFixed(1));
    /** One API round and one raw-SQL round at `concurrency`, each on a fresh fair; the raw round stops at as many bookings as the API made (same share of the fair, same contention). */
    let f = 0;
    const pair = async (label, concurrency, offset, { apiMs, sqlConcurrency = concurrency, sameShare, fill = false }) => {
      const employers = order(offset);
      const apiFair = roundFairs[f++];
      const sqlFair = roundFairs[f++];
      const map = await initialMap(apiFair);
      await api.counter.reset();
      let before = await cpuSnapshot(db, { api: api.pid });
      const a = await rush({ concurrency, employers, booths: map, attempt: viaApi(apiFair), maxMs: apiMs });
      a.cpu = cpuDiff(before, await cpuSnapshot(db, { api: api.pid }));
      a.statements = (await api.counter.read()).count;
      a.eventId = apiFair;
      before = await cpuSnapshot(db, { api: api.pid });
      const r = await rush({ concurrency: sqlConcurrency, employers, booths: map, attempt: viaSql(sqlFair), maxMs: MAIN_MS, ...(sameShare ? (fill ? { measureTo: a.booked } : { stopAt: a.booked }) : {}) });
      r.cpu = cpuDiff(before, await cpuSnapshot(db, { api: api.pid }));
      r.eventId = sqlFair;
      log(`${label} c=${String(concurrency).padStart(3)} API    : ${a.booked} booked in ${(a.elapsedMs / 1000).toFixed(2)} s → ${a.perSec.toFixed(1)}/s, p50 ${a.p50Ms?.toFixed(0)} ms, p99 ${a.p99Ms?.toFixed(0)} ms, ${a.conflicts} BOOTH_TAKEN, ${a.twins} double clicks → ${a.limitRefused} BOOKING_LIMIT_REACHED, ${a.gaveUp} gave up, ${a.failed} failed; ${(a.statements / Math.max(1, a.booked)).toFixed(1)} statements/booking; CPU ms/booking: API ${fmt(perBookingCpu(a, 'api'))}, its PostgreSQL ${fmt(perBookingCpu(a, 'pg:leye-api'))}, load client ${fmt(perBookingCpu(a, 'self'))}`);
      log(`${label} c=${String(sqlConcurrency).padStart(3)} raw SQL: ${r.measured} booked in ${(r.elapsedMs / 1000).toFixed(2)} s${r.measured < r.booked ? ` (then on to ${r.booked}${r.full ? ', full' : ''})` : ''} → ${r.perSec.toFixed(1)}/s, p50 ${r.p50Ms?.toFixed(0)} ms, p99 ${r.p99Ms?.toFixed(0)} ms, ${r.conflicts} conflicts, ${r.limitRefused} over the limit, ${r.gaveUp} gave up, ${r.failed} failed; CPU ms/booking: PostgreSQL ${fmt(perBookingCpu(r, 'pg:leye-bench'))}, bench ${fmt(perBookingCpu(r, 'self'))}`);
      return [a, r];
    };

    // ---- find saturation: short API probes at each client count (raw SQL alternating, to the same share of its fair) ----
    const steps = [];
    for (const [s, concurrency] of STEPS.entries()) steps.push(await pair('probe', concurrency, s * 397, { apiMs: STEP_MS, sameShare: true }));
    const bestStep = steps.reduce((x, y) => (y[0].perSec > x[0].perSec ? y : x));
    const bestSqlStep = steps.reduce((x, y) => (y[1].perSec > x[1].perSec ? y : x));
    const clients = bestStep[0].concurrency;
    log(`saturation: API best at ${clients} clients, raw SQL at ${bestSqlStep[1].concurrency} (${((performance.now() - t0) / 1000).toFixed(1)} s so far)`);

    // ---- the rush: every employer in line for a fresh fair at that client count, until the fair is full ----
    const [main, mainSql] = await pair('rush ', clients, 1009, { apiMs: MAIN_MS, sqlConcurrency: bestSqlStep[1].concurrency, sameShare: true, fill: true });
    const ratio = main.perSec / mainSql.perSec;
    const rounds = [...steps.flat(), main, mainSql];
    if (soloApi.failed + soloSql.failed) throw new Error(`single-client bookings failed: ${[...soloApi.failures, ...soloSql.failures][0]}`);
    for (const x of [soloApi, soloSql, ...rounds]) for (const msg of x.failures) log(`   failure (c=${x.concurrency}): ${msg}`);

    // ---- invariants, in SQL, over every fair of the run ----
    const inv = await boothInvariants(db);
    const { oversold, confirmedBy } = inv;
    const problems = [];
    if (inv.boothsOversold) problems.push(`${inv.boothsOversold} extra active bookings on already-booked booths`);
    if (inv.overLimit) problems.push(`${inv.overLimit} active bookings over an employer's limit`);
    for (const x of rounds) {
      const side = x.statements !== undefined ? 'API' : 'raw SQL';
      const n = confirmedBy.get(x.eventId) ?? 0;
      if (n !== x.booked) problems.push(`${side} c=${x.concurrency}: ${x.booked} bookings answered as confirmed, ${n} CONFIRMED rows`);
      if (x.failed) problems.push(`${side} c=${x.concurrency}: ${x.failed} bookings failed (${x.failures[0]})`);
    }
    // The raw rush must fill its fair (it is the ceiling); an API rush cut short by MAIN_MS on a busy machine is reported, not failed.
    if (mainSql.booked !== Math.min(BOOTHS, EMPLOYERS)) problems.push(`the raw-SQL rush booked ${mainSql.booked} of ${Math.min(BOOTHS, EMPLOYERS)} booths`);
    for (const p of problems) console.error(`INVARIANT BROKEN: ${p}`);
    log(`oversold ${oversold} (booths with two active bookings: ${inv.boothsOversold}; employers over the limit: ${inv.overLimit}); the API rush ${main.full ? 'filled its fair' : `stopped at the ${MAIN_MS / 1000} s bound with ${main.booked} of ${BOOTHS} booths booked`}`);
    log(`ratio API/raw SQL ${ratio.toFixed(2)} (target ≥ 0.4): API ${main.perSec.toFixed(1)} bookings/s at ${clients} clients, raw SQL ${mainSql.perSec.toFixed(1)}/s at ${mainSql.concurrency}; total ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const cpuOf = (x, k) => round(perBookingCpu(x, k), 1);
    console.log(
      JSON.stringify({
        scenario: 'booth-rush',
        employers: EMPLOYERS,
        booths: BOOTHS,
        clients,
        bookingsPerSec: round(main.perSec, 1),
        p50Ms: round(main.p50Ms, 1),
        p99Ms: round(main.p99Ms, 1),
        booked: main.booked,
        filled: main.full,
        conflicts: main.conflicts,
        doubleClicks: main.twins,
        limitRefused: main.limitRefused,
        soloP50Ms: round(soloApi.p50Ms, 1),
        rawSqlSoloP50Ms: round(soloSql.p50Ms, 1),
        failures: rounds.reduce((s, x) => s + x.failed + x.gaveUp, 0),
        oversold,
        rawSqlClients: mainSql.concurrency,
        rawSqlPerSec: round(mainSql.perSec, 1),
        rawSqlP50Ms: round(mainSql.p50Ms, 1),
        rawSqlP99Ms: round(mainSql.p99Ms, 1),
        rawSqlConflicts: mainSql.conflicts,
        ratio: round(ratio, 2),
        statementsPerBooking,
        statementsPerBookingUnderLoad: round(main.statements / Math.max(1, main.booked), 1),
        cpuMsPerBooking: { api: cpuOf(main, 'api'), apiPg: cpuOf(main, 'pg:leye-api'), client: cpuOf(main, 'self'), rawPg: cpuOf(mainSql, 'pg:leye-bench'), rawClient: cpuOf(mainSql, 'self') },
        probes: steps.map(([a, r]) => ({ clients: a.concurrency, api: round(a.perSec, 1), apiP99Ms: round(a.p99Ms, 0), raw: round(r.perSec, 1), rawP99Ms: round(r.p99Ms, 0) })),
        seconds: round((performance.now() - t0) / 1000, 1),
        database: database.label,
        scale: BENCH_SCALE,
      }),
    );
    return problems.length ? 1 : 0;
  });
}
