// Socket.io viewers spread over several client processes (bench/scenarios/live-fanout.mjs). One process holding
// thousands of socket.io-client connections parses every delivery on one event loop, so its own queue delays the
// receive timestamps; several processes (`child_process.fork` of this file) each hold a share. Every process stamps a
// delivery with Date.now() (one host, one clock for all processes) and keeps [seq, receivedAt, pushedAt], the
// `pushedAt` being the server's stamp in the payload (taken just before its single room emit).
//
// Parent side: `startViewers(options)`. Child side: this file run by `fork`, driven by IPC messages.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { requireFromApi } from './harness.mjs';

const SELF = fileURLToPath(import.meta.url);

/**
 * Connects `count` viewers to `urls` (round robin, viewer i on urls[i % urls.length]) across `processes` child
 * processes, each joining `broadcastId` through `joinEvent` and listening to `cardEvent`. `viewerKeyPrefix`: each
 * viewer's handshake `auth.viewerKey` (the API's anonymous viewer key); null for no auth. Resolves once every viewer
 * has joined, with `received()` (deliveries so far), `samples()` (every [seq, receivedAt, pushedAt]) and `close()`.
 */
export async function startViewers({ urls, count, processes, namespace, broadcastId, joinEvent = 'live:join', cardEvent = 'live:card', viewerKeyPrefix = null, batch = 100 }) {
  const n = Math.max(1, Math.min(processes, count));
  const children = [];
  const exited = [];
  for (let p = 0; p < n; p++) {
    const child = fork(SELF, ['child'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    exited.push(new Promise((resolve) => child.once('exit', resolve)));
    children.push(child);
  }
  let nextId = 0;
  const ask = (child, message) =>
    new Promise((resolve, reject) => {
      const id = ++nextId;
      const onMessage = (m) => {
        if (m?.id !== id) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        if (m.error) reject(new Error(m.error));
        else resolve(m.value);
      };
      const onExit = (code) => reject(new Error(`viewer process exited (${code}) while answering ${message.type}`));
      child.on('message', onMessage);
      child.once('exit', onExit);
      child.send({ ...message, id });
    });
  const close = async () => {
    for (const child of children) if (child.connected) child.send({ type: 'close' });
    const timer = setTimeout(() => children.forEach((c) => c.exitCode === null && c.kill('SIGKILL')), 5000);
    await Promise.all(exited);
    clearTimeout(timer);
  };
  try {
    // Viewer i is handled by process i % n, so each process's viewers spread evenly over the urls too.
    await Promise.all(children.map((child, p) => ask(child, { type: 'connect', urls, count, step: n, first: p, namespace, broadcastId, joinEvent, cardEvent, viewerKeyPrefix, batch })));
  } catch (error) {
    await close();
    throw error;
  }
  return {
    processes: n,
    received: async () => (await Promise.all(children.map((c) => ask(c, { type: 'received' })))).reduce((a, b) => a + b, 0),
    samples: async () => (await Promise.all(children.map((c) => ask(c, { type: 'samples' })))).flat(),
    close,
  };
}

/** The child: holds its viewers, answers the parent's questions. */
async function child() {
  const { io } = requireFromApi('socket.io-client');
  const sockets = [];
  const samples = [];
  const handlers = {
    async connect({ urls, count, step, first, namespace, broadcastId, joinEvent, cardEvent, viewerKeyPrefix, batch }) {
      const mine = [];
      for (let i = first; i < count; i += step) mine.push(i);
      for (let start = 0; start < mine.length; start += batch) {
        const joined = mine.slice(start, start + batch).map(
          (i) =>
            new Promise((resolve, reject) => {
              const auth = viewerKeyPrefix ? { viewerKey: `${viewerKeyPrefix}-${i}` } : {};
              const s = io(`${urls[i % urls.length]}${namespace}`, { path: '/socket.io', transports: ['websocket'], reconnection: false, auth, timeout: 60000 });
              const seen = new Set();
              s.on(cardEvent, (payload) => {
                const receivedAt = Date.now();
                if (seen.has(payload.seq)) return;
                seen.add(payload.seq);
                samples.push([payload.seq, receivedAt, payload.pushedAt]);
              });
              s.once('connect_error', reject);
              s.once('connect', () => s.emit(joinEvent, { broadcastId }, (ack) => (ack?.ok === false ? reject(new Error(`join refused: ${ack.reason}`)) : resolve())));
              sockets.push(s);
            }),
        );
        await Promise.all(joined);
      }
      return mine.length;
    },
    received: () => samples.length,
    samples: () => samples,
  };
  // The bench ended or died: nothing left to hold the viewers for.
  process.once('disconnect', () => process.exit(0));
  process.on('message', async (m) => {
    if (m.type === 'close') {
      for (const s of sockets) s.disconnect();
      setTimeout(() => process.disconnect(), 200);
      return;
    }
    try {
      process.send({ id: m.id, value: await handlers[m.type](m) });
    } catch (error) {
      process.send({ id: m.id, error: error?.message ?? String(error) });
    }
  });
}

if (process.argv[1] === SELF && process.argv[2] === 'child') await child();
