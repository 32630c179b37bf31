// The quota dashboard in the browser: it is the organizer's first page, draws its ECharts (trend,
// cadence heat map, county comparison), and a click on a number lands on the events behind it (an event
// completed through the API is among them, and the list's total is the number clicked). A county
// organizer sees its county only, on a phone too. Run after building: `cd apps/web && node --test e2e/quotas.test.mjs`.
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { createFixture, graphqlData, DEMO_PASSWORD, DESKTOP, PHONE, startApp, stopApp } from './support/app-fixture.mjs';
import { login, newPage, screenshot, sidewaysOverflow } from './support/browser.mjs';

const fixture = createFixture();
const TITLE = `临沂—名校人才直通车·山东大学站${randomInt(1000, 9999)}`;
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
});
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

  test('a county organizer sees its county only, on a phone', async () => {
    const { context, page } = await newPage(fixture, PHONE);
    try {
      await login(fixture, page, 'lanshan.organizer@leye.demo');
      await page.waitForURL(/\/organizer\/quotas/);
      const card = page.getByTestId('quota-card-CAMPUS_RECRUITING');
      await card.waitFor();
      assert.match(await page.locator('.quota-dashboard').innerText(), /兰山区/);
      assert.equal(await page.getByTestId('quota-region').count(), 0, 'no drill-down for a county organizer');
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
