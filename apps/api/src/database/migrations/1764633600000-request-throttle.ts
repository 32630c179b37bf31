import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row per throttled key (an account, an account from one address, an address, registrations of an
 * address): reserved atomically with INSERT … ON CONFLICT … RETURNING before any password is checked,
 * so parallel attempts cannot all slip past the limit. Replaces counting rows of `login_failure`
 * (left in place, unused, for the job that prunes it).
 */
export class RequestThrottle1764633600000 implements MigrationInterface {
  name = 'RequestThrottle1764633600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE request_throttle (
        key text PRIMARY KEY CHECK (length(key) BETWEEN 3 AND 300),
        attempts integer NOT NULL CHECK (attempts >= 0),
        retry_at timestamptz,
        last_attempt_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX request_throttle_last_attempt_idx ON request_throttle (last_attempt_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE request_throttle`);
  }
}
