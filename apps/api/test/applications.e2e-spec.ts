import { addDaysIso, shanghaiToday } from '@leye/domain';
import { employerRow, eventAs, signedInAs, type SignedIn } from './support/factories.js';
import { eventually } from './support/jobs.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const FIELDS = `id status source sourceRef coverNote rejectionReason fair { id title } posting { id title employerName }
  applicant { name phone email education experience intendedOccupation introduction }
  viewedAt interviewAt offerAt hiredAt viewerCan { withdraw moveTo }`;
const APPLY = `mutation($input: ApplyInput!) { applyToPosting(input: $input) { ${FIELDS} } }`;
const MOVE = `mutation($id: ID!, $status: ApplicationStatus!, $reason: String) { moveApplication(id: $id, status: $status, reason: $reason) { ${FIELDS} } }`;
const OPEN = `mutation($id: ID!) { openApplication(id: $id) { ${FIELDS} } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawApplication(id: $id) { id status } }`;
const ONE = `query($id: ID!) { jobApplication(id: $id) { ${FIELDS} } }`;
const MINE = `query { myApplications(take: 50) { total items { id status posting { id title } source } } }`;
const STATES = `query($ids: [ID!]!) { myApplicationStates(postingIds: $ids) { postingId applicationId status } }`;
const APPLICANTS = `query($postingId: ID!) { postingApplications(postingId: $postingId, take: 50) { total items { ${FIELDS} } } }`;
const FUNNEL = `query($postingId: ID!) { postingApplicationFunnel(postingId: $postingId) { postingTitle funnel { submitted viewed interview offer hired rejected withdrawn } } }`;
const FAIR_FUNNEL = `query($eventId: ID!) { fairApplicationFunnel(eventId: $eventId) { total { submitted interview } postings { postingId funnel { submitted } } } }`;
const RESUME = `mutation($input: ResumeInput!) { updateMyResume(input: $input) { education experience intendedOccupation introduction } }`;

describe('applications (投递)', () => {
  let t: TestApp;
  let admin: SignedIn;
  let firm: { employerId: string; hr: SignedIn };
  let otherFirm: { employerId: string; hr: SignedIn };

  beforeAll(async () => {
    t = await createTestApp();
    admin = await signedInAs(t, 'ADMIN');
    firm = await newFirm();
    otherFirm = await newFirm();
  });
  afterAll(() => t.close());

  async function newFirm() {
    const employerId = await employerRow(t, '371302', 'VERIFIED');
    return { employerId, hr: await signedInAs(t, 'EMPLOYER', { employerId }) };
  }

  /** A posting row in `status`, valid until `validUntil` (approved and a month ahead by default). */
  async function posting(employerId = firm.employerId, opts: { status?: string; validUntil?: string; title?: string } = {}): Promise<string> {
    const status = opts.status ?? 'APPROVED';
    const [row] = await t.ds.query(
      `INSERT INTO job_posting (employer_id, title, occupation_code, headcount, salary_min, salary_max, education, experience, region_code,
                                description, contact_name, contact_phone, valid_until, status, reviewed_at, rejection_reason)
       VALUES ($1, $2, '6.01', 3, 5000, 8000, '40', 'NONE', '371302', '数控车床操作', '张经理', '13805391234', $3, $4,
               CASE WHEN $4 IN ('APPROVED','REJECTED') THEN now() END, CASE WHEN $4 = 'REJECTED' THEN '不合规' END) RETURNING id`,
      [employerId, opts.title ?? '数控车工', opts.validUntil ?? addDaysIso(shanghaiToday(), 30), status],
    );
    return row.id;
  }

  async function seeker(): Promise<SignedIn> {
    const s = await signedInAs(t, 'SEEKER', { regionCode: '371302' });
    await t.ds.query(`UPDATE app_user SET phone = $2 WHERE id = $1`, [s.id, `137${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`]);
    return s;
  }

  async function apply(as: SignedIn, postingId: string, extra: Record<string, unknown> = {}) {
    const res = await t.gql(APPLY, { input: { postingId, ...extra } }, as.token);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!.applyToPosting as { id: string; status: string; applicant: Record<string, string | null> };
  }

  it('applies with the profile as résumé (a snapshot), records the source and tells the employer', async () => {
    const s = await seeker();
    const saved = await t.gql(RESUME, { input: { education: '30', experience: 'Y1_3', intendedOccupation: '6.01', introduction: '三年数控经验，持证上岗。' } }, s.token);
    expect(saved.errors).toBeUndefined();
    const id = await posting();
    const app = await apply(s, id, { coverNote: '周末可面试' });
    expect(app).toMatchObject({
      status: 'SUBMITTED',
      source: 'ONLINE',
      fair: null,
      coverNote: '周末可面试',
      applicant: { education: '30', experience: 'Y1_3', intendedOccupation: '6.01', introduction: '三年数控经验，持证上岗。' },
      viewerCan: { withdraw: true, moveTo: [] },
    });
    expect(app.applicant.phone).toMatch(/^137\d{8}$/);
    // The snapshot does not follow later profile edits.
    await t.gql(RESUME, { input: { education: '20' } }, s.token);
    expect((await t.gql(ONE, { id: app.id }, s.token)).data!.jobApplication.applicant.education).toBe('30');

    await eventually(async () => {
      const rows = await t.ds.query(`SELECT kind, link FROM notification WHERE user_id = $1`, [firm.hr.id]);
      expect(rows).toContainEqual({ kind: 'APPLICATION_RECEIVED', link: `/employer/applicants/${id}?application=${app.id}` });
    });
    const mine = await t.gql(MINE, {}, s.token);
    expect(mine.data!.myApplications.items).toEqual([{ id: app.id, status: 'SUBMITTED', posting: { id, title: '数控车工' }, source: 'ONLINE' }]);
    expect((await t.gql(STATES, { ids: [id] }, s.token)).data!.myApplicationStates).toEqual([{ postingId: id, applicationId: app.id, status: 'SUBMITTED' }]);
  });

  it('records a fair as the source, and a livestream with its broadcast reference', async () => {
    const s = await seeker();
    const fair = await eventAs(t, admin.token, { startsAt: '2029-05-01T01:00:00Z', isOnline: true, onlineUrl: 'https://live.example.cn/f' }, true);
    const p1 = await posting();
    const p2 = await posting();
    const fromFair = await t.gql(APPLY, { input: { postingId: p1, source: 'FAIR', eventId: fair } }, s.token);
    expect(fromFair.data!.applyToPosting).toMatchObject({ source: 'FAIR', fair: { id: fair } });
    const live = await t.gql(APPLY, { input: { postingId: p2, source: 'LIVESTREAM', sourceRef: 'broadcast-42' } }, s.token);
    expect(live.data!.applyToPosting).toMatchObject({ source: 'LIVESTREAM', sourceRef: 'broadcast-42', fair: null });

    const p3 = await posting();
    const noFair = await t.gql(APPLY, { input: { postingId: p3, source: 'FAIR' } }, s.token);
    expect(noFair.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'FAIR_REQUIRED' });
    const draft = await eventAs(t, admin.token, { startsAt: '2029-05-02T01:00:00Z', isOnline: true, onlineUrl: 'https://live.example.cn/d' }, false);
    const draftFair = await t.gql(APPLY, { input: { postingId: p3, source: 'FAIR', eventId: draft } }, s.token);
    expect(draftFair.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'FAIR_NOT_FOUND' });

    const funnel = await t.gql(FAIR_FUNNEL, { eventId: fair }, admin.token);
    expect(funnel.data!.fairApplicationFunnel).toEqual({ total: { submitted: 1, interview: 0 }, postings: [{ postingId: p1, funnel: { submitted: 1 } }] });
  });

  it('refuses a second application, sequential or ten at once: one row', async () => {
    const s = await seeker();
    const id = await posting();
    const first = await apply(s, id);
    const again = await t.gql(APPLY, { input: { postingId: id } }, s.token);
    expect(again.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_APPLIED', applicationId: first.id });

    const racer = await seeker();
    const racing = await posting();
    const results = await Promise.all(Array.from({ length: 10 }, () => t.gql(APPLY, { input: { postingId: racing } }, racer.token)));
    const ok = results.filter((r) => !r.errors);
    expect(ok).toHaveLength(1);
    const winner = ok[0]!.data!.applyToPosting.id;
    for (const r of results.filter((x) => x.errors)) expect(r.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_APPLIED', applicationId: winner });
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM job_application WHERE posting_id = $1 AND seeker_id = $2`, [racing, racer.id]);
    expect(n).toBe(1);
  });

  it('refuses postings that are not approved or past their date, and non-seekers', async () => {
    const s = await seeker();
    for (const status of ['PENDING_REVIEW', 'REJECTED']) {
      const res = await t.gql(APPLY, { input: { postingId: await posting(firm.employerId, { status }) } }, s.token);
      expect(res.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'POSTING_NOT_FOUND' });
    }
    const expired = await posting(firm.employerId, { validUntil: addDaysIso(shanghaiToday(), -1) });
    expect((await t.gql(APPLY, { input: { postingId: expired } }, s.token)).errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'POSTING_CLOSED' });
    const withdrawn = await posting(firm.employerId, { status: 'WITHDRAWN' });
    expect((await t.gql(APPLY, { input: { postingId: withdrawn } }, s.token)).errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'POSTING_CLOSED' });
    const open = await posting();
    expect((await t.gql(APPLY, { input: { postingId: open } }, firm.hr.token)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect((await t.gql(APPLY, { input: { postingId: open } })).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM job_application WHERE seeker_id = $1`, [s.id]);
    expect(n).toBe(0);
  });

  it('shows an employer only its own postings\' applicants, masked in the list and full when opened', async () => {
    const s = await seeker();
    const id = await posting();
    const app = await apply(s, id);
    const list = await t.gql(APPLICANTS, { postingId: id }, firm.hr.token);
    const item = list.data!.postingApplications.items[0];
    expect(item.applicant.phone).toMatch(/^137\*{4}\d{4}$/);
    expect(item.applicant.introduction).toBeNull();
    expect(item.viewerCan.moveTo).toEqual(['VIEWED', 'INTERVIEW', 'OFFER', 'REJECTED']);

    // Another firm: the list of a public posting is forbidden, the application does not exist for it, nothing moves.
    expect((await t.gql(APPLICANTS, { postingId: id }, otherFirm.hr.token)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    // A posting the public cannot see (awaiting review) does not exist for another firm, as `jobPosting` answers.
    const pending = await posting(firm.employerId, { status: 'PENDING_REVIEW' });
    const hidden = await t.gql(APPLICANTS, { postingId: pending }, otherFirm.hr.token);
    expect([hidden.errors![0]!.extensions!.code, hidden.errors![0]!.extensions!.reason]).toEqual(['NOT_FOUND', 'POSTING_NOT_FOUND']);
    expect((await t.gql(`query($id: ID!) { jobPosting(id: $id) { id } }`, { id: pending }, otherFirm.hr.token)).errors![0]!.extensions!.code).toBe('NOT_FOUND');
    expect((await t.gql(APPLICANTS, { postingId: pending }, firm.hr.token)).data!.postingApplications.total).toBe(0);
    for (const q of [ONE, OPEN]) expect((await t.gql(q, { id: app.id }, otherFirm.hr.token)).errors![0]!.extensions!.code).toBe('NOT_FOUND');
    expect((await t.gql(MOVE, { id: app.id, status: 'INTERVIEW' }, otherFirm.hr.token)).errors![0]!.extensions!.code).toBe('NOT_FOUND');
    // Another seeker neither.
    expect((await t.gql(ONE, { id: app.id }, (await seeker()).token)).errors![0]!.extensions!.code).toBe('NOT_FOUND');
    // Organizers see counts, not résumés.
    const organizer = await signedInAs(t, 'ORGANIZER', { regionCode: '371302' });
    expect((await t.gql(APPLICANTS, { postingId: id }, organizer.token)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect((await t.gql(ONE, { id: app.id }, organizer.token)).errors![0]!.extensions!.code).toBe('NOT_FOUND');
    expect((await t.gql(FUNNEL, { postingId: id }, organizer.token)).data!.postingApplicationFunnel.funnel.submitted).toBe(1);
    const feixian = await signedInAs(t, 'ORGANIZER', { regionCode: '371325' });
    expect((await t.gql(FUNNEL, { postingId: id }, feixian.token)).errors![0]!.extensions!.code).toBe('FORBIDDEN');

    // Opening it: full phone, and it becomes VIEWED (once; the seeker is told).
    const opened = await t.gql(OPEN, { id: app.id }, firm.hr.token);
    expect(opened.data!.openApplication).toMatchObject({ status: 'VIEWED', applicant: { phone: app.applicant.phone } });
    expect((await t.gql(OPEN, { id: app.id }, firm.hr.token)).data!.openApplication.status).toBe('VIEWED');
    await eventually(async () => {
      const rows = await t.ds.query(`SELECT kind, data->>'status' AS status FROM notification WHERE user_id = $1`, [s.id]);
      expect(rows).toEqual([{ kind: 'APPLICATION_STATUS_CHANGED', status: 'VIEWED' }]);
    });
  });

  it('moves along the pipeline, refuses invalid moves, tells the seeker, and counts the funnel', async () => {
    const s = await seeker();
    const id = await posting();
    const app = await apply(s, id);
    const move = (status: string, reason?: string) => t.gql(MOVE, { id: app.id, status, reason }, firm.hr.token);

    expect((await move('INTERVIEW')).data!.moveApplication).toMatchObject({ status: 'INTERVIEW', viewerCan: { moveTo: ['OFFER', 'REJECTED'] } });
    expect((await t.gql(MINE, {}, s.token)).data!.myApplications.items[0].status).toBe('INTERVIEW');
    const back = await move('VIEWED');
    expect(back.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'APPLICATION_TRANSITION_INVALID', params: { from: 'INTERVIEW', to: 'VIEWED' } });
    expect((await move('HIRED')).errors![0]!.extensions!.reason).toBe('APPLICATION_TRANSITION_INVALID');
    // The seeker cannot move it; only withdraw.
    expect((await t.gql(MOVE, { id: app.id, status: 'OFFER' }, s.token)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    await move('OFFER');
    expect((await t.gql(WITHDRAW, { id: app.id }, s.token)).errors![0]!.extensions!.reason).toBe('APPLICATION_TRANSITION_INVALID');
    const hired = (await move('HIRED')).data!.moveApplication;
    expect(hired.status).toBe('HIRED');
    expect(hired.viewedAt).not.toBeNull(); // skipped VIEWED still counts as reached
    expect((await move('REJECTED')).errors![0]!.extensions!.reason).toBe('APPLICATION_TRANSITION_INVALID');

    await eventually(async () => {
      const rows = await t.ds.query(`SELECT data->>'status' AS s FROM notification WHERE user_id = $1 ORDER BY created_at`, [s.id]);
      expect(rows.map((r: { s: string }) => r.s).sort()).toEqual(['HIRED', 'INTERVIEW', 'OFFER']);
    });

    // A second applicant rejected with a reason; a third withdraws.
    const s2 = await seeker();
    const a2 = await apply(s2, id);
    const rejected = await t.gql(MOVE, { id: a2.id, status: 'REJECTED', reason: '需要夜班经验' }, firm.hr.token);
    expect(rejected.data!.moveApplication).toMatchObject({ status: 'REJECTED', rejectionReason: '需要夜班经验', viewerCan: { moveTo: [] } });
    expect((await t.gql(ONE, { id: a2.id }, s2.token)).data!.jobApplication).toMatchObject({ status: 'REJECTED', rejectionReason: '需要夜班经验' });
    const s3 = await seeker();
    const a3 = await apply(s3, id);
    expect((await t.gql(WITHDRAW, { id: a3.id }, s3.token)).data!.withdrawApplication.status).toBe('WITHDRAWN');
    expect((await t.gql(MOVE, { id: a3.id, status: 'VIEWED' }, firm.hr.token)).errors![0]!.extensions!.reason).toBe('APPLICATION_TRANSITION_INVALID');

    const funnel = await t.gql(FUNNEL, { postingId: id }, firm.hr.token);
    expect(funnel.data!.postingApplicationFunnel.funnel).toEqual({ submitted: 3, viewed: 1, interview: 1, offer: 1, hired: 1, rejected: 1, withdrawn: 1 });
    await eventually(async () => expect((await t.ds.query(`SELECT count(*)::int AS n FROM audit_log WHERE resource_id = $1`, [app.id]))[0].n).toBe(3));
  });

  it('lets exactly one of two concurrent moves through', async () => {
    const s = await seeker();
    const app = await apply(s, await posting());
    const [a, b] = await Promise.all([
      t.gql(MOVE, { id: app.id, status: 'INTERVIEW' }, firm.hr.token),
      t.gql(MOVE, { id: app.id, status: 'REJECTED' }, firm.hr.token),
    ]);
    const outcomes = [a, b].map((r) => (r.errors ? r.errors[0]!.extensions!.reason : r.data!.moveApplication.status)).sort();
    // Interview first then rejection both pass; rejection first leaves the interview refused. Never an interview after a rejection.
    expect([['INTERVIEW', 'REJECTED'], ['APPLICATION_TRANSITION_INVALID', 'REJECTED']]).toContainEqual(outcomes);
    const [{ status }] = await t.ds.query(`SELECT status FROM job_application WHERE id = $1`, [app.id]);
    expect(status).toBe('REJECTED');
  });
});
