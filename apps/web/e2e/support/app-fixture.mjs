// Shared by the browser tests: a fresh database, the migrated API serving the built web app on a free
// port, and one headless Chromium. Each test file starts its own, so files never depend on each other.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { chromium } from 'playwright-core';

export const REPO = fileURLToPath(new URL('../../../../', import.meta.url));
const API_DIST = join(REPO, 'apps/api/dist');
const WEB_DIST = join(REPO, 'apps/web/dist');
/**
 * Where screenshots go: the committed docs/images only with UPDATE_SCREENSHOTS=1 (refreshing the
 * user guides on purpose); otherwise SCREENSHOT_DIR or a folder under the system temp dir, so an
 * ordinary run never rewrites committed files.
 */
export const SCREENSHOTS =
  process.env.UPDATE_SCREENSHOTS === '1' ? join(REPO, 'docs/images') : (process.env.SCREENSHOT_DIR ?? join(tmpdir(), 'leye-browser-screenshots'));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const DEMO_PASSWORD = 'Leye@2025';
export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

/** Everything the fixture started, so `stopApp` can undo it even when `startApp` failed half-way. */
export function createFixture() {
  return {
    baseUrl: '',
    server: /** @type {import('node:child_process').ChildProcess | null} */ (null),
    serverOutput: /** @type {string[]} */ ([]),
    dataDir: /** @type {string | null} */ (null),
    adminUrl: /** @type {string | null} */ (null),
    database: /** @type {string | null} */ (null),
    browser: /** @type {import('playwright-core').Browser | null} */ (null),
  };
}

/** Sends one GraphQL operation to the fixture's server and answers its data; any error fails the test. */
export async function graphqlData(fixture, query, variables = {}, token = null) {
  const res = await fetch(`${fixture.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  return body.data;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (srv.address());
      srv.close(() => resolve(port));
    });
  });
}

/** Runs a node script to completion, keeping its output for the failure message. */
function runNode(script, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script], { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`${script} exited ${code}:\n${output}`))));
  });
}

async function waitForReady(fixture, url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    if (fixture.server?.exitCode !== null) throw new Error(`API exited early:\n${fixture.serverOutput.join('')}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
      last = `HTTP ${res.status}`;
    } catch (e) {
      last = String(e);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`API not ready after ${timeoutMs} ms (${last}):\n${fixture.serverOutput.join('')}`);
}

/**
 * A database of our own (on DATABASE_URL's server, or the API's embedded PostgreSQL), migrated; the API; Chromium.
 * `env`: extra API settings (e.g. LIVE_MEDIA_ORIGINS for a test's own HLS server).
 */
export async function startApp(fixture, { env: extraEnv = {} } = {}) {
  for (const [what, path] of [
    ['the API build (npm run build -w @leye/api)', join(API_DIST, 'main.js')],
    ['the web build (npm run build -w @leye/web)', join(WEB_DIST, 'index.html')],
    ['Chromium (apt-get install -y chromium)', CHROMIUM],
  ]) {
    assert.ok(existsSync(path), `missing ${what}: ${path}`);
  }
  mkdirSync(SCREENSHOTS, { recursive: true });

  const env = { ...process.env, PORT: String(await freePort()), WEB_DIST_DIR: WEB_DIST, LOG_LEVEL: 'warn', NODE_ENV: 'test', ...extraEnv };
  // e2e/run.mjs migrates the schema and demo data once into a template database: a copy of it needs no migration.
  const template = process.env.DATABASE_URL ? process.env.LEYE_E2E_TEMPLATE : undefined;
  if (process.env.DATABASE_URL) {
    // A database of our own on the given server, dropped afterwards.
    fixture.adminUrl = process.env.DATABASE_URL;
    fixture.database = `leye_e2e_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: fixture.adminUrl });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${fixture.database}${template ? ` TEMPLATE ${template}` : ''}`);
    } finally {
      await admin.end();
    }
    const url = new URL(fixture.adminUrl);
    url.pathname = `/${fixture.database}`;
    env.DATABASE_URL = url.toString();
  } else {
    // The API's embedded PostgreSQL, in a throw-away folder on a port nobody else uses.
    delete env.DATABASE_URL;
    fixture.dataDir = mkdtempSync(join(tmpdir(), 'leye-e2e-'));
    // Run as root, the API hands the cluster to a `postgres` user, which must be able to enter this folder.
    chmodSync(fixture.dataDir, 0o755);
    env.DATA_DIR = fixture.dataDir;
    env.EMBEDDED_PG_PORT = String(await freePort());
  }

  if (!template) await runNode(join(API_DIST, 'database/migrate.js'), env);
  // A port found free can be taken before the API binds it (an outgoing connection gets it as its
  // ephemeral port): the API then exits with EADDRINUSE, and is started again on another port.
  for (let attempt = 1; ; attempt += 1) {
    fixture.serverOutput = [];
    fixture.server = spawn(process.execPath, [join(API_DIST, 'main.js')], { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'] });
    fixture.server.stdout.on('data', (d) => fixture.serverOutput.push(String(d)));
    fixture.server.stderr.on('data', (d) => fixture.serverOutput.push(String(d)));
    fixture.baseUrl = `http://127.0.0.1:${env.PORT}`;
    try {
      await waitForReady(fixture, `${fixture.baseUrl}/readyz`, 120_000);
      break;
    } catch (error) {
      if (attempt >= 3 || !fixture.serverOutput.join('').includes('EADDRINUSE')) throw error;
      env.PORT = String(await freePort());
    }
  }

  fixture.browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export async function stopApp(fixture) {
  await fixture.browser?.close().catch(() => undefined);
  if (fixture.server && fixture.server.exitCode === null) {
    const exited = new Promise((r) => fixture.server.once('exit', r));
    fixture.server.kill('SIGTERM');
    // Give the API time to stop its embedded PostgreSQL cleanly, then insist.
    const timer = setTimeout(() => fixture.server.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  }
  if (fixture.database && fixture.adminUrl) {
    const admin = new pg.Client({ connectionString: fixture.adminUrl });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${fixture.database} WITH (FORCE)`);
    } finally {
      await admin.end();
    }
  }
  if (fixture.dataDir) rmSync(fixture.dataDir, { recursive: true, force: true });
}
