import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Attendance (docs/attendance.md):
 *  1. the seeker profile: `seeker_resume` (applications' résumé row) gains the identity and statistics fields —
 *     real name, mobile, resident ID number (AES-256-GCM ciphertext + key id, an HMAC for lookups, a masked copy),
 *     graduation year, home region and the section-六 groups. One profile row per seeker, not a second table.
 *  2. registrations to an event or to a class (series), with capacity counted in `registration_count`
 *     (a row lock / conditional update holds it) and a waitlist; unique (target, user) makes a second
 *     registration impossible.
 *  3. gates, the scan log (`attendance_scan`, primary key = the id the device made: an upload repeated is
 *     recorded once), check-ins (primary key (event, registration): a person counts once per event or
 *     session), conflicts, per-event counters in `event_attendance` (sharded rows updated in the check-in
 *     transaction, so quota measures are a SUM over events) and `attendance_record_scans`, the one SQL
 *     function the scan path calls (one round trip for one scan or a batch of 500).
 *  4. employers at fairs: `booth_attendance` (check-in per booking, no-show, outcome figures).
 */
export class Attendance1765300000000 implements MigrationInterface {
  name = 'Attendance1765300000000';

  async up(q: QueryRunner): Promise<void> {
    // ── 1. Seeker profile ──────────────────────────────────────────────────────
    await q.query(`
      ALTER TABLE seeker_resume
        ADD COLUMN real_name text CHECK (length(btrim(real_name)) BETWEEN 1 AND 50),
        ADD COLUMN mobile text CHECK (mobile ~ '^1[3-9][0-9]{9}$'),
        ADD COLUMN id_number_cipher text,
        ADD COLUMN id_number_key_id text,
        ADD COLUMN id_number_hmac text,
        ADD COLUMN id_number_masked text,
        ADD COLUMN graduation_year integer CHECK (graduation_year BETWEEN 1950 AND 2100),
        ADD COLUMN region_code varchar(6) REFERENCES region(code),
        ADD COLUMN groups text[] NOT NULL DEFAULT '{}'
          CHECK (groups <@ ARRAY['RECENT_GRADUATE','VETERAN','DISABLED','RURAL_WORKER','HARD_TO_EMPLOY']::text[]),
        ADD CONSTRAINT seeker_resume_id_number CHECK (
          (id_number_cipher IS NULL AND id_number_key_id IS NULL AND id_number_hmac IS NULL AND id_number_masked IS NULL) OR
          (id_number_cipher IS NOT NULL AND id_number_key_id IS NOT NULL AND id_number_hmac IS NOT NULL AND id_number_masked IS NOT NULL))`);
    await q.query(`CREATE UNIQUE INDEX seeker_resume_id_number_hmac_key ON seeker_resume (id_number_hmac) WHERE id_number_hmac IS NOT NULL`);

    // ── 2. Registrations ───────────────────────────────────────────────────────
    await q.query(`
      CREATE TABLE event_registration (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid REFERENCES event(id) ON DELETE CASCADE,
        series_id uuid REFERENCES event_series(id) ON DELETE CASCADE,
        target_id uuid NOT NULL GENERATED ALWAYS AS (coalesce(event_id, series_id)) STORED,
        user_id uuid REFERENCES app_user(id) ON DELETE CASCADE,
        walk_in boolean NOT NULL DEFAULT false,
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 50),
        phone text CHECK (phone ~ '^1[3-9][0-9]{9}$'),
        groups text[] NOT NULL DEFAULT '{}'
          CHECK (groups <@ ARRAY['RECENT_GRADUATE','VETERAN','DISABLED','RURAL_WORKER','HARD_TO_EMPLOY']::text[]),
        status text NOT NULL CHECK (status IN ('REGISTERED','WAITLISTED','CANCELLED')),
        issued_at timestamptz NOT NULL DEFAULT date_trunc('second', now()),
        registered_at timestamptz,
        waitlisted_at timestamptz,
        cancelled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT event_registration_one_target CHECK (num_nonnulls(event_id, series_id) = 1),
        CONSTRAINT event_registration_who CHECK (walk_in OR user_id IS NOT NULL),
        CONSTRAINT event_registration_walk_in_phone CHECK (NOT walk_in OR phone IS NOT NULL),
        CONSTRAINT event_registration_once UNIQUE (target_id, user_id)
      )`);
    // A walk-in is one person per phone number per event.
    await q.query(`CREATE UNIQUE INDEX event_registration_walk_in_once ON event_registration (target_id, phone) WHERE walk_in`);
    await q.query(`CREATE INDEX event_registration_user_idx ON event_registration (user_id, created_at DESC) WHERE user_id IS NOT NULL`);
    await q.query(`CREATE INDEX event_registration_waitlist_idx ON event_registration (target_id, waitlisted_at) WHERE status = 'WAITLISTED'`);
    await q.query(`
      CREATE TABLE registration_count (
        target_id uuid PRIMARY KEY,
        registered integer NOT NULL DEFAULT 0 CHECK (registered >= 0),
        waitlisted integer NOT NULL DEFAULT 0 CHECK (waitlisted >= 0)
      )`);

    // ── 3. Gates, scans, check-ins, conflicts, counters ───────────────────────
    await q.query(`
      CREATE TABLE attendance_gate (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL REFERENCES event(id) ON DELETE CASCADE,
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 40),
        removed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Door duty: the accounts that may run the check-in station of one event (and nothing else).
    await q.query(`
      CREATE TABLE attendance_door_volunteer (
        event_id uuid NOT NULL REFERENCES event(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        assigned_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (event_id, user_id)
      )`);
    await q.query(`CREATE INDEX attendance_door_volunteer_user_idx ON attendance_door_volunteer (user_id)`);
    await q.query(`CREATE UNIQUE INDEX attendance_gate_name_key ON attendance_gate (event_id, lower(name)) WHERE removed_at IS NULL`);
    // The scan log: append-only, keyed by the id the device made (the same scan uploaded again is one row).
    // No foreign keys: it also records refused scans (forged tickets, unknown registrations) as they came.
    await q.query(`
      CREATE TABLE attendance_scan (
        scan_id uuid PRIMARY KEY,
        event_id uuid NOT NULL,
        gate_id uuid NOT NULL,
        registration_id uuid,
        outcome text CHECK (outcome IN ('ADMITTED','REENTRY','CONFLICT','INVALID_TICKET','WRONG_EVENT','NOT_REGISTERED')),
        offline boolean NOT NULL,
        scanned_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        scanned_by uuid
      )`);
    await q.query(`CREATE INDEX attendance_scan_event_idx ON attendance_scan (event_id, scanned_at)`);
    // One check-in per person per event (per session for classes): the row counts, later scans do not.
    await q.query(`
      CREATE TABLE attendance_checkin (
        event_id uuid NOT NULL REFERENCES event(id) ON DELETE CASCADE,
        registration_id uuid NOT NULL REFERENCES event_registration(id) ON DELETE CASCADE,
        gate_id uuid NOT NULL,
        scan_id uuid NOT NULL,
        offline boolean NOT NULL,
        admitted_at timestamptz NOT NULL,
        PRIMARY KEY (event_id, registration_id)
      )`);
    // People of a class counted once across its sessions (attendance.unique), participations per session.
    await q.query(`
      CREATE TABLE series_attendee (
        series_id uuid NOT NULL,
        registration_id uuid NOT NULL,
        first_event_id uuid NOT NULL,
        PRIMARY KEY (series_id, registration_id)
      )`);
    await q.query(`
      CREATE TABLE attendance_conflict (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL REFERENCES event(id) ON DELETE CASCADE,
        registration_id uuid NOT NULL,
        scan_id uuid NOT NULL UNIQUE,
        gate_id uuid NOT NULL,
        scanned_at timestamptz NOT NULL,
        first_scan_id uuid NOT NULL,
        first_gate_id uuid NOT NULL,
        first_scanned_at timestamptz NOT NULL,
        detected_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX attendance_conflict_event_idx ON attendance_conflict (event_id, detected_at DESC)`);
    // Counters per event in a few shards (concurrent gates do not queue on one row); a figure is their sum.
    await q.query(`
      CREATE TABLE event_attendance (
        event_id uuid NOT NULL REFERENCES event(id) ON DELETE CASCADE,
        shard smallint NOT NULL CHECK (shard BETWEEN 0 AND 15),
        admitted integer NOT NULL DEFAULT 0,
        first_admitted integer NOT NULL DEFAULT 0,
        reentries integer NOT NULL DEFAULT 0,
        conflicts integer NOT NULL DEFAULT 0,
        scans integer NOT NULL DEFAULT 0,
        walk_ins integer NOT NULL DEFAULT 0,
        PRIMARY KEY (event_id, shard)
      )`);

    // The scan path: one call records a batch (one scan online, up to 500 from an offline queue), in order.
    // p_pre holds an outcome decided before the database (INVALID_TICKET, WRONG_EVENT) or NULL.
    await q.query(`
      CREATE FUNCTION attendance_record_scans(
        p_event uuid, p_series uuid, p_scan_ids uuid[], p_gate_ids uuid[], p_regs uuid[], p_at timestamptz[],
        p_offline boolean[], p_pre text[], p_by uuid, p_window interval, p_shard smallint)
      RETURNS TABLE (scan_id uuid, outcome text, registration_id uuid, name text)
      LANGUAGE plpgsql AS $fn$
      #variable_conflict use_column
      DECLARE
        i integer;
        v_out text;
        v_name text;
        v_status text;
        v_target uuid;
        v_series uuid;
        v_first record;
        n_admitted integer := 0; n_first integer := 0; n_reentry integer := 0; n_conflict integer := 0; n_scans integer := 0;
      BEGIN
        FOR i IN 1 .. coalesce(array_length(p_scan_ids, 1), 0) LOOP
          scan_id := p_scan_ids[i];
          registration_id := p_regs[i];
          name := NULL;
          INSERT INTO attendance_scan AS s (scan_id, event_id, gate_id, registration_id, offline, scanned_at, scanned_by)
            VALUES (p_scan_ids[i], p_event, p_gate_ids[i], p_regs[i], p_offline[i], p_at[i], p_by)
            ON CONFLICT DO NOTHING;
          IF NOT FOUND THEN
            outcome := 'ALREADY_RECORDED';
            RETURN NEXT;
            CONTINUE;
          END IF;
          n_scans := n_scans + 1;
          v_out := p_pre[i];
          IF v_out IS NULL THEN
            SELECT r.status, r.target_id, r.series_id, r.name INTO v_status, v_target, v_series, v_name
              FROM event_registration r WHERE r.id = p_regs[i];
            name := v_name;
            IF NOT FOUND THEN
              v_out := 'NOT_REGISTERED';
            ELSIF v_target <> p_event AND v_target IS DISTINCT FROM p_series THEN
              v_out := 'WRONG_EVENT';
            ELSIF v_status <> 'REGISTERED' THEN
              v_out := 'NOT_REGISTERED';
            ELSE
              INSERT INTO attendance_checkin AS c (event_id, registration_id, gate_id, scan_id, offline, admitted_at)
                VALUES (p_event, p_regs[i], p_gate_ids[i], p_scan_ids[i], p_offline[i], p_at[i])
                ON CONFLICT DO NOTHING;
              IF FOUND THEN
                v_out := 'ADMITTED';
                n_admitted := n_admitted + 1;
                IF v_series IS NULL THEN
                  n_first := n_first + 1;
                ELSE
                  INSERT INTO series_attendee (series_id, registration_id, first_event_id) VALUES (v_series, p_regs[i], p_event)
                    ON CONFLICT DO NOTHING;
                  IF FOUND THEN n_first := n_first + 1; END IF;
                END IF;
              ELSE
                SELECT c.gate_id, c.scan_id, c.offline, c.admitted_at INTO v_first
                  FROM attendance_checkin c WHERE c.event_id = p_event AND c.registration_id = p_regs[i];
                IF v_first.gate_id <> p_gate_ids[i] AND (p_offline[i] OR v_first.offline)
                   AND abs(extract(epoch FROM p_at[i] - v_first.admitted_at)) < extract(epoch FROM p_window) THEN
                  v_out := 'CONFLICT';
                  n_conflict := n_conflict + 1;
                  INSERT INTO attendance_conflict (event_id, registration_id, scan_id, gate_id, scanned_at, first_scan_id, first_gate_id, first_scanned_at)
                    VALUES (p_event, p_regs[i], p_scan_ids[i], p_gate_ids[i], p_at[i], v_first.scan_id, v_first.gate_id, v_first.admitted_at);
                ELSE
                  v_out := 'REENTRY';
                  n_reentry := n_reentry + 1;
                END IF;
              END IF;
            END IF;
          END IF;
          UPDATE attendance_scan s SET outcome = v_out WHERE s.scan_id = p_scan_ids[i];
          outcome := v_out;
          RETURN NEXT;
        END LOOP;
        IF n_scans > 0 THEN
          INSERT INTO event_attendance AS a (event_id, shard, admitted, first_admitted, reentries, conflicts, scans)
            VALUES (p_event, p_shard, n_admitted, n_first, n_reentry, n_conflict, n_scans)
            ON CONFLICT (event_id, shard) DO UPDATE SET
              admitted = a.admitted + EXCLUDED.admitted, first_admitted = a.first_admitted + EXCLUDED.first_admitted,
              reentries = a.reentries + EXCLUDED.reentries, conflicts = a.conflicts + EXCLUDED.conflicts, scans = a.scans + EXCLUDED.scans;
        END IF;
      END
      $fn$`);

    // ── 4. Employers at fairs ─────────────────────────────────────────────────
    await q.query(`
      CREATE TABLE booth_attendance (
        booking_id uuid PRIMARY KEY REFERENCES booth_booking(id) ON DELETE CASCADE,
        event_id uuid NOT NULL REFERENCES event(id) ON DELETE CASCADE,
        employer_id uuid NOT NULL REFERENCES employer(id) ON DELETE CASCADE,
        checked_in_at timestamptz,
        checked_in_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        no_show boolean NOT NULL DEFAULT false,
        resumes_received integer CHECK (resumes_received BETWEEN 0 AND 100000),
        interviews integer CHECK (interviews BETWEEN 0 AND 100000),
        hiring_intents integer CHECK (hiring_intents BETWEEN 0 AND 100000),
        outcome_recorded_at timestamptz,
        outcome_recorded_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        CONSTRAINT booth_attendance_no_show CHECK (NOT (no_show AND checked_in_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX booth_attendance_event_idx ON booth_attendance (event_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE booth_attendance`);
    await q.query(`DROP FUNCTION attendance_record_scans`);
    for (const t of ['event_attendance', 'attendance_conflict', 'series_attendee', 'attendance_checkin', 'attendance_scan', 'attendance_gate', 'attendance_door_volunteer', 'registration_count', 'event_registration']) {
      await q.query(`DROP TABLE ${t}`);
    }
    await q.query(`DROP INDEX seeker_resume_id_number_hmac_key`);
    await q.query(`
      ALTER TABLE seeker_resume DROP CONSTRAINT seeker_resume_id_number, DROP COLUMN real_name, DROP COLUMN mobile,
        DROP COLUMN id_number_cipher, DROP COLUMN id_number_key_id, DROP COLUMN id_number_hmac, DROP COLUMN id_number_masked,
        DROP COLUMN graduation_year, DROP COLUMN region_code, DROP COLUMN groups`);
  }
}
