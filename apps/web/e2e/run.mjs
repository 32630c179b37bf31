#!/usr/bin/env node
// `npm run test:browser -w @leye/web [-- e2e/x.test.mjs …]`: the browser test files, E2E_CONCURRENCY (default 2) at a
// time, on one PostgreSQL server for the run — DATABASE_URL's, or an embedded one started here — with the schema and
// demo data migrated once into a template database that each file clones (LEYE_E2E_TEMPLATE, read by
// support/app-fixture.mjs). Each file still gets its own database, API process, port and Chromium. A single file run
// with `node --test e2e/x.test.mjs` works without this runner (it starts its own PostgreSQL and migrates).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import { freePort, REPO } from './support/app-fixture.mjs';

const E2E = fileURLToPath(new URL('.', import.meta.url));
const API_DIST = join(REPO, 'apps/api/dist');
const concurrency = Number(process.env.E2E_CONCURRENCY ?? 2);
const files = process.argv.slice(2).length
  ? process.argv.slice(2)
  : readdirSync(E2E).filter((f) => f.endsWith('.test.mjs')).sort().map((f) => join(E2E, f));

function run(args, env, { quiet = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: join(REPO, 'apps/web'), env, stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    let output = '';
    child.stdout?.on('data', (d) => (output += d));
    child.stderr?.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

let adminUrl = process.env.DATABASE_URL;
let stopServer = async () => {};
if (!adminUrl) {
  const dataDir = mkdtempSync(join(tmpdir(), 'leye-e2e-pg-'));
  // As root, PostgreSQL runs as the `postgres` user, which must be able to enter the folder.
  chmodSync(dataDir, 0o755);
  const { startEmbeddedPostgres } = await import(pathToFileURL(join(API_DIST, 'database/embedded-database.js')).href);
  const handle = await startEmbeddedPostgres(dataDir, await freePort());
  adminUrl = handle.url;
  stopServer = async () => {
    await handle.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}

const template = `leye_e2e_template_${randomBytes(4).toString('hex')}`;
const admin = async (sql) => {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
};

let code = 1;
try {
  await admin(`CREATE DATABASE ${template}`);
  const url = new URL(adminUrl);
  url.pathname = `/${template}`;
  const migrated = await run([join(API_DIST, 'database/migrate.js')], { ...process.env, DATABASE_URL: url.toString(), NODE_ENV: 'test', LOG_LEVEL: 'warn' }, { quiet: true });
  if (migrated.code !== 0) throw new Error(`migrating the template database failed:\n${migrated.output}`);
  ({ code } = await run(['--test', `--test-concurrency=${concurrency}`, ...files], { ...process.env, DATABASE_URL: adminUrl, LEYE_E2E_TEMPLATE: template }));
} catch (error) {
  console.error(error?.stack ?? error);
} finally {
  await admin(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`).catch((error) => console.error(`dropping ${template}: ${error.message}`));
  await stopServer().catch((error) => console.error(`stopping PostgreSQL: ${error.message}`));
}
process.exit(code);
