import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Livestream job promotion (直播带岗, docs/livestream.md).
 *  - `broadcast`: one per LIVESTREAM calendar event; status SCHEDULED → LIVE → ENDED (checks keep the times
 *    consistent); playback URL (HLS) and the ingest key hosts see; the current card and a push sequence;
 *    the pinned announcement; peak viewers; autopilot settings.
 *  - hosts, employer line-up, the card line-up (approved postings, once per broadcast) with a script text for
 *    autopilot and a unique short code (short link / QR).
 *  - impressions (one per viewer and card), viewers (unique viewers, watch seconds), chat with moderation
 *    (mutes with an end, bans), the staff-maintained keyword filter.
 *  - `job_application` gets the broadcast and card it came from (source LIVESTREAM).
 */
export class Broadcasts1765900000000 implements MigrationInterface {
  name = 'Broadcasts1765900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE broadcast (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL UNIQUE REFERENCES event(id),
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 2 AND 80),
        region_code varchar(6) NOT NULL REFERENCES region(code),
        status text NOT NULL DEFAULT 'SCHEDULED' CHECK (status IN ('SCHEDULED','LIVE','ENDED')),
        playback_url text CHECK (playback_url ~ '^https?://' AND length(playback_url) <= 500),
        ingest_key text NOT NULL,
        current_card_id uuid,
        card_seq integer NOT NULL DEFAULT 0,
        announcement text CHECK (length(announcement) <= 200),
        peak_viewers integer NOT NULL DEFAULT 0,
        autopilot_enabled boolean NOT NULL DEFAULT false,
        autopilot_interval_seconds integer NOT NULL DEFAULT 120 CHECK (autopilot_interval_seconds BETWEEN 15 AND 3600),
        autopilot_next_at timestamptz,
        started_at timestamptz,
        ended_at timestamptz,
        created_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT broadcast_times CHECK (
          (status = 'SCHEDULED' AND started_at IS NULL AND ended_at IS NULL) OR
          (status = 'LIVE' AND started_at IS NOT NULL AND ended_at IS NULL) OR
          (status = 'ENDED' AND started_at IS NOT NULL AND ended_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX broadcast_status_idx ON broadcast (status, region_code)`);
    await q.query(`CREATE INDEX broadcast_autopilot_idx ON broadcast (autopilot_next_at) WHERE autopilot_enabled AND status = 'LIVE'`);
    await q.query(`
      CREATE TABLE broadcast_host (
        broadcast_id uuid NOT NULL REFERENCES broadcast(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user(id),
        PRIMARY KEY (broadcast_id, user_id)
      )`);
    await q.query(`CREATE INDEX broadcast_host_user_idx ON broadcast_host (user_id)`);
    await q.query(`
      CREATE TABLE broadcast_employer (
        broadcast_id uuid NOT NULL REFERENCES broadcast(id) ON DELETE CASCADE,
        employer_id uuid NOT NULL REFERENCES employer(id),
        position integer NOT NULL,
        PRIMARY KEY (broadcast_id, employer_id)
      )`);
    await q.query(`
      CREATE TABLE broadcast_card (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        broadcast_id uuid NOT NULL REFERENCES broadcast(id) ON DELETE CASCADE,
        posting_id uuid NOT NULL REFERENCES job_posting(id),
        position integer NOT NULL,
        script text CHECK (length(script) <= 2000),
        short_code text NOT NULL UNIQUE CHECK (short_code ~ '^[23456789a-km-np-z]{8}$'),
        first_shown_at timestamptz,
        last_shown_at timestamptz,
        shown_count integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT broadcast_card_once UNIQUE (broadcast_id, posting_id)
      )`);
    await q.query(`CREATE INDEX broadcast_card_order_idx ON broadcast_card (broadcast_id, position)`);
    await q.query(`ALTER TABLE broadcast ADD CONSTRAINT broadcast_current_card_fk FOREIGN KEY (current_card_id) REFERENCES broadcast_card(id) ON DELETE SET NULL`);
    await q.query(`
      CREATE TABLE broadcast_card_impression (
        card_id uuid NOT NULL REFERENCES broadcast_card(id) ON DELETE CASCADE,
        viewer_key text NOT NULL CHECK (length(viewer_key) BETWEEN 8 AND 64),
        via text NOT NULL CHECK (via IN ('LIVE','LINK')),
        at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (card_id, viewer_key)
      )`);
    await q.query(`
      CREATE TABLE broadcast_viewer (
        broadcast_id uuid NOT NULL REFERENCES broadcast(id) ON DELETE CASCADE,
        viewer_key text NOT NULL CHECK (length(viewer_key) BETWEEN 8 AND 64),
        user_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        first_seen_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        watch_seconds integer NOT NULL DEFAULT 0 CHECK (watch_seconds >= 0),
        PRIMARY KEY (broadcast_id, viewer_key)
      )`);
    await q.query(`
      CREATE TABLE broadcast_chat_message (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        broadcast_id uuid NOT NULL REFERENCES broadcast(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user(id),
        display_name text NOT NULL,
        body text NOT NULL CHECK (length(btrim(body)) BETWEEN 1 AND 200),
        created_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz,
        deleted_by uuid REFERENCES app_user(id) ON DELETE SET NULL
      )`);
    await q.query(`CREATE INDEX broadcast_chat_recent_idx ON broadcast_chat_message (broadcast_id, created_at DESC) WHERE deleted_at IS NULL`);
    await q.query(`
      CREATE TABLE broadcast_chat_restriction (
        broadcast_id uuid NOT NULL REFERENCES broadcast(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user(id),
        kind text NOT NULL CHECK (kind IN ('MUTE','BAN')),
        until timestamptz,
        created_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (broadcast_id, user_id, kind),
        CONSTRAINT broadcast_chat_mute_ends CHECK (kind <> 'MUTE' OR until IS NOT NULL)
      )`);
    await q.query(`
      CREATE TABLE chat_keyword (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        word text NOT NULL CHECK (length(btrim(word)) BETWEEN 1 AND 30),
        created_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX chat_keyword_word_idx ON chat_keyword (lower(btrim(word)))`);
    await q.query(`ALTER TABLE job_application ADD COLUMN broadcast_id uuid REFERENCES broadcast(id), ADD COLUMN broadcast_card_id uuid REFERENCES broadcast_card(id) ON DELETE SET NULL`);
    await q.query(`ALTER TABLE job_application ADD CONSTRAINT job_application_broadcast_source CHECK (broadcast_id IS NULL OR source = 'LIVESTREAM')`);
    await q.query(`CREATE INDEX job_application_broadcast_idx ON job_application (broadcast_id, broadcast_card_id) WHERE broadcast_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE job_application DROP CONSTRAINT job_application_broadcast_source, DROP COLUMN broadcast_card_id, DROP COLUMN broadcast_id`);
    await q.query(`DROP TABLE chat_keyword`);
    await q.query(`DROP TABLE broadcast_chat_restriction`);
    await q.query(`DROP TABLE broadcast_chat_message`);
    await q.query(`DROP TABLE broadcast_viewer`);
    await q.query(`DROP TABLE broadcast_card_impression`);
    await q.query(`ALTER TABLE broadcast DROP CONSTRAINT broadcast_current_card_fk`);
    await q.query(`DROP TABLE broadcast_card`);
    await q.query(`DROP TABLE broadcast_employer`);
    await q.query(`DROP TABLE broadcast_host`);
    await q.query(`DROP TABLE broadcast`);
  }
}
