import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Mentor pool and coaching (clause 十二, 护航行动):
 *  - `mentor_expertise_tag`: the maintained expertise taxonomy (organizers add, rename, retire tags);
 *  - `mentor_studio`: recognised mentor studios (导师工作室);
 *  - `mentor`: profiles (applications too, status APPLIED), linked to a MENTOR account when they have one.
 *    The pool at a date D counts mentors certified on or before D, active from on or before D and not
 *    retired by D, so month-end levels of past months can be answered;
 *  - `startup_project` and `startup_project_founder` (seeker accounts or plain names);
 *  - `mentor_follow_up`: a mentor following a project (offered → active → ended); at most one open per pair;
 *  - `coaching_session` and `coaching_action`: what a mentor logged, confirmed by a founder;
 *  - `mentor_event_role`: mentors as judges or speakers at entrepreneurship events, with attendance.
 */
export class Mentors1765500000000 implements MigrationInterface {
  name = 'Mentors1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE mentor_expertise_tag (
        code text PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
        name_zh text NOT NULL CHECK (length(name_zh) BETWEEN 1 AND 30),
        name_en text NOT NULL CHECK (length(name_en) BETWEEN 1 AND 60),
        sort int NOT NULL DEFAULT 100,
        retired_at timestamptz,
        CONSTRAINT mentor_expertise_tag_name UNIQUE (name_zh)
      )`);
    await q.query(`
      INSERT INTO mentor_expertise_tag (code, name_zh, name_en, sort) VALUES
        ('ECOMMERCE', '电子商务', 'E-commerce', 10),
        ('MANUFACTURING', '生产制造', 'Manufacturing', 20),
        ('AGRICULTURE', '农业经营', 'Agriculture', 30),
        ('FINANCE', '财务融资', 'Finance and fundraising', 40),
        ('LAW', '法律合规', 'Law', 50),
        ('MARKETING', '市场营销', 'Marketing', 60),
        ('TECHNOLOGY', '技术研发', 'Technology', 70),
        ('MANAGEMENT', '企业管理', 'Management', 80),
        ('BRANDING', '品牌设计', 'Branding', 90),
        ('LOGISTICS', '供应链物流', 'Supply chain and logistics', 100)`);

    await q.query(`
      CREATE TABLE mentor_studio (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
        region_code varchar(6) NOT NULL REFERENCES region(code),
        recognized_on date,
        description text CHECK (length(description) <= 500),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT mentor_studio_name UNIQUE (name)
      )`);

    await q.query(`
      CREATE TABLE mentor (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid REFERENCES app_user(id),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
        organisation text CHECK (length(organisation) <= 200),
        title text CHECK (length(title) <= 200),
        expertise text[] NOT NULL DEFAULT '{}',
        industries text[] NOT NULL DEFAULT '{}',
        region_code varchar(6) NOT NULL REFERENCES region(code),
        bio text CHECK (length(bio) <= 2000),
        phone text CHECK (phone ~ '^1[3-9][0-9]{9}$'),
        email text CHECK (length(email) <= 200),
        certified_on date,
        certificate_no text CHECK (certificate_no ~ '^[A-Za-z0-9][A-Za-z0-9-]{3,39}$'),
        studio_id uuid REFERENCES mentor_studio(id) ON DELETE SET NULL,
        status text NOT NULL CHECK (status IN ('APPLIED','ACTIVE','INACTIVE','REJECTED')),
        capacity int NOT NULL DEFAULT 2 CHECK (capacity BETWEEN 1 AND 20),
        active_from date,
        retired_on date,
        source text NOT NULL DEFAULT 'CREATED' CHECK (source IN ('CREATED','APPLICATION','IMPORT')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT mentor_certificate_no UNIQUE (certificate_no),
        CONSTRAINT mentor_user UNIQUE (user_id),
        CONSTRAINT mentor_certificate_pair CHECK ((certified_on IS NULL) = (certificate_no IS NULL)),
        CONSTRAINT mentor_active_from CHECK (status IN ('APPLIED','REJECTED') OR active_from IS NOT NULL),
        CONSTRAINT mentor_retired CHECK ((status = 'INACTIVE') = (retired_on IS NOT NULL))
      )`);
    // One profile per mobile number (applications included): the import matches on it.
    await q.query(`CREATE UNIQUE INDEX mentor_phone ON mentor (phone) WHERE phone IS NOT NULL AND status <> 'REJECTED'`);
    await q.query(`CREATE INDEX mentor_region ON mentor (region_code, status)`);
    await q.query(`CREATE INDEX mentor_expertise ON mentor USING gin (expertise)`);

    await q.query(`
      CREATE TABLE startup_project (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        industry text NOT NULL,
        stage text NOT NULL CHECK (stage IN ('IDEA','STARTING','GROWING','EXPANDING')),
        region_code varchar(6) NOT NULL REFERENCES region(code),
        source text NOT NULL CHECK (source IN ('CONTEST','INCUBATOR','GUARANTEED_LOAN','WALK_IN','OTHER')),
        source_note text CHECK (length(source_note) <= 200),
        needs text CHECK (length(needs) <= 2000),
        need_tags text[] NOT NULL DEFAULT '{}',
        created_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX startup_project_region ON startup_project (region_code)`);
    await q.query(`
      CREATE TABLE startup_project_founder (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES startup_project(id) ON DELETE CASCADE,
        user_id uuid REFERENCES app_user(id),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
        CONSTRAINT startup_project_founder_once UNIQUE (project_id, user_id)
      )`);
    await q.query(`CREATE INDEX startup_project_founder_user ON startup_project_founder (user_id) WHERE user_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE mentor_follow_up (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        mentor_id uuid NOT NULL REFERENCES mentor(id),
        project_id uuid NOT NULL REFERENCES startup_project(id) ON DELETE CASCADE,
        status text NOT NULL CHECK (status IN ('OFFERED','ACTIVE','ENDED','DECLINED')),
        goals text CHECK (length(goals) <= 2000),
        starts_on date NOT NULL,
        ended_on date,
        outcome text CHECK (outcome IN ('REGISTERED_BUSINESS','FUNDED','GROWING','PAUSED','CLOSED','OTHER')),
        outcome_note text CHECK (length(outcome_note) <= 2000),
        assigned_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT mentor_follow_up_ended CHECK ((status = 'ENDED') = (outcome IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX mentor_follow_up_open ON mentor_follow_up (mentor_id, project_id) WHERE status IN ('OFFERED','ACTIVE')`);
    await q.query(`CREATE INDEX mentor_follow_up_project ON mentor_follow_up (project_id)`);

    await q.query(`
      CREATE TABLE coaching_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        mentor_id uuid NOT NULL REFERENCES mentor(id),
        project_id uuid NOT NULL REFERENCES startup_project(id) ON DELETE CASCADE,
        held_at timestamptz NOT NULL,
        duration_minutes int NOT NULL CHECK (duration_minutes BETWEEN 5 AND 600),
        mode text NOT NULL CHECK (mode IN ('ON_SITE','ONLINE','PHONE')),
        topics text[] NOT NULL DEFAULT '{}',
        advice text CHECK (length(advice) <= 2000),
        next_on date,
        confirmed_at timestamptz,
        confirmed_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX coaching_session_project ON coaching_session (project_id, held_at)`);
    await q.query(`CREATE INDEX coaching_session_mentor ON coaching_session (mentor_id, held_at)`);
    await q.query(`CREATE INDEX coaching_session_confirmed ON coaching_session (held_at) WHERE confirmed_at IS NOT NULL`);
    await q.query(`
      CREATE TABLE coaching_action (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL REFERENCES coaching_session(id) ON DELETE CASCADE,
        text text NOT NULL CHECK (length(text) BETWEEN 1 AND 200),
        due_on date,
        done_at timestamptz
      )`);
    await q.query(`CREATE INDEX coaching_action_session ON coaching_action (session_id)`);

    await q.query(`
      CREATE TABLE mentor_event_role (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL REFERENCES event(id) ON DELETE CASCADE,
        mentor_id uuid NOT NULL REFERENCES mentor(id),
        role text NOT NULL CHECK (role IN ('JUDGE','SPEAKER')),
        attended boolean,
        assigned_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT mentor_event_role_once UNIQUE (event_id, mentor_id)
      )`);
    await q.query(`CREATE INDEX mentor_event_role_mentor ON mentor_event_role (mentor_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS mentor_event_role, coaching_action, coaching_session, mentor_follow_up, startup_project_founder, startup_project, mentor, mentor_studio, mentor_expertise_tag`);
  }
}
