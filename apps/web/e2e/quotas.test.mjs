// The quota dashboard in the browser: it is the organizer's first page, draws its ECharts (trend,
// cadence heat map, county comparison), and a click on a number lands on the events behind it (an event
// completed through the API is among them, and the list's total is the number clicked). A county
// organizer sees its county only, on a phone too. Run after building: `cd apps/web && node --test e2e/quotas.test.mjs`.
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { createFixture, graphqlData, DEMO_PASSWORD, DESKTOP, PHONE, startApp, stopApp } from './support/app-fixture.mjs';
import { chooseOption, login, newPage, screenshot, sidewaysOverflow } from './support/browser.mjs';

const fixture = createFixture();
const TITLE = `临沂—名校人才直通车·山东大学站${randomInt(1000, 9999)}`;
const FAIR = `兰山区春风行动专场招聘会${randomInt(1000, 9999)}`;
/** The Shanghai calendar date of an instant. */
const shanghaiDay = (d) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
let fairDay;
const DASHBOARD = `query($year:Int!){quotaDashboard(year:$year){quotas{actual hasEvents definition{id name kind}
  months{month actual started} byRegion{regionCode regionName value} cadence{firstDay heldByDay}}}}`;
const graphql = (query, variables = {}, token = null) => graphqlData(fixture, query, variables, token);
const tokenOf = async (account) =>
  (await graphql('mutation($i:LoginInput!){login(input:$i){accessToken}}', { i: { login: account, password: DEMO_PASSWORD } })).login.accessToken;

before(async () => {
  await startApp(fixture);
  // A campus trip held two days ago in 兰山, completed through the API.
  const token = await tokenOf('lanshan.organizer@leye.demo');
  const startsAt = new Date(Date.now() - 2 * 86_400_000);
  const { createEvent } = await graphql(
    'mutation($i:EventInput!){createEvent(input:$i, publish:true, allowPastStart:true){id}}',
    {
      i: {
        title: TITLE, type: 'CAMPUS_RECRUITING', subtype: 'UNIVERSITY_EXPRESS', regionCode: '371302', capacity: 200, isOnline: true,
        onlineUrl: 'https://live.example.cn/campus', startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 3 * 3600_000).toISOString(),
      },
    },
    token,
  );
  await graphql('mutation($id:ID!){completeEvent(id:$id){id}}', { id: createEvent.id }, token);
  // A job fair held three days ago in 兰山 (a day of the cadence heat map).
  const fairAt = new Date(Date.now() - 3 * 86_400_000);
  fairDay = shanghaiDay(fairAt);
  const fair = await graphql(
    'mutation($i:EventInput!){createEvent(input:$i, publish:true, allowPastStart:true){id}}',
    {
      i: {
        title: FAIR, type: 'JOB_FAIR', subtype: 'GENERAL', regionCode: '371302', capacity: 500, isOnline: true,
        onlineUrl: 'https://live.example.cn/fair', startsAt: fairAt.toISOString(), endsAt: new Date(fairAt.getTime() + 3 * 3600_000).toISOString(),
      },
    },
    token,
  );
  await graphql('mutation($id:ID!){completeEvent(id:$id){id}}', { id: fair.createEvent.id }, token);
});

/**
 * Clicks a chart at (x, y) of its own box. A locator click, not a raw mouse click: Playwright scrolls the chart into
 * view and waits until nothing covers it (a closing drawer's mask fades out slower on a loaded machine and would
 * swallow a raw click).
 */
async function clickChart(page, testId, x, y) {
  await page.getByTestId(testId).click({ position: { x, y } });
}
/** The events drawer after a click: its title and the total it lists (waits for the list). */
async function drawerAfterClick(page) {
  const drawer = page.getByTestId('quota-events-drawer');
  await drawer.getByText(/共 \d+ 场/).waitFor();
  const text = await drawer.innerText();
  return { drawer, text, total: Number(text.match(/共 (\d+) 场/)[1]) };
}
async function closeDrawer(page) {
  await page.keyboard.press('Escape');
  await page.getByTestId('quota-events-drawer').waitFor({ state: 'hidden' });
  await page.locator('.ant-drawer-mask').waitFor({ state: 'hidden' });
}
after(() => stopApp(fixture));

describe('quota dashboard', { timeout: 240_000 }, () => {
  test('is the city organizer’s first page, draws its charts, and a number clicks through to its events', async () => {
    const { context, page } = await newPage(fixture, DESKTOP);
    try {
      await login(fixture, page, 'organizer@leye.demo');
      await page.waitForURL(/\/organizer\/quotas/);
      for (const chart of ['quota-trend-chart', 'quota-heatmap', 'quota-county-chart']) {
        await page.getByTestId(chart).locator('canvas').first().waitFor();
      }
      const card = page.getByTestId('quota-card-CAMPUS_RECRUITING');
      await card.waitFor();
      await screenshot(page, 'quotas-dashboard-desktop.png', { fullPage: true });
      const number = card.getByTestId('quota-actual');
      const shown = Number((await number.innerText()).replace(/[^\d.]/g, ''));
      assert.ok(shown >= 1, `the campus card shows ${shown}`);
      await number.click();
      const drawer = page.getByTestId('quota-events-drawer');
      await drawer.getByText(TITLE).waitFor().catch(async (error) => {
        await screenshot(page, 'quotas-events-failure.png');
        throw error;
      });
      assert.match(await drawer.innerText(), new RegExp(`共 ${shown} 场`));
      assert.match(await drawer.innerText(), /兰山区/);
      await screenshot(page, 'quotas-events-desktop.png');
      // The event's link opens its page.
      await drawer.getByRole('link', { name: TITLE }).click();
      await page.waitForURL(/\/organizer\/events\/[0-9a-f-]{36}$/);
    } finally {
      await context.close();
    }
  });

  test('the trend chart, the county chart and the heat map click through to the events behind their figures', async () => {
    const { context, page } = await newPage(fixture, DESKTOP);
    try {
      const token = await tokenOf('organizer@leye.demo');
      const year = Number(shanghaiDay(new Date()).slice(0, 4));
      await login(fixture, page, 'organizer@leye.demo');
      await page.waitForURL(/\/organizer\/quotas/);
      await page.getByTestId('quota-trend-chart').locator('canvas').first().waitFor();
      // The figures the page shows (the same cached answer, at most 2 s old, and nothing changes meanwhile).
      const { quotaDashboard } = await graphql(DASHBOARD, { year }, token);
      const campus = quotaDashboard.quotas.find((q) => q.definition.name === '名校引才活动');
      const cadence = quotaDashboard.quotas.find((q) => q.definition.kind === 'CADENCE');
      await chooseOption(page, 'quota-chart-quota', '名校引才活动', { type: false });
      await page.waitForTimeout(500); // the chart redraws

      // Trend: the month of the campus trip (a click anywhere in the month's column).
      const month = shanghaiDay(new Date(Date.now() - 2 * 86_400_000)).slice(0, 7);
      const mi = campus.months.findIndex((m) => m.month === month);
      const trend = await page.getByTestId('quota-trend-chart').boundingBox();
      const [left, right, top, bottom] = [48, 16, 36, 28];
      await clickChart(page, 'quota-trend-chart', left + ((mi + 0.5) * (trend.width - left - right)) / campus.months.length, top + (trend.height - top - bottom) / 2);
      let d = await drawerAfterClick(page);
      assert.match(d.text, new RegExp(`名校引才活动 · ${month}`));
      assert.equal(d.total, campus.months[mi].actual, 'the month lists as many events as the trend counts');
      await d.drawer.getByText(TITLE).waitFor();
      await screenshot(page, 'quotas-trend-click-desktop.png');
      await closeDrawer(page);

      // County comparison of the same quota: 兰山's bar (rows sorted ascending, the first at the bottom).
      const rows = [...campus.byRegion].sort((a, b) => a.value - b.value);
      const ri = rows.findIndex((r) => r.regionCode === '371302');
      const county = await page.getByTestId('quota-county-chart').boundingBox();
      const plot = county.height - 8 - 24;
      await clickChart(page, 'quota-county-chart', 130 + (county.width - 130 - 24) / 2, 8 + plot - ((ri + 0.5) * plot) / rows.length);
      d = await drawerAfterClick(page);
      assert.match(d.text, /名校引才活动 · 兰山区/);
      assert.equal(d.total, rows[ri].value, "兰山's bar lists as many events as it shows");
      assert.doesNotMatch(d.text, /费县|郯城县|临沭县|罗庄区|河东区/);
      await d.drawer.getByText(TITLE).waitFor();
      await closeDrawer(page);

      // Cadence heat map: the day of the job fair (calendar: weeks as columns from Monday, 14 px rows).
      const dayIndex = (Date.parse(fairDay) - Date.parse(cadence.cadence.firstDay)) / 86_400_000;
      const offset = (new Date(`${cadence.cadence.firstDay}T00:00:00Z`).getUTCDay() + 6) % 7;
      const weeks = Math.ceil((cadence.cadence.heldByDay.length + offset) / 7);
      const heat = await page.getByTestId('quota-heatmap').boundingBox();
      const cell = (heat.width - 40 - 8) / weeks;
      await clickChart(page, 'quota-heatmap', 40 + (Math.floor((dayIndex + offset) / 7) + 0.5) * cell, 24 + (((dayIndex + offset) % 7) + 0.5) * 14);
      d = await drawerAfterClick(page);
      assert.match(d.text, new RegExp(`${cadence.definition.name} · ${fairDay}`));
      assert.equal(d.total, cadence.cadence.heldByDay[dayIndex], 'the day lists as many fairs as the heat map holds');
      await d.drawer.getByText(FAIR).waitFor();
      await screenshot(page, 'quotas-heatmap-click-desktop.png');
    } finally {
      await context.close();
    }
  });

  test('a county organizer sees its county only, on a phone', async () => {
    const { context, page } = await newPage(fixture, PHONE);
    try {
      await login(fixture, page, 'lanshan.organizer@leye.demo');
      await page.waitForURL(/\/organizer\/quotas/);
      const card = page.getByTestId('quota-card-CAMPUS_RECRUITING');
      await card.waitFor();
      assert.match(await page.locator('.quota-dashboard').innerText(), /兰山区/);
      assert.equal(await page.getByTestId('quota-region').count(), 0, 'no drill-down for a county organizer');
      // No county targets of its own: each city quota is labelled so, with 兰山's share of the city's figure and target.
      await page.getByText(/本区县尚未单独设定指标目标/).waitFor();
      const campusLine = card.locator('.quota-line').first();
      assert.match(await campusLine.getByTestId('quota-inherited').innerText(), /全市指标 · 未设区县目标/);
      assert.match(await campusLine.getByTestId('quota-city-share').innerText(), /占全市完成量 [\d.]+%（全市 [\d,]+）\s*· 相当于全市目标 10 的 [\d.]+%/);
      await page.getByTestId('quota-trend-chart').locator('canvas').first().waitFor();
      assert.ok((await sidewaysOverflow(page)) <= 1, 'the dashboard fits the phone');
      await screenshot(page, 'quotas-dashboard-phone.png', { fullPage: true });
      await card.getByTestId('quota-actual').click();
      const drawer = page.getByTestId('quota-events-drawer');
      await drawer.getByText(TITLE).waitFor();
      const text = await drawer.innerText();
      assert.doesNotMatch(text, /费县|郯城县|临沭县/);
      await screenshot(page, 'quotas-events-phone.png');
    } finally {
      await context.close();
    }
  });
});
