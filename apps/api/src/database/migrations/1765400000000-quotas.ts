import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Quotas (docs/quotas.md): quota definitions (a target over a period for a region, citing the clause of
 * 临政发〔2025〕4号 it comes from, and how it is measured), figures reported monthly for what the platform
 * does not hold, alerts sent once per (quota, kind, period key), and ledger exports run as jobs.
 * The quotas of GUIDE.md §2 for 2025–2027 are reference data (database/seed/quota-seed.ts, keyed by `seed_key`).
 */
export class Quotas1765400000000 implements MigrationInterface {
  name = 'Quotas1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE quota_definition (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        programme text NOT NULL CHECK (programme IN ('JOB_FAIRS','CAMPUS_RECRUITING','ENTREPRENEURSHIP','LIVESTREAM','MENTOR_POOL','TRAINING','EMPLOYMENT')),
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 2 AND 100),
        name_en text NOT NULL CHECK (length(btrim(name_en)) BETWEEN 2 AND 100),
        region_code varchar(6) NOT NULL REFERENCES region(code),
        period_start date NOT NULL,
        period_end date NOT NULL,
        target numeric(14,2) CHECK (target >= 0),
        unit text NOT NULL CHECK (length(btrim(unit)) BETWEEN 1 AND 20),
        unit_en text NOT NULL CHECK (length(btrim(unit_en)) BETWEEN 1 AND 20),
        clause text NOT NULL CHECK (length(btrim(clause)) BETWEEN 1 AND 40),
        clause_text text NOT NULL DEFAULT '' CHECK (length(clause_text) <= 500),
        kind text NOT NULL CHECK (kind IN ('MEASURE','CADENCE','REPORTED')),
        measure_key text CHECK (measure_key ~ '^[a-z]+\\.[A-Za-z]+$'),
        params jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(params) = 'object'),
        sort_order integer NOT NULL DEFAULT 0,
        seed_key text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        CONSTRAINT quota_definition_period CHECK (period_end >= period_start AND period_end < period_start + 3660),
        CONSTRAINT quota_definition_measure CHECK ((kind = 'REPORTED') = (measure_key IS NULL)),
        CONSTRAINT quota_definition_cadence CHECK (kind <> 'CADENCE' OR measure_key = 'events.completed'),
        CONSTRAINT quota_definition_seed_key UNIQUE (seed_key)
      )`);
    await q.query(`CREATE INDEX quota_definition_scope_idx ON quota_definition (region_code, period_start, period_end)`);
    await q.query(`
      CREATE TABLE quota_reported_figure (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        quota_id uuid NOT NULL REFERENCES quota_definition(id) ON DELETE CASCADE,
        month date NOT NULL CHECK (extract(day FROM month) = 1),
        value numeric(14,2) NOT NULL CHECK (value >= 0),
        source text NOT NULL CHECK (length(btrim(source)) BETWEEN 2 AND 200),
        note text NOT NULL DEFAULT '' CHECK (length(note) <= 500),
        entered_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        entered_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT quota_reported_figure_month_key UNIQUE (quota_id, month)
      )`);
    // One alert per quota, kind and period key (a month for BEHIND_PACE, an ISO week for PEAK_WEEK_NO_FAIR): evaluated by any process, sent once.
    await q.query(`
      CREATE TABLE quota_alert (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        quota_id uuid NOT NULL REFERENCES quota_definition(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('BEHIND_PACE','PEAK_WEEK_NO_FAIR')),
        period_key text NOT NULL,
        region_code varchar(6) NOT NULL REFERENCES region(code),
        details jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        notified_at timestamptz,
        CONSTRAINT quota_alert_once UNIQUE (quota_id, kind, period_key)
      )`);
    await q.query(`CREATE INDEX quota_alert_pending_idx ON quota_alert (created_at) WHERE notified_at IS NULL`);
    await q.query(`
      CREATE TABLE quota_ledger_export (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        requested_by uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        region_code varchar(6) NOT NULL REFERENCES region(code),
        period_from date NOT NULL,
        period_to date NOT NULL,
        status text NOT NULL DEFAULT 'QUEUED' CHECK (status IN ('QUEUED','RUNNING','DONE','FAILED')),
        progress integer NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
        filename text,
        content bytea,
        error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        CONSTRAINT quota_ledger_export_period CHECK (period_to >= period_from),
        CONSTRAINT quota_ledger_export_done CHECK (status <> 'DONE' OR content IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX quota_ledger_export_user_idx ON quota_ledger_export (requested_by, created_at DESC)`);
    // Completed events by region and start: the events.completed measure and the ledger.
    await q.query(`CREATE INDEX event_completed_region_starts_idx ON event (region_code, starts_at) INCLUDE (type, subtype) WHERE status = 'COMPLETED'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX event_completed_region_starts_idx`);
    for (const table of ['quota_ledger_export', 'quota_alert', 'quota_reported_figure', 'quota_definition']) await q.query(`DROP TABLE ${table}`);
  }
}

