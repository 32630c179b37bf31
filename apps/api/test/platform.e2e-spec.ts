import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { createTestApp, type TestApp } from './support/test-app.js';
import { registerEmployer, signedInAs, uniqueEmail, STRONG_PASSWORD } from './support/factories.js';
import { jobsSettled, leastQueries } from './support/jobs.js';
import { markShuttingDown } from '../src/common/http/shutdown-state.js';

const SCHEMA_FILE = fileURLToPath(new URL('../schema.graphql', import.meta.url));

describe('GraphQL platform', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('serves the schema committed in apps/api/schema.graphql (UPDATE_SCHEMA=1 rewrites it)', () => {
    const live = printSchema(lexicographicSortSchema(t.app.get(GraphQLSchemaHost).schema));
    if (process.env.UPDATE_SCHEMA === '1') writeFileSync(SCHEMA_FILE, `${live}\n`);
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(`${live}\n`);
  });

  it('answers /healthz and /readyz', async () => {
    expect(await (await fetch(`${t.baseUrl}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${t.baseUrl}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ database: 'up' });
  });

  it('refuses queries nested deeper than the limit', async () => {
    let selection = 'code';
    for (let i = 0; i < 12; i++) selection = `employer { region { ${selection} } }`;
    const res = await t.gql(`{ me { ${selection} } }`);
    expect(res.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.message).toMatch(/depth/i);
  });

  it('refuses queries above the cost limit', async () => {
    const organizer = await signedInAs(t, 'ORGANIZER');
    const aliases = Array.from({ length: 12 }, (_, i) => `p${i}: employers(take: 50) { items { id name creditCode status region { code name nameEn } } }`).join('\n');
    const res = await t.gql(`{ ${aliases} }`, {}, organizer.token);
    expect(res.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.message).toMatch(/too complex/);
  });

  it('turns malformed queries into BAD_USER_INPUT', async () => {
    expect((await t.gql(`{ me { nope } }`)).errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('loads a page of employers with a fixed number of SQL queries, whatever its size', async () => {
    const organizer = await signedInAs(t, 'ORGANIZER');
    const regions = ['371302', '371311', '371312', '371321', '371325'];
    for (let i = 0; i < 25; i++) await registerEmployer(t, { regionCode: regions[i % regions.length] });
    const q = `query($take: Int) { employers(take: $take) { total items { id region { code name } } } }`;
    await jobsSettled(t); // registration notices are delivered in the background
    // The least of three runs each: a background timer's statement may fall inside one request's count.
    const small = await leastQueries(() => t.gql(q, { take: 3 }, organizer.token));
    const large = await leastQueries(() => t.gql(q, { take: 25 }, organizer.token));
    expect(large).toBe(small);
    expect(large).toBeLessThanOrEqual(4);
  });

  it('lets organizers create mentors and hosts in their region, and admins create organizers', async () => {
    const CREATE = `mutation($input: CreateStaffAccountInput!) { createStaffAccount(input: $input) { id role region { code } email } }`;
    const lanshan = await signedInAs(t, 'ORGANIZER', { regionCode: '371302' });
    const admin = await signedInAs(t, 'ADMIN', { regionCode: '371300' });
    const base = { displayName: '新导师', password: STRONG_PASSWORD };
    const mentor = await t.gql(CREATE, { input: { ...base, role: 'MENTOR', email: uniqueEmail('m') } }, lanshan.token);
    expect(mentor.data!.createStaffAccount).toMatchObject({ role: 'MENTOR', region: { code: '371302' } });
    expect(mentor.data!.createStaffAccount.email).toMatch(/\*\*\*@/);
    const elsewhere = await t.gql(CREATE, { input: { ...base, role: 'HOST', email: uniqueEmail('h'), regionCode: '371325' } }, lanshan.token);
    expect(elsewhere.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const organizer = await t.gql(CREATE, { input: { ...base, role: 'ORGANIZER', email: uniqueEmail('o'), regionCode: '371302' } }, lanshan.token);
    expect(organizer.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const byAdmin = await t.gql(CREATE, { input: { ...base, role: 'ORGANIZER', email: uniqueEmail('o'), regionCode: '371325' } }, admin.token);
    expect(byAdmin.data!.createStaffAccount).toMatchObject({ role: 'ORGANIZER', region: { code: '371325' } });
    const seeker = await signedInAs(t, 'SEEKER');
    expect((await t.gql(CREATE, { input: { ...base, role: 'MENTOR', email: uniqueEmail('x') } }, seeker.token)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });

  it('updates the caller’s own profile and validates the locale', async () => {
    const seeker = await signedInAs(t, 'SEEKER');
    const UPDATE = `mutation($input: UpdateProfileInput!) { updateMyProfile(input: $input) { displayName locale } }`;
    expect((await t.gql(UPDATE, { input: { displayName: '新名字', locale: 'en' } }, seeker.token)).data!.updateMyProfile).toEqual({ displayName: '新名字', locale: 'en' });
    expect((await t.gql(UPDATE, { input: { locale: 'fr' } }, seeker.token)).errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { locale: expect.any(String) } });
  });

  it('lists the Linyi regions publicly', async () => {
    const res = await t.gql(`{ regions { code name level } }`);
    expect(res.data!.regions).toEqual(expect.arrayContaining([{ code: '371300', name: '临沂市', level: 'CITY' }, { code: '371324', name: '兰陵县', level: 'COUNTY' }]));
    expect(res.data!.regions).toHaveLength(17);
  });

  // Last in this file: the flag is the process's (main.ts sets it on SIGTERM before it stops listening).
  it('answers /readyz with 503 once shutdown has begun, so balancers stop sending while it drains', async () => {
    markShuttingDown();
    const ready = await fetch(`${t.baseUrl}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'stopping' });
    expect((await fetch(`${t.baseUrl}/healthz`)).status).toBe(200);
  });
});
