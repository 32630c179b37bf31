import { createTestApp, type TestApp } from './support/test-app.js';
import { CREATE_EVENT, createVenue, eventAs, eventInput, signedInAs } from './support/factories.js';

const RESCHEDULE = `mutation($id: ID!, $s: DateTime!, $e: DateTime!, $past: Boolean! = false) {
  rescheduleEvent(id: $id, startsAt: $s, endsAt: $e, allowPastStart: $past) { id startsAt endsAt registrationOpensAt registrationClosesAt originalStartsAt } }`;
const ONE = `query($id: ID!) { event(id: $id) { id startsAt originalStartsAt isException registrationClosesAt staff { id } } }`;
const CANDIDATES = `query($e: ID!, $q: String) { assignableEventStaff(eventId: $e, search: $q) { id displayName role } }`;
const ASSIGN = `mutation($e: ID!, $u: ID!) { assignEventStaff(eventId: $e, userId: $u) { id staff { id } } }`;
const UNASSIGN = `mutation($e: ID!, $u: ID!) { unassignEventStaff(eventId: $e, userId: $u) { id staff { id } } }`;

/** Issue 7, "Events": rescheduling moves the registration window, refuses a no-op, past starts need confirming, staff can be picked. */
describe('event changes an organizer makes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('moves the registration window with a rescheduled event (2/3 → 2/4 leaves no window on the old dates)', async () => {
    const organizer = await signedInAs(t, 'ORGANIZER', { regionCode: '371302' });
    const venueId = await createVenue(t);
    const created = await t.gql(
      CREATE_EVENT,
      { input: eventInput({ venueId, startsAt: '2027-02-03T01:00:00Z', registrationOpensAt: '2027-01-20T00:00:00Z', registrationClosesAt: '2027-02-03T01:00:00Z' }), publish: true },
      organizer.token,
    );
    const id = created.data!.createEvent.id;
    const moved = await t.gql(RESCHEDULE, { id, s: '2027-02-04T01:00:00Z', e: '2027-02-04T04:00:00Z' }, organizer.token);
    expect(moved.errors).toBeUndefined();
    expect(moved.data!.rescheduleEvent).toMatchObject({
      startsAt: '2027-02-04T01:00:00.000Z',
      registrationOpensAt: '2027-01-21T00:00:00.000Z',
      registrationClosesAt: '2027-02-04T01:00:00.000Z',
    });
    // Brought forward past the old window's opening: the window moves back too, and never opens after it closes.
    const earlier = await t.gql(RESCHEDULE, { id, s: '2027-01-25T01:00:00Z', e: '2027-01-25T03:00:00Z' }, organizer.token);
    expect(earlier.data!.rescheduleEvent).toMatchObject({ registrationOpensAt: '2027-01-11T00:00:00.000Z', registrationClosesAt: '2027-01-25T01:00:00.000Z' });
  });

  it('keeps a walk-in window (closing during the event) within the event after a shorter reschedule', async () => {
    const organizer = await signedInAs(t, 'ORGANIZER', { regionCode: '371302' });
    const id = await eventAs(t, organizer.token, { venueId: await createVenue(t), startsAt: '2027-05-10T01:00:00Z', hours: 4, registrationClosesAt: '2027-05-10T04:00:00Z' });
    const moved = await t.gql(RESCHEDULE, { id, s: '2027-05-11T01:00:00Z', e: '2027-05-11T02:00:00Z' }, organizer.token);
    expect(moved.data!.rescheduleEvent).toMatchObject({ registrationOpensAt: null, registrationClosesAt: '2027-05-11T02:00:00.000Z' });
  });

  it('refuses a reschedule to the same time and leaves the event unchanged', async () => {
    const organizer = await signedInAs(t, 'ORGANIZER', { regionCode: '371302' });
    const id = await eventAs(t, organizer.token, { venueId: await createVenue(t), startsAt: '2027-06-01T01:00:00Z' });
    const same = await t.gql(RESCHEDULE, { id, s: '2027-06-01T01:00:00Z', e: '2027-06-01T04:00:00Z' }, organizer.token);
    expect(same.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'RESCHEDULE_SAME_TIME' });
    const after = await t.gql(ONE, { id }, organizer.token);
    expect(after.data!.event).toMatchObject({ originalStartsAt: null, isException: false });
  });

  it('refuses a start in the past unless it is confirmed, on create and on reschedule', async () => {
    const organizer = await signedInAs(t, 'ORGANIZER', { regionCode: '371302' });
    const started = new Date(Date.now() - 3600_000).toISOString();
    const input = eventInput({ isOnline: true, onlineUrl: 'https://live.example.cn/p', type: 'LIVESTREAM', subtype: 'JOB_PROMOTION', startsAt: started });
    const refused = await t.gql(CREATE_EVENT, { input, publish: true }, organizer.token);
    expect(refused.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'START_IN_PAST', fields: { startsAt: 'START_IN_PAST' } });
    const confirmed = await t.gql(CREATE_EVENT, { input, publish: true, allowPastStart: true }, organizer.token);
    expect(confirmed.errors).toBeUndefined();

    const future = await eventAs(t, organizer.token, { isOnline: true, onlineUrl: 'https://live.example.cn/q', type: 'LIVESTREAM', subtype: 'JOB_PROMOTION', startsAt: '2027-07-01T01:00:00Z' });
    const back = { id: future, s: started, e: new Date(Date.now() + 3600_000).toISOString() };
    expect((await t.gql(RESCHEDULE, back, organizer.token)).errors![0]!.extensions!.reason).toBe('START_IN_PAST');
    expect((await t.gql(RESCHEDULE, { ...back, past: true }, organizer.token)).errors).toBeUndefined();
  });

  it('offers as staff only the people the organizer may assign, and takes them off again', async () => {
    const county = await signedInAs(t, 'ORGANIZER', { regionCode: '371302' });
    const mentor = await signedInAs(t, 'MENTOR', { regionCode: '371302' });
    const host = await signedInAs(t, 'HOST', { regionCode: '371302' });
    const otherCountyMentor = await signedInAs(t, 'MENTOR', { regionCode: '371325' });
    const city = await signedInAs(t, 'ORGANIZER', { regionCode: '371300' });
    const admin = await signedInAs(t, 'ADMIN');
    const seeker = await signedInAs(t, 'SEEKER');
    const id = await eventAs(t, county.token, { venueId: await createVenue(t), startsAt: '2027-08-01T01:00:00Z' });

    const offered = (await t.gql(CANDIDATES, { e: id }, county.token)).data!.assignableEventStaff.map((u: { id: string }) => u.id);
    expect(offered).toEqual(expect.arrayContaining([mentor.id, host.id, county.id]));
    for (const hidden of [otherCountyMentor.id, city.id, admin.id, seeker.id]) expect(offered).not.toContain(hidden);
    // The admin covers everyone: the city organizer and admins are offered to it.
    const byAdmin = (await t.gql(CANDIDATES, { e: id }, admin.token)).data!.assignableEventStaff.map((u: { id: string }) => u.id);
    expect(byAdmin).toEqual(expect.arrayContaining([city.id, admin.id, otherCountyMentor.id]));

    expect((await t.gql(ASSIGN, { e: id, u: mentor.id }, county.token)).data!.assignEventStaff.staff).toEqual([{ id: mentor.id }]);
    const after = (await t.gql(CANDIDATES, { e: id }, county.token)).data!.assignableEventStaff.map((u: { id: string }) => u.id);
    expect(after).not.toContain(mentor.id);
    expect((await t.gql(UNASSIGN, { e: id, u: mentor.id }, county.token)).data!.unassignEventStaff.staff).toEqual([]);
    expect((await t.gql(ONE, { id }, county.token)).data!.event.staff).toEqual([]);
  });
});
