import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Regions, employers, accounts, refresh tokens, login throttling and notifications. */
export class Foundation1764201600000 implements MigrationInterface {
  name = 'Foundation1764201600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE region (
        code varchar(6) PRIMARY KEY CHECK (code ~ '^[0-9]{6}$'),
        name text NOT NULL,
        name_en text NOT NULL,
        level text NOT NULL CHECK (level IN ('CITY','DISTRICT','COUNTY','ZONE')),
        parent_code varchar(6) REFERENCES region(code)
      )`);
    await q.query(`
      CREATE TABLE employer (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 2 AND 200),
        credit_code varchar(18) NOT NULL CHECK (credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
        region_code varchar(6) NOT NULL REFERENCES region(code),
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING','VERIFIED','REJECTED')),
        rejection_reason text,
        reviewed_at timestamptz,
        reviewed_by uuid,
        contact_name text,
        contact_phone text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT employer_credit_code_key UNIQUE (credit_code),
        CONSTRAINT employer_rejection_has_reason CHECK (status <> 'REJECTED' OR length(btrim(rejection_reason)) > 0),
        CONSTRAINT employer_review_recorded CHECK (status = 'PENDING' OR reviewed_at IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX employer_region_status_idx ON employer (region_code, status, created_at DESC)`);
    await q.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        role text NOT NULL CHECK (role IN ('ADMIN','ORGANIZER','EMPLOYER','MENTOR','HOST','SEEKER')),
        display_name text NOT NULL CHECK (length(btrim(display_name)) BETWEEN 1 AND 100),
        email text CHECK (email = lower(email)),
        phone text CHECK (phone ~ '^1[3-9][0-9]{9}$'),
        password_hash text NOT NULL,
        region_code varchar(6) REFERENCES region(code),
        employer_id uuid REFERENCES employer(id),
        locale text NOT NULL DEFAULT 'zh-CN' CHECK (locale IN ('zh-CN','en')),
        disabled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT app_user_has_login CHECK (email IS NOT NULL OR phone IS NOT NULL),
        CONSTRAINT app_user_employer_member CHECK ((role = 'EMPLOYER') = (employer_id IS NOT NULL)),
        CONSTRAINT app_user_organizer_region CHECK (role <> 'ORGANIZER' OR region_code IS NOT NULL)
      )`);
    await q.query(`CREATE UNIQUE INDEX app_user_email_key ON app_user (email) WHERE email IS NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX app_user_phone_key ON app_user (phone) WHERE phone IS NOT NULL`);
    await q.query(`CREATE INDEX app_user_employer_idx ON app_user (employer_id) WHERE employer_id IS NOT NULL`);
    await q.query(`ALTER TABLE employer ADD CONSTRAINT employer_reviewed_by_fkey FOREIGN KEY (reviewed_by) REFERENCES app_user(id)`);
    await q.query(`
      CREATE TABLE refresh_token (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        family_id uuid NOT NULL,
        token_hash text NOT NULL,
        expires_at timestamptz NOT NULL,
        rotated_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT refresh_token_hash_key UNIQUE (token_hash)
      )`);
    await q.query(`CREATE INDEX refresh_token_family_idx ON refresh_token (family_id)`);
    await q.query(`
      CREATE TABLE login_failure (
        id bigserial PRIMARY KEY,
        login_key text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX login_failure_key_time_idx ON login_failure (login_key, created_at DESC)`);
    await q.query(`
      CREATE TABLE notification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        kind text NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        link text,
        data jsonb NOT NULL DEFAULT '{}'::jsonb,
        read_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX notification_user_time_idx ON notification (user_id, created_at DESC)`);
    await q.query(`CREATE INDEX notification_user_unread_idx ON notification (user_id) WHERE read_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notification`);
    await q.query(`DROP TABLE login_failure`);
    await q.query(`DROP TABLE refresh_token`);
    await q.query(`ALTER TABLE employer DROP CONSTRAINT employer_reviewed_by_fkey`);
    await q.query(`DROP TABLE app_user`);
    await q.query(`DROP TABLE employer`);
    await q.query(`DROP TABLE region`);
  }
}
