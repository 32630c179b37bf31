// Booth booking for the benchmarks (booth-rush, fair-day): the fixtures (a venue with a booth plan, verified
// employers with one member each, a fair open for booking), the web's booking through the GraphQL API (hold, then
// confirm; BOOTH_TAKEN carries the free codes), the rush loop that drives many employers at once, and the SQL
// invariants (no booth with two active bookings, no employer over the fair's limit).
import { percentile } from './harness.mjs';
import { graphqlError } from './http-client.mjs';

export const ACTIVE_BOOKING = `('HELD','OFFERED','PENDING_APPROVAL','CONFIRMED')`;
export const TWIN_EVERY = 25; // every 25th employer holds two booths at once (a double click, two tabs)
const MAX_ATTEMPTS = 8; // holds per employer before it gives up (a booth taken under it each time)

// The web's booking documents: hold the booth the employer clicked, then confirm it.
export const HOLD = `mutation HoldBooth($eventId: ID!, $boothId: ID!) {
  holdBooth(eventId: $eventId, boothId: $boothId) { id status boothCode holdExpiresAt }
}`;
export const CONFIRM = `mutation ConfirmBoothBooking($id: ID!) {
  confirmBoothBooking(id: $id) { id status boothCode confirmedAt }
}`;
const MAP = `query FairBoothMap($eventId: ID!) { fairBoothMap(eventId: $eventId) { booths { boothId code state } } }`;

/** An organizer account (no password: the benches sign its access tokens). */
export async function createOrganizer(db, { email, name = '基准组织者', region }) {
  return (await db.query(`INSERT INTO app_user (role, display_name, email, password_hash, region_code) VALUES ('ORGANIZER', $1, $2, 'x', $3) RETURNING id`, [name, email, region])).rows[0].id;
}

/**
 * A venue with one booth plan of `count` booths: zones of 100 (A, B, …) in rows of 20; every tenth a corner, the first of
 * each zone premium. Answers { venueId, layoutId, booths: [{ id, code }] } sorted by code.
 */
export async function createBoothPlan(db, { count, region, venueName = '基准会展中心' }) {
  const venue = (await db.query(`INSERT INTO venue (name, address, region_code, capacity) VALUES ($1, '临沂市兰山区基准路 1 号', $2, 20000) RETURNING id`, [venueName, region])).rows[0];
  const layout = (await db.query(`INSERT INTO venue_layout (venue_id, name, width, height) VALUES ($1, $2, 4000, $3) RETURNING id`, [venue.id, `基准展位图（${count} 个）`, Math.max(2000, Math.ceil(count / 20) * 78 + 20)])).rows[0];
  const booths = (
    await db.query(
      `INSERT INTO booth (layout_id, code, zone, type, size_sqm, x, y, width, height)
       SELECT $1, chr(65 + i / 100) || lpad((i % 100 + 1)::text, 3, '0'), chr(65 + i / 100),
              CASE WHEN i % 100 = 0 THEN 'PREMIUM' WHEN i % 10 = 9 THEN 'CORNER' ELSE 'STANDARD' END, 9,
              (i % 20) * 190 + 20, (i / 20) * 78 + 10, 180, 70
         FROM generate_series(0, $2 - 1) i
       RETURNING id, code`,
      [layout.id, count],
    )
  ).rows.sort((a, b) => a.code.localeCompare(b.code));
  return { venueId: venue.id, layoutId: layout.id, booths };
}

/** `count` verified employers with one member (role EMPLOYER) each: [{ id (the member's user id), employer_id }]. */
export async function createVerifiedEmployers(db, { count, region }) {
  return (
    await db.query(
      `WITH e AS (
         INSERT INTO employer (name, credit_code, region_code, status, reviewed_at)
         SELECT format('临沂基准企业%s有限公司', i), '91371302' || lpad(i::text, 9, '0') || 'X', $2, 'VERIFIED', now()
           FROM generate_series(1, $1) i RETURNING id)
       INSERT INTO app_user (role, display_name, email, password_hash, employer_id)
       SELECT 'EMPLOYER', '招聘专员', 'bench.booths.' || e.id || '@leye.test', 'x', e.id FROM e RETURNING id, employer_id`,
      [count, region],
    )
  ).rows;
}

/** Opens booking on a fair: the plan, the window (from a minute ago to tomorrow), `max` booths per employer, no approval. */
export async function openBoothBooking(db, eventId, layoutId, { max = 1 } = {}) {
  await db.query(
    `INSERT INTO fair_booth_settings (event_id, layout_id, opens_at, closes_at, max_booths_per_employer, requires_approval)
     VALUES ($1, $2, now() - interval '1 minute', now() + interval '1 day', $3, false)`,
    [eventId, layoutId, max],
  );
}

/** The booths open on the fair's map as the API shows them (what every employer's page starts from). */
export async function boothMap(client, baseUrl, eventId, token) {
  const answer = await client.gql(baseUrl, MAP, { eventId }, token);
  const error = graphqlError(answer, 'fairBoothMap');
  if (error) throw error;
  return answer.data.fairBoothMap.booths.filter((b) => b.state === 'OPEN').map((b) => ({ id: b.boothId, code: b.code }));
}

/**
 * One employer's try at a booth, the way the web books: `hold`, then `confirm` the hold. With `twinId` the employer
 * holds two booths at once (two tabs, a double click): the per-employer limit must let only one through. Answers
 * { booked, limitRefused } or { taken: free codes }.
 */
export const booking = (hold, confirm) => async (i, boothId, twinId) => {
  const holds = await Promise.all([boothId, ...(twinId && twinId !== boothId ? [twinId] : [])].map((b) => hold(i, b)));
  const won = holds.filter((h) => h.id);
  const limitRefused = holds.filter((h) => h.limit).length;
  if (!won.length) {
    const taken = holds.find((h) => h.taken);
    if (!taken) throw new Error('refused for the limit without holding a booth');
    return { taken: taken.taken, limitRefused };
  }
  // Two holds for one employer would break the limit: confirm both, so the SQL check at the end sees it.
  for (const h of won) await confirm(i, h.id);
  return { booked: true, limitRefused };
};

/**
 * Booking through the GraphQL API: employer `i` signs with `tokens[i]` and talks to `baseUrlOf(i)` (one instance, or
 * several behind a balancer).
 */
export function apiBooking(client, { eventId, tokens, baseUrlOf }) {
  const hold = async (i, boothId) => {
    const held = await client.gql(baseUrlOf(i), HOLD, { eventId, boothId }, tokens[i]);
    if (!held.errors?.length) return { id: held.data.holdBooth.id };
    const ext = held.errors[0].extensions ?? {};
    if (ext.reason === 'BOOTH_TAKEN') return { taken: ext.freeBoothCodes ?? [] };
    if (ext.reason === 'BOOKING_LIMIT_REACHED') return { limit: true };
    throw graphqlError(held, 'holdBooth');
  };
  const confirm = async (i, id) => {
    const confirmed = await client.gql(baseUrlOf(i), CONFIRM, { id }, tokens[i]);
    const error = graphqlError(confirmed, 'confirmBoothBooking');
    if (error) throw error;
    if (confirmed.data.confirmBoothBooking.status !== 'CONFIRMED') throw new Error(`confirmed as ${confirmed.data.confirmBoothBooking.status}`);
  };
  return booking(hold, confirm);
}

/**
 * One rush: `employers` (indices into the employer list) book through `attempt` from `concurrency`
 * clients until the fair is full, every employer has had its turn, `maxMs` has passed or `stopAt`
 * bookings are made; with `measureTo` the figures are those of the first `measureTo` bookings.
 * `attempt(i, boothId, twinId?)` answers { booked, limitRefused } or { taken: freeCodes }. Each client starts from
 * the map as it was when booking opened (its view goes stale as others book: that is the race),
 * and once any client learns that nothing is free, nobody else starts (the live map shows it full).
 */
export async function rush({ concurrency, employers, booths, attempt, maxMs, stopAt = Infinity, measureTo = Infinity }) {
  const byCode = new Map(booths.map((b) => [b.code, b.id]));
  const latencies = [];
  const failures = [];
  let failed = 0;
  let conflicts = 0;
  let gaveUp = 0;
  let limitRefused = 0;
  let twins = 0;
  let full = false;
  let next = 0;
  let lastCommitAt = 0;
  let cut = null; // the figures when `measureTo` bookings were made (the rush goes on to fill the fair)
  const startedAt = performance.now();
  const deadline = startedAt + maxMs;
  const worker = async (w) => {
    // A client's own view of the map: free booths as it believes them, shuffled by who it is.
    let view = booths.map((b) => b.id);
    while (!full && next < employers.length && latencies.length < stopAt && performance.now() < deadline) {
      const i = employers[next++];
      const t0 = performance.now();
      try {
        let boothId = view[(i * 7919 + w) % view.length];
        // Every 25th employer clicks twice: two holds on two booths at once (the limit lets one through).
        const twin = i % TWIN_EVERY === 0 ? view[(i * 7919 + w + 1) % view.length] : undefined;
        if (twin) twins++;
        let done = false;
        for (let a = 0; a < MAX_ATTEMPTS && !done; a++) {
          const outcome = await attempt(i, boothId, a === 0 ? twin : undefined);
          limitRefused += outcome.limitRefused ?? 0;
          if (outcome.booked) {
            done = true;
            lastCommitAt = performance.now();
            latencies.push(lastCommitAt - t0);
            if (latencies.length === measureTo) cut = { elapsedMs: lastCommitAt - startedAt, latencies: latencies.slice() };
            break;
          }
          conflicts++;
          if (!outcome.taken.length) {
            full = true;
            break;
          }
          view = outcome.taken.map((c) => byCode.get(c));
          boothId = view[Math.floor(Math.random() * view.length)];
        }
        if (!done && !full) gaveUp++;
      } catch (error) {
        failed++;
        if (failures.length < 5) failures.push(error?.message ?? String(error));
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, w) => worker(w)));
  const endedAt = performance.now();
  // Committed bookings per second of the rush: up to the last commit (the tail after it only learns "full").
  const measured = cut ?? { elapsedMs: (lastCommitAt || endedAt) - startedAt, latencies };
  const sorted = measured.latencies.slice().sort((a, b) => a - b);
  return {
    concurrency,
    booked: latencies.length,
    measured: sorted.length,
    conflicts,
    gaveUp,
    twins,
    limitRefused,
    failed,
    failures,
    full,
    elapsedMs: measured.elapsedMs,
    wallMs: endedAt - startedAt,
    perSec: sorted.length / (measured.elapsedMs / 1000),
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
  };
}

/**
 * The booking invariants over every fair of the database: booths with more than one active booking (extra bookings
 * counted) and active bookings beyond an employer's limit; `confirmedBy` maps each fair to its CONFIRMED rows.
 */
export async function boothInvariants(db) {
  const { rows: [inv] } = await db.query(
    `SELECT (SELECT coalesce(sum(n - 1), 0)::int FROM (SELECT count(*) AS n FROM booth_booking WHERE status IN ${ACTIVE_BOOKING} AND booth_id IS NOT NULL GROUP BY event_id, booth_id HAVING count(*) > 1) x) AS booths_oversold,
            (SELECT coalesce(sum(x.n - s.max_booths_per_employer), 0)::int FROM (SELECT event_id, employer_id, count(*) AS n FROM booth_booking WHERE status IN ${ACTIVE_BOOKING} GROUP BY event_id, employer_id) x
               JOIN fair_booth_settings s ON s.event_id = x.event_id WHERE x.n > s.max_booths_per_employer) AS over_limit`,
  );
  const confirmedBy = new Map((await db.query(`SELECT event_id, count(*)::int AS n FROM booth_booking WHERE status = 'CONFIRMED' GROUP BY event_id`)).rows.map((r) => [r.event_id, r.n]));
  return { boothsOversold: inv.booths_oversold, overLimit: inv.over_limit, oversold: inv.booths_oversold + inv.over_limit, confirmedBy };
}
