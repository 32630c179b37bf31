import { addDaysIso, shanghaiToday } from '@leye/domain';
import { createGates, postScans, scanOf, upcomingEvent } from './support/checkin.js';
import { employerRow, eventAs, signedInAs, type SignedIn } from './support/factories.js';
import { clearRedisPrefix, redisTestEnv } from './support/redis.js';
import { createTestApp, type GqlResult, type TestApp } from './support/test-app.js';

/**
 * Abuse limits (docs/development.md#rate-limits) across two API instances. Applying: per seeker and per client
 * address, counted in PostgreSQL (`request_throttle`) and reserved before the work so a burst of parallel requests
 * cannot slip past. Check-in: per station account and per address in one-minute windows shared through Redis.
 */

const APPLY = `mutation($input: ApplyInput!) { applyToPosting(input: $input) { id } }`;
let t: TestApp;
let second: TestApp;
let employerId: string;
const REDIS = redisTestEnv();

beforeAll(async () => {
  const env = { APPLICATIONS_PER_USER_PER_HOUR: '3', APPLICATIONS_PER_ADDRESS_PER_HOUR: '5', CHECKIN_REQUESTS_PER_USER_PER_MINUTE: '4', CHECKIN_REQUESTS_PER_ADDRESS_PER_MINUTE: '6', ...REDIS };
  t = await createTestApp(env);
  // A second API instance on the same database: the counts are the database's, not the process's.
  second = await createTestApp(env, { database: t.database });
  employerId = await employerRow(t, '371302', 'VERIFIED');
}, 60_000);
afterAll(async () => {
  await second?.close({ keepDatabase: true });
  await t?.close();
  await clearRedisPrefix(REDIS);
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

describe('check-in', () => {
  let eventId: string;
  let gateId: string;
  let lanshan: SignedIn;
  const UPLOAD = `mutation($eventId: ID!, $scans: [ScanInput!]!) { uploadScans(eventId: $eventId, scans: $scans) { counts { scans } } }`;

  beforeAll(async () => {
    const admin = await signedInAs(t, 'ADMIN');
    lanshan = await signedInAs(t, 'ORGANIZER', { regionCode: '371302' });
    eventId = await eventAs(t, admin.token, upcomingEvent());
    [gateId] = await createGates(t, lanshan.token, eventId, ['东门']);
  });

  /** The limits count in one-minute windows: start a burst well inside one, so it cannot straddle two. */
  async function freshWindow(): Promise<void> {
    const left = 60_000 - (Date.now() % 60_000);
    if (left < 15_000) await new Promise((r) => setTimeout(r, left + 200));
  }
  const scanned = async (scanIds: string[]) =>
    (await t.ds.query(`SELECT count(*)::int AS n FROM attendance_scan WHERE scan_id = ANY($1::uuid[])`, [scanIds]))[0].n as number;

  it('lets one station account send 4 requests a minute across both instances and both paths; the refused scans are not recorded', async () => {
    const station = await signedInAs(t, 'ORGANIZER', { regionCode: '371302' });
    const scans = Array.from({ length: 7 }, () => scanOf(gateId!, 'not-a-ticket'));
    await freshWindow();
    const [rest, graphql] = await Promise.all([
      Promise.all(scans.slice(0, 5).map((s, i) => postScans(i % 2 ? second : t, { eventId, scans: [s] }, station.token, { address: `10.4.0.${i + 1}` }))),
      Promise.all(scans.slice(5).map((s, i) => (i % 2 ? second : t).gql(UPLOAD, { eventId, scans: [s] }, station.token))),
    ]);
    const passed = rest.filter((a) => a.status === 200).length + graphql.filter((a) => a.data?.uploadScans).length;
    expect(passed).toBe(4);
    const refused = rest.filter((a) => a.status === 429);
    expect(refused.length + graphql.filter((a) => a.errors?.[0]?.extensions?.code === 'TOO_MANY_REQUESTS').length).toBe(3);
    for (const r of refused) {
      expect(r.body.errors![0]!.extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS', reason: 'TOO_MANY_SCANS', retryAfterSeconds: expect.any(Number) });
      expect(Number(r.retryAfter)).toBeGreaterThan(0);
    }
    expect(await scanned(scans.map((s) => s.scanId))).toBe(4);
    // Another station account is not held back by this one.
    const other = await signedInAs(t, 'ORGANIZER', { regionCode: '371302' });
    expect((await postScans(second, { eventId, scans: [scanOf(gateId!, 'not-a-ticket')] }, other.token, { address: '10.4.1.1' })).status).toBe(200);
  });

  it("does not count requests of accounts that may not scan (a seeker's spam cannot use up a venue's address)", async () => {
    const seeker = await signedInAs(t, 'SEEKER');
    const station = await signedInAs(t, 'ORGANIZER', { regionCode: '371302' });
    await freshWindow();
    for (let i = 0; i < 8; i++) {
      expect((await postScans(t, { eventId, scans: [scanOf(gateId!, 'not-a-ticket')] }, seeker.token, { address: '10.6.0.1' })).status).toBe(403);
    }
    expect((await postScans(second, { eventId, scans: [scanOf(gateId!, 'not-a-ticket')] }, station.token, { address: '10.6.0.1' })).status).toBe(200);
  });

  it('lets one address send 6 requests a minute whichever account sends them; another address is unaffected', async () => {
    const stations = await Promise.all(Array.from({ length: 8 }, () => signedInAs(t, 'ORGANIZER', { regionCode: '371302' })));
    await freshWindow();
    const answers = [];
    for (let i = 0; i < 8; i++) answers.push(await postScans(i % 2 ? second : t, { eventId, scans: [scanOf(gateId!, 'not-a-ticket')] }, stations[i]!.token, { address: '10.5.0.1' }));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200, 429, 429]);
    expect((await postScans(t, { eventId, scans: [scanOf(gateId!, 'not-a-ticket')] }, stations[7]!.token, { address: '10.5.0.2' })).status).toBe(200);
  });
});
