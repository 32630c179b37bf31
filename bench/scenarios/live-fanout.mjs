// Scenario "live-fanout" (see docs/performance.md, docs/livestream.md): a livestream's host pushes job cards to
// thousands of socket.io viewers. Three runs in one process tree, each with its viewers connected to the `/live`
// namespace and joined (`live:join`, the real handler: permission check, snapshot) before the host pushes:
//   1. one API instance (no Redis): VIEWERS viewers, the host pushes CARDS cards (socket `live:push`);
//   2. two API instances sharing rooms through Redis streams (BENCH_REDIS_URL, default redis://127.0.0.1:6379/6,
//      a key prefix of this run): viewers split half and half, the host on the first instance;
//   3. a bare socket.io server (same socket.io version, no auth, no database) doing the same fan-out.
// Latency = a viewer's receipt − the moment the host emitted (one clock: every client lives in this process).
// `lost` counts cards a viewer never received (must be 0). The ratio is API p99 / bare socket.io p99 (one instance).
// BENCH_SCALE=ci: 500 viewers and 10 cards. The viewers run in this process (2 cores shared with the servers):
// figures include the client's own event-loop time, on both sides of the ratio alike.
import { spawn } from 'node:child_process';
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { ROOT, assertBuilt, freePort, log, migrate, openPool, percentile, provisionDatabase, requireFromApi, round, sleep, startApi, withCleanup } from '../support/harness.mjs';

export const description = '5,000 socket.io viewers, host pushes 20 cards: p50/p99 delivery, lost (0), two instances via Redis, vs bare socket.io';

const CI = process.env.BENCH_SCALE === 'ci';
const VIEWERS = Number(process.env.LIVE_FANOUT_VIEWERS ?? (CI ? 500 : 5000));
const CARDS = Number(process.env.LIVE_FANOUT_CARDS ?? (CI ? 10 : 20));
const PUSH_GAP_MS = Number(process.env.LIVE_FANOUT_GAP_MS ?? 500);
const CONNECT_BATCH = 250;
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/6';
const { io } = requireFromApi('socket.io-client');

const b64 = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
function accessToken(secret, userId, role) {
  const now = Math.floor(Date.now() / 1000);
  const body = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: userId, role, typ: 'access', sid: randomUUID(), iat: now, exp: now + 3600, iss: 'leye-linyi' })}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

/** A host, an employer with CARDS approved postings, a published LIVESTREAM event with a LIVE broadcast and its cards. */
async function seed(pool) {
  const [host] = (await pool.query(`INSERT INTO app_user (role, display_name, email, password_hash, region_code) VALUES ('HOST', '压测主播', $1, 'x', '371300') RETURNING id`, [`host-${randomBytes(4).toString('hex')}@bench.test`])).rows;
  const [emp] = (await pool.query(
    `INSERT INTO employer (name, credit_code, region_code, status, reviewed_at, contact_name, contact_phone) VALUES ('压测单位', $1, '371302', 'VERIFIED', now(), '张', '13800001111') RETURNING id`,
    [`91371302MA${randomBytes(4).toString('hex').toUpperCase()}`],
  )).rows;
  const [event] = (await pool.query(
    `INSERT INTO event (title, type, subtype, region_code, is_online, online_url, capacity, starts_at, ends_at, status, published_at, created_by)
     VALUES ('压测直播', 'LIVESTREAM', 'JOB_PROMOTION', '371300', true, 'https://live.example.cn/b', 100000, now(), now() + interval '2 hours', 'PUBLISHED', now(), $1) RETURNING id`,
    [host.id],
  )).rows;
  const [b] = (await pool.query(
    `INSERT INTO broadcast (event_id, title, region_code, status, ingest_key, started_at) VALUES ($1, '压测直播', '371300', 'LIVE', $2, now()) RETURNING id`,
    [event.id, randomBytes(18).toString('base64url')],
  )).rows;
  await pool.query(`INSERT INTO broadcast_host (broadcast_id, user_id) VALUES ($1, $2)`, [b.id, host.id]);
  const cardIds = [];
  for (let i = 0; i < CARDS; i++) {
    const [p] = (await pool.query(
      `INSERT INTO job_posting (employer_id, title, occupation_code, headcount, salary_min, salary_max, education, experience, region_code, description, contact_name, contact_phone, valid_until, status, reviewed_at)
       VALUES ($1, $2, '6.01', 3, 5000, 8000, '40', 'NONE', '371302', '压测', '张', '13800001111', current_date + 30, 'APPROVED', now()) RETURNING id`,
      [emp.id, `岗位${i + 1}`],
    )).rows;
    const code = Array.from(randomBytes(8), (x) => '23456789abcdefghijkmnpqrstuvwxyz'[x % 32]).join('');
    const [c] = (await pool.query(`INSERT INTO broadcast_card (broadcast_id, posting_id, position, short_code) VALUES ($1, $2, $3, $4) RETURNING id`, [b.id, p.id, i + 1, code])).rows;
    cardIds.push(c.id);
  }
  return { hostId: host.id, broadcastId: b.id, cardIds };
}

/** Connects `n` clients to `urls` (round robin) in batches; `onCard(i, payload)` for each card received. */
async function connectViewers(urls, n, { namespace, auth, join, cardEvent, onCard }) {
  const sockets = [];
  for (let start = 0; start < n; start += CONNECT_BATCH) {
    const batch = [];
    for (let i = start; i < Math.min(n, start + CONNECT_BATCH); i++) {
      const url = urls[i % urls.length];
      batch.push(
        new Promise((resolve, reject) => {
          const s = io(`${url}${namespace}`, { path: '/socket.io', transports: ['websocket'], reconnection: false, auth: auth(i), timeout: 60000 });
          s.on(cardEvent, (payload) => onCard(i, payload));
          s.once('connect_error', reject);
          s.once('connect', () => {
            s.emit(...join(), (ack) => (ack?.ok === false ? reject(new Error(`join refused: ${ack.reason}`)) : resolve(s)));
          });
        }),
      );
    }
    sockets.push(...(await Promise.all(batch)));
  }
  return sockets;
}

function closeAll(sockets) {
  for (const s of sockets) s.disconnect();
}

/** Pushes CARDS cards one after another (PUSH_GAP_MS apart), then waits for stragglers; latencies and losses. */
async function fanout(label, { viewers, push, cardCount, received }) {
  const sentAt = new Map();
  for (let k = 0; k < cardCount; k++) {
    sentAt.set(k, performance.now());
    await push(k);
    await sleep(PUSH_GAP_MS);
  }
  const expected = viewers * cardCount;
  const deadline = Date.now() + 10000;
  while (received.count < expected && Date.now() < deadline) await sleep(100);
  const latencies = received.samples.map(([k, at]) => at - sentAt.get(k)).sort((a, b) => a - b);
  const out = { p50Ms: round(percentile(latencies, 50), 1), p99Ms: round(percentile(latencies, 99), 1), maxMs: round(latencies.at(-1) ?? NaN, 1), lost: expected - received.count };
  log(`${label}: ${viewers} viewers × ${cardCount} cards: p50 ${out.p50Ms} ms, p99 ${out.p99Ms} ms, max ${out.maxMs} ms, lost ${out.lost}`);
  return out;
}

function collector(keyOf) {
  const seen = new Set();
  const received = { count: 0, samples: [] };
  return {
    received,
    onCard: (i, payload) => {
      const k = keyOf(payload);
      const id = `${i}:${k}`;
      if (seen.has(id)) return;
      seen.add(id);
      received.count += 1;
      received.samples.push([k, performance.now()]);
    },
  };
}

async function apiRun(label, urls, secret, world, viewers) {
  const seqToIndex = (payload) => payload.seq - 1 - world.seqBase;
  const c = collector(seqToIndex);
  const t0 = performance.now();
  const sockets = await connectViewers(urls, viewers, {
    namespace: '/live',
    auth: (i) => ({ viewerKey: `bench-${label}-${i}-${randomBytes(3).toString('hex')}` }),
    join: () => ['live:join', { broadcastId: world.broadcastId }],
    cardEvent: 'live:card',
    onCard: c.onCard,
  });
  const joinSeconds = (performance.now() - t0) / 1000;
  log(`${label}: ${viewers} viewers connected and joined in ${joinSeconds.toFixed(1)} s`);
  const [host] = await connectViewers([urls[0]], 1, {
    namespace: '/live',
    auth: () => ({ token: accessToken(secret, world.hostId, 'HOST') }),
    join: () => ['live:join', { broadcastId: world.broadcastId }],
    cardEvent: 'live:card',
    onCard: () => undefined,
  });
  const result = await fanout(label, {
    viewers,
    cardCount: CARDS,
    received: c.received,
    push: (k) =>
      new Promise((resolve, reject) =>
        host.emit('live:push', { broadcastId: world.broadcastId, cardId: world.cardIds[k] }, (ack) => (ack.ok ? resolve() : reject(new Error(`push refused: ${ack.reason}`)))),
      ),
  });
  world.seqBase += CARDS;
  closeAll([...sockets, host]);
  await sleep(500);
  return { ...result, joinSeconds: round(joinSeconds, 1) };
}

const BARE_SERVER = `
const { Server } = require('socket.io');
const io = new Server(Number(process.env.PORT), { path: '/socket.io', transports: ['websocket'] });
const nsp = io.of('/live');
nsp.on('connection', (s) => {
  s.on('live:join', (b, ack) => { s.join('live:' + b.broadcastId); ack({ ok: true }); });
  s.on('live:push', (b, ack) => { nsp.to('live:' + b.broadcastId).emit('live:card', { broadcastId: b.broadcastId, card: b.card, seq: b.seq, pushedAt: Date.now() }); ack({ ok: true }); });
});
console.log('ready');
`;

async function bareRun(cleanup, world, viewers) {
  const port = await freePort();
  const child = spawn(process.execPath, ['-e', BARE_SERVER], { cwd: join(ROOT, 'apps/api'), env: { ...process.env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'inherit'] });
  cleanup.add('stop bare socket.io', () => child.kill('SIGTERM'));
  await new Promise((resolve) => child.stdout.once('data', resolve));
  const url = `http://127.0.0.1:${port}`;
  const c = collector((p) => p.seq);
  const t0 = performance.now();
  const sockets = await connectViewers([url], viewers, { namespace: '/live', auth: () => ({}), join: () => ['live:join', { broadcastId: world.broadcastId }], cardEvent: 'live:card', onCard: c.onCard });
  log(`bare socket.io: ${viewers} viewers connected and joined in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const [host] = await connectViewers([url], 1, { namespace: '/live', auth: () => ({}), join: () => ['live:join', { broadcastId: 'host' }], cardEvent: 'x', onCard: () => undefined });
  // A card of the same shape and size as the API's.
  const card = { id: randomUUID(), broadcastId: world.broadcastId, postingId: randomUUID(), position: 1, title: '岗位1', employerId: randomUUID(), employerName: '压测单位', salaryMin: 5000, salaryMax: 8000, headcount: 3, regionCode: '371302', shortCode: 'abcdefgh', shortUrl: '/l/abcdefgh' };
  const result = await fanout('bare socket.io', {
    viewers,
    cardCount: CARDS,
    received: c.received,
    push: (k) => new Promise((resolve) => host.emit('live:push', { broadcastId: world.broadcastId, card, seq: k }, resolve)),
  });
  closeAll([...sockets, host]);
  child.kill('SIGTERM');
  return result;
}

async function redisReachable(url) {
  const { createClient } = requireFromApi('redis');
  const client = createClient({ url, socket: { connectTimeout: 2000, reconnectStrategy: false } });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
    return client;
  } catch {
    return null;
  }
}

export async function run() {
  assertBuilt();
  return withCleanup(async (cleanup) => {
    const t0 = performance.now();
    log(`live-fanout: ${VIEWERS} viewers, ${CARDS} cards${CI ? ' (BENCH_SCALE=ci)' : ''}`);
    const database = await provisionDatabase(cleanup);
    log(database.description);
    await migrate(database.url);
    const pool = openPool(database.url, 4);
    cleanup.add('close pool', () => pool.end());
    const world = { ...(await seed(pool)), seqBase: 0 };
    const secret = randomBytes(32).toString('hex');

    // 1. One instance.
    const one = await startApi(database.url, cleanup, { JWT_SECRET: secret });
    const single = await apiRun('one instance', [one.baseUrl], secret, world, VIEWERS);
    await one.stop();

    // 2. Bare socket.io, same load.
    const bare = await bareRun(cleanup, world, VIEWERS);

    // 3. Two instances with Redis.
    let two = null;
    const redis = await redisReachable(REDIS_URL);
    if (redis) {
      const prefix = `leyebench-${randomBytes(4).toString('hex')}`;
      cleanup.add('remove Redis keys', async () => {
        for await (const keys of redis.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) {
          const list = Array.isArray(keys) ? keys : [keys];
          if (list.length) await redis.del(list);
        }
        await redis.quit();
      });
      const env = { JWT_SECRET: secret, REDIS_URL, REDIS_KEY_PREFIX: prefix };
      const a = await startApi(database.url, cleanup, env);
      const b = await startApi(database.url, cleanup, env);
      two = await apiRun('two instances (Redis)', [a.baseUrl, b.baseUrl], secret, world, VIEWERS);
      await Promise.all([a.stop(), b.stop()]);
    } else {
      log(`Redis not reachable at ${REDIS_URL}: the two-instance run is skipped (p99MsTwoInstances null)`);
    }

    const ratio = bare.p99Ms > 0 ? single.p99Ms / bare.p99Ms : null;
    const lost = single.lost + bare.lost + (two?.lost ?? 0);
    const problems = [];
    if (lost !== 0) problems.push(`${lost} deliveries lost`);
    log(`p99 one instance ${single.p99Ms} ms (target < 250 ms), two instances ${two?.p99Ms ?? '—'} ms, bare socket.io ${bare.p99Ms} ms, ratio API/bare ${ratio?.toFixed(2)}; lost ${lost}; total ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    for (const p of problems) console.error(`INVARIANT BROKEN: ${p}`);
    console.log(
      JSON.stringify({
        scenario: 'live-fanout',
        viewers: VIEWERS,
        cards: CARDS,
        scale: CI ? 'ci' : 'full',
        p50Ms: single.p50Ms,
        p99Ms: single.p99Ms,
        maxMs: single.maxMs,
        joinSeconds: single.joinSeconds,
        p50MsTwoInstances: two?.p50Ms ?? null,
        p99MsTwoInstances: two?.p99Ms ?? null,
        joinSecondsTwoInstances: two?.joinSeconds ?? null,
        bareP50Ms: bare.p50Ms,
        bareP99Ms: bare.p99Ms,
        lost,
        lostByRun: { oneInstance: single.lost, twoInstances: two?.lost ?? null, bare: bare.lost },
        ratio: round(ratio, 2),
        seconds: round((performance.now() - t0) / 1000, 1),
        database: database.label,
      }),
    );
    return problems.length ? 1 : 0;
  });
}
