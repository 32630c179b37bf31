import type { DataSource } from 'typeorm';

/**
 * The rule every throttled key follows: `free` attempts, then one attempt after a wait of `backoffSeconds`,
 * doubling with every further attempt up to `maxWaitSeconds`; the key is forgotten after `forgetSeconds`
 * without attempts. Held in `request_throttle` so every API instance shares it.
 */
export interface ThrottleRule {
  free: number;
  backoffSeconds: number;
  maxWaitSeconds: number;
  forgetSeconds: number;
}

/**
 * Reserves one attempt for `key` in a single statement (the ON CONFLICT row lock orders concurrent
 * callers), so N parallel attempts can never all pass. Returns null when allowed, else the seconds to wait.
 */
export async function reserveAttempt(ds: DataSource, key: string, rule: ThrottleRule): Promise<number | null> {
  // The attempt number after this one: 1 again when the key was quiet long enough to be forgotten.
  const next = `(CASE WHEN t.last_attempt_at < now() - make_interval(secs => $5::float8) THEN 1 ELSE t.attempts + 1 END)`;
  const rows: Array<{ attempts: number }> = await ds.query(
    `INSERT INTO request_throttle AS t (key, attempts, retry_at, last_attempt_at)
     VALUES ($1, 1, CASE WHEN $2::int <= 1 THEN now() + make_interval(secs => least($3::float8, $4::float8)) END, now())
     ON CONFLICT (key) DO UPDATE SET
       attempts = ${next},
       retry_at = CASE WHEN ${next} >= $2::int
                       THEN now() + make_interval(secs => least($3::float8 * power(2, ${next} - $2::int), $4::float8)) END,
       last_attempt_at = now()
     WHERE t.last_attempt_at < now() - make_interval(secs => $5::float8) OR t.attempts < $2::int OR t.retry_at <= now()
     RETURNING t.attempts`,
    [key, rule.free, rule.backoffSeconds, rule.maxWaitSeconds, rule.forgetSeconds],
  );
  if (rows.length) return null;
  const [row]: Array<{ wait: number }> = await ds.query(
    `SELECT greatest(1, ceil(extract(epoch FROM retry_at - now())))::int AS wait FROM request_throttle WHERE key = $1`,
    [key],
  );
  return row?.wait ?? 1;
}

/** Forgets the keys (a successful sign-in). */
export async function forgetAttempts(ds: DataSource, keys: string[]): Promise<void> {
  await ds.query(`DELETE FROM request_throttle WHERE key = ANY($1::text[])`, [keys]);
}

/** Gives one attempt back (a success from a shared address should not count against it). */
export async function refundAttempt(ds: DataSource, key: string, rule: ThrottleRule): Promise<void> {
  await ds.query(
    `UPDATE request_throttle SET attempts = greatest(attempts - 1, 0), retry_at = CASE WHEN attempts - 1 < $2 THEN NULL ELSE retry_at END WHERE key = $1`,
    [key, rule.free],
  );
}
