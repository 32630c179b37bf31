// Scenario "fair-day" (see docs/performance.md): one large job fair's day, every activity at once, on the deployed
// topology — two API instances and a job worker sharing PostgreSQL and Redis (BENCH_REDIS_URL under a key prefix of
// the run, or a private redis-server when that does not answer):
//  - booths: 500 verified employers book the fair's 400 booths the moment booking opens (holdBooth + confirmBoothBooking
//    through GraphQL, stale maps, BOOTH_TAKEN retries, every 25th a double click; bench/support/booths.mjs);
//  - registrations: 20,000 seekers register for the fair (registerForEvent) and get their signed ticket;
//  - check-ins: each registered seeker arrives at one of 8 gates. 5 gates are online: each scan is uploaded alone
//    (`POST /api/attendance/scans`, 2 scanners a gate). 3 gates are offline: their stations queue scans and sync them
//    later in batches of ≤ 500 (every fourth batch uploaded twice: a lost answer; all must come back ALREADY_RECORDED);
//    every 50th ticket is also scanned at a second gate, one of the two offline (a ticket used twice: never admitted twice);
//  - broadcast: 5,000 of the seekers watch the fair's livestream (socket.io on `/live`, half on each instance), the host
//    pushes 10 job cards, each viewer applies to one card as it arrives (applyFromBroadcast; every 20th taps twice);
//  - dashboard: organizers watch the quota dashboard (the page's first query) and the fair's live counts.
// Seekers, employers, the plan, postings and the broadcast are written straight through SQL; every measured activity
// goes through the API. Per activity: throughput and p50/p99. Invariants (exit 1 when one breaks): 0 oversold booths,
// every confirmed booking a CONFIRMED row; every REGISTERED answer a row, the seat counter equal to the rows; 0 duplicate
// check-ins and 0 lost scans (every answered scan recorded, every scanned ticket checked in, counters equal to the rows);
// 0 lost card deliveries and 0 lost or duplicate applications; the dashboard's totals (on both instances) and the live
// counts equal to the records once the load stops; no failed job (the worker's backlog is reported). A failed request
// counts as broken too. The abuse limits are raised through the environment (all traffic comes from 127.0.0.1).
import { randomBytes, randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { accessToken, assertBuilt, BENCH_SCALE, freshDatabase, log, percentile, round, scaled, sleep, startApi, startWorker, summarize, withCleanup } from '../support/harness.mjs';
import { apiBooking, boothInvariants, boothMap, createBoothPlan, createOrganizer, createVerifiedEmployers, openBoothBooking, rush } from '../support/booths.mjs';
import { CARDS as DASHBOARD, dashboardMaxAgeMs, dashboardMismatches, FULL } from '../support/dashboard.mjs';
import { graphqlError, httpClient } from '../support/http-client.mjs';
import { closeAll, collector, connectViewers, seedBroadcast } from '../support/live.mjs';
import { benchRedis } from '../support/redis.mjs';

export const description = 'a fair day at once on 2 API instances + a worker + Redis: 500 employers book booths, 20,000 seekers register and check in at 8 gates (3 offline), 5,000 viewers apply, organizers watch the dashboard';

// BENCH_SCALE=ci: 50 employers (40 booths), 2,000 seekers, 500 viewers, 5 cards.
const EMPLOYERS = Number(process.env.FAIR_DAY_EMPLOYERS ?? scaled(500, 50));
const BOOTHS = Number(process.env.FAIR_DAY_BOOTHS ?? Math.round(EMPLOYERS * 0.8)); // fewer booths than employers: the fair sells out
const SEEKERS = Number(process.env.FAIR_DAY_SEEKERS ?? scaled(20000, 2000));
const VIEWERS = Math.min(SEEKERS, Number(process.env.FAIR_DAY_VIEWERS ?? scaled(5000, 500)));
const CARDS = Number(process.env.FAIR_DAY_CARDS ?? scaled(10, 5));
/**
 * No activity starts new work after this; the gates and the apply clients still serve who is already in line for
 * DRAIN_MS more, and the offline stations sync everything they scanned.
 */
const LOAD_MS = Number(process.env.FAIR_DAY_LOAD_MS ?? scaled(150000, 30000));
const DRAIN_MS = 20000;
/** How long the worker's backlog is watched after the load (its drain rate is a figure). */
const JOB_DRAIN_MS = scaled(30000, 10000);
const GATES = ['东门 1', '东门 2', '西门 1', '西门 2', '南门', '北门 1', '北门 2', '北门 3'];
const ONLINE_GATES = 5; // the first five; the last three are offline
const SCANNERS_PER_GATE = 2;
const BOOTH_CLIENTS = Number(process.env.FAIR_DAY_BOOTH_CLIENTS ?? scaled(16, 8));
const REGISTER_CLIENTS = Number(process.env.FAIR_DAY_REGISTER_CLIENTS ?? 16);
const APPLY_CLIENTS = Number(process.env.FAIR_DAY_APPLY_CLIENTS ?? 16);
const WATCHERS = 4; // organizers with the quota dashboard open
const WATCH_GAP_MS = 250; // between a watcher's refreshes
const SYNC_MS = Number(process.env.FAIR_DAY_SYNC_MS ?? scaled(15000, 5000)); // an offline station comes back online this often
const BATCH = 500;
const PUSH_GAP_MS = scaled(1500, 1000);
const TWICE_EVERY = 50; // every 50th ticket is also scanned at a second gate
const RETAP_EVERY = 20; // every 20th viewer taps "apply" twice
const FAIR_REGION = '371302'; // 兰山区
const KEY_ID = 'bench';
/**
 * The abuse limits, raised: every request of the bench comes from 127.0.0.1, so per-address limits meant for one person
 * would refuse the crowd (docs/performance.md#scenario-fair-day). Sign-in is not exercised (tokens are signed), the
 * limits are raised anyway so that a changed flow does not trip them.
 */
export const RAISED_LIMITS = {
  APPLICATIONS_PER_USER_PER_HOUR: '100000',
  APPLICATIONS_PER_ADDRESS_PER_HOUR: '1000000',
  REGISTRATIONS_PER_ADDRESS_PER_HOUR: '100000',
  LOGIN_MAX_FAILURES: '100',
  LOGIN_MAX_FAILURES_PER_ACCOUNT: '1000',
  LOGIN_MAX_FAILURES_PER_ADDRESS: '10000',
};

const REGISTER = `mutation Register($eventId: ID!) { registerForEvent(eventId: $eventId) { id status ticketCode } }`;
const APPLY = `mutation Apply($input: BroadcastApplyInput!) { applyFromBroadcast(input: $input) { applicationId alreadyApplied accountCreated } }`;
const COUNTS = `query Counts($eventId: ID!) { attendanceCounts(eventId: $eventId) { admitted reentries conflicts scans } }`;

/** A queue consumers wait on: `take()` answers the next item, or undefined once closed and empty. */
class Feed {
  items = [];
  head = 0;
  closed = false;
  waiters = [];
  push(item) {
    this.items.push(item);
    for (const w of this.waiters.splice(0)) w();
  }
  close() {
    this.closed = true;
    for (const w of this.waiters.splice(0)) w();
  }
  get length() {
    return this.items.length - this.head;
  }
  /** Resolves once an item is waiting, the feed is closed, or after `ms` (consumes nothing). */
  async ready(ms) {
    if (this.length || this.closed) return;
    await Promise.race([new Promise((r) => this.waiters.push(r)), sleep(ms)]);
  }
  async take() {
    while (this.head >= this.items.length) {
      if (this.closed) return undefined;
      await new Promise((r) => this.waiters.push(r));
    }
    const item = this.items[this.head];
    this.items[this.head++] = undefined;
    return item;
  }
}

/** Latencies and failures of one activity; `summary()` as the harness summarizes (perSec over first start → last answer). */
function meter() {
  const m = { latencies: [], failed: 0, failures: [], first: null, last: null };
  return {
    m,
    async time(fn) {
      const t = performance.now();
      m.first ??= t;
      try {
        const out = await fn();
        m.last = performance.now();
        m.latencies.push(m.last - t);
        return out;
      } catch (error) {
        m.failed++;
        if (m.failures.length < 5) m.failures.push(error?.message ?? String(error));
        return undefined;
      }
    },
    summary: () => summarize([{ latencies: m.latencies, failed: m.failed, failures: m.failures, elapsedMs: m.first === null ? 0 : Math.max(1, (m.last ?? m.first) - m.first) }]),
  };
}

const ms = (x) => round(x, 1);

export async function run() {
  assertBuilt();
  return withCleanup(async (cleanup) => {
    const t0 = performance.now();
    const load0 = loadavg();
    log(`fair-day${BENCH_SCALE === 'ci' ? ' (BENCH_SCALE=ci)' : ''}: ${EMPLOYERS} employers for ${BOOTHS} booths, ${SEEKERS} seekers, ${GATES.length} gates (${GATES.length - ONLINE_GATES} offline), ${VIEWERS} viewers × ${CARDS} cards, ${WATCHERS} dashboard watchers; load average ${load0.map((x) => x.toFixed(2)).join(' ')}`);
    const { database, db, one } = await freshDatabase(cleanup, 8);
    const client = httpClient({ maxSockets: 512 });
    cleanup.add('close the HTTP keep-alive connections', () => client.destroy());
    const maxAgeMs = await dashboardMaxAgeMs();

    // ---- the topology: Redis, two API instances (no job workers) and one worker, the same keys and secrets; they boot
    // while the fixtures are written (nothing of them is read at start) ----
    const redis = await benchRedis(cleanup, { tag: 'fairday', startOwn: true });
    log(`Redis: ${redis.description}`);
    const secret = randomBytes(32).toString('hex');
    const shared = {
      JWT_SECRET: secret,
      TICKET_SIGNING_KEY: randomBytes(32).toString('base64url'),
      TICKET_KEY_ID: KEY_ID,
      PERSONAL_DATA_KEY: randomBytes(32).toString('base64url'),
      REDIS_URL: redis.url,
      REDIS_KEY_PREFIX: redis.prefix,
      ...RAISED_LIMITS,
    };
    // The first instance alone, then the second and the worker: on a database no instance has started on yet, processes
    // starting at the same moment all create the job queues, and pg-boss' create_queue can deadlock between them (seen
    // here: the worker exited with 40P01 while creating its queues).
    const booting = startApi(database.url, cleanup, shared).then(async (first) => [
      first,
      ...(await Promise.all([
        startApi(database.url, cleanup, shared),
        startWorker(database.url, cleanup, { ...shared, RUN_WORKERS: 'true', SCHEDULED_JOBS: 'true', JOB_POLL_INTERVAL_MS: '1000' }),
      ])),
    ]);
    booting.catch(() => undefined);

    // ---- fixtures (SQL) ----
    const fairOrganizer = await createOrganizer(db, { email: 'bench.fairday.org@leye.test', name: '兰山区招聘会组织者', region: FAIR_REGION });
    const cityOrganizer = await createOrganizer(db, { email: 'bench.fairday.city@leye.test', name: '市就业局', region: '371300' });
    const { venueId, layoutId } = await createBoothPlan(db, { count: BOOTHS, region: FAIR_REGION, venueName: '临沂国际会展中心' });
    const members = await createVerifiedEmployers(db, { count: EMPLOYERS, region: FAIR_REGION });
    // The fair is under way (started an hour ago): registration stays open through the day, booking opens now.
    const fair = await one(
      `INSERT INTO event (title, description, type, subtype, region_code, venue_id, capacity, starts_at, ends_at, registration_closes_at, status, published_at, created_by)
       VALUES ('春风行动大型招聘会（基准）', '基准测试', 'JOB_FAIR', 'GENERAL', $1, $2, $3, now() - interval '1 hour', now() + interval '6 hours', now() + interval '5 hours', 'PUBLISHED', now(), $4)
       RETURNING id`,
      [FAIR_REGION, venueId, SEEKERS + 1000, fairOrganizer],
    );
    await openBoothBooking(db, fair.id, layoutId);
    const gates = (await db.query(`INSERT INTO attendance_gate (event_id, name) SELECT $1, g FROM unnest($2::text[]) WITH ORDINALITY AS t(g, n) ORDER BY n RETURNING id`, [fair.id, GATES])).rows.map((r) => r.id);
    const seekers = (
      await db.query(
        `INSERT INTO app_user (role, display_name, phone, password_hash, region_code)
         SELECT 'SEEKER', '求职者' || i, '139' || lpad(i::text, 8, '0'), 'x', $2 FROM generate_series(1, $1) i RETURNING id`,
        [SEEKERS, FAIR_REGION],
      )
    ).rows.map((r) => r.id);
    const broadcast = await seedBroadcast(db, { cards: CARDS });
    const cardIndex = new Map(broadcast.cardIds.map((id, k) => [id, k]));
    await db.query('ANALYZE');
    log(`fixtures: a fair with ${BOOTHS} booths and ${GATES.length} gates, ${members.length} verified employers, ${seekers.length} seekers, a live broadcast with ${CARDS} cards (${((performance.now() - t0) / 1000).toFixed(1)} s so far)`);

    const [apiA, apiB, worker] = await booting;
    const urls = [apiA.baseUrl, apiB.baseUrl];
    const urlOf = (i) => urls[i % 2]; // a balancer alternating between the instances
    log(`API instances at ${urls.join(' and ')} (pids ${apiA.pid}, ${apiB.pid}), worker pid ${worker.pid}`);

    // Signed before anything is timed (what a sign-in would hand each person): no argon2 per person.
    const employerTokens = members.map((m) => accessToken(secret, m.id, 'EMPLOYER'));
    const seekerTokens = seekers.map((id) => accessToken(secret, id, 'SEEKER'));
    const stationToken = accessToken(secret, fairOrganizer, 'ORGANIZER');
    const cityToken = accessToken(secret, cityOrganizer, 'ORGANIZER');
    const year = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
    const booths = await boothMap(client, apiA.baseUrl, fair.id, employerTokens[0]);
    for (const url of urls) {
      const warm = await client.gql(url, DASHBOARD, { year }, cityToken);
      if (warm.errors) throw graphqlError(warm, 'quotaDashboard');
    }

    const deadline = performance.now() + LOAD_MS;
    const open = () => performance.now() < deadline;
    const serving = () => performance.now() < deadline + DRAIN_MS;
    let leftInLine = 0; // arrivals and taps not served by the end of the drain (not sent: neither recorded nor lost)
    let stopping = false;

    // ---- booths: the rush at opening time, across both instances ----
    const booked = rush({
      concurrency: BOOTH_CLIENTS,
      employers: members.map((_, i) => i),
      booths,
      attempt: apiBooking(client, { eventId: fair.id, tokens: employerTokens, baseUrlOf: urlOf }),
      maxMs: LOAD_MS,
    });

    // ---- registrations, and each registered seeker on the way to a gate ----
    const registrations = meter();
    const registered = new Map(); // registrationId → seeker index
    const gateFeeds = gates.map(() => new Feed());
    let nextSeeker = 0;
    const arrive = (i, reg) => {
      const g = i % GATES.length;
      gateFeeds[g].push({ i, registrationId: reg.id, code: reg.ticketCode });
      // Every 50th ticket is shown at a second gate too (passed back over the fence): one of the two gates is offline.
      if (i % TWICE_EVERY === 1) gateFeeds[g < ONLINE_GATES ? ONLINE_GATES + (i % (GATES.length - ONLINE_GATES)) : i % ONLINE_GATES].push({ i, registrationId: reg.id, code: reg.ticketCode, twice: true });
    };
    const registering = Promise.all(
      Array.from({ length: REGISTER_CLIENTS }, async () => {
        while (nextSeeker < SEEKERS && open()) {
          const i = nextSeeker++;
          const reg = await registrations.time(async () => {
            const answer = await client.gql(urlOf(i), REGISTER, { eventId: fair.id }, seekerTokens[i]);
            const error = graphqlError(answer, 'registerForEvent');
            if (error) throw error;
            const r = answer.data.registerForEvent;
            if (r.status !== 'REGISTERED' || !r.ticketCode) throw new Error(`registered as ${r.status}`);
            return r;
          });
          if (reg) {
            registered.set(reg.id, i);
            arrive(i, reg);
          }
        }
      }),
    ).then(() => gateFeeds.forEach((f) => f.close()));

    // ---- check-ins: online gates upload each scan alone, offline stations queue and sync in batches ----
    const singles = meter();
    const batches = meter();
    const answered = new Map(); // scanId → { outcome, registrationId }
    const scannedTickets = new Set(); // registrations whose scan a station holds (answered or queued offline)
    let replayed = 0;
    let replayWrong = 0;
    let uploadRetries = 0;
    let unsynced = 0; // offline scans never uploaded (lost at the station)
    const record = (scans, results) => {
      for (const [k, r] of results.entries()) {
        // After a retry, ALREADY_RECORDED means the earlier attempt did record it: its first outcome is the one that counts.
        const outcome = r.outcome === 'ALREADY_RECORDED' ? (r.original?.outcome ?? 'ADMITTED') : r.outcome;
        answered.set(r.scanId, { outcome, registrationId: scans[k].registrationId });
      }
    };
    const scanOf = (arrival, g, offline) => ({ scanId: randomUUID(), gateId: gates[g], code: arrival.code, scannedAt: new Date().toISOString(), offline, registrationId: arrival.registrationId });
    const wire = (s) => ({ scanId: s.scanId, gateId: s.gateId, code: s.code, scannedAt: s.scannedAt, offline: s.offline });
    const online = (g) =>
      Array.from({ length: SCANNERS_PER_GATE }, async () => {
        for (let a = await gateFeeds[g].take(); a; a = await gateFeeds[g].take()) {
          if (!serving()) {
            leftInLine++;
            continue;
          }
          const s = scanOf(a, g, false);
          scannedTickets.add(a.registrationId);
          const d = await singles.time(() => client.uploadScans(urlOf(a.i), fair.id, [wire(s)], stationToken));
          if (d) record([s], d.results);
        }
      });
    const offline = async (g) => {
      const queue = [];
      let k = 0;
      const sync = async () => {
        while (queue.length) {
          const scans = queue.slice(0, BATCH);
          // The station keeps its queue until an upload is answered, and sends it again (same scan ids) if not.
          let d;
          for (let attempt = 0; attempt < 3 && !d; attempt++) {
            if (attempt) uploadRetries++;
            d = await batches.time(() => client.uploadScans(urlOf(g + k), fair.id, scans.map(wire), stationToken));
          }
          if (!d) break; // still offline: kept for the next sync
          queue.splice(0, scans.length);
          record(scans, d.results);
          if (k++ % 4 === 0) {
            const again = await client.uploadScans(urlOf(g + k), fair.id, scans.map(wire), stationToken);
            replayed += again.results.length;
            replayWrong += again.results.filter((r) => r.outcome !== 'ALREADY_RECORDED').length;
          }
        }
      };
      const feed = gateFeeds[g];
      let lastSync = performance.now();
      for (;;) {
        // Scanning offline costs the station nothing but the local check: take what is waiting at the gate.
        await feed.ready(200);
        const a = feed.length ? await feed.take() : feed.closed ? undefined : null;
        if (a === undefined) break;
        if (a) {
          queue.push(scanOf(a, g, true));
          scannedTickets.add(a.registrationId);
        }
        if (queue.length >= BATCH || performance.now() - lastSync >= SYNC_MS) {
          await sync();
          lastSync = performance.now();
        }
      }
      await sync(); // back online for good at the end of the day
      unsynced += queue.length;
    };
    const checkingIn = Promise.all(gates.flatMap((_, g) => (g < ONLINE_GATES ? online(g) : [offline(g)])));

    // ---- broadcast: viewers on both instances, the host pushes, each viewer applies to its card ----
    const applies = meter();
    const applyFeed = new Feed();
    const applied = new Map(); // viewer → { applicationId, postingCard }
    let retaps = 0;
    let retapWrong = 0;
    const received = collector((payload) => cardIndex.get(payload.card.id));
    const sentAt = new Map();
    const watching = (async () => {
      try {
        return await broadcastDay();
      } finally {
        applyFeed.close();
      }
    })();
    async function broadcastDay() {
      const joinStart = performance.now();
      const viewers = await connectViewers(urls, VIEWERS, {
        namespace: '/live',
        auth: (i) => ({ token: seekerTokens[i], viewerKey: `fairday-${i}-${randomBytes(3).toString('hex')}` }),
        join: () => ['live:join', { broadcastId: broadcast.broadcastId }],
        cardEvent: 'live:card',
        onCard: (i, payload) => {
          received.onCard(i, payload);
          const k = cardIndex.get(payload.card.id);
          if (k === i % CARDS && !applied.has(i) && open()) {
            applied.set(i, null);
            applyFeed.push({ i, cardId: payload.card.id });
          }
        },
      });
      cleanup.add('close the viewers', () => closeAll(viewers));
      const joinSeconds = (performance.now() - joinStart) / 1000;
      log(`broadcast: ${VIEWERS} viewers joined in ${joinSeconds.toFixed(1)} s (half on each instance)`);
      const [host] = await connectViewers([apiA.baseUrl], 1, {
        namespace: '/live',
        auth: () => ({ token: accessToken(secret, broadcast.hostId, 'HOST') }),
        join: () => ['live:join', { broadcastId: broadcast.broadcastId }],
        cardEvent: 'live:card',
        onCard: () => undefined,
      });
      cleanup.add('close the host', () => closeAll([host]));
      for (const [k, cardId] of broadcast.cardIds.entries()) {
        if (!open()) break;
        sentAt.set(k, performance.now());
        await new Promise((resolve, reject) => host.emit('live:push', { broadcastId: broadcast.broadcastId, cardId }, (ack) => (ack?.ok ? resolve() : reject(new Error(`push refused: ${ack?.reason}`)))));
        await sleep(PUSH_GAP_MS);
      }
      // Stragglers: every viewer should hold every pushed card.
      const expected = VIEWERS * sentAt.size;
      const waitUntil = Date.now() + 15000;
      while (received.received.count < expected && Date.now() < waitUntil) await sleep(100);
      return { joinSeconds, pushed: sentAt.size, expected };
    }
    const applying = Promise.all(
      Array.from({ length: APPLY_CLIENTS }, async () => {
        for (let a = await applyFeed.take(); a; a = await applyFeed.take()) {
          if (!serving()) {
            leftInLine++;
            continue;
          }
          const tap = () => client.gql(urlOf(a.i), APPLY, { input: { cardId: a.cardId, via: 'LIVE' } }, seekerTokens[a.i]).then((answer) => {
            const error = graphqlError(answer, 'applyFromBroadcast');
            if (error) throw error;
            return answer.data.applyFromBroadcast;
          });
          const first = await applies.time(tap);
          if (!first) continue;
          applied.set(a.i, { applicationId: first.applicationId, alreadyApplied: first.alreadyApplied });
          if (a.i % RETAP_EVERY === 0) {
            retaps++;
            const again = await applies.time(tap);
            if (again && (!again.alreadyApplied || again.applicationId !== first.applicationId)) retapWrong++;
          }
        }
      }),
    );

    // ---- organizers watching: the quota dashboard (city) and the fair's live counts ----
    const dashboard = meter();
    const counts = meter();
    const watch = (fn) => async () => {
      while (!stopping) {
        await fn();
        await sleep(WATCH_GAP_MS);
      }
    };
    let w = 0;
    const watchers = Promise.all([
      ...Array.from({ length: WATCHERS }, () => {
        const url = urls[w++ % 2];
        return watch(() => dashboard.time(async () => {
          const answer = await client.gql(url, DASHBOARD, { year }, cityToken);
          if (answer.errors) throw graphqlError(answer, 'quotaDashboard');
        }))();
      }),
      watch(() => counts.time(async () => {
        const answer = await client.gql(apiB.baseUrl, COUNTS, { eventId: fair.id }, stationToken);
        if (answer.errors) throw graphqlError(answer, 'attendanceCounts');
      }))(),
    ]);

    // ---- progress ----
    // Each line also samples what the API's PostgreSQL sessions do: how many run a statement, how many of those wait for a
    // lock, and how many sit idle inside a transaction (waiting for their API process to send the next statement).
    const sessions = `SELECT count(*) FILTER (WHERE state = 'active')::int AS active, count(*) FILTER (WHERE wait_event_type = 'Lock')::int AS locked,
                             count(*) FILTER (WHERE state = 'idle in transaction')::int AS "inTransaction"
                        FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'leye-api'`;
    const progress = setInterval(() => {
      void one(sessions).then(
        (pgs) => log(`… registered ${registrations.m.latencies.length}/${SEEKERS}, scans answered ${answered.size} (gate queues ${gateFeeds.reduce((s, f) => s + f.length, 0)}), deliveries ${received.received.count}, applications ${applies.m.latencies.length}, dashboards ${dashboard.m.latencies.length}; API sessions active ${pgs.active} (waiting for a lock ${pgs.locked}), idle in a transaction ${pgs.inTransaction}; load ${loadavg()[0].toFixed(2)}`),
        () => undefined,
      );
    }, 5000);
    cleanup.add('stop the progress lines', () => clearInterval(progress));

    const booths_ = await booked;
    log(`booths: ${booths_.booked} booked by ${EMPLOYERS} employers in ${(booths_.elapsedMs / 1000).toFixed(1)} s → ${booths_.perSec.toFixed(1)}/s, p99 ${booths_.p99Ms?.toFixed(0)} ms, ${booths_.conflicts} BOOTH_TAKEN, ${booths_.limitRefused} over the limit, ${booths_.failed} failed${booths_.full ? ', sold out' : ''}`);
    await registering;
    const reg = registrations.summary();
    log(`registrations: ${reg.requests} in ${(reg.elapsedMs / 1000).toFixed(1)} s → ${reg.perSec.toFixed(1)}/s, p99 ${reg.p99Ms?.toFixed(0)} ms, ${reg.failed} failed`);
    const broadcastRun = await watching;
    await applying;
    const app = applies.summary();
    log(`applications: ${app.requests} answered → ${app.perSec.toFixed(1)}/s, p99 ${app.p99Ms?.toFixed(0)} ms, ${app.failed} failed`);
    await checkingIn;
    const one_ = singles.summary();
    const bat = batches.summary();
    log(`check-ins: ${one_.requests} single scans → ${one_.perSec.toFixed(1)}/s, p99 ${one_.p99Ms?.toFixed(0)} ms; ${bat.requests} offline batches, p99 ${bat.p99Ms?.toFixed(0)} ms; ${replayed} replayed`);
    stopping = true;
    await watchers;
    clearInterval(progress);
    const loadEnd = loadavg();
    const loadSeconds = (performance.now() - (deadline - LOAD_MS)) / 1000;

    // ---- invariants ----
    const problems = [];
    const failedRequests = (name, s) => s.failed && problems.push(`${name}: ${s.failed} requests failed (${s.failures[0]})`);

    // Booths.
    const bi = await boothInvariants(db);
    const confirmedRows = bi.confirmedBy.get(fair.id) ?? 0;
    if (bi.boothsOversold) problems.push(`${bi.boothsOversold} extra active bookings on already-booked booths`);
    if (bi.overLimit) problems.push(`${bi.overLimit} active bookings over an employer's limit`);
    if (confirmedRows !== booths_.booked) problems.push(`${booths_.booked} bookings answered as confirmed, ${confirmedRows} CONFIRMED rows`);
    if (booths_.failed) problems.push(`booths: ${booths_.failed} bookings failed (${booths_.failures[0]})`);

    // Registrations.
    const { rows: [ri] } = await db.query(
      `SELECT (SELECT count(*)::int FROM event_registration WHERE event_id = $1 AND status = 'REGISTERED') AS rows,
              (SELECT count(*)::int FROM event_registration WHERE id = ANY($2::uuid[]) AND status = 'REGISTERED') AS found,
              (SELECT registered FROM registration_count WHERE target_id = $1) AS counter`,
      [fair.id, [...registered.keys()]],
    );
    const registrationsLost = registered.size - ri.found;
    if (registrationsLost) problems.push(`${registrationsLost} REGISTERED answers without a registration row`);
    if (ri.rows !== registered.size) problems.push(`${ri.rows} registration rows for ${registered.size} REGISTERED answers`);
    if (ri.counter !== ri.rows) problems.push(`the seat counter says ${ri.counter}, ${ri.rows} registration rows`);
    failedRequests('registrations', reg);

    // Check-ins.
    const { rows: [ci] } = await db.query(
      `SELECT (SELECT count(*)::int FROM attendance_checkin WHERE event_id = $1) AS checkins,
              (SELECT count(*)::int FROM attendance_scan WHERE event_id = $1) AS scans,
              (SELECT coalesce(sum(admitted), 0)::int FROM event_attendance WHERE event_id = $1) AS counter_admitted,
              (SELECT coalesce(sum(scans), 0)::int FROM event_attendance WHERE event_id = $1) AS counter_scans,
              (SELECT count(*)::int FROM (SELECT registration_id FROM attendance_checkin WHERE event_id = $1 GROUP BY registration_id HAVING count(*) > 1) d) AS dup_rows,
              (SELECT count(*)::int FROM attendance_scan WHERE scan_id = ANY($2::uuid[])) AS answered_found,
              (SELECT count(*)::int FROM unnest($3::uuid[]) r(id) WHERE NOT EXISTS (SELECT 1 FROM attendance_checkin c WHERE c.registration_id = r.id)) AS scanned_not_in`,
      [fair.id, [...answered.keys()], [...scannedTickets]],
    );
    const outcomes = {};
    for (const { outcome } of answered.values()) outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    const admittedAnswers = outcomes.ADMITTED ?? 0;
    const duplicates = ci.dup_rows + Math.max(0, admittedAnswers - ci.checkins) + replayWrong;
    const lostScans = answered.size - ci.answered_found + ci.scanned_not_in + unsynced + singles.m.failed;
    if (duplicates) problems.push(`${duplicates} duplicate check-ins (${ci.dup_rows} people with two check-in rows, ${admittedAnswers} ADMITTED answers for ${ci.checkins} rows, ${replayWrong} replays not ALREADY_RECORDED)`);
    if (lostScans) problems.push(`${lostScans} lost scans (${answered.size - ci.answered_found} answered without a row, ${ci.scanned_not_in} scanned tickets without a check-in, ${unsynced} never synced, ${singles.m.failed} failed single uploads${singles.m.failures[0] ? `: ${singles.m.failures[0]}` : ''})`);
    if (ci.counter_admitted !== ci.checkins) problems.push(`the counter says ${ci.counter_admitted} admitted, ${ci.checkins} check-in rows`);
    if (ci.counter_scans !== ci.scans) problems.push(`the counter says ${ci.counter_scans} scans, ${ci.scans} scan rows`);
    if (ci.scans !== answered.size) problems.push(`${ci.scans} scan rows for ${answered.size} answered scans`);

    // Broadcast and applications.
    const latencies = received.received.samples.map(([k, at]) => at - sentAt.get(k)).sort((a, b) => a - b);
    const lostDeliveries = broadcastRun.expected - received.received.count;
    const answers = [...applied.values()].filter(Boolean);
    const newIds = answers.filter((a) => !a.alreadyApplied).map((a) => a.applicationId);
    const { rows: [ai] } = await db.query(
      `SELECT (SELECT count(*)::int FROM job_application WHERE broadcast_id = $1) AS rows,
              (SELECT count(*)::int FROM job_application WHERE id = ANY($2::uuid[]) AND broadcast_id = $1) AS found,
              (SELECT count(*)::int FROM (SELECT 1 FROM job_application WHERE broadcast_id = $1 GROUP BY posting_id, seeker_id HAVING count(*) > 1) d) AS dup_rows`,
      [broadcast.broadcastId, newIds],
    );
    const lostApplications = newIds.length - ai.found + applies.m.failed + Math.max(0, newIds.length - ai.rows);
    const duplicateApplications = ai.dup_rows + retapWrong + Math.max(0, ai.rows - newIds.length);
    if (lostDeliveries) problems.push(`${lostDeliveries} card deliveries lost`);
    if (lostApplications) problems.push(`${lostApplications} lost applications (${newIds.length - ai.found} answered without a row, ${applies.m.failed} failed${applies.m.failures[0] ? `: ${applies.m.failures[0]}` : ''})`);
    if (duplicateApplications) problems.push(`${duplicateApplications} duplicate applications (${ai.dup_rows} double rows, ${retapWrong} second taps not answered alreadyApplied, ${ai.rows} rows for ${newIds.length} new applications)`);

    // The dashboard and the live counts equal the records once the freshness bound has passed.
    await sleep(maxAgeMs + 50);
    const mismatches = [];
    for (const url of urls) {
      mismatches.push(...(await dashboardMismatches(db, {
        years: [year],
        dashboard: async (y) => {
          const answer = await client.gql(url, FULL, { year: y }, cityToken);
          if (answer.errors) throw graphqlError(answer, 'quotaDashboard');
          return answer.data.quotaDashboard;
        },
      })).map((m) => `${url}: ${m}`));
    }
    const finalCounts = (await client.gql(apiA.baseUrl, COUNTS, { eventId: fair.id }, stationToken)).data?.attendanceCounts;
    if (finalCounts?.admitted !== ci.checkins || finalCounts?.scans !== ci.scans) mismatches.push(`attendanceCounts ${JSON.stringify(finalCounts)} vs ${ci.checkins} check-ins, ${ci.scans} scans`);
    const totalsEqual = mismatches.length === 0;
    for (const m of mismatches.slice(0, 10)) problems.push(`dashboard: ${m}`);
    failedRequests('dashboard', dashboard.summary());
    failedRequests('live counts', counts.summary());

    // The worker: no failed job (an invariant); how fast it works off what the day queued, up to JOB_DRAIN_MS after the load
    // (a figure: a job still queued is late, not lost).
    const jobState = `SELECT count(*) FILTER (WHERE state IN ('created', 'retry', 'active') AND start_after <= now())::int AS due,
                             count(*) FILTER (WHERE state = 'completed')::int AS completed, count(*) FILTER (WHERE state = 'failed')::int AS failed FROM pgboss.job`;
    const drainStart = { at: performance.now(), ...(await one(jobState)) };
    let jobs = drainStart;
    while (jobs.due > 0 && performance.now() < drainStart.at + JOB_DRAIN_MS) {
      await sleep(500);
      jobs = await one(jobState);
    }
    const drainSeconds = (performance.now() - drainStart.at) / 1000;
    const jobsPerSec = drainSeconds > 0.5 ? (jobs.completed - drainStart.completed) / drainSeconds : null;
    if (jobs.failed) problems.push(`${jobs.failed} failed jobs: ${(await db.query(`SELECT name, output::text FROM pgboss.job WHERE state = 'failed' LIMIT 3`)).rows.map((r) => `${r.name} ${r.output}`.slice(0, 200)).join(' | ')}`);
    if (jobs.due) log(`the worker still had ${jobs.due} jobs due ${drainSeconds.toFixed(0)} s after the load (${drainStart.due} when it stopped; ${jobsPerSec?.toFixed(1)} completed/s meanwhile)`);

    for (const p of problems) console.error(`INVARIANT BROKEN: ${p}`);
    const dash = dashboard.summary();
    const live = counts.summary();
    log(`oversold ${bi.oversold}; check-ins ${ci.checkins} (outcomes ${JSON.stringify(outcomes)}), duplicates ${duplicates}, lost ${lostScans}; deliveries lost ${lostDeliveries}; applications ${ai.rows}, lost ${lostApplications}; dashboard p99 ${dash.p99Ms?.toFixed(0)} ms, totals equal ${totalsEqual}; jobs completed ${jobs.completed}, failed ${jobs.failed}, due ${jobs.due}; load average ${load0.map((x) => x.toFixed(2)).join(' ')} → ${loadEnd.map((x) => x.toFixed(2)).join(' ')}; total ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    console.log(
      JSON.stringify({
        scenario: 'fair-day',
        scale: BENCH_SCALE,
        instances: 2,
        booths: { employers: EMPLOYERS, booths: BOOTHS, booked: booths_.booked, soldOut: booths_.full, perSec: ms(booths_.perSec), p50Ms: ms(booths_.p50Ms), p99Ms: ms(booths_.p99Ms), conflicts: booths_.conflicts, limitRefused: booths_.limitRefused, oversold: bi.oversold },
        registrations: { seekers: SEEKERS, registered: registered.size, perSec: ms(reg.perSec), p50Ms: ms(reg.p50Ms), p99Ms: ms(reg.p99Ms), failed: reg.failed, lost: registrationsLost },
        checkins: {
          gates: GATES.length,
          offlineGates: GATES.length - ONLINE_GATES,
          checkins: ci.checkins,
          scans: ci.scans,
          perSec: ms(ci.scans / Math.max(0.001, (Math.max(singles.m.last ?? 0, batches.m.last ?? 0) - Math.min(singles.m.first ?? Infinity, batches.m.first ?? Infinity)) / 1000)),
          singlePerSec: ms(one_.perSec),
          p50Ms: ms(one_.p50Ms),
          p99Ms: ms(one_.p99Ms),
          batches: bat.requests,
          batchP99Ms: ms(bat.p99Ms),
          outcomes,
          replayed,
          uploadRetries,
          duplicates,
          lost: lostScans,
        },
        broadcast: { viewers: VIEWERS, cards: broadcastRun.pushed, joinSeconds: ms(broadcastRun.joinSeconds), deliveryP50Ms: ms(percentile(latencies, 50)), deliveryP99Ms: ms(percentile(latencies, 99)), lostDeliveries },
        applications: { applied: ai.rows, perSec: ms(app.perSec), p50Ms: ms(app.p50Ms), p99Ms: ms(app.p99Ms), retaps, duplicates: duplicateApplications, lost: lostApplications },
        dashboard: { watchers: WATCHERS, requests: dash.requests, perSec: ms(dash.perSec), p50Ms: ms(dash.p50Ms), p99Ms: ms(dash.p99Ms), countsP99Ms: ms(live.p99Ms), totalsEqual },
        jobs: { completed: jobs.completed, failed: jobs.failed, dueAtLoadEnd: drainStart.due, due: jobs.due, drainPerSec: ms(jobsPerSec) },
        leftInLine,
        loadSeconds: ms(loadSeconds),
        loadAverage: { before: load0.map((x) => round(x, 2)), after: loadEnd.map((x) => round(x, 2)) },
        seconds: ms((performance.now() - t0) / 1000),
        database: database.label,
        ok: problems.length === 0,
      }),
    );
    return problems.length ? 1 : 0;
  });
}
