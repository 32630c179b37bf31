import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Applications (投递), in two parts:
 *  1. the seeker's résumé fields (`seeker_resume`, one row per seeker account): what the profile did not hold
 *     (education, experience, intended occupation and region, a short introduction). No gender, age or
 *     birthplace: postings may not ask for them (the review phrase list), so the résumé does not collect them.
 *  2. `job_application`: one per (posting, seeker) — the unique constraint makes a second application
 *     impossible, also for two at once. It keeps a snapshot of the résumé at apply time, its source (a fair
 *     with the event, online, a livestream with a later broadcast id) and when it reached each pipeline
 *     stage (the funnel counts from those).
 */
export class Applications1765200000000 implements MigrationInterface {
  name = 'Applications1765200000000';

  async up(q: QueryRunner): Promise<void> {
    // ── Part 1: résumé fields of the seeker profile ──────────────────────────
    await q.query(`
      CREATE TABLE seeker_resume (
        user_id uuid PRIMARY KEY REFERENCES app_user(id) ON DELETE CASCADE,
        education text CHECK (education IN ('70','60','40','30','20','14','11')),
        experience text CHECK (experience IN ('NONE','Y1','Y1_3','Y3_5','Y5_10','Y10')),
        intended_occupation text CHECK (intended_occupation ~ '^[1-8]\\.[0-9]{2}$'),
        intended_region_code varchar(6) REFERENCES region(code),
        introduction text CHECK (length(introduction) <= 1000),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    // ── Part 2: applications ──────────────────────────────────────────────────
    await q.query(`
      CREATE TABLE job_application (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        posting_id uuid NOT NULL REFERENCES job_posting(id),
        seeker_id uuid NOT NULL REFERENCES app_user(id),
        employer_id uuid NOT NULL REFERENCES employer(id),
        status text NOT NULL DEFAULT 'SUBMITTED'
          CHECK (status IN ('SUBMITTED','VIEWED','INTERVIEW','OFFER','HIRED','REJECTED','WITHDRAWN')),
        source text NOT NULL CHECK (source IN ('FAIR','ONLINE','LIVESTREAM')),
        source_event_id uuid REFERENCES event(id),
        source_ref text CHECK (length(source_ref) BETWEEN 1 AND 100),
        cover_note text CHECK (length(cover_note) <= 500),
        applicant_name text NOT NULL,
        applicant_phone text,
        applicant_email text,
        applicant_region_code varchar(6),
        education text,
        experience text,
        intended_occupation text,
        introduction text,
        rejection_reason text CHECK (length(rejection_reason) <= 200),
        submitted_at timestamptz NOT NULL DEFAULT now(),
        viewed_at timestamptz,
        interview_at timestamptz,
        offer_at timestamptz,
        hired_at timestamptz,
        rejected_at timestamptz,
        withdrawn_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT job_application_once UNIQUE (posting_id, seeker_id),
        CONSTRAINT job_application_source_event CHECK (
          (source = 'FAIR' AND source_event_id IS NOT NULL) OR
          (source = 'ONLINE' AND source_event_id IS NULL AND source_ref IS NULL) OR
          source = 'LIVESTREAM'),
        CONSTRAINT job_application_contact CHECK (applicant_phone IS NOT NULL OR applicant_email IS NOT NULL),
        CONSTRAINT job_application_stage_times CHECK (
          (status NOT IN ('VIEWED','INTERVIEW','OFFER','HIRED') OR viewed_at IS NOT NULL) AND
          (status NOT IN ('INTERVIEW','OFFER','HIRED') OR interview_at IS NOT NULL) AND
          (status NOT IN ('OFFER','HIRED') OR offer_at IS NOT NULL) AND
          (status <> 'HIRED' OR hired_at IS NOT NULL) AND
          (status <> 'REJECTED' OR rejected_at IS NOT NULL) AND
          (status <> 'WITHDRAWN' OR withdrawn_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX job_application_posting_idx ON job_application (posting_id, submitted_at DESC)`);
    await q.query(`CREATE INDEX job_application_seeker_idx ON job_application (seeker_id, submitted_at DESC)`);
    await q.query(`CREATE INDEX job_application_employer_idx ON job_application (employer_id, submitted_at DESC)`);
    await q.query(`CREATE INDEX job_application_event_idx ON job_application (source_event_id) WHERE source_event_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE job_application`);
    await q.query(`DROP TABLE seeker_resume`);
  }
}
