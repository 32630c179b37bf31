// Browser tests against the built app served by the real API on a fresh database.
// Run with `npm run test:browser` (root) or, after building api and web, `npm run test:browser -w @leye/web`.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { CREDIT_CODE_ALPHABET, CREDIT_CODE_MESSAGES, creditCodeCheckCharacter } from '@leye/domain';
import pg from 'pg';
import { chromium } from 'playwright-core';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const API_DIST = join(REPO, 'apps/api/dist');
const WEB_DIST = join(REPO, 'apps/web/dist');
const SCREENSHOTS = join(REPO, 'docs/images');
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
const DEMO_PASSWORD = 'Leye@2025';
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

/** Everything the fixture started, so `after` can undo it even when `before` failed half-way. */
const fixture = {
  baseUrl: '',
  server: /** @type {import('node:child_process').ChildProcess | null} */ (null),
  serverOutput: /** @type {string[]} */ ([]),
  dataDir: /** @type {string | null} */ (null),
  adminUrl: /** @type {string | null} */ (null),
  database: /** @type {string | null} */ (null),
  browser: /** @type {import('playwright-core').Browser | null} */ (null),
};

function freePort() {
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

async function waitForReady(url, timeoutMs) {
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

/** A syntactically valid unified social credit code registered in 兰山区 (371302). */
function randomCreditCode() {
  let body = '91371302';
  for (let i = 0; i < 9; i++) body += CREDIT_CODE_ALPHABET[randomInt(CREDIT_CODE_ALPHABET.length)];
  return body + creditCodeCheckCharacter(body);
}

function randomMobile() {
  return `13${randomInt(0, 10)}${String(randomInt(0, 1e8)).padStart(8, '0')}`;
}

async function newPage(viewport) {
  const context = await fixture.browser.newContext({ viewport, locale: 'zh-CN' });
  const page = await context.newPage();
  return { context, page };
}

async function login(page, login, password = DEMO_PASSWORD) {
  await page.goto(`${fixture.baseUrl}/login`);
  await page.getByLabel('手机号或邮箱').fill(login);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByTestId('login-submit').click();
}

async function chooseRegion(page, selectTestId, name) {
  await page.getByTestId(selectTestId).click();
  await page.keyboard.type(name);
  await page.locator('.ant-select-item-option', { hasText: name }).first().click();
}

/** Waits until `locator` matches exactly `count` elements (tables re-render after their query lands). */
async function waitForCount(locator, count, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  let seen = -1;
  while (Date.now() < deadline) {
    seen = await locator.count();
    if (seen === count) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.equal(seen, count, `expected ${count} matches of ${locator}`);
}

async function screenshot(page, file) {
  // Let entrance animations settle, and leave out the transient "welcome back" toasts.
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(SCREENSHOTS, file), style: '.ant-message { display: none !important; }' });
}

before(async () => {
  for (const [what, path] of [
    ['the API build (npm run build -w @leye/api)', join(API_DIST, 'main.js')],
    ['the web build (npm run build -w @leye/web)', join(WEB_DIST, 'index.html')],
    ['Chromium (apt-get install -y chromium)', CHROMIUM],
  ]) {
    assert.ok(existsSync(path), `missing ${what}: ${path}`);
  }
  mkdirSync(SCREENSHOTS, { recursive: true });

  const port = await freePort();
  const env = { ...process.env, PORT: String(port), WEB_DIST_DIR: WEB_DIST, LOG_LEVEL: 'warn', NODE_ENV: 'test' };
  if (process.env.DATABASE_URL) {
    // A database of our own on the given server, dropped afterwards.
    fixture.adminUrl = process.env.DATABASE_URL;
    fixture.database = `leye_e2e_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: fixture.adminUrl });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${fixture.database}`);
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

  await runNode(join(API_DIST, 'database/migrate.js'), env);
  fixture.server = spawn(process.execPath, [join(API_DIST, 'main.js')], { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'] });
  fixture.server.stdout.on('data', (d) => fixture.serverOutput.push(String(d)));
  fixture.server.stderr.on('data', (d) => fixture.serverOutput.push(String(d)));
  fixture.baseUrl = `http://127.0.0.1:${port}`;
  await waitForReady(`${fixture.baseUrl}/readyz`, 120_000);

  fixture.browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
});

after(async () => {
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
});

describe('乐业临沂 web app', { timeout: 180_000 }, () => {
  test('the sign-in page renders in Chinese on desktop and fits a phone', async () => {
    const desktop = await newPage(DESKTOP);
    try {
      await desktop.page.goto(`${fixture.baseUrl}/login`);
      await desktop.page.getByRole('heading', { name: '登录' }).waitFor();
      assert.equal(await desktop.page.title(), '乐业临沂');
      await screenshot(desktop.page, 'login.png');
    } finally {
      await desktop.context.close();
    }

    const phone = await newPage(PHONE);
    try {
      await phone.page.goto(`${fixture.baseUrl}/login`);
      await phone.page.getByTestId('login-submit').waitFor();
      const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `the login page scrolls sideways on a phone by ${overflow}px`);
      await screenshot(phone.page, 'login-mobile.png');
    } finally {
      await phone.context.close();
    }
  });

  test('employer registration checks the credit code live with the shared rule', async () => {
    const { context, page } = await newPage(PHONE);
    try {
      await page.goto(`${fixture.baseUrl}/register/employer`);
      const valid = randomCreditCode();
      const wrongCheck = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
      await page.getByTestId('credit-code-input').fill(wrongCheck.toLowerCase());
      await page.getByText(CREDIT_CODE_MESSAGES.CHECKSUM.zh).waitFor();
      // The field shows what the API will receive: upper case.
      assert.equal(await page.getByTestId('credit-code-input').inputValue(), wrongCheck);

      await page.getByTestId('credit-code-input').fill(valid);
      await page.getByText(CREDIT_CODE_MESSAGES.CHECKSUM.zh).waitFor({ state: 'detached' });
      // A valid Linyi code pre-selects the district it was registered in.
      await page.locator('.ant-select-content', { hasText: '兰山区' }).waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `the registration page scrolls sideways on a phone by ${overflow}px`);
      await screenshot(page, 'register-employer-mobile.png');
    } finally {
      await context.close();
    }
  });

  test('an employer registers, an organizer verifies it, and the employer sees it live', async () => {
    const employerName = `沂蒙测试物流有限公司${randomInt(1000, 9999)}`;
    const creditCode = randomCreditCode();
    const employer = await newPage(DESKTOP);
    const organizer = await newPage(DESKTOP);
    try {
      // 1. The employer registers through the form.
      const p = employer.page;
      await p.goto(`${fixture.baseUrl}/register/employer`);
      await p.getByLabel('单位名称').fill(employerName);
      await p.getByTestId('credit-code-input').fill(creditCode);
      await chooseRegion(p, 'region-select', '兰山区');
      await p.getByLabel('联系人姓名').fill('张经理');
      await p.getByLabel('手机号').fill(randomMobile());
      await p.getByLabel('邮箱').fill(`e2e-${randomBytes(4).toString('hex')}@example.com`);
      await p.getByTestId('new-password').fill('Yimeng#2025');
      await p.getByTestId('confirm-password').fill('Yimeng#2025');
      await p.getByTestId('register-submit').click();

      // 2. It lands on its shell, pending review.
      await p.waitForURL(/\/employer$/);
      const card = p.getByTestId('organisation-card');
      await card.getByTestId('organisation-name').getByText(employerName).waitFor();
      await card.getByTestId('organisation-status').getByText('待审核').waitFor();
      assert.equal(await p.getByTestId('notification-bell').getAttribute('data-unread'), '0');

      // 3. The city organizer finds it in the queue and verifies it.
      const o = organizer.page;
      await login(o, 'organizer@leye.demo');
      await o.waitForURL(/\/organizer\/employers/);
      await o.getByTestId('employer-search').locator('input').fill(employerName);
      await o.getByTestId('employer-search').locator('input').press('Enter');
      const row = o.locator('.ant-table-row', { hasText: employerName });
      await waitForCount(o.locator('.ant-table-row'), 1);
      await row.waitFor();
      await o.getByTestId('employer-search').locator('input').fill('');
      await o.getByTestId('employer-search').locator('input').press('Enter');
      await row.waitFor();
      await screenshot(o, 'organizer-queue.png');

      await row.getByRole('button').click();
      const drawer = o.getByTestId('employer-drawer');
      await drawer.getByTestId('employer-credit-code').getByText(creditCode).waitFor();
      await screenshot(o, 'organizer-review.png');
      await drawer.getByTestId('verify-employer').click();
      await o.getByTestId('verify-confirm').click();
      await drawer.getByTestId('employer-status').getByText('已认证').waitFor();

      // 4. Without reloading, the employer's page turns verified and the bell rings.
      await card.getByTestId('organisation-status').getByText('已认证').waitFor({ timeout: 15_000 });
      await p.locator('.ant-notification-notice', { hasText: '单位认证已通过' }).waitFor();
      await p.locator('[data-testid="notification-bell"][data-unread="1"]').waitFor();
      await p.getByTestId('notification-bell').click();
      const item = p.getByTestId('notification-list').getByTestId('notification-item').first();
      await item.getByText('单位认证已通过').waitFor();
      assert.equal(await item.getAttribute('data-kind'), 'EMPLOYER_VERIFIED');
      await screenshot(p, 'employer-verified.png');

      // 5. Marking everything read clears the badge, and it stays cleared after a reload.
      await p.getByTestId('mark-all-read').click();
      await p.locator('[data-testid="notification-bell"][data-unread="0"]').waitFor();
      await p.reload();
      await card.getByTestId('organisation-status').getByText('已认证').waitFor();
      await p.locator('[data-testid="notification-bell"][data-unread="0"]').waitFor();
    } finally {
      await employer.context.close();
      await organizer.context.close();
    }
  });

  test('the organizer queue works on a phone', async () => {
    const { context, page } = await newPage(PHONE);
    try {
      await login(page, 'organizer@leye.demo');
      await page.waitForURL(/\/organizer\/employers/);
      await page.getByRole('heading', { name: '用人单位认证审核' }).waitFor();
      await page.locator('.ant-table-row').first().waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `the queue scrolls sideways on a phone by ${overflow}px`);
      await screenshot(page, 'organizer-queue-mobile.png');
    } finally {
      await context.close();
    }
  });

  test('the English switch persists across reloads, and signing out ends the session', async () => {
    const { context, page } = await newPage(DESKTOP);
    try {
      await login(page, 'employer@leye.demo');
      await page.waitForURL(/\/employer$/);
      await page.getByTestId('organisation-status').getByText('已认证').waitFor();
      await page.getByTestId('language-switch').click();
      await page.getByRole('menuitem', { name: 'English' }).click();
      await page.getByTestId('organisation-status').getByText('Verified').waitFor();
      await page.reload();
      await page.getByTestId('organisation-status').getByText('Verified').waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
      await screenshot(page, 'employer-home-en.png');

      await page.getByTestId('user-menu').click();
      await page.getByRole('menuitem', { name: 'Sign out' }).click();
      await page.waitForURL(/\/login/);
      assert.equal(await page.evaluate(() => localStorage.getItem('leye.refreshToken')), null);
      await page.goto(`${fixture.baseUrl}/employer`);
      await page.waitForURL(/\/login\?next=%2Femployer/);
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    } finally {
      await context.close();
    }
  });
});
