// Scenario "booth-rush" (docs/booths.md): 2,000 verified employers rush for the 500 booths of one fair
// through the API (holdBooth + confirmBoothBooking; a loser takes a booth from the CONFLICT's
// freeBoothCodes), and the same two booking transactions driven straight through `pg` on a second fair.
// Reports committed bookings/s, p50/p99 per committed booking, and oversold booths (must be 0).
// Without DATABASE_URL it starts its own embedded PostgreSQL (bench/support/harness.mjs).
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { assertBuilt, log, migrate, openPool, percentile, provisionDatabase, round, startApi, withCleanup } from '../support/harness.mjs';

export const description = '2,000 employers rush 500 booths: committed bookings/s, p50/p99, oversold (0), vs the same transactions through pg';

const EMPLOYERS = Number(process.env.BOOTH_RUSH_EMPLOYERS ?? 2000);
const BOOTHS = Number(process.env.BOOTH_RUSH_BOOTHS ?? 500);
const CONCURRENCY = Number(process.env.BOOTH_RUSH_CONCURRENCY ?? 32);
const ACTIVE = `('HELD','OFFERED','PENDING_APPROVAL','CONFIRMED')`;
const LIVE = `(b.status IN ('OFFERED','PENDING_APPROVAL','CONFIRMED') OR (b.status = 'HELD' AND b.hold_expires_at > now()))`;

const b64 = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
function accessToken(secret, userId) {
  const now = Math.floor(Date.now() / 1000);
  const body = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: userId, role: 'EMPLOYER', typ: 'access', sid: randomUUID(), iat: now, exp: now + 3600, iss: 'leye-linyi' })}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

async function gql(baseUrl, query, variables, token) {
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return res.json();
}

const HOLD = `mutation($e: ID!, $b: ID!) { holdBooth(eventId: $e, boothId: $b) { id } }`;
const CONFIRM = `mutation($id: ID!) { confirmBoothBooking(id: $id) { status } }`;

/** Runs `book(i)` for every employer from CONCURRENCY workers; times each committed booking. */
async function rush(book) {
  const latencies = [];
  let next = 0;
  let full = 0;
  let failed = 0;
  const failures = [];
  let lastBookedAt = 0;
  const startedAt = performance.now();
  const worker = async () => {
    while (next < EMPLOYERS) {
      const i = next++;
      const t0 = performance.now();
      try {
        const outcome = await book(i);
        if (outcome === 'booked') {
          lastBookedAt = performance.now();
          latencies.push(lastBookedAt - t0);
        } else full++;
      } catch (error) {
        failed++;
        if (failures.length < 5) failures.push(error?.message ?? String(error));
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  latencies.sort((a, b) => a - b);
  const elapsedMs = (lastBookedAt || performance.now()) - startedAt;
  return { booked: latencies.length, full, failed, failures, elapsedMs, perSec: latencies.length / (elapsedMs / 1000), p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99) };
}

async function oversold(db, eventId) {
  const { rows } = await db.query(
    `SELECT coalesce(sum(n - 1), 0)::int AS booths FROM (SELECT count(*) AS n FROM booth_booking WHERE event_id = $1 AND status IN ${ACTIVE} GROUP BY booth_id HAVING count(*) > 1) x`,
    [eventId],
  );
  const { rows: over } = await db.query(
    `SELECT count(*)::int AS n FROM (SELECT employer_id FROM booth_booking WHERE event_id = $1 AND status IN ${ACTIVE} GROUP BY employer_id HAVING count(*) > 1) x`,
    [eventId],
  );
  const { rows: confirmed } = await db.query(`SELECT count(*)::int AS n FROM booth_booking WHERE event_id = $1 AND status = 'CONFIRMED'`, [eventId]);
  return { oversold: rows[0].booths + over[0].n, confirmed: confirmed[0].n };
}

export async function run() {
  assertBuilt();
  return withCleanup(async (cleanup) => {
    log('provisioning a fresh database …');
    const database = await provisionDatabase(cleanup);
    log(`database: ${database.description}`);
    log(`migrate: ${(await migrate(database.url)).split('\n').join(' | ')}`);
    const db = openPool(database.url, CONCURRENCY);
    cleanup.add('close bench pool', () => db.end());
    const one = async (sql, params) => (await db.query(sql, params)).rows[0];

    // ---- fixtures: an organizer, a venue with a 500-booth plan, two fairs open for booking, 2,000 verified employers ----
    const organizer = await one(`INSERT INTO app_user (role, display_name, email, password_hash, region_code) VALUES ('ORGANIZER', '基准组织者', 'bench.org@example.test', 'x', '371302') RETURNING id`);
    const venue = await one(`INSERT INTO venue (name, address, region_code, capacity) VALUES ('基准展馆', '临沂市基准路 1 号', '371302', 10000) RETURNING id`);
    const layout = await one(`INSERT INTO venue_layout (venue_id, name, width, height) VALUES ($1, '基准展位图', 10000, 10000) RETURNING id`, [venue.id]);
    const booths = (
      await db.query(
        `INSERT INTO booth (layout_id, code, zone, size_sqm, x, y, width, height)
         SELECT $1, chr(65 + i / 100) || lpad((i % 100)::text, 2, '0'), chr(65 + i / 100), 9, (i % 100) * 40, (i / 100) * 40, 36, 36 FROM generate_series(0, $2 - 1) i
         RETURNING id, code`,
        [layout.id, BOOTHS],
      )
    ).rows;
    const fairs = [];
    for (const [k, label] of [[0, 'API'], [1, 'raw SQL']]) {
      const e = await one(
        `INSERT INTO event (title, description, type, subtype, region_code, venue_id, capacity, starts_at, ends_at, status, published_at, created_by)
         VALUES ($1, '', 'JOB_FAIR', 'GENERAL', '371302', $2, 5000, now() + make_interval(days => 30 + $3), now() + make_interval(days => 30 + $3, hours => 4), 'PUBLISHED', now(), $4) RETURNING id`,
        [`基准招聘会（${label}）`, venue.id, k, organizer.id],
      );
      await db.query(`INSERT INTO fair_booth_settings (event_id, layout_id, opens_at, closes_at) VALUES ($1, $2, now() - interval '1 hour', now() + interval '1 day')`, [e.id, layout.id]);
      fairs.push(e.id);
    }
    const members = (
      await db.query(
        `WITH e AS (
           INSERT INTO employer (name, credit_code, region_code, status, reviewed_at)
           SELECT format('基准企业%s有限公司', i), '91371302' || lpad(i::text, 9, '0') || 'X', '371302', 'VERIFIED', now() FROM generate_series(1, $1) i RETURNING id, name)
         INSERT INTO app_user (role, display_name, email, password_hash, employer_id)
         SELECT 'EMPLOYER', 'hr', 'bench.' || e.id || '@example.test', 'x', e.id FROM e RETURNING id, employer_id`,
        [EMPLOYERS],
      )
    ).rows;
    log(`fixtures: ${booths.length} booths, 2 fairs, ${members.length} verified employers`);
    const byCode = new Map(booths.map((b) => [b.code, b.id]));
    const pick = (codes) => byCode.get(codes[Math.floor(Math.random() * codes.length)]);

    const secret = randomBytes(32).toString('hex');
    const api = await startApi(database.url, cleanup, { JWT_SECRET: secret });
    log(`API ready at ${api.baseUrl} (pid ${api.pid}); ${CONCURRENCY} concurrent clients`);
    const tokens = members.map((m) => accessToken(secret, m.id));

    // ---- API: holdBooth + confirmBoothBooking; a loser retries on a booth from freeBoothCodes ----
    const apiRun = await rush(async (i) => {
      let boothId = booths[i % BOOTHS].id;
      for (let attempt = 0; attempt < 50; attempt++) {
        const held = await gql(api.baseUrl, HOLD, { e: fairs[0], b: boothId }, tokens[i]);
        if (!held.errors) {
          const confirmed = await gql(api.baseUrl, CONFIRM, { id: held.data.holdBooth.id }, tokens[i]);
          if (confirmed.errors) throw new Error(`confirm: ${JSON.stringify(confirmed.errors[0])}`);
          return 'booked';
        }
        const ext = held.errors[0].extensions ?? {};
        if (ext.reason !== 'BOOTH_TAKEN') throw new Error(`hold: ${ext.code} ${ext.reason} ${held.errors[0].message}`);
        if (!ext.freeBoothCodes?.length) return 'full';
        boothId = pick(ext.freeBoothCodes);
      }
      throw new Error('gave up after 50 attempts');
    });
    const apiCheck = await oversold(db, fairs[0]);
    log(`API     : ${apiRun.booked} bookings in ${(apiRun.elapsedMs / 1000).toFixed(1)} s → ${apiRun.perSec.toFixed(0)}/s, p50 ${apiRun.p50Ms?.toFixed(1)} ms, p99 ${apiRun.p99Ms?.toFixed(1)} ms; ${apiRun.full} found it full, ${apiRun.failed} failed; oversold ${apiCheck.oversold}, confirmed ${apiCheck.confirmed}`);

    // ---- raw SQL: the same two transactions (hold, confirm) through pg, without GraphQL, permissions or outbox jobs ----
    const freeCodes = async (client, eventId) =>
      (
        await client.query(
          `SELECT bo.code FROM fair_booth_settings s JOIN booth bo ON bo.layout_id = s.layout_id
             LEFT JOIN fair_booth_state st ON st.event_id = s.event_id AND st.booth_id = bo.id
            WHERE s.event_id = $1 AND coalesce(st.state, 'OPEN') = 'OPEN'
              AND NOT EXISTS (SELECT 1 FROM booth_booking b WHERE b.event_id = s.event_id AND b.booth_id = bo.id AND ${LIVE}) ORDER BY bo.code`,
          [eventId],
        )
      ).rows.map((r) => r.code);
    const rawRun = await rush(async (i) => {
      const eventId = fairs[1];
      const employerId = members[i].employer_id;
      let boothId = booths[i % BOOTHS].id;
      for (let attempt = 0; attempt < 50; attempt++) {
        const c = await db.connect();
        let bookingId;
        try {
          await c.query('BEGIN');
          const fair = (await c.query(`SELECT e.status, s.max_booths_per_employer AS max, s.hold_minutes, s.opens_at, s.closes_at, s.layout_id FROM event e JOIN fair_booth_settings s ON s.event_id = e.id WHERE e.id = $1`, [eventId])).rows[0];
          const employer = (await c.query(`SELECT status FROM employer WHERE id = $1`, [employerId])).rows[0];
          if (employer.status !== 'VERIFIED' || fair.status !== 'PUBLISHED') throw new Error('not eligible');
          await c.query(`SELECT bo.id, coalesce(st.state, 'OPEN') AS state FROM booth bo LEFT JOIN fair_booth_state st ON st.event_id = $1 AND st.booth_id = bo.id WHERE bo.id = $2 AND bo.layout_id = $3`, [eventId, boothId, fair.layout_id]);
          await c.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`booth:${eventId}:${employerId}`]);
          await c.query(`UPDATE booth_booking SET status = 'EXPIRED' WHERE event_id = $1 AND status = 'HELD' AND hold_expires_at <= now() AND (employer_id = $2 OR booth_id = $3)`, [eventId, employerId, boothId]);
          const live = (await c.query(`SELECT count(*)::int AS n FROM booth_booking b WHERE b.event_id = $1 AND b.employer_id = $2 AND ${LIVE}`, [eventId, employerId])).rows[0].n;
          if (live >= fair.max) throw new Error('over the limit');
          bookingId = (
            await c.query(`INSERT INTO booth_booking (event_id, booth_id, employer_id, status, hold_expires_at) VALUES ($1, $2, $3, 'HELD', now() + make_interval(mins => $4)) RETURNING id`, [eventId, boothId, employerId, fair.hold_minutes])
          ).rows[0].id;
          await c.query('COMMIT');
        } catch (error) {
          await c.query('ROLLBACK');
          if (error.code !== '23505') throw error;
        } finally {
          c.release();
        }
        if (bookingId) {
          const c2 = await db.connect();
          try {
            await c2.query('BEGIN');
            await c2.query(`SELECT id FROM booth_booking WHERE id = $1 FOR UPDATE`, [bookingId]);
            await c2.query(`SELECT b.status, b.hold_expires_at, bo.code, em.name FROM booth_booking b JOIN employer em ON em.id = b.employer_id JOIN booth bo ON bo.id = b.booth_id WHERE b.id = $1`, [bookingId]);
            await c2.query(`SELECT requires_approval FROM fair_booth_settings WHERE event_id = $1`, [eventId]);
            await c2.query(`UPDATE booth_booking SET status = 'CONFIRMED', hold_expires_at = NULL, confirmed_at = now() WHERE id = $1`, [bookingId]);
            await c2.query('COMMIT');
          } finally {
            c2.release();
          }
          return 'booked';
        }
        const free = await freeCodes(db, eventId);
        if (!free.length) return 'full';
        boothId = pick(free);
      }
      throw new Error('gave up after 50 attempts');
    });
    const rawCheck = await oversold(db, fairs[1]);
    log(`raw SQL : ${rawRun.booked} bookings in ${(rawRun.elapsedMs / 1000).toFixed(1)} s → ${rawRun.perSec.toFixed(0)}/s, p50 ${rawRun.p50Ms?.toFixed(1)} ms, p99 ${rawRun.p99Ms?.toFixed(1)} ms; ${rawRun.full} found it full, ${rawRun.failed} failed; oversold ${rawCheck.oversold}`);
    for (const f of [...apiRun.failures, ...rawRun.failures]) log(`   failure: ${f}`);
    const ratio = apiRun.perSec / rawRun.perSec;
    log(`ratio API/raw SQL ${ratio.toFixed(2)} (target ≥ 0.4)`);

    const problems = [];
    if (apiCheck.oversold || rawCheck.oversold) problems.push(`oversold: API ${apiCheck.oversold}, raw ${rawCheck.oversold}`);
    if (apiCheck.confirmed !== Math.min(BOOTHS, EMPLOYERS)) problems.push(`API confirmed ${apiCheck.confirmed} bookings, expected ${Math.min(BOOTHS, EMPLOYERS)}`);
    if (apiRun.failed || rawRun.failed) problems.push(`${apiRun.failed} API and ${rawRun.failed} raw attempts failed`);
    for (const p of problems) console.error(`INVARIANT BROKEN: ${p}`);
    console.log(
      JSON.stringify({
        scenario: 'booth-rush',
        employers: EMPLOYERS,
        booths: BOOTHS,
        concurrency: CONCURRENCY,
        bookingsPerSec: round(apiRun.perSec, 1),
        p50Ms: round(apiRun.p50Ms, 1),
        p99Ms: round(apiRun.p99Ms, 1),
        oversold: apiCheck.oversold + rawCheck.oversold,
        confirmed: apiCheck.confirmed,
        rawSqlPerSec: round(rawRun.perSec, 1),
        rawSqlP50Ms: round(rawRun.p50Ms, 1),
        rawSqlP99Ms: round(rawRun.p99Ms, 1),
        ratio: round(ratio, 2),
        database: database.label,
      }),
    );
    return problems.length ? 1 : 0;
  });
}
