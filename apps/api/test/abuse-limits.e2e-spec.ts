import { addDaysIso, shanghaiToday } from '@leye/domain';
import { employerRow, signedInAs, type SignedIn } from './support/factories.js';
import { createTestApp, type GqlResult, type TestApp } from './support/test-app.js';

/**
 * Abuse limits on applying (docs/development.md#rate-limits): per seeker and per client address, counted in
 * PostgreSQL (`request_throttle`) so two API instances share them, and reserved before the work so a burst
 * of parallel requests cannot slip past.
 */

const APPLY = `mutation($input: ApplyInput!) { applyToPosting(input: $input) { id } }`;
let t: TestApp;
let second: TestApp;
let employerId: string;

beforeAll(async () => {
  const env = { APPLICATIONS_PER_USER_PER_HOUR: '3', APPLICATIONS_PER_ADDRESS_PER_HOUR: '5' };
  t = await createTestApp(env);
  // A second API instance on the same database: the counts are the database's, not the process's.
  second = await createTestApp(env, { database: t.database });
  employerId = await employerRow(t, '371302', 'VERIFIED');
}, 60_000);
afterAll(async () => {
  await second?.close({ keepDatabase: true });
  await t?.close();
});

async function postings(n: number): Promise<string[]> {
  const rows = await t.ds.query(
    `INSERT INTO job_posting (employer_id, title, occupation_code, headcount, education, experience, region_code, description, contact_name, contact_phone, valid_until, status, reviewed_at)
     SELECT $1, '数控车工 ' || i, '6.01', 3, '40', 'NONE', '371302', '数控车床操作', '张经理', '13805391234', $2, 'APPROVED', now() FROM generate_series(1, $3) i RETURNING id`,
    [employerId, addDaysIso(shanghaiToday(), 30), n],
  );
  return rows.map((r: { id: string }) => r.id);
}

/** Applies through one of the two instances, as the client at `address` (X-Forwarded-For from the local proxy). */
async function apply(app: TestApp, who: SignedIn, postingId: string, address: string): Promise<GqlResult> {
  const res = await fetch(`${app.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${who.token}`, 'x-forwarded-for': address },
    body: JSON.stringify({ query: APPLY, variables: { input: { postingId } } }),
  });
  return (await res.json()) as GqlResult;
}

it('lets one seeker send 3 applications an hour, also in a parallel burst across two instances', async () => {
  const seeker = await signedInAs(t, 'SEEKER');
  const ids = await postings(8);
  const answers = await Promise.all(ids.map((id, i) => apply(i % 2 ? second : t, seeker, id, `10.1.0.${i + 1}`)));
  const ok = answers.filter((a) => a.data?.applyToPosting);
  const refused = answers.filter((a) => a.errors?.[0]?.extensions?.code === 'TOO_MANY_REQUESTS');
  expect(ok).toHaveLength(3);
  expect(refused).toHaveLength(5);
  expect(refused[0]!.errors![0]!.extensions).toMatchObject({ reason: 'TOO_MANY_APPLICATIONS', retryAfterSeconds: expect.any(Number), params: { minutes: 10 } });
  expect(await t.ds.query(`SELECT count(*)::int AS n FROM job_application WHERE seeker_id = $1`, [seeker.id])).toEqual([{ n: 3 }]);
});

it('lets one address send 5 applications an hour whoever sends them; another address is unaffected', async () => {
  const ids = await postings(7);
  const seekers = await Promise.all(ids.map(() => signedInAs(t, 'SEEKER')));
  const answers = [];
  for (let i = 0; i < 7; i++) answers.push(await apply(i % 2 ? second : t, seekers[i]!, ids[i]!, '10.2.0.1'));
  expect(answers.map((a) => (a.data?.applyToPosting ? 'OK' : a.errors?.[0]?.extensions?.code))).toEqual([
    'OK', 'OK', 'OK', 'OK', 'OK', 'TOO_MANY_REQUESTS', 'TOO_MANY_REQUESTS',
  ]);
  // The refused seekers apply from their own network.
  expect((await apply(t, seekers[5]!, ids[5]!, '10.2.0.2')).data?.applyToPosting).toBeTruthy();
});
