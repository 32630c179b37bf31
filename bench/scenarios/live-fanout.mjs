// Scenario "live-fanout" (see docs/performance.md, docs/livestream.md): a livestream's host pushes job cards to
// thousands of socket.io viewers. Three runs, each with its viewers connected to the `/live` namespace and joined
// (`live:join`, the real handler: permission check, snapshot) before the host pushes:
//   1. one API instance (no Redis): VIEWERS viewers, the host pushes CARDS cards (socket `live:push`);
//   2. a bare socket.io server (same socket.io version, no auth, no database) doing the same fan-out;
//   3. two API instances sharing rooms through Redis streams (BENCH_REDIS_URL, default redis://127.0.0.1:6379/6,
//      a key prefix of this run): viewers split half and half, the host on the first instance.
// The viewers live in CLIENT_PROCESSES child processes (bench/support/socket-viewers.mjs), so no single client event
// loop delays the receipts. Latency = a viewer's receipt (Date.now() in its process) − the server's `pushedAt` in the
// card payload (Date.now() just before the single room emit; one host, one clock); the host-emit → receipt figures are
// logged beside. `lost` counts cards a viewer never received (must be 0). The ratio is API p99 / bare socket.io p99
// (one instance), both measured the same way. BENCH_SCALE=ci: 500 viewers and 10 cards 300 ms apart (~30 s).
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { ROOT, accessToken, assertBuilt, freePort, log, migrate, openPool, percentile, provisionDatabase, requireFromApi, round, sleep, startApi, withCleanup } from '../support/harness.mjs';
import { seedBroadcast } from '../support/live.mjs';
import { BENCH_REDIS_URL, benchRedis } from '../support/redis.mjs';
import { startViewers } from '../support/socket-viewers.mjs';

export const description = '5,000 socket.io viewers, host pushes 20 cards: p50/p99 delivery, lost (0), two instances via Redis, vs bare socket.io';

const CI = process.env.BENCH_SCALE === 'ci';
const VIEWERS = Number(process.env.LIVE_FANOUT_VIEWERS ?? (CI ? 500 : 5000));
const CARDS = Number(process.env.LIVE_FANOUT_CARDS ?? (CI ? 10 : 20));
const PUSH_GAP_MS = Number(process.env.LIVE_FANOUT_GAP_MS ?? (CI ? 300 : 500));
/** Pause between the last join and the first push (more than the API's 1 s viewer-count tick). */
const SETTLE_MS = CI ? 1200 : 2000;
/** Client processes holding the viewers (each ~1,250 at full size). */
const CLIENT_PROCESSES = Number(process.env.LIVE_FANOUT_CLIENTS ?? 4);
const { io } = requireFromApi('socket.io-client');

const pushOne = (host, event, body) =>
  new Promise((resolve, reject) => host.emit(event, body, (ack) => (ack?.ok === false ? reject(new Error(`push refused: ${ack.reason}`)) : resolve())));

/** The host: one socket in this process (its pushes are timestamped here). */
function connectHost(url, auth, broadcastId) {
  return new Promise((resolve, reject) => {
    const s = io(`${url}/live`, { path: '/socket.io', transports: ['websocket'], reconnection: false, auth, timeout: 60000 });
    s.once('connect_error', reject);
    s.once('connect', () => s.emit('live:join', { broadcastId }, (ack) => (ack?.ok === false ? reject(new Error(`host join refused: ${ack.reason}`)) : resolve(s))));
  });
}

/**
 * Connects VIEWERS viewers (spread over CLIENT_PROCESSES processes), pushes CARDS cards PUSH_GAP_MS apart, waits for
 * stragglers. Latency = receipt − the server's `pushedAt` (the primary figure) and receipt − the host's emit here.
 */
async function fanout(label, { urls, auth, viewerKeyPrefix, broadcastId, push, seqOf }) {
  // The host first, so the last change of the viewer count is the last viewer's join.
  const host = await connectHost(urls[0], auth, broadcastId);
  const t0 = performance.now();
  const viewers = await startViewers({ urls, count: VIEWERS, processes: CLIENT_PROCESSES, namespace: '/live', broadcastId, viewerKeyPrefix }).catch((error) => {
    host.disconnect();
    throw error;
  });
  try {
    const joinSeconds = (performance.now() - t0) / 1000;
    log(`${label}: ${VIEWERS} viewers (${viewers.processes} client processes) connected and joined in ${joinSeconds.toFixed(1)} s`);
    // The joins' aftermath settles first: the API sends the new viewer count to the whole room once a second (a
    // fan-out of its own), and the socket handshakes' garbage is collected. Both runs wait alike.
    await sleep(SETTLE_MS);
    const sentAt = new Map();
    for (let k = 0; k < CARDS; k++) {
      sentAt.set(seqOf(k), Date.now());
      await push(host, k);
      await sleep(PUSH_GAP_MS);
    }
    const expected = VIEWERS * CARDS;
    const deadline = Date.now() + 10000;
    while ((await viewers.received()) < expected && Date.now() < deadline) await sleep(200);
    const samples = (await viewers.samples()).filter(([seq]) => sentAt.has(seq));
    const fromServer = samples.map(([, at, pushedAt]) => at - pushedAt).sort((a, b) => a - b);
    const fromHost = samples.map(([seq, at]) => at - sentAt.get(seq)).sort((a, b) => a - b);
    const out = {
      p50Ms: round(percentile(fromServer, 50), 1),
      p99Ms: round(percentile(fromServer, 99), 1),
      maxMs: round(fromServer.at(-1) ?? NaN, 1),
      p50MsFromHost: round(percentile(fromHost, 50), 1),
      p99MsFromHost: round(percentile(fromHost, 99), 1),
      lost: expected - samples.length,
      joinSeconds: round(joinSeconds, 1),
    };
    // The slowest deliveries of each push: one push that met a busy moment (a GC, another process) shows here.
    const perCard = [...sentAt.keys()].map((seq) => {
      const l = samples.filter(([q]) => q === seq).map(([, at, pushedAt]) => at - pushedAt).sort((a, b) => a - b);
      return Math.round(percentile(l, 99) ?? NaN);
    });
    log(`${label}: p99 per push (ms): ${perCard.join(' ')}`);
    log(`${label}: ${VIEWERS} viewers × ${CARDS} cards: server push → receipt p50 ${out.p50Ms} ms, p99 ${out.p99Ms} ms, max ${out.maxMs} ms; host emit → receipt p50 ${out.p50MsFromHost} ms, p99 ${out.p99MsFromHost} ms; lost ${out.lost}`);
    return out;
  } finally {
    host.disconnect();
    await viewers.close();
  }
}

async function apiRun(label, urls, secret, world) {
  const seqBase = world.seqBase;
  world.seqBase += CARDS;
  return fanout(label, {
    urls,
    auth: { token: accessToken(secret, world.hostId, 'HOST') },
    viewerKeyPrefix: `bench-${randomBytes(3).toString('hex')}`,
    broadcastId: world.broadcastId,
    // The API numbers pushes per broadcast (card_seq): the k-th push of this run is seqBase + k + 1.
    seqOf: (k) => seqBase + k + 1,
    push: (host, k) => pushOne(host, 'live:push', { broadcastId: world.broadcastId, cardId: world.cardIds[k] }),
  });
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

async function bareRun(cleanup, world) {
  const port = await freePort();
  const child = spawn(process.execPath, ['-e', BARE_SERVER], { cwd: join(ROOT, 'apps/api'), env: { ...process.env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'inherit'] });
  cleanup.add('stop bare socket.io', () => child.kill('SIGTERM'));
  await new Promise((resolve) => child.stdout.once('data', resolve));
  // A card of the same shape and size as the API's.
  const card = { id: randomUUID(), broadcastId: world.broadcastId, postingId: randomUUID(), position: 1, title: '岗位1', employerId: randomUUID(), employerName: '压测单位', salaryMin: 5000, salaryMax: 8000, headcount: 3, regionCode: '371302', shortCode: 'abcdefgh', shortUrl: '/l/abcdefgh' };
  try {
    return await fanout('bare socket.io', {
      urls: [`http://127.0.0.1:${port}`],
      auth: {},
      viewerKeyPrefix: null,
      broadcastId: world.broadcastId,
      seqOf: (k) => k + 1,
      push: (host, k) => pushOne(host, 'live:push', { broadcastId: world.broadcastId, card, seq: k + 1 }),
    });
  } finally {
    child.kill('SIGTERM');
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
    const world = { ...(await seedBroadcast(pool, { cards: CARDS })), seqBase: 0 };
    const secret = randomBytes(32).toString('hex');

    // 1. One instance.
    const one = await startApi(database.url, cleanup, { JWT_SECRET: secret });
    const single = await apiRun('one instance', [one.baseUrl], secret, world);
    await one.stop();

    // 2. Bare socket.io, same load.
    const bare = await bareRun(cleanup, world);

    // 3. Two instances with Redis.
    let two = null;
    const redis = await benchRedis(cleanup, { tag: 'fanout' });
    if (redis) {
      log(`two instances share ${redis.description}`);
      const env = { JWT_SECRET: secret, REDIS_URL: redis.url, REDIS_KEY_PREFIX: redis.prefix };
      const [a, b] = await Promise.all([startApi(database.url, cleanup, env), startApi(database.url, cleanup, env)]);
      two = await apiRun('two instances (Redis)', [a.baseUrl, b.baseUrl], secret, world);
      await Promise.all([a.stop(), b.stop()]);
    } else {
      log(`Redis not reachable at ${BENCH_REDIS_URL}: the two-instance run is skipped (p99MsTwoInstances null)`);
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
        p99MsFromHost: single.p99MsFromHost,
        joinSeconds: single.joinSeconds,
        clientProcesses: CLIENT_PROCESSES,
        p50MsTwoInstances: two?.p50Ms ?? null,
        p99MsTwoInstances: two?.p99Ms ?? null,
        joinSecondsTwoInstances: two?.joinSeconds ?? null,
        bareP50Ms: bare.p50Ms,
        bareP99Ms: bare.p99Ms,
        bareP99MsFromHost: bare.p99MsFromHost,
        lost,
        loadAverage: loadavg().map((x) => round(x, 2)),
        lostByRun: { oneInstance: single.lost, twoInstances: two?.lost ?? null, bare: bare.lost },
        ratio: round(ratio, 2),
        seconds: round((performance.now() - t0) / 1000, 1),
        database: database.label,
      }),
    );
    return problems.length ? 1 : 0;
  });
}
