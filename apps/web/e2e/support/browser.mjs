// Page helpers shared by the browser tests.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { DEMO_PASSWORD, SCREENSHOTS } from './app-fixture.mjs';

/** A fresh browser context (no shared session); `timezoneId` overrides the machine's zone. */
export async function newPage(fixture, viewport, { timezoneId } = {}) {
  const context = await fixture.browser.newContext({ viewport, locale: 'zh-CN', ...(timezoneId ? { timezoneId } : {}) });
  const page = await context.newPage();
  return { context, page };
}

export async function login(fixture, page, login, password = DEMO_PASSWORD) {
  await page.goto(`${fixture.baseUrl}/login`);
  await page.getByLabel('手机号或邮箱').fill(login);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByTestId('login-submit').click();
}

/** Opens an antd Select by its test id, types to filter, and picks the first option containing `text`. */
export async function chooseOption(page, selectTestId, text, { type = true } = {}) {
  await page.getByTestId(selectTestId).click();
  if (type) await page.keyboard.type(text);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click();
}

/**
 * Types a range into an antd RangePicker (`picker` locates its wrapper), confirming each field with Enter,
 * then waits until both fields show the values and the pop-up has closed — on a loaded machine the second
 * field can take the keystrokes before the picker has moved to it, so a field that did not take is typed again.
 */
export async function fillRange(page, picker, start, end) {
  const inputs = [picker.locator('input').first(), picker.locator('input').nth(1)];
  const values = [start, end];
  for (let attempt = 0; attempt < 3; attempt += 1) {
    for (const [i, input] of inputs.entries()) {
      if ((await input.inputValue()) === values[i] && attempt > 0) continue;
      await input.click();
      await input.fill(values[i]);
      await input.press('Enter');
    }
    await page.locator('.ant-picker-dropdown:visible').waitFor({ state: 'hidden', timeout: 3_000 }).catch(() => page.keyboard.press('Escape'));
    if ((await inputs[0].inputValue()) === start && (await inputs[1].inputValue()) === end) return;
  }
  assert.deepEqual([await inputs[0].inputValue(), await inputs[1].inputValue()], values, 'the range picker did not take the typed range');
}

/** Waits until `locator` matches exactly `count` elements (tables re-render after their query lands). */
export async function waitForCount(locator, count, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  let seen = -1;
  while (Date.now() < deadline) {
    seen = await locator.count();
    if (seen === count) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.equal(seen, count, `expected ${count} matches of ${locator}`);
}

/** How far the page scrolls sideways (0 when it fits the viewport). */
export async function sidewaysOverflow(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

export async function screenshot(page, file, { fullPage = false } = {}) {
  // Let entrance animations settle, and leave out the transient toasts.
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(SCREENSHOTS, file), fullPage, style: '.ant-message { display: none !important; }' });
}
