import { randomBytes } from 'node:crypto';
import { LIVE_CHAT_RATE } from '@leye/domain';
import { AutopilotRunner } from '../src/modules/broadcasts/autopilot.runner.js';
import { BroadcastLiveService } from '../src/modules/broadcasts/broadcast-live.service.js';
import { Presence } from '../src/common/realtime/presence.js';
import { ViewerLedger } from '../src/modules/broadcasts/viewer-ledger.js';
import { Measures } from '../src/common/measures/measures.js';
import { SessionEvents } from '../src/common/auth/session-events.js';
import { BROADCAST_FIELDS, broadcastFixture, emitAck, liveSocket, nextEvent, type LiveSocket } from './support/broadcasts.js';
import { signedInAs, uniquePhone, type SignedIn } from './support/factories.js';
import { eventually, leastQueries } from './support/jobs.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const ONE = `query($id: ID!) { broadcast(id: $id) { ${BROADCAST_FIELDS} } }`;
const PUSH = `mutation($b: ID!, $c: ID!) { pushBroadcastCard(broadcastId: $b, cardId: $c) { currentCardId cardSeq } }`;
const APPLY = `mutation($input: BroadcastApplyInput!) { applyFromBroadcast(input: $input) { applicationId alreadyApplied accountCreated } }`;
const CHAT = `mutation($b: ID!, $text: String!) { sendChatMessage(broadcastId: $b, text: $text) { id text displayName } }`;
const RESTRICT = `mutation($b: ID!, $u: ID!, $k: ChatRestrictionKind!, $m: Int) { restrictChatUser(broadcastId: $b, userId: $u, kind: $k, minutes: $m) { restrictions { userId kind until } } }`;
const LIFT = `mutation($b: ID!, $u: ID!, $k: ChatRestrictionKind!) { liftChatRestriction(broadcastId: $b, userId: $u, kind: $k) { restrictions { userId } } }`;
const KEYWORD = `mutation($w: String!) { addChatKeyword(word: $w) { id word } }`;
const FUNNEL = `query($b: ID!) { broadcastFunnel(broadcastId: $b) { total { impressions applications interviews hires } cards { cardId funnel { impressions applications interviews hires } } } }`;
const STATS = `query($b: ID!) { broadcastStats(broadcastId: $b) { peakViewers uniqueViewers watchMinutes impressions applications conversion cards { cardId impressions applications shownCount } } }`;
const FEED = `query($b: ID!) { broadcastApplications(broadcastId: $b) { total items { id cardId applicantName postingTitle } } }`;
const settle = (ms = 200) => new Promise((r) => setTimeout(r, ms));

describe('broadcasts (直播带岗)', () => {
  let t: TestApp;
  const sockets: LiveSocket[] = [];
  const open = async (opts: Parameters<typeof liveSocket>[1] = {}) => {
    const s = await liveSocket(t.baseUrl, opts);
    sockets.push(s);
    return s;
  };

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await t.close();
  });

  async function seeker(): Promise<SignedIn> {
    const s = await signedInAs(t, 'SEEKER', { regionCode: '371302' });
    await t.ds.query(`UPDATE app_user SET phone = $2 WHERE id = $1`, [s.id, uniquePhone()]);
    return s;
  }

  it('creates a broadcast for a LIVESTREAM event and shows ingest details to its hosts only', async () => {
    const b = await broadcastFixture(t);
    const asHost = await t.gql(ONE, { id: b.id }, b.host.token);
    expect(asHost.errors).toBeUndefined();
    expect(asHost.data!.broadcast).toMatchObject({ status: 'SCHEDULED', viewerCan: { host: true, manage: false }, hosts: [{ id: b.host.id }] });
    expect(asHost.data!.broadcast.ingest.streamKey).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(asHost.data!.broadcast.cards).toHaveLength(3);
    expect(asHost.data!.broadcast.cards[0].shortCode).toMatch(/^[2-9a-z]{8}$/);
    const anonymous = await t.gql(ONE, { id: b.id });
    expect(anonymous.data!.broadcast.ingest).toBeNull();
    expect(anonymous.data!.broadcast.cards[0].script).toBeNull();
    expect(anonymous.data!.broadcast.viewerCan).toEqual({ host: false, manage: false, stats: false, chat: false });
    // One broadcast per event.
    const again = await t.gql(`mutation($input: CreateBroadcastInput!) { createBroadcast(input: $input) { id } }`, { input: { eventId: b.eventId } }, b.organizer.token);
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'BROADCAST_EXISTS' });
    // Not a LIVESTREAM event, or an organizer of another county.
    const county = await signedInAs(t, 'ORGANIZER', { regionCode: '371325' });
    const foreign = await t.gql(`mutation($input: CreateBroadcastInput!) { createBroadcast(input: $input) { id } }`, { input: { eventId: b.eventId } }, county.token);
    expect(foreign.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('moves SCHEDULED → LIVE → ENDED only, by its hosts', async () => {
    const b = await broadcastFixture(t);
    const viewer = await seeker();
    const start = `mutation($id: ID!) { startBroadcast(id: $id) { status } }`;
    const end = `mutation($id: ID!) { endBroadcast(id: $id) { status } }`;
    expect((await t.gql(start, { id: b.id }, viewer.token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(start, { id: b.id }, b.organizer.token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(end, { id: b.id }, b.host.token)).errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'BROADCAST_TRANSITION_INVALID' });
    expect((await t.gql(start, { id: b.id }, b.host.token)).data!.startBroadcast.status).toBe('LIVE');
    expect((await t.gql(start, { id: b.id }, b.host.token)).errors?.[0].extensions?.reason).toBe('BROADCAST_TRANSITION_INVALID');
    expect((await t.gql(end, { id: b.id }, b.host.token)).data!.endBroadcast.status).toBe('ENDED');
  });

  it('pushes a card to every viewer, anonymous ones included, and only a host may push', async () => {
    const b = await broadcastFixture(t, { live: true });
    const anonymous = await open({ viewerKey: 'anon-' + randomBytes(6).toString('hex') });
    const viewer = await seeker();
    const signedIn = await open({ token: viewer.token });
    const hostSocket = await open({ token: b.host.token });
    for (const s of [anonymous, signedIn]) expect((await emitAck(s, 'live:join', { broadcastId: b.id })).ok).toBe(true);
    const hostJoin = await emitAck(hostSocket, 'live:join', { broadcastId: b.id });
    expect(hostJoin.sync.you.host).toBe(true);

    const got = [nextEvent(anonymous, 'live:card'), nextEvent(signedIn, 'live:card')];
    const started = Date.now();
    expect(await emitAck(hostSocket, 'live:push', { broadcastId: b.id, cardId: b.cardIds[1] })).toEqual({ ok: true });
    const cards = await Promise.all(got);
    expect(Date.now() - started).toBeLessThan(1000);
    for (const c of cards) expect(c).toMatchObject({ broadcastId: b.id, seq: 1, card: { id: b.cardIds[1], title: '岗位2' } });

    // Viewers (socket and GraphQL) may not push.
    expect(await emitAck(signedIn, 'live:push', { broadcastId: b.id, cardId: b.cardIds[0] })).toEqual({ ok: false, reason: 'NOT_A_HOST' });
    expect(await emitAck(anonymous, 'live:push', { broadcastId: b.id, cardId: b.cardIds[0] })).toEqual({ ok: false, reason: 'UNAUTHENTICATED' });
    expect((await t.gql(PUSH, { b: b.id, c: b.cardIds[0] }, viewer.token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(PUSH, { b: b.id, c: b.cardIds[0] }, b.organizer.token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(PUSH, { b: b.id, c: b.cardIds[0] })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    // Through GraphQL too, by the host.
    const pushed = nextEvent(anonymous, 'live:card');
    expect((await t.gql(PUSH, { b: b.id, c: b.cardIds[2] }, b.host.token)).data!.pushBroadcastCard).toEqual({ currentCardId: b.cardIds[2], cardSeq: 2 });
    expect((await pushed).seq).toBe(2);
    // The host's queue follows.
    const resync = await emitAck(anonymous, 'live:sync', { broadcastId: b.id });
    expect(resync.sync.currentCard.id).toBe(b.cardIds[2]);
    expect(resync.sync.shownCards.map((c: { id: string }) => c.id).sort()).toEqual([b.cardIds[1], b.cardIds[2]].sort());
  });

  it('counts viewers, anonymous ones included, and keeps the peak', async () => {
    const b = await broadcastFixture(t, { live: true });
    const presence = t.app.get(Presence);
    const a = await open({ viewerKey: 'view-a-' + randomBytes(4).toString('hex') });
    const c = await open({ viewerKey: 'view-c-' + randomBytes(4).toString('hex') });
    await emitAck(a, 'live:join', { broadcastId: b.id });
    // The ticker may still tell `a` the count before `c` joined: wait for the count that includes `c`.
    const counted = nextEvent(a, 'live:viewers', 3000, (v) => v.count >= 2);
    await emitAck(c, 'live:join', { broadcastId: b.id });
    await presence.tick();
    expect(await counted).toMatchObject({ broadcastId: b.id, count: 2 });
    c.disconnect();
    await settle();
    await presence.tick();
    const one = await t.gql(ONE, { id: b.id });
    expect(one.data!.broadcast).toMatchObject({ viewerCount: 1, peakViewers: 2 });
    await t.app.get(ViewerLedger).flush();
    const stats = await t.gql(STATS, { b: b.id }, b.host.token);
    expect(stats.data!.broadcastStats).toMatchObject({ peakViewers: 2, uniqueViewers: 2 });
  });

  it('resynchronises after a reconnect: current card, counts, recent chat', async () => {
    const b = await broadcastFixture(t, { live: true });
    const viewer = await seeker();
    await t.gql(PUSH, { b: b.id, c: b.cardIds[0] }, b.host.token);
    await t.gql(CHAT, { b: b.id, text: '请问招多少人？' }, viewer.token);
    await t.gql(`mutation($b: ID!, $t: String) { setBroadcastAnnouncement(broadcastId: $b, text: $t) { announcement } }`, { b: b.id, t: '扫码投递' }, b.host.token);
    const s = await open();
    const ack = await emitAck(s, 'live:sync', { broadcastId: b.id });
    expect(ack.ok).toBe(true);
    expect(ack.sync).toMatchObject({ status: 'LIVE', announcement: '扫码投递', currentCard: { id: b.cardIds[0] }, cardSeq: 1, you: { host: false, canChat: false } });
    expect(ack.sync.recentChat.map((m: { text: string }) => m.text)).toEqual(['请问招多少人？']);
    expect(ack.sync.cardCounts).toEqual([]);
    const hostSocket = await open({ token: b.host.token });
    const hostAck = await emitAck(hostSocket, 'live:sync', { broadcastId: b.id });
    expect(hostAck.sync.cardCounts).toHaveLength(3);
  });

  it('a dropped connection recovers its room and the card pushed meanwhile (connection-state recovery)', async () => {
    const b = await broadcastFixture(t, { live: true });
    const viewer = await open({ reconnection: true });
    await emitAck(viewer, 'live:join', { broadcastId: b.id });
    // Recovery resumes after the last packet the page received (its offset): the page has seen a card.
    const first = nextEvent(viewer, 'live:card');
    await t.gql(PUSH, { b: b.id, c: b.cardIds[1] }, b.host.token);
    await first;
    const cards: string[] = [];
    viewer.on('live:card', (p) => cards.push(p.card.id));
    // The network drops (the transport closes without a goodbye); a card is pushed while the phone is away.
    (viewer.io.engine as unknown as { close(): void }).close();
    await settle(100);
    await t.gql(PUSH, { b: b.id, c: b.cardIds[2] }, b.host.token);
    await new Promise<void>((resolve) => viewer.once('connect', () => resolve()));
    expect(viewer.recovered).toBe(true);
    for (let i = 0; i < 40 && !cards.length; i++) await settle(50);
    expect(cards).toEqual([b.cardIds[2]]);
    // Still in the room: the next push arrives without a new join.
    const next = nextEvent(viewer, 'live:card');
    await t.gql(PUSH, { b: b.id, c: b.cardIds[0] }, b.host.token);
    expect((await next).card.id).toBe(b.cardIds[0]);
  });

  it('chat: muted and banned users cannot post, the keyword filter and the rate limit hold, hosts moderate', async () => {
    const b = await broadcastFixture(t, { live: true });
    const talker = await seeker();
    const other = await seeker();
    const talkerSocket = await open({ token: talker.token });
    const otherSocket = await open({ token: other.token });
    await emitAck(talkerSocket, 'live:join', { broadcastId: b.id });
    await emitAck(otherSocket, 'live:join', { broadcastId: b.id });

    const seen = nextEvent(otherSocket, 'live:chat');
    const first = await emitAck(talkerSocket, 'live:chat', { broadcastId: b.id, text: '你好' });
    expect(first.ok).toBe(true);
    expect((await seen).text).toBe('你好');
    // Anonymous sockets read but do not post.
    const anon = await open();
    await emitAck(anon, 'live:join', { broadcastId: b.id });
    expect(await emitAck(anon, 'live:chat', { broadcastId: b.id, text: 'hi' })).toEqual({ ok: false, reason: 'UNAUTHENTICATED' });

    // Keyword filter (staff maintain it), also with separators in between.
    const word = `加微${randomBytes(2).toString('hex')}`;
    expect((await t.gql(KEYWORD, { w: word }, b.organizer.token)).data!.addChatKeyword.word).toBe(word);
    expect((await t.gql(KEYWORD, { w: word }, talker.token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(KEYWORD, { w: ` ${word} ` }, b.organizer.token)).errors?.[0].extensions?.reason).toBe('CHAT_KEYWORD_EXISTS');
    const spaced = [...word].join(' ');
    expect(await emitAck(talkerSocket, 'live:chat', { broadcastId: b.id, text: `快 ${spaced} 聊` })).toMatchObject({ ok: false, reason: 'CHAT_BLOCKED_WORD' });
    expect((await t.gql(CHAT, { b: b.id, text: word.toUpperCase() }, talker.token)).errors?.[0].extensions?.reason).toBe('CHAT_BLOCKED_WORD');

    // Rate limit: LIVE_CHAT_RATE.limit messages per window, socket and GraphQL together.
    const results: Array<{ ok: boolean; reason?: string }> = [];
    for (let i = 0; i < LIVE_CHAT_RATE.limit + 2; i++) results.push(await emitAck(otherSocket, 'live:chat', { broadcastId: b.id, text: `第${i}条` }));
    expect(results.filter((r) => r.ok).length).toBeLessThanOrEqual(LIVE_CHAT_RATE.limit);
    expect(results.at(-1)).toMatchObject({ ok: false, reason: 'CHAT_TOO_FAST' });
    expect((await t.gql(CHAT, { b: b.id, text: '再来' }, other.token)).errors?.[0].extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS', reason: 'CHAT_TOO_FAST' });

    // Mute: only hosts; the muted user is told and cannot post.
    expect(await emitAck(otherSocket, 'live:moderate', { broadcastId: b.id, action: 'MUTE', userId: talker.id, minutes: 5 })).toEqual({ ok: false, reason: 'NOT_A_HOST' });
    expect((await t.gql(RESTRICT, { b: b.id, u: talker.id, k: 'MUTE', m: 5 }, other.token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const hostSocket = await open({ token: b.host.token });
    const told = nextEvent(talkerSocket, 'live:restricted');
    expect(await emitAck(hostSocket, 'live:moderate', { broadcastId: b.id, action: 'MUTE', userId: talker.id, minutes: 5 })).toEqual({ ok: true });
    expect((await told).mutedUntil).toBeTruthy();
    expect(await emitAck(talkerSocket, 'live:chat', { broadcastId: b.id, text: '我还能说吗' })).toMatchObject({ ok: false, reason: 'CHAT_MUTED' });
    expect((await t.gql(CHAT, { b: b.id, text: '我还能说吗' }, talker.token)).errors?.[0].extensions?.reason).toBe('CHAT_MUTED');
    await t.gql(LIFT, { b: b.id, u: talker.id, k: 'MUTE' }, b.host.token);
    const back = await emitAck(talkerSocket, 'live:chat', { broadcastId: b.id, text: '解除了' });
    expect(back.ok).toBe(true);

    // Delete a message on every screen.
    const deleted = nextEvent(otherSocket, 'live:chatDeleted');
    expect((await t.gql(`mutation($id: ID!) { deleteChatMessage(id: $id) }`, { id: back.message.id }, talker.token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await emitAck(hostSocket, 'live:moderate', { broadcastId: b.id, action: 'DELETE', messageId: back.message.id })).toEqual({ ok: true });
    expect((await deleted).messageIds).toEqual([back.message.id]);

    // Ban: messages gone, cannot post; hosts cannot be restricted.
    const banned = await t.gql(RESTRICT, { b: b.id, u: talker.id, k: 'BAN' }, b.host.token);
    expect(banned.data!.restrictChatUser.restrictions).toEqual([expect.objectContaining({ userId: talker.id, kind: 'BAN', until: null })]);
    expect(await emitAck(talkerSocket, 'live:chat', { broadcastId: b.id, text: '还在吗' })).toMatchObject({ ok: false, reason: 'CHAT_BANNED' });
    const chat = await t.gql(`query($b: ID!) { broadcastChat(broadcastId: $b) { userId } }`, { b: b.id });
    expect(chat.data!.broadcastChat.filter((m: { userId: string }) => m.userId === talker.id)).toEqual([]);
    expect((await t.gql(RESTRICT, { b: b.id, u: b.host.id, k: 'BAN' }, b.host.token)).errors?.[0].extensions?.reason).toBe('CANNOT_RESTRICT_HOST');
  });

  it('one-tap apply: a signed-in seeker at once, others by name and mobile; idempotent; credited to the broadcast and card', async () => {
    const b = await broadcastFixture(t, { live: true });
    const hostSocket = await open({ token: b.host.token });
    await emitAck(hostSocket, 'live:join', { broadcastId: b.id });
    const s = await seeker();
    const feed = nextEvent(hostSocket, 'live:application');
    const first = await t.gql(APPLY, { input: { cardId: b.cardIds[0] } }, s.token);
    expect(first.data!.applyFromBroadcast).toMatchObject({ alreadyApplied: false, accountCreated: false });
    const announced = await feed;
    expect(announced).toMatchObject({ broadcastId: b.id, cardId: b.cardIds[0], postingTitle: '岗位1' });
    expect(announced.applicantName).toMatch(/\*/);
    expect(announced.counts.find((c) => c.cardId === b.cardIds[0])?.applications).toBe(1);
    const again = await t.gql(APPLY, { input: { cardId: b.cardIds[0] } }, s.token);
    expect(again.data!.applyFromBroadcast).toEqual({ applicationId: first.data!.applyFromBroadcast.applicationId, alreadyApplied: true, accountCreated: false });
    const [app] = await t.ds.query(`SELECT source, broadcast_id, broadcast_card_id, source_ref FROM job_application WHERE id = $1`, [first.data!.applyFromBroadcast.applicationId]);
    expect(app).toEqual({ source: 'LIVESTREAM', broadcast_id: b.id, broadcast_card_id: b.cardIds[0], source_ref: b.id });

    // Anonymous: needs name + mobile; creates a seeker account, then matches it; five taps at once make one application.
    expect((await t.gql(APPLY, { input: { cardId: b.cardIds[1] } })).errors?.[0].extensions?.reason).toBe('CONTACT_REQUIRED');
    const phone = uniquePhone();
    const taps = await Promise.all(Array.from({ length: 5 }, () => t.gql(APPLY, { input: { cardId: b.cardIds[1], via: 'LINK', name: '王小明', phone } })));
    for (const tap of taps) expect(tap.errors).toBeUndefined();
    const ids = new Set(taps.map((r) => r.data!.applyFromBroadcast.applicationId));
    expect(ids.size).toBe(1);
    expect(taps.filter((r) => !r.data!.applyFromBroadcast.alreadyApplied)).toHaveLength(1);
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM app_user WHERE phone = $1 AND role = 'SEEKER'`, [phone]);
    expect(n).toBe(1);
    const [{ apps }] = await t.ds.query(`SELECT count(*)::int AS apps FROM job_application a JOIN app_user u ON u.id = a.seeker_id WHERE u.phone = $1`, [phone]);
    expect(apps).toBe(1);
    // A staff member's mobile is not taken over; non-seekers do not apply.
    const staffPhone = uniquePhone();
    await t.ds.query(`UPDATE app_user SET phone = $2 WHERE id = $1`, [b.organizer.id, staffPhone]);
    expect((await t.gql(APPLY, { input: { cardId: b.cardIds[1], name: 'x', phone: staffPhone } })).errors?.[0].extensions?.reason).toBe('PHONE_NOT_A_SEEKER');
    expect((await t.gql(APPLY, { input: { cardId: b.cardIds[1] } }, b.host.token)).errors?.[0].extensions?.reason).toBe('SEEKERS_ONLY');

    // The employer sees it like any application, with the livestream as its source.
    const hr = await signedInAs(t, 'EMPLOYER', { employerId: b.employerId });
    const list = await t.gql(`query($p: ID!) { postingApplications(postingId: $p) { items { source sourceRef } } }`, { p: b.postingIds[0] }, hr.token);
    expect(list.data!.postingApplications.items).toEqual([{ source: 'LIVESTREAM', sourceRef: b.id }]);

    // Live feed for hosts and staff; masked; not for others.
    const feedPage = await t.gql(FEED, { b: b.id }, b.host.token);
    expect(feedPage.data!.broadcastApplications.total).toBe(2);
    expect(feedPage.data!.broadcastApplications.items.every((i: { applicantName: string }) => i.applicantName.includes('*'))).toBe(true);
    expect((await t.gql(FEED, { b: b.id }, s.token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('counts impressions once per viewer and card, and shows the funnel and stats per card', async () => {
    const b = await broadcastFixture(t, { live: true });
    const key = 'imp-' + randomBytes(6).toString('hex');
    const viewer = await open({ viewerKey: key });
    await emitAck(viewer, 'live:join', { broadcastId: b.id });
    expect(await emitAck(viewer, 'live:impression', { broadcastId: b.id, cardId: b.cardIds[0] })).toEqual({ ok: true });
    expect(await emitAck(viewer, 'live:impression', { broadcastId: b.id, cardId: b.cardIds[0] })).toEqual({ ok: true });
    const imp = `mutation($c: ID!, $k: String!) { recordCardImpression(cardId: $c, viewerKey: $k, via: LINK) }`;
    expect((await t.gql(imp, { c: b.cardIds[0], k: 'link-' + randomBytes(6).toString('hex') })).data!.recordCardImpression).toBe(true);
    expect((await t.gql(imp, { c: b.cardIds[0], k: key })).data!.recordCardImpression).toBe(false);
    const s = await seeker();
    const applied = await t.gql(APPLY, { input: { cardId: b.cardIds[0] } }, s.token);
    const hr = await signedInAs(t, 'EMPLOYER', { employerId: b.employerId });
    const moved = await t.gql(`mutation($id: ID!) { moveApplication(id: $id, status: INTERVIEW) { status } }`, { id: applied.data!.applyFromBroadcast.applicationId }, hr.token);
    expect(moved.errors).toBeUndefined();
    const funnel = await t.gql(FUNNEL, { b: b.id }, b.organizer.token);
    expect(funnel.data!.broadcastFunnel.total).toEqual({ impressions: 2, applications: 1, interviews: 1, hires: 0 });
    expect(funnel.data!.broadcastFunnel.cards[0]).toEqual({ cardId: b.cardIds[0], funnel: { impressions: 2, applications: 1, interviews: 1, hires: 0 } });
    expect((await t.gql(FUNNEL, { b: b.id }, s.token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const stats = await t.gql(STATS, { b: b.id }, b.host.token);
    expect(stats.data!.broadcastStats).toMatchObject({ impressions: 2, applications: 1, conversion: 0.5 });
    // Excel export (hosts, staff of the region).
    const xlsx = await fetch(`${t.baseUrl}/exports/broadcasts/${b.id}/stats.xlsx`, { headers: { authorization: `Bearer ${b.host.token}` } });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    expect(wb.getWorksheet('岗位卡片')!.getRow(2).getCell(5).value).toBe(2);
    const denied = await fetch(`${t.baseUrl}/exports/broadcasts/${b.id}/stats.xlsx`, { headers: { authorization: `Bearer ${s.token}` } });
    expect(denied.status).toBe(403);
  });

  it("lists broadcasts with their funnel totals from one grouped query, only to those who may see the figures", async () => {
    const organizer = await signedInAs(t, 'ORGANIZER', { regionCode: '371300' });
    const [a, b] = [await broadcastFixture(t, { live: true, organizer }), await broadcastFixture(t, { live: true, organizer })];
    const s = await seeker();
    await t.gql(APPLY, { input: { cardId: a.cardIds[0] } }, s.token);
    await t.gql(`mutation($c: ID!, $k: String!) { recordCardImpression(cardId: $c, viewerKey: $k, via: LINK) }`, { c: b.cardIds[0], k: 'fun-' + randomBytes(6).toString('hex') });
    const ONE_FUNNEL = `query($id: ID!) { broadcast(id: $id) { funnelTotal { impressions applications interviews hires } } }`;
    expect((await t.gql(ONE_FUNNEL, { id: a.id }, organizer.token)).data!.broadcast.funnelTotal).toEqual({ impressions: 0, applications: 1, interviews: 0, hires: 0 });
    expect((await t.gql(ONE_FUNNEL, { id: b.id }, organizer.token)).data!.broadcast.funnelTotal).toEqual({ impressions: 1, applications: 0, interviews: 0, hires: 0 });
    // A list: the same figures as each broadcast's funnel, and however many rows, one statement more than without them.
    const LIST = (funnel: boolean) => `{ hostedBroadcasts(take: 50) { items { id ${funnel ? 'funnelTotal { impressions applications interviews hires }' : ''} } } }`;
    const items: Array<{ id: string; funnelTotal: unknown }> = (await t.gql(LIST(true), {}, organizer.token)).data!.hostedBroadcasts.items;
    expect(items.length).toBeGreaterThanOrEqual(2);
    for (const i of items.slice(0, 4)) expect(i.funnelTotal).toEqual((await t.gql(FUNNEL, { b: i.id }, organizer.token)).data!.broadcastFunnel.total);
    // Background timers (viewer ledger, autopilot) may add a statement to a request's count: the least of three.
    const least = (funnel: boolean) => leastQueries(() => t.gql(LIST(funnel), {}, organizer.token));
    expect((await least(true)) - (await least(false))).toBe(1);
    // The public list shows no figures to a seeker.
    const pub = await t.gql(`query($id: ID!) { broadcast(id: $id) { id funnelTotal { applications } } }`, { id: a.id }, s.token);
    expect(pub.data!.broadcast.funnelTotal).toBeNull();
  });

  it('short links redirect to the viewer page with the card; the card link resolves publicly', async () => {
    const b = await broadcastFixture(t, { live: true });
    const one = await t.gql(ONE, { id: b.id });
    const card = one.data!.broadcast.cards[1];
    const res = await fetch(`${t.baseUrl}/l/${card.shortCode}`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(`/live/${b.id}?card=${card.id}&via=link`);
    const link = await t.gql(`query($c: String!) { broadcastCardLink(code: $c) { broadcastId card { id title } } }`, { c: card.shortCode });
    expect(link.data!.broadcastCardLink).toEqual({ broadcastId: b.id, card: { id: card.id, title: '岗位2' } });
    expect((await fetch(`${t.baseUrl}/l/zzzzzzzz`, { redirect: 'manual' })).headers.get('location')).toBe('/live');
  });

  it('lets MediaMTX accept a publisher only with the broadcast\'s stream key; reading is public', async () => {
    const b = await broadcastFixture(t, { live: true, cards: 0 });
    const key = (await t.gql(ONE, { id: b.id }, b.host.token)).data!.broadcast.ingest.streamKey as string;
    const auth = (body: object) => fetch(`${t.baseUrl}/live-api/media-auth`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await auth({ action: 'publish', path: b.id, query: `key=${key}`, protocol: 'rtmp' })).status).toBe(200);
    expect((await auth({ action: 'publish', path: b.id, password: key, protocol: 'webrtc' })).status).toBe(200);
    expect((await auth({ action: 'publish', path: b.id, query: 'key=wrong' })).status).toBe(401);
    expect((await auth({ action: 'publish', path: 'not-a-broadcast', query: `key=${key}` })).status).toBe(401);
    expect((await auth({ action: 'read', path: b.id })).status).toBe(200);
    expect((await auth({ action: 'api' })).status).toBe(401);
    await t.gql(`mutation($id: ID!) { endBroadcast(id: $id) { status } }`, { id: b.id }, b.host.token);
    expect((await auth({ action: 'publish', path: b.id, query: `key=${key}` })).status).toBe(401);
  });

  it('provides the livestream quota measures: broadcasts that went live and their unique viewers', async () => {
    const measures = t.app.get(Measures);
    const scope = { from: new Date(Date.now() - 3600_000), to: new Date(Date.now() + 3600_000), regionCodes: ['371300'], params: {} };
    // Viewers of earlier tests' sockets are written by the ledger every 10 s: written now, not between the two counts.
    await t.app.get(ViewerLedger).flush();
    const before = await measures.evaluate('broadcasts.count', scope);
    const beforeViewers = await measures.evaluate('broadcasts.viewers', scope);
    const b = await broadcastFixture(t, { live: true, cards: 0 });
    await broadcastFixture(t, { cards: 0 }); // scheduled: not counted
    await t.ds.query(`INSERT INTO broadcast_viewer (broadcast_id, viewer_key, watch_seconds) VALUES ($1, 'measure-viewer-1', 60), ($1, 'measure-viewer-2', 30)`, [b.id]);
    const after = await measures.evaluate('broadcasts.count', scope);
    expect(after.total - before.total).toBe(1);
    expect(after.byRegion.find((r) => r.regionCode === '371300')?.value).toBe(after.total);
    expect((await measures.evaluate('broadcasts.viewers', scope)).total - beforeViewers.total).toBe(2);
    expect((await measures.perEvent('broadcasts.viewers', [b.eventId])).get(b.eventId)).toBe(2);
  });

  it('a draft broadcast does not exist for the public', async () => {
    const b = await broadcastFixture(t, { publish: false });
    expect((await t.gql(ONE, { id: b.id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const s = await open();
    expect(await emitAck(s, 'live:join', { broadcastId: b.id })).toEqual({ ok: false, reason: 'BROADCAST_NOT_FOUND' });
    expect((await t.gql(ONE, { id: b.id }, b.host.token)).data!.broadcast.id).toBe(b.id);
  });

  it('closes /live sockets when their session ends', async () => {
    const viewer = await seeker();
    const s = await open({ token: viewer.token });
    const [{ family_id }] = await t.ds.query(`SELECT family_id FROM refresh_token WHERE user_id = $1 LIMIT 1`, [viewer.id]);
    const gone = new Promise<string>((resolve) => s.once('disconnect', resolve));
    t.app.get(SessionEvents).sessionEnded(family_id);
    expect(await gone).toBe('io server disconnect');
    // A bad token is refused; no token is an anonymous viewer.
    await expect(liveSocket(t.baseUrl, { token: 'not-a-token' })).rejects.toThrow('UNAUTHENTICATED');
  });

  it('rate-limits every socket', async () => {
    const b = await broadcastFixture(t, { live: true, cards: 1 });
    const s = await open();
    const acks = await Promise.all(Array.from({ length: 25 }, () => emitAck(s, 'live:join', { broadcastId: b.id })));
    expect(acks.filter((a) => !a.ok).every((a) => a.reason === 'TOO_MANY_REQUESTS')).toBe(true);
    expect(acks.filter((a) => !a.ok).length).toBeGreaterThanOrEqual(5);
  });

  it('autopilot rotates cards at its interval with scripts for a digital human', async () => {
    const b = await broadcastFixture(t, { live: true });
    await t.gql(`mutation($c: ID!, $s: String) { updateBroadcastCard(cardId: $c, script: $s) { script } }`, { c: b.cardIds[0], s: '欢迎来到乐业临沂' }, b.host.token);
    const on = await t.gql(`mutation($b: ID!) { setBroadcastAutopilot(broadcastId: $b, enabled: true, intervalSeconds: 15) { autopilot { enabled intervalSeconds nextAt } } }`, { b: b.id }, b.host.token);
    expect(on.data!.setBroadcastAutopilot.autopilot).toMatchObject({ enabled: true, intervalSeconds: 15 });
    const live = t.app.get(BroadcastLiveService);
    const viewer = await open();
    await emitAck(viewer, 'live:join', { broadcastId: b.id });
    const got = nextEvent(viewer, 'live:card');
    await live.autopilotStep();
    expect((await got).card.id).toBe(b.cardIds[0]);
    // Not due again yet: a second step changes nothing.
    await live.autopilotStep();
    const [row] = await t.ds.query(`SELECT card_seq FROM broadcast WHERE id = $1`, [b.id]);
    expect(row.card_seq).toBe(1);
    const state = await t.gql(`query($b: ID!) { broadcastAutopilot(broadcastId: $b) { current { cardId script } next { cardId script } } }`, { b: b.id }, b.host.token);
    expect(state.data!.broadcastAutopilot.current).toEqual({ cardId: b.cardIds[0], script: '欢迎来到乐业临沂' });
    expect(state.data!.broadcastAutopilot.next.cardId).toBe(b.cardIds[1]);
    expect(state.data!.broadcastAutopilot.next.script).toContain('岗位2');
    // The REST endpoint for the TTS system takes the stream key.
    const key = (await t.gql(ONE, { id: b.id }, b.host.token)).data!.broadcast.ingest.streamKey;
    const rest = await fetch(`${t.baseUrl}/live-api/broadcasts/${b.id}/autopilot`, { headers: { authorization: `Bearer ${key}` } });
    expect(rest.status).toBe(200);
    expect(((await rest.json()) as { current: { script: string } }).current.script).toBe('欢迎来到乐业临沂');
    expect((await fetch(`${t.baseUrl}/live-api/broadcasts/${b.id}/autopilot`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    // Due: the next card, wrapping round at the end.
    await t.ds.query(`UPDATE broadcast SET autopilot_next_at = now() - interval '1 second' WHERE id = $1`, [b.id]);
    await live.autopilotStep();
    const [after] = await t.ds.query(`SELECT current_card_id, card_seq FROM broadcast WHERE id = $1`, [b.id]);
    expect(after).toEqual({ current_card_id: b.cardIds[1], card_seq: 2 });
  });

  it('autopilot runs on one instance at a time and resumes after a restart without running twice', async () => {
    const b = await broadcastFixture(t, { live: true });
    await t.gql(`mutation($b: ID!) { setBroadcastAutopilot(broadcastId: $b, enabled: true, intervalSeconds: 15) { id } }`, { b: b.id }, b.host.token);
    // A second API process on the same database: both runners started, only one leads.
    const second = await createTestApp({}, { database: t.database });
    try {
      const r1 = t.app.get(AutopilotRunner);
      const r2 = second.app.get(AutopilotRunner);
      r1.start();
      await eventually(async () => expect(r1.leading).toBe(true));
      r2.start();
      await settle(1500);
      expect(r2.leading).toBe(false);
      await eventually(async () => {
        const [row] = await t.ds.query(`SELECT card_seq FROM broadcast WHERE id = $1`, [b.id]);
        expect(row.card_seq).toBe(1);
      });
      // The leader stops (a restart): the other takes over within seconds, and the card due in 15 s is not pushed early or twice.
      await r1.stop();
      await eventually(async () => expect(r2.leading).toBe(true), 10_000);
      const stepsBefore = r2.steps;
      await eventually(async () => expect(r2.steps).toBeGreaterThan(stepsBefore + 2), 10_000);
      const [row] = await t.ds.query(`SELECT card_seq, autopilot_next_at > now() AS pending FROM broadcast WHERE id = $1`, [b.id]);
      expect(row).toEqual({ card_seq: 1, pending: true });
      // Made due: exactly one more push, whichever runner sees it.
      r1.start();
      await t.ds.query(`UPDATE broadcast SET autopilot_next_at = now() WHERE id = $1`, [b.id]);
      await eventually(async () => {
        const [r] = await t.ds.query(`SELECT card_seq FROM broadcast WHERE id = $1`, [b.id]);
        expect(r.card_seq).toBe(2);
      });
      await settle(2500);
      const [final] = await t.ds.query(`SELECT card_seq FROM broadcast WHERE id = $1`, [b.id]);
      expect(final.card_seq).toBe(2);
      await t.gql(`mutation($b: ID!) { setBroadcastAutopilot(broadcastId: $b, enabled: false) { id } }`, { b: b.id }, b.host.token);
    } finally {
      await t.app.get(AutopilotRunner).stop();
      await second.close({ keepDatabase: true });
    }
  }, 60_000);
});
