import { createTestApp, type TestApp } from './support/test-app.js';
import { registerEmployer, signedInAs, validCreditCode } from './support/factories.js';
import { jobsSettled } from './support/jobs.js';

const LIST = `query($filter: EmployerFilter, $take: Int) { employers(filter: $filter, take: $take) { total items { id status contactPhone region { code } } } }`;
const VERIFY = `mutation($id: ID!) { verifyEmployer(id: $id) { id status reviewedAt } }`;
const REJECT = `mutation($id: ID!, $reason: String!) { rejectEmployer(id: $id, reason: $reason) { id status rejectionReason } }`;
const MINE = `{ myEmployer { id status rejectionReason } }`;
const ONE = `query($id: ID!) { employer(id: $id) { id name contactPhone } }`;

describe('employer verification', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('lets an organizer of the employer’s county verify it, and the employer sees VERIFIED', async () => {
    const emp = await registerEmployer(t, { regionCode: '371302', creditCode: validCreditCode('371302') });
    const lanshan = await signedInAs(t, 'ORGANIZER', { regionCode: '371302' });
    const res = await t.gql(VERIFY, { id: emp.employerId }, lanshan.token);
    expect(res.errors).toBeUndefined();
    expect(res.data!.verifyEmployer.status).toBe('VERIFIED');
    expect((await t.gql(MINE, {}, emp.token)).data!.myEmployer).toMatchObject({ id: emp.employerId, status: 'VERIFIED' });
  });

  it('refuses an organizer of another county with FORBIDDEN and changes nothing', async () => {
    const emp = await registerEmployer(t, { regionCode: '371302', creditCode: validCreditCode('371302') });
    const feixian = await signedInAs(t, 'ORGANIZER', { regionCode: '371325' });
    const res = await t.gql(VERIFY, { id: emp.employerId }, feixian.token);
    expect(res.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const rej = await t.gql(REJECT, { id: emp.employerId, reason: '材料不全' }, feixian.token);
    expect(rej.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect((await t.gql(MINE, {}, emp.token)).data!.myEmployer.status).toBe('PENDING');
    expect((await t.gql(ONE, { id: emp.employerId }, feixian.token)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });

  it('lets a city organizer review any county, and scopes county organizers’ lists to their county', async () => {
    const inLanshan = await registerEmployer(t, { regionCode: '371302', creditCode: validCreditCode('371302') });
    const inFeixian = await registerEmployer(t, { regionCode: '371325', creditCode: validCreditCode('371325') });
    const city = await signedInAs(t, 'ORGANIZER', { regionCode: '371300' });
    const lanshan = await signedInAs(t, 'ORGANIZER', { regionCode: '371302' });
    const cityList = await t.gql(LIST, { filter: { status: 'PENDING' }, take: 50 }, city.token);
    const cityIds = cityList.data!.employers.items.map((e: { id: string }) => e.id);
    expect(cityIds).toEqual(expect.arrayContaining([inLanshan.employerId, inFeixian.employerId]));
    const lanshanList = await t.gql(LIST, { filter: { status: 'PENDING' }, take: 50 }, lanshan.token);
    const regions = new Set(lanshanList.data!.employers.items.map((e: { region: { code: string } }) => e.region.code));
    expect([...regions]).toEqual(['371302']);
    // Asking for another county explicitly still yields nothing outside the scope.
    const sneaky = await t.gql(LIST, { filter: { regionCode: '371325' } }, lanshan.token);
    expect(sneaky.data!.employers.total).toBe(0);
    expect((await t.gql(VERIFY, { id: inFeixian.employerId }, city.token)).data!.verifyEmployer.status).toBe('VERIFIED');
  });

  it('masks contact phones in the list but shows them in the reviewer’s detail view', async () => {
    const emp = await registerEmployer(t, { phone: '13912345678', regionCode: '371302', creditCode: validCreditCode('371302') });
    const city = await signedInAs(t, 'ORGANIZER');
    const list = await t.gql(LIST, { filter: { search: emp.input.employerName } }, city.token);
    expect(list.data!.employers.items[0].contactPhone).toBe('139****5678');
    expect((await t.gql(ONE, { id: emp.employerId }, city.token)).data!.employer.contactPhone).toBe('13912345678');
  });

  it('requires a reason to reject, and the employer sees it', async () => {
    const emp = await registerEmployer(t);
    const city = await signedInAs(t, 'ORGANIZER');
    const blank = await t.gql(REJECT, { id: emp.employerId, reason: '   ' }, city.token);
    expect(blank.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { reason: expect.any(String) } });
    const ok = await t.gql(REJECT, { id: emp.employerId, reason: '营业执照信息与信用代码不符' }, city.token);
    expect(ok.data!.rejectEmployer).toMatchObject({ status: 'REJECTED', rejectionReason: '营业执照信息与信用代码不符' });
    expect((await t.gql(MINE, {}, emp.token)).data!.myEmployer.rejectionReason).toBe('营业执照信息与信用代码不符');
  });

  it('reviews an employer exactly once when two organizers act at the same moment', async () => {
    const emp = await registerEmployer(t);
    const a = await signedInAs(t, 'ORGANIZER');
    const b = await signedInAs(t, 'ORGANIZER', { regionCode: '371302' });
    const [x, y] = await Promise.all([t.gql(VERIFY, { id: emp.employerId }, a.token), t.gql(REJECT, { id: emp.employerId, reason: '重复' }, b.token)]);
    const outcomes = [x, y].map((r) => r.errors?.[0]?.extensions?.code ?? 'OK').sort();
    expect(outcomes).toEqual(['CONFLICT', 'OK']);
    await jobsSettled(t);
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM notification WHERE data->>'employerId' = $1 AND kind <> 'EMPLOYER_AWAITING_REVIEW'`, [emp.employerId]);
    expect(n).toBe(1);
  });

  it('keeps employers and seekers out of the verification queue', async () => {
    const emp = await registerEmployer(t);
    const seeker = await signedInAs(t, 'SEEKER');
    expect((await t.gql(LIST, {}, seeker.token)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect((await t.gql(LIST, {}, emp.token)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect((await t.gql(VERIFY, { id: emp.employerId }, emp.token)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const other = await registerEmployer(t);
    expect((await t.gql(ONE, { id: other.employerId }, emp.token)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });

  it('answers NOT_FOUND for an unknown employer and BAD_USER_INPUT for a malformed id', async () => {
    const city = await signedInAs(t, 'ORGANIZER');
    expect((await t.gql(VERIFY, { id: '00000000-0000-4000-8000-000000000000' }, city.token)).errors![0]!.extensions!.code).toBe('NOT_FOUND');
    expect((await t.gql(VERIFY, { id: 'nope' }, city.token)).errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('caps page size at 50', async () => {
    const city = await signedInAs(t, 'ORGANIZER');
    const res = await t.gql(LIST, { take: 500 }, city.token);
    expect(res.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { take: expect.any(String) } });
  });
});
