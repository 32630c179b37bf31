import { randomUUID } from 'node:crypto';
import { base64UrlDecode, base64UrlEncode, signTicket, utf8Decode, utf8Encode, verifyTicket } from '@leye/domain';
import { JobQueue } from '../src/common/jobs/job-queue.service.js';
import { Measures } from '../src/common/measures/measures.js';
import { FairOutcomesService } from '../src/modules/attendance/fair-outcomes.service.js';
import { PROMOTE_WAITLIST_QUEUE } from '../src/modules/attendance/registrations.service.js';
import { createGates, scanOf, upcomingEvent } from './support/checkin.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { eventAs, signedInAs, uniquePhone, type SignedIn } from './support/factories.js';
import { eventually, jobsSettled } from './support/jobs.js';

/**
 * Attendance against the real app and PostgreSQL (docs/attendance.md): registration with capacity and
 * waitlist, signed tickets, the station's scan upload (idempotent, forged tickets refused, offline
 * conflicts), door volunteers, masking and the unmasked export.
 */

let t: TestApp;
let admin: SignedIn;
let lanshan: SignedIn;
const upcoming = upcomingEvent;

const REGISTER = `mutation($eventId: ID, $seriesId: ID) { registerForEvent(eventId: $eventId, seriesId: $seriesId) { id status eventId seriesId ticketCode waitlistPosition title } }`;
const CANCEL = `mutation($id: ID!) { cancelRegistration(registrationId: $id) { id status } }`;
const STATION = `query($eventId: ID!) { checkInStation(eventId: $eventId) { eventId title publicKeys { keyId publicKey } gates { id name }
  registrations { registrationId displayName phoneLast4 status admitted } counts { admitted reentries conflicts scans } } }`;
const UPLOAD = `mutation($eventId: ID!, $scans: [ScanInput!]!) { uploadScans(eventId: $eventId, scans: $scans) {
  results { scanId outcome registrationId displayName } counts { admitted reentries conflicts scans } } }`;
const PROFILE = `mutation($input: SeekerProfileInput!) { updateMySeekerProfile(input: $input) { realName mobile idNumberMasked groups graduationYear } }`;

async function seeker(name = '张三华'): Promise<SignedIn & { phone: string }> {
  const s = await signedInAs(t, 'SEEKER');
  const phone = uniquePhone();
  const res = await t.gql(PROFILE, { input: { realName: name, mobile: phone, groups: ['RECENT_GRADUATE'] } }, s.token);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return { ...s, phone };
}

async function register(token: string, eventId: string) {
  const res = await t.gql(REGISTER, { eventId }, token);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!.registerForEvent as { id: string; status: string; ticketCode: string | null; waitlistPosition: number | null };
}

const gates = (eventId: string, names: string[]) => createGates(t, lanshan.token, eventId, names);
const scan = scanOf;

async function upload(eventId: string, scans: unknown[], token = lanshan.token) {
  const res = await t.gql(UPLOAD, { eventId, scans }, token);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!.uploadScans as { results: Array<{ scanId: string; outcome: string; registrationId: string | null; displayName: string | null }>; counts: Record<string, number> };
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await signedInAs(t, 'ADMIN');
  lanshan = await signedInAs(t, 'ORGANIZER', { regionCode: '371302' });
}, 60_000);

afterAll(async () => {
  await t?.close();
});

describe('tickets and the station', () => {
  let eventId: string;
  let gateA: string;
  let gateB: string;
  let person: Awaited<ReturnType<typeof seeker>>;
  let code: string;

  beforeAll(async () => {
    eventId = await eventAs(t, admin.token, upcoming());
    [gateA, gateB] = await gates(eventId, ['东门', '西门']);
    person = await seeker();
    code = (await register(person.token, eventId)).ticketCode!;
  });

  it('issues a ticket that verifies with the published public key only', async () => {
    const res = await t.gql(STATION, { eventId }, lanshan.token);
    expect(res.errors).toBeUndefined();
    const station = res.data!.checkInStation;
    const keys = Object.fromEntries(station.publicKeys.map((k: { keyId: string; publicKey: string }) => [k.keyId, base64UrlDecode(k.publicKey)]));
    const check = verifyTicket(code, keys);
    expect(check.ok && check.payload.e).toBe(eventId);
    expect(station.gates.map((g: { name: string }) => g.name)).toEqual(['东门', '西门']);
    // The station's list is masked: name as 张*华, phone as its last four digits.
    expect(station.registrations).toEqual([{ registrationId: expect.any(String), displayName: '张*华', phoneLast4: person.phone.slice(-4), status: 'REGISTERED', admitted: false }]);
  });

  it('records the same scan uploaded three times once', async () => {
    const s = scan(gateA, code);
    const first = await upload(eventId, [s]);
    const second = await upload(eventId, [s]);
    const third = await upload(eventId, [s, s]);
    expect(first.results[0]!.outcome).toBe('ADMITTED');
    expect(first.results[0]!.displayName).toBe('张*华');
    expect([second.results[0]!.outcome, ...third.results.map((r) => r.outcome)]).toEqual(['ALREADY_RECORDED', 'ALREADY_RECORDED', 'ALREADY_RECORDED']);
    expect(third.counts).toMatchObject({ admitted: 1, scans: 1 });
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM attendance_scan WHERE scan_id = $1`, [s.scanId]);
    expect(n).toBe(1);
    // A later scan of the same ticket is a re-entry: recorded, not counted again.
    const again = await upload(eventId, [scan(gateA, code)]);
    expect(again.results[0]!.outcome).toBe('REENTRY');
    expect(again.counts).toMatchObject({ admitted: 1, reentries: 1, scans: 2 });
  });

  it('refuses forged and altered tickets', async () => {
    const [prefix, body, sig] = code.split('.') as [string, string, string];
    const payload = JSON.parse(utf8Decode(base64UrlDecode(body)));
    const other = await seeker('李四');
    const otherReg = await register(other.token, eventId);
    const altered = `${prefix}.${base64UrlEncode(utf8Encode(JSON.stringify({ ...payload, r: otherReg.id })))}.${sig}`;
    const forged = signTicket({ ...payload, r: otherReg.id }, new Uint8Array(32).fill(3));
    const flipped = `${prefix}.${body}.${sig.slice(0, 5)}${sig[5] === 'A' ? 'B' : 'A'}${sig.slice(6)}`;
    const res = await upload(eventId, [scan(gateA, altered), scan(gateA, forged), scan(gateA, flipped), scan(gateA, 'LT1.garbage'), scan(gateA, 'hello')]);
    expect(res.results.map((r) => r.outcome)).toEqual(['INVALID_TICKET', 'INVALID_TICKET', 'INVALID_TICKET', 'INVALID_TICKET', 'INVALID_TICKET']);
    expect(res.results.every((r) => r.registrationId === null)).toBe(true);
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM attendance_checkin WHERE registration_id = $1`, [otherReg.id]);
    expect(n).toBe(0);
  });

  it('reports a ticket of another event as WRONG_EVENT', async () => {
    const otherEvent = await eventAs(t, admin.token, upcoming());
    const p = await seeker('王五');
    const other = await register(p.token, otherEvent);
    const res = await upload(eventId, [scan(gateA, other.ticketCode!)]);
    expect(res.results[0]!.outcome).toBe('WRONG_EVENT');
  });

  it('turns one ticket scanned at two gates while offline into one check-in and one conflict', async () => {
    const p = await seeker('赵六');
    const reg = await register(p.token, eventId);
    const at = new Date(Date.now() - 10 * 60_000);
    // Both stations were offline; each uploads its queue when the network returns.
    const a = await upload(eventId, [scan(gateA, reg.ticketCode!, { offline: true, at })]);
    const b = await upload(eventId, [scan(gateB, reg.ticketCode!, { offline: true, at: new Date(at.getTime() + 90_000) })]);
    expect(a.results[0]!.outcome).toBe('ADMITTED');
    expect(b.results[0]!.outcome).toBe('CONFLICT');
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM attendance_checkin WHERE registration_id = $1`, [reg.id]);
    expect(n).toBe(1);
    const conflicts = await t.gql(`query($eventId: ID!) { attendanceConflicts(eventId: $eventId) { registrationId displayName gateName firstGateName } }`, { eventId }, lanshan.token);
    expect(conflicts.data!.attendanceConflicts).toEqual([{ registrationId: reg.id, displayName: '赵*', gateName: '西门', firstGateName: '东门' }]);
  });
});

describe('registration', () => {
  it('holds capacity under a race for the last seats and promotes the waitlist on cancel (job queue)', async () => {
    const eventId = await eventAs(t, admin.token, upcoming(5));
    const people = await Promise.all(Array.from({ length: 24 }, () => signedInAs(t, 'SEEKER')));
    const answers = await Promise.all(people.map((p) => register(p.token, eventId)));
    const registered = answers.filter((a) => a.status === 'REGISTERED');
    expect(registered).toHaveLength(5);
    expect(answers.filter((a) => a.status === 'WAITLISTED')).toHaveLength(19);
    expect(answers.filter((a) => a.status === 'WAITLISTED').map((a) => a.waitlistPosition).sort((a, b) => a! - b!)).toEqual(Array.from({ length: 19 }, (_, i) => i + 1));
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM event_registration WHERE event_id = $1 AND status = 'REGISTERED'`, [eventId]);
    expect(n).toBe(5);
    const count = await t.gql(`query($id: ID!) { event(id: $id) { registeredCount } }`, { id: eventId });
    expect(count.data!.event.registeredCount).toBe(5);
    // Registering twice is impossible.
    const twice = await t.gql(REGISTER, { eventId }, people[0]!.token);
    expect(twice.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_REGISTERED' });
    // A cancelled seat goes to the first on the waitlist, through the queue.
    const leaving = people[answers.indexOf(registered[0]!)]!;
    const cancelled = await t.gql(CANCEL, { id: registered[0]!.id }, leaving.token);
    expect(cancelled.data!.cancelRegistration.status).toBe('CANCELLED');
    const [first] = await t.ds.query(`SELECT id FROM event_registration WHERE event_id = $1 AND status = 'WAITLISTED' ORDER BY waitlisted_at, id LIMIT 1`, [eventId]);
    await t.app.get(JobQueue).runNow(PROMOTE_WAITLIST_QUEUE, { targetId: eventId });
    await eventually(async () => {
      const [row] = await t.ds.query(`SELECT status FROM event_registration WHERE id = $1`, [first.id]);
      expect(row.status).toBe('REGISTERED');
    });
    const [{ m }] = await t.ds.query(`SELECT count(*)::int AS m FROM event_registration WHERE event_id = $1 AND status = 'REGISTERED'`, [eventId]);
    expect(m).toBe(5);
    // The held counts agree with the rows (the promotion moved one seat, not two).
    const [held] = await t.ds.query(`SELECT registered, waitlisted FROM registration_count WHERE target_id = $1`, [eventId]);
    expect(held).toEqual({ registered: 5, waitlisted: 18 });
    // The seeker moved up is told in the app (outbox subscriber), once; the others still waiting are not.
    const promoted = people[answers.findIndex((a) => a.id === first.id)]!;
    const LIST = `{ notifications { items { kind title link } } }`;
    await jobsSettled(t, 60_000);
    await eventually(async () => {
      const mine = (await t.gql(LIST, {}, promoted.token)).data!.notifications.items;
      expect(mine).toEqual([{ kind: 'WAITLIST_PROMOTED', title: '候补成功，您已获得名额', link: '/seeker/registrations' }]);
    });
    await t.app.get(JobQueue).runNow(PROMOTE_WAITLIST_QUEUE, { targetId: eventId });
    const still = people[answers.findIndex((a) => a.status === 'WAITLISTED' && a.id !== first.id)]!;
    expect((await t.gql(LIST, {}, still.token)).data!.notifications.items).toEqual([]);
    expect((await t.gql(LIST, {}, promoted.token)).data!.notifications.items).toHaveLength(1);
  });

  it('closes at the registration cutoff', async () => {
    const eventId = await eventAs(t, admin.token, upcoming());
    await t.ds.query(`UPDATE event SET registration_closes_at = now() - interval '1 minute' WHERE id = $1`, [eventId]);
    const p = await signedInAs(t, 'SEEKER');
    const res = await t.gql(REGISTER, { eventId }, p.token);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'REGISTRATION_CLOSED' });
  });

  it('keeps tickets to their seeker', async () => {
    const eventId = await eventAs(t, admin.token, upcoming());
    const owner = await seeker();
    const stranger = await seeker('钱七');
    const reg = await register(owner.token, eventId);
    const IMAGE = `query($id: ID!, $f: TicketImageFormat!) { myTicketImage(registrationId: $id, format: $f) { code contentType data } }`;
    const own = await t.gql(IMAGE, { id: reg.id, f: 'SVG' }, owner.token);
    expect(own.data!.myTicketImage).toMatchObject({ code: reg.ticketCode, contentType: 'image/svg+xml' });
    expect(own.data!.myTicketImage.data).toMatch(/^<svg/);
    const png = await t.gql(IMAGE, { id: reg.id, f: 'PNG' }, owner.token);
    expect(Buffer.from(png.data!.myTicketImage.data, 'base64').subarray(1, 4).toString()).toBe('PNG');
    const other = await t.gql(IMAGE, { id: reg.id, f: 'SVG' }, stranger.token);
    expect(other.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const mine = await t.gql(`{ myRegistrations { id ticketCode } }`, {}, stranger.token);
    expect(mine.data!.myRegistrations).toEqual([]);
  });

  it('validates and encrypts the resident ID number, shown masked', async () => {
    const s = await signedInAs(t, 'SEEKER');
    const bad = await t.gql(PROFILE, { input: { idNumber: '371302199001011235' } }, s.token);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { idNumber: 'INVALID_ID_NUMBER' } });
    const badPhone = await t.gql(PROFILE, { input: { mobile: '12345' } }, s.token);
    expect(badPhone.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const ok = await t.gql(PROFILE, { input: { idNumber: '11010519491231002X', graduationYear: 2025 } }, s.token);
    expect(ok.data!.updateMySeekerProfile).toMatchObject({ idNumberMasked: '1101**********002X', graduationYear: 2025 });
    const [row] = await t.ds.query(`SELECT id_number_cipher, id_number_key_id, id_number_hmac FROM seeker_resume WHERE user_id = $1`, [s.id]);
    expect(row.id_number_cipher).not.toContain('11010519491231002X');
    expect(row.id_number_key_id).toBe('p1');
    expect(row.id_number_hmac).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const twin = await signedInAs(t, 'SEEKER');
    const taken = await t.gql(PROFILE, { input: { idNumber: '11010519491231002x' } }, twin.token);
    expect(taken.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ID_NUMBER_TAKEN' });
  });
});

describe('quota measures per event', () => {
  it('answers attendance.unique and attendance.participations for many events in one query', async () => {
    const ids = [await eventAs(t, admin.token, upcoming()), await eventAs(t, admin.token, upcoming()), await eventAs(t, admin.token, upcoming())];
    const [gate] = await gates(ids[0]!, ['东门']);
    const [gate2] = await gates(ids[1]!, ['东门']);
    const a = await seeker();
    const b = await seeker();
    const ta = (await register(a.token, ids[0]!)).ticketCode!;
    const tb = (await register(b.token, ids[0]!)).ticketCode!;
    const ta2 = (await register(a.token, ids[1]!)).ticketCode!;
    await upload(ids[0]!, [scan(gate!, ta), scan(gate!, tb), scan(gate!, ta)]);
    await upload(ids[1]!, [scan(gate2!, ta2)]);
    let queries = 0;
    const counted = { query: (sql: string, params?: unknown[]) => (queries++, t.ds.manager.query(sql, params)) } as unknown as import('typeorm').EntityManager;
    const measures = t.app.get(Measures);
    const unique = await measures.perEvent('attendance.unique', [...ids, randomUUID()], {}, counted);
    const participations = await measures.perEvent('attendance.participations', ids, {}, counted);
    expect(queries).toBe(2);
    expect([unique.get(ids[0]!), unique.get(ids[1]!), unique.get(ids[2]!) ?? 0]).toEqual([2, 1, 0]);
    expect([participations.get(ids[0]!), participations.get(ids[1]!)]).toEqual([2, 1]);
    // The measure's filters apply: no event of another type.
    expect((await measures.perEvent('attendance.unique', ids, { types: ['TRAINING'] })).size).toBe(0);
  });
});

describe('door volunteers, masking, export', () => {
  it('lets a door volunteer scan at its own event only', async () => {
    const own = await eventAs(t, admin.token, upcoming());
    const other = await eventAs(t, admin.token, upcoming());
    const [gate] = await gates(own, ['南门']);
    const [otherGate] = await gates(other, ['南门']);
    const volunteer = await signedInAs(t, 'HOST', { regionCode: '371302' });
    const assign = await t.gql(`mutation($e: ID!, $u: ID!) { assignDoorVolunteer(eventId: $e, userId: $u) { userId } }`, { e: own, u: volunteer.id }, lanshan.token);
    expect(assign.data!.assignDoorVolunteer).toEqual([{ userId: volunteer.id }]);
    const p = await seeker();
    const reg = await register(p.token, own);
    expect((await upload(own, [scan(gate!, reg.ticketCode!)], volunteer.token)).results[0]!.outcome).toBe('ADMITTED');
    const elsewhere = await t.gql(UPLOAD, { eventId: other, scans: [scan(otherGate!, reg.ticketCode!)] }, volunteer.token);
    expect(elsewhere.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // Door duty is only the station: no figures, no list, no export.
    const figures = await t.gql(`query($e: ID!) { attendanceFigures(eventId: $e) { counts { admitted } } }`, { e: own }, volunteer.token);
    expect(figures.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // Walk-ins at the gate.
    const walkIn = await t.gql(
      `mutation($e: ID!, $g: ID!, $i: WalkInInput!) { registerWalkIn(eventId: $e, gateId: $g, input: $i) { registrationId ticketCode outcome } }`,
      { e: own, g: gate, i: { name: '孙八', phone: uniquePhone(), group: 'VETERAN' } },
      volunteer.token,
    );
    expect(walkIn.data!.registerWalkIn.outcome).toBe('ADMITTED');
  });

  it('masks phone and ID in every list and refuses an unmasked export without the permission (audited when allowed)', async () => {
    const eventId = await eventAs(t, admin.token, upcoming());
    const p = await seeker('周九');
    expect((await t.gql(PROFILE, { input: { idNumber: '37130219900307123X' } }, p.token)).errors).toBeUndefined();
    await register(p.token, eventId);
    const list = await t.gql(
      `query($e: ID!) { attendanceRegistrations(eventId: $e, take: 10, skip: 0) { total items { name phone idNumber status } } }`,
      { e: eventId },
      lanshan.token,
    );
    expect(list.data!.attendanceRegistrations.items).toEqual([
      { name: '周九', phone: `${p.phone.slice(0, 3)}****${p.phone.slice(-4)}`, idNumber: '3713**********123X', status: 'REGISTERED' },
    ]);
    const EXPORT = `query($e: ID!, $u: Boolean!) { attendanceExport(eventId: $e, unmasked: $u) { filename base64 } }`;
    const masked = await t.gql(EXPORT, { e: eventId, u: false }, lanshan.token);
    expect(masked.errors).toBeUndefined();
    const county = await t.gql(EXPORT, { e: eventId, u: true }, lanshan.token);
    expect(county.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const full = await t.gql(EXPORT, { e: eventId, u: true }, admin.token);
    expect(full.errors).toBeUndefined();
    const ExcelJS = (await import('exceljs')).default;
    const read = async (b64: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(b64, 'base64') as unknown as ArrayBuffer);
      const row = wb.worksheets[0]!.getRow(2);
      return { phone: row.getCell(3).value, id: row.getCell(4).value };
    };
    expect(await read(masked.data!.attendanceExport.base64)).toEqual({ phone: `${p.phone.slice(0, 3)}****${p.phone.slice(-4)}`, id: '3713**********123X' });
    expect(await read(full.data!.attendanceExport.base64)).toEqual({ phone: p.phone, id: '37130219900307123X' });
    await eventually(async () => {
      const rows = await t.ds.query(`SELECT actor_id FROM audit_log WHERE action = 'attendance.exported-unmasked' AND resource_id = $1`, [eventId]);
      expect(rows).toEqual([{ actor_id: admin.id }]);
    });
  });
});

describe('classes, employers, figures, measures, live counts', () => {
  it('registers for a class once and counts each session attended as one participation', async () => {
    const pattern = { kind: 'RRULE', rrule: 'FREQ=WEEKLY;COUNT=3', startDate: new Date(Date.now() + 3 * 86400_000).toISOString().slice(0, 10), startTime: '19:00', durationMinutes: 120, holidayPolicy: 'KEEP' };
    const created = await t.gql(`mutation($input: CreateEventSeriesInput!) { createEventSeries(input: $input) { id } }`, {
      input: { title: '社区夜校·电商直播课', type: 'TRAINING', subtype: 'NIGHT_SCHOOL', regionCode: '371302', capacity: 30, isOnline: true, onlineUrl: 'https://live.example.cn/c', pattern },
    }, admin.token);
    expect(created.errors).toBeUndefined();
    const seriesId = created.data!.createEventSeries.id;
    const sessions: Array<{ id: string }> = await t.ds.query(`SELECT id FROM event WHERE series_id = $1 ORDER BY starts_at`, [seriesId]);
    await t.ds.query(`UPDATE event SET status = 'PUBLISHED', published_at = coalesce(published_at, now()) WHERE series_id = $1`, [seriesId]);
    const p = await seeker('吴同学');
    const session = await t.gql(REGISTER, { eventId: sessions[0]!.id }, p.token);
    expect(session.errors?.[0]?.extensions?.reason).toBe('CLASS_REGISTRATION_REQUIRED');
    const reg = await t.gql(REGISTER, { seriesId }, p.token);
    expect(reg.data!.registerForEvent).toMatchObject({ status: 'REGISTERED', seriesId });
    const code = reg.data!.registerForEvent.ticketCode;
    const counts = await t.gql(`query($id: ID!) { event(id: $id) { registeredCount } }`, { id: sessions[1]!.id });
    expect(counts.data!.event.registeredCount).toBe(1);
    for (const s of sessions.slice(0, 2)) {
      const [g] = await gates(s.id, ['教室门']);
      expect((await upload(s.id, [scan(g!, code)])).results[0]!.outcome).toBe('ADMITTED');
      expect((await upload(s.id, [scan(g!, code)])).results[0]!.outcome).toBe('REENTRY');
    }
    const measures = t.app.get(Measures);
    const scope = { from: new Date(Date.now() - 86400_000), to: new Date(Date.now() + 60 * 86400_000), regionCodes: ['371302'], params: { types: ['TRAINING'] } };
    expect((await measures.evaluate('attendance.participations', scope)).total).toBe(2);
    expect((await measures.evaluate('attendance.unique', scope)).total).toBe(1);
    expect((await measures.eventIds('attendance.participations', scope)).sort()).toEqual(sessions.slice(0, 2).map((s) => s.id).sort());
    const mine = await t.gql(`{ myRegistrations { seriesId attendedSessions } }`, {}, p.token);
    expect(mine.data!.myRegistrations).toEqual([{ seriesId, attendedSessions: 2 }]);
  });

  it('checks exhibitors in, marks the others no-show after the fair, and reports the fair figures', async () => {
    const eventId = await eventAs(t, admin.token, upcoming());
    const [gate] = await gates(eventId, ['主入口']);
    const employers: string[] = [];
    for (let i = 0; i < 2; i++) {
      const [e] = await t.ds.query(
        `INSERT INTO employer (name, credit_code, region_code, status, reviewed_at) VALUES ($1, $2, '371302', 'VERIFIED', now()) RETURNING id`,
        [`临沂签到测试企业${i}${randomUUID().slice(0, 4)}有限公司`, `91371302${randomUUID().replace(/-/g, '').slice(0, 9).toUpperCase()}X`],
      );
      employers.push(e.id);
      await t.ds.query(
        `INSERT INTO job_posting (employer_id, title, occupation_code, headcount, education, experience, region_code, description, contact_name, contact_phone, valid_until, status, reviewed_at)
         VALUES ($1, '操作工', '6.01', $2, 'NONE', 'NONE', '371302', '测试', '张', '13800001111', (now() + interval '30 days')::date, 'APPROVED', now())`,
        [e.id, 10 + i],
      );
    }
    const bookings: string[] = [];
    for (const employerId of employers) {
      const [b] = await t.ds.query(`INSERT INTO booth_booking (event_id, employer_id, status) VALUES ($1, $2, 'CONFIRMED') RETURNING id`, [eventId, employerId]);
      bookings.push(b.id);
    }
    const CHECK_IN = `mutation($id: ID!) { checkInBooking(bookingId: $id) { checkedInAt noShow } }`;
    expect((await t.gql(CHECK_IN, { id: bookings[0] }, lanshan.token)).data!.checkInBooking.checkedInAt).toBeTruthy();
    const p1 = await seeker('郑一');
    const p2 = await seeker('冯二');
    await upload(eventId, [scan(gate!, (await register(p1.token, eventId)).ticketCode!), scan(gate!, (await register(p2.token, eventId)).ticketCode!)]);
    // The fair ends and is completed: the booking never checked in becomes a no-show.
    await t.ds.query(`UPDATE event SET starts_at = now() - interval '5 hours', ends_at = now() - interval '1 hour', status = 'COMPLETED' WHERE id = $1`, [eventId]);
    expect(await t.app.get(FairOutcomesService).markNoShows([eventId])).toBe(1);
    expect(await t.app.get(FairOutcomesService).markNoShows([eventId])).toBe(0);
    const OUTCOME = `mutation($id: ID!) { recordFairOutcome(bookingId: $id, input: { resumesReceived: 30, interviews: 12, hiringIntents: 4 }) { hiringIntents } }`;
    expect((await t.gql(OUTCOME, { id: bookings[0] }, lanshan.token)).data!.recordFairOutcome.hiringIntents).toBe(4);
    const FIGURES = `query($e: ID!) { attendanceFigures(eventId: $e) { final seekersAdmitted participations employersPresent positionsOffered intentsReached
      byGate { key admitted } byGroup { key admitted } byHour { key admitted } } }`;
    const figures = (await t.gql(FIGURES, { e: eventId }, lanshan.token)).data!.attendanceFigures;
    expect(figures).toMatchObject({ final: true, seekersAdmitted: 2, participations: 2, employersPresent: 1, positionsOffered: 10, intentsReached: 4 });
    expect(figures.byGate).toEqual([{ key: '主入口', admitted: 2 }]);
    expect(figures.byGroup).toEqual([{ key: 'RECENT_GRADUATE', admitted: 2 }]);
    expect(figures.byHour.reduce((s: number, h: { admitted: number }) => s + h.admitted, 0)).toBe(2);
    const booths = await t.gql(`query($e: ID!) { fairBoothAttendance(eventId: $e) { bookingId noShow checkedInAt } }`, { e: eventId }, lanshan.token);
    expect(booths.data!.fairBoothAttendance.find((b: { bookingId: string }) => b.bookingId === bookings[1]).noShow).toBe(true);
  });

  it('pushes live counts to the event room over socket.io (station staff only)', async () => {
    const eventId = await eventAs(t, admin.token, upcoming());
    const [gate] = await gates(eventId, ['北门']);
    const p = await seeker('褚三');
    const reg = await register(p.token, eventId);
    const organizerSocket = await t.socket(lanshan.token);
    const seekerSocket = await t.socket(p.token);
    const join = (s: Awaited<ReturnType<TestApp['socket']>>) => new Promise<{ ok: boolean; reason?: string }>((r) => s.emit('attendance:join', { eventId }, r));
    expect(await join(organizerSocket)).toEqual({ ok: true });
    expect(await join(seekerSocket)).toEqual({ ok: false, reason: 'NOT_ALLOWED' });
    const heard = new Promise<Record<string, unknown>>((r) => organizerSocket.once('attendance:counts', r));
    await upload(eventId, [scan(gate!, reg.ticketCode!)]);
    expect(await heard).toEqual({ eventId, admitted: 1, reentries: 0, conflicts: 0, scans: 1 });
  });

  it('treats a walk-in with a registered phone as that person (counted once)', async () => {
    const eventId = await eventAs(t, admin.token, upcoming());
    const [gate] = await gates(eventId, ['侧门']);
    const p = await seeker('卫四');
    await register(p.token, eventId);
    const WALK_IN = `mutation($e: ID!, $g: ID!, $i: WalkInInput!) { registerWalkIn(eventId: $e, gateId: $g, input: $i) { registrationId outcome } }`;
    const first = await t.gql(WALK_IN, { e: eventId, g: gate, i: { name: '卫四', phone: p.phone } }, lanshan.token);
    const again = await t.gql(WALK_IN, { e: eventId, g: gate, i: { name: '卫四', phone: p.phone } }, lanshan.token);
    expect([first.data!.registerWalkIn.outcome, again.data!.registerWalkIn.outcome]).toEqual(['ADMITTED', 'REENTRY']);
    const counts = await t.gql(`query($e: ID!) { attendanceCounts(eventId: $e) { admitted reentries } }`, { e: eventId }, lanshan.token);
    expect(counts.data!.attendanceCounts).toEqual({ admitted: 1, reentries: 1 });
  });
});

describe('quota measures at scale', () => {
  it('answers attendance.unique over 1,000 fairs with 1,000,000 check-ins counted from one counter row per fair (median under 50 ms)', async () => {
    const [org] = await t.ds.query(`SELECT id FROM app_user WHERE role = 'ADMIN' LIMIT 1`);
    const events: Array<{ id: string }> = await t.ds.query(
      `INSERT INTO event (title, description, type, subtype, region_code, is_online, online_url, capacity, starts_at, ends_at, status, published_at, created_by)
       SELECT '规模测试招聘会' || i, '测试', 'JOB_FAIR', 'GENERAL', CASE WHEN i % 2 = 0 THEN '371302' ELSE '371325' END, true, 'https://live.example.cn/m', 5000,
              timestamptz '2030-01-01 01:00+00' + make_interval(hours => i * 7), timestamptz '2030-01-01 04:00+00' + make_interval(hours => i * 7), 'COMPLETED', now(), $1
         FROM generate_series(1, 1000) i RETURNING id`,
      [org.id],
    );
    // 1,000 check-ins per fair, as the scan function leaves them: spread over the 8 counter shards.
    await t.ds.query(
      `INSERT INTO event_attendance (event_id, shard, admitted, first_admitted, scans) SELECT e, s, 125, 125, 125 FROM unnest($1::uuid[]) e, generate_series(0, 7) s`,
      [events.map((e) => e.id)],
    );
    // Completed: the lifecycle's subscriber folds each fair's shards into one row (the figures stay the same).
    await t.app.get(FairOutcomesService).compactCounters(events.map((e) => e.id));
    const [{ rows }] = await t.ds.query(`SELECT count(*)::int AS rows FROM event_attendance WHERE event_id = ANY($1::uuid[])`, [events.map((e) => e.id)]);
    expect(rows).toBe(1000);
    await t.ds.query(`ANALYZE event`);
    await t.ds.query(`ANALYZE event_attendance`);
    const measures = t.app.get(Measures);
    const scope = { from: new Date('2030-01-01T00:00:00Z'), to: new Date('2031-01-01T00:00:00Z'), regionCodes: ['371300', '371302', '371325'], params: { types: ['JOB_FAIR'] } };
    const first = await measures.evaluate('attendance.unique', scope);
    expect(first.total).toBe(1_000_000);
    expect(first.byRegion).toEqual([{ regionCode: '371302', value: 500_000 }, { regionCode: '371325', value: 500_000 }]);
    expect(first.byMonth.reduce((s, m) => s + m.value, 0)).toBe(1_000_000);
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const a = performance.now();
      await measures.evaluate('attendance.participations', scope);
      times.push(performance.now() - a);
    }
    times.sort((x, y) => x - y);
    console.log(`attendance.participations over 1,000 fairs: median ${times[10]!.toFixed(1)} ms, max ${times[19]!.toFixed(1)} ms`);
    expect(times[10]).toBeLessThan(50);
  });
});
