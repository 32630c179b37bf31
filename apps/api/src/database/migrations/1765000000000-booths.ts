import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Booths (docs/booths.md): venue floor plans, per-fair booking rules and booth states, bookings
 * (booth bookings at job fairs and delegation places at campus trips share one table, booth_id NULL
 * for a place), the waitlist, and the organizer-marked priority categories of employers.
 * One active booking per booth per fair is a partial unique index; the per-employer limit and
 * the number of places are counted under a transaction-scoped advisory lock.
 */
export class Booths1765000000000 implements MigrationInterface {
  name = 'Booths1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE venue_layout (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        venue_id uuid NOT NULL REFERENCES venue(id) ON DELETE CASCADE,
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
        width integer NOT NULL CHECK (width BETWEEN 10 AND 10000),
        height integer NOT NULL CHECK (height BETWEEN 10 AND 10000),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT venue_layout_name_key UNIQUE (venue_id, name)
      )`);
    await q.query(`
      CREATE TABLE booth (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        layout_id uuid NOT NULL REFERENCES venue_layout(id) ON DELETE CASCADE,
        code varchar(8) NOT NULL CHECK (code ~ '^[A-Z]{1,2}[0-9]{1,3}$'),
        zone text NOT NULL DEFAULT '' CHECK (length(zone) <= 40),
        type text NOT NULL DEFAULT 'STANDARD' CHECK (type IN ('STANDARD','CORNER','PREMIUM')),
        size_sqm numeric(7,2) NOT NULL CHECK (size_sqm > 0 AND size_sqm <= 10000),
        x double precision NOT NULL CHECK (x >= 0),
        y double precision NOT NULL CHECK (y >= 0),
        width double precision NOT NULL CHECK (width > 0),
        height double precision NOT NULL CHECK (height > 0),
        CONSTRAINT booth_code_key UNIQUE (layout_id, code)
      )`);
    await q.query(`
      CREATE TABLE fair_booth_settings (
        event_id uuid PRIMARY KEY REFERENCES event(id) ON DELETE CASCADE,
        layout_id uuid REFERENCES venue_layout(id) ON DELETE RESTRICT,
        places integer CHECK (places BETWEEN 1 AND 10000),
        opens_at timestamptz NOT NULL,
        closes_at timestamptz NOT NULL,
        verified_only boolean NOT NULL DEFAULT true CHECK (verified_only),
        max_booths_per_employer integer NOT NULL DEFAULT 1 CHECK (max_booths_per_employer BETWEEN 1 AND 20),
        requires_approval boolean NOT NULL DEFAULT false,
        requires_approved_posting boolean NOT NULL DEFAULT false,
        cancellation_deadline timestamptz,
        hold_minutes integer NOT NULL DEFAULT 5 CHECK (hold_minutes BETWEEN 1 AND 60),
        waitlist_offer_hours integer NOT NULL DEFAULT 24 CHECK (waitlist_offer_hours BETWEEN 1 AND 168),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT fair_booth_settings_window CHECK (closes_at > opens_at),
        CONSTRAINT fair_booth_settings_kind CHECK ((layout_id IS NULL) <> (places IS NULL))
      )`);
    await q.query(`
      CREATE TABLE fair_booth_state (
        event_id uuid NOT NULL REFERENCES fair_booth_settings(event_id) ON DELETE CASCADE,
        booth_id uuid NOT NULL REFERENCES booth(id) ON DELETE CASCADE,
        state text NOT NULL CHECK (state IN ('CLOSED','RESERVED')),
        reserved_category text CHECK (reserved_category IN ('SPECIALIZED_NEW','TRADITIONAL_INDUSTRY','FAMOUS_QUALITY_NEW')),
        PRIMARY KEY (event_id, booth_id),
        CONSTRAINT fair_booth_state_reserved CHECK ((state = 'RESERVED') = (reserved_category IS NOT NULL))
      )`);
    await q.query(`
      CREATE TABLE employer_priority_category (
        employer_id uuid NOT NULL REFERENCES employer(id) ON DELETE CASCADE,
        category text NOT NULL CHECK (category IN ('SPECIALIZED_NEW','TRADITIONAL_INDUSTRY','FAMOUS_QUALITY_NEW')),
        marked_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        marked_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (employer_id, category)
      )`);
    await q.query(`
      CREATE TABLE booth_booking (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL REFERENCES event(id) ON DELETE CASCADE,
        booth_id uuid REFERENCES booth(id) ON DELETE RESTRICT,
        employer_id uuid NOT NULL REFERENCES employer(id) ON DELETE CASCADE,
        status text NOT NULL CHECK (status IN ('HELD','OFFERED','PENDING_APPROVAL','CONFIRMED','CANCELLED','REJECTED','EXPIRED','DECLINED')),
        hold_expires_at timestamptz,
        reason text,
        cancelled_by_organizer boolean NOT NULL DEFAULT false,
        created_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        confirmed_at timestamptz,
        CONSTRAINT booth_booking_hold CHECK (status NOT IN ('HELD','OFFERED') OR hold_expires_at IS NOT NULL),
        CONSTRAINT booth_booking_reason CHECK (status <> 'REJECTED' OR length(btrim(reason)) > 0)
      )`);
    // The guarantee: one active booking (held, offered, pending approval or confirmed) per booth per fair.
    await q.query(`
      CREATE UNIQUE INDEX booth_booking_one_active_per_booth ON booth_booking (event_id, booth_id)
        WHERE booth_id IS NOT NULL AND status IN ('HELD','OFFERED','PENDING_APPROVAL','CONFIRMED')`);
    // A delegation place: one active place per employer per campus trip.
    await q.query(`
      CREATE UNIQUE INDEX booth_booking_one_place_per_employer ON booth_booking (event_id, employer_id)
        WHERE booth_id IS NULL AND status IN ('HELD','OFFERED','PENDING_APPROVAL','CONFIRMED')`);
    await q.query(`CREATE INDEX booth_booking_employer_idx ON booth_booking (employer_id, event_id)`);
    await q.query(`CREATE INDEX booth_booking_event_status_idx ON booth_booking (event_id, status)`);
    await q.query(`
      CREATE TABLE fair_waitlist (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL REFERENCES event(id) ON DELETE CASCADE,
        employer_id uuid NOT NULL REFERENCES employer(id) ON DELETE CASCADE,
        status text NOT NULL DEFAULT 'WAITING' CHECK (status IN ('WAITING','OFFERED','ACCEPTED','DECLINED','EXPIRED','LEFT','CANCELLED')),
        offer_booking_id uuid REFERENCES booth_booking(id) ON DELETE SET NULL,
        offer_expires_at timestamptz,
        joined_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT fair_waitlist_employer_key UNIQUE (event_id, employer_id),
        CONSTRAINT fair_waitlist_offer CHECK (status <> 'OFFERED' OR (offer_booking_id IS NOT NULL AND offer_expires_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX fair_waitlist_queue_idx ON fair_waitlist (event_id, joined_at) WHERE status = 'WAITING'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE fair_waitlist`);
    await q.query(`DROP TABLE booth_booking`);
    await q.query(`DROP TABLE employer_priority_category`);
    await q.query(`DROP TABLE fair_booth_state`);
    await q.query(`DROP TABLE fair_booth_settings`);
    await q.query(`DROP TABLE booth`);
    await q.query(`DROP TABLE venue_layout`);
  }
}
