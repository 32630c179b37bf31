// The livestream's viewers for the benchmarks (live-fanout, fair-day): a LIVE broadcast with job cards, socket.io
// viewers joined to its room on `/live`, and a collector of the cards they receive.
import { randomBytes } from 'node:crypto';
import { requireFromApi } from './harness.mjs';

const { io } = requireFromApi('socket.io-client');
const CONNECT_BATCH = 250;

/** A host, an employer with `cards` approved postings, a published LIVESTREAM event with a LIVE broadcast and its cards. */
export async function seedBroadcast(pool, { cards }) {
  const [host] = (await pool.query(`INSERT INTO app_user (role, display_name, email, password_hash, region_code) VALUES ('HOST', '压测主播', $1, 'x', '371300') RETURNING id`, [`host-${randomBytes(4).toString('hex')}@bench.test`])).rows;
  const [emp] = (await pool.query(
    `INSERT INTO employer (name, credit_code, region_code, status, reviewed_at, contact_name, contact_phone) VALUES ('压测单位', $1, '371302', 'VERIFIED', now(), '张', '13800001111') RETURNING id`,
    [`91371302MA${randomBytes(4).toString('hex').toUpperCase()}`],
  )).rows;
  const [event] = (await pool.query(
    `INSERT INTO event (title, type, subtype, region_code, is_online, online_url, capacity, starts_at, ends_at, status, published_at, created_by)
     VALUES ('压测直播', 'LIVESTREAM', 'JOB_PROMOTION', '371300', true, 'https://live.example.cn/b', 100000, now(), now() + interval '2 hours', 'PUBLISHED', now(), $1) RETURNING id`,
    [host.id],
  )).rows;
  const [b] = (await pool.query(
    `INSERT INTO broadcast (event_id, title, region_code, status, ingest_key, started_at) VALUES ($1, '压测直播', '371300', 'LIVE', $2, now()) RETURNING id`,
    [event.id, randomBytes(18).toString('base64url')],
  )).rows;
  await pool.query(`INSERT INTO broadcast_host (broadcast_id, user_id) VALUES ($1, $2)`, [b.id, host.id]);
  const cardIds = [];
  for (let i = 0; i < cards; i++) {
    const [p] = (await pool.query(
      `INSERT INTO job_posting (employer_id, title, occupation_code, headcount, salary_min, salary_max, education, experience, region_code, description, contact_name, contact_phone, valid_until, status, reviewed_at)
       VALUES ($1, $2, '6.01', 3, 5000, 8000, '40', 'NONE', '371302', '压测', '张', '13800001111', current_date + 30, 'APPROVED', now()) RETURNING id`,
      [emp.id, `岗位${i + 1}`],
    )).rows;
    const code = Array.from(randomBytes(8), (x) => '23456789abcdefghijkmnpqrstuvwxyz'[x % 32]).join('');
    const [c] = (await pool.query(`INSERT INTO broadcast_card (broadcast_id, posting_id, position, short_code) VALUES ($1, $2, $3, $4) RETURNING id`, [b.id, p.id, i + 1, code])).rows;
    cardIds.push(c.id);
  }
  return { hostId: host.id, broadcastId: b.id, cardIds };
}

/**
 * Connects `n` socket.io clients to `urls` (round robin) in batches of 250, each joined (`join()` is the event and its
 * argument; a refused ack rejects); `onCard(i, payload, socket)` for each `cardEvent` received.
 */
export async function connectViewers(urls, n, { namespace, auth, join, cardEvent, onCard }) {
  const sockets = [];
  for (let start = 0; start < n; start += CONNECT_BATCH) {
    const batch = [];
    for (let i = start; i < Math.min(n, start + CONNECT_BATCH); i++) {
      const url = urls[i % urls.length];
      batch.push(
        new Promise((resolve, reject) => {
          const s = io(`${url}${namespace}`, { path: '/socket.io', transports: ['websocket'], reconnection: false, auth: auth(i), timeout: 60000 });
          s.on(cardEvent, (payload) => onCard(i, payload, s));
          s.once('connect_error', reject);
          s.once('connect', () => {
            s.emit(...join(), (ack) => (ack?.ok === false ? reject(new Error(`join refused: ${ack.reason}`)) : resolve(s)));
          });
        }),
      );
    }
    sockets.push(...(await Promise.all(batch)));
  }
  return sockets;
}

export function closeAll(sockets) {
  for (const s of sockets) s.disconnect();
}

/** Counts each viewer's first receipt of each card (`keyOf(payload)` names the card) with its time: `received` { count, samples }. */
export function collector(keyOf) {
  const seen = new Set();
  const received = { count: 0, samples: [] };
  return {
    received,
    onCard: (i, payload) => {
      const k = keyOf(payload);
      const id = `${i}:${k}`;
      if (seen.has(id)) return;
      seen.add(id);
      received.count += 1;
      received.samples.push([k, performance.now()]);
    },
  };
}
