// "My data" on the seeker's profile: download (Excel), and deleting the account with the warning, the password
// and the confirmation box; afterwards the account cannot sign in. Desktop and phone screenshots.
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { createFixture, DESKTOP, PHONE, startApp, stopApp } from './support/app-fixture.mjs';
import { login as signIn, newPage as openPage, screenshot, sidewaysOverflow } from './support/browser.mjs';

const fixture = createFixture();
const newPage = (viewport) => openPage(fixture, viewport);
const PASSWORD = 'Mydata#2026pw';

async function newSeeker() {
  const phone = `139${String(randomInt(0, 1e8)).padStart(8, '0')}`;
  const res = await fetch(`${fixture.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.9.${randomInt(0, 255)}.${randomInt(1, 255)}` },
    body: JSON.stringify({ query: `mutation($i: RegisterSeekerInput!) { registerSeeker(input: $i) { accessToken } }`, variables: { i: { displayName: '钱数据', phone, password: PASSWORD, regionCode: '371302' } } }),
  });
  const body = await res.json();
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  return phone;
}

/** A new seeker signed in on its profile page, the "my data" section in view. */
async function onMyData(viewport) {
  const phone = await newSeeker();
  const { context, page } = await newPage(viewport);
  await signIn(fixture, page, phone, PASSWORD);
  await page.waitForURL(/\/seeker/);
  await page.goto(`${fixture.baseUrl}/seeker/profile`);
  const card = page.getByTestId('my-data');
  await card.getByText('我的个人信息').waitFor();
  return { phone, context, page, card };
}

before(() => startApp(fixture));
after(() => stopApp(fixture));

describe('my data', { timeout: 240_000 }, () => {
  test('a seeker downloads their data and deletes the account after a clear warning', async () => {
    const { phone, context, page, card } = await onMyData(DESKTOP);
    try {
      const download = page.waitForEvent('download');
      await card.getByRole('button', { name: /下载（Excel）/ }).click();
      assert.match((await download).suggestedFilename(), /^my-data-\d{4}-\d{2}-\d{2}\.xlsx$/);
      await card.scrollIntoViewIfNeeded();
      await screenshot(page, 'my-data-desktop.png');

      await page.getByTestId('delete-account').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText('注销后无法恢复', { exact: true }).waitFor();
      await screenshot(page, 'my-data-delete-desktop.png');
      // Wrong password: said on the field, nothing deleted.
      await dialog.getByLabel('当前密码').fill('not-my-password');
      await dialog.getByRole('checkbox').check();
      await dialog.getByRole('button', { name: '确认注销' }).click();
      await dialog.getByText('当前密码不正确').waitFor();
      await dialog.getByLabel('当前密码').fill(PASSWORD);
      await dialog.getByRole('button', { name: '确认注销' }).click();
      await page.waitForURL(/\/login/);
    } finally {
      await context.close();
    }
    // The account is gone: signing in again fails.
    const { context: again, page: p2 } = await newPage(PHONE);
    try {
      await signIn(fixture, p2, phone, PASSWORD);
      await p2.getByText(/手机号或密码不正确|账号或密码|不正确/).first().waitFor();
      assert.match(p2.url(), /\/login/);
    } finally {
      await again.close();
    }
  });

  test('the section and its warning fit a phone', async () => {
    const { context, page, card } = await onMyData(PHONE);
    try {
      await card.scrollIntoViewIfNeeded();
      await screenshot(page, 'my-data-phone.png');
      await page.getByTestId('delete-account').click();
      await page.getByRole('dialog').getByText('注销后无法恢复', { exact: true }).waitFor();
      await screenshot(page, 'my-data-delete-phone.png');
      assert.ok((await sidewaysOverflow(page)) <= 0);
    } finally {
      await context.close();
    }
  });
});
