import { CREATE_EVENT, STRONG_PASSWORD, createVenue, eventInput, registerEmployer, signedInAs, uniqueEmail } from './support/factories.js';
import { eventually, jobsSettled } from './support/jobs.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const AUDIT = `query($actorId: ID, $action: String, $resourceType: String, $resourceId: String, $from: DateTime, $to: DateTime, $take: Int, $skip: Int) {
  auditLog(actorId: $actorId, action: $action, resourceType: $resourceType, resourceId: $resourceId, from: $from, to: $to, take: $take, skip: $skip) {
    total items { id occurredAt actorId actorName actorRole action resourceType resourceId regionCode ipAddress details }
  } }`;
const VERIFY = `mutation($id: ID!) { verifyEmployer(id: $id) { id status } }`;
const REJECT = `mutation($id: ID!, $reason: String!) { rejectEmployer(id: $id, reason: $reason) { id status } }`;
const CANCEL = `mutation($id: ID!, $reason: String!) { cancelEvent(id: $id, reason: $reason) { id } }`;
const RESCHEDULE = `mutation($id: ID!, $s: DateTime!, $e: DateTime!) { rescheduleEvent(id: $id, startsAt: $s, endsAt: $e) { id } }`;
const CREATE_STAFF = `mutation($input: CreateStaffAccountInput!) { createStaffAccount(input: $input) { id } }`;
const SET_HOLIDAYS = `mutation($y: Int!, $d: [HolidayDayInput!]!) { setHolidays(year: $y, days: $d) { year } }`;

interface AuditItem {
  actorId: string | null;
  actorRole: string | null;
  action: string;
  resourceType: string;
  resourceId: string | null;
  regionCode: string | null;
  ipAddress: string | null;
  details: string;
}

describe('audit log', () => {
  let t: TestApp;
  let admin: { id: string; token: string };
  beforeAll(async () => {
    t = await createTestApp();
    admin = await signedInAs(t, 'ADMIN');
  });
  afterAll(() => t.close());

  /** The audit entries about one record, once the workers have written them. */
  async function entriesFor(resourceId: string, expected: number): Promise<AuditItem[]> {
    return eventually(async () => {
      const res = await t.gql(AUDIT, { resourceId }, admin.token);
      expect(res.errors).toBeUndefined();
      expect(res.data!.auditLog.items).toHaveLength(expected);
      return res.data!.auditLog.items as AuditItem[];
    });
  }

  it('records employer verification decisions with who, where from and which region', async () => {
    const verified = await registerEmployer(t, { regionCode: '371302' });
    const rejected = await registerEmployer(t, { regionCode: '371302' });
    const organizer = await signedInAs(t, 'ORGANIZER', { regionCode: '371302' });
    await t.gql(VERIFY, { id: verified.employerId }, organizer.token);
    await t.gql(REJECT, { id: rejected.employerId, reason: '材料不全' }, organizer.token);
    const [v] = await entriesFor(verified.employerId, 1);
    expect(v).toMatchObject({
      actorId: organizer.id, actorRole: 'ORGANIZER', action: 'employer.verified', resourceType: 'employer', resourceId: verified.employerId,
      regionCode: '371302', ipAddress: '127.0.0.1',
    });
    const [r] = await entriesFor(rejected.employerId, 1);
    expect(r).toMatchObject({ action: 'employer.rejected', actorId: organizer.id });
    expect(JSON.parse(r!.details)).toMatchObject({ reason: '材料不全' });
  });

  it('records cancellations and reschedules of events', async () => {
    const organizer = await signedInAs(t, 'ORGANIZER', { regionCode: '371302' });
    const venueId = await createVenue(t);
    const a = (await t.gql(CREATE_EVENT, { input: eventInput({ venueId, startsAt: '2027-12-01T01:00:00Z' }), publish: true }, organizer.token)).data!.createEvent.id;
    const b = (await t.gql(CREATE_EVENT, { input: eventInput({ venueId, startsAt: '2027-12-02T01:00:00Z' }), publish: true }, organizer.token)).data!.createEvent.id;
    await t.gql(RESCHEDULE, { id: a, s: '2027-12-03T01:00:00Z', e: '2027-12-03T04:00:00Z' }, organizer.token);
    await t.gql(CANCEL, { id: b, reason: '寒潮' }, organizer.token);
    const [moved] = await entriesFor(a, 1);
    expect(moved).toMatchObject({ action: 'event.rescheduled', resourceType: 'event', actorId: organizer.id, regionCode: '371302', ipAddress: '127.0.0.1' });
    expect(JSON.parse(moved!.details)).toMatchObject({ previousStartsAt: '2027-12-01T01:00:00.000Z', startsAt: '2027-12-03T01:00:00.000Z' });
    const [cancelled] = await entriesFor(b, 1);
    expect(cancelled).toMatchObject({ action: 'event.cancelled', actorId: organizer.id });
    expect(JSON.parse(cancelled!.details)).toMatchObject({ reason: '寒潮' });
  });

  it('records staff account creation and holiday changes', async () => {
    const email = uniqueEmail('staff');
    const created = await t.gql(CREATE_STAFF, { input: { displayName: '新组织者', email, password: STRONG_PASSWORD, role: 'ORGANIZER', regionCode: '371325' } }, admin.token);
    expect(created.errors).toBeUndefined();
    const userId = created.data!.createStaffAccount.id;
    const [staff] = await entriesFor(userId, 1);
    expect(staff).toMatchObject({ action: 'staff.created', resourceType: 'user', actorId: admin.id, actorRole: 'ADMIN', regionCode: '371325' });
    expect(JSON.parse(staff!.details)).toMatchObject({ role: 'ORGANIZER', displayName: '新组织者' });

    await t.gql(SET_HOLIDAYS, { y: 2032, d: [{ date: '2032-01-01', kind: 'HOLIDAY', name: '元旦' }] }, admin.token);
    const [holidays] = await entriesFor('2032', 1);
    expect(holidays).toMatchObject({ action: 'holidays.changed', resourceType: 'holiday_year', actorId: admin.id });
    expect(JSON.parse(holidays!.details).days).toEqual([{ date: '2032-01-01', kind: 'HOLIDAY', name: '元旦' }]);
  });

  it('filters by actor, action prefix and date range, pages at most 50, newest first', async () => {
    const organizer = await signedInAs(t, 'ORGANIZER');
    const employers = await Promise.all([0, 1, 2].map(() => registerEmployer(t)));
    for (const e of employers) await t.gql(VERIFY, { id: e.employerId }, organizer.token);
    await jobsSettled(t);
    const mine = await t.gql(AUDIT, { actorId: organizer.id, take: 2 }, admin.token);
    expect(mine.data!.auditLog.total).toBe(3);
    expect(mine.data!.auditLog.items.map((i: AuditItem) => i.resourceId)).toEqual([employers[2]!.employerId, employers[1]!.employerId]);
    const page2 = await t.gql(AUDIT, { actorId: organizer.id, take: 2, skip: 2 }, admin.token);
    expect(page2.data!.auditLog.items.map((i: AuditItem) => i.resourceId)).toEqual([employers[0]!.employerId]);
    expect((await t.gql(AUDIT, { actorId: organizer.id, action: 'employer.' }, admin.token)).data!.auditLog.total).toBe(3);
    expect((await t.gql(AUDIT, { actorId: organizer.id, action: 'event.' }, admin.token)).data!.auditLog.total).toBe(0);
    expect((await t.gql(AUDIT, { actorId: organizer.id, from: new Date(Date.now() + 60_000).toISOString() }, admin.token)).data!.auditLog.total).toBe(0);
    expect((await t.gql(AUDIT, { actorId: organizer.id, to: new Date(Date.now() + 60_000).toISOString() }, admin.token)).data!.auditLog.total).toBe(3);
    expect((await t.gql(AUDIT, { take: 51 }, admin.token)).errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect((await t.gql(AUDIT, { actorId: 'nope' }, admin.token)).errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('is append-only in the database: UPDATE, DELETE and TRUNCATE are rejected', async () => {
    const emp = await registerEmployer(t);
    const organizer = await signedInAs(t, 'ORGANIZER');
    await t.gql(VERIFY, { id: emp.employerId }, organizer.token);
    await entriesFor(emp.employerId, 1);
    await expect(t.ds.query(`UPDATE audit_log SET actor_id = NULL WHERE resource_id = $1`, [emp.employerId])).rejects.toThrow(/append-only/);
    await expect(t.ds.query(`DELETE FROM audit_log WHERE resource_id = $1`, [emp.employerId])).rejects.toThrow(/append-only/);
    await expect(t.ds.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
    await entriesFor(emp.employerId, 1);
  });

  it('writes one row per domain event even when the subscriber runs twice', async () => {
    const emp = await registerEmployer(t);
    const organizer = await signedInAs(t, 'ORGANIZER');
    await t.gql(VERIFY, { id: emp.employerId }, organizer.token);
    await entriesFor(emp.employerId, 1);
    const [job] = await t.ds.query(`SELECT data FROM pgboss.job WHERE name = 'event.AuditLogSubscriber.write' AND data->'payload'->>'employerId' = $1`, [emp.employerId]);
    const { JobQueue } = await import('../src/common/jobs/job-queue.service.js');
    await t.app.get(JobQueue).runNow('event.AuditLogSubscriber.write', job.data);
    await entriesFor(emp.employerId, 1);
  });

  it('refuses the audit log to everyone but admins', async () => {
    for (const role of ['ORGANIZER', 'MENTOR', 'HOST', 'SEEKER'] as const) {
      const someone = await signedInAs(t, role);
      expect((await t.gql(AUDIT, {}, someone.token)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    }
    const emp = await registerEmployer(t);
    expect((await t.gql(AUDIT, {}, emp.token)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect((await t.gql(AUDIT, {})).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });
});
