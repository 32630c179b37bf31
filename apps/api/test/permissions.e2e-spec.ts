import { createTestApp, type TestApp } from './support/test-app.js';
import { CREATE_EVENT, createVenue, employerRow, eventAs, eventInput, signedInAs, type SignedIn } from './support/factories.js';

const PREVIEW = `query($p: SeriesPatternInput!, $v: ID, $r: String) {
  previewEventSeries(pattern: $p, venueId: $v, regionCode: $r) { occurrences { occurrenceKey venueConflict } } }`;
const PUBLIC_EVENT = `query($id: ID!) { event(id: $id) { details { delegation { id name creditCode contactName contactPhone } } } }`;
const VIEWER_CAN = `query($id: ID!) { event(id: $id) { viewerCan { update publish cancel reschedule complete assignStaff } } }`;
const EMPLOYERS = `{ employers(take: 50) { items { id status viewerCan { verify reject } } } }`;

/** What the permission table hides or reveals beyond allow/deny: titles of clashes, delegations, viewerCan, covered regions. */
describe('permissions beyond allow and deny', () => {
  let t: TestApp;
  let lanshan: SignedIn;
  let feixian: SignedIn;
  let city: SignedIn;
  beforeAll(async () => {
    t = await createTestApp();
    lanshan = await signedInAs(t, 'ORGANIZER', { regionCode: '371302' });
    feixian = await signedInAs(t, 'ORGANIZER', { regionCode: '371325' });
    city = await signedInAs(t, 'ORGANIZER', { regionCode: '371300' });
  });
  afterAll(() => t.close());

  it('names a clashing event in a CONFLICT only to callers who may read it', async () => {
    const venueId = await createVenue(t, '371302');
    // A 费县 draft held at a 兰山 venue (a city organizer may place it there).
    await eventAs(t, city.token, { regionCode: '371325', title: '费县内部筹备会', venueId, startsAt: '2028-04-03T01:00:00Z' }, false);
    const clash = await t.gql(CREATE_EVENT, { input: eventInput({ venueId, startsAt: '2028-04-03T02:00:00Z' }), publish: false }, lanshan.token);
    expect(clash.errors![0]!.extensions!.code).toBe('CONFLICT');
    expect(JSON.stringify(clash.errors)).not.toContain('费县内部筹备会');
    expect(clash.errors![0]!.extensions!.clashingEvent).toBeNull();
    expect(clash.errors![0]!.extensions!.reason).toBe('VENUE_CLASH');
    const seen = await t.gql(CREATE_EVENT, { input: eventInput({ venueId, startsAt: '2028-04-03T02:00:00Z' }), publish: false }, city.token);
    expect(seen.errors![0]!.extensions!.clashingEvent).toBe('费县内部筹备会');
    // Published events are public: their title is no secret.
    await eventAs(t, city.token, { regionCode: '371325', title: '费县公开招聘会', venueId, startsAt: '2028-04-10T01:00:00Z' }, true);
    const open = await t.gql(CREATE_EVENT, { input: eventInput({ venueId, startsAt: '2028-04-10T02:00:00Z' }), publish: false }, lanshan.token);
    expect(open.errors![0]!.extensions!.clashingEvent).toBe('费县公开招聘会');
  });

  it('hides the title of another county’s draft in a series preview', async () => {
    const venueId = await createVenue(t, '371302');
    await eventAs(t, city.token, { regionCode: '371325', title: '费县秘密草稿', venueId, startsAt: '2028-05-01T01:00:00Z' }, false);
    await eventAs(t, city.token, { regionCode: '371302', title: '兰山草稿', venueId, startsAt: '2028-05-08T01:00:00Z' }, false);
    const pattern = { kind: 'RRULE', rrule: 'FREQ=WEEKLY;BYDAY=MO', startDate: '2028-05-01', untilDate: '2028-05-08', startTime: '09:00', durationMinutes: 120, holidayPolicy: 'KEEP' };
    const res = await t.gql(PREVIEW, { p: pattern, v: venueId, r: '371302' }, lanshan.token);
    expect(res.errors).toBeUndefined();
    expect(res.data!.previewEventSeries.occurrences).toEqual([
      { occurrenceKey: '2028-05-01', venueConflict: '另一场活动 / another event' },
      { occurrenceKey: '2028-05-08', venueConflict: '兰山草稿' },
    ]);
    const cityView = await t.gql(PREVIEW, { p: pattern, v: venueId, r: '371302' }, city.token);
    expect(cityView.data!.previewEventSeries.occurrences[0].venueConflict).toBe('费县秘密草稿');
  });

  it('shows a delegation employer’s credit code and contact only to those who may read the employer', async () => {
    const employerId = await employerRow(t, '371325', 'VERIFIED');
    const [{ credit_code: creditCode }] = await t.ds.query(`SELECT credit_code FROM employer WHERE id = $1`, [employerId]);
    // A 兰山 organizer may not read a 费县 employer, so may not put it in a delegation.
    const refused = await t.gql(CREATE_EVENT, { input: eventInput({ isOnline: true, onlineUrl: 'https://live.example.cn/d', startsAt: '2028-06-01T01:00:00Z', details: { delegationEmployerIds: [employerId] } }), publish: true }, lanshan.token);
    expect(refused.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const id = await eventAs(t, city.token, { regionCode: '371302', isOnline: true, onlineUrl: 'https://live.example.cn/d', startsAt: '2028-06-01T01:00:00Z', details: { delegationEmployerIds: [employerId] } }, true);
    const seeker = await signedInAs(t, 'SEEKER');
    for (const token of [undefined, seeker.token, lanshan.token]) {
      const [member] = (await t.gql(PUBLIC_EVENT, { id }, token)).data!.event.details.delegation;
      expect(member).toMatchObject({ id: employerId, contactName: null, contactPhone: null });
      expect(member.creditCode).not.toBe(creditCode);
      expect(member.creditCode).toBe(`${creditCode.slice(0, 2)}${'*'.repeat(14)}${creditCode.slice(-2)}`);
    }
    const [forFeixian] = (await t.gql(PUBLIC_EVENT, { id }, feixian.token)).data!.event.details.delegation;
    expect(forFeixian).toMatchObject({ creditCode, contactName: '李联系', contactPhone: '138****1111' });
  });

  it('tells the viewer which actions it may take on an event', async () => {
    const id = await eventAs(t, feixian.token, { regionCode: '371325', isOnline: true, onlineUrl: 'https://live.example.cn/v', startsAt: '2028-07-01T01:00:00Z' }, true);
    const none = { update: false, publish: false, cancel: false, reschedule: false, complete: false, assignStaff: false };
    expect((await t.gql(VIEWER_CAN, { id }, lanshan.token)).data!.event.viewerCan).toEqual(none);
    expect((await t.gql(VIEWER_CAN, { id })).data!.event.viewerCan).toEqual(none);
    expect((await t.gql(VIEWER_CAN, { id }, feixian.token)).data!.event.viewerCan).toEqual({ ...none, update: true, cancel: true, reschedule: true, assignStaff: true });
    const draft = await eventAs(t, city.token, { regionCode: '371325', isOnline: true, onlineUrl: 'https://live.example.cn/v', startsAt: '2028-07-02T01:00:00Z' }, false);
    expect((await t.gql(VIEWER_CAN, { id: draft }, feixian.token)).data!.event.viewerCan).toMatchObject({ publish: true, complete: false });
    const started = await eventAs(t, feixian.token, { regionCode: '371325', isOnline: true, onlineUrl: 'https://live.example.cn/v', startsAt: new Date(Date.now() - 3600_000).toISOString() }, true);
    expect((await t.gql(VIEWER_CAN, { id: started }, feixian.token)).data!.event.viewerCan).toMatchObject({ complete: true, publish: false });
    await t.gql(`mutation($id: ID!) { cancelEvent(id: $id, reason: "天气") { id } }`, { id }, feixian.token);
    expect((await t.gql(VIEWER_CAN, { id }, feixian.token)).data!.event.viewerCan).toEqual(none);
  });

  it('tells the viewer whether it may verify or reject an employer', async () => {
    const pending = await employerRow(t, '371302', 'PENDING');
    const verified = await employerRow(t, '371302', 'VERIFIED');
    const view = async (token: string) =>
      Object.fromEntries(((await t.gql(EMPLOYERS, {}, token)).data!.employers.items as Array<{ id: string; viewerCan: unknown }>).map((e) => [e.id, e.viewerCan]));
    expect((await view(lanshan.token))[pending]).toEqual({ verify: true, reject: true });
    expect((await view(lanshan.token))[verified]).toEqual({ verify: false, reject: false });
    expect((await view(feixian.token))[pending]).toBeUndefined();
  });

  it('lists the regions the viewer covers', async () => {
    const codes = async (token?: string) => ((await t.gql(`{ coveredRegions { code } }`, {}, token)).data!.coveredRegions as Array<{ code: string }>).map((r) => r.code);
    expect(await codes(lanshan.token)).toEqual(['371302']);
    expect(await codes(feixian.token)).toEqual(['371325']);
    expect((await codes(city.token)).length).toBe(17);
    expect(await codes((await signedInAs(t, 'SEEKER')).token)).toEqual([]);
    expect(await codes()).toEqual([]);
  });
});
