import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Account self-service: a forced password change for accounts staff created (or reset), a reason kept with a
 * deactivation, and one-time reset codes issued by staff (stored hashed, single use, expiring).
 */
export class AccountSelfService1764892800000 implements MigrationInterface {
  name = 'AccountSelfService1764892800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user ADD COLUMN must_change_password boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE app_user ADD COLUMN disabled_reason text`);
    await q.query(`
      CREATE TABLE password_reset_code (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        code_hash text NOT NULL,
        issued_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT password_reset_code_hash_key UNIQUE (code_hash)
      )`);
    await q.query(`CREATE INDEX password_reset_code_user_idx ON password_reset_code (user_id) WHERE used_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE password_reset_code`);
    await q.query(`ALTER TABLE app_user DROP COLUMN disabled_reason`);
    await q.query(`ALTER TABLE app_user DROP COLUMN must_change_password`);
  }
}
