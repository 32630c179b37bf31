import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { io, type Socket } from 'socket.io-client';
import { createApp } from '../../src/app.factory.js';
import { loadConfig, type AppConfig } from '../../src/config/app-config.js';
import { createDataSource } from '../../src/database/data-source.js';
import { seedReferenceData } from '../../src/database/seed/reference-data.js';

export interface GqlResult<T = Record<string, any>> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string; fields?: Record<string, string>; [k: string]: unknown } }>;
}

export interface TestApp {
  app: NestExpressApplication;
  baseUrl: string;
  config: AppConfig;
  ds: DataSource;
  /** The test database's name (another app can be started on it: `createTestApp(env, { database })`). */
  database: string;
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResult<T>>;
  /** The raw HTTP answer of a GraphQL request (status and body). */
  post(body: unknown, token?: string): Promise<{ status: number; headers: Headers; body: GqlResult<any> }>;
  socket(token: string): Promise<Socket>;
  /** Closes the app and drops its database unless `keepDatabase` (a later app reopens it). */
  close(opts?: { keepDatabase?: boolean }): Promise<void>;
}

/** Creates the migrated template once per run (the first test file to get the lock does it). */
async function ensureTemplate(admin: pg.Client, adminUrl: string, template: string): Promise<void> {
  await admin.query('SELECT pg_advisory_lock(4242)');
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
    if (exists.rowCount) return;
    await admin.query(`CREATE DATABASE ${template}`);
    const url = new URL(adminUrl);
    url.pathname = `/${template}`;
    const ds = createDataSource(url.toString());
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' });
    await seedReferenceData(ds);
    await ds.destroy();
  } finally {
    await admin.query('SELECT pg_advisory_unlock(4242)');
  }
}

/**
 * Boots the real app on its own database cloned from the migrated template, listening on a free
 * port; with `database`, on that existing test database instead (a "restarted" process).
 */
export async function createTestApp(
  env: Record<string, string> = {},
  opts: { database?: string; rewriteUrl?: (url: URL) => URL; logStream?: { write(line: string): void } } = {},
): Promise<TestApp> {
  // Named after this run, so the run's teardown drops its own databases and no other run's.
  const name = opts.database ?? `leyetest_${process.env.LEYE_TEST_RUN}_${randomBytes(6).toString('hex')}`;
  const adminUrl = process.env.LEYE_TEST_ADMIN_URL!;
  if (!opts.database) {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await ensureTemplate(admin, adminUrl, process.env.LEYE_TEST_TEMPLATE!);
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${process.env.LEYE_TEST_TEMPLATE}`);
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
    WEB_DIST_DIR: '/nonexistent',
    SCHEDULED_JOBS: 'false',
    JOB_POLL_INTERVAL_MS: '500',
    REGISTRATIONS_PER_ADDRESS_PER_HOUR: '100000',
    APPLICATIONS_PER_ADDRESS_PER_HOUR: '1000000',
    PUBLIC_QUERY_CACHE_MS: '0',
    ...env,
  });
  const app = await createApp(config, (opts.rewriteUrl?.(new URL(url)) ?? url).toString(), { logStream: opts.logStream });
  await app.listen(0, '127.0.0.1');
  const baseUrl = await app.getUrl();
  const sockets: Socket[] = [];
  return {
    app,
    baseUrl: baseUrl.replace('[::1]', '127.0.0.1'),
    config,
    ds: app.get(DataSource),
    database: name,
    async gql(query, variables, token) {
      const res = await fetch(`${baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return (await res.json()) as GqlResult<any>;
    },
    async post(body, token) {
      const res = await fetch(`${baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
      return { status: res.status, headers: res.headers, body: (await res.json()) as GqlResult<any> };
    },
    socket(token) {
      return new Promise((resolve, reject) => {
        const s = io(baseUrl, { path: '/socket.io', auth: { token }, transports: ['websocket'], reconnection: false });
        sockets.push(s);
        s.on('connect', () => resolve(s));
        s.on('connect_error', reject);
      });
    },
    async close(closeOpts = {}) {
      for (const s of sockets) s.disconnect();
      await app.close();
      if (closeOpts.keepDatabase) return;
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}
