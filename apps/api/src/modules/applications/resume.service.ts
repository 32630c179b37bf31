import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface ResumeRow {
  education: string | null;
  experience: string | null;
  intendedOccupation: string | null;
  intendedRegionCode: string | null;
  introduction: string | null;
  updatedAt: Date | null;
}

const EMPTY: ResumeRow = { education: null, experience: null, intendedOccupation: null, intendedRegionCode: null, introduction: null, updatedAt: null };
const RETURNING = `education, experience, intended_occupation AS "intendedOccupation", intended_region_code AS "intendedRegionCode", introduction, updated_at AS "updatedAt"`;

/** The seeker's résumé fields (one row per account, created on first save). */
@Injectable()
export class ResumeService {
  constructor(private readonly ds: DataSource) {}

  async get(userId: string): Promise<ResumeRow> {
    const rows: ResumeRow[] = await this.ds.query(`SELECT ${RETURNING} FROM seeker_resume WHERE user_id = $1`, [userId]);
    return rows[0] ?? EMPTY;
  }

  /** Fields left out keep their value; null clears one. */
  async update(userId: string, patch: Partial<Omit<ResumeRow, 'updatedAt'>>): Promise<ResumeRow> {
    const has = (k: keyof typeof patch) => Object.prototype.hasOwnProperty.call(patch, k) && patch[k] !== undefined;
    const rows: ResumeRow[] = await this.ds.query(
      `INSERT INTO seeker_resume AS r (user_id, education, experience, intended_occupation, intended_region_code, introduction)
       VALUES ($1, $2, $4, $6, $8, $10)
       ON CONFLICT (user_id) DO UPDATE SET
         education = CASE WHEN $3 THEN EXCLUDED.education ELSE r.education END,
         experience = CASE WHEN $5 THEN EXCLUDED.experience ELSE r.experience END,
         intended_occupation = CASE WHEN $7 THEN EXCLUDED.intended_occupation ELSE r.intended_occupation END,
         intended_region_code = CASE WHEN $9 THEN EXCLUDED.intended_region_code ELSE r.intended_region_code END,
         introduction = CASE WHEN $11 THEN EXCLUDED.introduction ELSE r.introduction END,
         updated_at = now()
       RETURNING ${RETURNING}`,
      [
        userId,
        patch.education ?? null,
        has('education'),
        patch.experience ?? null,
        has('experience'),
        patch.intendedOccupation ?? null,
        has('intendedOccupation'),
        patch.intendedRegionCode ?? null,
        has('intendedRegionCode'),
        patch.introduction?.trim() || null,
        has('introduction'),
      ],
    );
    return rows[0]!;
  }
}
