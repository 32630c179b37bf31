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
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { ROOT, accessToken, assertBuilt, freePort, log, migrate, openPool, percentile, provisionDatabase, round, sleep, startApi, withCleanup } from '../support/harness.mjs';
import { closeAll, collector, connectViewers, seedBroadcast } from '../support/live.mjs';
import { BENCH_REDIS_URL, benchRedis } from '../support/redis.mjs';

export const description = '5,000 socket.io viewers, host pushes 20 cards: p50/p99 delivery, lost (0), two instances via Redis, vs bare socket.io';

const CI = process.env.BENCH_SCALE === 'ci';
const VIEWERS = Number(process.env.LIVE_FANOUT_VIEWERS ?? (CI ? 500 : 5000));
const CARDS = Number(process.env.LIVE_FANOUT_CARDS ?? (CI ? 10 : 20));
const PUSH_GAP_MS = Number(process.env.LIVE_FANOUT_GAP_MS ?? 500);


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
    const single = await apiRun('one instance', [one.baseUrl], secret, world, VIEWERS);
    await one.stop();

    // 2. Bare socket.io, same load.
    const bare = await bareRun(cleanup, world, VIEWERS);

    // 3. Two instances with Redis.
    let two = null;
    const redis = await benchRedis(cleanup, { tag: 'fanout' });
    if (redis) {
      log(`two instances share ${redis.description}`);
      const env = { JWT_SECRET: secret, REDIS_URL: redis.url, REDIS_KEY_PREFIX: redis.prefix };
      const a = await startApi(database.url, cleanup, env);
      const b = await startApi(database.url, cleanup, env);
      two = await apiRun('two instances (Redis)', [a.baseUrl, b.baseUrl], secret, world, VIEWERS);
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
