import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { isPrivateAddress } from '../src/common/metrics/metrics.controller.js';
import { eventAs, signedInAs } from './support/factories.js';
import { serverMajor, startToolsServer, toolMajor } from './support/pg-tools.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * Operations (docs/operations.md): Prometheus metrics and who may read them, and a backup taken with
 * pg_dump restored with pg_restore into a new database that the app then serves, data found.
 */

const HOUR = 3600_000;

describe('/metrics', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('serves request, GraphQL, error, socket and queue figures to a direct caller from a private address', async () => {
    const seeker = await signedInAs(t, 'SEEKER');
    await t.gql(`{ me { id } }`, {}, seeker.token);
    await t.gql(`{ failedJobs { total } }`, {}, seeker.token); // FORBIDDEN
    const socket = await t.socket(seeker.token);
    const res = await fetch(`${t.baseUrl}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toMatch(/leye_http_request_duration_seconds_count\{route="graphql",method="POST",status="2xx"\} [1-9]/);
    expect(text).toMatch(/leye_graphql_operation_duration_seconds_count\{type="query",outcome="ok"\} [1-9]/);
    expect(text).toMatch(/leye_graphql_operation_duration_seconds_count\{type="query",outcome="FORBIDDEN"\} 1/);
    expect(text).toMatch(/leye_graphql_root_fields_total\{type="query",field="me"\} 1/);
    expect(text).toMatch(/leye_graphql_errors_total\{code="FORBIDDEN"\} 1/);
    expect(text).toMatch(/^leye_socket_connections 1$/m);
    expect(text).toMatch(/leye_nodejs_eventloop_lag_seconds/);
    expect(text).toContain('# TYPE leye_jobs gauge');
    socket.disconnect();
  });

  it('counts queue depth and failed jobs per queue from the shared queue tables', async () => {
    await t.ds.query(`INSERT INTO pgboss.job (name, data, state) VALUES ('auth.prune-sessions', '{}', 'failed')`);
    const text = await (await fetch(`${t.baseUrl}/metrics`)).text();
    expect(text).toMatch(/leye_jobs\{queue="auth.prune-sessions",state="failed"\} 1/);
  });

  it('refuses a request that came through a proxy or load balancer (X-Forwarded-For), whatever address it shows', async () => {
    const res = await fetch(`${t.baseUrl}/metrics`, { headers: { 'x-forwarded-for': '10.0.0.5' } });
    expect(res.status).toBe(403);
    expect(await res.text()).not.toContain('leye_');
  });

  it('with METRICS_TOKEN, asks everyone for the bearer token', async () => {
    const tokenApp = await createTestApp({ METRICS_TOKEN: 'scrape-secret-0123456789' }, { database: t.database });
    try {
      expect((await fetch(`${tokenApp.baseUrl}/metrics`)).status).toBe(403);
      expect((await fetch(`${tokenApp.baseUrl}/metrics`, { headers: { authorization: 'Bearer wrong-secret-0123456789' } })).status).toBe(403);
      const ok = await fetch(`${tokenApp.baseUrl}/metrics`, { headers: { authorization: 'Bearer scrape-secret-0123456789', 'x-forwarded-for': '203.0.113.9' } });
      expect(ok.status).toBe(200);
    } finally {
      await tokenApp.close({ keepDatabase: true });
    }
  });

  it('knows private addresses', () => {
    for (const a of ['127.0.0.1', '::1', '::ffff:10.2.3.4', '172.16.0.1', '172.31.255.255', '192.168.1.1', 'fd12:3456::1']) expect([a, isPrivateAddress(a)]).toEqual([a, true]);
    for (const a of ['8.8.8.8', '172.32.0.1', '::ffff:203.0.113.9', '2001:db8::1', undefined]) expect([a, isPrivateAddress(a)]).toEqual([a, false]);
  });
});

describe('backup and restore (pg_dump / pg_restore)', () => {
  it('restores a custom-format dump into a new database that the app serves with the data in it', async () => {
    // pg_dump refuses a server newer than itself: use the run's server when the tools can read it (local PostgreSQL 15),
    // else a throwaway server of the tools' own version (CI's embedded PostgreSQL 17 with the machine's 15 tools).
    const runServer = process.env.LEYE_TEST_ADMIN_URL!;
    const tools = toolMajor();
    const own = (await serverMajor(runServer)) > tools ? await startToolsServer() : null;
    const saved = { url: process.env.LEYE_TEST_ADMIN_URL, template: process.env.LEYE_TEST_TEMPLATE };
    if (own) {
      process.env.LEYE_TEST_ADMIN_URL = own.url;
      process.env.LEYE_TEST_TEMPLATE = `leye_template_tools_${process.pid}`;
    }
    const work = mkdtempSync(join(tmpdir(), 'leye-backup-'));
    try {
      const adminUrl = process.env.LEYE_TEST_ADMIN_URL!;
      const source = await createTestApp();
      const admin = await signedInAs(source, 'ADMIN');
      const eventId = await eventAs(source, admin.token, { title: '备份恢复招聘会', startsAt: new Date(Date.now() + 96 * HOUR).toISOString(), hours: 3, isOnline: true, onlineUrl: 'https://live.example.cn/bk' });
      const seeker = await signedInAs(source, 'SEEKER');
      const profile = await source.gql(`mutation { updateMySeekerProfile(input: { realName: "赵备份", idNumber: "11010519491231002X" }) { idNumberMasked } }`, {}, seeker.token);
      expect(profile.errors).toBeUndefined();
      const dbUrl = (name: string) => Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();

      const file = join(work, 'leye.dump');
      execFileSync('pg_dump', ['--format=custom', '--no-owner', `--file=${file}`, dbUrl(source.database)]);
      expect(statSync(file).size).toBeGreaterThan(10_000);
      await source.close(); // the original is gone: only the dump is left

      const restored = `leyetest_restored_${process.pid}_${Date.now().toString(36)}`;
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`CREATE DATABASE ${restored}`);
      await c.end();
      execFileSync('pg_restore', ['--no-owner', '--exit-on-error', `--dbname=${dbUrl(restored)}`, file]);

      // The app starts on the restored database (no pending migrations), and finds the event, the account and the ID number.
      const back = await createTestApp({}, { database: restored });
      try {
        const events = await back.gql(`query { events(filter: { text: "备份恢复" }, take: 5) { items { id title } } }`, {}, admin.token);
        expect(events.data!.events.items).toEqual([{ id: eventId, title: '备份恢复招聘会' }]);
        const mine = await back.gql(`{ myPersonalData(format: JSON) { base64 } }`, {}, seeker.token);
        expect(mine.errors).toBeUndefined();
        const data = JSON.parse(Buffer.from(mine.data!.myPersonalData.base64, 'base64').toString());
        expect(data.profile).toMatchObject({ realName: '赵备份', idNumber: '11010519491231002X' });
        const [{ n }] = await back.ds.query(`SELECT count(*)::int AS n FROM pgboss.version`);
        expect(n).toBe(1);
        console.log(`[operations] pg_dump ${tools} → pg_restore: ${statSync(file).size} bytes, server ${own ? `throwaway PostgreSQL ${tools}` : `the run's PostgreSQL ${await serverMajor(runServer)}`}`);
      } finally {
        await back.close();
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
      process.env.LEYE_TEST_ADMIN_URL = saved.url;
      process.env.LEYE_TEST_TEMPLATE = saved.template;
      own?.stop();
    }
  }, 180_000);
});
