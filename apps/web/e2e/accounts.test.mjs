// Account self-service in the browser: forced password change, reset with a code, the admin's user list,
// seeker registration with a county at phone size (toast off the heading), pasted credit codes.
import assert from 'node:assert/strict';
import { randomBytes, randomInt } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { CREDIT_CODE_ALPHABET, creditCodeCheckCharacter } from '@leye/domain';
import { createFixture, DEMO_PASSWORD, DESKTOP, PHONE, startApp, stopApp } from './support/app-fixture.mjs';
import { chooseOption, login as signIn, newPage as openPage, sidewaysOverflow } from './support/browser.mjs';

const fixture = createFixture();
const newPage = (viewport) => openPage(fixture, viewport);
const login = (page, who, password) => signIn(fixture, page, who, password);
const INITIAL = 'Initial#2025pw';
const CHOSEN = 'Chosen#2026pw';
const RESET = 'Reset#2026pw';

async function gql(query, variables = {}, token) {
  const res = await fetch(`${fixture.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

const tokenOf = async (login, password = DEMO_PASSWORD) =>
  (await gql(`mutation($i: LoginInput!) { login(input: $i) { accessToken } }`, { i: { login, password } })).login.accessToken;

function creditCode(division) {
  let body = `91${division}`;
  for (let i = 0; i < 9; i++) body += CREDIT_CODE_ALPHABET[randomInt(CREDIT_CODE_ALPHABET.length)];
  return body + creditCodeCheckCharacter(body);
}

const overlaps = (a, b) => !!a && !!b && a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

before(() => startApp(fixture));
after(() => stopApp(fixture));

describe('accounts', { timeout: 240_000 }, () => {
  test('a seeker registers with a county on a phone, and the welcome toast leaves the heading readable', async () => {
    const { context, page } = await newPage(PHONE);
    try {
      await page.goto(`${fixture.baseUrl}/register/seeker`);
      await page.getByLabel('姓名').fill('孙求职');
      await page.getByLabel('手机号').fill(`139${String(randomInt(0, 1e8)).padStart(8, '0')}`);
      await page.getByTestId('new-password').fill(INITIAL);
      await page.getByTestId('confirm-password').fill(INITIAL);
      await page.getByRole('button', { name: /注\s*册/ }).click();
      await page.getByText('请选择所在区县').first().waitFor();
      await chooseOption(page, 'region-select', '费县');
      await page.getByRole('button', { name: /注\s*册/ }).click();
      await page.waitForURL(/\/seeker/);
      const toast = page.locator('.ant-message-notice').first();
      await toast.waitFor();
      const heading = page.locator('main h1, main h2, main h3, main h4').first();
      await heading.waitFor();
      assert.ok(!overlaps(await toast.boundingBox(), await heading.boundingBox()), 'the welcome toast covers the page heading on a phone');
      assert.ok((await sidewaysOverflow(page)) <= 0);
    } finally {
      await context.close();
    }
  });

  test('a credit code pasted with spaces keeps all 18 characters, and a code from another county is pointed out', async () => {
    const { context, page } = await newPage(PHONE);
    try {
      await page.goto(`${fixture.baseUrl}/register/employer`);
      const code = creditCode('371302');
      const spaced = `${code.slice(0, 4)} ${code.slice(4, 8)} ${code.slice(8, 12)} ${code.slice(12, 16)} ${code.slice(16)}`;
      await page.getByTestId('credit-code-input').focus();
      // insertText behaves like a paste: the browser applies the input's maxlength to it.
      await page.keyboard.insertText(spaced);
      assert.equal(await page.getByTestId('credit-code-input').inputValue(), code);
      await page.locator('.ant-select-content', { hasText: '兰山区' }).waitFor();
      assert.equal(await page.getByTestId('credit-code-region-hint').count(), 0);
      await chooseOption(page, 'region-select', '费县');
      await page.getByTestId('credit-code-region-hint').getByText('不是所选区县').waitFor();
    } finally {
      await context.close();
    }
  });

  test('the verified employer card shows the credit code on one line on a phone, and promises nothing unbuilt', async () => {
    const { context, page } = await newPage(PHONE);
    try {
      await login(page, 'employer@leye.demo');
      const code = page.getByTestId('employer-credit-code');
      await code.waitFor();
      const lines = await code.evaluate((el) => {
        const range = document.createRange();
        range.selectNodeContents(el.querySelector('code') ?? el);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      });
      assert.equal(lines, 1, 'the credit code wraps mid-string');
      const hint = await page.getByTestId('organisation-status-hint').innerText();
      assert.doesNotMatch(hint, /展位|岗位/);
      assert.ok((await sidewaysOverflow(page)) <= 0);
    } finally {
      await context.close();
    }
  });

  test('a staff-created account must change its password first; the admin issues a reset code, lists and deactivates', async () => {
    const organizer = await tokenOf('lanshan.organizer@leye.demo');
    const email = `mentor.${randomBytes(4).toString('hex')}@example.test`;
    const name = `新导师${randomBytes(2).toString('hex')}`;
    await gql(`mutation($i: CreateStaffAccountInput!) { createStaffAccount(input: $i) { id } }`, { i: { role: 'MENTOR', displayName: name, email, password: INITIAL } }, organizer);

    const mentor = await newPage(DESKTOP);
    try {
      await login(mentor.page, email, INITIAL);
      await mentor.page.waitForURL(/\/account\/password/);
      await mentor.page.getByText('请先设置自己的新密码').waitFor();
      await mentor.page.getByTestId('current-password').fill(INITIAL);
      await mentor.page.getByTestId('new-password').fill(CHOSEN);
      await mentor.page.getByTestId('confirm-password').fill(CHOSEN);
      await mentor.page.getByTestId('change-password-submit').click();
      await mentor.page.waitForURL(/\/mentor/);
    } finally {
      await mentor.context.close();
    }

    const admin = await newPage(DESKTOP);
    let code = '';
    try {
      await login(admin.page, 'admin@leye.demo');
      await admin.page.waitForURL(/\/admin/);
      await admin.page.goto(`${fixture.baseUrl}/admin/users`);
      await admin.page.getByTestId('users-search-input').fill(name);
      await admin.page.getByTestId('users-search-submit').click();
      const row = admin.page.locator('[data-testid="users-table"] tbody tr', { hasText: name });
      await row.waitFor();
      assert.match(await row.innerText(), /\*\*\*@example\.test/);
      await row.getByTestId('issue-reset-code').click();
      const confirm = admin.page.getByTestId('issue-code-confirm');
      await confirm.click();
      const shown = admin.page.getByTestId('reset-code-value');
      // The confirm dialog may still be animating in on a slow machine: click again if it is still open.
      await shown.waitFor({ timeout: 10_000 }).catch(async () => {
        if (await confirm.isVisible()) await confirm.click();
        await shown.waitFor();
      });
      code = (await shown.innerText()).trim();
      assert.match(code, /^[2-9A-Z]{5}-[2-9A-Z]{5}$/);
      await admin.page.getByRole('button', { name: /知道了|OK/ }).click();
    } finally {
      await admin.context.close();
    }

    const owner = await newPage(PHONE);
    try {
      await owner.page.goto(`${fixture.baseUrl}/login`);
      await owner.page.getByTestId('forgot-password').click();
      await owner.page.getByTestId('reset-login').fill(email);
      await owner.page.getByTestId('reset-code').fill(code.toLowerCase());
      await owner.page.getByTestId('new-password').fill(RESET);
      await owner.page.getByTestId('confirm-password').fill(RESET);
      await owner.page.getByTestId('reset-submit').click();
      await owner.page.waitForURL(/\/login/);
      await login(owner.page, email, RESET);
      await owner.page.waitForURL(/\/mentor/);
    } finally {
      await owner.context.close();
    }

    const again = await newPage(DESKTOP);
    try {
      await login(again.page, 'admin@leye.demo');
      await again.page.waitForURL(/\/admin/);
      await again.page.goto(`${fixture.baseUrl}/admin/users`);
      await again.page.getByTestId('users-search-input').fill(name);
      await again.page.getByTestId('users-search-submit').click();
      const row = again.page.locator('[data-testid="users-table"] tbody tr', { hasText: name });
      await row.getByTestId('deactivate-user').click();
      await again.page.getByTestId('user-reason').fill('离职停用');
      await again.page.getByTestId('user-reason-confirm').click();
      await row.getByText('已停用').waitFor();
      await row.getByText('离职停用').waitFor();
    } finally {
      await again.context.close();
    }
    const refused = await fetch(`${fixture.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `mutation($i: LoginInput!) { login(input: $i) { accessToken } }`, variables: { i: { login: email, password: RESET } } }),
    }).then((r) => r.json());
    assert.equal(refused.errors[0].extensions.code, 'UNAUTHENTICATED');
  });
});
