import { randomUUID } from 'node:crypto';
import { CheckInService } from '../src/modules/attendance/checkin.service.js';
import { SCAN_GRANT_TTL_MS } from '../src/modules/attendance/scan-route.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { createGates, postScans, scanOf, ticketFor, upcomingEvent } from './support/checkin.js';
import { eventAs, signedInAs, type SignedIn } from './support/factories.js';

/**
 * The station's scan route `POST /api/attendance/scans` (docs/attendance.md#the-scan-route): the same rules as
 * `uploadScans` on a lean path — who may scan (door volunteer of that event only, organizers covering it; not a
 * seeker, not anonymous), a removed volunteer refused at once, the same scan id counted once, bad input refused,
 * and concurrent scans micro-batched without mixing their answers.
 */

let t: TestApp;
let admin: SignedIn;
let lanshan: SignedIn;
const upcoming = () => upcomingEvent();
const scan = scanOf;
const post = (body: unknown, token?: string, raw = false) => postScans(t, body, token, { raw });
const ticket = (eventId: string) => ticketFor(t, eventId);
const gate = async (eventId: string, name: string) => (await createGates(t, lanshan.token, eventId, [name]))[0]!;

async function gql<T = any>(query: string, variables: Record<string, unknown>, token: string): Promise<T> {
  const res = await t.gql(query, variables, token);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data as T;
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await signedInAs(t, 'ADMIN');
  lanshan = await signedInAs(t, 'ORGANIZER', { regionCode: '371302' });
}, 60_000);

afterAll(async () => {
  await t?.close();
});

describe('POST /api/attendance/scans', () => {
  let eventId: string;
  let otherId: string;
  let gateA: string;
  let gateB: string;
  let otherGate: string;
  let volunteer: SignedIn;

  beforeAll(async () => {
    eventId = await eventAs(t, admin.token, upcoming());
    otherId = await eventAs(t, admin.token, upcoming());
    gateA = await gate(eventId, '东门');
    gateB = await gate(eventId, '西门');
    otherGate = await gate(otherId, '东门');
    volunteer = await signedInAs(t, 'HOST', { regionCode: '371302' });
    await gql(`mutation($e: ID!, $u: ID!) { assignDoorVolunteer(eventId: $e, userId: $u) { userId } }`, { e: eventId, u: volunteer.id }, lanshan.token);
  });

  it('counts the same scan id uploaded three times once, and answers the original outcome, gate and time', async () => {
    const code = await ticket(eventId);
    const s = scan(gateA, code);
    const first = await post({ eventId, scans: [s] }, volunteer.token);
    expect(first.status).toBe(200);
    expect(first.body.results).toEqual([{ scanId: s.scanId, outcome: 'ADMITTED', registrationId: expect.any(String), displayName: '王*明', original: null }]);
    const second = await post({ eventId, scans: [s] }, volunteer.token);
    const third = await post({ eventId, scans: [s] }, lanshan.token);
    for (const again of [second, third]) {
      expect(again.body.results![0]).toMatchObject({ outcome: 'ALREADY_RECORDED', original: { outcome: 'ADMITTED', gateId: gateA, scannedAt: s.scannedAt } });
    }
    expect(third.body.counts).toMatchObject({ admitted: 1, scans: 1 });
    const [{ scans, checkins }] = await t.ds.query(
      `SELECT (SELECT count(*)::int FROM attendance_scan WHERE scan_id = $1) AS scans, (SELECT count(*)::int FROM attendance_checkin WHERE event_id = $2) AS checkins`,
      [s.scanId, eventId],
    );
    expect([scans, checkins]).toEqual([1, 1]);
    // Another scan of the same ticket at another gate, online: a re-entry.
    expect((await post({ eventId, scans: [scan(gateB, code)] }, volunteer.token)).body.results![0]!.outcome).toBe('REENTRY');
  });

  it('refuses the door volunteer of another event, a seeker and anonymous callers', async () => {
    const code = await ticket(otherId);
    const elsewhere = await post({ eventId: otherId, scans: [scan(otherGate, code)] }, volunteer.token);
    expect([elsewhere.status, elsewhere.body.errors![0]!.extensions.code]).toEqual([403, 'FORBIDDEN']);
    const seeker = await signedInAs(t, 'SEEKER');
    const bySeeker = await post({ eventId: otherId, scans: [scan(otherGate, code)] }, seeker.token);
    expect([bySeeker.status, bySeeker.body.errors![0]!.extensions.code]).toEqual([403, 'FORBIDDEN']);
    const anonymous = await post({ eventId: otherId, scans: [scan(otherGate, code)] });
    expect([anonymous.status, anonymous.body.errors![0]!.extensions.code]).toEqual([401, 'UNAUTHENTICATED']);
    const forged = await post({ eventId: otherId, scans: [scan(otherGate, code)] }, `${lanshan.token.slice(0, -4)}AAAA`);
    expect([forged.status, forged.body.errors![0]!.extensions.reason]).toEqual([401, 'SESSION_EXPIRED']);
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM attendance_scan WHERE event_id = $1`, [otherId]);
    expect(n).toBe(0);
    // A gate of another event is refused as bad input.
    const wrongGate = await post({ eventId, scans: [scan(otherGate, code)] }, volunteer.token);
    expect([wrongGate.status, wrongGate.body.errors![0]!.extensions.reason]).toEqual([400, 'UNKNOWN_GATE']);
    // The ticket of another event at this one.
    expect((await post({ eventId, scans: [scan(gateA, code)] }, volunteer.token)).body.results![0]!.outcome).toBe('WRONG_EVENT');
  });

  it('refuses a door volunteer at once when removed, and a disabled account within the grant time', async () => {
    const code = await ticket(eventId);
    const helper = await signedInAs(t, 'HOST', { regionCode: '371302' });
    await gql(`mutation($e: ID!, $u: ID!) { assignDoorVolunteer(eventId: $e, userId: $u) { userId } }`, { e: eventId, u: helper.id }, lanshan.token);
    expect((await post({ eventId, scans: [scan(gateA, code)] }, helper.token)).status).toBe(200);
    await gql(`mutation($e: ID!, $u: ID!) { removeDoorVolunteer(eventId: $e, userId: $u) { userId } }`, { e: eventId, u: helper.id }, lanshan.token);
    const after = await post({ eventId, scans: [scan(gateA, code)] }, helper.token);
    expect([after.status, after.body.errors![0]!.extensions.code]).toEqual([403, 'FORBIDDEN']);
    // A volunteer removed on ANOTHER instance: this one re-reads the event's volunteers within a second.
    await gql(`mutation($e: ID!, $u: ID!) { assignDoorVolunteer(eventId: $e, userId: $u) { userId } }`, { e: eventId, u: helper.id }, lanshan.token);
    expect((await post({ eventId, scans: [scan(gateA, code)] }, helper.token)).status).toBe(200);
    await t.ds.query(`DELETE FROM attendance_door_volunteer WHERE event_id = $1 AND user_id = $2`, [eventId, helper.id]);
    await new Promise((r) => setTimeout(r, 1100));
    expect((await post({ eventId, scans: [scan(gateA, code)] }, helper.token)).status).toBe(403);
    // A disabled account (the organizer's token was reused a moment ago): refused once the grant expires.
    const organizer = await signedInAs(t, 'ORGANIZER', { regionCode: '371302' });
    expect((await post({ eventId, scans: [scan(gateA, code)] }, organizer.token)).status).toBe(200);
    await t.ds.query(`UPDATE app_user SET disabled_at = now() WHERE id = $1`, [organizer.id]);
    await new Promise((r) => setTimeout(r, SCAN_GRANT_TTL_MS + 100));
    expect((await post({ eventId, scans: [scan(gateA, code)] }, organizer.token)).status).toBe(401);
  });

  it('lists the events a caller may open a station for: door duties, and the events an organizer covers', async () => {
    const q = `{ stationEvents { eventId title doorDuty seriesId } }`;
    const mine = (await gql(q, {}, volunteer.token)).stationEvents as Array<{ eventId: string; doorDuty: boolean }>;
    expect(mine.filter((e) => [eventId, otherId].includes(e.eventId))).toEqual([expect.objectContaining({ eventId, doorDuty: true })]);
    const organizer = (await gql(q, {}, lanshan.token)).stationEvents as Array<{ eventId: string; doorDuty: boolean }>;
    expect(organizer.filter((e) => [eventId, otherId].includes(e.eventId)).map((e) => [e.eventId, e.doorDuty])).toEqual([[eventId, false], [otherId, false]]);
    const feixian = await signedInAs(t, 'ORGANIZER', { regionCode: '371325' });
    expect(((await gql(q, {}, feixian.token)).stationEvents as Array<{ eventId: string }>).some((e) => [eventId, otherId].includes(e.eventId))).toBe(false);
    const seeker = await signedInAs(t, 'SEEKER');
    expect((await t.gql(q, {}, seeker.token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses malformed bodies as bad input', async () => {
    const code = await ticket(eventId);
    const good = scan(gateA, code);
    const cases: Array<[unknown, string]> = [
      [{ eventId: 'nope', scans: [good] }, 'eventId'],
      [{ eventId, scans: [] }, 'scans'],
      [{ eventId, scans: Array.from({ length: 501 }, () => good) }, 'scans'],
      [{ eventId, scans: [{ ...good, scanId: 'x' }] }, 'scans.0.scanId'],
      [{ eventId, scans: [{ ...good, code: undefined }] }, 'scans.0.code'],
      [{ eventId, scans: [{ ...good, registrationId: randomUUID() }] }, 'scans.0.code'],
      [{ eventId, scans: [{ ...good, code: 'x'.repeat(601) }] }, 'scans.0.code'],
      [{ eventId, scans: [{ ...good, code: 'LT1.\u0000' }] }, 'scans.0.code'],
      [{ eventId, scans: [{ ...good, scannedAt: '2026-02-30T10:00:00Z' }] }, 'scans.0.scannedAt'],
      [{ eventId, scans: [{ ...good, offline: 'yes' }] }, 'scans.0.offline'],
      [{ eventId, scans: [7] }, 'scans.0'],
    ];
    for (const [body, field] of cases) {
      const res = await post(body, lanshan.token);
      expect([res.status, res.body.errors![0]!.extensions.code, Object.keys(res.body.errors![0]!.extensions.fields ?? {})]).toEqual([400, 'BAD_USER_INPUT', [field]]);
    }
    const notJson = await post('{"eventId": ', lanshan.token, true);
    expect(notJson.status).toBe(400);
    const huge = await post({ eventId, scans: [good], pad: 'x'.repeat(1024 * 1024) }, lanshan.token);
    expect(huge.status).toBe(413);
    // The app's security headers on this route too.
    const res = await fetch(`${t.baseUrl}/api/attendance/scans`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect([res.status, res.headers.get('x-content-type-options'), res.headers.get('cache-control'), res.headers.get('x-powered-by')]).toEqual([401, 'nosniff', 'no-store', null]);
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM attendance_scan WHERE scan_id = $1`, [good.scanId]);
    expect(n).toBe(0);
  });

  it('sends concurrent scans to PostgreSQL together, each caller getting its own answers', async () => {
    const codes = await Promise.all(Array.from({ length: 12 }, () => ticket(eventId)));
    const checkIn = t.app.get(CheckInService);
    const before = checkIn.batchStats;
    const sent = codes.map((c, i) => scan(i % 2 ? gateA : gateB, c));
    // Two callers send the same scan id at the same moment: recorded once, one ADMITTED and one ALREADY_RECORDED.
    const answers = await Promise.all([...sent.map((s, i) => post({ eventId, scans: [s] }, i % 2 ? volunteer.token : lanshan.token)), post({ eventId, scans: [sent[0]] }, volunteer.token)]);
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    sent.forEach((s, i) => expect(answers[i]!.body.results!.map((r) => r.scanId)).toEqual([s.scanId]));
    const twice = [answers[0]!.body.results![0]!.outcome, answers[12]!.body.results![0]!.outcome].sort();
    expect(twice).toEqual(['ADMITTED', 'ALREADY_RECORDED']);
    expect(answers.slice(1, 12).every((a) => a.body.results![0]!.outcome === 'ADMITTED')).toBe(true);
    const after = checkIn.batchStats;
    expect(after.items - before.items).toBe(13);
    expect(after.batches - before.batches).toBeLessThan(13);
    const rows = await t.ds.query(`SELECT scanned_by FROM attendance_scan WHERE scan_id = ANY($1::uuid[]) ORDER BY scanned_by`, [sent.map((s) => s.scanId)]);
    expect(new Set(rows.map((r: { scanned_by: string }) => r.scanned_by))).toEqual(new Set([volunteer.id, lanshan.id]));
    const [{ dup }] = await t.ds.query(`SELECT count(*)::int AS dup FROM (SELECT registration_id FROM attendance_checkin WHERE event_id = $1 GROUP BY 1 HAVING count(*) > 1) d`, [eventId]);
    expect(dup).toBe(0);
  });
});
