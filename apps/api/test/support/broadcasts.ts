import { addDaysIso, shanghaiToday, type LiveClientToServerEvents, type LiveServerToClientEvents } from '@leye/domain';
import { io, type Socket } from 'socket.io-client';
import { employerRow, eventAs, signedInAs, type SignedIn } from './factories.js';
import type { TestApp } from './test-app.js';

export type LiveSocket = Socket<LiveServerToClientEvents, LiveClientToServerEvents>;

export const BROADCAST_FIELDS = `id eventId title status currentCardId cardSeq announcement viewerCount peakViewers playbackUrl
  ingest { streamKey rtmpUrl whipUrl } hosts { id } employers { id name }
  cards { id postingId position title shortCode shortUrl script shownCount }
  autopilot { enabled intervalSeconds nextAt } viewerCan { host manage stats chat }`;

/** An approved posting a month ahead for a verified employer (or the given one). */
export async function approvedPosting(t: TestApp, employerId?: string, title = '数控车工'): Promise<{ postingId: string; employerId: string }> {
  const emp = employerId ?? (await employerRow(t, '371302', 'VERIFIED'));
  const [row] = await t.ds.query(
    `INSERT INTO job_posting (employer_id, title, occupation_code, headcount, salary_min, salary_max, education, experience, region_code,
                              description, contact_name, contact_phone, valid_until, status, reviewed_at)
     VALUES ($1, $2, '6.01', 3, 5000, 8000, '40', 'NONE', '371302', '数控车床操作', '张经理', '13805391234', $3, 'APPROVED', now()) RETURNING id`,
    [emp, title, addDaysIso(shanghaiToday(), 30)],
  );
  return { postingId: row.id, employerId: emp };
}

export interface BroadcastFixture {
  id: string;
  eventId: string;
  organizer: SignedIn;
  host: SignedIn;
  cardIds: string[];
  postingIds: string[];
  employerId: string;
}

/** A published LIVESTREAM event with a broadcast, one host and `cards` job cards; LIVE when `live`. */
export async function broadcastFixture(t: TestApp, opts: { cards?: number; live?: boolean; publish?: boolean; organizer?: SignedIn } = {}): Promise<BroadcastFixture> {
  const organizer = opts.organizer ?? (await signedInAs(t, 'ORGANIZER', { regionCode: '371300' }));
  const host = await signedInAs(t, 'HOST', { regionCode: '371300' });
  const start = new Date(Date.now() + 3600_000).toISOString();
  const eventId = await eventAs(
    t,
    organizer.token,
    { startsAt: start, hours: 2, type: 'LIVESTREAM', subtype: 'JOB_PROMOTION', regionCode: '371300', venueId: null, isOnline: true, onlineUrl: 'https://live.example.cn/x', title: '直播带岗测试' },
    opts.publish ?? true,
  );
  const employerId = await employerRow(t, '371302', 'VERIFIED');
  const postingIds: string[] = [];
  for (let i = 0; i < (opts.cards ?? 3); i++) postingIds.push((await approvedPosting(t, employerId, `岗位${i + 1}`)).postingId);
  const created = await t.gql(
    `mutation($input: CreateBroadcastInput!) { createBroadcast(input: $input) { id } }`,
    { input: { eventId, hostIds: [host.id], employerIds: [employerId] } },
    organizer.token,
  );
  if (created.errors) throw new Error(JSON.stringify(created.errors));
  const id = created.data!.createBroadcast.id as string;
  if (postingIds.length) {
    const added = await t.gql(`mutation($b: ID!, $p: [ID!]!) { addBroadcastCards(broadcastId: $b, postingIds: $p) { cards { id } } }`, { b: id, p: postingIds }, host.token);
    if (added.errors) throw new Error(JSON.stringify(added.errors));
  }
  const cards: Array<{ id: string }> = await t.ds.query(`SELECT id FROM broadcast_card WHERE broadcast_id = $1 ORDER BY position`, [id]);
  if (opts.live) {
    const live = await t.gql(`mutation($id: ID!) { startBroadcast(id: $id) { status } }`, { id }, host.token);
    if (live.errors) throw new Error(JSON.stringify(live.errors));
  }
  return { id, eventId, organizer, host, cardIds: cards.map((c) => c.id), postingIds, employerId };
}

/** A `/live` socket (anonymous without a token). */
export function liveSocket(baseUrl: string, opts: { token?: string; viewerKey?: string; reconnection?: boolean } = {}): Promise<LiveSocket> {
  return new Promise((resolve, reject) => {
    const s: LiveSocket = io(`${baseUrl}/live`, {
      path: '/socket.io',
      transports: ['websocket'],
      reconnection: opts.reconnection ?? false,
      auth: { ...(opts.token ? { token: opts.token } : {}), ...(opts.viewerKey ? { viewerKey: opts.viewerKey } : {}) },
    });
    s.once('connect', () => resolve(s));
    s.once('connect_error', reject);
  });
}

export function emitAck<E extends keyof LiveClientToServerEvents>(s: LiveSocket, event: E, payload: Parameters<LiveClientToServerEvents[E]>[0]): Promise<any> {
  return new Promise((resolve) => (s.emit as (...a: unknown[]) => void)(event, payload, resolve));
}

/**
 * The next `event` on `s` (the next one `matches` accepts, when given: a periodic broadcast such as the viewer count
 * may arrive with an earlier value first).
 */
export function nextEvent<E extends keyof LiveServerToClientEvents>(
  s: LiveSocket,
  event: E,
  timeoutMs = 3000,
  matches: (payload: Parameters<LiveServerToClientEvents[E]>[0]) => boolean = () => true,
): Promise<Parameters<LiveServerToClientEvents[E]>[0]> {
  return new Promise((resolve, reject) => {
    const on = s.on as (e: string, f: (p: unknown) => void) => void;
    const off = s.off as (e: string, f: (p: unknown) => void) => void;
    const listener = (p: unknown) => {
      if (!matches(p as never)) return;
      clearTimeout(timer);
      off.call(s, event as string, listener);
      resolve(p as never);
    };
    const timer = setTimeout(() => {
      off.call(s, event as string, listener);
      reject(new Error(`no ${String(event)} within ${timeoutMs} ms`));
    }, timeoutMs);
    on.call(s, event as string, listener);
  });
}
