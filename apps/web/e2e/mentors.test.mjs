// Browser test of the mentor pool (issue 11) on a phone-sized window: the demo mentor logs a coaching session
// with the one short form, the demo seeker (the project's founder) confirms it, and the organizer's
// statistics change (confirmed sessions +1). Also the organizer's library and projects with suggestions.
// Run after building api and web: `cd apps/web && node --test e2e/mentors.test.mjs`.
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { after, before, describe, test } from 'node:test';
import { createFixture, DESKTOP, PHONE, startApp, stopApp } from './support/app-fixture.mjs';
import { login as signIn, newPage as openPage, screenshot, sidewaysOverflow } from './support/browser.mjs';

const fixture = createFixture();
const newPage = (viewport) => openPage(fixture, viewport);
const login = (page, who, password) => signIn(fixture, page, who, password);
const PROJECT = '沂蒙山小米直播助农（示例）';

before(() => startApp(fixture));
after(() => stopApp(fixture));

async function confirmedCount(page) {
  const stat = page.getByTestId('stat-confirmed');
  await stat.waitFor();
  return Number(await stat.getAttribute('data-value'));
}

describe('mentors', { timeout: 300_000 }, () => {
  test('a mentor logs a session on a phone, the founder confirms it, the organizer sees the statistics change', async () => {
    const organizer = await newPage(DESKTOP);
    const mentor = await newPage(PHONE);
    const founder = await newPage(PHONE);
    try {
      // 0. The organizer's library: pool against the ≥100 target, sessions per month, confirmed sessions.
      const o = organizer.page;
      await login(o, 'organizer@leye.demo');
      await o.waitForURL(/\/organizer/);
      await o.goto(`${fixture.baseUrl}/organizer/mentors`);
      const before = await confirmedCount(o);
      assert.ok(Number(await o.getByTestId('stat-pool').getAttribute('data-value')) >= 30, 'the demo pool is counted');
      await o.getByText('刘导师').first().waitFor();
      await screenshot(o, 'mentors-library.png', { fullPage: true });

      // 1. The mentor opens "my mentoring" on a phone and logs a session for the project in one short form.
      const m = mentor.page;
      await login(m, 'mentor@leye.demo');
      await m.waitForURL(/\/mentor/);
      await m.goto(`${fixture.baseUrl}/mentor/coaching`);
      const row = m.locator(`[data-testid="my-project"][data-name="${PROJECT}"]`);
      await row.waitFor();
      assert.equal(await sidewaysOverflow(m), 0, 'the mentor desk fits a phone');
      await screenshot(m, 'mentors-desk-phone.png', { fullPage: true });
      const started = Date.now();
      await row.getByTestId('log-for-project').click();
      const form = m.getByTestId('log-session-modal');
      await form.getByTestId('log-duration').getByText('90 分钟').click();
      await form.getByTestId('log-mode').getByText('线上').click();
      await form.getByTestId('log-topics').click();
      await m.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '定价' }).click();
      await m.keyboard.press('Escape');
      const advice = `先在直播间做小份装试销，记录每单成本（浏览器测试 ${Date.now() % 100000}）`;
      await form.getByTestId('log-advice').fill(advice);
      await form.getByTestId('log-action').fill('整理一周销量表');
      await screenshot(m, 'mentors-log-form-phone.png');
      await form.getByTestId('log-submit').click();
      await m.getByText('已记录，等待创业者确认').waitFor();
      assert.ok(Date.now() - started < 60_000, 'logging a session takes well under a minute');
      const logged = m.locator('[data-testid="session-card"]', { hasText: advice });
      await logged.waitFor();
      assert.equal(await logged.getAttribute('data-confirmed'), 'no');
      await m.getByTestId('open-action').filter({ hasText: '整理一周销量表' }).waitFor();
      await screenshot(m, 'mentors-logged-phone.png', { fullPage: true });

      // The organizer's figure has not moved: unconfirmed sessions do not count.
      await o.reload();
      assert.equal(await confirmedCount(o), before);

      // 2. The founder (the demo seeker) confirms it on a phone.
      const f = founder.page;
      await login(f, 'seeker@leye.demo');
      await f.waitForURL(/\/seeker/);
      await f.goto(`${fixture.baseUrl}/seeker/coaching`);
      const card = f.locator('[data-testid="session-card"]', { hasText: advice });
      await card.waitFor();
      assert.equal(await sidewaysOverflow(f), 0, 'the founder page fits a phone');
      await screenshot(f, 'mentors-founder-phone.png', { fullPage: true });
      await card.getByTestId('confirm-session').click();
      await f.locator('[data-testid="session-card"][data-confirmed="yes"]', { hasText: advice }).waitFor();
      await screenshot(f, 'mentors-founder-confirmed-phone.png', { fullPage: true });

      // 3. The organizer's statistics change.
      await o.reload();
      assert.equal(await confirmedCount(o), before + 1);
      await screenshot(o, 'mentors-library-after.png');

      // 4. Projects: suggestions with reasons for a project nobody follows.
      await o.goto(`${fixture.baseUrl}/organizer/mentor-projects`);
      await o.locator('[data-testid="project-row"][data-name="郯城银杏文创（示例）"]').click();
      const drawer = o.getByTestId('project-drawer');
      await drawer.getByTestId('suggestion').first().waitFor();
      assert.match(await drawer.getByTestId('suggestion').first().innerText(), /专长对口/);
      await screenshot(o, 'mentors-suggestions.png');

      // 5. Excel import: a file with a bad row is checked first, the row report names row 3, nothing is imported.
      await o.goto(`${fixture.baseUrl}/organizer/mentors`);
      const poolBefore = Number(await o.getByTestId('stat-pool').getAttribute('data-value'));
      const wb = new ExcelJS.Workbook();
      const sheet = wb.addWorksheet('导师库');
      sheet.addRow(['姓名*', '手机号*', '专长领域*', '所属区县*', '认定日期', '证书编号']);
      sheet.addRow(['浏览器导师', '13705391234', '电子商务', '兰山区', '2025-01-02', 'WEB-IMPORT-001']);
      sheet.addRow(['', '12345', '不存在的专长', '火星区', '', '']);
      await o.getByTestId('open-import').click();
      await o.locator('input[type=file]').setInputFiles({ name: 'mentors.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(await wb.xlsx.writeBuffer()) });
      const importReport = o.getByTestId('import-report');
      await importReport.getByText('整个文件未导入').waitFor();
      assert.match(await importReport.locator('tbody').innerText(), /3\s+缺少姓名/);
      assert.equal(await o.getByTestId('import-confirm').count(), 0, 'a failing file cannot be imported');
      await screenshot(o, 'mentors-import-report.png');
      await o.keyboard.press('Escape');
      await o.reload();
      assert.equal(Number(await o.getByTestId('stat-pool').getAttribute('data-value')), poolBefore);
    } finally {
      await organizer.context.close();
      await mentor.context.close();
      await founder.context.close();
    }
  });
});
