import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The event calendar: co-hosting bodies, series with recurrence, events (occurrences), staff
 * assignments, holidays, peak seasons and private calendar-feed tokens. A venue cannot host two
 * overlapping non-cancelled events: an exclusion constraint on (venue, time range) holds it.
 */
export class EventCalendar1764288000000 implements MigrationInterface {
  name = 'EventCalendar1764288000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await q.query(`
      CREATE TABLE co_host_body (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 2 AND 100),
        name_en text,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT co_host_body_name_key UNIQUE (name)
      )`);
    await q.query(`
      CREATE TABLE event_series (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 2 AND 200),
        description text NOT NULL DEFAULT '',
        type text NOT NULL CHECK (type IN ('JOB_FAIR','CAMPUS_RECRUITING','ENTREPRENEURSHIP','LIVESTREAM','TRAINING')),
        subtype text NOT NULL,
        details jsonb NOT NULL DEFAULT '{}'::jsonb,
        region_code varchar(6) NOT NULL REFERENCES region(code),
        venue_id uuid REFERENCES venue(id),
        is_online boolean NOT NULL DEFAULT false,
        online_url text,
        capacity integer NOT NULL CHECK (capacity > 0),
        co_host_ids uuid[] NOT NULL DEFAULT '{}',
        pattern_kind text NOT NULL CHECK (pattern_kind IN ('RRULE','SEASONAL_CADENCE')),
        rrule text,
        cadence jsonb,
        start_date date NOT NULL,
        until_date date,
        start_time time NOT NULL,
        duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 15 AND 1440),
        holiday_policy text NOT NULL CHECK (holiday_policy IN ('SKIP','NEXT_WORKING_DAY','KEEP')),
        registration_opens_days integer NOT NULL DEFAULT 14 CHECK (registration_opens_days BETWEEN 0 AND 365),
        publish_occurrences boolean NOT NULL DEFAULT false,
        materialized_until date NOT NULL,
        created_by uuid NOT NULL REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT event_series_pattern CHECK ((pattern_kind = 'RRULE') = (rrule IS NOT NULL) AND (pattern_kind = 'SEASONAL_CADENCE') = (cadence IS NOT NULL)),
        CONSTRAINT event_series_place CHECK (is_online OR venue_id IS NOT NULL),
        CONSTRAINT event_series_until CHECK (until_date IS NULL OR until_date >= start_date)
      )`);
    await q.query(`
      CREATE TABLE event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        series_id uuid REFERENCES event_series(id) ON DELETE SET NULL,
        occurrence_key date,
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 2 AND 200),
        description text NOT NULL DEFAULT '',
        type text NOT NULL CHECK (type IN ('JOB_FAIR','CAMPUS_RECRUITING','ENTREPRENEURSHIP','LIVESTREAM','TRAINING')),
        subtype text NOT NULL,
        details jsonb NOT NULL DEFAULT '{}'::jsonb,
        region_code varchar(6) NOT NULL REFERENCES region(code),
        venue_id uuid REFERENCES venue(id),
        is_online boolean NOT NULL DEFAULT false,
        online_url text,
        capacity integer NOT NULL CHECK (capacity > 0),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        registration_opens_at timestamptz,
        registration_closes_at timestamptz,
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT','PUBLISHED','COMPLETED','CANCELLED')),
        cancel_reason text,
        cancelled_at timestamptz,
        published_at timestamptz,
        detached boolean NOT NULL DEFAULT false,
        original_starts_at timestamptz,
        created_by uuid NOT NULL REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT event_time_order CHECK (ends_at > starts_at),
        CONSTRAINT event_published_stamp CHECK (status NOT IN ('PUBLISHED','COMPLETED') OR published_at IS NOT NULL),
        CONSTRAINT event_registration_window CHECK (registration_opens_at IS NULL OR registration_closes_at IS NULL OR registration_opens_at <= registration_closes_at),
        CONSTRAINT event_cancel_reason CHECK (status <> 'CANCELLED' OR length(btrim(cancel_reason)) > 0),
        CONSTRAINT event_place CHECK (is_online OR venue_id IS NOT NULL),
        CONSTRAINT event_online_has_no_venue CHECK (NOT (is_online AND venue_id IS NOT NULL)),
        CONSTRAINT event_series_occurrence_key UNIQUE (series_id, occurrence_key),
        CONSTRAINT event_venue_no_overlap EXCLUDE USING gist (venue_id WITH =, tstzrange(starts_at, ends_at) WITH &&)
          WHERE (venue_id IS NOT NULL AND status <> 'CANCELLED')
      )`);
    await q.query(`CREATE INDEX event_starts_idx ON event (starts_at, id)`);
    await q.query(`CREATE INDEX event_region_starts_idx ON event (region_code, starts_at)`);
    await q.query(`CREATE INDEX event_public_idx ON event (starts_at) WHERE published_at IS NOT NULL`);
    await q.query(`CREATE INDEX event_series_idx ON event (series_id, starts_at)`);
    await q.query(`
      CREATE TABLE event_co_host (
        event_id uuid NOT NULL REFERENCES event(id) ON DELETE CASCADE,
        co_host_id uuid NOT NULL REFERENCES co_host_body(id),
        PRIMARY KEY (event_id, co_host_id)
      )`);
    await q.query(`
      CREATE TABLE event_staff (
        event_id uuid NOT NULL REFERENCES event(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user(id),
        duty text NOT NULL DEFAULT 'STAFF',
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (event_id, user_id)
      )`);
    await q.query(`CREATE INDEX event_staff_user_idx ON event_staff (user_id)`);
    await q.query(`
      CREATE TABLE holiday_day (
        day date PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('HOLIDAY','WORKDAY')),
        name text NOT NULL,
        updated_by uuid REFERENCES app_user(id),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE peak_season (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        region_code varchar(6) NOT NULL REFERENCES region(code),
        year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        start_date date NOT NULL,
        end_date date NOT NULL,
        CONSTRAINT peak_season_order CHECK (end_date >= start_date),
        CONSTRAINT peak_season_in_year CHECK (extract(year FROM start_date) = year AND extract(year FROM end_date) = year),
        CONSTRAINT peak_season_no_overlap EXCLUDE USING gist (region_code WITH =, daterange(start_date, end_date, '[]') WITH &&)
      )`);
    await q.query(`
      CREATE TABLE calendar_feed_token (
        user_id uuid PRIMARY KEY REFERENCES app_user(id) ON DELETE CASCADE,
        token text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT calendar_feed_token_key UNIQUE (token)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['calendar_feed_token', 'peak_season', 'holiday_day', 'event_staff', 'event_co_host', 'event', 'event_series', 'co_host_body']) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
