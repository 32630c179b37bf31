import { createTestApp, type GqlResult, type TestApp } from './support/test-app.js';
import { CREATE_EVENT, createVenue, eventInput, signedInAs } from './support/factories.js';
import { countQueries, jobsSettled } from './support/jobs.js';

const LIST = `query($filter: EventFilter, $take: Int!) { events(filter: $filter, take: $take) { total items { id title status region { code } venue { name } coHosts { name } } } }`;
const CANCEL = `mutation($id: ID!, $reason: String!) { cancelEvent(id: $id, reason: $reason) { id status cancelReason } }`;
const RESCHEDULE = `mutation($id: ID!, $s: DateTime!, $e: DateTime!) { rescheduleEvent(id: $id, startsAt: $s, endsAt: $e) { id startsAt originalStartsAt } }`;
const ASSIGN = `mutation($e: ID!, $u: ID!) { assignEventStaff(eventId: $e, userId: $u) { id } }`;
const ONE = `query($id: ID!) { event(id: $id) { id status cancelReason staff { id } } }`;

describe('events and venues', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('refuses a second event at a busy venue and names the clashing event', async () => {
    const organizer = await signedInAs(t, 'ORGANIZER', { regionCode: '371302' });
    const venueId = await createVenue(t);
    const first = await t.gql(CREATE_EVENT, { input: eventInput({ title: '春季综合招聘会', venueId, startsAt: '2027-03-03T01:00:00Z' }), publish: true }, organizer.token);
    expect(first.errors).toBeUndefined();
    const clash = await t.gql(CREATE_EVENT, { input: eventInput({ venueId, startsAt: '2027-03-03T02:00:00Z' }), publish: false }, organizer.token);
    expect(clash.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', clashingEvent: '春季综合招聘会' });
    expect(clash.errors![0]!.message).toContain('春季综合招聘会');
    // Back-to-back is fine: ranges are half-open.
    const after = await t.gql(CREATE_EVENT, { input: eventInput({ venueId, startsAt: '2027-03-03T04:00:00Z' }), publish: false }, organizer.token);
    expect(after.errors).toBeUndefined();
  });

  it('lets exactly one of several organizers booking the same slot at the same moment win', async () => {
    const venueId = await createVenue(t);
    const organizers = await Promise.all([
      signedInAs(t, 'ORGANIZER', { regionCode: '371302' }),
      signedInAs(t, 'ORGANIZER', { regionCode: '371300' }),
      signedInAs(t, 'ORGANIZER', { regionCode: '371302' }),
      signedInAs(t, 'ADMIN'),
    ]);
    const results = await Promise.all(
      organizers.map((o, i) => t.gql(CREATE_EVENT, { input: eventInput({ title: `同时${i}`, venueId, startsAt: '2027-04-07T01:00:00Z', hours: 2 + i }), publish: true }, o.token)),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    for (const r of results.filter((x) => x.errors)) expect(r.errors![0]!.extensions!.code).toBe('CONFLICT');
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM event WHERE venue_id = $1`, [venueId]);
    expect(n).toBe(1);
  });

  it('frees the slot when an event is cancelled', async () => {
    const organizer = await signedInAs(t, 'ORGANIZER');
    const venueId = await createVenue(t);
    const a = await t.gql(CREATE_EVENT, { input: eventInput({ venueId, startsAt: '2027-05-05T01:00:00Z' }), publish: true }, organizer.token);
    await t.gql(CANCEL, { id: a.data!.createEvent.id, reason: '场馆检修' }, organizer.token);
    const b = await t.gql(CREATE_EVENT, { input: eventInput({ venueId, startsAt: '2027-05-05T01:00:00Z' }), publish: true }, organizer.token);
    expect(b.errors).toBeUndefined();
  });

  it('keeps county organizers to their county and shows drafts only to staff', async () => {
    const lanshan = await signedInAs(t, 'ORGANIZER', { regionCode: '371302' });
    const feixian = await signedInAs(t, 'ORGANIZER', { regionCode: '371325' });
    const seeker = await signedInAs(t, 'SEEKER');
    const venueId = await createVenue(t, '371325');
    const elsewhere = await t.gql(CREATE_EVENT, { input: eventInput({ regionCode: '371325', venueId, startsAt: '2027-06-01T01:00:00Z' }), publish: false }, lanshan.token);
    expect(elsewhere.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const draft = await t.gql(CREATE_EVENT, { input: eventInput({ regionCode: '371325', title: '费县草稿', venueId, startsAt: '2027-06-01T01:00:00Z' }), publish: false }, feixian.token);
    const id = draft.data!.createEvent.id;
    // A draft the caller may not even read does not exist for it, in mutations too; a published one is FORBIDDEN.
    expect((await t.gql(CANCEL, { id, reason: 'x' }, lanshan.token)).errors![0]!.extensions!.code).toBe('NOT_FOUND');
    const published = await t.gql(CREATE_EVENT, { input: eventInput({ regionCode: '371325', venueId, startsAt: '2027-06-02T01:00:00Z' }), publish: true }, feixian.token);
    expect((await t.gql(CANCEL, { id: published.data!.createEvent.id, reason: 'x' }, lanshan.token)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect((await t.gql(ONE, { id }, seeker.token)).errors![0]!.extensions!.code).toBe('NOT_FOUND');
    expect((await t.gql(ONE, { id })).errors![0]!.extensions!.code).toBe('NOT_FOUND');
    expect((await t.gql(ONE, { id }, lanshan.token)).errors![0]!.extensions!.code).toBe('NOT_FOUND');
    expect((await t.gql(ONE, { id }, feixian.token)).data!.event.status).toBe('DRAFT');
    const publicList = await t.gql(LIST, { filter: { text: '费县草稿' }, take: 10 });
    expect(publicList.data!.events.total).toBe(0);
    const staffList = await t.gql(LIST, { filter: { text: '费县草稿' }, take: 10 }, feixian.token);
    expect(staffList.data!.events.total).toBe(1);
    const lanshanList = await t.gql(LIST, { filter: { text: '费县草稿' }, take: 10 }, lanshan.token);
    expect(lanshanList.data!.events.total).toBe(0);
  });

  it('validates subtype, place, times and capacity with field errors', async () => {
    const organizer = await signedInAs(t, 'ORGANIZER');
    const venueId = await createVenue(t, '371302', 100);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ subtype: 'SALON' }, 'subtype'],
      [{ venueId: undefined }, 'venueId'],
      [{ venueId, endsAt: '2027-07-01T00:00:00Z' }, 'endsAt'],
      [{ venueId, capacity: 101 }, 'capacity'],
    ];
    for (const [override, field] of cases) {
      const res = await t.gql(CREATE_EVENT, { input: { ...eventInput({ venueId, startsAt: '2027-07-01T01:00:00Z' }), capacity: 50, ...override }, publish: false }, organizer.token);
      expect(res.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { [field]: expect.any(String) } });
    }
    const online = await t.gql(CREATE_EVENT, { input: eventInput({ type: 'LIVESTREAM', subtype: 'JOB_PROMOTION', isOnline: true, onlineUrl: 'https://live.example.cn/1', startsAt: '2027-07-01T11:00:00Z' }), publish: true }, organizer.token);
    expect(online.data!.createEvent.venue).toBeNull();
  });

  it('notifies exactly the attached users when an event is cancelled, with the reason', async () => {
    const creator = await signedInAs(t, 'ORGANIZER', { regionCode: '371302' });
    const other = await signedInAs(t, 'ORGANIZER', { regionCode: '371302' });
    const mentor = await signedInAs(t, 'MENTOR', { regionCode: '371302' });
    const host = await signedInAs(t, 'HOST', { regionCode: '371302' });
    const bystander = await signedInAs(t, 'MENTOR');
    const venueId = await createVenue(t);
    const created = await t.gql(CREATE_EVENT, { input: eventInput({ venueId, startsAt: '2027-08-04T01:00:00Z' }), publish: true }, creator.token);
    const id = created.data!.createEvent.id;
    await t.gql(ASSIGN, { e: id, u: mentor.id }, creator.token);
    await t.gql(ASSIGN, { e: id, u: host.id }, creator.token);
    const res = await t.gql(CANCEL, { id, reason: '暴雨预警' }, other.token);
    expect(res.data!.cancelEvent).toMatchObject({ status: 'CANCELLED', cancelReason: '暴雨预警' });
    await jobsSettled(t);
    const rows: Array<{ user_id: string; body: string }> = await t.ds.query(`SELECT user_id, body FROM notification WHERE kind = 'EVENT_CANCELLED' AND data->>'eventId' = $1`, [id]);
    expect(rows.map((r) => r.user_id).sort()).toEqual([creator.id, mentor.id, host.id].sort());
    expect(rows.every((r) => r.body.includes('暴雨预警'))).toBe(true);
    void bystander;
    // Cancelling twice is refused; the reason is required.
    expect((await t.gql(CANCEL, { id, reason: '再次' }, creator.token)).errors![0]!.extensions!.code).toBe('CONFLICT');
    const another = await t.gql(CREATE_EVENT, { input: eventInput({ venueId, startsAt: '2027-08-05T01:00:00Z' }), publish: true }, creator.token);
    expect((await t.gql(CANCEL, { id: another.data!.createEvent.id, reason: '  ' }, creator.token)).errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { reason: expect.any(String) } });
  });

  it('reschedules one event, keeps where it came from, refuses a busy slot and tells attached staff', async () => {
    const organizer = await signedInAs(t, 'ORGANIZER');
    const mentor = await signedInAs(t, 'MENTOR');
    const venueId = await createVenue(t);
    const a = await t.gql(CREATE_EVENT, { input: eventInput({ title: '占位活动', venueId, startsAt: '2027-09-01T01:00:00Z' }), publish: true }, organizer.token);
    const b = await t.gql(CREATE_EVENT, { input: eventInput({ venueId, startsAt: '2027-09-02T01:00:00Z' }), publish: true }, organizer.token);
    const id = b.data!.createEvent.id;
    await t.gql(ASSIGN, { e: id, u: mentor.id }, organizer.token);
    const busy = await t.gql(RESCHEDULE, { id, s: '2027-09-01T02:00:00Z', e: '2027-09-01T03:00:00Z' }, organizer.token);
    expect(busy.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', clashingEvent: '占位活动' });
    const moved = await t.gql(RESCHEDULE, { id, s: '2027-09-03T01:00:00Z', e: '2027-09-03T04:00:00Z' }, organizer.token);
    expect(moved.data!.rescheduleEvent).toMatchObject({ startsAt: '2027-09-03T01:00:00.000Z', originalStartsAt: '2027-09-02T01:00:00.000Z' });
    await jobsSettled(t);
    const [note] = await t.ds.query(`SELECT body FROM notification WHERE user_id = $1 AND kind = 'EVENT_RESCHEDULED'`, [mentor.id]);
    expect(note.body).toContain('2027-09-02 09:00');
    expect(note.body).toContain('2027-09-03 09:00');
    void a;
  });

  it('clears registration dates sent as null and keeps them when the fields are left out', async () => {
    const organizer = await signedInAs(t, 'ORGANIZER');
    const venueId = await createVenue(t);
    const created = await t.gql(CREATE_EVENT, {
      input: eventInput({ venueId, startsAt: '2027-10-20T01:00:00Z', registrationOpensAt: '2027-10-01T00:00:00Z', registrationClosesAt: '2027-10-19T00:00:00Z' }),
      publish: true,
    }, organizer.token);
    const id = created.data!.createEvent.id;
    const UPDATE = `mutation($id: ID!, $input: EventUpdateInput!) { updateEvent(id: $id, input: $input, scope: THIS) { registrationOpensAt registrationClosesAt } }`;
    const kept = await t.gql(UPDATE, { id, input: { title: '只改名称的活动' } }, organizer.token);
    expect(kept.data!.updateEvent[0]).toEqual({ registrationOpensAt: '2027-10-01T00:00:00.000Z', registrationClosesAt: '2027-10-19T00:00:00.000Z' });
    const cleared = await t.gql(UPDATE, { id, input: { registrationOpensAt: null, registrationClosesAt: null } }, organizer.token);
    expect(cleared.errors).toBeUndefined();
    expect(cleared.data!.updateEvent[0]).toEqual({ registrationOpensAt: null, registrationClosesAt: null });
    const [row] = await t.ds.query(`SELECT registration_opens_at, registration_closes_at FROM event WHERE id = $1`, [id]);
    expect(row).toEqual({ registration_opens_at: null, registration_closes_at: null });
  });

  it('pages by cursor in calendar order without gaps or repeats, and refuses a forged cursor', async () => {
    const organizer = await signedInAs(t, 'ORGANIZER');
    const venueId = await createVenue(t);
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      // Two events share each start time at different venues, so the id breaks the tie.
      const res = await t.gql(CREATE_EVENT, { input: eventInput({ title: `游标${i}`, venueId: i % 2 ? venueId : await createVenue(t), startsAt: new Date(Date.UTC(2029, 2, 1 + Math.floor(i / 2), 1)).toISOString() }), publish: true }, organizer.token);
      ids.push(res.data!.createEvent.id);
    }
    const PAGE = `query($after: String) { events(filter: { text: "游标" }, take: 3, after: $after) { items { id startsAt } pageInfo { endCursor hasNextPage } } }`;
    const seen: Array<{ id: string; startsAt: string }> = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const res: GqlResult = await t.gql(PAGE, { after });
      expect(res.errors).toBeUndefined();
      const page: { items: Array<{ id: string; startsAt: string }>; pageInfo: { endCursor: string; hasNextPage: boolean } } = res.data!.events;
      seen.push(...page.items);
      pages++;
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(pages).toBe(3);
    expect(seen.map((e) => e.id).sort()).toEqual([...ids].sort());
    const order = [...seen].sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id));
    expect(seen).toEqual(order);
    const forged = await t.gql(PAGE, { after: Buffer.from('not-a-date|x').toString('base64url') });
    expect(forged.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('answers a whole calendar month in one request for staff, bounded to six weeks', async () => {
    const organizer = await signedInAs(t, 'ORGANIZER');
    const venues = [await createVenue(t), await createVenue(t), await createVenue(t)];
    for (let d = 0; d < 30; d++) {
      for (let v = 0; v < 3; v++) {
        await t.ds.query(
          `INSERT INTO event (title, type, subtype, region_code, venue_id, capacity, starts_at, ends_at, status, published_at, created_by)
           VALUES ($1, 'JOB_FAIR', 'GENERAL', '371302', $2, 100, $3, $3::timestamptz + interval '2 hours', 'PUBLISHED', now(), $4)`,
          [`月视图${d}-${v}`, venues[v], new Date(Date.UTC(2030, 5, 1 + d, 1)), organizer.id],
        );
      }
    }
    const RANGE = `query($from: DateTime!, $to: DateTime!, $take: Int) { eventsInRange(from: $from, to: $to, filter: { text: "月视图" }, take: $take) { truncated items { id title venue { name } } } }`;
    const month = { from: '2030-05-31T16:00:00Z', to: '2030-07-01T16:00:00Z' };
    const res = await t.gql(RANGE, month, organizer.token);
    expect(res.errors).toBeUndefined();
    expect(res.data!.eventsInRange.items).toHaveLength(90);
    expect(res.data!.eventsInRange.truncated).toBe(false);
    const cut = await t.gql(RANGE, { ...month, take: 40 }, organizer.token);
    expect(cut.data!.eventsInRange).toMatchObject({ truncated: true, items: expect.arrayContaining([]) });
    expect(cut.data!.eventsInRange.items).toHaveLength(40);
    const tooLong = await t.gql(RANGE, { from: '2030-05-01T00:00:00Z', to: '2030-06-20T00:00:00Z' }, organizer.token);
    expect(tooLong.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { to: expect.any(String) } });
    const tooMany = await t.gql(RANGE, { ...month, take: 501 }, organizer.token);
    expect(tooMany.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect((await t.gql(RANGE, month)).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    const seeker = await signedInAs(t, 'SEEKER');
    expect((await t.gql(RANGE, month, seeker.token)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });

  it('lists a page of events with a fixed number of SQL queries', async () => {
    const organizer = await signedInAs(t, 'ORGANIZER');
    const venueId = await createVenue(t);
    for (let i = 0; i < 12; i++) {
      await t.gql(CREATE_EVENT, { input: eventInput({ title: `批量${i}`, venueId, startsAt: new Date(Date.UTC(2028, 0, 1 + i, 1)).toISOString() }), publish: true }, organizer.token);
    }
    await jobsSettled(t);
    const count = (take: number) =>
      countQueries(async () => {
        const res = await t.gql(`query($take: Int!) { events(filter: { text: "批量" }, take: $take) { total items { id region { name } venue { name } coHosts { name } series { id } registeredCount } } }`, { take });
        expect(res.data!.events.items).toHaveLength(take);
      });
    const small = await count(2);
    const large = await count(12);
    expect(large).toBe(small);
    expect(large).toBeLessThanOrEqual(5);
  });
});

describe('anonymous events answer cache', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ PUBLIC_QUERY_CACHE_MS: '60000' });
  });
  afterAll(() => t.close());

  const LIST_PUBLIC = `query($f: EventFilter) { events(filter: $f, take: 10) { total items { id title } } }`;
  async function countingQueries<T>(fn: () => Promise<T>): Promise<{ result: T; queries: number }> {
    let result!: T;
    const queries = await countQueries(async () => {
      result = await fn();
    });
    return { result, queries };
  }
  const post = (query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) =>
    fetch(`${t.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) }).then(
      (r) => r.json() as Promise<GqlResult>,
    );

  it('reuses an anonymous answer, and shows this instance’s writes at once', async () => {
    const organizer = await signedInAs(t, 'ORGANIZER');
    const venueId = await createVenue(t);
    await t.gql(CREATE_EVENT, { input: eventInput({ title: '缓存一', venueId, startsAt: '2031-05-01T01:00:00Z' }), publish: true }, organizer.token);
    const f = { f: { text: '缓存' } };
    const first = await countingQueries(() => post(LIST_PUBLIC, f));
    expect(first.result.data!.events.total).toBe(1);
    expect(first.queries).toBeGreaterThan(0);
    const again = await countingQueries(() => post(LIST_PUBLIC, f));
    expect(again.result).toEqual(first.result);
    expect(again.queries).toBe(0);
    // A write through this instance empties the cache.
    await t.gql(CREATE_EVENT, { input: eventInput({ title: '缓存二', venueId, startsAt: '2031-05-02T01:00:00Z' }), publish: true }, organizer.token);
    expect((await post(LIST_PUBLIC, f)).data!.events.total).toBe(2);
    // A write it cannot see (straight SQL here; another instance in production) shows on request or after the TTL.
    await t.ds.query(`UPDATE event SET title = '缓存改名' WHERE title = '缓存一'`);
    expect((await post(LIST_PUBLIC, f)).data!.events.items.map((e: { title: string }) => e.title)).toContain('缓存一');
    expect((await post(LIST_PUBLIC, f, { 'cache-control': 'no-cache' })).data!.events.items.map((e: { title: string }) => e.title)).toContain('缓存改名');
  });

  it('never answers a signed-in caller from the cache', async () => {
    const organizer = await signedInAs(t, 'ORGANIZER');
    await t.ds.query(
      `INSERT INTO event (title, type, subtype, region_code, capacity, is_online, online_url, starts_at, ends_at, status, created_by)
       VALUES ('缓存草稿', 'JOB_FAIR', 'GENERAL', '371302', 10, true, 'https://x.example', '2031-06-01T01:00:00Z', '2031-06-01T03:00:00Z', 'DRAFT', $1)`,
      [organizer.id],
    );
    const f = { f: { text: '缓存草稿' } };
    expect((await post(LIST_PUBLIC, f)).data!.events.total).toBe(0);
    expect((await post(LIST_PUBLIC, f, { authorization: `Bearer ${organizer.token}` })).data!.events.total).toBe(1);
  });
});
