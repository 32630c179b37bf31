// Preload for the API under benchmark (`node --import ./bench/support/count-queries.mjs apps/api/dist/main.js`):
// counts every statement the app sends through `pg` and serves the count on 127.0.0.1:$BENCH_QUERY_COUNTER_PORT.
//   GET /            → {"count":N}
//   GET /reset       → zeroes the count (and the captured texts), returns the previous state
//   GET /?texts=1    → also the statements captured since the last reset (at most 200)
// The API has no query counter of its own; wrapping pg.Client#query catches TypeORM's queries,
// raw `ds.query` calls and DataLoader batches alike, since all of them end up there.
import { createServer } from 'node:http';
import { createRequire } from 'node:module';

const port = Number(process.env.BENCH_QUERY_COUNTER_PORT);
if (port) {
  // If the bench process dies, do not linger: a graceful shutdown could block for ever flushing
  // logs into the dead parent's pipe, and this instance's database is a throwaway anyway.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) process.kill(process.pid, 'SIGKILL');
  }, 1000).unref();

  // The same `pg` the API resolves (TypeORM loads it with require, so the CommonJS module is the one to wrap).
  const requireFromApi = createRequire(new URL('../../apps/api/package.json', import.meta.url));
  const pg = requireFromApi('pg');
  const original = pg.Client.prototype.query;
  let count = 0;
  let texts = [];
  pg.Client.prototype.query = function countedQuery(config, ...rest) {
    count++;
    if (texts.length < 200) texts.push(typeof config === 'string' ? config : (config?.text ?? String(config)));
    return original.call(this, config, ...rest);
  };
  createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const body = { count, ...(url.searchParams.has('texts') ? { texts } : {}) };
    if (url.pathname === '/reset') {
      count = 0;
      texts = [];
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  })
    .listen(port, '127.0.0.1')
    .unref();
}
