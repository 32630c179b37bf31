import type { DataSource } from 'typeorm';
import { creditCodeCheckCharacter } from '@leye/domain';
import { hashPassword } from '../../modules/auth/password-hasher.js';

export const DEMO_PASSWORD = 'Leye@2025';

/** Demo employers (fictional names) with valid credit codes built from the region code. */
const DEMO_EMPLOYERS = [
  { key: 'E1', name: '临沂示例木业有限公司', region: '371302', serial: 'MA3C00001', status: 'VERIFIED' },
  { key: 'E2', name: '沂蒙示例食品股份有限公司', region: '371312', serial: 'MA3C00002', status: 'VERIFIED' },
  { key: 'E3', name: '临沂示例机械制造有限公司', region: '371311', serial: 'MA3C00003', status: 'VERIFIED' },
  { key: 'E4', name: '兰山示例物流有限公司', region: '371302', serial: 'MA3C00004', status: 'PENDING' },
  { key: 'E5', name: '费县示例纺织有限公司', region: '371325', serial: 'MA3C00005', status: 'PENDING' },
] as const;

export function demoCreditCode(region: string, serial: string): string {
  const first17 = `91${region}${serial}`;
  return first17 + creditCodeCheckCharacter(first17);
}

const DEMO_USERS = [
  { email: 'admin@leye.demo', role: 'ADMIN', name: '系统管理员', region: '371300', employer: null },
  { email: 'organizer@leye.demo', role: 'ORGANIZER', name: '市人社局 王组织', region: '371300', employer: null },
  { email: 'lanshan.organizer@leye.demo', role: 'ORGANIZER', name: '兰山区人社局 李组织', region: '371302', employer: null },
  { email: 'employer@leye.demo', role: 'EMPLOYER', name: '张人事', region: '371302', employer: 'E1' },
  { email: 'mentor@leye.demo', role: 'MENTOR', name: '刘导师', region: '371300', employer: null },
  { email: 'host@leye.demo', role: 'HOST', name: '陈主播', region: '371300', employer: null },
  { email: 'seeker@leye.demo', role: 'SEEKER', name: '赵求职', region: '371312', employer: null },
] as const;

/** Linyi demo data: one account per role, a few employers, a venue. Idempotent (keyed on natural keys). */
export async function seedDemoData(ds: DataSource): Promise<void> {
  const ids = new Map<string, string>();
  for (const e of DEMO_EMPLOYERS) {
    const code = demoCreditCode(e.region, e.serial);
    const rows: Array<{ id: string }> = await ds.query(
      `INSERT INTO employer (name, credit_code, region_code, status, reviewed_at, contact_name, contact_phone)
       VALUES ($1, $2, $3, $4, CASE WHEN $4 = 'PENDING' THEN NULL ELSE now() END, '张人事', '13805390001')
       ON CONFLICT (credit_code) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
      [e.name, code, e.region, e.status],
    );
    ids.set(e.key, rows[0]!.id);
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const u of DEMO_USERS) {
    await ds.query(
      `INSERT INTO app_user (role, display_name, email, password_hash, region_code, employer_id)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (email) WHERE email IS NOT NULL DO NOTHING`,
      [u.role, u.name, u.email, passwordHash, u.region, u.employer ? ids.get(u.employer) : null],
    );
  }
  await ds.query(
    `INSERT INTO venue (name, address, region_code, capacity, latitude, longitude)
     VALUES ('临沂市人力资源市场（示例）', '兰山区示例路 1 号', '371302', 3000, 35.0518, 118.3564)
     ON CONFLICT (name) DO NOTHING`,
  );
}
