import { randomBytes } from 'node:crypto';
import { LIVE_CHAT_RATE } from '@leye/domain';
import { SessionEvents } from '../src/common/auth/session-events.js';
import { Presence } from '../src/common/realtime/presence.js';
import { broadcastFixture, emitAck, liveSocket, nextEvent, type LiveSocket } from './support/broadcasts.js';
import { signedInAs } from './support/factories.js';
import { clearRedisPrefix, redisTestEnv } from './support/redis.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * Two API instances sharing rooms through Redis on 127.0.0.1:6379 (database 5, a key prefix of this run only,
 * so parallel test runs never meet): what one instance sends reaches sockets on the other.
 */
const REDIS = redisTestEnv();

describe('broadcasts across two instances (Redis)', () => {
  let a: TestApp;
  let b: TestApp;
  const sockets: LiveSocket[] = [];
  const open = async (app: TestApp, opts: Parameters<typeof liveSocket>[1] = {}) => {
    const s = await liveSocket(app.baseUrl, opts);
    sockets.push(s);
    return s;
  };

  beforeAll(async () => {
    a = await createTestApp(REDIS);
    b = await createTestApp(REDIS, { database: a.database });
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await b.close({ keepDatabase: true });
    await a.close();
    await clearRedisPrefix(REDIS);
  });

  it('a card pushed through one instance reaches viewers connected to the other', async () => {
    const f = await broadcastFixture(a, { live: true });
    const viewerOnB = await open(b, { viewerKey: 'on-b-' + randomBytes(4).toString('hex') });
    const viewerOnA = await open(a);
    const hostOnA = await open(a, { token: f.host.token });
    for (const s of [viewerOnB, viewerOnA, hostOnA]) expect((await emitAck(s, 'live:join', { broadcastId: f.id })).ok).toBe(true);
    const arrivals = [nextEvent(viewerOnB, 'live:card'), nextEvent(viewerOnA, 'live:card')];
    const sent = Date.now();
    expect(await emitAck(hostOnA, 'live:push', { broadcastId: f.id, cardId: f.cardIds[1] })).toEqual({ ok: true });
    const [onB, onA] = await Promise.all(arrivals);
    expect(Date.now() - sent).toBeLessThan(1000);
    expect(onB).toMatchObject({ seq: 1, card: { id: f.cardIds[1] } });
    expect(onA).toMatchObject({ seq: 1, card: { id: f.cardIds[1] } });
    // And the other way round, through GraphQL on B.
    const back = nextEvent(viewerOnA, 'live:card');
    const res = await b.gql(`mutation($b: ID!, $c: ID!) { pushBroadcastCard(broadcastId: $b, cardId: $c) { cardSeq } }`, { b: f.id, c: f.cardIds[0] }, f.host.token);
    expect(res.data!.pushBroadcastCard.cardSeq).toBe(2);
    expect((await back).card.id).toBe(f.cardIds[0]);
  });

  it('counts viewers across instances', async () => {
    const f = await broadcastFixture(a, { live: true, cards: 1 });
    const s1 = await open(a);
    const s2 = await open(b);
    const s3 = await open(b);
    for (const s of [s1, s2, s3]) await emitAck(s, 'live:join', { broadcastId: f.id });
    const onA = nextEvent(s1, 'live:viewers', 5000);
    await b.app.get(Presence).tick();
    await a.app.get(Presence).tick();
    expect(await onA).toMatchObject({ broadcastId: f.id, count: 3 });
    const viaB = await b.gql(`query($id: ID!) { broadcast(id: $id) { viewerCount } }`, { id: f.id });
    expect(viaB.data!.broadcast.viewerCount).toBe(3);
    s3.disconnect();
    await new Promise((r) => setTimeout(r, 200));
    await b.app.get(Presence).tick();
    expect((await a.gql(`query($id: ID!) { broadcast(id: $id) { viewerCount peakViewers } }`, { id: f.id })).data!.broadcast).toEqual({ viewerCount: 2, peakViewers: 3 });
  });

  it('shares the chat rate limit between instances', async () => {
    const f = await broadcastFixture(a, { live: true, cards: 1 });
    const talker = await signedInAs(a, 'SEEKER');
    const onA = await open(a, { token: talker.token });
    const onB = await open(b, { token: talker.token });
    await emitAck(onA, 'live:join', { broadcastId: f.id });
    await emitAck(onB, 'live:join', { broadcastId: f.id });
    const acks = [];
    for (let i = 0; i < LIVE_CHAT_RATE.limit; i++) acks.push(await emitAck(i % 2 ? onB : onA, 'live:chat', { broadcastId: f.id, text: `消息${i}` }));
    const extra = [await emitAck(onB, 'live:chat', { broadcastId: f.id, text: '多一条' }), await emitAck(onA, 'live:chat', { broadcastId: f.id, text: '再多一条' })];
    // The window may roll over once during the loop; within one window never more than the limit.
    expect(acks.filter((x) => x.ok).length + extra.filter((x) => x.ok).length).toBeLessThanOrEqual(LIVE_CHAT_RATE.limit * 2);
    expect(extra.some((x) => !x.ok && x.reason === 'CHAT_TOO_FAST')).toBe(true);
  });

  it('ends a session’s sockets on every instance', async () => {
    const viewer = await signedInAs(a, 'SEEKER');
    const s = await open(b, { token: viewer.token });
    const [{ family_id }] = await a.ds.query(`SELECT family_id FROM refresh_token WHERE user_id = $1 LIMIT 1`, [viewer.id]);
    const gone = new Promise<string>((resolve) => s.once('disconnect', resolve));
    a.app.get(SessionEvents).sessionEnded(family_id);
    expect(await gone).toBe('io server disconnect');
  });
});
