// Browser test of applications (投递): the demo seeker applies to an approved demo posting with their profile
// as the résumé, the demo employer sees the applicant (contact masked in the list), opens it and invites to an
// interview, and the seeker sees 面试 on "my applications" — on a phone.
// Run after building api and web: `cd apps/web && node --test e2e/applications.test.mjs`.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createFixture, DESKTOP, PHONE, startApp, stopApp } from './support/app-fixture.mjs';
import { login as signIn, newPage as openPage, screenshot, sidewaysOverflow } from './support/browser.mjs';

const fixture = createFixture();
const newPage = (viewport) => openPage(fixture, viewport);
const login = (page, who, password) => signIn(fixture, page, who, password);
const POSTING = '数控车工';

before(() => startApp(fixture));
after(() => stopApp(fixture));

describe('applications', { timeout: 240_000 }, () => {
  test('a seeker applies, the employer invites to an interview, the seeker sees 面试', async () => {
    const seeker = await newPage(PHONE);
    const employer = await newPage(DESKTOP);
    try {
      // 1. The demo seeker applies from the home page's job list, with the profile as résumé and a note.
      const s = seeker.page;
      await login(s, 'seeker@leye.demo');
      await s.waitForURL(/\/seeker/);
      const row = s.locator(`[data-testid="open-posting"][data-title="${POSTING}"]`);
      await row.getByTestId('apply-button').click();
      const dialog = s.getByTestId('apply-dialog');
      await dialog.getByTestId('apply-resume').getByText('中专/职高/技校').waitFor();
      await dialog.getByTestId('apply-note').fill('下周一至周五都可以面试。');
      await screenshot(s, 'applications-apply-dialog.png');
      await s.getByTestId('apply-submit').click();
      await row.getByTestId('applied-tag').getByText('已投递', { exact: true }).waitFor();
      assert.equal(await sidewaysOverflow(s), 0, 'the seeker home fits a phone');
      await screenshot(s, 'applications-seeker-home.png', { fullPage: true });

      // The public job list (postings feature) knows too: its card shows the application instead of the button.
      await s.goto(`${fixture.baseUrl}/events/jobs`);
      await s.locator(`[data-testid="public-posting"][data-title="${POSTING}"]`).getByTestId('applied-tag').waitFor();
      assert.equal(await s.locator(`[data-testid="public-posting"][data-title="${POSTING}"]`).getByTestId('apply-button').count(), 0);
      await screenshot(s, 'applications-public-jobs.png');

      // 2. The demo employer sees the applicant under the posting, contact masked, and opens it.
      const e = employer.page;
      await login(e, 'employer@leye.demo');
      await e.waitForURL(/\/employer/);
      await e.goto(`${fixture.baseUrl}/employer/applicants`);
      await e.locator(`[data-testid="applicant-posting"][data-title="${POSTING}"]`).click();
      const applicant = e.locator('[data-testid="applicant-row"][data-name="赵求职"]');
      await applicant.waitFor();
      assert.match(await applicant.getByTestId('masked-phone').innerText(), /\*\*\*/, 'contact is masked in the list');
      await screenshot(e, 'applications-employer-list.png');
      await applicant.getByTestId('open-applicant').click();
      const drawer = e.getByTestId('applicant-drawer');
      await drawer.getByTestId('drawer-status').getByText('已查看').waitFor();
      await drawer.getByText('下周一至周五都可以面试。').waitFor();
      await drawer.getByTestId('applicant-resume').getByText('seeker@leye.demo').waitFor();
      await screenshot(e, 'applications-employer-drawer.png');

      // 3. It invites the applicant to an interview.
      await drawer.getByTestId('drawer-move-INTERVIEW').click();
      await drawer.getByTestId('drawer-status').getByText('面试').waitFor();
      await e.keyboard.press('Escape');
      await applicant.getByTestId('application-status').getByText('面试').waitFor();

      // 4. The seeker sees 面试 on "my applications".
      await s.goto(`${fixture.baseUrl}/seeker/applications`);
      const mine = s.locator(`[data-testid="my-application"][data-title="${POSTING}"]`);
      await mine.getByTestId('application-status').getByText('面试').waitFor();
      assert.equal(await mine.getAttribute('data-status'), 'INTERVIEW');
      assert.equal(await sidewaysOverflow(s), 0, 'my applications fit a phone');
      await screenshot(s, 'applications-seeker-mine.png', { fullPage: true });

      // The résumé the applications were sent with lives on the profile page.
      await s.goto(`${fixture.baseUrl}/seeker/profile`);
      await s.getByTestId('resume-card').getByText('中专/职高/技校').waitFor();
      assert.equal(await sidewaysOverflow(s), 0, 'the profile fits a phone');
      await screenshot(s, 'applications-resume.png', { fullPage: true });
    } finally {
      await seeker.context.close();
      await employer.context.close();
    }
  });
});
