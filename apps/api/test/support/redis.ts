import { randomBytes } from 'node:crypto';
import { createClient } from 'redis';

/**
 * Redis for tests that run several API instances: the machine's server on 127.0.0.1:6379 (database 5), under a key
 * prefix of this run only, so parallel test runs never meet; `clearRedisPrefix` leaves nothing of the run behind.
 */
export function redisTestEnv(): { REDIS_URL: string; REDIS_KEY_PREFIX: string } {
  return { REDIS_URL: 'redis://127.0.0.1:6379/5', REDIS_KEY_PREFIX: `leyetest-${randomBytes(4).toString('hex')}` };
}

export async function clearRedisPrefix(env: { REDIS_URL: string; REDIS_KEY_PREFIX: string }): Promise<void> {
  const redis = createClient({ url: env.REDIS_URL });
  await redis.connect();
  for await (const keys of redis.scanIterator({ MATCH: `${env.REDIS_KEY_PREFIX}*`, COUNT: 500 })) {
    const list = (Array.isArray(keys) ? keys : [keys]) as string[];
    if (list.length) await redis.del(list);
  }
  await redis.quit();
}
