// Browser tests against the built app served by the real API on a fresh database.
// Run with `npm run test:browser` (root) or, after building api and web, `npm run test:browser -w @leye/web`.
import assert from 'node:assert/strict';
import { randomBytes, randomInt } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { CREDIT_CODE_ALPHABET, CREDIT_CODE_MESSAGES, creditCodeCheckCharacter } from '@leye/domain';
import { createFixture, DESKTOP, PHONE, startApp, stopApp } from './support/app-fixture.mjs';
import { login as signIn, newPage as openPage, screenshot, waitForCount } from './support/browser.mjs';

const fixture = createFixture();
const newPage = (viewport) => openPage(fixture, viewport);
const login = (page, who, password) => signIn(fixture, page, who, password);

/** A syntactically valid unified social credit code registered in 兰山区 (371302). */
function randomCreditCode() {
  let body = '91371302';
  for (let i = 0; i < 9; i++) body += CREDIT_CODE_ALPHABET[randomInt(CREDIT_CODE_ALPHABET.length)];
  return body + creditCodeCheckCharacter(body);
}

function randomMobile() {
  return `13${randomInt(0, 10)}${String(randomInt(0, 1e8)).padStart(8, '0')}`;
}

async function chooseRegion(page, selectTestId, name) {
  await page.getByTestId(selectTestId).click();
  await page.keyboard.type(name);
  await page.locator('.ant-select-item-option', { hasText: name }).first().click();
}

before(() => startApp(fixture));
after(() => stopApp(fixture));

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
      await o.waitForURL(/\/organizer\/quotas/); // an organizer lands on the quota dashboard
      await o.goto(`${fixture.baseUrl}/organizer/employers`);
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
      // The badge clears at once; the reload waits for the mutation's answer (under load it can come after the click).
      const marked = p.waitForResponse((r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('markAllNotificationsRead'));
      await p.getByTestId('mark-all-read').click();
      await p.locator('[data-testid="notification-bell"][data-unread="0"]').waitFor();
      await marked;
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
      await page.waitForURL(/\/organizer\/quotas/); // an organizer lands on the quota dashboard
      await page.goto(`${fixture.baseUrl}/organizer/employers`);
      await page.getByRole('heading', { name: '用人单位认证审核' }).waitFor();
      await page.locator('.ant-table-row').first().waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `the queue scrolls sideways on a phone by ${overflow}px`);
      await screenshot(page, 'organizer-queue-mobile.png');
    } finally {
      await context.close();
    }
  });

  test("a job seeker's phone downloads only the seeker's pages and Chinese strings", async () => {
    const { context, page } = await newPage(PHONE);
    const scripts = [];
    page.on('request', (r) => r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname));
    try {
      await login(page, 'seeker@leye.demo');
      await page.waitForURL(/\/seeker$/);
      await page.getByTestId('browse-events-card').waitFor();
      await page.getByTestId('welcome-title').waitFor();
      const names = scripts.map((s) => s.split('/').pop());
      assert.ok(names.some((n) => n.startsWith('PortalHome-')), names.join(' '));
      assert.ok(names.some((n) => n.startsWith('home.zh-CN-')), names.join(' '));
      const organizerOnly = /^(EmployerVerificationQueue|EventCalendarPage|EventDetailPage|SeriesWizardPage|HolidayAdminPage|CreateStaffAccountPage)-|^(events|series|holidays|staff)\.|\.en-/;
      assert.deepEqual(names.filter((n) => organizerOnly.test(n)), []);
    } finally {
      await context.close();
    }
  });

  test('the header switch and the profile page share one language, and saving the profile keeps it', async () => {
    const { context, page } = await newPage(DESKTOP);
    try {
      await login(page, 'mentor@leye.demo');
      await page.waitForURL(/\/mentor$/);
      await page.goto(`${fixture.baseUrl}/mentor/profile`);
      const details = page.getByTestId('profile-details');
      await details.getByText('简体中文').waitFor();

      // Switch in the header: the profile form shows the new choice at once.
      await page.getByTestId('language-switch').click();
      await page.getByRole('menuitem', { name: 'English' }).click();
      await page.getByRole('heading', { name: 'Profile' }).first().waitFor();
      await page.getByTestId('profile-locale').getByText('English').waitFor();
      // The account's preference followed (the API renders notifications in it).
      await details.getByText('English').waitFor();

      // Saving the profile does not switch the interface back.
      await page.getByLabel('Display name').fill('导师 Mentor');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText('Profile updated').waitFor();
      await details.getByText('导师 Mentor').waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
      await page.getByRole('heading', { name: 'Profile' }).first().waitFor();
      assert.equal(await page.getByTestId('language-switch').textContent(), 'English');

      // And the profile's own field switches the header too.
      await page.getByTestId('profile-locale').click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '简体中文' }).click();
      await page.getByRole('heading', { name: '个人资料' }).first().waitFor();
      assert.equal(await page.getByTestId('language-switch').textContent(), '简体中文');
      await details.getByText('简体中文').waitFor();
      await page.reload();
      await page.getByRole('heading', { name: '个人资料' }).first().waitFor();
      await details.getByText('简体中文').waitFor();
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
