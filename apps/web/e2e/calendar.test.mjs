// Event calendar in the browser: an organizer plans a year of job fairs with the series wizard, cancels
// one date, and the public sees the series and the cancellation on their phone.
// Run with `npm run test:browser` (root) or, after building api and web, `npm run test:browser -w @leye/web`.
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { createFixture, graphqlData, DEMO_PASSWORD, DESKTOP, PHONE, startApp, stopApp } from './support/app-fixture.mjs';
import { chooseOption, fillRange, login, newPage, screenshot, sidewaysOverflow } from './support/browser.mjs';

const fixture = createFixture();
const YEAR = 2027;
const SERIES_TITLE = `沂蒙春风专场招聘会${randomInt(1000, 9999)}`;
const CANCEL_REASON = '场馆设备检修，本场暂停，请关注下一场';
const VENUE = '临沂市人力资源市场（示例）';


const graphql = (query, variables = {}, token = null) => graphqlData(fixture, query, variables, token);

/** Other programmes in March, created through the API, so the month view shows every type's colour. */
async function seedOtherProgrammes() {
  const { login } = await graphql('mutation($i:LoginInput!){login(input:$i){accessToken}}', { i: { login: 'organizer@leye.demo', password: DEMO_PASSWORD } });
  const token = login.accessToken;
  const { venues } = await graphql('{venues{id name}}', {}, token);
  const venue = (prefix) => venues.find((v) => v.name.startsWith(prefix)).id;
  const at = (date, start, end) => ({ startsAt: `${date}T${start}:00+08:00`, endsAt: `${date}T${end}:00+08:00` });
  const events = [
    { title: '“乐业临沂”直播带岗·春季专场', type: 'LIVESTREAM', subtype: 'JOB_PROMOTION', regionCode: '371300', isOnline: true, capacity: 5000, ...at(`${YEAR}-03-04`, '19:00', '21:00') },
    { title: '社区夜校·电商直播技能', type: 'TRAINING', subtype: 'NIGHT_SCHOOL', regionCode: '371325', venueId: venue('费县人才市场'), capacity: 80, ...at(`${YEAR}-03-09`, '18:30', '20:30') },
    { title: '社区夜校·家政服务技能', type: 'TRAINING', subtype: 'NIGHT_SCHOOL', regionCode: '371325', venueId: venue('费县人才市场'), capacity: 80, ...at(`${YEAR}-03-16`, '18:30', '20:30') },
    { title: '创业项目路演·第 3 期', type: 'ENTREPRENEURSHIP', subtype: 'ROADSHOW', regionCode: '371312', venueId: venue('临沂创业孵化基地路演厅'), capacity: 200, ...at(`${YEAR}-03-18`, '14:00', '17:00') },
    {
      title: '临沂—名校人才直通车·山东大学站', type: 'CAMPUS_RECRUITING', subtype: 'UNIVERSITY_EXPRESS', regionCode: '371300', isOnline: true, capacity: 600,
      details: { university: '山东大学', universityCity: '济南' }, ...at(`${YEAR}-03-23`, '09:00', '12:00'),
    },
  ];
  for (const input of events) {
    await graphql('mutation($i:EventInput!){createEvent(input:$i,publish:true){id}}', { i: input }, token);
  }
}

/** The Shanghai calendar date of an ISO instant. */
const shanghaiDate = (iso) => new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 10);

before(() => startApp(fixture));
after(() => stopApp(fixture));

describe('event calendar', { timeout: 240_000 }, () => {
  test('an admin pastes a holiday schedule for a year without one, line errors first', async () => {
    const { context, page } = await newPage(fixture, DESKTOP);
    try {
      await login(fixture, page, 'admin@leye.demo');
      await page.waitForURL(/\/admin$/);
      await page.getByRole('menuitem', { name: '节假日维护' }).click();
      const note = page.getByTestId('holiday-source-note');
      await note.waitFor();
      if ((await note.getAttribute('data-built-in')) === 'true') return; // Nothing to paste for a year with a built-in schedule.
      const paste = page.getByTestId('holiday-paste');
      const input = paste.getByTestId('holiday-paste-input');
      await input.fill(`${YEAR}-01-01 HOLIDAY 元旦\n${YEAR}-02-06 班 春节调休\n${YEAR}-13-01 休 错误`);
      await paste.getByTestId('holiday-paste-errors').getByText('第 3 行').waitFor();
      assert.ok(await paste.getByTestId('holiday-paste-save').isDisabled(), 'lines with errors cannot be saved');
      // A sample schedule (test data): Spring Festival and National Day each cover a Wednesday.
      await input.fill(
        [`# ${YEAR} 示例安排`, `${YEAR}-01-01 HOLIDAY 元旦`, `${YEAR}-02-05~${YEAR}-02-11 休 春节`, `${YEAR}-02-20 班 春节调休`, `${YEAR}-10-01~${YEAR}-10-07 休 国庆节`].join('\n'),
      );
      await paste.getByTestId('holiday-paste-save').getByText('保存 16 天').waitFor();
      await paste.getByTestId('holiday-paste-save').click();
      await page.getByTestId('holiday-paste-confirm').click();
      const table = page.getByTestId('holiday-table');
      await table.locator('.ant-table-row', { hasText: '春节调休' }).getByText('管理员').waitFor();
      assert.equal(await table.locator('.ant-table-row').count(), 16);
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, 'admin-holidays.png');
    } finally {
      await context.close();
    }
  });

  test('an organizer plans a year of job fairs with the wizard and cancels one; the public sees it on a phone', async () => {
    // Holidays come built in, or from the admin's paste (the test below); with none known, no date can be adjusted.
    const { holidays } = await graphql('query($y:Int!){holidays(year:$y){hasBuiltInSchedule days{date kind}}}', { y: YEAR });
    const knowsHolidays = holidays.hasBuiltInSchedule || holidays.days.some((d) => d.kind === 'HOLIDAY');
    const planned = { count: 0, cancelledId: '', cancelledDate: '', publishedId: '' };
    const { context, page } = await newPage(fixture, DESKTOP);
    try {
      await login(fixture, page, 'organizer@leye.demo');
      await page.waitForURL(/\/organizer\/quotas/); // an organizer lands on the quota dashboard
      await page.getByRole('menuitem', { name: '批量排期' }).click();
      await page.waitForURL(/\/organizer\/series\/new$/);

      // 1. What: a general job fair in 兰山区 at the demo venue.
      const what = page.getByTestId('series-step-what');
      await what.getByTestId('event-title').fill(SERIES_TITLE);
      await chooseOption(page, 'event-region-select', '兰山区');
      await chooseOption(page, 'event-venue-select', VENUE);
      await chooseOption(page, 'event-cohosts-select', '共青团临沂市委');
      await page.keyboard.press('Escape');
      await page.getByTestId('series-next').click();

      // 2. When: the seasonal cadence for 2027 on Wednesdays; peak seasons come pre-filled.
      const when = page.getByTestId('series-step-when');
      await when.waitFor();
      await chooseOption(page, 'series-year', String(YEAR), { type: false });
      await when.getByTestId('peak-source').waitFor();
      assert.ok((await when.getByTestId('peak-range-row').count()) > 0, 'peak seasons should be pre-filled');
      // The organizer adds the graduation season (June–July) as a third peak range.
      const ranges = when.getByTestId('peak-range-row');
      const before = await ranges.count();
      await when.getByTestId('peak-add').click();
      await fillRange(page, ranges.nth(before), `${YEAR}-06-01`, `${YEAR}-07-31`);
      await when.getByTestId('series-cadence-weekdays').getByText('周三').click();
      const livePreview = when.locator('[data-testid="series-preview"][data-loading="false"]');
      await livePreview.waitFor({ timeout: 20_000 });
      assert.ok(Number(await livePreview.getAttribute('data-count')) > 40, 'the live preview counts the dates');
      await page.getByTestId('series-next').click();

      // 3. Preview: every date of the year, grouped by month, as the API computed it.
      const previewStep = page.getByTestId('series-step-preview');
      const preview = previewStep.locator('[data-testid="series-preview"][data-loading="false"]');
      await preview.waitFor();
      planned.count = Number(await preview.getAttribute('data-count'));
      assert.ok(planned.count > 40, `expected more than 40 dates in ${YEAR}, got ${planned.count}`);
      assert.equal(await previewStep.getByTestId('preview-month').count(), 12);
      const occurrences = previewStep.getByTestId('preview-occurrence');
      assert.ok((await occurrences.count()) >= planned.count);
      await previewStep.getByTestId('cadence-ok').waitFor();
      const adjusted = previewStep.locator('[data-testid="preview-occurrence"]:not([data-adjustment="NONE"])');
      if (knowsHolidays) {
        assert.ok((await adjusted.count()) > 0, `the API knows ${YEAR}'s holidays, so some Wednesdays should be adjusted`);
      }
      await screenshot(page, 'series-wizard.png');
      await page.getByTestId('series-next').click();

      // 4. Confirm, publishing at once; the calendar opens on the first date.
      await page.getByTestId('confirm-count').getByText(`共 ${planned.count} 场`).waitFor();
      await page.getByTestId('series-publish').check();
      await page.getByTestId('series-create').click();
      await page.waitForURL(new RegExp(`/organizer/calendar\\?date=${YEAR}-`));

      // The month view of March (peak season), with the other programmes in their own colours.
      await seedOtherProgrammes();
      await page.goto(`${fixture.baseUrl}/organizer/calendar?date=${YEAR}-03-01`);
      const chips = page.locator('[data-testid="event-chip"]', { hasText: SERIES_TITLE });
      await chips.first().waitFor({ timeout: 20_000 });
      await page.locator('[data-testid="event-chip"][data-type="CAMPUS_RECRUITING"]').waitFor();
      assert.ok((await chips.count()) >= 4, 'March is peak season: at least one fair a week');
      await screenshot(page, 'calendar-month.png');

      // Filtering by type leaves only the job fairs.
      await chooseOption(page, 'filter-types', '专场招聘会', { type: false });
      await page.keyboard.press('Escape');
      await page.waitForURL(/types=JOB_FAIR/);
      await page.locator('[data-testid="event-chip"][data-type="TRAINING"]').first().waitFor({ state: 'detached' });
      assert.equal(await page.locator('[data-testid="event-chip"]:not([data-type="JOB_FAIR"])').count(), 0);

      // The week and list views show the same events.
      await page.getByTestId('calendar-view').getByText('列表').click();
      await page.getByTestId('list-view').locator('.ant-table-row', { hasText: SERIES_TITLE }).first().waitFor();

      // Open one date and cancel it with a reason.
      await page.goto(`${fixture.baseUrl}/organizer/calendar?date=${YEAR}-03-01&types=JOB_FAIR`);
      planned.publishedId = await chips.first().getAttribute('data-event-id');
      await chips.nth(1).click();
      await page.waitForURL(/\/organizer\/events\/[0-9a-f-]{36}$/);
      planned.cancelledId = page.url().split('/').pop();
      await page.getByTestId('event-status').getByText('已发布').waitFor();
      await page.getByTestId('cancel-event').click();
      await page.getByTestId('cancel-reason').fill(CANCEL_REASON);
      await page.getByTestId('cancel-event-confirm').click();
      await page.getByTestId('cancelled-banner').getByText(CANCEL_REASON).waitFor();
      await page.getByTestId('event-status').getByText('已取消').waitFor();
      assert.equal(await page.getByTestId('cancel-event').count(), 0, 'a cancelled event offers no more actions');

      const { event } = await graphql('query($id:ID!){event(id:$id){status cancelReason startsAt}}', { id: planned.cancelledId });
      assert.equal(event.status, 'CANCELLED');
      assert.equal(event.cancelReason, CANCEL_REASON);
      planned.cancelledDate = shanghaiDate(event.startsAt);
    } finally {
      await context.close();
    }

    // A job seeker on a phone, not signed in.
    const seeker = await newPage(fixture, PHONE);
    const page2 = seeker.page;
    try {
      // Job fairs, searched by the series title.
      await page2.goto(`${fixture.baseUrl}/events`);
      await chooseOption(page2, 'public-type-filter', '专场招聘会', { type: false });
      await page2.waitForURL(/type=JOB_FAIR/);
      await page2.getByTestId('public-search').locator('input').fill(SERIES_TITLE);
      await page2.getByTestId('public-search').locator('input').press('Enter');
      await page2.getByTestId('public-count').getByText(`共 ${planned.count} 场活动`).waitFor();
      const cards = page2.getByTestId('public-event-list').getByTestId('event-card');
      await cards.first().getByText(SERIES_TITLE).waitFor();
      assert.equal(await cards.count(), 12, 'one page2 of cards');
      const overflow = await sidewaysOverflow(page2);
      assert.ok(overflow <= 0, `the public list scrolls sideways on a phone by ${overflow}px`);
      await screenshot(page2, 'public-events-mobile.png');

      // The cancelled date is listed as 已取消; its page2 shows the reason.
      const day = planned.cancelledDate;
      await page2.goto(`${fixture.baseUrl}/events?type=JOB_FAIR&from=${day}&to=${day}&q=${encodeURIComponent(SERIES_TITLE)}`);
      const cancelled = page2.locator(`[data-testid="event-card"][data-event-id="${planned.cancelledId}"]`);
      await cancelled.getByText('已取消').waitFor();
      await cancelled.click();
      await page2.waitForURL(new RegExp(`/events/${planned.cancelledId}$`));
      const banner = page2.getByTestId('cancelled-banner');
      await banner.getByText('该活动已取消').waitFor();
      await banner.getByText(CANCEL_REASON).waitFor();
      assert.equal(await page2.getByTestId('public-event').getAttribute('data-status'), 'CANCELLED');
      const feed = await page2.getByTestId('public-feed-url').inputValue();
      assert.ok(feed.endsWith('/calendar/events.ics?region=371302&type=JOB_FAIR'), feed);
      assert.ok((await page2.getByTestId('public-feed-webcal').getAttribute('href')).startsWith('webcal://'));
      const detailOverflow = await sidewaysOverflow(page2);
      assert.ok(detailOverflow <= 0, `the public detail scrolls sideways on a phone by ${detailOverflow}px`);
      await screenshot(page2, 'public-event-detail.png', { fullPage: true });

      // The subscription feed it offers is real, and so is a published date's "add to calendar".
      const ics = await fetch(feed);
      assert.equal(ics.status, 200);
      assert.match(await ics.text(), /BEGIN:VCALENDAR[\s\S]*BEGIN:VEVENT/);
      await page2.goto(`${fixture.baseUrl}/events/${planned.publishedId}`);
      const href = await page2.getByTestId('add-to-calendar').getAttribute('href');
      assert.equal(href, `/calendar/events/${planned.publishedId}.ics`);
      const one = await fetch(`${fixture.baseUrl}${href}`);
      assert.equal(one.status, 200);
      assert.match(await one.text(), new RegExp(`SUMMARY:${SERIES_TITLE}`));
    } finally {
      await seeker.context.close();
    }
  });

  test('a signed-in user creates a private calendar feed on the profile, sees it once, and can replace it', async () => {
    const { context, page } = await newPage(fixture, DESKTOP);
    try {
      await login(fixture, page, 'organizer@leye.demo');
      await page.waitForURL(/\/organizer\/quotas/); // an organizer lands on the quota dashboard
      await page.goto(`${fixture.baseUrl}/organizer/profile`);
      await page.getByTestId('calendar-feed-rotate').click();
      const popconfirm = page.locator('.ant-popconfirm').getByRole('button', { name: '重新生成链接' });
      // A feed issued earlier (another run) asks for confirmation; a first one is created at once.
      if (await popconfirm.isVisible().catch(() => false)) await popconfirm.click();
      const input = page.getByTestId('calendar-feed-url');
      await input.waitFor();
      const before = await input.inputValue();
      assert.match(before, /^https?:\/\/.+\/calendar\/feed\/[^/]+\.ics$/);
      await page.getByTestId('calendar-feed-rotate').click();
      await page.locator('.ant-popconfirm').getByRole('button', { name: '重新生成链接' }).click();
      await page.waitForFunction((old) => document.querySelector('[data-testid="calendar-feed-url"]')?.value !== old, before);
      assert.notEqual(await input.inputValue(), before);
      // Shown once: after a reload only the date it was issued is shown.
      await page.reload();
      await page.getByTestId('calendar-feed-status').waitFor();
      assert.equal(await page.getByTestId('calendar-feed-url').count(), 0);
    } finally {
      await context.close();
    }
  });

});
