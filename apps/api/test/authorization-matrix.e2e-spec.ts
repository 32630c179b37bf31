import ExcelJS from 'exceljs';
import { randomBytes, randomUUID } from 'node:crypto';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { RequestMethod } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { createTestApp, type TestApp } from './support/test-app.js';
import {
  CREATE_EVENT,
  STRONG_PASSWORD,
  createVenue,
  employerRow,
  eventAs,
  eventInput,
  registerEmployer,
  signedInAs,
  uniqueEmail,
  validCreditCode,
} from './support/factories.js';

/**
 * The authorization matrix: every query and mutation of the schema, called as each kind of caller,
 * with the exact outcome the permission table gives. A new operation without a row fails the first
 * test, so nothing reaches the schema unexamined. Records belong to 兰山区 (371302) and to the
 * "own" employer; "another county" is 费县 (371325).
 */

const PERSONAS = ['anonymous', 'seeker', 'employerOwn', 'employerOther', 'mentor', 'host', 'countyOwn', 'countyOther', 'city', 'admin'] as const;
type Persona = (typeof PERSONAS)[number];
/** BAD_USER_INPUT and CONFLICT: rows whose callers all pass the permission check and then meet the record's state or a wrong secret. */
type Outcome = 'OK' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_USER_INPUT' | 'CONFLICT';
type Outcomes = Record<Persona, Outcome>;

const SIGNED_IN = PERSONAS.filter((p) => p !== 'anonymous');
const STAFF: Persona[] = ['countyOwn', 'countyOther', 'city', 'admin'];
/** Who covers 兰山区: its own organizer, the city organizer and the admin. */
const LANSHAN: Persona[] = ['countyOwn', 'city', 'admin'];

/** `allowed` get OK; every other signed-in caller `denied`; the anonymous caller UNAUTHENTICATED (unless allowed). */
function outcomes(allowed: readonly Persona[], denied: Outcome = 'FORBIDDEN', overrides: Partial<Outcomes> = {}): Outcomes {
  const out = Object.fromEntries(PERSONAS.map((p) => [p, allowed.includes(p) ? 'OK' : p === 'anonymous' ? 'UNAUTHENTICATED' : denied])) as Outcomes;
  return { ...out, ...overrides };
}
const everyone = () => outcomes(PERSONAS);
const signedIn = () => outcomes(SIGNED_IN);

interface Row {
  /** The schema field this row calls. */
  op: string;
  /** Several rows may call one operation in different situations (e.g. a hole that was closed). */
  scenario?: string;
  query: string;
  /** Variables for one call; `ok` says whether the call is expected to succeed (then it gets fresh data where it changes state). */
  vars?: (p: Persona, ok: boolean) => Promise<Record<string, unknown>> | Record<string, unknown>;
  expect: Outcomes;
}

interface World {
  tokens: Record<Persona, string | undefined>;
  ids: Record<Persona, string | undefined>;
  ownEmployerId: string;
  otherCountyEmployerId: string;
  lanshanVenue: string;
  feixianVenue: string;
  published: string;
  draft: string;
  seriesId: string;
  lanshanMentor: string;
  cityOrganizer: string;
  adminUser: string;
  verifiedEmployerId: string;
}

let t: TestApp;
let w: World;
let clock = 0;
/** A distinct hour in 2029 for each call that holds a venue, so allowed calls never clash with each other. */
const nextSlot = () => new Date(Date.UTC(2029, 0, 1, 1) + clock++ * 6 * 3600_000).toISOString();
const tag = () => randomBytes(3).toString('hex');

const ONLINE = { isOnline: true, onlineUrl: 'https://live.example.cn/matrix' };
const freshEvent = async (publish: boolean, overrides: Record<string, unknown> = {}) =>
  eventAs(t, w.tokens.admin!, { ...ONLINE, startsAt: nextSlot(), ...overrides }, publish);
/** A series occurrence on a day an admin then marks as a holiday: a holiday clash to resolve (policy KEEP: acknowledged). */
async function freshHolidayClash(): Promise<string> {
  const day = new Date(Date.UTC(2033, 0, 3) + clock++ * 86400_000).toISOString().slice(0, 10);
  const pattern = { kind: 'RRULE', rrule: 'FREQ=DAILY;COUNT=1', startDate: day, startTime: '09:00', durationMinutes: 60, holidayPolicy: 'KEEP' };
  const res = await t.gql(`mutation($input: CreateEventSeriesInput!) { createEventSeries(input: $input) { id } }`, {
    input: { title: `节假日冲突${tag()}`, type: 'JOB_FAIR', subtype: 'GENERAL', regionCode: '371302', capacity: 100, ...ONLINE, pattern },
  }, w.tokens.admin);
  await t.ds.query(`INSERT INTO holiday_day (day, kind, name) VALUES ($1, 'HOLIDAY', '测试节') ON CONFLICT (day) DO UPDATE SET updated_at = now()`, [day]);
  const [row] = await t.ds.query(`SELECT id FROM event WHERE series_id = $1`, [res.data!.createEventSeries.id]);
  return row.id as string;
}
let sharedHolidayClash: Promise<string> | undefined;

const weeklyPattern = () => ({ kind: 'RRULE', rrule: 'FREQ=WEEKLY;BYDAY=MO', startDate: '2029-03-05', untilDate: '2029-03-26', startTime: '09:00', durationMinutes: 120, holidayPolicy: 'KEEP' });

// ── Booth fixtures: built on first use (the booth rows come last), straight in SQL where the flow is not under test ──
interface BoothFair {
  eventId: string;
  layoutId: string;
  boothIds: string[];
}
/** A published fair at the 兰山 venue with a layout of `booths` booths, open for booking now. */
async function boothFair(opts: { booths?: number; approval?: boolean; configure?: boolean; publish?: boolean } = {}): Promise<BoothFair> {
  const { booths: n = 1, approval = false, configure = true, publish = true } = opts;
  const [layout] = await t.ds.query(`INSERT INTO venue_layout (venue_id, name, width, height) VALUES ($1, $2, 2000, 100) RETURNING id`, [w.lanshanVenue, `矩阵${tag()}`]);
  const boothIds: string[] = [];
  for (let i = 0; i < n; i++) {
    const [b] = await t.ds.query(`INSERT INTO booth (layout_id, code, size_sqm, x, y, width, height) VALUES ($1, $2, 9, $3, 1, 9, 9) RETURNING id`, [
      layout.id, `A${String(i + 1).padStart(3, '0')}`, i * 10,
    ]);
    boothIds.push(b.id);
  }
  if (!configure) return { eventId: '', layoutId: layout.id, boothIds };
  const eventId = await eventAs(t, w.tokens.admin!, { venueId: w.lanshanVenue, startsAt: nextSlot() }, publish);
  await t.ds.query(
    `INSERT INTO fair_booth_settings (event_id, layout_id, opens_at, closes_at, max_booths_per_employer, requires_approval)
     VALUES ($1, $2, now() - interval '1 hour', now() + interval '1 day', 20, $3)`,
    [eventId, layout.id, approval],
  );
  return { eventId, layoutId: layout.id, boothIds };
}
const employerIdOf = async (p: Persona): Promise<string> => (await t.ds.query(`SELECT employer_id FROM app_user WHERE id = $1`, [w.ids[p]]))[0].employer_id;
let boothWorld: Promise<{ fair: BoothFair; approvalFair: BoothFair; next: number; spareLayout: string; draftFair: string; campus: string; fullFair: string }> | undefined;
function booths() {
  boothWorld ??= (async () => {
    // Booking is for verified employers: both test employers are verified for these rows.
    await t.ds.query(`UPDATE employer SET status = 'VERIFIED', reviewed_at = now() WHERE id IN (SELECT employer_id FROM app_user WHERE id = ANY($1::uuid[]))`, [
      [w.ids.employerOwn, w.ids.employerOther],
    ]);
    const fair = await boothFair({ booths: 150 });
    const approvalFair = await boothFair({ booths: 40, approval: true });
    const draft = await boothFair({ booths: 1, publish: false });
    const full = await boothFair({ booths: 1 });
    await t.ds.query(`INSERT INTO booth_booking (event_id, booth_id, employer_id, status) VALUES ($1, $2, $3, 'CONFIRMED')`, [full.eventId, full.boothIds[0], w.verifiedEmployerId]);
    const campus = await eventAs(t, w.tokens.admin!, { ...ONLINE, type: 'CAMPUS_RECRUITING', subtype: 'UNIVERSITY_EXPRESS', startsAt: nextSlot() }, true);
    await t.ds.query(`INSERT INTO fair_booth_settings (event_id, places, opens_at, closes_at) VALUES ($1, 50, now() - interval '1 hour', now() + interval '1 day')`, [campus]);
    return { fair, approvalFair, next: 0, spareLayout: (await boothFair({ booths: 0, configure: false })).layoutId, draftFair: draft.eventId, campus, fullFair: full.eventId };
  })();
  return boothWorld;
}
let approvalNext = 0;
/** A fresh booking of `p`'s employer in `status` (PENDING_APPROVAL at the approval fair). */
async function booking(p: Persona, status: 'HELD' | 'PENDING_APPROVAL' | 'CONFIRMED'): Promise<string> {
  const b = await booths();
  const onApproval = status === 'PENDING_APPROVAL';
  const fair = onApproval ? b.approvalFair : b.fair;
  const boothId = onApproval ? fair.boothIds[approvalNext++] : fair.boothIds[b.next++];
  const [row] = await t.ds.query(
    `INSERT INTO booth_booking (event_id, booth_id, employer_id, status, hold_expires_at) VALUES ($1, $2, $3, $4, CASE WHEN $4 = 'HELD' THEN now() + interval '5 minutes' END) RETURNING id`,
    [fair.eventId, boothId, await employerIdOf(p), status],
  );
  return row.id;
}
/** A fresh waitlist entry of `p`'s employer at a full fair; with `offered`, holding an open offer. */
async function waitlistEntry(p: Persona, offered: boolean): Promise<string> {
  const fair = await boothFair({ booths: 1 });
  const employerId = await employerIdOf(p);
  const [w0] = await t.ds.query(`INSERT INTO fair_waitlist (event_id, employer_id) VALUES ($1, $2) RETURNING id`, [fair.eventId, employerId]);
  if (offered) {
    const [b] = await t.ds.query(
      `INSERT INTO booth_booking (event_id, booth_id, employer_id, status, hold_expires_at) VALUES ($1, $2, $3, 'OFFERED', now() + interval '1 day') RETURNING id, hold_expires_at`,
      [fair.eventId, fair.boothIds[0], employerId],
    );
    await t.ds.query(`UPDATE fair_waitlist SET status = 'OFFERED', offer_booking_id = $2, offer_expires_at = $3 WHERE id = $1`, [w0.id, b.id, b.hold_expires_at]);
  } else {
    await t.ds.query(`INSERT INTO booth_booking (event_id, booth_id, employer_id, status) VALUES ($1, $2, $3, 'CONFIRMED')`, [fair.eventId, fair.boothIds[0], w.verifiedEmployerId]);
  }
  return w0.id;
}

// ── Job postings fixtures (rows of the own employer in 兰山区, one of 费县; made once, lazily) ──────────────
async function postingOf(employerId: string, status: 'PENDING_REVIEW' | 'APPROVED', regionCode = '371302'): Promise<string> {
  const [row] = await t.ds.query(
    `INSERT INTO job_posting (employer_id, title, occupation_code, headcount, salary_min, salary_max, education, experience, region_code,
                              description, contact_name, contact_phone, valid_until, status, reviewed_at)
     VALUES ($1, $2, '6.01', 1, 4000, 6000, 'NONE', 'NONE', $3, '矩阵岗位', '张', '13800001111', (now() AT TIME ZONE 'Asia/Shanghai')::date + 30, $4,
             CASE WHEN $4 = 'APPROVED' THEN now() END) RETURNING id`,
    [employerId, `矩阵岗位${tag()}`, regionCode, status],
  );
  return row.id as string;
}
let postingWorld: Promise<{ pending: string; approved: string; spotCheck: string; spotItem: string }> | undefined;
const postings = () =>
  (postingWorld ??= (async () => {
    // Only verified employers post: the two 兰山区 employers of the matrix are verified for these rows.
    await t.ds.query(`UPDATE employer SET status = 'VERIFIED', reviewed_at = now() WHERE id = $1 AND status = 'PENDING'`, [w.ownEmployerId]);
    const approved = await postingOf(w.ownEmployerId, 'APPROVED');
    await postingOf(w.otherCountyEmployerId, 'APPROVED', '371325');
    const draw = await t.gql(`mutation { drawPostingSpotCheck(sampleSize: 1, regionCode: "371302") { id items { id } } }`, {}, w.tokens.countyOwn);
    const check = draw.data!.drawPostingSpotCheck;
    return { pending: await postingOf(w.ownEmployerId, 'PENDING_REVIEW'), approved, spotCheck: check.id, spotItem: check.items[0].id };
  })());
const POSTING_INPUT = () => ({
  title: `矩阵岗位${tag()}`, occupationCode: '6.01', headcount: 1, salaryMin: 4000, salaryMax: 6000, education: 'NONE', experience: 'NONE',
  regionCode: '371302', description: '矩阵', contactName: '张', contactPhone: '13800001111',
  validUntil: new Date(Date.now() + 30 * 86400_000).toISOString().slice(0, 10),
});
/** Employer members of the matrix: the own employer's one and the other 兰山区 employer's one (verified for these rows). */
async function verifyMatrixEmployers(): Promise<void> {
  await postings();
  await t.ds.query(`UPDATE employer SET status = 'VERIFIED', reviewed_at = now() WHERE status = 'PENDING' AND id IN (SELECT employer_id FROM app_user WHERE id = ANY($1::uuid[]))`, [
    [w.ids.employerOwn, w.ids.employerOther],
  ]);
}

// ── Quota fixtures: a 兰山 reported quota, a seeded city quota and a ledger export by 兰山's organizer (built on first use) ──
let quotaWorldP: Promise<{ cityQuota: string; lanshanReported: string; lanshanExport: string }> | undefined;
async function freshQuotaDefinition(kind: 'MEASURE' | 'REPORTED' = 'MEASURE', regionCode = '371302'): Promise<string> {
  const [row] = await t.ds.query(
    `INSERT INTO quota_definition (programme, name, name_en, region_code, period_start, period_end, target, unit, unit_en, clause, kind, measure_key, params)
     VALUES ($1, $2, 'Matrix quota', $3, '2026-01-01', '2026-12-31', 10, '场次', 'events', '（八）', $4, $5, $6) RETURNING id`,
    [kind === 'REPORTED' ? 'EMPLOYMENT' : 'CAMPUS_RECRUITING', `矩阵指标${tag()}`, regionCode, kind, kind === 'REPORTED' ? null : 'events.completed',
      kind === 'REPORTED' ? { aggregation: 'SUM' } : { types: ['CAMPUS_RECRUITING'] }],
  );
  return row.id as string;
}
function quotas() {
  quotaWorldP ??= (async () => {
    const [city] = await t.ds.query(`SELECT id FROM quota_definition WHERE seed_key = 'campus-trips:2026:371300'`);
    const res = await t.gql(`mutation { requestQuotaLedger(input: { regionCode: "371302", from: "2026-01-01", to: "2026-01-31" }) { id } }`, {}, w.tokens.countyOwn);
    return { cityQuota: city.id as string, lanshanReported: await freshQuotaDefinition('REPORTED'), lanshanExport: res.data!.requestQuotaLedger.id as string };
  })();
  return quotaWorldP;
}
const QUOTA_INPUT = (name: string) => ({
  programme: 'CAMPUS_RECRUITING', name, nameEn: 'Matrix quota', regionCode: '371302', periodStart: '2026-01-01', periodEnd: '2026-12-31',
  target: 10, unit: '场次', unitEn: 'events', clause: '（八）', kind: 'MEASURE', measureKey: 'events.completed', eventTypes: ['CAMPUS_RECRUITING'],
});


// ── Broadcasts (直播带岗) fixtures: 兰山区 LIVESTREAM events hosted by the host persona ─────────────────────
async function broadcastOf(status: 'SCHEDULED' | 'LIVE', cards = 2): Promise<{ id: string; cardIds: string[] }> {
  const eventId = await freshEvent(true, { type: 'LIVESTREAM', subtype: 'JOB_PROMOTION', regionCode: '371302' });
  const [b] = await t.ds.query(
    `INSERT INTO broadcast (event_id, title, region_code, status, ingest_key, started_at) VALUES ($1, '矩阵直播', '371302', $2, $3, CASE WHEN $2 = 'LIVE' THEN now() END) RETURNING id`,
    [eventId, status, tag() + tag() + tag()],
  );
  await t.ds.query(`INSERT INTO broadcast_host (broadcast_id, user_id) VALUES ($1, $2)`, [b.id, w.ids.host]);
  const cardIds: string[] = [];
  for (let i = 0; i < cards; i++) cardIds.push(await broadcastCard(b.id));
  return { id: b.id as string, cardIds };
}
async function broadcastCard(broadcastId: string): Promise<string> {
  const postingId = await postingOf(w.verifiedEmployerId, 'APPROVED');
  const code = Array.from(randomBytes(8), (x) => '23456789abcdefghijkmnpqrstuvwxyz'[x % 32]).join('');
  const [c] = await t.ds.query(
    `INSERT INTO broadcast_card (broadcast_id, posting_id, position, short_code) VALUES ($1, $2, (SELECT COALESCE(max(position), 0) + 1 FROM broadcast_card WHERE broadcast_id = $1), $3) RETURNING id`,
    [broadcastId, postingId, code],
  );
  return c.id as string;
}
let sharedBroadcast: Promise<{ id: string; cardIds: string[]; shortCode: string }> | undefined;
const broadcast = () =>
  (sharedBroadcast ??= (async () => {
    const b = await broadcastOf('LIVE');
    const [c] = await t.ds.query(`SELECT short_code FROM broadcast_card WHERE id = $1`, [b.cardIds[0]]);
    return { ...b, shortCode: c.short_code as string };
  })());
async function chatMessage(): Promise<string> {
  const { id } = await broadcast();
  const [m] = await t.ds.query(`INSERT INTO broadcast_chat_message (broadcast_id, user_id, display_name, body) VALUES ($1, $2, '求职者', '你好') RETURNING id`, [id, w.ids.seeker]);
  return m.id as string;
}
async function chatKeyword(): Promise<string> {
  const [k] = await t.ds.query(`INSERT INTO chat_keyword (word) VALUES ($1) RETURNING id`, [`矩阵词${tag()}`]);
  return k.id as string;
}
const matrixPhone = () => `136${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

const rows: Row[] = [
  // ── Public reads ────────────────────────────────────────────────────────────
  { op: 'regions', query: `{ regions { code } }`, expect: everyone() },
  { op: 'coveredRegions', query: `{ coveredRegions { code } }`, expect: everyone() },
  { op: 'holidays', query: `{ holidays(year: 2026) { year } }`, expect: everyone() },
  { op: 'venues', query: `{ venues { id } }`, expect: everyone() },
  { op: 'coHostBodies', query: `{ coHostBodies { id } }`, expect: everyone() },
  { op: 'events', query: `{ events { total } }`, expect: everyone() },
  {
    op: 'eventsInRange',
    query: `{ eventsInRange(from: "2027-03-01T00:00:00+08:00", to: "2027-04-01T00:00:00+08:00") { truncated items { id } } }`,
    expect: outcomes(STAFF),
  },
  { op: 'event', scenario: 'published', query: `query($id: ID!) { event(id: $id) { id } }`, vars: () => ({ id: w.published }), expect: everyone() },
  {
    op: 'event',
    scenario: 'a draft: only organizers covering its region know it exists',
    query: `query($id: ID!) { event(id: $id) { id } }`,
    vars: () => ({ id: w.draft }),
    expect: outcomes(LANSHAN, 'NOT_FOUND', { anonymous: 'NOT_FOUND' }),
  },

  // ── Sessions: public, each call with fresh credentials ─────────────────────────
  {
    op: 'registerSeeker',
    query: `mutation($input: RegisterSeekerInput!) { registerSeeker(input: $input) { accessToken } }`,
    vars: () => ({ input: { displayName: '求职者', email: uniqueEmail('matrix'), password: STRONG_PASSWORD } }),
    expect: everyone(),
  },
  {
    op: 'registerEmployer',
    query: `mutation($input: RegisterEmployerInput!) { registerEmployer(input: $input) { accessToken } }`,
    vars: () => ({ input: { displayName: '王经理', email: uniqueEmail('hr'), password: STRONG_PASSWORD, employerName: `矩阵测试${tag()}有限公司`, creditCode: validCreditCode('371302'), regionCode: '371302' } }),
    expect: everyone(),
  },
  { op: 'login', query: `mutation($input: LoginInput!) { login(input: $input) { accessToken } }`, vars: () => ({ input: loginInput }), expect: everyone() },
  {
    op: 'refreshSession',
    query: `mutation($r: String!) { refreshSession(refreshToken: $r) { accessToken } }`,
    vars: async () => ({ r: await freshRefreshToken() }),
    expect: everyone(),
  },
  { op: 'logout', query: `mutation($r: String!) { logout(refreshToken: $r) }`, vars: async () => ({ r: await freshRefreshToken() }), expect: everyone() },
  {
    op: 'resetPasswordWithCode',
    scenario: 'public: a wrong code is bad input for everyone',
    query: `mutation($input: ResetPasswordInput!) { resetPasswordWithCode(input: $input) }`,
    vars: () => ({ input: { login: uniqueEmail('nobody'), code: 'AAAAA-BBBBB', newPassword: STRONG_PASSWORD } }),
    expect: Object.fromEntries(PERSONAS.map((p) => [p, 'BAD_USER_INPUT'])) as Outcomes,
  },
  {
    op: 'requestPasswordResetEmail',
    scenario: 'public: this server has no SMTP, so EMAIL_RESET_UNAVAILABLE for everyone',
    query: `mutation($email: String!) { requestPasswordResetEmail(email: $email) }`,
    vars: () => ({ email: uniqueEmail('nobody') }),
    expect: Object.fromEntries(PERSONAS.map((p) => [p, 'BAD_USER_INPUT'])) as Outcomes,
  },
  { op: 'passwordResetByEmailAvailable', query: `{ passwordResetByEmailAvailable }`, expect: everyone() },
  {
    op: 'changePassword',
    scenario: 'a wrong current password: bad input for everyone signed in',
    query: `mutation($input: ChangePasswordInput!) { changePassword(input: $input) { id } }`,
    vars: () => ({ input: { currentPassword: 'Not#the2025one', newPassword: 'Yimeng#2026new' } }),
    expect: { ...(Object.fromEntries(PERSONAS.map((p) => [p, 'BAD_USER_INPUT'])) as Outcomes), anonymous: 'UNAUTHENTICATED' },
  },

  // ── One's own records ─────────────────────────────────────────────────────
  { op: 'me', query: `{ me { id } }`, expect: signedIn() },
  { op: 'updateMyProfile', query: `mutation { updateMyProfile(input: { locale: "zh-CN" }) { id } }`, expect: signedIn() },
  { op: 'notifications', query: `{ notifications { total } }`, expect: signedIn() },
  { op: 'unreadNotificationCount', query: `{ unreadNotificationCount }`, expect: signedIn() },
  { op: 'markNotificationsRead', query: `mutation { markNotificationsRead(ids: []) }`, expect: signedIn() },
  { op: 'markAllNotificationsRead', query: `mutation { markAllNotificationsRead }`, expect: signedIn() },
  { op: 'myCalendarFeed', query: `{ myCalendarFeed { url } }`, expect: signedIn() },
  // Personal data rights (docs/privacy.md): seekers only; deletion is tried with a wrong password so the persona survives.
  { op: 'myPersonalData', query: `{ myPersonalData(format: JSON) { filename } }`, expect: outcomes(['seeker']) },
  {
    op: 'deleteMyAccount',
    scenario: 'wrong password (the seeker passes the permission check, then the confirmation)',
    query: `mutation { deleteMyAccount(password: "not-the-password") }`,
    expect: outcomes([], 'FORBIDDEN', { seeker: 'BAD_USER_INPUT' }),
  },
  { op: 'personalDataKeys', query: `{ personalDataKeys { currentKeyId pending } }`, expect: outcomes(['admin']) },
  { op: 'rekeyPersonalData', query: `mutation { rekeyPersonalData { currentKeyId } }`, expect: outcomes(['admin']) },
  { op: 'rotateCalendarFeedToken', query: `mutation { rotateCalendarFeedToken { url } }`, expect: signedIn() },

  // ── Employers ─────────────────────────────────────────────────────────────
  { op: 'myEmployer', query: `{ myEmployer { id } }`, expect: outcomes(['employerOwn', 'employerOther']) },
  { op: 'employers', query: `{ employers { total } }`, expect: outcomes(STAFF) },
  {
    op: 'employer',
    query: `query($id: ID!) { employer(id: $id) { id creditCode } }`,
    vars: () => ({ id: w.ownEmployerId }),
    expect: outcomes(['employerOwn', ...LANSHAN]),
  },
  {
    op: 'verifyEmployer',
    query: `mutation($id: ID!) { verifyEmployer(id: $id) { id } }`,
    vars: async (_p, ok) => ({ id: ok ? await employerRow(t, '371302') : w.ownEmployerId }),
    expect: outcomes(LANSHAN),
  },
  {
    op: 'rejectEmployer',
    query: `mutation($id: ID!) { rejectEmployer(id: $id, reason: "资料不全") { id } }`,
    vars: async (_p, ok) => ({ id: ok ? await employerRow(t, '371302') : w.ownEmployerId }),
    expect: outcomes(LANSHAN),
  },

  {
    op: 'revokeEmployerVerification',
    query: `mutation($id: ID!) { revokeEmployerVerification(id: $id, reason: "执照已吊销") { id } }`,
    vars: async (_p, ok) => ({ id: ok ? await employerRow(t, '371302', 'VERIFIED') : w.verifiedEmployerId }),
    expect: outcomes(LANSHAN),
  },
  {
    op: 'resubmitMyEmployer',
    scenario: 'the own employer is PENDING: a conflict for its member, forbidden to all others',
    query: `mutation($input: ResubmitEmployerInput!) { resubmitMyEmployer(input: $input) { id } }`,
    vars: () => ({ input: { name: '矩阵更正有限公司', creditCode: validCreditCode('371302'), regionCode: '371302', contactName: '王' } }),
    expect: outcomes([], 'FORBIDDEN', { employerOwn: 'CONFLICT', employerOther: 'CONFLICT' }),
  },

  // ── Staff accounts, venues, holidays, co-hosts ──────────────────────────────────
  { op: 'users', query: `{ users { total } }`, expect: outcomes(['admin']) },
  {
    op: 'deactivateUser',
    query: `mutation($id: ID!) { deactivateUser(id: $id, reason: "矩阵测试") { id } }`,
    vars: async () => ({ id: (await signedInAs(t, 'SEEKER', { regionCode: '371302' })).id }),
    expect: outcomes(['admin']),
  },
  {
    op: 'reactivateUser',
    query: `mutation($id: ID!) { reactivateUser(id: $id, reason: "矩阵测试") { id } }`,
    vars: async () => {
      const u = await signedInAs(t, 'SEEKER', { regionCode: '371302' });
      await t.ds.query(`UPDATE app_user SET disabled_at = now() WHERE id = $1`, [u.id]);
      return { id: u.id };
    },
    expect: outcomes(['admin']),
  },
  {
    op: 'issuePasswordResetCode',
    scenario: 'a seeker of 兰山区: its region\'s organizers and the admin',
    query: `mutation($u: ID!) { issuePasswordResetCode(userId: $u) { code } }`,
    vars: async () => ({ u: (await signedInAs(t, 'SEEKER', { regionCode: '371302' })).id }),
    expect: outcomes(LANSHAN),
  },
  {
    op: 'issuePasswordResetCode',
    scenario: 'an organizer: admins only',
    query: `mutation($u: ID!) { issuePasswordResetCode(userId: $u) { code } }`,
    vars: () => ({ u: w.ids.countyOther! }),
    expect: outcomes(['admin']),
  },
  {
    op: 'createStaffAccount',
    query: `mutation($input: CreateStaffAccountInput!) { createStaffAccount(input: $input) { id } }`,
    vars: () => ({ input: { role: 'MENTOR', regionCode: '371302', displayName: '导师', email: uniqueEmail('mentor'), password: STRONG_PASSWORD } }),
    expect: outcomes(LANSHAN),
  },
  {
    op: 'createStaffAccount',
    scenario: 'an organizer account: admins only',
    query: `mutation($input: CreateStaffAccountInput!) { createStaffAccount(input: $input) { id } }`,
    vars: () => ({ input: { role: 'ORGANIZER', regionCode: '371302', displayName: '组织者', email: uniqueEmail('org'), password: STRONG_PASSWORD } }),
    expect: outcomes(['admin']),
  },
  {
    op: 'createVenue',
    query: `mutation($input: VenueInput!) { createVenue(input: $input) { id } }`,
    vars: () => ({ input: { name: `矩阵场馆${tag()}`, address: '测试路 2 号', regionCode: '371302', capacity: 300 } }),
    expect: outcomes(LANSHAN),
  },
  // ── Quotas: county organizers see and export their county only; definitions are the admin's ──
  { op: 'quotaDashboard', query: `{ quotaDashboard(year: 2026, regionCode: "371302") { regionCode } }`, expect: outcomes(LANSHAN) },
  {
    op: 'quotaEvents',
    scenario: "a city quota counted over 兰山's events",
    query: `query($id: ID!) { quotaEvents(quotaId: $id, regionCode: "371302") { total } }`,
    vars: async () => ({ id: (await quotas()).cityQuota }),
    expect: outcomes(LANSHAN),
  },
  { op: 'quotaDefinitions', query: `{ quotaDefinitions(year: 2026, regionCode: "371302") { id } }`, expect: outcomes(LANSHAN) },
  {
    op: 'createQuotaDefinition',
    query: `mutation($input: QuotaDefinitionInput!) { createQuotaDefinition(input: $input) { id } }`,
    vars: () => ({ input: QUOTA_INPUT(`矩阵新指标${tag()}`) }),
    expect: outcomes(['admin']),
  },
  {
    op: 'updateQuotaDefinition',
    query: `mutation($id: ID!, $input: QuotaDefinitionInput!) { updateQuotaDefinition(id: $id, version: 1, input: $input) { id } }`,
    vars: async () => ({ id: await freshQuotaDefinition(), input: QUOTA_INPUT(`矩阵改指标${tag()}`) }),
    expect: outcomes(['admin']),
  },
  {
    op: 'deleteQuotaDefinition',
    query: `mutation($id: ID!) { deleteQuotaDefinition(id: $id) }`,
    vars: async () => ({ id: await freshQuotaDefinition() }),
    expect: outcomes(['admin']),
  },
  {
    op: 'quotaReportedFigures',
    query: `query($id: ID!) { quotaReportedFigures(quotaId: $id) { id } }`,
    vars: async () => ({ id: (await quotas()).lanshanReported }),
    expect: outcomes(LANSHAN, 'NOT_FOUND'),
  },
  {
    op: 'reportQuotaFigure',
    query: `mutation($id: ID!) { reportQuotaFigure(input: { quotaId: $id, month: "2026-03", value: 120, source: "兰山区人社局月报" }) { id } }`,
    vars: async () => ({ id: (await quotas()).lanshanReported }),
    expect: outcomes(LANSHAN, 'NOT_FOUND'),
  },
  {
    op: 'requestQuotaLedger',
    query: `mutation { requestQuotaLedger(input: { regionCode: "371302", from: "2026-01-01", to: "2026-01-31" }) { id } }`,
    expect: outcomes(LANSHAN),
  },
  {
    op: 'quotaLedgerExport',
    scenario: "兰山's organizer asked for it: only it and admins follow it",
    query: `query($id: ID!) { quotaLedgerExport(id: $id) { status } }`,
    vars: async () => ({ id: (await quotas()).lanshanExport }),
    expect: outcomes(['countyOwn', 'admin'], 'NOT_FOUND'),
  },
  { op: 'myQuotaLedgerExports', query: `{ myQuotaLedgerExports { id } }`, expect: outcomes(STAFF) },

  // ── Audit log and background jobs (admin only) ──────────────────────────────────
  { op: 'auditLog', query: `{ auditLog { total } }`, expect: outcomes(['admin']) },
  { op: 'failedJobs', query: `{ failedJobs { total } }`, expect: outcomes(['admin']) },
  // An unknown job id: the admin passes the permission check and gets NOT_FOUND; everyone else is refused first.
  { op: 'retryJob', query: `mutation { retryJob(id: "00000000-0000-4000-8000-000000000000") { id } }`, expect: outcomes([], 'FORBIDDEN', { admin: 'NOT_FOUND' }) },
  { op: 'setHolidays', query: `mutation { setHolidays(year: 2031, days: []) { year } }`, expect: outcomes(['admin']) },
  { op: 'eventsOnHolidays', query: `{ eventsOnHolidays { eventId } }`, expect: outcomes(STAFF) },
  {
    op: 'resolveHolidayClash',
    query: `mutation($id: ID!) { resolveHolidayClash(eventId: $id) }`,
    vars: async (_p, ok) => ({ id: ok ? await freshHolidayClash() : await (sharedHolidayClash ??= freshHolidayClash()) }),
    expect: outcomes(LANSHAN),
  },
  { op: 'peakSeasons', query: `{ peakSeasons(year: 2029, regionCode: "371302") { year } }`, expect: outcomes(STAFF) },
  { op: 'setPeakSeasons', query: `mutation { setPeakSeasons(year: 2029, regionCode: "371302", ranges: []) { year } }`, expect: outcomes(LANSHAN) },
  {
    op: 'createCoHostBody',
    scenario: 'the co-host list is city-wide: no county organizer adds to it',
    query: `mutation($name: String!) { createCoHostBody(name: $name) { id } }`,
    vars: () => ({ name: `协办单位${tag()}` }),
    expect: outcomes(['city', 'admin']),
  },

  // ── Events ───────────────────────────────────────────────────────────────
  {
    op: 'createEvent',
    query: CREATE_EVENT,
    vars: () => ({ input: eventInput({ ...ONLINE, startsAt: nextSlot() }), publish: false }),
    expect: outcomes(LANSHAN),
  },
  {
    op: 'createEvent',
    scenario: "in the caller's county but at another county's venue",
    query: CREATE_EVENT,
    vars: () => ({ input: eventInput({ venueId: w.feixianVenue, startsAt: nextSlot() }), publish: false }),
    expect: outcomes(['city', 'admin']),
  },
  {
    op: 'createEvent',
    scenario: 'with a delegation naming an employer the caller may not read',
    query: CREATE_EVENT,
    vars: () => ({ input: eventInput({ ...ONLINE, startsAt: nextSlot(), details: { delegationEmployerIds: [w.otherCountyEmployerId] } }), publish: true }),
    expect: outcomes(['city', 'admin']),
  },
  {
    op: 'updateEvent',
    query: `mutation($id: ID!) { updateEvent(id: $id, input: { description: "矩阵" }) { id } }`,
    vars: () => ({ id: w.published }),
    expect: outcomes(LANSHAN),
  },
  {
    op: 'updateEvent',
    scenario: "moving an event into another county's venue",
    query: `mutation($id: ID!, $v: ID!) { updateEvent(id: $id, input: { venueId: $v, isOnline: false }) { id } }`,
    vars: async (_p, ok) => ({ id: ok ? await freshEvent(true) : w.published, v: w.feixianVenue }),
    expect: outcomes(['city', 'admin']),
  },
  {
    op: 'updateEvent',
    scenario: 'a draft the caller may not read',
    query: `mutation($id: ID!) { updateEvent(id: $id, input: { description: "矩阵" }) { id } }`,
    vars: () => ({ id: w.draft }),
    expect: outcomes(LANSHAN, 'NOT_FOUND'),
  },
  {
    op: 'publishEvent',
    query: `mutation($id: ID!) { publishEvent(id: $id) { id } }`,
    vars: async (_p, ok) => ({ id: ok ? await freshEvent(false) : w.draft }),
    expect: outcomes(LANSHAN, 'NOT_FOUND'),
  },
  {
    op: 'cancelEvent',
    query: `mutation($id: ID!) { cancelEvent(id: $id, reason: "矩阵测试") { id } }`,
    vars: async (_p, ok) => ({ id: ok ? await freshEvent(true) : w.published }),
    expect: outcomes(LANSHAN),
  },
  {
    op: 'rescheduleEvent',
    query: `mutation($id: ID!, $s: DateTime!, $e: DateTime!) { rescheduleEvent(id: $id, startsAt: $s, endsAt: $e) { id } }`,
    vars: async (_p, ok) => {
      const s = nextSlot();
      return { id: ok ? await freshEvent(true) : w.published, s, e: new Date(new Date(s).getTime() + 3600_000).toISOString() };
    },
    expect: outcomes(LANSHAN),
  },
  {
    op: 'completeEvent',
    query: `mutation($id: ID!) { completeEvent(id: $id) { id } }`,
    vars: async (_p, ok) => ({ id: ok ? await freshEvent(true, { startsAt: new Date(Date.now() - 7200_000 - clock++ * 60_000).toISOString(), hours: 1 }) : w.published }),
    expect: outcomes(LANSHAN),
  },
  {
    op: 'assignEventStaff',
    query: `mutation($e: ID!, $u: ID!) { assignEventStaff(eventId: $e, userId: $u) { id } }`,
    vars: () => ({ e: w.published, u: w.lanshanMentor }),
    expect: outcomes(LANSHAN),
  },
  {
    op: 'assignEventStaff',
    scenario: 'a city organizer as staff: only those covering the city',
    query: `mutation($e: ID!, $u: ID!) { assignEventStaff(eventId: $e, userId: $u) { id } }`,
    vars: () => ({ e: w.published, u: w.cityOrganizer }),
    expect: outcomes(['city', 'admin']),
  },
  {
    op: 'assignEventStaff',
    scenario: 'the admin as staff: admins only',
    query: `mutation($e: ID!, $u: ID!) { assignEventStaff(eventId: $e, userId: $u) { id } }`,
    vars: () => ({ e: w.published, u: w.adminUser }),
    expect: outcomes(['admin']),
  },
  {
    op: 'assignableEventStaff',
    query: `query($e: ID!) { assignableEventStaff(eventId: $e) { id } }`,
    vars: () => ({ e: w.published }),
    expect: outcomes(LANSHAN),
  },
  {
    op: 'unassignEventStaff',
    query: `mutation($e: ID!, $u: ID!) { unassignEventStaff(eventId: $e, userId: $u) { id } }`,
    vars: () => ({ e: w.published, u: w.lanshanMentor }),
    expect: outcomes(LANSHAN),
  },
  {
    op: 'unassignEventStaff',
    scenario: 'a city organizer off the staff: only those covering the city',
    query: `mutation($e: ID!, $u: ID!) { unassignEventStaff(eventId: $e, userId: $u) { id } }`,
    vars: () => ({ e: w.published, u: w.cityOrganizer }),
    expect: outcomes(['city', 'admin']),
  },

  // ── Series ───────────────────────────────────────────────────────────────
  {
    op: 'eventSeries',
    query: `query($id: ID!) { eventSeries(id: $id) { id } }`,
    vars: () => ({ id: w.seriesId }),
    expect: outcomes(LANSHAN),
  },
  {
    op: 'previewEventSeries',
    query: `query($p: SeriesPatternInput!) { previewEventSeries(pattern: $p, regionCode: "371302") { count } }`,
    vars: () => ({ p: weeklyPattern() }),
    expect: outcomes(LANSHAN),
  },
  {
    op: 'createEventSeries',
    query: `mutation($input: CreateEventSeriesInput!) { createEventSeries(input: $input) { id } }`,
    vars: () => ({ input: { title: `矩阵系列${tag()}`, type: 'JOB_FAIR', subtype: 'GENERAL', regionCode: '371302', capacity: 100, ...ONLINE, pattern: weeklyPattern() } }),
    expect: outcomes(LANSHAN),
  },
  {
    op: 'createEventSeries',
    scenario: "at another county's venue",
    query: `mutation($input: CreateEventSeriesInput!) { createEventSeries(input: $input) { id } }`,
    vars: () => {
      const start = new Date(Date.UTC(2030, 0, 7) + clock++ * 35 * 86400_000).toISOString().slice(0, 10);
      const pattern = { ...weeklyPattern(), startDate: start, untilDate: start };
      return { input: { title: `矩阵系列${tag()}`, type: 'JOB_FAIR', subtype: 'GENERAL', regionCode: '371302', capacity: 100, venueId: w.feixianVenue, pattern } };
    },
    expect: outcomes(['city', 'admin']),
  },
  // ── Booths (docs/booths.md) ─────────────────────────────────────────────────
  { op: 'venueLayouts', query: `query($v: ID!) { venueLayouts(venueId: $v) { id } }`, vars: () => ({ v: w.lanshanVenue }), expect: outcomes(LANSHAN) },
  {
    op: 'createVenueLayout',
    query: `mutation($input: CreateVenueLayoutInput!) { createVenueLayout(input: $input) { id } }`,
    vars: () => ({ input: { venueId: w.lanshanVenue, name: `矩阵布局${tag()}`, width: 100, height: 100 } }),
    expect: outcomes(LANSHAN),
  },
  {
    op: 'saveLayoutBooths',
    query: `mutation($l: ID!, $v: Int!) { saveLayoutBooths(layoutId: $l, version: $v, booths: [{ code: "A01", sizeSqm: 9, x: 1, y: 1, width: 9, height: 9 }]) { id } }`,
    vars: async () => {
      const b = await booths();
      const [row] = await t.ds.query(`SELECT version FROM venue_layout WHERE id = $1`, [b.spareLayout]);
      return { l: b.spareLayout, v: row.version };
    },
    expect: outcomes(LANSHAN),
  },
  {
    op: 'deleteVenueLayout',
    query: `mutation($id: ID!) { deleteVenueLayout(id: $id) }`,
    vars: async () => ({ id: (await boothFair({ booths: 0, configure: false })).layoutId }),
    expect: outcomes(LANSHAN),
  },
  {
    op: 'configureFairBooths',
    query: `mutation($input: FairBoothSettingsInput!) { configureFairBooths(input: $input) { eventId } }`,
    vars: async () => {
      const b = await booths();
      return { input: { eventId: b.fair.eventId, layoutId: b.fair.layoutId, maxBoothsPerEmployer: 20, opensAt: new Date(Date.now() - 3600_000).toISOString(), closesAt: new Date(Date.now() + 86400_000).toISOString() } };
    },
    expect: outcomes(LANSHAN),
  },
  {
    op: 'setFairBoothState',
    query: `mutation($e: ID!, $b: ID!) { setFairBoothState(eventId: $e, boothIds: [$b], state: OPEN) { eventId } }`,
    vars: async () => {
      const b = await booths();
      return { e: b.fair.eventId, b: b.fair.boothIds[b.fair.boothIds.length - 1] };
    },
    expect: outcomes(LANSHAN),
  },
  {
    op: 'employerPriorityCategories',
    query: `query($id: ID!) { employerPriorityCategories(employerId: $id) }`,
    vars: () => ({ id: w.verifiedEmployerId }),
    expect: outcomes(LANSHAN),
  },
  {
    op: 'setEmployerPriorityCategories',
    query: `mutation($id: ID!) { setEmployerPriorityCategories(employerId: $id, categories: [SPECIALIZED_NEW]) }`,
    vars: () => ({ id: w.verifiedEmployerId }),
    expect: outcomes(LANSHAN),
  },
  {
    op: 'fairBoothMap',
    scenario: 'a published fair: public',
    query: `query($e: ID!) { fairBoothMap(eventId: $e) { freeCount } }`,
    vars: async () => ({ e: (await booths()).fair.eventId }),
    expect: everyone(),
  },
  {
    op: 'fairBoothMap',
    scenario: 'a draft fair: only organizers covering its region know it exists',
    query: `query($e: ID!) { fairBoothMap(eventId: $e) { freeCount } }`,
    vars: async () => ({ e: (await booths()).draftFair }),
    expect: outcomes(LANSHAN, 'NOT_FOUND', { anonymous: 'NOT_FOUND' }),
  },
  { op: 'boothFairs', query: `{ boothFairs(openOnly: true) { eventId } }`, expect: outcomes(['employerOwn', 'employerOther', ...STAFF]) },
  { op: 'myBoothBookings', query: `{ myBoothBookings { id } }`, expect: outcomes(['employerOwn', 'employerOther']) },
  { op: 'myWaitlistEntries', query: `{ myWaitlistEntries { id } }`, expect: outcomes(['employerOwn', 'employerOther']) },
  {
    op: 'fairBookings',
    query: `query($e: ID!) { fairBookings(eventId: $e, statuses: [CONFIRMED]) { id } }`,
    vars: async () => ({ e: (await booths()).fair.eventId }),
    expect: outcomes(LANSHAN),
  },
  {
    op: 'fairWaitlist',
    query: `query($e: ID!) { fairWaitlist(eventId: $e) { id } }`,
    vars: async () => ({ e: (await booths()).fair.eventId }),
    expect: outcomes(LANSHAN),
  },
  {
    op: 'fairExhibitors',
    query: `query($e: ID!) { fairExhibitors(eventId: $e) { employerName } }`,
    vars: async () => ({ e: (await booths()).fair.eventId }),
    expect: everyone(),
  },
  {
    op: 'eventDelegation',
    query: `query($e: ID!) { eventDelegation(eventId: $e) { employerName } }`,
    vars: async () => ({ e: (await booths()).campus }),
    expect: everyone(),
  },
  {
    op: 'fairExhibitorsExport',
    query: `query($e: ID!) { fairExhibitorsExport(eventId: $e) { filename } }`,
    vars: async () => ({ e: (await booths()).fair.eventId }),
    expect: outcomes(LANSHAN),
  },
  {
    op: 'holdBooth',
    query: `mutation($e: ID!, $b: ID!) { holdBooth(eventId: $e, boothId: $b) { id } }`,
    vars: async () => {
      const b = await booths();
      return { e: b.fair.eventId, b: b.fair.boothIds[b.next++] };
    },
    expect: outcomes(['employerOwn', 'employerOther']),
  },
  {
    op: 'confirmBoothBooking',
    scenario: "the caller's own hold",
    query: `mutation($id: ID!) { confirmBoothBooking(id: $id) { id } }`,
    vars: async (p) => ({ id: await booking(p === 'employerOther' ? 'employerOther' : 'employerOwn', 'HELD') }),
    expect: outcomes(['employerOwn', 'employerOther']),
  },
  {
    op: 'confirmBoothBooking',
    scenario: "another firm's hold",
    query: `mutation($id: ID!) { confirmBoothBooking(id: $id) { id } }`,
    vars: async () => ({ id: await booking('employerOwn', 'HELD') }),
    expect: outcomes(['employerOwn']),
  },
  {
    op: 'cancelMyBoothBooking',
    scenario: "the caller's own booking",
    query: `mutation($id: ID!) { cancelMyBoothBooking(id: $id) { id } }`,
    vars: async (p) => ({ id: await booking(p === 'employerOther' ? 'employerOther' : 'employerOwn', 'CONFIRMED') }),
    expect: outcomes(['employerOwn', 'employerOther']),
  },
  {
    op: 'cancelMyBoothBooking',
    scenario: "another firm's booking",
    query: `mutation($id: ID!) { cancelMyBoothBooking(id: $id) { id } }`,
    vars: async () => ({ id: await booking('employerOwn', 'CONFIRMED') }),
    expect: outcomes(['employerOwn']),
  },
  {
    op: 'applyForDelegation',
    query: `mutation($e: ID!) { applyForDelegation(eventId: $e) { id } }`,
    vars: async () => ({ e: (await booths()).campus }),
    expect: outcomes(['employerOwn', 'employerOther']),
  },
  {
    op: 'approveBoothBooking',
    query: `mutation($id: ID!) { approveBoothBooking(id: $id) { id } }`,
    vars: async () => ({ id: await booking('employerOwn', 'PENDING_APPROVAL') }),
    expect: outcomes(LANSHAN),
  },
  {
    op: 'rejectBoothBooking',
    query: `mutation($id: ID!) { rejectBoothBooking(id: $id, reason: "资料不符") { id } }`,
    vars: async () => ({ id: await booking('employerOwn', 'PENDING_APPROVAL') }),
    expect: outcomes(LANSHAN),
  },
  {
    op: 'cancelBoothBooking',
    query: `mutation($id: ID!) { cancelBoothBooking(id: $id, reason: "主办方调整") { id } }`,
    vars: async () => ({ id: await booking('employerOwn', 'CONFIRMED') }),
    expect: outcomes(LANSHAN),
  },
  {
    op: 'moveBoothBooking',
    query: `mutation($id: ID!, $b: ID!) { moveBoothBooking(id: $id, boothId: $b) { id } }`,
    vars: async () => {
      const id = await booking('employerOwn', 'CONFIRMED');
      const b = await booths();
      return { id, b: b.fair.boothIds[b.next++] };
    },
    expect: outcomes(LANSHAN),
  },
  {
    op: 'joinBoothWaitlist',
    query: `mutation($e: ID!) { joinBoothWaitlist(eventId: $e) { id } }`,
    vars: async () => ({ e: (await booths()).fullFair }),
    expect: outcomes(['employerOwn', 'employerOther']),
  },
  {
    op: 'leaveBoothWaitlist',
    scenario: "the caller's own entry",
    query: `mutation($id: ID!) { leaveBoothWaitlist(id: $id) }`,
    vars: async (p) => ({ id: await waitlistEntry(p === 'employerOther' ? 'employerOther' : 'employerOwn', false) }),
    expect: outcomes(['employerOwn', 'employerOther']),
  },
  {
    op: 'acceptWaitlistOffer',
    scenario: "the caller's own offer",
    query: `mutation($id: ID!) { acceptWaitlistOffer(id: $id) { id } }`,
    vars: async (p) => ({ id: await waitlistEntry(p === 'employerOther' ? 'employerOther' : 'employerOwn', true) }),
    expect: outcomes(['employerOwn', 'employerOther']),
  },
  {
    op: 'declineWaitlistOffer',
    scenario: "another firm's offer",
    query: `mutation($id: ID!) { declineWaitlistOffer(id: $id) { id } }`,
    vars: async () => ({ id: await waitlistEntry('employerOwn', true) }),
    expect: outcomes(['employerOwn']),
  },
  // ── Applications (投递) ───────────────────────────────────────────────────
  {
    op: 'applyToPosting',
    query: `mutation($input: ApplyInput!) { applyToPosting(input: $input) { id } }`,
    vars: async (_p, ok) => ({ input: { postingId: ok ? await appFixtures.publicPosting() : (await appFixtures.get()).publicPostingId } }),
    expect: outcomes(['seeker']),
  },
  { op: 'myApplications', query: `{ myApplications { total } }`, expect: outcomes(['seeker']) },
  { op: 'myApplicationStates', query: `{ myApplicationStates(postingIds: []) { postingId } }`, expect: outcomes(['seeker']) },
  { op: 'myResume', query: `{ myResume { education } }`, expect: outcomes(['seeker']) },
  { op: 'updateMyResume', query: `mutation { updateMyResume(input: { experience: "Y1_3" }) { experience } }`, expect: outcomes(['seeker']) },
  {
    op: 'jobApplication',
    scenario: "its seeker and the posting's employer; for anyone else it does not exist",
    query: `query($id: ID!) { jobApplication(id: $id) { id } }`,
    vars: async () => ({ id: (await appFixtures.get()).applicationId }),
    expect: outcomes(['seeker', 'employerOwn'], 'NOT_FOUND'),
  },
  {
    op: 'postingApplications',
    scenario: 'the posting\'s employer only (organizers see counts, not résumés)',
    query: `query($id: ID!) { postingApplications(postingId: $id) { total } }`,
    vars: async () => ({ id: (await appFixtures.get()).ownPostingId }),
    expect: outcomes(['employerOwn']),
  },
  {
    op: 'openApplication',
    query: `mutation($id: ID!) { openApplication(id: $id) { id } }`,
    vars: async () => ({ id: (await appFixtures.get()).applicationId }),
    expect: outcomes(['employerOwn'], 'NOT_FOUND', { seeker: 'FORBIDDEN' }),
  },
  {
    op: 'moveApplication',
    query: `mutation($id: ID!) { moveApplication(id: $id, status: INTERVIEW) { id } }`,
    vars: async (_p, ok) => ({ id: ok ? await appFixtures.application() : (await appFixtures.get()).applicationId }),
    expect: outcomes(['employerOwn'], 'NOT_FOUND', { seeker: 'FORBIDDEN' }),
  },
  {
    op: 'withdrawApplication',
    query: `mutation($id: ID!) { withdrawApplication(id: $id) { id } }`,
    vars: async (_p, ok) => ({ id: ok ? await appFixtures.application() : (await appFixtures.get()).applicationId }),
    expect: outcomes(['seeker'], 'NOT_FOUND', { employerOwn: 'FORBIDDEN' }),
  },
  {
    op: 'postingApplicationFunnel',
    query: `query($id: ID!) { postingApplicationFunnel(postingId: $id) { funnel { submitted } } }`,
    vars: async () => ({ id: (await appFixtures.get()).ownPostingId }),
    expect: outcomes(['employerOwn', ...LANSHAN]),
  },
  {
    op: 'fairApplicationFunnel',
    query: `query($id: ID!) { fairApplicationFunnel(eventId: $id) { total { submitted } } }`,
    vars: () => ({ id: w.published }),
    expect: outcomes(LANSHAN),
  },
  // ── Broadcasts (直播带岗) ───────────────────────────────────────────────────
  { op: 'broadcasts', query: `{ broadcasts { total } }`, expect: everyone() },
  { op: 'hostedBroadcasts', query: `{ hostedBroadcasts { total } }`, expect: outcomes(['host', ...STAFF]) },
  { op: 'broadcastHostCandidates', query: `{ broadcastHostCandidates { id } }`, expect: outcomes(['host', ...STAFF]) },
  { op: 'broadcast', scenario: 'a published one: public', query: `query($id: ID!) { broadcast(id: $id) { id } }`, vars: async () => ({ id: (await broadcast()).id }), expect: everyone() },
  {
    op: 'broadcastCardLink',
    query: `query($c: String!) { broadcastCardLink(code: $c) { broadcastId } }`,
    vars: async () => ({ c: (await broadcast()).shortCode }),
    expect: everyone(),
  },
  { op: 'broadcastChat', query: `query($b: ID!) { broadcastChat(broadcastId: $b) { id } }`, vars: async () => ({ b: (await broadcast()).id }), expect: everyone() },
  {
    op: 'broadcastApplications',
    query: `query($b: ID!) { broadcastApplications(broadcastId: $b) { total } }`,
    vars: async () => ({ b: (await broadcast()).id }),
    expect: outcomes(['host', ...LANSHAN]),
  },
  {
    op: 'broadcastFunnel',
    query: `query($b: ID!) { broadcastFunnel(broadcastId: $b) { total { applications } } }`,
    vars: async () => ({ b: (await broadcast()).id }),
    expect: outcomes(['host', ...LANSHAN]),
  },
  {
    op: 'broadcastStats',
    query: `query($b: ID!) { broadcastStats(broadcastId: $b) { peakViewers } }`,
    vars: async () => ({ b: (await broadcast()).id }),
    expect: outcomes(['host', ...LANSHAN]),
  },
  {
    op: 'broadcastModeration',
    scenario: 'its hosts only',
    query: `query($b: ID!) { broadcastModeration(broadcastId: $b) { keywords } }`,
    vars: async () => ({ b: (await broadcast()).id }),
    expect: outcomes(['host']),
  },
  {
    op: 'broadcastAutopilot',
    query: `query($b: ID!) { broadcastAutopilot(broadcastId: $b) { enabled } }`,
    vars: async () => ({ b: (await broadcast()).id }),
    expect: outcomes(['host']),
  },
  { op: 'chatKeywords', query: `{ chatKeywords { id } }`, expect: outcomes(STAFF) },
  {
    op: 'createBroadcast',
    scenario: 'for a 兰山区 LIVESTREAM event',
    query: `mutation($input: CreateBroadcastInput!) { createBroadcast(input: $input) { id } }`,
    vars: async () => ({ input: { eventId: await freshEvent(true, { type: 'LIVESTREAM', subtype: 'JOB_PROMOTION', regionCode: '371302' }), hostIds: [w.ids.host] } }),
    expect: outcomes(LANSHAN),
  },
  {
    op: 'updateBroadcast',
    query: `mutation($id: ID!) { updateBroadcast(id: $id, input: { title: "矩阵直播（改）" }) { id } }`,
    vars: async () => ({ id: (await broadcast()).id }),
    expect: outcomes(LANSHAN),
  },
  {
    op: 'addBroadcastCards',
    scenario: 'its hosts only (organizers assign hosts, hosts run the line-up)',
    query: `mutation($b: ID!, $p: [ID!]!) { addBroadcastCards(broadcastId: $b, postingIds: $p) { id } }`,
    vars: async () => ({ b: (await broadcast()).id, p: [await postingOf(w.verifiedEmployerId, 'APPROVED')] }),
    expect: outcomes(['host']),
  },
  {
    op: 'updateBroadcastCard',
    query: `mutation($c: ID!) { updateBroadcastCard(cardId: $c, script: "欢迎") { id } }`,
    vars: async () => ({ c: (await broadcast()).cardIds[0] }),
    expect: outcomes(['host']),
  },
  {
    op: 'removeBroadcastCard',
    query: `mutation($c: ID!) { removeBroadcastCard(cardId: $c) { id } }`,
    vars: async () => ({ c: await broadcastCard((await broadcast()).id) }),
    expect: outcomes(['host']),
  },
  {
    op: 'reorderBroadcastCards',
    query: `mutation($b: ID!, $c: [ID!]!) { reorderBroadcastCards(broadcastId: $b, cardIds: $c) { id } }`,
    vars: async () => {
      const { id } = await broadcast();
      const cards: Array<{ id: string }> = await t.ds.query(`SELECT id FROM broadcast_card WHERE broadcast_id = $1 ORDER BY position DESC`, [id]);
      return { b: id, c: cards.map((c) => c.id) };
    },
    expect: outcomes(['host']),
  },
  {
    op: 'startBroadcast',
    query: `mutation($id: ID!) { startBroadcast(id: $id) { id } }`,
    vars: async () => ({ id: (await broadcastOf('SCHEDULED', 0)).id }),
    expect: outcomes(['host']),
  },
  {
    op: 'endBroadcast',
    query: `mutation($id: ID!) { endBroadcast(id: $id) { id } }`,
    vars: async () => ({ id: (await broadcastOf('LIVE', 0)).id }),
    expect: outcomes(['host']),
  },
  {
    op: 'pushBroadcastCard',
    scenario: 'its hosts only (socket: live:push)',
    query: `mutation($b: ID!, $c: ID!) { pushBroadcastCard(broadcastId: $b, cardId: $c) { id } }`,
    vars: async () => ({ b: (await broadcast()).id, c: (await broadcast()).cardIds[0] }),
    expect: outcomes(['host']),
  },
  {
    op: 'setBroadcastAnnouncement',
    query: `mutation($b: ID!) { setBroadcastAnnouncement(broadcastId: $b, text: "扫码投递") { id } }`,
    vars: async () => ({ b: (await broadcast()).id }),
    expect: outcomes(['host']),
  },
  {
    op: 'setBroadcastAutopilot',
    query: `mutation($b: ID!) { setBroadcastAutopilot(broadcastId: $b, enabled: false) { id } }`,
    vars: async () => ({ b: (await broadcast()).id }),
    expect: outcomes(['host']),
  },
  {
    op: 'sendChatMessage',
    scenario: 'anyone signed in (socket: live:chat)',
    query: `mutation($b: ID!) { sendChatMessage(broadcastId: $b, text: "你好") { id } }`,
    vars: async () => ({ b: (await broadcast()).id }),
    expect: signedIn(),
  },
  {
    op: 'deleteChatMessage',
    query: `mutation($id: ID!) { deleteChatMessage(id: $id) }`,
    vars: async () => ({ id: await chatMessage() }),
    expect: outcomes(['host']),
  },
  {
    op: 'restrictChatUser',
    scenario: 'its hosts only (socket: live:moderate)',
    query: `mutation($b: ID!, $u: ID!) { restrictChatUser(broadcastId: $b, userId: $u, kind: MUTE, minutes: 1) { broadcastId } }`,
    vars: async () => ({ b: (await broadcast()).id, u: w.ids.mentor }),
    expect: outcomes(['host']),
  },
  {
    op: 'liftChatRestriction',
    query: `mutation($b: ID!, $u: ID!) { liftChatRestriction(broadcastId: $b, userId: $u, kind: MUTE) { broadcastId } }`,
    vars: async () => ({ b: (await broadcast()).id, u: w.ids.mentor }),
    expect: outcomes(['host']),
  },
  {
    op: 'addChatKeyword',
    query: `mutation($w: String!) { addChatKeyword(word: $w) { id } }`,
    vars: () => ({ w: `矩阵词${tag()}` }),
    expect: outcomes(STAFF),
  },
  {
    op: 'removeChatKeyword',
    query: `mutation($id: ID!) { removeChatKeyword(id: $id) }`,
    vars: async () => ({ id: await chatKeyword() }),
    expect: outcomes(STAFF),
  },
  {
    op: 'applyFromBroadcast',
    scenario: 'a signed-in seeker, or anyone with a name and mobile; other accounts are not seekers',
    query: `mutation($input: BroadcastApplyInput!) { applyFromBroadcast(input: $input) { applicationId } }`,
    vars: async () => ({ input: { cardId: await broadcastCard((await broadcast()).id), name: '王小明', phone: matrixPhone() } }),
    expect: outcomes(['anonymous', 'seeker']),
  },
  {
    op: 'recordCardImpression',
    query: `mutation($c: ID!, $k: String!) { recordCardImpression(cardId: $c, viewerKey: $k) }`,
    vars: async () => ({ c: (await broadcast()).cardIds[0], k: `matrix-${tag()}` }),
    expect: everyone(),
  },
  // ── Job postings ─────────────────────────────────────────────────────────────
  { op: 'myPostings', query: `{ myPostings { total } }`, expect: outcomes(['employerOwn', 'employerOther']) },
  {
    op: 'jobPosting',
    scenario: 'awaiting review: its employer and its region\'s organizers; not found for everyone else',
    query: `query($id: ID!) { jobPosting(id: $id) { id } }`,
    vars: async () => ({ id: (await postings()).pending }),
    expect: outcomes(['employerOwn', ...LANSHAN], 'NOT_FOUND', { anonymous: 'NOT_FOUND' }),
  },
  {
    op: 'jobPosting',
    scenario: 'approved: everyone',
    query: `query($id: ID!) { jobPosting(id: $id) { id } }`,
    vars: async () => ({ id: (await postings()).approved }),
    expect: everyone(),
  },
  { op: 'publicPostings', query: `{ publicPostings { total } }`, expect: everyone() },
  { op: 'fairPostings', query: `query($id: ID!) { fairPostings(eventId: $id) { id } }`, vars: () => ({ id: w.published }), expect: everyone() },
  { op: 'urgentOccupations', query: `{ urgentOccupations { id } }`, expect: everyone() },
  { op: 'postingReviewQueue', query: `{ postingReviewQueue { total } }`, expect: outcomes(STAFF) },
  { op: 'postingFlagPhrases', query: `{ postingFlagPhrases { id } }`, expect: outcomes(STAFF) },
  {
    op: 'createPosting',
    query: `mutation($input: PostingInput!) { createPosting(input: $input) { id } }`,
    vars: async () => {
      await verifyMatrixEmployers();
      return { input: POSTING_INPUT() };
    },
    expect: outcomes(['employerOwn', 'employerOther']),
  },
  {
    op: 'updatePosting',
    query: `mutation($id: ID!, $input: PostingInput!) { updatePosting(id: $id, input: $input) { id } }`,
    vars: async () => {
      await verifyMatrixEmployers();
      return { id: await postingOf(w.ownEmployerId, 'APPROVED'), input: POSTING_INPUT() };
    },
    expect: outcomes(['employerOwn']),
  },
  {
    op: 'withdrawPosting',
    query: `mutation($id: ID!) { withdrawPosting(id: $id) { id } }`,
    vars: async () => ({ id: await postingOf(w.ownEmployerId, 'APPROVED') }),
    expect: outcomes(['employerOwn']),
  },
  {
    op: 'approvePosting',
    query: `mutation($id: ID!) { approvePosting(id: $id) { id } }`,
    vars: async (_p, ok) => ({ id: ok ? await postingOf(w.ownEmployerId, 'PENDING_REVIEW') : (await postings()).pending }),
    expect: outcomes(LANSHAN),
  },
  {
    op: 'rejectPosting',
    query: `mutation($id: ID!) { rejectPosting(id: $id, reason: "含歧视性条件") { id } }`,
    vars: async (_p, ok) => ({ id: ok ? await postingOf(w.ownEmployerId, 'PENDING_REVIEW') : (await postings()).pending }),
    expect: outcomes(LANSHAN),
  },
  {
    op: 'addPostingFlagPhrase',
    query: `mutation($input: FlagPhraseInput!) { addPostingFlagPhrase(input: $input) { id } }`,
    vars: () => ({ input: { phrase: `矩阵短语${tag()}`, category: 'OTHER' } }),
    expect: outcomes(['city', 'admin']),
  },
  {
    op: 'removePostingFlagPhrase',
    query: `mutation($id: ID!) { removePostingFlagPhrase(id: $id) }`,
    vars: async () => {
      const [row] = await t.ds.query(`INSERT INTO posting_flag_phrase (phrase, category) VALUES ($1, 'OTHER') RETURNING id`, [`矩阵删除${tag()}`]);
      return { id: row.id };
    },
    expect: outcomes(['city', 'admin']),
  },
  {
    op: 'addUrgentOccupation',
    query: `mutation($input: UrgentOccupationInput!) { addUrgentOccupation(input: $input) { id } }`,
    vars: async () => {
      await t.ds.query(`DELETE FROM urgent_occupation WHERE occupation_code = '4.06'`);
      return { input: { occupationCode: '4.06' } };
    },
    expect: outcomes(['city', 'admin']),
  },
  {
    op: 'removeUrgentOccupation',
    query: `mutation($id: ID!) { removeUrgentOccupation(id: $id) }`,
    vars: async () => {
      await t.ds.query(`DELETE FROM urgent_occupation WHERE occupation_code = '4.07'`);
      const [row] = await t.ds.query(`INSERT INTO urgent_occupation (occupation_code) VALUES ('4.07') RETURNING id`);
      return { id: row.id };
    },
    expect: outcomes(['city', 'admin']),
  },
  { op: 'postingSpotChecks', query: `{ postingSpotChecks { total } }`, expect: outcomes(STAFF) },
  {
    op: 'postingSpotCheck',
    scenario: 'a 兰山区 sample',
    query: `query($id: ID!) { postingSpotCheck(id: $id) { id } }`,
    vars: async () => ({ id: (await postings()).spotCheck }),
    expect: outcomes(LANSHAN),
  },
  { op: 'postingValidityRates', query: `{ postingValidityRates(period: MONTH, year: 2026) { period } }`, expect: outcomes(STAFF) },
  {
    op: 'drawPostingSpotCheck',
    scenario: 'the regions the caller covers (each has an approved posting)',
    query: `mutation { drawPostingSpotCheck(sampleSize: 1) { id } }`,
    vars: async () => {
      await postings();
      return {};
    },
    expect: outcomes(STAFF),
  },
  {
    op: 'recordPostingSpotCheck',
    query: `mutation($id: ID!) { recordPostingSpotCheck(itemId: $id, result: VALID) { id } }`,
    vars: async () => ({ id: (await postings()).spotItem }),
    expect: outcomes(LANSHAN),
  },
  // ── Mentor pool and coaching (护航) ───────────────────────────────────────
  { op: 'mentorExpertiseTags', query: `{ mentorExpertiseTags { code } }`, expect: everyone() },
  { op: 'mentorStudios', query: `{ mentorStudios { id } }`, expect: outcomes(STAFF) },
  { op: 'mentors', query: `{ mentors { total } }`, expect: outcomes(STAFF) },
  { op: 'mentor', query: `query($id: ID!) { mentor(id: $id) { id } }`, vars: async () => ({ id: (await mentorFx.get()).mentorId }), expect: outcomes([...LANSHAN, 'mentor'], 'NOT_FOUND') },
  { op: 'mentorStats', query: `{ mentorStats { poolSize } }`, expect: outcomes(STAFF) },
  { op: 'startupProjects', query: `{ startupProjects { total } }`, expect: outcomes(STAFF) },
  {
    op: 'startupProject',
    query: `query($id: ID!) { startupProject(projectId: $id) { id } }`,
    vars: async () => ({ id: (await mentorFx.get()).projectId }),
    expect: outcomes([...LANSHAN, 'seeker', 'mentor'], 'NOT_FOUND'),
  },
  {
    op: 'mentorSuggestions',
    query: `query($id: ID!) { mentorSuggestions(projectId: $id) { score } }`,
    vars: async () => ({ id: (await mentorFx.get()).projectId }),
    expect: outcomes(LANSHAN, 'NOT_FOUND', { seeker: 'FORBIDDEN', mentor: 'FORBIDDEN' }),
  },
  {
    op: 'projectFollowUps',
    query: `query($id: ID!) { projectFollowUps(projectId: $id) { id } }`,
    vars: async () => ({ id: (await mentorFx.get()).projectId }),
    expect: outcomes([...LANSHAN, 'seeker', 'mentor'], 'NOT_FOUND'),
  },
  {
    op: 'projectSessions',
    query: `query($id: ID!) { projectSessions(projectId: $id) { id } }`,
    vars: async () => ({ id: (await mentorFx.get()).projectId }),
    expect: outcomes([...LANSHAN, 'seeker', 'mentor'], 'NOT_FOUND'),
  },
  { op: 'myMentorDesk', query: `{ myMentorDesk { followUps { id } } }`, expect: outcomes(['mentor']) },
  { op: 'myFounderSessions', query: `{ myFounderSessions { id } }`, expect: signedIn() },
  { op: 'myFoundedProjects', query: `{ myFoundedProjects { id } }`, expect: signedIn() },
  { op: 'eventMentors', query: `query($e: ID!) { eventMentors(eventId: $e) { id } }`, vars: async () => ({ e: (await mentorFx.get()).eventId }), expect: outcomes(LANSHAN) },
  {
    op: 'saveMentorExpertiseTag',
    query: `mutation($c: String!, $n: String!) { saveMentorExpertiseTag(code: $c, nameZh: $n, nameEn: $n) { code } }`,
    vars: () => ({ c: `MX_${tag().toUpperCase()}`, n: `矩阵${tag()}` }),
    expect: outcomes(STAFF),
  },
  {
    op: 'saveMentorStudio',
    query: `mutation($input: StudioInput!) { saveMentorStudio(input: $input) { id } }`,
    vars: () => ({ input: { name: `矩阵工作室${tag()}`, regionCode: '371302' } }),
    expect: outcomes(LANSHAN),
  },
  {
    op: 'applyAsMentor',
    query: `mutation($input: MentorApplicationInput!) { applyAsMentor(input: $input) }`,
    vars: () => ({ input: { name: '申请导师', expertise: ['LAW'], regionCode: '371302', phone: mentorFx.phone() } }),
    expect: everyone(),
  },
  {
    op: 'createMentor',
    query: `mutation($input: MentorInput!) { createMentor(input: $input) { id } }`,
    vars: () => ({ input: { name: '矩阵导师', expertise: ['LAW'], regionCode: '371302', phone: mentorFx.phone() } }),
    expect: outcomes(LANSHAN),
  },
  {
    op: 'updateMentor',
    query: `mutation($id: ID!, $input: MentorInput!) { updateMentor(id: $id, input: $input) { id } }`,
    vars: async () => ({ id: await mentorFx.mentor('ACTIVE'), input: { name: '改名导师', expertise: ['LAW'], regionCode: '371302' } }),
    expect: outcomes(LANSHAN, 'NOT_FOUND'),
  },
  {
    op: 'decideMentorApplication',
    query: `mutation($id: ID!) { decideMentorApplication(id: $id, approve: true) { id } }`,
    vars: async () => ({ id: await mentorFx.mentor('APPLIED') }),
    expect: outcomes(LANSHAN, 'NOT_FOUND'),
  },
  {
    op: 'certifyMentor',
    query: `mutation($id: ID!, $no: String!) { certifyMentor(id: $id, certificateNo: $no, certifiedOn: "2025-01-01") { id } }`,
    vars: async () => ({ id: await mentorFx.mentor('ACTIVE'), no: `MX-${tag()}` }),
    expect: outcomes(LANSHAN, 'NOT_FOUND'),
  },
  { op: 'retireMentor', query: `mutation($id: ID!) { retireMentor(id: $id) { id } }`, vars: async () => ({ id: await mentorFx.mentor('ACTIVE') }), expect: outcomes(LANSHAN, 'NOT_FOUND') },
  { op: 'reactivateMentor', query: `mutation($id: ID!) { reactivateMentor(id: $id) { id } }`, vars: async () => ({ id: await mentorFx.mentor('INACTIVE') }), expect: outcomes(LANSHAN, 'NOT_FOUND') },
  {
    op: 'createMentorAccount',
    query: `mutation($id: ID!, $p: String!) { createMentorAccount(id: $id, password: $p) { id } }`,
    vars: async () => ({ id: await mentorFx.mentor('ACTIVE'), p: STRONG_PASSWORD }),
    expect: outcomes(LANSHAN, 'NOT_FOUND'),
  },
  {
    op: 'importMentors',
    query: `mutation($f: String!) { importMentors(fileBase64: $f, dryRun: true) { imported } }`,
    vars: async () => ({ f: await mentorFx.sheet() }),
    expect: outcomes(STAFF),
  },
  {
    op: 'createStartupProject',
    query: `mutation($input: ProjectInput!) { createStartupProject(input: $input) { id } }`,
    vars: () => ({ input: { name: '矩阵项目', founders: [{ name: '创业者' }], industry: 'FOOD', stage: 'IDEA', regionCode: '371302', source: 'INCUBATOR' } }),
    expect: outcomes(LANSHAN),
  },
  {
    op: 'assignMentor',
    query: `mutation($p: ID!, $m: ID!) { assignMentor(projectId: $p, mentorId: $m, startsOn: "2026-01-01") { id } }`,
    vars: async () => ({ p: await mentorFx.project(), m: await mentorFx.mentor('ACTIVE') }),
    expect: outcomes(LANSHAN, 'NOT_FOUND'),
  },
  {
    op: 'respondToFollowUp',
    query: `mutation($id: ID!) { respondToFollowUp(id: $id, accept: true) { id } }`,
    vars: async () => ({ id: await mentorFx.followUp('OFFERED') }),
    expect: outcomes(['mentor'], 'NOT_FOUND', { countyOwn: 'FORBIDDEN', city: 'FORBIDDEN', admin: 'FORBIDDEN' }),
  },
  {
    op: 'endFollowUp',
    query: `mutation($id: ID!) { endFollowUp(id: $id, outcome: GROWING) { id } }`,
    vars: async () => ({ id: await mentorFx.followUp('ACTIVE') }),
    expect: outcomes([...LANSHAN, 'mentor'], 'NOT_FOUND'),
  },
  {
    op: 'logCoachingSession',
    query: `mutation($input: LogSessionInput!) { logCoachingSession(input: $input) { id } }`,
    vars: async () => ({ input: { projectId: (await mentorFx.get()).projectId } }),
    expect: outcomes(['mentor']),
  },
  {
    op: 'confirmCoachingSession',
    query: `mutation($id: ID!) { confirmCoachingSession(id: $id) { id } }`,
    vars: async () => ({ id: (await mentorFx.session()).sessionId }),
    expect: outcomes(['seeker'], 'NOT_FOUND', { mentor: 'FORBIDDEN', countyOwn: 'FORBIDDEN', city: 'FORBIDDEN', admin: 'FORBIDDEN' }),
  },
  {
    op: 'setCoachingActionDone',
    query: `mutation($id: ID!) { setCoachingActionDone(id: $id) { id } }`,
    vars: async () => ({ id: (await mentorFx.session()).actionId }),
    expect: outcomes(['mentor'], 'NOT_FOUND'),
  },
  {
    op: 'assignMentorToEvent',
    query: `mutation($e: ID!, $m: ID!) { assignMentorToEvent(eventId: $e, mentorId: $m, role: SPEAKER) { id } }`,
    vars: async () => ({ e: (await mentorFx.get()).eventId, m: await mentorFx.mentor('ACTIVE') }),
    expect: outcomes(LANSHAN),
  },
  {
    op: 'recordMentorAttendance',
    query: `mutation($id: ID!) { recordMentorAttendance(id: $id, attended: true) { id } }`,
    vars: async () => ({ id: (await mentorFx.get()).roleId }),
    expect: outcomes(LANSHAN),
  },

  // ── Attendance ───────────────────────────────────────────────────────────────
  { op: 'mySeekerProfile', query: `{ mySeekerProfile { groups } }`, expect: outcomes(['seeker']) },
  { op: 'updateMySeekerProfile', query: `mutation { updateMySeekerProfile(input: { graduationYear: 2025, groups: [RECENT_GRADUATE] }) { graduationYear } }`, expect: outcomes(['seeker']) },
  {
    op: 'registerForEvent',
    query: `mutation($e: ID!) { registerForEvent(eventId: $e) { id } }`,
    vars: async () => ({ e: await eventAs(t, w.tokens.admin!, { ...ONLINE, startsAt: new Date(Date.now() + 7 * 86400_000 + clock++ * 3600_000).toISOString() }, true) }),
    expect: outcomes(['seeker']),
  },
  { op: 'myRegistrations', query: `{ myRegistrations { id ticketCode } }`, expect: outcomes(['seeker']) },
  {
    op: 'cancelRegistration',
    scenario: 'its own seeker only; for anyone else it does not exist',
    query: `mutation($id: ID!) { cancelRegistration(registrationId: $id) { id } }`,
    vars: async (_p, ok) => ({ id: ok ? await freshSeekerRegistration() : (await attendance()).registrationId }),
    expect: outcomes(['seeker'], 'NOT_FOUND'),
  },
  {
    op: 'myTicketImage',
    scenario: 'a seeker sees only its own tickets',
    query: `query($id: ID!) { myTicketImage(registrationId: $id, format: SVG) { code } }`,
    vars: async () => ({ id: (await attendance()).registrationId }),
    expect: outcomes(['seeker'], 'NOT_FOUND'),
  },
  {
    op: 'myTicketImage',
    scenario: "another seeker's ticket: not found for everyone",
    query: `query($id: ID!) { myTicketImage(registrationId: $id, format: SVG) { code } }`,
    vars: async () => ({ id: (await attendance()).strangerRegistration }),
    expect: outcomes([], 'NOT_FOUND'),
  },
  {
    op: 'checkInStation',
    scenario: "the door volunteer's own event",
    query: `query($e: ID!) { checkInStation(eventId: $e) { eventId } }`,
    vars: async () => ({ e: (await attendance()).own }),
    expect: outcomes(['host', ...LANSHAN]),
  },
  {
    op: 'checkInStation',
    scenario: 'an event the volunteer is not on door duty at',
    query: `query($e: ID!) { checkInStation(eventId: $e) { eventId } }`,
    vars: async () => ({ e: (await attendance()).other }),
    expect: outcomes(LANSHAN),
  },
  {
    op: 'stationEvents',
    scenario: 'staff get the events they may scan for (a list, possibly empty); seekers and employers never scan',
    query: `{ stationEvents { eventId doorDuty } }`,
    vars: async () => (await attendance(), {}),
    expect: outcomes(['mentor', 'host', ...STAFF]),
  },
  {
    op: 'uploadScans',
    scenario: "a door volunteer scans for its own event",
    query: `mutation($e: ID!, $s: [ScanInput!]!) { uploadScans(eventId: $e, scans: $s) { counts { admitted } } }`,
    vars: async () => {
      const a = await attendance();
      return { e: a.own, s: SCAN(a.gate, a.registrationId) };
    },
    expect: outcomes(['host', ...LANSHAN]),
  },
  {
    op: 'uploadScans',
    scenario: 'and for no other event',
    query: `mutation($e: ID!, $s: [ScanInput!]!) { uploadScans(eventId: $e, scans: $s) { counts { admitted } } }`,
    vars: async () => {
      const a = await attendance();
      return { e: a.other, s: SCAN(a.otherGate, a.registrationId) };
    },
    expect: outcomes(LANSHAN),
  },
  {
    op: 'registerWalkIn',
    query: `mutation($e: ID!, $g: ID!, $i: WalkInInput!) { registerWalkIn(eventId: $e, gateId: $g, input: $i) { outcome } }`,
    vars: async () => {
      const a = await attendance();
      return { e: a.own, g: a.gate, i: { name: '现场', phone: walkInPhone() } };
    },
    expect: outcomes(['host', ...LANSHAN]),
  },
  {
    op: 'attendanceCounts',
    query: `query($e: ID!) { attendanceCounts(eventId: $e) { admitted } }`,
    vars: async () => ({ e: (await attendance()).own }),
    expect: outcomes(['host', ...LANSHAN]),
  },
  {
    op: 'checkInBooking',
    scenario: 'at a fair where the volunteer is on door duty',
    query: `mutation($id: ID!) { checkInBooking(bookingId: $id) { bookingId } }`,
    vars: async () => ({ id: await pastBooking(w.verifiedEmployerId) }),
    expect: outcomes(['host', ...LANSHAN]),
  },
  { op: 'attendanceGates', query: `query($e: ID!) { attendanceGates(eventId: $e) { id } }`, vars: async () => ({ e: (await attendance()).own }), expect: outcomes(LANSHAN) },
  {
    op: 'createGate',
    query: `mutation($e: ID!, $n: String!) { createGate(eventId: $e, name: $n) { id } }`,
    vars: async () => ({ e: (await attendance()).own, n: `门${tag()}` }),
    expect: outcomes(LANSHAN),
  },
  {
    op: 'renameGate',
    query: `mutation($g: ID!, $n: String!) { renameGate(gateId: $g, name: $n) { id } }`,
    vars: async () => ({ g: (await attendance()).gate, n: `东门${tag()}` }),
    expect: outcomes(LANSHAN),
  },
  {
    op: 'removeGate',
    query: `mutation($g: ID!) { removeGate(gateId: $g) { id } }`,
    vars: async () => {
      const [g] = await t.ds.query(`INSERT INTO attendance_gate (event_id, name) VALUES ($1, $2) RETURNING id`, [(await attendance()).own, `临时${tag()}`]);
      return { g: g.id };
    },
    expect: outcomes(LANSHAN),
  },
  { op: 'doorVolunteers', query: `query($e: ID!) { doorVolunteers(eventId: $e) { userId } }`, vars: async () => ({ e: (await attendance()).own }), expect: outcomes(LANSHAN) },
  {
    op: 'assignDoorVolunteer',
    query: `mutation($e: ID!, $u: ID!) { assignDoorVolunteer(eventId: $e, userId: $u) { userId } }`,
    vars: async () => ({ e: (await attendance()).other, u: w.lanshanMentor }),
    expect: outcomes(LANSHAN),
  },
  {
    op: 'removeDoorVolunteer',
    query: `mutation($e: ID!, $u: ID!) { removeDoorVolunteer(eventId: $e, userId: $u) { userId } }`,
    vars: async () => ({ e: (await attendance()).other, u: w.lanshanMentor }),
    expect: outcomes(LANSHAN),
  },
  {
    op: 'attendanceFigures',
    query: `query($e: ID!) { attendanceFigures(eventId: $e) { seekersAdmitted } }`,
    vars: async () => ({ e: (await attendance()).own }),
    expect: outcomes(LANSHAN),
  },
  {
    op: 'attendanceConflicts',
    query: `query($e: ID!) { attendanceConflicts(eventId: $e) { id } }`,
    vars: async () => ({ e: (await attendance()).own }),
    expect: outcomes(LANSHAN),
  },
  {
    op: 'attendanceRegistrations',
    query: `query($e: ID!) { attendanceRegistrations(eventId: $e) { total } }`,
    vars: async () => ({ e: (await attendance()).own }),
    expect: outcomes(LANSHAN),
  },
  {
    op: 'attendanceExport',
    scenario: 'masked',
    query: `query($e: ID!) { attendanceExport(eventId: $e, unmasked: false) { filename } }`,
    vars: async () => ({ e: (await attendance()).own }),
    expect: outcomes(LANSHAN),
  },
  {
    op: 'attendanceExport',
    scenario: 'unmasked: only with the export permission (city-wide)',
    query: `query($e: ID!) { attendanceExport(eventId: $e, unmasked: true) { filename } }`,
    vars: async () => ({ e: (await attendance()).own }),
    expect: outcomes(['city', 'admin']),
  },
  {
    op: 'fairBoothAttendance',
    query: `query($e: ID!) { fairBoothAttendance(eventId: $e) { bookingId } }`,
    vars: async () => ({ e: (await attendance()).pastFair }),
    expect: outcomes(LANSHAN),
  },
  { op: 'myFairOutcomes', query: `{ myFairOutcomes { bookingId } }`, expect: outcomes(['employerOwn', 'employerOther']) },
  {
    op: 'recordFairOutcome',
    scenario: "the own employer's booking",
    query: `mutation($id: ID!) { recordFairOutcome(bookingId: $id, input: { resumesReceived: 12, interviews: 5, hiringIntents: 2 }) { bookingId } }`,
    vars: async () => ({ id: await pastBooking(w.ownEmployerId) }),
    expect: outcomes(['employerOwn', ...LANSHAN]),
  },
];

// ── Attendance fixtures: a 兰山 fair with a gate where the host persona is on door duty, another without, the seeker's registration ──
let attendanceWorldP: Promise<{ own: string; other: string; gate: string; otherGate: string; registrationId: string; strangerRegistration: string; pastFair: string }> | undefined;
const attendance = () =>
  (attendanceWorldP ??= (async () => {
    const future = () => eventAs(t, w.tokens.admin!, { ...ONLINE, startsAt: new Date(Date.now() + 5 * 86400_000 + clock++ * 3600_000).toISOString() }, true);
    const own = await future();
    const other = await future();
    const [gate] = await t.ds.query(`INSERT INTO attendance_gate (event_id, name) VALUES ($1, '东门') RETURNING id`, [own]);
    const [otherGate] = await t.ds.query(`INSERT INTO attendance_gate (event_id, name) VALUES ($1, '东门') RETURNING id`, [other]);
    await t.ds.query(`INSERT INTO attendance_door_volunteer (event_id, user_id) VALUES ($1, $2)`, [own, w.ids.host]);
    const reg = await t.gql(`mutation($e: ID!) { registerForEvent(eventId: $e) { id } }`, { e: own }, w.tokens.seeker);
    const stranger = await signedInAs(t, 'SEEKER');
    const other2 = await t.gql(`mutation($e: ID!) { registerForEvent(eventId: $e) { id } }`, { e: own }, stranger.token);
    const pastFair = await eventAs(t, w.tokens.admin!, { ...ONLINE, startsAt: new Date(Date.now() - 86400_000 - clock++ * 3600_000).toISOString() }, true);
    await t.ds.query(`INSERT INTO attendance_door_volunteer (event_id, user_id) VALUES ($1, $2)`, [pastFair, w.ids.host]);
    return {
      own, other, gate: gate.id, otherGate: otherGate.id, registrationId: reg.data!.registerForEvent.id, strangerRegistration: other2.data!.registerForEvent.id, pastFair,
    };
  })());
/** A confirmed place (no booth) of `employerId` at the past fair: check-in and outcome rows. */
const pastBookings = new Map<string, Promise<string>>();
function pastBooking(employerId: string): Promise<string> {
  if (!pastBookings.has(employerId)) {
    pastBookings.set(employerId, (async () => {
      const a = await attendance();
      const [row] = await t.ds.query(`INSERT INTO booth_booking (event_id, employer_id, status) VALUES ($1, $2, 'CONFIRMED') RETURNING id`, [a.pastFair, employerId]);
      return row.id as string;
    })());
  }
  return pastBookings.get(employerId)!;
}
/** A fresh registration of the seeker persona (a fresh event each time). */
async function freshSeekerRegistration(): Promise<string> {
  const e = await eventAs(t, w.tokens.admin!, { ...ONLINE, startsAt: new Date(Date.now() + 9 * 86400_000 + clock++ * 3600_000).toISOString() }, true);
  const res = await t.gql(`mutation($e: ID!) { registerForEvent(eventId: $e) { id } }`, { e }, w.tokens.seeker);
  return res.data!.registerForEvent.id as string;
}
const SCAN = (gateId: string, registrationId: string) => [{ scanId: randomUUID(), gateId, registrationId, scannedAt: new Date().toISOString(), offline: false }];
const walkInPhone = () => `137${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

/** Applications: postings of the own employer (and a public one of a verified firm), the seeker persona's application. */
const appFixtures = (() => {
  let shared: Promise<{ ownPostingId: string; publicPostingId: string; applicationId: string }> | undefined;
  const postingOf = async (employerId: string): Promise<string> => {
    const [row] = await t.ds.query(
      `INSERT INTO job_posting (employer_id, title, occupation_code, headcount, education, experience, region_code, description,
                                contact_name, contact_phone, valid_until, status, reviewed_at)
       VALUES ($1, '矩阵岗位', '6.01', 1, 'NONE', 'NONE', '371302', '测试', '张经理', '13805391234', (now() + interval '30 days')::date, 'APPROVED', now())
       RETURNING id`,
      [employerId],
    );
    return row.id as string;
  };
  const application = async (postingId?: string): Promise<string> => {
    const [row] = await t.ds.query(
      `INSERT INTO job_application (posting_id, seeker_id, employer_id, source, applicant_name, applicant_email)
       VALUES ($1, $2, $3, 'ONLINE', '求职者', 'seeker@example.test') RETURNING id`,
      [postingId ?? (await postingOf(w.ownEmployerId)), w.ids.seeker, w.ownEmployerId],
    );
    return row.id as string;
  };
  return {
    get: () =>
      (shared ??= (async () => {
        const ownPostingId = await postingOf(w.ownEmployerId);
        return { ownPostingId, publicPostingId: await postingOf(w.verifiedEmployerId), applicationId: await application(ownPostingId) };
      })()),
    publicPosting: () => postingOf(w.verifiedEmployerId),
    application: () => application(),
  };
})();
/** Mentor pool: the mentor persona's profile (兰山), a 兰山 project the seeker persona founded and the mentor follows, an entrepreneurship event. */
const mentorFx = (() => {
  let shared: Promise<{ mentorId: string; projectId: string; eventId: string; roleId: string }> | undefined;
  let phoneSerial = 0;
  const phone = () => `137${String(Date.now() % 1e5).padStart(5, '0')}${String(phoneSerial++ % 1000).padStart(3, '0')}`;
  const mentor = async (status: 'ACTIVE' | 'APPLIED' | 'INACTIVE', userId: string | null = null, capacity = 2): Promise<string> => {
    const [row] = await t.ds.query(
      `INSERT INTO mentor (name, expertise, region_code, phone, status, active_from, retired_on, capacity, user_id)
       VALUES ('矩阵导师', '{LAW}', '371302', $1, $2, CASE WHEN $2 <> 'APPLIED' THEN current_date END, CASE WHEN $2 = 'INACTIVE' THEN current_date END, $3, $4) RETURNING id`,
      [phone(), status, capacity, userId],
    );
    return row.id as string;
  };
  const project = async (founderId: string | null = null): Promise<string> => {
    const [row] = await t.ds.query(`INSERT INTO startup_project (name, industry, stage, region_code, source) VALUES ('矩阵项目', 'FOOD', 'IDEA', '371302', 'CONTEST') RETURNING id`);
    await t.ds.query(`INSERT INTO startup_project_founder (project_id, user_id, name) VALUES ($1, $2, '创业者')`, [row.id, founderId]);
    return row.id as string;
  };
  const get = () =>
    (shared ??= (async () => {
      const mentorId = await mentor('ACTIVE', w.ids.mentor!, 20);
      const projectId = await project(w.ids.seeker!);
      await t.ds.query(`INSERT INTO mentor_follow_up (mentor_id, project_id, status, starts_on) VALUES ($1, $2, 'ACTIVE', current_date)`, [mentorId, projectId]);
      const eventId = await freshEvent(true, { type: 'ENTREPRENEURSHIP', subtype: 'ROADSHOW', regionCode: '371302' });
      const [role] = await t.ds.query(`INSERT INTO mentor_event_role (event_id, mentor_id, role) VALUES ($1, $2, 'JUDGE') RETURNING id`, [eventId, mentorId]);
      return { mentorId, projectId, eventId, roleId: role.id as string };
    })());
  return {
    get,
    phone,
    mentor: (status: 'ACTIVE' | 'APPLIED' | 'INACTIVE') => mentor(status),
    project: () => project(),
    /** A follow-up of the mentor persona's profile on a fresh project (straight in SQL: its capacity is not under test here). */
    followUp: async (status: 'OFFERED' | 'ACTIVE'): Promise<string> => {
      const { mentorId } = await get();
      const [row] = await t.ds.query(`INSERT INTO mentor_follow_up (mentor_id, project_id, status, starts_on) VALUES ($1, $2, $3, current_date) RETURNING id`, [
        mentorId, await project(), status,
      ]);
      return row.id as string;
    },
    /** A fresh, unconfirmed session of the shared project with one open action. */
    session: async (): Promise<{ sessionId: string; actionId: string }> => {
      const { mentorId, projectId } = await get();
      const [s] = await t.ds.query(`INSERT INTO coaching_session (mentor_id, project_id, held_at, duration_minutes, mode) VALUES ($1, $2, now(), 60, 'PHONE') RETURNING id`, [mentorId, projectId]);
      const [a] = await t.ds.query(`INSERT INTO coaching_action (session_id, text) VALUES ($1, '整理报表') RETURNING id`, [s.id]);
      return { sessionId: s.id, actionId: a.id };
    },
    sheet: async (): Promise<string> => {
      const wb = new ExcelJS.Workbook();
      const sheet = wb.addWorksheet('导师库');
      sheet.addRow(['姓名', '手机号', '专长领域', '所属区县']);
      sheet.addRow(['矩阵导师', phone(), '法律合规', '兰山区']);
      return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer).toString('base64');
    },
  };
})();
let loginInput: { login: string; password: string };
async function freshRefreshToken(): Promise<string> {
  const res = await t.gql(`mutation($input: RegisterSeekerInput!) { registerSeeker(input: $input) { refreshToken } }`, {
    input: { displayName: '会话', email: uniqueEmail('session'), password: STRONG_PASSWORD },
  });
  return res.data!.registerSeeker.refreshToken as string;
}

// ── REST routes under /exports (downloads with a bearer token): the HTTP status each caller gets ──
type Status = 200 | 401 | 403 | 404;
interface RestRow {
  /** 'GET /exports/…' as the controller declares it (':id' for parameters). */
  route: string;
  scenario?: string;
  /** The concrete path (and query) to call. */
  path: () => Promise<string> | string;
  expect: Record<Persona, Status>;
}
/** `allowed` get 200; other staff `denied`; non-staff signed-in callers 403; anonymous 401. */
function statuses(allowed: readonly Persona[], denied: Status = 403): Record<Persona, Status> {
  return Object.fromEntries(
    PERSONAS.map((p) => [p, allowed.includes(p) ? 200 : p === 'anonymous' ? 401 : STAFF.includes(p) ? denied : 403]),
  ) as Record<Persona, Status>;
}
/** 兰山's ledger export, once built by the queue's worker. */
async function builtLanshanLedger(): Promise<string> {
  const { lanshanExport } = await quotas();
  const deadline = Date.now() + 60_000;
  for (;;) {
    const [row] = await t.ds.query(`SELECT status FROM quota_ledger_export WHERE id = $1`, [lanshanExport]);
    if (row?.status === 'DONE') return lanshanExport;
    if (row?.status === 'FAILED' || Date.now() > deadline) throw new Error(`ledger export ${lanshanExport}: ${row?.status}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
const restRows: RestRow[] = [
  { route: 'GET /exports/mentors-template.xlsx', path: () => '/exports/mentors-template.xlsx', expect: statuses(STAFF) },
  { route: 'GET /exports/mentors.xlsx', path: () => '/exports/mentors.xlsx', expect: statuses(STAFF) },
  { route: 'GET /exports/postings.csv', path: () => '/exports/postings.csv', expect: statuses(STAFF) },
  { route: 'GET /exports/postings.csv', scenario: "兰山's postings", path: () => '/exports/postings.csv?region=371302', expect: statuses(LANSHAN) },
  { route: 'GET /exports/postings.xlsx', path: () => '/exports/postings.xlsx?region=371302', expect: statuses(LANSHAN) },
  {
    route: 'GET /exports/ledgers/:id',
    scenario: "兰山's ledger, asked for by 兰山's organizer: only it and admins download it",
    path: async () => `/exports/ledgers/${await builtLanshanLedger()}`,
    expect: statuses(['countyOwn', 'admin'], 404),
  },
  {
    route: 'GET /exports/broadcasts/:id/stats.xlsx',
    scenario: "兰山's broadcast: its host and the staff covering 兰山",
    path: async () => `/exports/broadcasts/${(await broadcast()).id}/stats.xlsx`,
    expect: statuses(['host', ...LANSHAN]),
  },
];

async function call(row: Row, p: Persona, ok: boolean): Promise<Outcome | string> {
  const variables = row.vars ? await row.vars(p, ok) : {};
  const res = await t.gql(row.query, variables, w.tokens[p]);
  const code = res.errors?.[0]?.extensions?.code;
  if (!res.errors && res.data?.[row.op] !== undefined) return 'OK';
  // Anything else (BAD_USER_INPUT, CONFLICT, an internal error) shows in full: the row's call is not minimal and valid.
  return typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR' ? code : JSON.stringify(res.errors);
}

describe('authorization matrix', () => {
  beforeAll(async () => {
    t = await createTestApp();
    const own = await registerEmployer(t, { regionCode: '371302' });
    const other = await registerEmployer(t, { regionCode: '371302' });
    const personas: Partial<Record<Persona, { id: string; token: string }>> = {
      seeker: await signedInAs(t, 'SEEKER'),
      employerOwn: { id: own.userId, token: own.token },
      employerOther: { id: other.userId, token: other.token },
      mentor: await signedInAs(t, 'MENTOR', { regionCode: '371302' }),
      host: await signedInAs(t, 'HOST', { regionCode: '371302' }),
      countyOwn: await signedInAs(t, 'ORGANIZER', { regionCode: '371302' }),
      countyOther: await signedInAs(t, 'ORGANIZER', { regionCode: '371325' }),
      city: await signedInAs(t, 'ORGANIZER', { regionCode: '371300' }),
      admin: await signedInAs(t, 'ADMIN'),
    };
    const tokens = Object.fromEntries(PERSONAS.map((p) => [p, personas[p]?.token])) as World['tokens'];
    const ids = Object.fromEntries(PERSONAS.map((p) => [p, personas[p]?.id])) as World['ids'];
    const loginAccount = uniqueEmail('login');
    await t.gql(`mutation($input: RegisterSeekerInput!) { registerSeeker(input: $input) { accessToken } }`, {
      input: { displayName: '登录者', email: loginAccount, password: STRONG_PASSWORD },
    });
    loginInput = { login: loginAccount, password: STRONG_PASSWORD };
    w = {
      tokens,
      ids,
      ownEmployerId: own.employerId,
      otherCountyEmployerId: await employerRow(t, '371325', 'VERIFIED'),
      lanshanVenue: await createVenue(t, '371302'),
      feixianVenue: await createVenue(t, '371325'),
      published: '',
      draft: '',
      seriesId: '',
      lanshanMentor: ids.mentor!,
      cityOrganizer: ids.city!,
      adminUser: ids.admin!,
      verifiedEmployerId: await employerRow(t, '371302', 'VERIFIED'),
    };
    w.published = await eventAs(t, tokens.countyOwn!, { venueId: w.lanshanVenue, startsAt: nextSlot() }, true);
    w.draft = await eventAs(t, tokens.countyOwn!, { venueId: w.lanshanVenue, startsAt: nextSlot() }, false);
    const series = await t.gql(`mutation($input: CreateEventSeriesInput!) { createEventSeries(input: $input) { id } }`, {
      input: { title: '兰山系列', type: 'JOB_FAIR', subtype: 'GENERAL', regionCode: '371302', capacity: 100, ...ONLINE, pattern: weeklyPattern() },
    }, tokens.countyOwn);
    w.seriesId = series.data!.createEventSeries.id;
  });
  afterAll(() => t.close());

  it('has a row for every query and mutation of the schema, and no row for an operation that does not exist', () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const operations = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]
      .flatMap((type) => (type ? Object.keys(type.getFields()) : []))
      .sort();
    const covered = [...new Set(rows.map((r) => r.op))].sort();
    expect({ withoutRow: operations.filter((op) => !covered.includes(op)), unknownRows: covered.filter((op) => !operations.includes(op)) }).toEqual({
      withoutRow: [],
      unknownRows: [],
    });
  });

  it('has a REST row for every route under /exports, and no row for a route that does not exist', () => {
    const routes: string[] = [];
    for (const wrapper of t.app.get(DiscoveryService).getControllers()) {
      const type = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!type) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, type) ?? '').replace(/^\/|\/$/g, '');
      for (const name of Object.getOwnPropertyNames(type.prototype)) {
        const fn = (type.prototype as Record<string, unknown>)[name];
        if (name === 'constructor' || typeof fn !== 'function' || Reflect.getMetadata(PATH_METADATA, fn) === undefined) continue;
        const path = [base, String(Reflect.getMetadata(PATH_METADATA, fn)).replace(/^\/|\/$/g, '')].filter(Boolean).join('/');
        if (path.startsWith('exports/')) routes.push(`${RequestMethod[Reflect.getMetadata(METHOD_METADATA, fn) as number]} /${path}`);
      }
    }
    const covered = [...new Set(restRows.map((r) => r.route))].sort();
    expect({ withoutRow: routes.filter((r) => !covered.includes(r)).sort(), unknownRows: covered.filter((r) => !routes.includes(r)) }).toEqual({ withoutRow: [], unknownRows: [] });
  });

  it.each(restRows.map((r) => [`${r.route}${r.scenario ? ` (${r.scenario})` : ''}`, r] as const))('%s', async (_name, row) => {
    const path = await row.path();
    const actual = {} as Record<Persona, number>;
    for (const p of PERSONAS) {
      const token = w.tokens[p];
      const res = await fetch(`${t.baseUrl}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
      await res.arrayBuffer();
      actual[p] = res.status;
    }
    expect(actual).toEqual(row.expect);
  }, 90_000);

  it.each(rows.map((r) => [`${r.op}${r.scenario ? ` (${r.scenario})` : ''}`, r] as const))('%s', async (_name, row) => {
    const actual = {} as Record<Persona, Outcome | string>;
    for (const p of PERSONAS) actual[p] = await call(row, p, row.expect[p] === 'OK');
    expect(actual).toEqual(row.expect);
  });
});
