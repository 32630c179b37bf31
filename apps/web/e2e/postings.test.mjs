// Browser test of job postings: an employer posts with a discriminatory phrase, the organizer sees it flagged,
// rejects it, the employer edits it, the organizer approves it, and it appears on the public job list.
// Run after building api and web: `cd apps/web && node --test e2e/postings.test.mjs`.
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { createFixture, DESKTOP, PHONE, startApp, stopApp } from './support/app-fixture.mjs';
import { chooseOption, login as signIn, newPage as openPage, screenshot, sidewaysOverflow } from './support/browser.mjs';

const fixture = createFixture();
const newPage = (viewport) => openPage(fixture, viewport);
const login = (page, who, password) => signIn(fixture, page, who, password);

before(() => startApp(fixture));
after(() => stopApp(fixture));

describe('job postings', { timeout: 240_000 }, () => {
  test('a flagged posting is rejected, corrected, approved, and then public', async () => {
    const title = `仓储主管${randomInt(1000, 9999)}`;
    const employer = await newPage(DESKTOP);
    const organizer = await newPage(DESKTOP);
    try {
      // 1. The (verified) demo employer writes a posting with "限男" and an age cap.
      const e = employer.page;
      await login(e, 'employer@leye.demo');
      await e.waitForURL(/\/employer/);
      await e.goto(`${fixture.baseUrl}/employer/postings`);
      await e.getByTestId('posting-create').click();
      await e.getByTestId('posting-title').fill(title);
      await chooseOption(e, 'posting-occupation', '仓储');
      await e.getByTestId('posting-salary-min').fill('5000');
      await e.getByTestId('posting-salary-max').fill('4000');
      await e.getByTestId('posting-description-input').fill('负责仓库管理。限男，35岁以下。');
      await e.getByTestId('posting-submit').click();
      // The form refuses min > max before anything is sent.
      await e.getByText('下限不能高于上限').waitFor();
      await e.getByTestId('posting-salary-max').fill('7000');
      await e.getByTestId('posting-submit').click();
      const myRow = e.locator('[data-testid="my-posting-row"]', { hasText: title });
      await myRow.getByTestId('posting-status').getByText('待审核').waitFor();
      await myRow.getByTestId('posting-flag-count').waitFor();
      await screenshot(e, 'postings-employer-mine.png');

      // 2. The city organizer finds it flagged in the review queue, phrases highlighted.
      const o = organizer.page;
      await login(o, 'organizer@leye.demo');
      await o.waitForURL(/\/organizer/);
      await o.goto(`${fixture.baseUrl}/organizer/postings/review`);
      const row = o.locator('[data-testid="review-row"]', { hasText: title });
      await row.waitFor();
      assert.ok(Number(await row.getAttribute('data-flags')) >= 2, 'the queue shows the posting flagged');
      await row.click();
      const drawer = o.getByTestId('review-drawer');
      await drawer.locator('[data-testid="posting-flag"][data-category="GENDER"]').getByText('限男').first().waitFor();
      await drawer.locator('[data-testid="posting-flag"][data-category="AGE"]').getByText('35岁以下').first().waitFor();
      await drawer.getByTestId('flag-mark').first().waitFor();
      await screenshot(o, 'postings-review-flagged.png');

      // 3. It rejects it with a reason.
      await o.getByTestId('posting-reject').click();
      await o.getByTestId('posting-reject-reason').fill('岗位描述含性别、年龄限制，请删除后重新提交');
      await o.getByTestId('posting-reject-confirm').click();
      await drawer.waitFor({ state: 'hidden' });

      // 4. The employer sees the reason, edits the posting, and it goes back to review.
      await e.reload();
      await myRow.getByTestId('posting-rejection-reason').getByText('性别、年龄限制', { exact: false }).waitFor();
      await myRow.getByTestId('posting-edit').click();
      await e.getByTestId('posting-description-input').fill('负责仓库管理，男女不限，有叉车证优先。');
      await e.getByTestId('posting-submit').click();
      await myRow.getByTestId('posting-status').getByText('待审核').waitFor();

      // 5. The organizer approves the corrected version.
      await o.goto(`${fixture.baseUrl}/organizer/postings/review`);
      await row.click();
      await o.getByTestId('posting-approve').click();
      await o.getByTestId('review-drawer').waitFor({ state: 'hidden' });
      await e.reload();
      await myRow.getByTestId('posting-status').getByText('已发布').waitFor();
    } finally {
      await employer.context.close();
      await organizer.context.close();
    }

    // 6. Anyone sees it on the public job list (the /jobs address), on a phone, contact masked.
    const phone = await newPage(PHONE);
    try {
      const p = phone.page;
      await p.goto(`${fixture.baseUrl}/jobs?q=${encodeURIComponent(title)}`);
      await p.waitForURL(/\/events\/jobs/);
      const card = p.locator('[data-testid="public-posting"]', { hasText: title });
      await card.waitFor();
      assert.ok((await sidewaysOverflow(p)) <= 0, 'the job list scrolls sideways on a phone');
      await screenshot(p, 'postings-public-mobile.png');
      await card.click();
      await p.getByTestId('public-job').waitFor();
      await p.getByText('138****0001').waitFor();
      assert.ok((await sidewaysOverflow(p)) <= 0, 'the job page scrolls sideways on a phone');
      await screenshot(p, 'postings-public-detail-mobile.png', { fullPage: true });
      // The unfiltered list also shows the demo postings, urgent-shortage ones marked.
      await p.goto(`${fixture.baseUrl}/events/jobs?urgent=1`);
      await p.getByTestId('urgent-tag').first().waitFor();
      await screenshot(p, 'postings-public-urgent-mobile.png');
      // The English switch words the list too.
      await p.evaluate(() => localStorage.setItem('leye.language', 'en'));
      await p.reload();
      await p.getByRole('heading', { name: 'Open positions' }).waitFor();
      await p.getByTestId('urgent-tag').getByText('Urgent shortage').first().waitFor();
      assert.ok((await sidewaysOverflow(p)) <= 0, 'the English job list scrolls sideways on a phone');
      await screenshot(p, 'postings-public-urgent-mobile-en.png');
    } finally {
      await phone.context.close();
    }
  });

  test('organizer pages: lists, spot-check with a rate, exports', async () => {
    const { context, page: o } = await newPage(DESKTOP);
    try {
      await login(o, 'organizer@leye.demo');
      await o.waitForURL(/\/organizer/);
      await o.goto(`${fixture.baseUrl}/organizer/postings/lists`);
      await o.getByTestId('phrase-input').fill('包吃住勿扰');
      await o.getByTestId('phrase-add').click();
      await o.getByText('包吃住勿扰').waitFor();
      await screenshot(o, 'postings-lists.png');
      // The second list works the same way: add an urgent-shortage occupation, then remove it.
      await o.getByRole('tab', { name: '急需紧缺职业(工种)目录' }).click();
      await chooseOption(o, 'urgent-occupation', '其他从业人员');
      await o.getByTestId('urgent-add').click();
      const urgentRow = o.getByRole('row', { name: /8\.99/ });
      await urgentRow.waitFor();
      await urgentRow.getByRole('button', { name: '删除' }).click();
      await o.locator('.ant-popconfirm-buttons .ant-btn-primary').click();
      await urgentRow.waitFor({ state: 'detached' });

      await o.goto(`${fixture.baseUrl}/organizer/postings/spot-checks`);
      await o.getByTestId('spot-size').fill('2');
      await o.getByTestId('spot-draw').click();
      const items = o.getByTestId('spot-item');
      await items.first().waitFor();
      await items.nth(0).getByTestId('spot-valid').click();
      await o.locator('[data-testid="spot-item"][data-result="VALID"]').waitFor();
      await items.nth(1).getByTestId('spot-note').fill('电话空号');
      await items.nth(1).getByTestId('spot-invalid').click();
      await o.locator('[data-testid="spot-item"][data-result="INVALID"]').waitFor();
      await o.getByTestId('rate-value').getByText('50.0%').waitFor();
      await screenshot(o, 'postings-spot-checks.png', { fullPage: true });

      await o.goto(`${fixture.baseUrl}/organizer/postings/review`);
      const download = o.waitForEvent('download');
      await o.getByTestId('export-xlsx').click();
      assert.match((await download).suggestedFilename(), /^postings-\d{4}-\d{2}-\d{2}\.xlsx$/);
    } finally {
      await context.close();
    }
  });
});
