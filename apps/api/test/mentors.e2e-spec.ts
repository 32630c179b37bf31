import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { Measures } from '../src/common/measures/measures.js';
import { EventAttachmentsService } from '../src/modules/events/event-attachments.service.js';
import { eventually } from './support/jobs.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { STRONG_PASSWORD, eventAs, signedInAs, uniquePhone, type SignedIn } from './support/factories.js';

/**
 * Mentor pool and coaching (issue 11): ranking, capacity, who sees and logs what, confirmation and
 * statistics, the pool as a quota measure, the Excel import (all or nothing), calendar feed and events.
 */
let t: TestApp;
let city: SignedIn;
let lanshan: SignedIn;
let feixian: SignedIn;

const MENTOR_FIELDS = 'id name status capacity load phone email certifiedOn certificateNo expertise industries regionCode hasAccount';
const CREATE_MENTOR = `mutation($input: MentorInput!) { createMentor(input: $input) { ${MENTOR_FIELDS} } }`;
const ok = <T = any>(res: { data?: any; errors?: unknown }, field: string): T => {
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data[field] as T;
};
const codeOf = (res: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => [res.errors?.[0]?.extensions?.code, res.errors?.[0]?.extensions?.reason];

let certificateSerial = 0;
async function mentor(overrides: Record<string, unknown> = {}, token = city.token): Promise<{ id: string }> {
  const certified = overrides.certified !== false;
  delete overrides.certified;
  const serial = String(++certificateSerial).padStart(4, '0');
  return ok(
    await t.gql(CREATE_MENTOR, {
      input: {
        name: `导师${randomBytes(2).toString('hex')}`,
        expertise: ['MANAGEMENT'],
        industries: [],
        regionCode: '371302',
        phone: uniquePhone(),
        capacity: 2,
        ...(certified ? { certifiedOn: '2025-01-10', certificateNo: `T-${randomBytes(2).toString('hex')}-${serial}` } : {}),
        ...overrides,
      },
    }, token),
    'createMentor',
  );
}

async function project(overrides: Record<string, unknown> = {}, founders: Array<{ name: string; account?: string }> = [{ name: '创业者' }]): Promise<{ id: string }> {
  return ok(
    await t.gql(`mutation($input: ProjectInput!) { createStartupProject(input: $input) { id name } }`, {
      input: { name: `项目${randomBytes(2).toString('hex')}`, founders, industry: 'AGRICULTURE', stage: 'STARTING', regionCode: '371302', source: 'CONTEST', needTags: [], ...overrides },
    }, city.token),
    'createStartupProject',
  );
}

const ASSIGN = `mutation($projectId: ID!, $mentorId: ID!, $offer: Boolean) { assignMentor(projectId: $projectId, mentorId: $mentorId, startsOn: "2026-01-05", offer: $offer) { id status } }`;
const assign = (projectId: string, mentorId: string, token = city.token, offer = false) => t.gql(ASSIGN, { projectId, mentorId, offer }, token);

/** A MENTOR account linked to the profile (straight in SQL; the account mutation is tested on its own). */
async function mentorAccount(mentorId: string): Promise<SignedIn> {
  const account = await signedInAs(t, 'MENTOR', { regionCode: '371302' });
  await t.ds.query(`UPDATE mentor SET user_id = $2 WHERE id = $1`, [mentorId, account.id]);
  return account;
}
async function founderAccount(): Promise<SignedIn & { email: string }> {
  const s = await signedInAs(t, 'SEEKER');
  const [{ email }] = await t.ds.query(`SELECT email FROM app_user WHERE id = $1`, [s.id]);
  return { ...s, email };
}
const LOG = `mutation($input: LogSessionInput!) { logCoachingSession(input: $input) { id confirmed durationMinutes mode actions { text dueOn } viewerCan { confirm } } }`;

async function workbook(rows: Array<Array<string | number | Date | null>>, header = ['姓名*', '手机号*', '邮箱', '工作单位', '职务职称', '专长领域*', '熟悉行业', '所属区县*', '认定日期', '证书编号', '导师工作室', '可带项目数', '个人简介']): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('导师库');
  sheet.addRow(header);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer).toString('base64');
}
const IMPORT = `mutation($file: String!, $dryRun: Boolean) { importMentors(fileBase64: $file, dryRun: $dryRun) { imported dryRun rows created updated rejected { row reasons } } }`;

beforeAll(async () => {
  t = await createTestApp();
  city = await signedInAs(t, 'ORGANIZER', { regionCode: '371300' });
  lanshan = await signedInAs(t, 'ORGANIZER', { regionCode: '371302' });
  feixian = await signedInAs(t, 'ORGANIZER', { regionCode: '371325' });
});
afterAll(() => t.close());

describe('suggestions', () => {
  // First in the file: the database holds only these five mentors, so the ranking is exact.
  it('ranks a fixed set of mentors by expertise, industry, region and load, with the reasons', async () => {
    const p = await project({ needTags: ['ECOMMERCE', 'MARKETING'], industry: 'AGRICULTURE', regionCode: '371325' });
    const best = await mentor({ name: '甲·全对口', expertise: ['ECOMMERCE', 'MARKETING'], industries: ['AGRICULTURE'], regionCode: '371325' });
    await mentor({ name: '乙·电商', expertise: ['ECOMMERCE'], regionCode: '371302' });
    await mentor({ name: '丙·市级', expertise: ['ECOMMERCE'], regionCode: '371300' });
    const full = await mentor({ name: '丁·已满', expertise: ['ECOMMERCE', 'MARKETING'], industries: ['AGRICULTURE'], regionCode: '371325', capacity: 1 });
    await mentor({ name: '戊·退休', expertise: ['ECOMMERCE', 'MARKETING'], industries: ['AGRICULTURE'] }).then((m) => t.gql(`mutation($id: ID!) { retireMentor(id: $id) { id } }`, { id: m.id }, city.token));
    ok(await assign((await project()).id, full.id), 'assignMentor');

    const res = await t.gql(
      `query($id: ID!) { mentorSuggestions(projectId: $id) { score available mentor { id name phone } reasons { code points tags free } } }`,
      { id: p.id },
      city.token,
    );
    const list = ok<Array<{ score: number; available: boolean; mentor: { id: string; name: string; phone: string }; reasons: Array<{ code: string; points: number; tags: string[] | null; free: number | null }> }>>(res, 'mentorSuggestions');
    expect(list.map((s) => [s.mentor.name, s.score, s.available])).toEqual([
      ['甲·全对口', 100, true],
      ['丙·市级', 48, true],
      ['乙·电商', 40, true],
      ['丁·已满', 0, false],
    ]);
    expect(list[0]!.mentor.id).toBe(best.id);
    expect(list[0]!.reasons.map((r) => [r.code, r.points])).toEqual([['EXPERTISE', 40], ['INDUSTRY', 25], ['SAME_REGION', 15], ['FREE_CAPACITY', 20]]);
    expect(list[0]!.reasons[0]!.tags).toEqual(['ECOMMERCE', 'MARKETING']);
    expect(list[0]!.mentor.phone).toMatch(/\*{4}/);
    // Suggestions are for organizers covering the project's region.
    expect(codeOf(await t.gql(`query($id: ID!) { mentorSuggestions(projectId: $id) { score } }`, { id: p.id }, lanshan.token))[0]).toBe('NOT_FOUND');
    expect(ok(await t.gql(`query($id: ID!) { mentorSuggestions(projectId: $id) { score } }`, { id: p.id }, feixian.token), 'mentorSuggestions')).toHaveLength(4);
  });
});

describe('the pool', () => {
  it('counts active certified mentors only (library, statistics and the mentors.pool measure)', async () => {
    const region = '371328'; // 蒙阴县: only this test's mentors
    const figures = async () => {
      const measures = t.app.get(Measures);
      const year = new Date().getUTCFullYear();
      return measures.evaluate('mentors.pool', { from: new Date(`${year - 1}-12-31T16:00:00Z`), to: new Date(`${year}-12-31T16:00:00Z`), regionCodes: [region], params: {} });
    };
    const stats = async () => ok<{ poolSize: number; poolTarget: number }>(await t.gql(`query($r: String) { mentorStats(regionCode: $r) { poolSize poolTarget } }`, { r: region }, city.token), 'mentorStats');
    expect((await figures()).total).toBe(0);
    await mentor({ regionCode: region });
    await mentor({ regionCode: region });
    const uncertified = await mentor({ regionCode: region, certified: false });
    const retired = await mentor({ regionCode: region });
    ok(await t.gql(`mutation($id: ID!) { retireMentor(id: $id) { status retiredOn } }`, { id: retired.id }, city.token), 'retireMentor');
    const applied = ok(await t.gql(`mutation($input: MentorApplicationInput!) { applyAsMentor(input: $input) }`, {
      input: { name: '申请人', expertise: ['LAW'], regionCode: region, phone: uniquePhone() },
    }), 'applyAsMentor');
    expect(applied).toBe(true);

    expect(await stats()).toEqual({ poolSize: 2, poolTarget: 100 });
    const f = await figures();
    expect(f.total).toBe(2);
    expect(f.byRegion).toEqual([{ regionCode: region, value: 2 }]);
    expect(f.byMonth.at(-1)).toEqual({ month: expect.stringMatching(/^\d{4}-12$/), value: 2 });
    expect(t.app.get(Measures).get('mentors.pool')!.additive).toBe(false);

    // Certifying the uncertified one brings it in; approving the application alone does not (not certified).
    ok(await t.gql(`mutation($id: ID!) { certifyMentor(id: $id, certificateNo: "MY-2025-0009", certifiedOn: "2025-06-01") { id } }`, { id: uncertified.id }, city.token), 'certifyMentor');
    const [application] = await t.ds.query(`SELECT id FROM mentor WHERE region_code = $1 AND status = 'APPLIED'`, [region]);
    const decided = ok<{ status: string }>(await t.gql(`mutation($id: ID!) { decideMentorApplication(id: $id, approve: true) { status } }`, { id: application.id }, city.token), 'decideMentorApplication');
    expect(decided.status).toBe('ACTIVE');
    expect(codeOf(await t.gql(`mutation($id: ID!) { decideMentorApplication(id: $id, approve: false) { status } }`, { id: application.id }, city.token))).toEqual(['CONFLICT', 'MENTOR_STATUS_CONFLICT']);
    expect((await stats()).poolSize).toBe(3);
    expect((await figures()).total).toBe(3);
    // Status changes and certification are audited.
    await eventually(async () => {
      const rows = await t.ds.query(`SELECT action FROM audit_log WHERE resource_id IN ($1, $2, $3) ORDER BY action`, [retired.id, uncertified.id, application.id]);
      expect(rows.map((r: { action: string }) => r.action)).toEqual(['mentor.certified', 'mentor.status-changed', 'mentor.status-changed']);
    });

    // The library filters, with contact masked; a county organizer sees its county only.
    const lib = ok<{ total: number; items: Array<{ phone: string; status: string }> }>(
      await t.gql(`query($r: String) { mentors(regionCode: $r, status: ACTIVE, certified: true) { total items { phone status } } }`, { r: region }, city.token),
      'mentors',
    );
    expect(lib.total).toBe(3);
    expect(lib.items.every((m) => /^1\d{2}\*{4}\d{4}$/.test(m.phone))).toBe(true);
    expect(ok<{ total: number }>(await t.gql(`query($r: String) { mentors(regionCode: $r) { total } }`, { r: region }, lanshan.token), 'mentors').total).toBe(0);
    expect(codeOf(await t.gql(`query($r: String) { mentorStats(regionCode: $r) { poolSize } }`, { r: region }, lanshan.token))[0]).toBe('FORBIDDEN');
  });
});

describe('follow-ups and capacity', () => {
  it('refuses an assignment over capacity, also when several arrive at once', async () => {
    const m = await mentor({ capacity: 1 });
    const p1 = await project();
    const p2 = await project();
    ok(await assign(p1.id, m.id), 'assignMentor');
    expect(codeOf(await assign(p2.id, m.id))).toEqual(['CONFLICT', 'MENTOR_AT_CAPACITY']);
    expect(codeOf(await assign(p1.id, (await mentor()).id, feixian.token))[0]).toBe('NOT_FOUND');

    const racer = await mentor({ capacity: 2 });
    const projects = await Promise.all(Array.from({ length: 6 }, () => project()));
    const results = await Promise.all(projects.map((p) => assign(p.id, racer.id)));
    expect(results.filter((r) => !r.errors)).toHaveLength(2);
    expect(results.filter((r) => r.errors).map(codeOf)).toEqual(Array(4).fill(['CONFLICT', 'MENTOR_AT_CAPACITY']));
    const [{ open }] = await t.ds.query(`SELECT count(*)::int AS open FROM mentor_follow_up WHERE mentor_id = $1 AND status IN ('OFFERED','ACTIVE')`, [racer.id]);
    expect(open).toBe(2);
  });

  it('offers a project that the mentor accepts, and ends a follow-up with an outcome', async () => {
    const m = await mentor();
    const account = await mentorAccount(m.id);
    const p = await project();
    const offered = ok<{ id: string; status: string }>(await assign(p.id, m.id, city.token, true), 'assignMentor');
    expect(offered.status).toBe('OFFERED');
    expect(codeOf(await t.gql(LOG, { input: { projectId: p.id } }, account.token))).toEqual(['FORBIDDEN', 'MENTOR_NOT_FOLLOWING']);
    const accepted = ok<{ status: string }>(await t.gql(`mutation($id: ID!) { respondToFollowUp(id: $id, accept: true) { status } }`, { id: offered.id }, account.token), 'respondToFollowUp');
    expect(accepted.status).toBe('ACTIVE');
    ok(await t.gql(LOG, { input: { projectId: p.id } }, account.token), 'logCoachingSession');
    const ended = ok<{ status: string; outcome: string; endedOn: string }>(
      await t.gql(`mutation($id: ID!) { endFollowUp(id: $id, outcome: REGISTERED_BUSINESS, note: "已注册个体户") { status outcome endedOn } }`, { id: offered.id }, account.token),
      'endFollowUp',
    );
    expect(ended).toMatchObject({ status: 'ENDED', outcome: 'REGISTERED_BUSINESS' });
    expect(codeOf(await t.gql(LOG, { input: { projectId: p.id } }, account.token))[0]).toBe('NOT_FOUND');
  });
});

describe('sessions', () => {
  it('a mentor sees and logs only their own projects; only founders confirm; only confirmed sessions count', async () => {
    const region = '371327'; // 莒南县
    const founder = await founderAccount();
    const stranger = await founderAccount();
    const mA = await mentor({ regionCode: region });
    const mB = await mentor({ regionCode: region });
    const a = await mentorAccount(mA.id);
    const b = await mentorAccount(mB.id);
    const own = await project({ regionCode: region }, [{ name: '赵创', account: founder.email }, { name: '钱合伙' }]);
    const other = await project({ regionCode: region });
    ok(await assign(own.id, mA.id), 'assignMentor');
    ok(await assign(other.id, mB.id), 'assignMentor');

    // A's desk lists its project only; B's project does not exist for A.
    const desk = ok<{ followUps: Array<{ projectId: string }> }>(await t.gql(`{ myMentorDesk { profile { id } followUps { projectId status } } }`, {}, a.token), 'myMentorDesk');
    expect(desk.followUps.map((f) => f.projectId)).toEqual([own.id]);
    expect(codeOf(await t.gql(`query($id: ID!) { startupProject(projectId: $id) { id } }`, { id: other.id }, a.token))[0]).toBe('NOT_FOUND');
    expect(codeOf(await t.gql(LOG, { input: { projectId: other.id } }, a.token))[0]).toBe('NOT_FOUND');
    expect(codeOf(await t.gql(`query($id: ID!) { projectSessions(projectId: $id) { id } }`, { id: other.id }, a.token))[0]).toBe('NOT_FOUND');

    // A logs a session with the short form's defaults plus one action.
    const due = new Date(Date.now() + 7 * 86400_000).toISOString().slice(0, 10);
    const session = ok<{ id: string; confirmed: boolean; durationMinutes: number; mode: string; actions: unknown[]; viewerCan: { confirm: boolean } }>(
      await t.gql(LOG, { input: { projectId: own.id, topics: ['网店定价'], advice: '先做小批量试销', actions: [{ text: '整理成本表', dueOn: due }], nextOn: due } }, a.token),
      'logCoachingSession',
    );
    expect(session).toMatchObject({ confirmed: false, durationMinutes: 60, mode: 'ON_SITE', actions: [{ text: '整理成本表', dueOn: due }], viewerCan: { confirm: false } });
    expect(codeOf(await t.gql(LOG, { input: { projectId: own.id, heldAt: new Date(Date.now() + 86400_000).toISOString() } }, a.token))).toEqual(['BAD_USER_INPUT', 'SESSION_DATE_OUT_OF_RANGE']);
    // The founder with an account is told there is a session to confirm; the mentor was told about the project.
    await eventually(async () => {
      const rows = await t.ds.query(`SELECT kind, link FROM notification WHERE user_id = $1`, [founder.id]);
      if (!rows.length) throw new Error('no notification yet');
      expect(rows).toEqual([{ kind: 'COACHING_SESSION_LOGGED', link: '/seeker/coaching' }]);
    });
    await eventually(async () => {
      const rows = await t.ds.query(`SELECT kind FROM notification WHERE user_id = $1`, [a.id]);
      if (!rows.length) throw new Error('no notification yet');
      expect(rows).toEqual([{ kind: 'MENTOR_PROJECT_ASSIGNED' }]);
    });
    // B follows the same project too: it sees its own notes only.
    ok(await assign(own.id, mB.id), 'assignMentor');
    expect(ok<unknown[]>(await t.gql(`query($id: ID!) { projectSessions(projectId: $id) { id } }`, { id: own.id }, b.token), 'projectSessions')).toEqual([]);
    expect(ok<unknown[]>(await t.gql(`query($id: ID!) { projectSessions(projectId: $id) { id advice } }`, { id: own.id }, founder.token), 'projectSessions')).toHaveLength(1);
    expect(codeOf(await t.gql(`query($id: ID!) { projectSessions(projectId: $id) { id } }`, { id: own.id }, feixian.token))[0]).toBe('NOT_FOUND');

    const stats = async () =>
      ok<{ confirmedSessions: number; unconfirmedSessions: number; sessionsByMonth: Array<{ value: number }> }>(
        await t.gql(`query($r: String) { mentorStats(regionCode: $r) { confirmedSessions unconfirmedSessions sessionsByMonth { month value } } }`, { r: region }, city.token),
        'mentorStats',
      );
    const measure = async () => {
      const now = Date.now();
      return (await t.app.get(Measures).evaluate('mentors.confirmedSessions', { from: new Date(now - 30 * 86400_000), to: new Date(now + 86400_000), regionCodes: [region], params: {} })).total;
    };
    expect(await stats()).toMatchObject({ confirmedSessions: 0, unconfirmedSessions: 1 });
    expect(await measure()).toBe(0);

    // Strangers cannot confirm; the mentor cannot confirm its own session; the founder can, once.
    const CONFIRM = `mutation($id: ID!) { confirmCoachingSession(id: $id) { confirmed } }`;
    expect(codeOf(await t.gql(CONFIRM, { id: session.id }, stranger.token))[0]).toBe('NOT_FOUND');
    expect(codeOf(await t.gql(CONFIRM, { id: session.id }, a.token))[0]).toBe('FORBIDDEN');
    const toConfirm = ok<Array<{ id: string; viewerCan: { confirm: boolean } }>>(await t.gql(`{ myFounderSessions { id viewerCan { confirm } } }`, {}, founder.token), 'myFounderSessions');
    expect(toConfirm).toEqual([{ id: session.id, viewerCan: { confirm: true } }]);
    expect(ok<{ confirmed: boolean }>(await t.gql(CONFIRM, { id: session.id }, founder.token), 'confirmCoachingSession').confirmed).toBe(true);
    expect(codeOf(await t.gql(CONFIRM, { id: session.id }, founder.token))).toEqual(['CONFLICT', 'SESSION_ALREADY_CONFIRMED']);
    const after = await stats();
    expect(after).toMatchObject({ confirmedSessions: 1, unconfirmedSessions: 0 });
    expect(after.sessionsByMonth.at(-1)!.value).toBe(1);
    expect(await measure()).toBe(1);

    // The session and its next date are in A's private calendar feed.
    const feed = ok<{ url: string }>(await t.gql(`mutation { rotateCalendarFeedToken { url } }`, {}, a.token), 'rotateCalendarFeedToken');
    const ics = await (await fetch(`${t.baseUrl}${new URL(feed.url).pathname}`)).text();
    expect(ics).toContain(`coaching-${session.id}@leye-linyi`);
    expect(ics).toContain('创业辅导：');
    expect(ics).toContain(`coaching-next-${session.id}@leye-linyi`);

    // Open actions on the desk; the mentor ticks one off.
    const actions = ok<{ openActions: Array<{ id: string }> }>(await t.gql(`{ myMentorDesk { openActions { id text dueOn } } }`, {}, a.token), 'myMentorDesk').openActions;
    expect(actions).toHaveLength(1);
    expect(codeOf(await t.gql(`mutation($id: ID!) { setCoachingActionDone(id: $id) { doneAt } }`, { id: actions[0]!.id }, b.token))[0]).toBe('NOT_FOUND');
    expect(ok<{ doneAt: string }>(await t.gql(`mutation($id: ID!) { setCoachingActionDone(id: $id) { doneAt } }`, { id: actions[0]!.id }, a.token), 'setCoachingActionDone').doneAt).toBeTruthy();

    // A project with no session in 60 days shows among the quiet ones; the coached one does not.
    const quiet = ok<{ quietProjects: Array<{ id: string }> }>(await t.gql(`query($r: String) { mentorStats(regionCode: $r) { quietProjects { id } } }`, { r: region }, city.token), 'mentorStats');
    expect(quiet.quietProjects.map((p) => p.id)).toEqual([other.id]);
  });
});

describe('accounts and events', () => {
  it('gives a mentor an account that must change its password, and assigns mentors to entrepreneurship events with attendance', async () => {
    const phone = uniquePhone();
    const m = await mentor({ phone });
    const withAccount = ok<{ hasAccount: boolean }>(await t.gql(`mutation($id: ID!, $p: String!) { createMentorAccount(id: $id, password: $p) { hasAccount } }`, { id: m.id, p: STRONG_PASSWORD }, city.token), 'createMentorAccount');
    expect(withAccount.hasAccount).toBe(true);
    const [user] = await t.ds.query(`SELECT u.role, u.must_change_password FROM app_user u JOIN mentor m ON m.user_id = u.id WHERE m.id = $1`, [m.id]);
    expect(user).toEqual({ role: 'MENTOR', must_change_password: true });
    expect(codeOf(await t.gql(`mutation($id: ID!, $p: String!) { createMentorAccount(id: $id, password: $p) { hasAccount } }`, { id: m.id, p: STRONG_PASSWORD }, city.token))).toEqual(['CONFLICT', 'MENTOR_HAS_ACCOUNT']);

    const starts = new Date(Date.now() + 10 * 86400_000).toISOString();
    const salon = await eventAs(t, city.token, { startsAt: starts, type: 'ENTREPRENEURSHIP', subtype: 'SALON', isOnline: true, onlineUrl: 'https://live.example.cn/salon' });
    const fair = await eventAs(t, city.token, { startsAt: starts, isOnline: true, onlineUrl: 'https://live.example.cn/fair' });
    const judge = await mentor();
    const account = await mentorAccount(judge.id);
    const role = ok<{ id: string; role: string; attended: boolean | null }>(
      await t.gql(`mutation($e: ID!, $m: ID!) { assignMentorToEvent(eventId: $e, mentorId: $m, role: JUDGE) { id role attended } }`, { e: salon, m: judge.id }, lanshan.token),
      'assignMentorToEvent',
    );
    expect(role).toMatchObject({ role: 'JUDGE', attended: null });
    expect(codeOf(await t.gql(`mutation($e: ID!, $m: ID!) { assignMentorToEvent(eventId: $e, mentorId: $m, role: JUDGE) { id } }`, { e: fair, m: judge.id }, city.token))).toEqual(['BAD_USER_INPUT', 'MENTOR_EVENT_NOT_ENTREPRENEURSHIP']);
    expect(codeOf(await t.gql(`mutation($e: ID!, $m: ID!) { assignMentorToEvent(eventId: $e, mentorId: $m, role: SPEAKER) { id } }`, { e: salon, m: judge.id }, feixian.token))[0]).toBe('FORBIDDEN');
    expect((await t.app.get(EventAttachmentsService).usersAttachedTo([salon])).get(salon)!.has(account.id)).toBe(true);
    expect(await t.app.get(EventAttachmentsService).eventsAttachedTo(account.id)).toEqual([salon]);
    const attended = ok<{ attended: boolean }>(await t.gql(`mutation($id: ID!) { recordMentorAttendance(id: $id, attended: true) { attended } }`, { id: role.id }, city.token), 'recordMentorAttendance');
    expect(attended.attended).toBe(true);
    expect(ok<unknown[]>(await t.gql(`query($e: ID!) { eventMentors(eventId: $e) { mentorName role attended } }`, { e: salon }, city.token), 'eventMentors')).toHaveLength(1);
  });
});

describe('Excel import and export', () => {
  const get = (path: string, token?: string) => fetch(`${t.baseUrl}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('rejects bad rows with row numbers and imports nothing from a file that fails as a whole; a clean file creates and updates', async () => {
    const template = await get('/exports/mentors-template.xlsx', lanshan.token);
    expect(template.status).toBe(200);
    expect(template.headers.get('content-type')).toContain('spreadsheetml');
    expect((await get('/exports/mentors-template.xlsx')).status).toBe(401);

    const existing = await mentor({ certificateNo: 'LY-IMPORT-0001', certifiedOn: '2024-05-01', name: '旧名字' });
    const before = (await t.ds.query(`SELECT count(*)::int AS n FROM mentor`))[0].n;
    const phones = [uniquePhone(), uniquePhone(), uniquePhone()];
    const bad = await workbook([
      ['孙导师', phones[0]!, null, '临沂示例公司', '总经理', '电子商务、市场营销', '现代农业', '兰山区', new Date(Date.UTC(2025, 2, 1)), 'LY-IMPORT-0002', null, 2, null],
      [null, '12345', null, null, null, '不存在的专长', null, '火星区', null, null, null, null, null],
      ['周导师', phones[1]!, 'bad-mail', null, null, 'LAW', null, '371325', '2025-02-30', null, null, 99, null],
      ['吴导师', phones[0]!, null, null, null, '法律合规', null, '兰山区', null, null, null, null, null],
    ]);
    const report = ok<{ imported: boolean; rows: number; created: number; updated: number; rejected: Array<{ row: number; reasons: string[] }> }>(await t.gql(IMPORT, { file: bad }, lanshan.token), 'importMentors');
    expect(report.imported).toBe(false);
    expect(report.rows).toBe(4);
    expect(report.created).toBe(0);
    expect(report.rejected).toEqual([
      { row: 3, reasons: ['NAME_REQUIRED', 'INVALID_PHONE', 'UNKNOWN_EXPERTISE:不存在的专长', 'UNKNOWN_REGION'] },
      // Row checks come first: the region of a row with errors is not looked at yet.
      { row: 4, reasons: ['INVALID_EMAIL', 'INVALID_DATE', 'CERTIFICATE_INCOMPLETE', 'INVALID_CAPACITY'] },
      { row: 5, reasons: [`DUPLICATE_PHONE_OF_ROW:2`] },
    ]);
    expect((await t.ds.query(`SELECT count(*)::int AS n FROM mentor`))[0].n).toBe(before);

    // A whole file that cannot be read, or lacks a required column, is refused outright.
    expect(codeOf(await t.gql(IMPORT, { file: Buffer.from('not a workbook').toString('base64') }, lanshan.token))).toEqual(['BAD_USER_INPUT', 'MENTOR_IMPORT_UNREADABLE']);
    expect(codeOf(await t.gql(IMPORT, { file: await workbook([['王', phones[2]!]], ['姓名', '手机号']) }, lanshan.token))).toEqual(['BAD_USER_INPUT', 'MENTOR_IMPORT_HEADERS']);
    expect(codeOf(await t.gql(IMPORT, { file: await workbook([]) }, lanshan.token))).toEqual(['BAD_USER_INPUT', 'MENTOR_IMPORT_EMPTY']);

    // A county organizer imports only its county.
    const elsewhere = await workbook([['郑导师', phones[2]!, null, null, null, 'LAW', null, '费县', null, null, null, null, null]]);
    expect(ok<{ rejected: unknown[] }>(await t.gql(IMPORT, { file: elsewhere }, lanshan.token), 'importMentors').rejected).toEqual([{ row: 2, reasons: ['REGION_NOT_COVERED'] }]);

    const clean = await workbook([
      ['孙导师', phones[0]!, null, '临沂示例公司', '总经理', '电子商务、市场营销', '现代农业', '兰山区', new Date(Date.UTC(2025, 2, 1)), 'LY-IMPORT-0002', null, 2, null],
      ['新名字', phones[1]!, null, null, null, 'FINANCE', null, '兰山区', '2024-05-01', 'LY-IMPORT-0001', null, 3, null],
    ]);
    const dry = ok<{ imported: boolean; created: number; updated: number }>(await t.gql(IMPORT, { file: clean, dryRun: true }, lanshan.token), 'importMentors');
    expect(dry).toMatchObject({ imported: false, created: 1, updated: 1 });
    expect((await t.ds.query(`SELECT count(*)::int AS n FROM mentor`))[0].n).toBe(before);
    const done = ok<{ imported: boolean; created: number; updated: number; rejected: unknown[] }>(await t.gql(IMPORT, { file: clean }, lanshan.token), 'importMentors');
    expect(done).toMatchObject({ imported: true, created: 1, updated: 1, rejected: [] });
    const [updated] = await t.ds.query(`SELECT name, capacity, phone, expertise FROM mentor WHERE id = $1`, [existing.id]);
    expect(updated).toEqual({ name: '新名字', capacity: 3, phone: phones[1], expertise: ['FINANCE'] });
    const [created] = await t.ds.query(`SELECT name, certified_on::text AS d, expertise, industries, status, source FROM mentor WHERE certificate_no = 'LY-IMPORT-0002'`);
    expect(created).toEqual({ name: '孙导师', d: '2025-03-01', expertise: ['ECOMMERCE', 'MARKETING'], industries: ['AGRICULTURE'], status: 'ACTIVE', source: 'IMPORT' });

    // The export has the import's columns and can be read back.
    const exported = await get('/exports/mentors.xlsx', lanshan.token);
    expect(exported.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await exported.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('姓名*');
    const names: string[] = [];
    sheet.eachRow((row, n) => n > 1 && names.push(String(row.getCell(1).value)));
    expect(names).toEqual(expect.arrayContaining(['孙导师', '新名字']));
    // It holds phones in full (for re-import): written to the audit log with its scope and size.
    await eventually(async () => {
      const rows = await t.ds.query(`SELECT region_code, details FROM audit_log WHERE action = 'mentor.exported' AND actor_id = $1`, [lanshan.id]);
      expect(rows).toEqual([{ region_code: '371302', details: expect.objectContaining({ rows: names.length, regionCodes: ['371302'] }) }]);
    });
    expect((await get('/exports/mentors.xlsx', (await signedInAs(t, 'SEEKER')).token)).status).toBe(403);
  });
});

describe('demo data', () => {
  it('seeds a mentor pool across the counties, studios, projects and sessions, idempotently', async () => {
    const { seedDemoData } = await import('../src/database/seed/demo-data.js');
    await seedDemoData(t.ds);
    const count = async () =>
      (await t.ds.query(`SELECT (SELECT count(*) FROM mentor)::int AS m, (SELECT count(*) FROM mentor_studio)::int AS s, (SELECT count(*) FROM startup_project)::int AS p, (SELECT count(*) FROM coaching_session)::int AS c`))[0];
    const first = await count();
    await seedDemoData(t.ds);
    expect(await count()).toEqual(first);
    const [{ regions }] = await t.ds.query(`SELECT count(DISTINCT region_code)::int AS regions FROM mentor WHERE phone LIKE '1390539%'`);
    expect(regions).toBeGreaterThanOrEqual(12);
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM coaching_session cs JOIN mentor m ON m.id = cs.mentor_id JOIN app_user u ON u.id = m.user_id WHERE u.email = 'mentor@leye.demo'`);
    expect(n).toBe(6);
  });
});
