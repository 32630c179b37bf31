import type { DataSource } from 'typeorm';
import { LINYI_REGIONS } from '@leye/domain';
import { seedQuotas } from './quota-seed.js';

/** Reference data every installation needs (not demo data): the Linyi regions and the quotas of the measures. Idempotent. */
export async function seedReferenceData(ds: DataSource): Promise<void> {
  const ordered = [...LINYI_REGIONS].sort((a, b) => Number(a.parentCode !== null) - Number(b.parentCode !== null));
  for (const r of ordered) {
    await ds.query(
      `INSERT INTO region (code, name, name_en, level, parent_code) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, name_en = EXCLUDED.name_en,
         level = EXCLUDED.level, parent_code = EXCLUDED.parent_code`,
      [r.code, r.name, r.nameEn, r.level, r.parentCode],
    );
  }
  await seedQuotas(ds);
}
