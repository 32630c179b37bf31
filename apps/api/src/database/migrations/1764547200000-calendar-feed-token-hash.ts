import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Private calendar-feed tokens are stored as SHA-256 hashes (hex), like refresh tokens: a leaked
 * table no longer gives anyone's feed away. Existing tokens are hashed in place, so links already
 * subscribed keep working. The way down cannot recover the tokens: it drops them (users rotate).
 */
export class CalendarFeedTokenHash1764547200000 implements MigrationInterface {
  name = 'CalendarFeedTokenHash1764547200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE calendar_feed_token RENAME COLUMN token TO token_hash`);
    await q.query(`UPDATE calendar_feed_token SET token_hash = encode(sha256(convert_to(token_hash, 'UTF8')), 'hex')`);
    await q.query(`ALTER TABLE calendar_feed_token RENAME CONSTRAINT calendar_feed_token_key TO calendar_feed_token_hash_key`);
    await q.query(`ALTER TABLE calendar_feed_token ADD CONSTRAINT calendar_feed_token_hash_format CHECK (token_hash ~ '^[0-9a-f]{64}$')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM calendar_feed_token`);
    await q.query(`ALTER TABLE calendar_feed_token DROP CONSTRAINT calendar_feed_token_hash_format`);
    await q.query(`ALTER TABLE calendar_feed_token RENAME CONSTRAINT calendar_feed_token_hash_key TO calendar_feed_token_key`);
    await q.query(`ALTER TABLE calendar_feed_token RENAME COLUMN token_hash TO token`);
  }
}
