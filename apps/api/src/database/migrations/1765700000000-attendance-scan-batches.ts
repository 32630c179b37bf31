import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `attendance_record_scans` takes who made each scan (`p_by uuid[]`) instead of one account per call, so the
 * scan route can send the scans of several stations (several accounts) that arrived within a few milliseconds
 * to PostgreSQL in ONE call (micro-batching, docs/attendance.md#the-scan-route). Same rules otherwise.
 */
export class AttendanceScanBatches1765700000000 implements MigrationInterface {
  name = 'AttendanceScanBatches1765700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION attendance_record_scans(uuid, uuid, uuid[], uuid[], uuid[], timestamptz[], boolean[], text[], uuid, interval, smallint)`);
    await q.query(`
      CREATE FUNCTION attendance_record_scans(
        p_event uuid, p_series uuid, p_scan_ids uuid[], p_gate_ids uuid[], p_regs uuid[], p_at timestamptz[],
        p_offline boolean[], p_pre text[], p_by uuid[], p_window interval, p_shard smallint)
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
            VALUES (p_scan_ids[i], p_event, p_gate_ids[i], p_regs[i], p_offline[i], p_at[i], p_by[i])
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
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION attendance_record_scans(uuid, uuid, uuid[], uuid[], uuid[], timestamptz[], boolean[], text[], uuid[], interval, smallint)`);
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
  }
}
