import { eventually } from './support/jobs.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { REGISTER_EMPLOYER, STRONG_PASSWORD, registerEmployer, signedInAs, uniqueEmail, uniquePhone, validCreditCode } from './support/factories.js';
import { disconnectWithin } from './support/sockets.js';

const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { accessToken refreshToken user { id mustChangePassword } } }`;
const REFRESH = `mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken } }`;
const CHANGE = `mutation($input: ChangePasswordInput!) { changePassword(input: $input) { id mustChangePassword } }`;
const ISSUE = `mutation($u: ID!) { issuePasswordResetCode(userId: $u) { code expiresAt user { id } } }`;
const RESET = `mutation($input: ResetPasswordInput!) { resetPasswordWithCode(input: $input) }`;
const NEW_PASSWORD = 'Yimeng#2026new';

const auditActions = async (t: TestApp, resourceId: string): Promise<string[]> =>
  (await t.ds.query(`SELECT action FROM audit_log WHERE resource_id = $1 ORDER BY occurred_at`, [resourceId])).map((r: { action: string }) => r.action);

describe('account self-service', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function seeker(regionCode = '371302') {
    const email = uniqueEmail('acct');
    const res = await t.gql(`mutation($input: RegisterSeekerInput!) { registerSeeker(input: $input) { accessToken refreshToken user { id region { code } } } }`, {
      input: { displayName: '孙同学', email, password: STRONG_PASSWORD, regionCode },
    });
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    const p = res.data!.registerSeeker;
    return { email, id: p.user.id as string, token: p.accessToken as string, refreshToken: p.refreshToken as string, region: p.user.region };
  }

  it('records the county a seeker registers in, and refuses an unknown one', async () => {
    expect((await seeker('371325')).region).toEqual({ code: '371325' });
    const bad = await t.gql(`mutation($input: RegisterSeekerInput!) { registerSeeker(input: $input) { accessToken } }`, {
      input: { displayName: '孙', email: uniqueEmail(), password: STRONG_PASSWORD, regionCode: '379999' },
    });
    expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { regionCode: expect.any(String) } });
  });

  it('changes the password with the current one, ending the other sessions (and their sockets) but not this one', async () => {
    const me = await seeker();
    const other = (await t.gql(LOGIN, { input: { login: me.email, password: STRONG_PASSWORD } })).data!.login;
    const otherSocket = await t.socket(other.accessToken);
    const ownSocket = await t.socket(me.token);
    const wrong = await t.gql(CHANGE, { input: { currentPassword: 'Wrong#2025pass', newPassword: NEW_PASSWORD } }, me.token);
    expect(wrong.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'WRONG_CURRENT_PASSWORD' });
    const weak = await t.gql(CHANGE, { input: { currentPassword: STRONG_PASSWORD, newPassword: 'short' } }, me.token);
    expect(weak.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { newPassword: expect.any(String) } });
    const ended = disconnectWithin(otherSocket, 1_500);
    const kept = disconnectWithin(ownSocket, 1_500);
    const ok = await t.gql(CHANGE, { input: { currentPassword: STRONG_PASSWORD, newPassword: NEW_PASSWORD } }, me.token);
    expect(ok.errors).toBeUndefined();
    expect(await ended).toBe('io server disconnect');
    expect(await kept).toBe('still connected');
    otherSocket.close();
    ownSocket.close();
    expect((await t.gql(REFRESH, { t: other.refreshToken })).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(REFRESH, { t: me.refreshToken })).errors).toBeUndefined();
    expect((await t.gql(LOGIN, { input: { login: me.email, password: STRONG_PASSWORD } })).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(LOGIN, { input: { login: me.email, password: NEW_PASSWORD } })).errors).toBeUndefined();
    await eventually(async () => expect(await auditActions(t, me.id)).toContain('password.changed'));
  });

  it('makes a staff-created account change its initial password before anything else', async () => {
    const organizer = await signedInAs(t, 'ORGANIZER', { regionCode: '371302' });
    const email = uniqueEmail('mentor');
    const created = await t.gql(`mutation($input: CreateStaffAccountInput!) { createStaffAccount(input: $input) { id } }`, {
      input: { role: 'MENTOR', displayName: '新导师', email, password: STRONG_PASSWORD },
    }, organizer.token);
    expect(created.errors).toBeUndefined();
    const login = (await t.gql(LOGIN, { input: { login: email, password: STRONG_PASSWORD } })).data!.login;
    expect(login.user.mustChangePassword).toBe(true);
    const me = await t.gql(`{ me { id mustChangePassword region { code } } }`, {}, login.accessToken);
    expect(me.data!.me).toMatchObject({ mustChangePassword: true, region: { code: '371302' } });
    for (const query of [`{ notifications { total } }`, `{ myCalendarFeed { url } }`, `mutation { updateMyProfile(input: { locale: "en" }) { id } }`]) {
      const refused = await t.gql(query, {}, login.accessToken);
      expect(refused.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'PASSWORD_CHANGE_REQUIRED' });
    }
    const changed = await t.gql(CHANGE, { input: { currentPassword: STRONG_PASSWORD, newPassword: NEW_PASSWORD } }, login.accessToken);
    expect(changed.data!.changePassword.mustChangePassword).toBe(false);
    expect((await t.gql(`{ notifications { total } }`, {}, login.accessToken)).errors).toBeUndefined();
    expect((await t.gql(`mutation($r: String!) { logout(refreshToken: $r) }`, { r: login.refreshToken })).data!.logout).toBe(true);
  });

  it('resets a password with a one-time code issued by an organizer of the region: once, then never again', async () => {
    const me = await seeker('371302');
    const socket = await t.socket(me.token);
    const feixian = await signedInAs(t, 'ORGANIZER', { regionCode: '371325' });
    expect((await t.gql(ISSUE, { u: me.id }, feixian.token)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const lanshan = await signedInAs(t, 'ORGANIZER', { regionCode: '371302' });
    const issued = (await t.gql(ISSUE, { u: me.id }, lanshan.token)).data!.issuePasswordResetCode;
    expect(issued.code).toMatch(/^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/);
    expect(new Date(issued.expiresAt).getTime() - Date.now()).toBeGreaterThan(23 * 3600_000);
    const [stored] = await t.ds.query(`SELECT code_hash FROM password_reset_code WHERE user_id = $1`, [me.id]);
    expect(stored.code_hash).not.toContain(issued.code.replace('-', ''));

    const wrong = await t.gql(RESET, { input: { login: me.email, code: 'AAAAA-BBBBB', newPassword: NEW_PASSWORD } });
    expect(wrong.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_RESET_CODE' });
    const ended = disconnectWithin(socket, 1_500);
    // Two uses at once (lower case, without the hyphen: as typed): the conditional UPDATE lets exactly one through.
    const typed = issued.code.replace('-', ' ').toLowerCase();
    const both = await Promise.all([1, 2].map(() => t.gql(RESET, { input: { login: me.email.toUpperCase(), code: typed, newPassword: NEW_PASSWORD } })));
    expect(both.filter((r) => r.data?.resetPasswordWithCode === true)).toHaveLength(1);
    expect(both.filter((r) => r.errors?.[0]?.extensions?.reason === 'INVALID_RESET_CODE')).toHaveLength(1);
    expect(await ended).toBe('io server disconnect');
    socket.close();
    expect((await t.gql(REFRESH, { t: me.refreshToken })).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(LOGIN, { input: { login: me.email, password: NEW_PASSWORD } })).errors).toBeUndefined();
    await eventually(async () => expect(await auditActions(t, me.id)).toEqual(expect.arrayContaining(['password.reset_code_issued', 'password.reset'])));
  });

  it('refuses an expired code, and a code issued before a newer one', async () => {
    const me = await seeker();
    const admin = await signedInAs(t, 'ADMIN');
    const first = (await t.gql(ISSUE, { u: me.id }, admin.token)).data!.issuePasswordResetCode.code;
    const second = (await t.gql(ISSUE, { u: me.id }, admin.token)).data!.issuePasswordResetCode.code;
    expect((await t.gql(RESET, { input: { login: me.email, code: first, newPassword: NEW_PASSWORD } })).errors![0]!.extensions!.reason).toBe('INVALID_RESET_CODE');
    await t.ds.query(`UPDATE password_reset_code SET expires_at = now() - interval '1 minute' WHERE user_id = $1`, [me.id]);
    expect((await t.gql(RESET, { input: { login: me.email, code: second, newPassword: NEW_PASSWORD } })).errors![0]!.extensions!.reason).toBe('INVALID_RESET_CODE');
  });

  it('limits reset attempts per client address', async () => {
    const me = await seeker();
    await t.ds.query(`DELETE FROM request_throttle WHERE key LIKE 'reset-addr:%'`);
    const reasons: string[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await t.gql(RESET, { input: { login: me.email, code: `WRONG-${i}0000`, newPassword: NEW_PASSWORD } });
      reasons.push(res.errors![0]!.extensions!.reason as string);
    }
    expect(reasons.slice(0, 10).every((r) => r === 'INVALID_RESET_CODE')).toBe(true);
    expect(reasons.slice(10)).toEqual(['TOO_MANY_RESET_ATTEMPTS', 'TOO_MANY_RESET_ATTEMPTS']);
    await t.ds.query(`DELETE FROM request_throttle WHERE key LIKE 'reset-addr:%'`);
  });
});

describe('admin user list and deactivation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const USERS = `query($f: UserFilter) { users(filter: $f, take: 50) { total items { id role displayName email phone disabledAt region { code } } } }`;

  it('searches by name, e-mail and phone, filters by role and region, and masks contact', async () => {
    const admin = await signedInAs(t, 'ADMIN');
    const phone = uniquePhone();
    const name = `检索${Date.now() % 100000}`;
    const res = await t.gql(`mutation($input: RegisterSeekerInput!) { registerSeeker(input: $input) { user { id } } }`, {
      input: { displayName: name, phone, password: STRONG_PASSWORD, regionCode: '371325' },
    });
    const id = res.data!.registerSeeker.user.id;
    const byName = (await t.gql(USERS, { f: { search: name } }, admin.token)).data!.users;
    expect(byName.items.map((u: { id: string }) => u.id)).toEqual([id]);
    expect(byName.items[0].phone).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect((await t.gql(USERS, { f: { search: phone.slice(3) } }, admin.token)).data!.users.items.map((u: { id: string }) => u.id)).toContain(id);
    const email = uniqueEmail('find');
    await signedInAs(t, 'MENTOR', { regionCode: '371325' }).then((m) => t.ds.query(`UPDATE app_user SET email = $2 WHERE id = $1`, [m.id, email]));
    const byEmail = (await t.gql(USERS, { f: { search: email.slice(0, 12) } }, admin.token)).data!.users.items;
    expect(byEmail).toHaveLength(1);
    expect(byEmail[0].email).toMatch(/\*\*\*@/);
    const filtered = (await t.gql(USERS, { f: { role: 'SEEKER', regionCode: '371325' } }, admin.token)).data!.users.items;
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.every((u: { role: string; region: { code: string } }) => u.role === 'SEEKER' && u.region.code === '371325')).toBe(true);
    const organizer = await signedInAs(t, 'ORGANIZER');
    expect((await t.gql(USERS, {}, organizer.token)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });

  it('deactivates an account: its tokens, refresh tokens and sockets end at once; reactivating lets it sign in again', async () => {
    const admin = await signedInAs(t, 'ADMIN');
    const emp = await registerEmployer(t);
    const second = (await t.gql(LOGIN, { input: { login: emp.input.email, password: STRONG_PASSWORD } })).data!.login;
    const sockets = [await t.socket(emp.token), await t.socket(second.accessToken)];
    const ended = sockets.map((s) => disconnectWithin(s, 1_500));
    const DEACTIVATE = `mutation($id: ID!, $r: String!) { deactivateUser(id: $id, reason: $r) { id disabledAt disabledReason } }`;
    expect((await t.gql(DEACTIVATE, { id: emp.userId, r: 'x' }, admin.token)).errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    const res = await t.gql(DEACTIVATE, { id: emp.userId, r: '冒用他人资料' }, admin.token);
    expect(res.data!.deactivateUser).toMatchObject({ disabledReason: '冒用他人资料', disabledAt: expect.any(String) });
    expect(await Promise.all(ended)).toEqual(['io server disconnect', 'io server disconnect']);
    sockets.forEach((s) => s.close());
    expect((await t.gql(`{ me { id } }`, {}, emp.token)).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(REFRESH, { t: second.refreshToken })).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(LOGIN, { input: { login: emp.input.email, password: STRONG_PASSWORD } })).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(DEACTIVATE, { id: emp.userId, r: '再次停用' }, admin.token)).errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'USER_ALREADY_DEACTIVATED' });
    expect((await t.gql(DEACTIVATE, { id: admin.id, r: '停用自己' }, admin.token)).errors![0]!.extensions!.code).toBe('FORBIDDEN');

    const back = await t.gql(`mutation($id: ID!) { reactivateUser(id: $id, reason: "核实无误") { disabledAt } }`, { id: emp.userId }, admin.token);
    expect(back.data!.reactivateUser.disabledAt).toBeNull();
    expect((await t.gql(LOGIN, { input: { login: emp.input.email, password: STRONG_PASSWORD } })).errors).toBeUndefined();
    await eventually(async () => expect(await auditActions(t, emp.userId)).toEqual(['user.deactivated', 'user.reactivated']));
  });
});

describe('employer corrections and revoked verification', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const RESUBMIT = `mutation($input: ResubmitEmployerInput!) { resubmitMyEmployer(input: $input) { id status name creditCode rejectionReason region { code } viewerCan { resubmit } } }`;

  it('lets a rejected employer correct its details and resubmit: PENDING again, organizers of the region told, audited', async () => {
    const emp = await registerEmployer(t, { regionCode: '371302' });
    const feixian = await signedInAs(t, 'ORGANIZER', { regionCode: '371325' });
    const input = { name: '临沂更正后有限公司', creditCode: validCreditCode('371325'), regionCode: '371325', contactName: '王经理', contactPhone: uniquePhone() };
    // Only a rejected employer can resubmit.
    expect((await t.gql(RESUBMIT, { input }, emp.token)).errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'EMPLOYER_NOT_REJECTED' });
    const lanshan = await signedInAs(t, 'ORGANIZER', { regionCode: '371302' });
    await t.gql(`mutation($id: ID!) { rejectEmployer(id: $id, reason: "名称与执照不符") { id } }`, { id: emp.employerId }, lanshan.token);
    const own = await t.gql(`{ myEmployer { status viewerCan { resubmit } } }`, {}, emp.token);
    expect(own.data!.myEmployer).toEqual({ status: 'REJECTED', viewerCan: { resubmit: true } });
    expect((await t.gql(RESUBMIT, { input }, feixian.token)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const res = await t.gql(RESUBMIT, { input }, emp.token);
    expect(res.errors).toBeUndefined();
    expect(res.data!.resubmitMyEmployer).toMatchObject({ status: 'PENDING', name: input.name, rejectionReason: null, region: { code: '371325' }, viewerCan: { resubmit: false } });
    await eventually(async () => {
      const [note] = await t.ds.query(`SELECT kind FROM notification WHERE user_id = $1 AND data->>'employerId' = $2`, [feixian.id, emp.employerId]);
      expect(note.kind).toBe('EMPLOYER_RESUBMITTED');
    });
    await eventually(async () => expect(await auditActions(t, emp.employerId)).toEqual(['employer.rejected', 'employer.resubmitted']));
    // The new region's organizer can now review it.
    expect((await t.gql(`mutation($id: ID!) { verifyEmployer(id: $id) { status } }`, { id: emp.employerId }, feixian.token)).data!.verifyEmployer.status).toBe('VERIFIED');
  });

  it("lets its region's organizer revoke a verification with a reason; the members are told and the employer may resubmit", async () => {
    const emp = await registerEmployer(t, { regionCode: '371302' });
    const lanshan = await signedInAs(t, 'ORGANIZER', { regionCode: '371302' });
    const feixian = await signedInAs(t, 'ORGANIZER', { regionCode: '371325' });
    const REVOKE = `mutation($id: ID!, $r: String!) { revokeEmployerVerification(id: $id, reason: $r) { status rejectionReason viewerCan { revoke } } }`;
    expect((await t.gql(REVOKE, { id: emp.employerId, r: '执照已吊销' }, lanshan.token)).errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'EMPLOYER_NOT_VERIFIED' });
    await t.gql(`mutation($id: ID!) { verifyEmployer(id: $id) { id } }`, { id: emp.employerId }, lanshan.token);
    const view = await t.gql(`query($id: ID!) { employer(id: $id) { viewerCan { revoke verify } } }`, { id: emp.employerId }, lanshan.token);
    expect(view.data!.employer.viewerCan).toEqual({ revoke: true, verify: false });
    expect((await t.gql(REVOKE, { id: emp.employerId, r: '执照已吊销' }, feixian.token)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const res = await t.gql(REVOKE, { id: emp.employerId, r: '执照已吊销' }, lanshan.token);
    expect(res.data!.revokeEmployerVerification).toEqual({ status: 'REJECTED', rejectionReason: '执照已吊销', viewerCan: { revoke: false } });
    await eventually(async () => {
      const [note] = await t.ds.query(`SELECT body FROM notification WHERE user_id = $1 AND kind = 'EMPLOYER_REVOKED'`, [emp.userId]);
      expect(note.body).toContain('执照已吊销');
    });
    await eventually(async () => expect(await auditActions(t, emp.employerId)).toEqual(['employer.verified', 'employer.revoked']));
  });
});

describe('credit codes as people paste them', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('keeps every character of a code pasted with spaces', async () => {
    const code = validCreditCode('371302');
    const spaced = `${code.slice(0, 4)} ${code.slice(4, 8)} ${code.slice(8, 12)} ${code.slice(12, 16)} ${code.slice(16)}`;
    const res = await t.gql(REGISTER_EMPLOYER, {
      input: { displayName: '李', email: uniqueEmail(), password: STRONG_PASSWORD, employerName: '空格粘贴有限公司', creditCode: `${spaced}`, regionCode: '371302' },
    });
    expect(res.errors).toBeUndefined();
    const [row] = await t.ds.query(`SELECT credit_code FROM employer WHERE id = $1`, [res.data!.registerEmployer.user.employer.id]);
    expect(row.credit_code).toBe(code);
  });

  it('shows the reviewer when the code belongs to another county or outside Linyi', async () => {
    const admin = await signedInAs(t, 'ADMIN');
    const elsewhere = await registerEmployer(t, { regionCode: '371302', creditCode: validCreditCode('371325') });
    const outside = await registerEmployer(t, { regionCode: '371302', creditCode: validCreditCode('370102') });
    const fits = await registerEmployer(t, { regionCode: '371302' });
    const Q = `query($id: ID!) { employer(id: $id) { creditCodeRegionMismatch } }`;
    const mismatch = async (id: string) => (await t.gql(Q, { id }, admin.token)).data!.employer.creditCodeRegionMismatch;
    expect([await mismatch(elsewhere.employerId), await mismatch(outside.employerId), await mismatch(fits.employerId)]).toEqual(['OUTSIDE_REGION', 'OUTSIDE_LINYI', null]);
  });
});
