import { randomBytes, randomInt } from 'node:crypto';
import { CREDIT_CODE_ALPHABET, creditCodeCheckCharacter, type Role } from '@leye/domain';
import { TokenService } from '../../src/modules/auth/token.service.js';
import { UsersService } from '../../src/modules/users/users.service.js';
import type { TestApp } from './test-app.js';

export const STRONG_PASSWORD = 'Linyi#2025go';

export function validCreditCode(regionCode = '371302'): string {
  let serial = '';
  for (let i = 0; i < 9; i++) serial += CREDIT_CODE_ALPHABET[randomInt(0, 31)];
  const first17 = `91${regionCode}${serial}`;
  return first17 + creditCodeCheckCharacter(first17);
}

export const uniqueEmail = (prefix = 'user') => `${prefix}.${randomBytes(5).toString('hex')}@example.test`;

export function uniquePhone(): string {
  return `139${String(randomInt(0, 1e8)).padStart(8, '0')}`;
}

export interface SignedIn {
  id: string;
  token: string;
  employerId: string | null;
}

/** Creates an account straight through the service and hands back an access token for it. */
export async function signedInAs(
  t: TestApp,
  role: Role,
  opts: { regionCode?: string | null; employerId?: string | null; locale?: string } = {},
): Promise<SignedIn> {
  const regionCode = opts.regionCode === undefined ? (role === 'ORGANIZER' ? '371300' : null) : opts.regionCode;
  const user = await t.app.get(UsersService).createAccount({
    role,
    displayName: `${role.toLowerCase()} ${randomBytes(2).toString('hex')}`,
    email: uniqueEmail(role.toLowerCase()),
    password: STRONG_PASSWORD,
    regionCode,
    employerId: opts.employerId ?? null,
  });
  if (opts.locale) await t.ds.query(`UPDATE app_user SET locale = $2 WHERE id = $1`, [user.id, opts.locale]);
  const tokens = await t.app.get(TokenService).issue(user);
  return { id: user.id, token: tokens.accessToken, employerId: user.employerId };
}

export const REGISTER_EMPLOYER = `
  mutation Reg($input: RegisterEmployerInput!) {
    registerEmployer(input: $input) {
      accessToken refreshToken
      user { id role employer { id status region { code } } }
    }
  }`;

/** Registers an employer through the public mutation, as a person would. */
export async function registerEmployer(t: TestApp, overrides: Record<string, unknown> = {}) {
  const input = {
    displayName: '王经理',
    email: uniqueEmail('hr'),
    password: STRONG_PASSWORD,
    employerName: `临沂测试企业${randomBytes(2).toString('hex')}有限公司`,
    creditCode: validCreditCode((overrides.regionCode as string) ?? '371302'),
    regionCode: '371302',
    ...overrides,
  };
  const res = await t.gql(REGISTER_EMPLOYER, { input });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  const payload = res.data!.registerEmployer;
  return { input, token: payload.accessToken as string, refreshToken: payload.refreshToken as string, userId: payload.user.id as string, employerId: payload.user.employer.id as string };
}

/** A venue row for tests (venues are reference data organizers maintain). */
export async function createVenue(t: TestApp, regionCode = '371302', capacity = 2000): Promise<string> {
  const [row] = await t.ds.query(
    `INSERT INTO venue (name, address, region_code, capacity) VALUES ($1, '测试路 1 号', $2, $3) RETURNING id`,
    [`测试场馆${randomBytes(4).toString('hex')}`, regionCode, capacity],
  );
  return row.id;
}

export const CREATE_EVENT = `
  mutation($input: EventInput!, $publish: Boolean!, $allowPastStart: Boolean! = false) {
    createEvent(input: $input, publish: $publish, allowPastStart: $allowPastStart) { id title status startsAt endsAt venue { id } region { code } }
  }`;

/** Input for a one-off fair in `regionCode` at `venueId`, starting `startsAt` for `hours` hours. */
export function eventInput(overrides: Record<string, unknown> & { startsAt: string; hours?: number }) {
  const { hours = 3, ...rest } = overrides;
  const starts = new Date(overrides.startsAt);
  return {
    title: `测试招聘会 ${randomBytes(2).toString('hex')}`,
    type: 'JOB_FAIR',
    subtype: 'GENERAL',
    regionCode: '371302',
    capacity: 500,
    endsAt: new Date(starts.getTime() + hours * 3600_000).toISOString(),
    ...rest,
  };
}

/** An employer row in `status` (no member account): for tests that only need the organisation. */
export async function employerRow(t: TestApp, regionCode = '371302', status: 'PENDING' | 'VERIFIED' | 'REJECTED' = 'PENDING'): Promise<string> {
  const [row] = await t.ds.query(
    `INSERT INTO employer (name, credit_code, region_code, status, contact_name, contact_phone, rejection_reason, reviewed_at)
     VALUES ($1, $2, $3, $4, '李联系', '13800001111', CASE WHEN $4 = 'REJECTED' THEN '资料不全' END, CASE WHEN $4 <> 'PENDING' THEN now() END) RETURNING id`,
    [`临沂工厂${randomBytes(3).toString('hex')}有限公司`, validCreditCode(regionCode), regionCode, status],
  );
  return row.id;
}

/**
 * An event inserted as the given organizer would create it (through the mutation); throws on errors.
 * A start in the past is confirmed (`allowPastStart`): tests ask for started events on purpose.
 */
export async function eventAs(t: TestApp, token: string, overrides: Record<string, unknown> & { startsAt: string; hours?: number }, publish = true): Promise<string> {
  const res = await t.gql(CREATE_EVENT, { input: eventInput(overrides), publish, allowPastStart: true }, token);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!.createEvent.id as string;
}
