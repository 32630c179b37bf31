import type { MigrationInterface, QueryRunner } from 'typeorm';
import PgBoss from 'pg-boss';

/**
 * The durable job queue (pg-boss's own tables, in schema `pgboss`, installed here so the server
 * never changes the schema by itself), idempotent notifications (one per domain event and
 * recipient) and the append-only audit log.
 */
export class JobsAndAudit1764374400000 implements MigrationInterface {
  name = 'JobsAndAudit1764374400000';

  async up(q: QueryRunner): Promise<void> {
    // pg-boss wraps its plan in BEGIN/COMMIT; the migration already runs in a transaction.
    const plan = PgBoss.getConstructionPlans('pgboss').replace(/^\s*BEGIN;\s*$/m, '').replace(/^\s*COMMIT;\s*$/m, '');
    await q.query(plan);

    await q.query(`ALTER TABLE notification ADD COLUMN source_event_id uuid`);
    await q.query(`CREATE UNIQUE INDEX notification_source_event_user_key ON notification (source_event_id, user_id) WHERE source_event_id IS NOT NULL`);

    await q.query(`CREATE INDEX event_published_ends_at_idx ON event (ends_at) WHERE status = 'PUBLISHED'`);

    await q.query(`
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        occurred_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid,
        actor_role text,
        action text NOT NULL CHECK (action ~ '^[a-z][a-z0-9_-]*(\\.[a-z][a-z0-9_-]*)+$'),
        resource_type text NOT NULL,
        resource_id text,
        region_code varchar(6),
        ip_address inet,
        details jsonb NOT NULL DEFAULT '{}'::jsonb,
        source_event_id uuid NOT NULL,
        CONSTRAINT audit_log_source_event_key UNIQUE (source_event_id)
      )`);
    await q.query(`CREATE INDEX audit_log_occurred_idx ON audit_log (occurred_at DESC, id DESC)`);
    await q.query(`CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, occurred_at DESC)`);
    await q.query(`CREATE INDEX audit_log_resource_idx ON audit_log (resource_type, resource_id)`);
    await q.query(`
      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`);
    await q.query(`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_log`);
    await q.query(`DROP FUNCTION audit_log_append_only()`);
    await q.query(`DROP INDEX event_published_ends_at_idx`);
    await q.query(`DROP INDEX notification_source_event_user_key`);
    await q.query(`ALTER TABLE notification DROP COLUMN source_event_id`);
    await q.query(`DROP SCHEMA pgboss CASCADE`);
  }
}
