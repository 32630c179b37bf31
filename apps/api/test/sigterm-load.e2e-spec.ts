import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { DomainEvents } from '../src/common/domain-events/domain-events.service.js';
import { TokenService } from '../src/modules/auth/token.service.js';
import { eventAs, signedInAs } from './support/factories.js';
import { freePort } from './support/faulty-postgres.js';
import { MAIN, WORKER, ensureBuilt, postOnce, startChild, type Outcome } from './support/processes.js';
import { createTestApp } from './support/test-app.js';

/**
 * SIGTERM during load, on the run's PostgreSQL (so the data can be checked after the processes are gone): the
 * built API (`dist/main.js`, RUN_WORKERS=false) gets SIGTERM in the middle of a steady stream of registrations,
 * and a worker (`dist/worker.js`) in the middle of a backlog of jobs. Every registration the API made is answered
 * (one it never took is refused, and the client may send it again), the rows equal the acknowledged answers; the
 * worker finishes the jobs it holds and exits 0, the next worker does the rest, no job is lost or failed.
 */
describe('SIGTERM during load: API and worker', () => {
  const PEOPLE = 80;
  const JOBS = 300;
  const secret = randomBytes(32).toString('hex');
  const children: ChildProcess[] = [];
  let databaseUrl: string;
  let eventId: string;
  let tokens: Array<{ userId: string; token: string }> = [];
  let db: pg.Client;

  beforeAll(async () => {
    ensureBuilt();
    // The fixtures through the app itself (in this process, working no jobs), then it is closed.
    const t = await createTestApp({ JWT_SECRET: secret, RUN_WORKERS: 'false' });
    const admin = await signedInAs(t, 'ADMIN');
    eventId = await eventAs(t, admin.token, { startsAt: new Date(Date.now() + 72 * 3600_000).toISOString(), hours: 3, capacity: 1000, isOnline: true, onlineUrl: 'https://live.example.cn/s' });
    const ids: Array<{ id: string }> = await t.ds.query(
      `INSERT INTO app_user (role, display_name, email, password_hash) SELECT 'SEEKER', 'seeker ' || i, 'sigterm.' || i || '.' || $1 || '@example.test', 'x' FROM generate_series(1, $2) i RETURNING id`,
      [randomBytes(4).toString('hex'), PEOPLE],
    );
    const issuer = t.app.get(TokenService);
    tokens = await Promise.all(ids.map(async ({ id }) => ({ userId: id, token: (await issuer.issue({ id, role: 'SEEKER' })).accessToken })));
    // A backlog of jobs with a visible effect: audited domain events (one audit_log row each, keyed by the event id).
    const events = t.app.get(DomainEvents);
    await t.ds.transaction(async (m) => {
      for (let i = 0; i < JOBS; i++) await events.record(m, 'password.changed', { userId: ids[i % PEOPLE]!.id, regionCode: null }, { actor: null });
    });
    databaseUrl = (() => {
      const u = new URL(process.env.LEYE_TEST_ADMIN_URL!);
      u.pathname = `/${t.database}`;
      return u.toString();
    })();
    await t.close({ keepDatabase: true });
    db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
  }, 120_000);

  afterAll(async () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    await db?.end();
  });

  const baseEnv = () => ({
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    JWT_SECRET: secret,
    DATA_DIR: mkdtempSync(join(tmpdir(), 'leye-sigterm-')),
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'false',
    WEB_DIST_DIR: '/nonexistent',
    SCHEDULED_JOBS: 'false',
    JOB_POLL_INTERVAL_MS: '500',
    REDIS_URL: '',
  });

  it('API: answers every registration it took, refuses the rest cleanly, and the rows equal the answers', async () => {
    const port = await freePort();
    const api = await startChild(MAIN, { ...baseEnv(), PORT: String(port), RUN_WORKERS: 'false', WORKER_METRICS_PORT: '0' }, () =>
      fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok, () => false),
    );
    children.push(api.child);
    const started = Date.now();
    let signalAt = 0;
    const REGISTER = { query: 'mutation($e: ID) { registerForEvent(eventId: $e) { id status } }', variables: { e: eventId } };
    // A steady stream: one registration every 50 ms, each on its own connection; SIGTERM once a quarter was sent and
    // the first were answered; the stream goes on every 100 ms for 6 s after it (answered while the server still takes
    // what the kernel queued, up to 5 s: main.ts; refused once it stopped listening).
    const outcomes: Array<Promise<Outcome>> = [];
    const sentAt: number[] = [];
    let answered = 0;
    for (const p of tokens) {
      if (!signalAt && outcomes.length >= PEOPLE / 4) {
        while (answered < 3 && Date.now() - started < 20_000) await new Promise((r) => setTimeout(r, 5));
        signalAt = Date.now() - started;
        api.child.kill('SIGTERM');
      }
      sentAt.push(Date.now() - started);
      outcomes.push(postOnce(port, '/graphql', REGISTER, { authorization: `Bearer ${p.token}` }, started).then((o) => (o.kind === 'answered' && answered++, o)));
      await new Promise((r) => setTimeout(r, signalAt ? 100 : 50));
    }
    const results = await Promise.all(outcomes);
    const code = await api.exited;

    const rows: Array<{ id: string; userId: string }> = (await db.query(`SELECT id, user_id AS "userId" FROM event_registration WHERE event_id = $1`, [eventId])).rows;
    const byUser = new Map(rows.map((r) => [r.userId, r.id]));
    const acknowledged = new Map<string, string>();
    const unanswered: string[] = []; // registered, but the client got no answer: an accepted request dropped
    const failed: string[] = [];
    const reset: string[] = [];
    let refused = 0;
    results.forEach((o, i) => {
      const userId = tokens[i]!.userId;
      if (o.kind === 'answered' && o.data?.registerForEvent) acknowledged.set(userId, o.data.registerForEvent.id);
      else if (o.kind === 'answered') failed.push(`${o.status} ${o.codes.join(',')}`);
      else if (byUser.has(userId)) unanswered.push(`${o.kind}${o.kind === 'broken' ? ` ${o.error}` : ''}`);
      else if (o.kind === 'refused') refused++;
      else reset.push(o.error); // the connection never reached the app (the kernel's queue, reset when listening stopped)
    });
    const lost = [...acknowledged.entries()].filter(([userId, id]) => byUser.get(userId) !== id);
    const afterSignal = sentAt.filter((t) => t >= signalAt).length;

    console.log(
      `faults: sigterm api answered=${acknowledged.size}/${PEOPLE} sent-after-signal=${afterSignal} refused=${refused} reset-before-accept=${reset.length} ` +
        `unanswered-accepted=${unanswered.length} lost=${lost.length} signal-at=${signalAt}ms exit=${code}`,
    );
    expect(failed).toEqual([]);
    expect(unanswered).toEqual([]);
    expect(lost).toEqual([]);
    expect(rows).toHaveLength(acknowledged.size); // nothing registered that was not answered
    expect(afterSignal).toBeGreaterThan(0); // the stream went on after the signal
    expect(refused).toBeGreaterThan(0); // and the late ones were refused
    expect(acknowledged.size + refused + reset.length).toBe(PEOPLE);
    // A request the API never took is refused (or, queued in the kernel when it stopped listening, reset): never
    // one sent before the signal.
    expect(results.filter((o, i) => o.kind !== 'answered' && sentAt[i]! < signalAt)).toEqual([]);
    expect(code).toBe(0);
  }, 60_000);

  it('worker: finishes the jobs it holds at SIGTERM, the next worker does the rest, none lost or failed', async () => {
    const jobs = async () =>
      (await db.query(`SELECT state::text AS state, count(*)::int AS n FROM pgboss.job WHERE name LIKE 'event.%' AND data->>'name' = 'password.changed' GROUP BY 1`)).rows as Array<{ state: string; n: number }>;
    const audited = async () => (await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'password.changed'`)).rows[0].n as number;
    expect(await audited()).toBe(0);
    const metricsPort = await freePort();
    const env = { ...baseEnv(), WORKER_METRICS_PORT: String(metricsPort) };
    const first = await startChild(WORKER, env, () => fetch(`http://127.0.0.1:${metricsPort}/healthz`).then((r) => r.ok, () => false));
    children.push(first.child);
    // SIGTERM once it is under way.
    const deadline = Date.now() + 20_000;
    while ((await audited()) < JOBS / 10 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const doneAtSignal = await audited();
    const activeAtSignal = (await jobs()).find((j) => j.state === 'active')?.n ?? 0;
    // Its metrics, scraped as Prometheus would: job durations of this worker's jobs.
    const scraped = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
    expect(scraped).toMatch(/leye_job_duration_seconds_count\{queue="[^"]+",outcome="completed"\} [1-9]/);
    expect(scraped).toMatch(/leye_jobs\{queue="[^"]+",state="(created|active)"\}/);
    first.child.kill('SIGTERM');
    const firstCode = await first.exited;
    const afterFirst = await jobs();
    const doneByFirst = await audited();
    // Nothing is left active: what the first worker held, it finished.
    expect(afterFirst.filter((j) => j.state === 'active')).toEqual([]);

    const second = await startChild(WORKER, { ...env, WORKER_METRICS_PORT: '0' }, async () => true);
    children.push(second.child);
    const until = Date.now() + 30_000;
    while ((await audited()) < JOBS && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    second.child.kill('SIGTERM');
    const secondCode = await second.exited;
    const states = await jobs();
    const total = await audited();

    console.log(
      `faults: sigterm worker jobs=${JOBS} done-at-signal=${doneAtSignal} active-at-signal=${activeAtSignal} done-by-first=${doneByFirst} done-by-next=${total - doneByFirst} ` +
        `lost=${JOBS - total} failed=${states.find((j) => j.state === 'failed')?.n ?? 0} exits=${firstCode},${secondCode}`,
    );
    expect(firstCode).toBe(0);
    expect(secondCode).toBe(0);
    expect(doneByFirst).toBeLessThan(JOBS); // the signal came mid-backlog
    expect(total).toBe(JOBS);
    expect(states.filter((j) => j.state !== 'completed')).toEqual([]);
  }, 90_000);
});
