import type { Socket } from 'socket.io-client';
import { createTestApp, type TestApp } from './support/test-app.js';
import { registerEmployer, signedInAs } from './support/factories.js';
import { jobsSettled } from './support/jobs.js';
import { disconnectWithin } from './support/sockets.js';

const VERIFY = `mutation($id: ID!) { verifyEmployer(id: $id) { id } }`;
const LIST = `query($unreadOnly: Boolean) { notifications(unreadOnly: $unreadOnly) { total unreadCount items { id kind title body link readAt } } }`;
const COUNT = `{ unreadNotificationCount }`;
const MARK = `mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) }`;
const MARK_ALL = `mutation { markAllNotificationsRead }`;

/** Collects what a socket receives so a test can say what arrived and what did not. */
function inbox(socket: Socket): Array<{ kind: string; title: string }> {
  const got: Array<{ kind: string; title: string }> = [];
  socket.on('notification:new', (n) => got.push(n));
  return got;
}

const settle = (ms = 300) => new Promise((r) => setTimeout(r, ms));

describe('notification centre', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('pushes a verification notice live to the employer’s members only', async () => {
    const emp = await registerEmployer(t);
    const bystander = await registerEmployer(t);
    await jobsSettled(t); // registration notices go to organizers who exist when they are delivered
    const organizer = await signedInAs(t, 'ORGANIZER', { regionCode: '371302' });
    const empInbox = inbox(await t.socket(emp.token));
    const bystanderInbox = inbox(await t.socket(bystander.token));
    const organizerInbox = inbox(await t.socket(organizer.token));

    await t.gql(VERIFY, { id: emp.employerId }, organizer.token);
    // Delivered by a worker after the commit: wait (bounded) for it.
    for (let i = 0; i < 200 && empInbox.length === 0; i++) await settle(50);
    await settle();

    expect(empInbox).toEqual([expect.objectContaining({ kind: 'EMPLOYER_VERIFIED', title: '单位认证已通过' })]);
    expect(bystanderInbox).toEqual([]);
    expect(organizerInbox).toEqual([]);
  });

  it('writes the text in the recipient’s language', async () => {
    const emp = await registerEmployer(t);
    await t.ds.query(`UPDATE app_user SET locale = 'en' WHERE id = $1`, [emp.userId]);
    const organizer = await signedInAs(t, 'ORGANIZER');
    await t.gql(VERIFY, { id: emp.employerId }, organizer.token);
    await jobsSettled(t);
    const list = await t.gql(LIST, {}, emp.token);
    expect(list.data!.notifications.items[0]).toMatchObject({ kind: 'EMPLOYER_VERIFIED', title: 'Employer verified', link: '/employer' });
  });

  it('tells the region’s organizers that a new employer awaits review', async () => {
    const lanshan = await signedInAs(t, 'ORGANIZER', { regionCode: '371302' });
    const feixian = await signedInAs(t, 'ORGANIZER', { regionCode: '371325' });
    const lanshanInbox = inbox(await t.socket(lanshan.token));
    const feixianInbox = inbox(await t.socket(feixian.token));
    await registerEmployer(t, { regionCode: '371302' });
    for (let i = 0; i < 200 && lanshanInbox.length === 0; i++) await settle(50);
    await settle();
    expect(lanshanInbox.map((n) => n.kind)).toEqual(['EMPLOYER_AWAITING_REVIEW']);
    expect(feixianInbox).toEqual([]);
  });

  it('lists, counts and marks read only the caller’s own notifications', async () => {
    const emp = await registerEmployer(t);
    const other = await registerEmployer(t);
    const organizer = await signedInAs(t, 'ORGANIZER');
    await t.gql(VERIFY, { id: emp.employerId }, organizer.token);
    await t.gql(VERIFY, { id: other.employerId }, organizer.token);
    await jobsSettled(t);

    const mine = await t.gql(LIST, { unreadOnly: true }, emp.token);
    expect(mine.data!.notifications).toMatchObject({ total: 1, unreadCount: 1 });
    const theirs = await t.gql(LIST, {}, other.token);
    const theirId = theirs.data!.notifications.items[0].id;

    // Marking someone else's notification does nothing.
    expect((await t.gql(MARK, { ids: [theirId] }, emp.token)).data!.markNotificationsRead).toBe(0);
    expect((await t.gql(COUNT, {}, other.token)).data!.unreadNotificationCount).toBe(1);

    expect((await t.gql(MARK, { ids: [mine.data!.notifications.items[0].id] }, emp.token)).data!.markNotificationsRead).toBe(1);
    expect((await t.gql(COUNT, {}, emp.token)).data!.unreadNotificationCount).toBe(0);
    expect((await t.gql(MARK_ALL, {}, other.token)).data!.markAllNotificationsRead).toBe(1);
    expect((await t.gql(COUNT, {}, other.token)).data!.unreadNotificationCount).toBe(0);
  });

  it('refuses a socket without a valid token', async () => {
    await expect(t.socket('not-a-token')).rejects.toThrow('UNAUTHENTICATED');
    await expect(t.socket('')).rejects.toThrow('UNAUTHENTICATED');
  });

  it('disconnects the sockets of a session at logout, and only that session’s', async () => {
    const emp = await registerEmployer(t);
    const other = await t.gql(`mutation($i: LoginInput!) { login(input: $i) { accessToken } }`, { i: { login: emp.input.email, password: emp.input.password } });
    const ending = await t.socket(emp.token);
    const staying = await t.socket(other.data!.login.accessToken);
    const ended = disconnectWithin(ending, 1_500);
    const kept = disconnectWithin(staying, 1_500);
    expect((await t.gql(`mutation($r: String!) { logout(refreshToken: $r) }`, { r: emp.refreshToken })).data!.logout).toBe(true);
    expect(await ended).toBe('io server disconnect');
    expect(await kept).toBe('still connected');
  });

  it('disconnects the session’s sockets when a rotated refresh token is presented again', async () => {
    const emp = await registerEmployer(t);
    const socket = await t.socket(emp.token);
    const REFRESH = `mutation($r: String!) { refreshSession(refreshToken: $r) { refreshToken } }`;
    expect((await t.gql(REFRESH, { r: emp.refreshToken })).errors).toBeUndefined();
    const ended = disconnectWithin(socket, 1_500);
    expect((await t.gql(REFRESH, { r: emp.refreshToken })).errors![0]!.extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'SESSION_REVOKED', params: {} });
    expect(await ended).toBe('io server disconnect');
  });

  it('needs a signed-in caller for the notification centre', async () => {
    expect((await t.gql(COUNT)).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });
});

describe('sockets end with their session', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ ACCESS_TOKEN_TTL_SECONDS: '2' });
  });
  afterAll(() => t.close());

  it('disconnects a socket when its access token expires, and refuses the expired token', async () => {
    const emp = await registerEmployer(t);
    const socket = await t.socket(emp.token);
    expect(await disconnectWithin(socket, 4_000)).toBe('io server disconnect');
    // Nothing reaches it any more, and the old token cannot reconnect.
    const got = inbox(socket);
    await t.gql(VERIFY, { id: emp.employerId }, (await signedInAs(t, 'ORGANIZER', { regionCode: '371302' })).token);
    await settle();
    expect(got).toEqual([]);
    await expect(t.socket(emp.token)).rejects.toThrow('UNAUTHENTICATED');
  });
});
