import { addDaysIso, shanghaiToday } from '@leye/domain';
import { FairFacts } from '../src/common/fairs/fair-facts.js';
import { PostingExpiryJob } from '../src/modules/postings/posting-expiry.job.js';
import { employerRow, signedInAs, type SignedIn } from './support/factories.js';
import { eventually } from './support/jobs.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const FIELDS = `id title status revision contactPhone rejectionReason validUntil urgentShortage salaryMin salaryMax
  flags { kind phrase category matched } employer { id name } region { code }
  viewerCan { edit withdraw approve reject }`;
const CREATE = `mutation($input: PostingInput!) { createPosting(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: PostingInput!) { updatePosting(id: $id, input: $input) { ${FIELDS} } }`;
const APPROVE = `mutation($id: ID!, $revision: Int) { approvePosting(id: $id, revision: $revision) { id status reviewedAt } }`;
const REJECT = `mutation($id: ID!, $reason: String!) { rejectPosting(id: $id, reason: $reason) { id status rejectionReason } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawPosting(id: $id) { id status } }`;
const ONE = `query($id: ID!) { jobPosting(id: $id) { ${FIELDS} } }`;
const MINE = `query($status: PostingStatus) { myPostings(status: $status, take: 50) { total items { id status } } }`;
const QUEUE = `query($status: PostingStatus) { postingReviewQueue(status: $status, take: 50) { total items { id status contactPhone flags { kind phrase category } } } }`;
const PUBLIC = `query($filter: PublicPostingFilter) { publicPostings(filter: $filter, take: 50) { total items { id title contactPhone flags { kind } urgentShortage status } } }`;
const FAIR = `query($eventId: ID!) { fairPostings(eventId: $eventId) { id status } }`;

function input(overrides: Record<string, unknown> = {}) {
  return {
    title: '数控车工',
    occupationCode: '6.01',
    headcount: 5,
    salaryMin: 5000,
    salaryMax: 8000,
    education: '40',
    experience: 'Y1_3',
    regionCode: '371302',
    description: '负责数控车床操作，五险一金，包住宿。',
    contactName: '张经理',
    contactPhone: '13805391234',
    validUntil: addDaysIso(shanghaiToday(), 30),
    ...overrides,
  };
}

describe('job postings', () => {
  let t: TestApp;
  let city: SignedIn;
  beforeAll(async () => {
    t = await createTestApp();
    city = await signedInAs(t, 'ORGANIZER', { regionCode: '371300' });
  });
  afterAll(() => t.close());

  async function employer(regionCode = '371302'): Promise<SignedIn> {
    const employerId = await employerRow(t, regionCode, 'VERIFIED');
    return signedInAs(t, 'EMPLOYER', { employerId });
  }

  async function create(as: SignedIn, overrides: Record<string, unknown> = {}): Promise<string> {
    const res = await t.gql(CREATE, { input: input(overrides) }, as.token);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!.createPosting.id;
  }

  async function approved(as: SignedIn, overrides: Record<string, unknown> = {}): Promise<string> {
    const id = await create(as, overrides);
    const res = await t.gql(APPROVE, { id }, city.token);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return id;
  }

  it('keeps a posting invisible to the public and other employers until it is approved', async () => {
    const owner = await employer();
    const other = await employer();
    const id = await create(owner, { title: '质检员（待审）' });
    const mine = await t.gql(ONE, { id }, owner.token);
    expect(mine.data!.jobPosting).toMatchObject({ status: 'PENDING_REVIEW', contactPhone: '13805391234', viewerCan: { edit: true, withdraw: true, approve: false } });

    for (const token of [undefined, other.token, (await signedInAs(t, 'SEEKER')).token]) {
      expect((await t.gql(ONE, { id }, token)).errors![0]!.extensions!.reason).toBe('POSTING_NOT_FOUND');
      const list = await t.gql(PUBLIC, { filter: { search: '质检员（待审）' } }, token);
      expect(list.data!.publicPostings.total).toBe(0);
    }
    expect((await t.gql(MINE, {}, other.token)).data!.myPostings.items.map((p: { id: string }) => p.id)).not.toContain(id);
    // Another employer cannot edit or withdraw it either.
    expect((await t.gql(UPDATE, { id, input: input() }, other.token)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect((await t.gql(WITHDRAW, { id }, other.token)).errors![0]!.extensions!.code).toBe('FORBIDDEN');

    expect((await t.gql(APPROVE, { id }, city.token)).data!.approvePosting.status).toBe('APPROVED');
    const pub = await t.gql(PUBLIC, { filter: { search: '质检员（待审）' } });
    expect(pub.data!.publicPostings.items).toEqual([expect.objectContaining({ id, contactPhone: '138****1234', flags: null, status: 'APPROVED' })]);
    expect((await t.gql(ONE, { id }, other.token)).data!.jobPosting).toMatchObject({ id, contactPhone: '138****1234', flags: null, rejectionReason: null });
  });

  it('lets only verified employers post', async () => {
    const pendingId = await employerRow(t, '371302', 'PENDING');
    const pending = await signedInAs(t, 'EMPLOYER', { employerId: pendingId });
    const res = await t.gql(CREATE, { input: input() }, pending.token);
    expect(res.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'POSTING_REQUIRES_VERIFIED_EMPLOYER' });
    expect((await t.gql(CREATE, { input: input() }, city.token)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });

  it('refuses salary min above max with a typed error, and bad validity dates', async () => {
    const owner = await employer();
    const res = await t.gql(CREATE, { input: input({ salaryMin: 9000, salaryMax: 6000 }) }, owner.token);
    expect(res.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'SALARY_MIN_ABOVE_MAX', fields: { salaryMin: 'SALARY_MIN_ABOVE_MAX' } });
    const past = await t.gql(CREATE, { input: input({ validUntil: shanghaiToday() }) }, owner.token);
    expect(past.errors![0]!.extensions).toMatchObject({ reason: 'VALID_UNTIL_PAST', fields: { validUntil: 'VALID_UNTIL_PAST' } });
    const far = await t.gql(CREATE, { input: input({ validUntil: addDaysIso(shanghaiToday(), 181) }) }, owner.token);
    expect(far.errors![0]!.extensions).toMatchObject({ reason: 'VALID_UNTIL_TOO_FAR' });
    const occupation = await t.gql(CREATE, { input: input({ occupationCode: '9.99' }) }, owner.token);
    expect(occupation.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { occupationCode: 'UNKNOWN_OCCUPATION' } });
    // The database holds the range too.
    await expect(
      t.ds.query(
        `INSERT INTO job_posting (employer_id, title, occupation_code, headcount, salary_min, salary_max, education, experience, region_code,
                                  description, contact_name, contact_phone, valid_until)
         VALUES ($1, '测试岗位', '6.01', 1, 10, 5, 'NONE', 'NONE', '371302', '', '张', '13800000000', now())`,
        [owner.employerId],
      ),
    ).rejects.toThrow(/job_posting_salary_range/);
  });

  it('flags missing pay and listed phrases (which phrase, which category); the public never sees flags', async () => {
    const owner = await employer();
    const res = await t.gql(
      CREATE,
      { input: input({ title: '仓库管理员 高薪', salaryMin: null, salaryMax: null, description: '限男，35岁以下，限本地户籍，已婚已育优先。' }) },
      owner.token,
    );
    const flags = res.data!.createPosting.flags as Array<{ kind: string; phrase: string | null; category: string | null; matched: string | null }>;
    expect(flags).toEqual(
      expect.arrayContaining([
        { kind: 'MISSING_PAY', phrase: null, category: null, matched: null },
        { kind: 'PHRASE', phrase: '限男', category: 'GENDER', matched: '限男' },
        { kind: 'PHRASE', phrase: '#岁以下', category: 'AGE', matched: '35岁以下' },
        { kind: 'PHRASE', phrase: '限本地户籍', category: 'HUKOU_REGION', matched: '限本地户籍' },
        { kind: 'PHRASE', phrase: '已婚已育', category: 'MARITAL_CHILDBEARING', matched: '已婚已育' },
        { kind: 'PHRASE', phrase: '高薪', category: 'HYPE', matched: '高薪' },
      ]),
    );
    const id = res.data!.createPosting.id;
    const queue = await t.gql(QUEUE, { status: 'PENDING_REVIEW' }, city.token);
    const inQueue = queue.data!.postingReviewQueue.items.find((p: { id: string }) => p.id === id);
    expect(inQueue.contactPhone).toBe('138****1234');
    expect(inQueue.flags.map((f: { phrase: string | null }) => f.phrase)).toEqual(expect.arrayContaining(['限男', '高薪']));

    // The list is maintained: a new phrase flags at once; a county organizer may not change the city's list.
    const county = await signedInAs(t, 'ORGANIZER', { regionCode: '371302' });
    const ADD = `mutation($input: FlagPhraseInput!) { addPostingFlagPhrase(input: $input) { id phrase category } }`;
    expect((await t.gql(ADD, { input: { phrase: '包住宿', category: 'OTHER' } }, county.token)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const added = await t.gql(ADD, { input: { phrase: '包住宿', category: 'OTHER' } }, city.token);
    expect(added.data!.addPostingFlagPhrase).toMatchObject({ phrase: '包住宿', category: 'OTHER' });
    expect((await t.gql(ADD, { input: { phrase: '包住宿', category: 'OTHER' } }, city.token)).errors![0]!.extensions!.reason).toBe('PHRASE_TAKEN');
    const plain = await create(owner);
    const after = await t.gql(ONE, { id: plain }, county.token);
    expect(after.data!.jobPosting.flags).toEqual([{ kind: 'PHRASE', phrase: '包住宿', category: 'OTHER', matched: '包住宿' }]);
    const REMOVE = `mutation($id: ID!) { removePostingFlagPhrase(id: $id) }`;
    expect((await t.gql(REMOVE, { id: added.data!.addPostingFlagPhrase.id }, city.token)).data!.removePostingFlagPhrase).toBe(true);
    expect((await t.gql(ONE, { id: plain }, county.token)).data!.jobPosting.flags).toEqual([]);
    // Listing changes are audited.
    await eventually(async () => {
      const rows = await t.ds.query(`SELECT action FROM audit_log WHERE resource_type = 'posting_flag_phrase'`);
      expect(rows.length).toBeGreaterThanOrEqual(2);
    });
  });

  it('scopes review to the organizers of the employer’s region', async () => {
    const owner = await employer('371302');
    const id = await create(owner, { title: '兰山区岗位' });
    const feixian = await signedInAs(t, 'ORGANIZER', { regionCode: '371325' });
    const lanshan = await signedInAs(t, 'ORGANIZER', { regionCode: '371302' });
    const queue = await t.gql(QUEUE, { status: 'PENDING_REVIEW' }, feixian.token);
    expect(queue.data!.postingReviewQueue.items.map((p: { id: string }) => p.id)).not.toContain(id);
    expect((await t.gql(ONE, { id }, feixian.token)).errors![0]!.extensions!.reason).toBe('POSTING_NOT_FOUND');
    expect((await t.gql(APPROVE, { id }, feixian.token)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect((await t.gql(QUEUE, { status: 'PENDING_REVIEW' }, lanshan.token)).data!.postingReviewQueue.items.map((p: { id: string }) => p.id)).toContain(id);
    expect((await t.gql(APPROVE, { id }, lanshan.token)).data!.approvePosting.status).toBe('APPROVED');
    expect((await t.gql(QUEUE, {}, owner.token)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });

  it('reviews exactly once under concurrency: one of ten approvals/rejections wins, the rest get CONFLICT', async () => {
    const owner = await employer();
    const id = await create(owner);
    const reviewers = await Promise.all(Array.from({ length: 10 }, () => signedInAs(t, 'ORGANIZER', { regionCode: '371300' })));
    const results = await Promise.all(
      reviewers.map((r, i) => (i % 2 ? t.gql(APPROVE, { id }, r.token) : t.gql(REJECT, { id, reason: '联系方式不实' }, r.token))),
    );
    const ok = results.filter((r) => !r.errors);
    expect(ok).toHaveLength(1);
    expect(results.filter((r) => r.errors?.[0]?.extensions?.reason === 'POSTING_ALREADY_REVIEWED')).toHaveLength(9);
    await eventually(async () => {
      const rows = await t.ds.query(`SELECT action FROM audit_log WHERE resource_type = 'job_posting' AND resource_id = $1`, [id]);
      expect(rows).toHaveLength(1);
    });
  });

  it('rejects with a reason, notifies the employer, and an edit sends it back to review (approved edits leave the public)', async () => {
    const owner = await employer();
    const id = await create(owner, { title: '普工（限男）', description: '限男' });
    const rejected = await t.gql(REJECT, { id, reason: '含性别限制' }, city.token);
    expect(rejected.data!.rejectPosting).toMatchObject({ status: 'REJECTED', rejectionReason: '含性别限制' });
    await eventually(async () => {
      const rows = await t.ds.query(`SELECT kind FROM notification WHERE user_id = $1`, [owner.id]);
      expect(rows.map((r: { kind: string }) => r.kind)).toContain('POSTING_REJECTED');
    });
    const edited = await t.gql(UPDATE, { id, input: input({ title: '普工', description: '男女不限' }) }, owner.token);
    expect(edited.data!.updatePosting).toMatchObject({ status: 'PENDING_REVIEW', revision: 2, rejectionReason: null, flags: [] });
    // A reviewer who looked at revision 1 cannot approve revision 2 unseen.
    expect((await t.gql(APPROVE, { id, revision: 1 }, city.token)).errors![0]!.extensions!.reason).toBe('POSTING_CHANGED');
    expect((await t.gql(APPROVE, { id, revision: 2 }, city.token)).data!.approvePosting.status).toBe('APPROVED');
    expect((await t.gql(ONE, { id })).data!.jobPosting.title).toBe('普工');

    const again = await t.gql(UPDATE, { id, input: input({ title: '普工（修改）' }) }, owner.token);
    expect(again.data!.updatePosting.status).toBe('PENDING_REVIEW');
    expect((await t.gql(ONE, { id })).errors![0]!.extensions!.reason).toBe('POSTING_NOT_FOUND');

    expect((await t.gql(WITHDRAW, { id }, owner.token)).data!.withdrawPosting.status).toBe('WITHDRAWN');
    expect((await t.gql(UPDATE, { id, input: input() }, owner.token)).errors![0]!.extensions!.reason).toBe('POSTING_NOT_EDITABLE');
    await eventually(async () => {
      const rows = await t.ds.query(`SELECT action FROM audit_log WHERE resource_id = $1 ORDER BY occurred_at`, [id]);
      expect(rows.map((r: { action: string }) => r.action)).toEqual(expect.arrayContaining(['posting.rejected', 'posting.approved', 'posting.withdrawn']));
    });
  });

  it('expires postings after their date: hidden at once (lazy), EXPIRED when the job runs, employer told', async () => {
    const owner = await employer();
    const soon = await approved(owner, { title: '明天到期的岗位', validUntil: addDaysIso(shanghaiToday(), 1) });
    const pendingSoon = await create(owner, { title: '待审到期', validUntil: addDaysIso(shanghaiToday(), 1) });
    const lasting = await approved(owner, { title: '长期岗位' });
    // Lazily: a posting whose date passed is hidden and reads as EXPIRED before the job has run.
    const lazy = await approved(owner, { title: '已过期未跑任务' });
    await t.ds.query(`UPDATE job_posting SET valid_until = (now() AT TIME ZONE 'Asia/Shanghai')::date - 1 WHERE id = $1`, [lazy]);
    expect((await t.gql(ONE, { id: lazy })).errors![0]!.extensions!.reason).toBe('POSTING_NOT_FOUND');
    expect((await t.gql(ONE, { id: lazy }, owner.token)).data!.jobPosting.status).toBe('EXPIRED');
    expect((await t.gql(PUBLIC, { filter: { search: '已过期未跑任务' } })).data!.publicPostings.total).toBe(0);
    expect(await t.app.get(FairFacts).approvedPostingCount(owner.employerId!)).toBe(2);

    const result = await t.app.get(PostingExpiryJob).expire(new Date(Date.now() + 2 * 86_400_000));
    expect(result.expired).toBeGreaterThanOrEqual(3);
    const rows = await t.ds.query(`SELECT id, status FROM job_posting WHERE id = ANY($1::uuid[])`, [[soon, pendingSoon, lasting, lazy]]);
    const status = Object.fromEntries(rows.map((r: { id: string; status: string }) => [r.id, r.status]));
    expect(status).toEqual({ [soon]: 'EXPIRED', [pendingSoon]: 'EXPIRED', [lasting]: 'APPROVED', [lazy]: 'EXPIRED' });
    // An expired pending posting cannot be approved.
    const pendingPast = await create(owner);
    await t.ds.query(`UPDATE job_posting SET valid_until = (now() AT TIME ZONE 'Asia/Shanghai')::date - 1 WHERE id = $1`, [pendingPast]);
    expect((await t.gql(APPROVE, { id: pendingPast }, city.token)).errors![0]!.extensions!.reason).toBe('POSTING_EXPIRED');
    await eventually(async () => {
      const kinds = await t.ds.query(`SELECT kind FROM notification WHERE user_id = $1`, [owner.id]);
      expect(kinds.map((r: { kind: string }) => r.kind)).toContain('POSTINGS_EXPIRED');
    });
  });

  it('marks and filters postings of urgent-shortage occupations', async () => {
    const owner = await employer();
    const welder = await approved(owner, { title: '焊工（急需）', occupationCode: '6.02' });
    const clerk = await approved(owner, { title: '文员（普通）', occupationCode: '3.02' });
    const ADD = `mutation($input: UrgentOccupationInput!) { addUrgentOccupation(input: $input) { id occupationCode } }`;
    const added = await t.gql(ADD, { input: { occupationCode: '6.02', note: '2026 年目录' } }, city.token);
    expect(added.data!.addUrgentOccupation.occupationCode).toBe('6.02');
    expect((await t.gql(ADD, { input: { occupationCode: '6.02' } }, city.token)).errors![0]!.extensions!.reason).toBe('URGENT_OCCUPATION_TAKEN');
    const urgent = await t.gql(PUBLIC, { filter: { urgentOnly: true } });
    const ids = urgent.data!.publicPostings.items.map((p: { id: string }) => p.id);
    expect(ids).toContain(welder);
    expect(ids).not.toContain(clerk);
    expect(urgent.data!.publicPostings.items.every((p: { urgentShortage: boolean }) => p.urgentShortage)).toBe(true);
    expect((await t.gql(ONE, { id: clerk })).data!.jobPosting.urgentShortage).toBe(false);
    expect((await t.gql(`{ urgentOccupations { occupationCode note } }`)).data!.urgentOccupations).toEqual(
      expect.arrayContaining([{ occupationCode: '6.02', note: '2026 年目录' }]),
    );
  });

  it('draws spot-check samples in scope and reports the validity rate per period', async () => {
    const linshu = '371329';
    const owner = await employer(linshu);
    const ids = [await approved(owner, { title: '抽查1' }), await approved(owner, { title: '抽查2' }), await approved(owner, { title: '抽查3' })];
    await create(owner, { title: '抽查-未审核' });
    const organizer = await signedInAs(t, 'ORGANIZER', { regionCode: linshu });
    const DRAW = `mutation($n: Int!, $region: String) { drawPostingSpotCheck(sampleSize: $n, regionCode: $region) { id sampleSize items { id result posting { id status contactPhone } } } }`;
    const drawn = await t.gql(DRAW, { n: 50 }, organizer.token);
    const check = drawn.data!.drawPostingSpotCheck;
    expect(check.sampleSize).toBe(3);
    expect(check.items.map((i: { posting: { id: string } }) => i.posting.id).sort()).toEqual([...ids].sort());
    expect((await t.gql(DRAW, { n: 2, region: '371302' }, organizer.token)).errors![0]!.extensions!.code).toBe('FORBIDDEN');

    const RECORD = `mutation($id: ID!, $result: SpotCheckResult!, $note: String) { recordPostingSpotCheck(itemId: $id, result: $result, note: $note) { id result note checkedAt } }`;
    const [a, b, c] = check.items as Array<{ id: string }>;
    expect((await t.gql(RECORD, { id: a!.id, result: 'INVALID' }, organizer.token)).errors![0]!.extensions!.reason).toBe('SPOT_CHECK_NOTE_REQUIRED');
    const other = await signedInAs(t, 'ORGANIZER', { regionCode: '371325' });
    expect((await t.gql(RECORD, { id: a!.id, result: 'VALID' }, other.token)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect((await t.gql(RECORD, { id: a!.id, result: 'VALID' }, organizer.token)).data!.recordPostingSpotCheck.result).toBe('VALID');
    expect((await t.gql(RECORD, { id: b!.id, result: 'INVALID', note: '岗位已招满' }, organizer.token)).data!.recordPostingSpotCheck.note).toBe('岗位已招满');
    await t.gql(RECORD, { id: c!.id, result: 'VALID' }, organizer.token);
    // A correction replaces the result (still 3 checked).
    await t.gql(RECORD, { id: c!.id, result: 'INVALID', note: '电话空号' }, organizer.token);

    const RATES = `query($period: ValidityPeriod!, $year: Int!) { postingValidityRates(period: $period, year: $year) { period checked valid rate } }`;
    const now = shanghaiToday();
    const year = Number(now.slice(0, 4));
    const month = await t.gql(RATES, { period: 'MONTH', year }, organizer.token);
    expect(month.data!.postingValidityRates).toHaveLength(12);
    expect(month.data!.postingValidityRates.find((r: { period: string }) => r.period === now.slice(0, 7))).toEqual({ period: now.slice(0, 7), checked: 3, valid: 1, rate: 1 / 3 });
    const quarter = await t.gql(RATES, { period: 'QUARTER', year }, organizer.token);
    const q = `${year}-Q${Math.floor((Number(now.slice(5, 7)) - 1) / 3) + 1}`;
    expect(quarter.data!.postingValidityRates.find((r: { period: string }) => r.period === q)).toMatchObject({ checked: 3, valid: 1 });
    const yearly = await t.gql(RATES, { period: 'YEAR', year }, organizer.token);
    expect(yearly.data!.postingValidityRates).toEqual([{ period: String(year), checked: 3, valid: 1, rate: 1 / 3 }]);
    // Another county's organizer sees none of these results.
    const otherRates = await t.gql(RATES, { period: 'YEAR', year }, other.token);
    expect(otherRates.data!.postingValidityRates[0]).toMatchObject({ checked: 0, rate: null });
    const list = await t.gql(`{ postingSpotChecks { total items { id checked valid } } }`, {}, organizer.token);
    expect(list.data!.postingSpotChecks.items[0]).toMatchObject({ id: check.id, checked: 3, valid: 1 });
    expect((await t.gql(`{ postingSpotChecks { total } }`, {}, other.token)).data!.postingSpotChecks.total).toBe(0);
  });

  it('shows a fair’s approved postings of its exhibitors only (none without booths; never unapproved)', async () => {
    const eventId = '7b0c5f0e-8c1d-4f5e-9a51-0d3c2b1a0f99';
    expect((await t.gql(FAIR, { eventId })).data!.fairPostings).toEqual([]);
    const exhibitor = await employer();
    const outsider = await employer();
    const shown = await approved(exhibitor, { title: '参会岗位' });
    await create(exhibitor, { title: '参会待审岗位' });
    await approved(outsider, { title: '未参会岗位' });
    const facts = t.app.get(FairFacts);
    facts.provideExhibitors(async (ids) => new Map(ids.map((id) => [id, id === eventId ? [exhibitor.employerId!] : []])));
    const res = await t.gql(FAIR, { eventId });
    expect(res.data!.fairPostings).toEqual([{ id: shown, status: 'APPROVED' }]);
  });

  it('exports approved postings for the provincial boards: CSV / Excel for organizers, JSON feed for anyone', async () => {
    const owner = await employer('371302');
    const id = await approved(owner, { title: '=HYPERLINK("x")导出岗位' });
    const pending = await create(owner, { title: '导出-待审' });
    const get = (path: string, token?: string) => fetch(`${t.baseUrl}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

    const csv = await get('/exports/postings.csv', city.token);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const raw = Buffer.from(await csv.arrayBuffer());
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = raw.toString('utf8');
    expect(text).toContain(id);
    expect(text).toContain(`"'=HYPERLINK(""x"")导出岗位"`);
    expect(text).toContain('138****1234');
    expect(text).not.toContain(pending);
    expect((await get('/exports/postings.csv')).status).toBe(401);
    expect((await get('/exports/postings.csv', owner.token)).status).toBe(403);
    const feixian = await signedInAs(t, 'ORGANIZER', { regionCode: '371325' });
    expect(await (await get('/exports/postings.csv', feixian.token)).text()).not.toContain(id);
    expect((await get('/exports/postings.csv?region=371302', feixian.token)).status).toBe(403);

    const xlsx = await get('/exports/postings.xlsx?region=371302', city.token);
    expect(xlsx.status).toBe(200);
    const bytes = Buffer.from(await xlsx.arrayBuffer());
    expect(bytes.subarray(0, 2).toString()).toBe('PK');

    const feed = await get('/feeds/postings.json?region=371302&limit=500');
    expect(feed.status).toBe(200);
    const body = (await feed.json()) as { postings: Array<Record<string, unknown>> };
    const record = body.postings.find((p) => p.id === id)!;
    expect(record).toMatchObject({
      employerCreditCode: expect.stringMatching(/^91371302/),
      occupationCode: '6.01',
      occupationMajorGroup: '6',
      headcount: 5,
      salaryMin: 5000,
      salaryMax: 8000,
      salaryNegotiable: false,
      educationCode: '40',
      regionName: '兰山区',
      contactPhoneMasked: '138****1234',
      url: expect.stringMatching(new RegExp(`/jobs/${id}$`)),
    });
    expect(JSON.stringify(body)).not.toContain('13805391234');
    expect(body.postings.some((p) => p.id === pending)).toBe(false);
    expect((await get('/feeds/postings.json?region=999999')).status).toBe(400);
    expect((await get('/feeds/postings.json?limit=100000')).status).toBe(400);
  });
});
