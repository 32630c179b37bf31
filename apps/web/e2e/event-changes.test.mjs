// Issue 7, "Events", in the browser as a 兰山区 organizer: the new-event form starts in the future,
// Enter in the time field does not submit and a past start is confirmed; staff are picked and removed on
// the event page; a reschedule to the same time is refused and a real one moves the registration window;
// a malformed event address is the not-found page; the public page writes every date in one format.
// Run with `cd apps/web && node --test e2e/event-changes.test.mjs` after `npx turbo run build`.
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { createFixture, graphqlData, DEMO_PASSWORD, DESKTOP, startApp, stopApp } from './support/app-fixture.mjs';
import { chooseOption, fillRange, login, newPage } from './support/browser.mjs';

const fixture = createFixture();
const ORGANIZER = 'lanshan.organizer@leye.demo';

const graphql = (query, variables = {}, token = null) => graphqlData(fixture, query, variables, token);

/** The antd range picker carrying `testId` (on its wrapper or on its first input, whichever antd puts it on). */
const rangePicker = (page, testId) =>
  page.locator(`.ant-picker-range[data-testid="${testId}"]`).or(page.locator('.ant-picker-range').filter({ has: page.getByTestId(testId) }));

/** Shanghai wall time of an instant, as the pickers show it. */
const shanghai = (ms) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

before(() => startApp(fixture));
after(() => stopApp(fixture));

describe('event changes an organizer makes', { timeout: 180_000 }, () => {
  test('new event: a future default, Enter in the time field does not submit, a past start is confirmed; staff picked and removed', async () => {
    const { context, page } = await newPage(fixture, DESKTOP);
    try {
      await login(fixture, page, ORGANIZER);
      await page.waitForURL(/\/organizer\//);
      const today = shanghai(Date.now()).slice(0, 10);
      await page.goto(`${fixture.baseUrl}/organizer/events/new?date=${today}`);
      const time = rangePicker(page, 'event-time');
      const start = time.locator('input').first();
      await start.waitFor();
      const defaultStart = await start.inputValue();
      assert.ok(Date.parse(`${defaultStart.replace(' ', 'T')}:00+08:00`) > Date.now(), `the default start ${defaultStart} has passed`);

      const title = `已开始的宣讲${randomInt(1000, 9999)}`;
      await page.getByTestId('event-title').fill(title);
      await page.getByTestId('event-online-switch').getByText('线上').click();
      // An hour ago until an hour from now, typed and confirmed with Enter in each field.
      await start.click();
      await start.fill(shanghai(Date.now() - 3600_000));
      await start.press('Enter');
      const end = time.locator('input').nth(1);
      await end.fill(shanghai(Date.now() + 3600_000));
      await end.press('Enter');
      await page.waitForTimeout(800);
      assert.match(page.url(), /\/organizer\/events\/new/, 'Enter in the time field submitted the form');
      assert.equal(await page.getByTestId('past-start-confirm').count(), 0, 'Enter in the time field started a submission');

      await page.getByTestId('event-submit').click();
      await page.getByTestId('past-start-confirm').click();
      await page.waitForURL(/\/organizer\/events\/[0-9a-f-]{36}$/);
      await page.getByTestId('event-staff').getByText('尚未安排工作人员').waitFor();

      // Staff: the picker offers the people this organizer may assign; add, then remove.
      await chooseOption(page, 'staff-picker', '李组织');
      await page.getByTestId('staff-add').click();
      await page.getByTestId('staff-member').getByText('兰山区人社局 李组织').waitFor();
      await page.getByTestId('staff-remove').click();
      await page.getByTestId('event-staff').getByText('尚未安排工作人员').waitFor();
    } finally {
      await context.close();
    }
  });

  test('reschedule: the same time is refused, a new time moves the registration window; one date format; bad ids are not found', async () => {
    const { login: session } = await graphql('mutation($i:LoginInput!){login(input:$i){accessToken}}', { i: { login: ORGANIZER, password: DEMO_PASSWORD } });
    const day = String(3 + randomInt(0, 3) * 7).padStart(2, '0');
    const next = String(Number(day) + 1).padStart(2, '0');
    const input = {
      title: `改期测试招聘会${randomInt(1000, 9999)}`, type: 'JOB_FAIR', subtype: 'GENERAL', regionCode: '371302', isOnline: true, onlineUrl: 'https://live.example.cn/r', capacity: 300,
      startsAt: `2028-02-${day}T09:00:00+08:00`, endsAt: `2028-02-${day}T12:00:00+08:00`,
      registrationOpensAt: '2028-01-20T08:00:00+08:00', registrationClosesAt: `2028-02-${day}T09:00:00+08:00`,
    };
    const { createEvent } = await graphql('mutation($i:EventInput!){createEvent(input:$i,publish:true){id}}', { i: input }, session.accessToken);
    const { context, page } = await newPage(fixture, DESKTOP);
    try {
      await login(fixture, page, ORGANIZER);
      await page.waitForURL(/\/organizer\//);
      await page.goto(`${fixture.baseUrl}/organizer/events/${createEvent.id}`);
      await page.getByTestId('reschedule-event').click();
      await page.getByTestId('reschedule-window').getByText('2028年1月20日', { exact: false }).waitFor();

      // Unchanged: refused, said so, and the dialog stays open.
      await page.getByTestId('reschedule-confirm').click();
      await page.getByText('新时间与原时间相同，无需改期').waitFor();
      assert.equal(await page.getByText('已改期').count(), 0, 'a reschedule to the same time was reported as done');

      await fillRange(page, rangePicker(page, 'reschedule-time'), `2028-02-${next} 09:00`, `2028-02-${next} 12:00`);
      await page.getByTestId('reschedule-window').getByText('2028年1月21日', { exact: false }).waitFor();
      await page.getByTestId('reschedule-confirm').click();
      await page.getByText('已改期').first().waitFor();
      const registration = page.getByTestId('event-registration-text');
      await registration.getByText(`2028年2月${Number(next)}日`, { exact: false }).waitFor();
      assert.match(await registration.innerText(), /^2028年1月21日 \S+ 08:00 – 2028年2月\d+日 \S+ 09:00$/);

      // The public page: 报名时间 in the same format as 活动时间.
      await page.goto(`${fixture.baseUrl}/events/${createEvent.id}`);
      const shown = await page.getByTestId('event-registration-text').innerText();
      const when = await page.getByTestId('event-time-text').innerText();
      const dateOf = (text) => /^(\d{4}年\d{1,2}月\d{1,2}日 \S+)/.exec(text)?.[1];
      assert.ok(dateOf(when), `event time "${when}"`);
      assert.ok(dateOf(shown), `registration "${shown}" is not in the event time's format`);

      // Not an event id: the not-found page, on the public site and in the organizer portal.
      await page.goto(`${fixture.baseUrl}/events/not-a-uuid`);
      await page.getByText('活动不存在或尚未发布').waitFor();
      assert.equal(await page.getByText('输入有误').count(), 0);
      await page.goto(`${fixture.baseUrl}/organizer/events/not-a-uuid`);
      await page.getByText('页面不存在').waitFor();
    } finally {
      await context.close();
    }
  });
});
