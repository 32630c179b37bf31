import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { forbidden, notFound } from '../../common/errors/app-error.js';
import { coversRegion, isCityWide, staffRegionScope } from '../../common/permissions/actor-scope.js';
import { PostingErrors } from './posting.exception.js';
import { SQL_PUBLIC } from './postings.service.js';
import type { SpotCheckResult, ValidityPeriod } from './posting.types.js';

export interface SpotCheckRow {
  id: string;
  drawnAt: Date;
  scopeRegionCode: string | null;
  sampleSize: number;
  checked: number;
  valid: number;
}

export interface SpotCheckItemRow {
  id: string;
  spotCheckId: string;
  postingId: string;
  regionCode: string;
  result: SpotCheckResult | null;
  note: string | null;
  checkedAt: Date | null;
}

export interface ValidityRateRow {
  period: string;
  checked: number;
  valid: number;
  rate: number | null;
}

const PERIOD_FORMAT: Record<ValidityPeriod, string> = { MONTH: 'YYYY-MM', QUARTER: 'YYYY-"Q"Q', YEAR: 'YYYY' };

/**
 * 岗位信息有效率抽查: an organizer draws a random sample of the approved postings in scope and records each as
 * still valid (open and accurate) or not. The validity rate of a period is valid / checked over the results
 * recorded in it (see docs/postings.md).
 */
@Injectable()
export class SpotChecksService {
  constructor(private readonly ds: DataSource) {}

  /** The employer regions a sample covers: the given region (if the caller covers it) or all the caller covers. */
  private scopeFor(actor: Actor, regionCode?: string): { stored: string | null; regions: string[] | null } {
    if (regionCode) {
      if (!coversRegion(actor, regionCode)) throw forbidden();
      return { stored: regionCode, regions: [regionCode] };
    }
    const scope = staffRegionScope(actor);
    return { stored: scope ? (scope[0] ?? null) : null, regions: scope };
  }

  async draw(actor: Actor, sampleSize: number, regionCode?: string): Promise<string> {
    const scope = this.scopeFor(actor, regionCode);
    return this.ds.transaction(async (m) => {
      const picked: Array<{ id: string; regionCode: string }> = await m.query(
        `SELECT p.id, e.region_code AS "regionCode" FROM job_posting p JOIN employer e ON e.id = p.employer_id
          WHERE ${SQL_PUBLIC} AND ($1::text[] IS NULL OR e.region_code = ANY($1::text[]))
          ORDER BY random() LIMIT $2`,
        [scope.regions, sampleSize],
      );
      if (!picked.length) throw PostingErrors.nothingToSample();
      const rows: Array<{ id: string }> = await m.query(
        `INSERT INTO posting_spot_check (drawn_by, scope_region_code, sample_size) VALUES ($1, $2, $3) RETURNING id`,
        [actor.id, scope.stored, picked.length],
      );
      const id = rows[0]!.id;
      await m.query(
        `INSERT INTO posting_spot_check_item (spot_check_id, posting_id, region_code)
         SELECT $1, x.posting_id, x.region_code FROM unnest($2::uuid[], $3::text[]) AS x(posting_id, region_code)`,
        [id, picked.map((p) => p.id), picked.map((p) => p.regionCode)],
      );
      return id;
    });
  }

  /** Samples the caller may see: drawn in a region it covers (city-wide staff: all). */
  async list(actor: Actor, take: number, skip: number): Promise<{ items: SpotCheckRow[]; total: number }> {
    const scope = isCityWide(actor) ? null : staffRegionScope(actor);
    const where = `($1::text[] IS NULL OR s.scope_region_code = ANY($1::text[]))`;
    const [items, count] = await Promise.all([
      this.ds.query(
        `SELECT s.id, s.drawn_at AS "drawnAt", s.scope_region_code AS "scopeRegionCode", s.sample_size AS "sampleSize",
                count(i.checked_at)::int AS checked, count(*) FILTER (WHERE i.result = 'VALID')::int AS valid
           FROM posting_spot_check s LEFT JOIN posting_spot_check_item i ON i.spot_check_id = s.id
          WHERE ${where} GROUP BY s.id ORDER BY s.drawn_at DESC LIMIT ${Number(take)} OFFSET ${Number(skip)}`,
        [scope],
      ) as Promise<SpotCheckRow[]>,
      this.ds.query(`SELECT count(*)::int AS n FROM posting_spot_check s WHERE ${where}`, [scope]) as Promise<Array<{ n: number }>>,
    ]);
    return { items, total: count[0]!.n };
  }

  async get(actor: Actor, id: string): Promise<SpotCheckRow> {
    const rows: SpotCheckRow[] = await this.ds.query(
      `SELECT s.id, s.drawn_at AS "drawnAt", s.scope_region_code AS "scopeRegionCode", s.sample_size AS "sampleSize",
              count(i.checked_at)::int AS checked, count(*) FILTER (WHERE i.result = 'VALID')::int AS valid
         FROM posting_spot_check s LEFT JOIN posting_spot_check_item i ON i.spot_check_id = s.id WHERE s.id = $1 GROUP BY s.id`,
      [id],
    );
    const check = rows[0];
    if (!check) throw notFound('SPOT_CHECK_NOT_FOUND');
    if (check.scopeRegionCode ? !coversRegion(actor, check.scopeRegionCode) : !isCityWide(actor)) throw forbidden();
    return check;
  }

  items(spotCheckIds: string[]): Promise<SpotCheckItemRow[]> {
    return this.ds.query(
      `SELECT i.id, i.spot_check_id AS "spotCheckId", i.posting_id AS "postingId", i.region_code AS "regionCode", i.result, i.note,
              i.checked_at AS "checkedAt"
         FROM posting_spot_check_item i JOIN job_posting p ON p.id = i.posting_id
        WHERE i.spot_check_id = ANY($1::uuid[]) ORDER BY p.title, i.id`,
      [spotCheckIds],
    );
  }

  async item(itemId: string): Promise<SpotCheckItemRow> {
    const rows: SpotCheckItemRow[] = await this.ds.query(
      `SELECT id, spot_check_id AS "spotCheckId", posting_id AS "postingId", region_code AS "regionCode", result, note, checked_at AS "checkedAt"
         FROM posting_spot_check_item WHERE id = $1`,
      [itemId],
    );
    if (!rows[0]) throw notFound('SPOT_CHECK_ITEM_NOT_FOUND');
    return rows[0];
  }

  /** Records (or corrects) one result; INVALID needs a note saying what was wrong. */
  async record(actor: Actor, itemId: string, result: SpotCheckResult, note?: string | null): Promise<SpotCheckItemRow> {
    const text = note?.trim() || null;
    if (result === 'INVALID' && !text) throw PostingErrors.noteRequired();
    await this.ds.query(
      `UPDATE posting_spot_check_item SET result = $2, note = $3, checked_at = now(), checked_by = $4 WHERE id = $1`,
      [itemId, result, text, actor.id],
    );
    return this.item(itemId);
  }

  /** Validity rate per month, quarter or the year, over results recorded in that period (Asia/Shanghai), in the caller's regions. */
  async rates(actor: Actor, period: ValidityPeriod, year: number, regionCode?: string): Promise<ValidityRateRow[]> {
    const scope = this.scopeFor(actor, regionCode).regions;
    const rows: Array<{ period: string; checked: number; valid: number }> = await this.ds.query(
      `SELECT to_char(i.checked_at AT TIME ZONE 'Asia/Shanghai', '${PERIOD_FORMAT[period]}') AS period,
              count(*)::int AS checked, count(*) FILTER (WHERE i.result = 'VALID')::int AS valid
         FROM posting_spot_check_item i
        WHERE i.checked_at IS NOT NULL AND extract(year FROM i.checked_at AT TIME ZONE 'Asia/Shanghai') = $1
          AND ($2::text[] IS NULL OR i.region_code = ANY($2::text[]))
        GROUP BY 1`,
      [year, scope],
    );
    const byPeriod = new Map(rows.map((r) => [r.period, r]));
    const labels =
      period === 'MONTH'
        ? Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`)
        : period === 'QUARTER'
          ? [1, 2, 3, 4].map((q) => `${year}-Q${q}`)
          : [String(year)];
    return labels.map((label) => {
      const r = byPeriod.get(label);
      const checked = r?.checked ?? 0;
      const valid = r?.valid ?? 0;
      return { period: label, checked, valid, rate: checked ? valid / checked : null };
    });
  }
}
