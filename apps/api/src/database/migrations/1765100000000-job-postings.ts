import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DEFAULT_FLAG_PHRASES } from '@leye/domain';

/**
 * Job postings (岗位) and their review: the posting, the phrase list reviewers are warned about, the
 * urgent-shortage occupation list (急需紧缺职业目录) and validity spot-checks (岗位信息有效率抽查).
 */
export class JobPostings1765100000000 implements MigrationInterface {
  name = 'JobPostings1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE job_posting (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        employer_id uuid NOT NULL REFERENCES employer(id),
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 2 AND 60),
        occupation_code text NOT NULL CHECK (occupation_code ~ '^[1-8]\\.[0-9]{2}$'),
        headcount integer NOT NULL CHECK (headcount BETWEEN 1 AND 9999),
        salary_min integer CHECK (salary_min BETWEEN 0 AND 1000000),
        salary_max integer CHECK (salary_max BETWEEN 0 AND 1000000),
        education text NOT NULL CHECK (education IN ('NONE','70','60','40','30','20','14','11')),
        experience text NOT NULL CHECK (experience IN ('NONE','Y1','Y1_3','Y3_5','Y5_10','Y10')),
        region_code varchar(6) NOT NULL REFERENCES region(code),
        description text NOT NULL CHECK (length(description) <= 5000),
        contact_name text NOT NULL CHECK (length(btrim(contact_name)) BETWEEN 1 AND 50),
        contact_phone text NOT NULL CHECK (contact_phone ~ '^1[3-9][0-9]{9}$'),
        valid_until date NOT NULL,
        status text NOT NULL DEFAULT 'PENDING_REVIEW' CHECK (status IN ('PENDING_REVIEW','APPROVED','REJECTED','EXPIRED','WITHDRAWN')),
        rejection_reason text,
        reviewed_at timestamptz,
        reviewed_by uuid REFERENCES app_user(id),
        submitted_at timestamptz NOT NULL DEFAULT now(),
        revision integer NOT NULL DEFAULT 1,
        created_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT job_posting_salary_range CHECK (salary_min IS NULL OR salary_max IS NULL OR salary_min <= salary_max),
        CONSTRAINT job_posting_rejection_has_reason CHECK (status <> 'REJECTED' OR length(btrim(rejection_reason)) > 0),
        CONSTRAINT job_posting_review_recorded CHECK (status NOT IN ('APPROVED','REJECTED') OR reviewed_at IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX job_posting_employer_idx ON job_posting (employer_id, created_at DESC)`);
    await q.query(`CREATE INDEX job_posting_status_idx ON job_posting (status, submitted_at)`);
    await q.query(`CREATE INDEX job_posting_public_idx ON job_posting (region_code, occupation_code) WHERE status = 'APPROVED'`);
    await q.query(`CREATE INDEX job_posting_valid_until_idx ON job_posting (valid_until) WHERE status IN ('APPROVED','PENDING_REVIEW')`);

    await q.query(`
      CREATE TABLE posting_flag_phrase (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        phrase text NOT NULL CHECK (length(btrim(phrase)) BETWEEN 1 AND 30),
        category text NOT NULL CHECK (category IN ('GENDER','AGE','HUKOU_REGION','MARITAL_CHILDBEARING','ETHNICITY_RELIGION','HEALTH','APPEARANCE','HYPE','OTHER')),
        created_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX posting_flag_phrase_key ON posting_flag_phrase (lower(phrase))`);
    for (const p of DEFAULT_FLAG_PHRASES) {
      await q.query(`INSERT INTO posting_flag_phrase (phrase, category) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [p.phrase, p.category]);
    }

    await q.query(`
      CREATE TABLE urgent_occupation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        occupation_code text NOT NULL CHECK (occupation_code ~ '^[1-8]\\.[0-9]{2}$'),
        note text CHECK (length(note) <= 200),
        created_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT urgent_occupation_code_key UNIQUE (occupation_code)
      )`);

    await q.query(`
      CREATE TABLE posting_spot_check (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        drawn_by uuid NOT NULL REFERENCES app_user(id),
        scope_region_code varchar(6) REFERENCES region(code),
        sample_size integer NOT NULL CHECK (sample_size BETWEEN 1 AND 200),
        drawn_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE posting_spot_check_item (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        spot_check_id uuid NOT NULL REFERENCES posting_spot_check(id) ON DELETE CASCADE,
        posting_id uuid NOT NULL REFERENCES job_posting(id),
        region_code varchar(6) NOT NULL REFERENCES region(code),
        result text CHECK (result IN ('VALID','INVALID')),
        note text CHECK (length(note) <= 500),
        checked_at timestamptz,
        checked_by uuid REFERENCES app_user(id),
        CONSTRAINT posting_spot_check_item_key UNIQUE (spot_check_id, posting_id),
        CONSTRAINT posting_spot_check_item_recorded CHECK ((result IS NULL) = (checked_at IS NULL)),
        CONSTRAINT posting_spot_check_invalid_note CHECK (result IS DISTINCT FROM 'INVALID' OR length(btrim(note)) > 0)
      )`);
    await q.query(`CREATE INDEX posting_spot_check_item_checked_idx ON posting_spot_check_item (checked_at) WHERE checked_at IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE posting_spot_check_item`);
    await q.query(`DROP TABLE posting_spot_check`);
    await q.query(`DROP TABLE urgent_occupation`);
    await q.query(`DROP TABLE posting_flag_phrase`);
    await q.query(`DROP TABLE job_posting`);
  }
}
