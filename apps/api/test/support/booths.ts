import { randomBytes } from 'node:crypto';
import { TokenService } from '../../src/modules/auth/token.service.js';
import { eventAs, validCreditCode } from './factories.js';
import type { TestApp } from './test-app.js';

/** Booth booking fixtures (test/booths.e2e-spec.ts, test/faults.e2e-spec.ts). */

export interface Member {
  employerId: string;
  userId: string;
  token: string;
}

export const LAYOUT = `mutation($input: CreateVenueLayoutInput!) { createVenueLayout(input: $input) { id version } }`;
export const SAVE = `mutation($layoutId: ID!, $version: Int!, $booths: [BoothInput!]!) { saveLayoutBooths(layoutId: $layoutId, version: $version, booths: $booths) { id version booths { id code } } }`;
export const CONFIGURE = `mutation($input: FairBoothSettingsInput!) { configureFairBooths(input: $input) { eventId maxBoothsPerEmployer holdMinutes waitlistOfferHours verifiedOnly isOpen } }`;
export const HOLD = `mutation($eventId: ID!, $boothId: ID!) { holdBooth(eventId: $eventId, boothId: $boothId) { id status boothCode holdExpiresAt } }`;
export const CONFIRM = `mutation($id: ID!) { confirmBoothBooking(id: $id) { id status } }`;

const HOUR = 3600_000;

/** `n` employers in `status`, each with one member account and an access token (straight SQL: hundreds are needed). */
export async function boothEmployers(t: TestApp, n: number, status: 'VERIFIED' | 'PENDING' = 'VERIFIED'): Promise<Member[]> {
  const tokens = t.app.get(TokenService);
  const out: Member[] = [];
  for (let i = 0; i < n; i++) {
    const tag = randomBytes(4).toString('hex');
    const [e] = await t.ds.query(
      `INSERT INTO employer (name, credit_code, region_code, status, contact_name, contact_phone, reviewed_at)
       VALUES ($1, $2, '371302', $3, '张经理', '13800001234', CASE WHEN $3 = 'VERIFIED' THEN now() END) RETURNING id`,
      [`展位测试企业${tag}有限公司`, validCreditCode('371302'), status],
    );
    const [u] = await t.ds.query(
      `INSERT INTO app_user (role, display_name, email, password_hash, employer_id) VALUES ('EMPLOYER', $1, $2, 'x', $3) RETURNING id`,
      [`hr ${tag}`, `hr.${tag}@example.test`, e.id],
    );
    out.push({ employerId: e.id, userId: u.id, token: (await tokens.issue({ id: u.id, role: 'EMPLOYER' })).accessToken });
  }
  return out;
}

/** Booths in rows of ten: A01…A10, B01…B10 … */
export function boothsInput(count: number) {
  return Array.from({ length: count }, (_, i) => {
    const row = String.fromCharCode(65 + Math.floor(i / 10));
    const n = (i % 10) + 1;
    return { code: `${row}${String(n).padStart(2, '0')}`, zone: `${row}区`, type: n === 1 ? 'CORNER' : 'STANDARD', sizeSqm: 9, x: 10 + (n - 1) * 35, y: 10 + Math.floor(i / 10) * 50, width: 30, height: 30 };
  });
}

/** A published job fair at `venueId` starting at `startsAt`, with a fresh layout of `count` booths, open for booking now. */
export async function boothFair(
  t: TestApp,
  organizer: string,
  venueId: string,
  startsAt: string,
  count: number,
  settings: Record<string, unknown> = {},
): Promise<{ eventId: string; booths: Array<{ id: string; code: string }> }> {
  const layout = await t.gql(LAYOUT, { input: { venueId, name: `布局${randomBytes(3).toString('hex')}`, width: 400, height: 400 } }, organizer);
  if (layout.errors) throw new Error(JSON.stringify(layout.errors));
  const saved = await t.gql(SAVE, { layoutId: layout.data!.createVenueLayout.id, version: 1, booths: boothsInput(count) }, organizer);
  if (saved.errors) throw new Error(JSON.stringify(saved.errors));
  const eventId = await eventAs(t, organizer, { venueId, startsAt });
  const res = await t.gql(CONFIGURE, {
    input: { eventId, layoutId: layout.data!.createVenueLayout.id, opensAt: new Date(Date.now() - HOUR).toISOString(), closesAt: new Date(Date.now() + 48 * HOUR).toISOString(), ...settings },
  }, organizer);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return { eventId, booths: saved.data!.saveLayoutBooths.booths };
}
