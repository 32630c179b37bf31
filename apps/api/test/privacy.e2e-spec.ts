import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { TEST_PERSONAL_DATA_KEY } from '../src/config/app-config.js';
import { PersonalDataRekeyJob } from '../src/modules/privacy/personal-data-rekey.job.js';
import { STRONG_PASSWORD, employerRow, eventAs, signedInAs, uniquePhone, type SignedIn } from './support/factories.js';
import { eventually, jobsSettled } from './support/jobs.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * Personal data (docs/privacy.md): ID numbers re-encrypted under a new key by the rotation job (batched,
 * resumable, idempotent) with lookups working throughout; a seeker downloads their data and deletes their
 * account (password confirmed, personal data gone, counts kept); every unmasked view is in the audit log.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** A resident ID number with a valid GB 11643 check digit (Lanshan district, born 1995). */
function idNumber(): string {
  const body = `371302199501${String(randomInt(10, 29))}${String(randomInt(0, 1000)).padStart(3, '0')}`;
  const sum = [...body].reduce((s, d, i) => s + Number(d) * WEIGHTS[i]!, 0);
  return body + '10X98765432'[sum % 11];
}

const PROFILE = `mutation($input: SeekerProfileInput!) { updateMySeekerProfile(input: $input) { idNumberMasked } }`;
const DOWNLOAD = `query($format: PersonalDataFormat) { myPersonalData(format: $format) { filename contentType base64 } }`;
const DELETE = `mutation($password: String!) { deleteMyAccount(password: $password) }`;
const KEYS = `{ personalDataKeys { currentKeyId loadedKeyIds pending keys { keyId rows loaded } } }`;
const REKEY = `mutation { rekeyPersonalData { currentKeyId pending jobId } }`;
const AUDIT = `query($action: String, $resourceId: String) { auditLog(action: $action, resourceId: $resourceId, take: 50) { items { action resourceType resourceId details } } }`;
const REGISTER = `mutation($eventId: ID) { registerForEvent(eventId: $eventId) { id status } }`;
const APPLY = `mutation($input: ApplyInput!) { applyToPosting(input: $input) { id } }`;
async function auditOf(t: TestApp, admin: SignedIn, action: string, resourceId?: string): Promise<Array<{ action: string; resourceType: string; resourceId: string; details: Record<string, any> }>> {
  const res = await t.gql(AUDIT, { action, resourceId }, admin.token);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!.auditLog.items.map((i: { details: string }) => ({ ...i, details: JSON.parse(i.details) }));
}
const NEW_KEY = randomBytes(32).toString('base64url');
const HOUR = 3600_000;

async function seekerWithId(t: TestApp, id = idNumber(), name = '李四民'): Promise<SignedIn & { idNumber: string; phone: string }> {
  const s = await signedInAs(t, 'SEEKER', { regionCode: '371302' });
  const phone = uniquePhone();
  await t.ds.query(`UPDATE app_user SET phone = $2 WHERE id = $1`, [s.id, phone]);
  const res = await t.gql(PROFILE, { input: { realName: name, mobile: phone, idNumber: id, groups: ['RECENT_GRADUATE'] } }, s.token);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return { ...s, idNumber: id, phone };
}

describe('key rotation', () => {
  it('moves every ID number to the new key in resumable batches, and lookups and uniqueness hold before, during and after', async () => {
    const before = await createTestApp();
    const people = [];
    for (let i = 0; i < 7; i++) people.push(await seekerWithId(before));
    const database = before.database;
    await before.close({ keepDatabase: true });

    // The operator sets the new key as current and keeps the old one readable.
    const t = await createTestApp(
      { PERSONAL_DATA_KEY: NEW_KEY, PERSONAL_DATA_KEY_ID: 'p2', PERSONAL_DATA_OLD_KEYS: `p1:${TEST_PERSONAL_DATA_KEY}`, PERSONAL_DATA_REKEY_BATCH: '3' },
      { database },
    );
    try {
      const admin = await signedInAs(t, 'ADMIN');
      const status = await t.gql(KEYS, {}, admin.token);
      expect(status.errors).toBeUndefined();
      expect(status.data!.personalDataKeys).toMatchObject({ currentKeyId: 'p2', loadedKeyIds: ['p2', 'p1'], pending: 7, keys: [{ keyId: 'p1', rows: 7, loaded: true }] });

      // Lookup before the job: the number is still held under the old key's hash.
      const thief = await signedInAs(t, 'SEEKER');
      const taken = await t.gql(PROFILE, { input: { idNumber: people[0]!.idNumber } }, thief.token);
      expect(taken.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ID_NUMBER_TAKEN' });

      // A new number is written under the new key at once.
      const fresh = await seekerWithId(t);
      const job = t.app.get(PersonalDataRekeyJob);
      // Stopped after one batch (3 rows): resumable, the rest continue on the next run.
      const partial = await job.run({ maxBatches: 1 });
      expect(partial).toMatchObject({ keyId: 'p2', rows: 3, batches: 1, remaining: 4 });
      const halfway = await t.gql(PROFILE, { input: { idNumber: people[6]!.idNumber } }, thief.token);
      expect(halfway.errors?.[0]?.extensions).toMatchObject({ reason: 'ID_NUMBER_TAKEN' });

      // The rest through the queue, as the admin's button does it.
      const queued = await t.gql(REKEY, {}, admin.token);
      expect(queued.errors).toBeUndefined();
      expect(queued.data!.rekeyPersonalData).toMatchObject({ currentKeyId: 'p2', jobId: expect.any(String) });
      await eventually(async () => {
        const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM seeker_resume WHERE id_number_key_id = 'p1'`);
        if (n !== 0) throw new Error(`${n} rows still under p1`);
      });
      const rows: Array<{ keyId: string; n: number }> = await t.ds.query(
        `SELECT id_number_key_id AS "keyId", count(*)::int AS n FROM seeker_resume WHERE id_number_key_id IS NOT NULL GROUP BY 1`,
      );
      expect(rows).toEqual([{ keyId: 'p2', n: 8 }]);
      // Idempotent: a second run changes nothing.
      expect(await job.run()).toMatchObject({ rows: 0, remaining: 0, unreadableKeyIds: [] });
      await jobsSettled(t);
      const audit = await auditOf(t, admin, 'personal-data.rekeyed');
      expect(audit.map((i) => i.details.rows).sort()).toEqual([3, 4]);

      // After: lookups and uniqueness under the new key only, and the export decrypts.
      for (const p of [people[0]!, people[6]!, fresh]) {
        const again = await t.gql(PROFILE, { input: { idNumber: p.idNumber } }, thief.token);
        expect(again.errors?.[0]?.extensions).toMatchObject({ reason: 'ID_NUMBER_TAKEN' });
      }
      const mine = await t.gql(DOWNLOAD, { format: 'JSON' }, people[3]!.token);
      expect(JSON.parse(Buffer.from(mine.data!.myPersonalData.base64, 'base64').toString()).profile.idNumber).toBe(people[3]!.idNumber);
    } finally {
      await t.close({ keepDatabase: true });
    }

    // The old key retired: the app no longer loads it and every row still reads.
    const retired = await createTestApp({ PERSONAL_DATA_KEY: NEW_KEY, PERSONAL_DATA_KEY_ID: 'p2' }, { database });
    try {
      const mine = await retired.gql(DOWNLOAD, { format: 'JSON' }, people[5]!.token);
      expect(mine.errors).toBeUndefined();
      expect(JSON.parse(Buffer.from(mine.data!.myPersonalData.base64, 'base64').toString()).profile.idNumber).toBe(people[5]!.idNumber);
      // A row left under a key the process lacks makes the job fail (it shows among failed jobs) instead of skipping silently.
      await retired.ds.query(`UPDATE seeker_resume SET id_number_key_id = 'p0' WHERE user_id = $1`, [people[1]!.id]);
      await expect(retired.app.get(PersonalDataRekeyJob).run()).rejects.toThrow(/p0 cannot be read/);
    } finally {
      await retired.close();
    }
  }, 120_000);

  it('refuses an old key that reuses the current key id', async () => {
    const { loadConfig } = await import('../src/config/app-config.js');
    expect(() => loadConfig({ NODE_ENV: 'test', PERSONAL_DATA_KEY_ID: 'p2', PERSONAL_DATA_OLD_KEYS: `p2:${TEST_PERSONAL_DATA_KEY}` })).toThrow(/PERSONAL_DATA_OLD_KEYS/);
    expect(() => loadConfig({ NODE_ENV: 'test', PERSONAL_DATA_OLD_KEYS: 'p0:short' })).toThrow(/PERSONAL_DATA_OLD_KEYS/);
  });
});

describe('a seeker\'s own data', () => {
  let t: TestApp;
  let admin: SignedIn;
  let organizer: SignedIn;
  let person: Awaited<ReturnType<typeof seekerWithId>>;
  let eventId: string;
  let registrationId: string;
  let applicationId: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await signedInAs(t, 'ADMIN');
    organizer = await signedInAs(t, 'ORGANIZER', { regionCode: '371302' });
    person = await seekerWithId(t);
    eventId = await eventAs(t, admin.token, { startsAt: new Date(Date.now() + 72 * HOUR).toISOString(), hours: 3, capacity: 100, isOnline: true, onlineUrl: 'https://live.example.cn/p' });
    const reg = await t.gql(REGISTER, { eventId }, person.token);
    if (reg.errors) throw new Error(JSON.stringify(reg.errors));
    registrationId = reg.data!.registerForEvent.id;
    // A check-in, as the station's scan path writes it.
    const [gate] = await t.ds.query(`INSERT INTO attendance_gate (event_id, name) VALUES ($1, '东门') RETURNING id`, [eventId]);
    await t.ds.query(`INSERT INTO attendance_checkin (event_id, registration_id, gate_id, scan_id, offline, admitted_at) VALUES ($1, $2, $3, $4, false, now())`, [eventId, registrationId, gate.id, randomUUID()]);
    const employerId = await employerRow(t, '371302', 'VERIFIED');
    const [posting] = await t.ds.query(
      `INSERT INTO job_posting (employer_id, title, occupation_code, headcount, education, experience, region_code, description, contact_name, contact_phone, valid_until, status, reviewed_at)
       VALUES ($1, '数控车工', '6.01', 3, '40', 'NONE', '371302', '数控车床操作', '张经理', '13805391234', current_date + 30, 'APPROVED', now()) RETURNING id`,
      [employerId],
    );
    const applied = await t.gql(APPLY, { input: { postingId: posting.id, coverNote: '周末可面试' } }, person.token);
    if (applied.errors) throw new Error(JSON.stringify(applied.errors));
    applicationId = applied.data!.applyToPosting.id;
  }, 60_000);
  afterAll(() => t.close());

  it('downloads profile (ID number in full), registrations, check-ins, applications and coaching as JSON, audited', async () => {
    const res = await t.gql(DOWNLOAD, { format: 'JSON' }, person.token);
    expect(res.errors).toBeUndefined();
    expect(res.data!.myPersonalData).toMatchObject({ contentType: 'application/json', filename: expect.stringMatching(/^my-data-\d{4}-\d{2}-\d{2}\.json$/) });
    const data = JSON.parse(Buffer.from(res.data!.myPersonalData.base64, 'base64').toString());
    expect(data.profile).toMatchObject({ id: person.id, phone: person.phone, realName: '李四民', idNumber: person.idNumber, groups: ['RECENT_GRADUATE'] });
    expect(data.registrations).toEqual([expect.objectContaining({ id: registrationId, status: 'REGISTERED' })]);
    expect(data.checkIns).toEqual([expect.objectContaining({ gate: '东门', offline: false })]);
    expect(data.applications).toEqual([expect.objectContaining({ id: applicationId, posting: '数控车工', coverNote: '周末可面试' })]);
    expect(data.coaching).toEqual([]);
    await jobsSettled(t);
    expect(await auditOf(t, admin, 'personal-data.downloaded', person.id)).toEqual([expect.objectContaining({ resourceType: 'user', details: expect.objectContaining({ format: 'JSON' }) })]);
  });

  it('downloads the same as an Excel workbook with one sheet per part', async () => {
    const res = await t.gql(DOWNLOAD, { format: 'XLSX' }, person.token);
    expect(res.errors).toBeUndefined();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(res.data!.myPersonalData.base64, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['个人资料 profile', '报名 registrations', '签到 check-ins', '求职申请 applications', '创业辅导 coaching']);
    const profile = wb.getWorksheet('个人资料 profile')!;
    const headers = (profile.getRow(1).values as unknown[]).slice(1);
    expect((profile.getRow(2).values as unknown[])[headers.indexOf('idNumber') + 1]).toBe(person.idNumber);
    expect(wb.getWorksheet('签到 check-ins')!.rowCount).toBe(2);
  });

  it('writes every unmasked single view of another person to the audit log (applicant for the employer, mentor for the organizer), not own views', async () => {
    const [row] = await t.ds.query(`SELECT employer_id AS "employerId" FROM job_application WHERE id = $1`, [applicationId]);
    const hr = await signedInAs(t, 'EMPLOYER', { employerId: row.employerId });
    const ONE = `query($id: ID!) { jobApplication(id: $id) { applicant { phone } } }`;
    const seen = await t.gql(ONE, { id: applicationId }, hr.token);
    expect(seen.data!.jobApplication.applicant.phone).toBe(person.phone);
    expect((await t.gql(ONE, { id: applicationId }, person.token)).errors).toBeUndefined();
    const [mentor] = await t.ds.query(
      `INSERT INTO mentor (name, region_code, phone, status, active_from) VALUES ('王导师', '371302', $1, 'ACTIVE', current_date) RETURNING id`,
      [uniquePhone()],
    );
    const m = await t.gql(`query($id: ID!) { mentor(id: $id) { phone } }`, { id: mentor.id }, organizer.token);
    expect(m.data!.mentor.phone).toMatch(/^1\d{10}$/);
    await jobsSettled(t);
    expect(await auditOf(t, admin, 'personal-data.viewed', applicationId)).toEqual([
      expect.objectContaining({ resourceType: 'job_application', details: expect.objectContaining({ fields: ['phone', 'email'] }) }),
    ]);
    expect(await auditOf(t, admin, 'personal-data.viewed', mentor.id)).toEqual([expect.objectContaining({ resourceType: 'mentor' })]);
  });

  it('is only for seekers', async () => {
    const res = await t.gql(DOWNLOAD, {}, organizer.token);
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('deletes the account after the password: personal data gone, signed out, counts kept and unlinkable', async () => {
    const [{ n: regsBefore }] = await t.ds.query(`SELECT count(*)::int AS n FROM event_registration WHERE event_id = $1`, [eventId]);
    const wrong = await t.gql(DELETE, { password: 'not-my-password' }, person.token);
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'WRONG_CURRENT_PASSWORD' });
    const [still] = await t.ds.query(`SELECT deleted_at FROM app_user WHERE id = $1`, [person.id]);
    expect(still.deleted_at).toBeNull();

    // Two confirmations at once: one deletes, the other finds nothing (the row lock orders them).
    const both = await Promise.all([t.gql(DELETE, { password: STRONG_PASSWORD }, person.token), t.gql(DELETE, { password: STRONG_PASSWORD }, person.token)]);
    expect(both.filter((r) => r.data?.deleteMyAccount === true)).toHaveLength(1);

    const [user] = await t.ds.query(`SELECT display_name, email, phone, deleted_at, disabled_at FROM app_user WHERE id = $1`, [person.id]);
    expect(user).toMatchObject({ display_name: '已注销用户', email: null, phone: null, deleted_at: expect.any(Date), disabled_at: expect.any(Date) });
    expect(await t.ds.query(`SELECT 1 FROM seeker_resume WHERE user_id = $1`, [person.id])).toEqual([]);
    const [reg] = await t.ds.query(`SELECT name, phone, status FROM event_registration WHERE id = $1`, [registrationId]);
    expect(reg).toEqual({ name: '已注销用户', phone: null, status: 'REGISTERED' });
    const [app] = await t.ds.query(`SELECT applicant_name, applicant_phone, applicant_email, cover_note, status FROM job_application WHERE id = $1`, [applicationId]);
    expect(app).toEqual({ applicant_name: '已注销用户', applicant_phone: null, applicant_email: null, cover_note: null, status: 'SUBMITTED' });
    // Nothing left names the person: no row holds their phone, ID hash or name.
    const leftovers = await t.ds.query(
      `SELECT (SELECT count(*) FROM app_user WHERE phone = $1)::int + (SELECT count(*) FROM event_registration WHERE phone = $1 OR name = '李四民')::int
            + (SELECT count(*) FROM job_application WHERE applicant_phone = $1 OR applicant_name = '李四民')::int AS n`,
      [person.phone],
    );
    expect(leftovers[0].n).toBe(0);
    // Statistics kept: the registration, the check-in and the application still count.
    const [{ n: regsAfter }] = await t.ds.query(`SELECT count(*)::int AS n FROM event_registration WHERE event_id = $1`, [eventId]);
    expect(regsAfter).toBe(regsBefore);
    expect(await t.ds.query(`SELECT count(*)::int AS n FROM attendance_checkin WHERE registration_id = $1`, [registrationId])).toEqual([{ n: 1 }]);
    expect(await t.ds.query(`SELECT count(*)::int AS n FROM job_application WHERE id = $1`, [applicationId])).toEqual([{ n: 1 }]);
    // The ID number is free again, and the old access token no longer works.
    const other = await signedInAs(t, 'SEEKER');
    expect((await t.gql(PROFILE, { input: { idNumber: person.idNumber } }, other.token)).errors).toBeUndefined();
    const after = await t.gql(`{ me { id } }`, {}, person.token);
    expect(after.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    await jobsSettled(t);
    expect(await auditOf(t, admin, 'account.deleted', person.id)).toEqual([expect.objectContaining({ details: expect.objectContaining({ registrations: 1, applications: 1 }) })]);
  });

  it('stops guessing the password through deletion after 5 tries', async () => {
    const s = await signedInAs(t, 'SEEKER');
    const answers = [];
    for (let i = 0; i < 7; i++) answers.push((await t.gql(DELETE, { password: `guess-${i}` }, s.token)).errors?.[0]?.extensions?.code);
    expect(answers).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT', 'BAD_USER_INPUT', 'BAD_USER_INPUT', 'BAD_USER_INPUT', 'TOO_MANY_REQUESTS', 'TOO_MANY_REQUESTS']);
  });
});
