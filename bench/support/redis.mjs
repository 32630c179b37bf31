// Redis for the scenarios that run several API instances (live-fanout, fair-day): the machine's Redis
// (BENCH_REDIS_URL, default redis://127.0.0.1:6379/6) under a key prefix of this run, its keys removed at cleanup;
// when it is not reachable, optionally a private `redis-server` on a free port, stopped at cleanup.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { freePort, requireFromApi, sleep } from './harness.mjs';

export const BENCH_REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/6';

/** A connected client of `url`, or null when it does not answer within 2 s. */
export async function redisReachable(url) {
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

async function ownRedis(cleanup) {
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const failed = new Promise((resolve) => child.once('error', resolve));
  cleanup.add('stop the private redis-server', () => child.kill('SIGTERM'));
  const url = `redis://127.0.0.1:${port}/0`;
  for (let k = 0; k < 50; k++) {
    const error = await Promise.race([failed, sleep(100).then(() => null)]);
    if (error) throw new Error(`redis-server could not be started: ${error.message}`);
    const client = await redisReachable(url);
    if (client) return { client, url };
  }
  throw new Error('redis-server did not answer within 5 s');
}

/**
 * The run's Redis: { url, prefix, description }, the prefix `leyebench-<tag>-<random>` (REDIS_KEY_PREFIX of the
 * instances); null when BENCH_REDIS_URL does not answer and `startOwn` is false.
 */
export async function benchRedis(cleanup, { tag, startOwn = false }) {
  const prefix = `leyebench-${tag}-${randomBytes(4).toString('hex')}`;
  let client = await redisReachable(BENCH_REDIS_URL);
  let url = BENCH_REDIS_URL;
  let description = `Redis at ${BENCH_REDIS_URL.replace(/\/\/[^@]*@/, '//')} (key prefix ${prefix})`;
  if (!client) {
    if (!startOwn) return null;
    ({ client, url } = await ownRedis(cleanup));
    description = `a private redis-server at ${url} (${BENCH_REDIS_URL} did not answer)`;
  }
  cleanup.add('remove Redis keys', async () => {
    for await (const keys of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) {
      const list = Array.isArray(keys) ? keys : [keys];
      if (list.length) await client.del(list);
    }
    await client.quit();
  });
  return { url, prefix, description };
}
