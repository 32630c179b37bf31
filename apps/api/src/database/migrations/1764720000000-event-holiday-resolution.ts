import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How an organizer resolved an occurrence that a later-entered holiday put on a holiday: one row per
 * (event, holiday date). The primary key makes a double click resolve once; KEEP rows are what keeps
 * an acknowledged occurrence out of the list.
 */
export class EventHolidayResolution1764720000000 implements MigrationInterface {
  name = 'EventHolidayResolution1764720000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE event_holiday_resolution (
        event_id uuid NOT NULL REFERENCES event(id) ON DELETE CASCADE,
        holiday_date date NOT NULL,
        action text NOT NULL CHECK (action IN ('CANCEL', 'RESCHEDULE', 'ACKNOWLEDGE')),
        resolved_by uuid REFERENCES app_user(id),
        resolved_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (event_id, holiday_date)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE event_holiday_resolution`);
  }
}
