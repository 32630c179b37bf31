// Scheduling that knows about holidays, in the browser: a year nobody has entered says so (event
// form, series summary); once the admin enters it, the holiday page says so, the calendar marks 休/班
// in month, week and list views, and the organizer moves an occurrence that now falls on a holiday in
// one click. Run after building: `cd apps/web && node --test e2e/holidays.test.mjs`.
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { createFixture, graphqlData, DEMO_PASSWORD, DESKTOP, startApp, stopApp } from './support/app-fixture.mjs';
import { login, newPage } from './support/browser.mjs';

const fixture = createFixture();
const YEAR = 2027;
const SERIES_TITLE = `春节前后周三招聘会${randomInt(1000, 9999)}`;

const graphql = (query, variables = {}, token = null) => graphqlData(fixture, query, variables, token);

const tokenOf = async (account) =>
  (await graphql('mutation($i:LoginInput!){login(input:$i){accessToken}}', { i: { login: account, password: DEMO_PASSWORD } })).login.accessToken;

let firstOccurrenceId;

before(async () => {
  await startApp(fixture);
  // A weekly Wednesday series through February 2027, planned while 2027's holidays are unknown.
  const token = await tokenOf('organizer@leye.demo');
  const { createEventSeries } = await graphql(
    'mutation($i:CreateEventSeriesInput!){createEventSeries(input:$i){id}}',
    {
      i: {
        title: SERIES_TITLE, type: 'JOB_FAIR', subtype: 'GENERAL', regionCode: '371300', capacity: 300, isOnline: true, onlineUrl: 'https://live.example.cn/spring',
        publish: true,
        pattern: { kind: 'RRULE', rrule: 'FREQ=WEEKLY;BYDAY=WE', startDate: `${YEAR}-01-20`, untilDate: `${YEAR}-02-24`, startTime: '09:00', durationMinutes: 180, holidayPolicy: 'NEXT_WORKING_DAY' },
      },
    },
    token,
  );
  const { events } = await graphql('query($f:EventFilter!){events(filter:$f,take:50){items{id startsAt}}}', { f: { seriesId: createEventSeries.id } }, token);
  firstOccurrenceId = events.items[0].id;
});
after(() => stopApp(fixture));

describe('holidays in scheduling', { timeout: 240_000 }, () => {
  test('before the admin enters 2027: the event form and the series summary say its holidays are unknown', async () => {
    const { context, page } = await newPage(fixture, DESKTOP);
    try {
      await login(fixture, page, 'organizer@leye.demo');
      await page.waitForURL(/\/organizer/);
      await page.goto(`${fixture.baseUrl}/organizer/events/new?date=${YEAR}-03-03`);
      const formNotice = page.getByTestId('holidays-unknown');
      await formNotice.waitFor();
      assert.equal(await formNotice.getAttribute('data-years'), String(YEAR));
      assert.match(await formNotice.innerText(), /请联系平台管理员/);
      await page.goto(`${fixture.baseUrl}/organizer/events/${firstOccurrenceId}`);
      await page.getByTestId('holidays-unknown').waitFor();
    } finally {
      await context.close();
    }
  });

  test('the admin enters 2027, and the holiday page no longer says there is no schedule', async () => {
    const { context, page } = await newPage(fixture, DESKTOP);
    try {
      await login(fixture, page, 'admin@leye.demo');
      await page.waitForURL(/\/admin$/);
      await page.goto(`${fixture.baseUrl}/admin/holidays?year=${YEAR}`);
      const note = page.getByTestId('holiday-source-note');
      await note.waitFor();
      assert.equal(await note.getAttribute('data-status'), 'UNKNOWN');
      const paste = page.getByTestId('holiday-paste');
      await paste.getByTestId('holiday-paste-input').fill([`${YEAR}-02-05~${YEAR}-02-11 休 春节`, `${YEAR}-02-20 班 春节调休`].join('\n'));
      await paste.getByTestId('holiday-paste-save').click();
      await page.getByTestId('holiday-paste-confirm').click();
      await page.locator('[data-testid="holiday-source-note"][data-status="ENTERED"]').waitFor();
      assert.doesNotMatch(await note.innerText(), /尚无内置节假日安排/);
    } finally {
      await context.close();
    }
  });

  test('the calendar marks 休 and 班, lists the occurrence now on a holiday and moves it in one click', async () => {
    const { context, page } = await newPage(fixture, DESKTOP);
    try {
      await login(fixture, page, 'organizer@leye.demo');
      await page.waitForURL(/\/organizer/);
      await page.goto(`${fixture.baseUrl}/organizer/calendar?date=${YEAR}-02-10`);
      await page.locator(`[data-testid="holiday-mark"][data-date="${YEAR}-02-10"][data-kind="HOLIDAY"]`).waitFor();
      await page.locator(`[data-testid="holiday-mark"][data-date="${YEAR}-02-20"][data-kind="WORKDAY"]`).waitFor();
      const banner = page.getByTestId('holiday-clashes');
      const clash = banner.getByTestId('holiday-clash').filter({ hasText: SERIES_TITLE });
      await clash.waitFor();
      assert.equal(await clash.getAttribute('data-action'), 'RESCHEDULE');
      assert.match(await clash.innerText(), /顺延至 2\/12/);
      await clash.getByTestId('holiday-clash-resolve').click();
      await page.getByText('已顺延').waitFor();
      await clash.waitFor({ state: 'detached' });

      await page.goto(`${fixture.baseUrl}/organizer/calendar?view=week&date=${YEAR}-02-10`);
      await page.locator(`[data-testid="week-view"] [data-testid="holiday-mark"][data-date="${YEAR}-02-10"]`).waitFor();
      await page.goto(`${fixture.baseUrl}/organizer/calendar?view=list&date=${YEAR}-02-10`);
      const listHolidays = page.getByTestId('list-holidays');
      await listHolidays.waitFor();
      assert.match(await listHolidays.innerText(), /休 春节/);
    } finally {
      await context.close();
    }
  });
});
