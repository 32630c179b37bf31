import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Personal data rights (docs/privacy.md): an account deleted by its owner keeps its row as an anonymous stub
 * (`deleted_at`, no e-mail, phone or name) so registrations, check-ins and applications stay counted; the
 * registrations and applications it made lose their name and contact (`anonymised_at`). The re-encryption job
 * (key rotation) finds rows under old keys through an index on the key id.
 */
export class PersonalDataRights1766000000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user ADD COLUMN deleted_at timestamptz`);
    await q.query(`ALTER TABLE app_user DROP CONSTRAINT app_user_has_login`);
    await q.query(`ALTER TABLE app_user ADD CONSTRAINT app_user_has_login CHECK (email IS NOT NULL OR phone IS NOT NULL OR deleted_at IS NOT NULL)`);
    await q.query(`ALTER TABLE app_user ADD CONSTRAINT app_user_deleted_is_anonymous CHECK (deleted_at IS NULL OR (email IS NULL AND phone IS NULL AND disabled_at IS NOT NULL))`);

    await q.query(`ALTER TABLE job_application ADD COLUMN anonymised_at timestamptz`);
    await q.query(`ALTER TABLE job_application DROP CONSTRAINT job_application_contact`);
    await q.query(`ALTER TABLE job_application ADD CONSTRAINT job_application_contact CHECK (applicant_phone IS NOT NULL OR applicant_email IS NOT NULL OR anonymised_at IS NOT NULL)`);

    await q.query(`ALTER TABLE event_registration ADD COLUMN anonymised_at timestamptz`);
    await q.query(`ALTER TABLE event_registration DROP CONSTRAINT event_registration_walk_in_phone`);
    await q.query(`ALTER TABLE event_registration ADD CONSTRAINT event_registration_walk_in_phone CHECK (NOT walk_in OR phone IS NOT NULL OR anonymised_at IS NOT NULL)`);

    await q.query(`CREATE INDEX seeker_resume_id_number_key_idx ON seeker_resume (id_number_key_id) WHERE id_number_key_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX seeker_resume_id_number_key_idx`);
    await q.query(`ALTER TABLE event_registration DROP CONSTRAINT event_registration_walk_in_phone`);
    await q.query(`ALTER TABLE event_registration ADD CONSTRAINT event_registration_walk_in_phone CHECK (NOT walk_in OR phone IS NOT NULL)`);
    await q.query(`ALTER TABLE event_registration DROP COLUMN anonymised_at`);
    await q.query(`ALTER TABLE job_application DROP CONSTRAINT job_application_contact`);
    await q.query(`ALTER TABLE job_application ADD CONSTRAINT job_application_contact CHECK (applicant_phone IS NOT NULL OR applicant_email IS NOT NULL)`);
    await q.query(`ALTER TABLE job_application DROP COLUMN anonymised_at`);
    await q.query(`ALTER TABLE app_user DROP CONSTRAINT app_user_deleted_is_anonymous`);
    await q.query(`ALTER TABLE app_user DROP CONSTRAINT app_user_has_login`);
    await q.query(`ALTER TABLE app_user ADD CONSTRAINT app_user_has_login CHECK (email IS NOT NULL OR phone IS NOT NULL)`);
    await q.query(`ALTER TABLE app_user DROP COLUMN deleted_at`);
  }
}
