// Honest actions: the pages offer only what the viewer may do. A county organizer (兰山区) sees no
// 编辑 / 改期 / 取消活动 on another county's event, sees them on its own, and the employer queue's
// region filter offers only the regions it covers.
// Run with `npm run test:browser -w @leye/web -- e2e/honest-actions.test.mjs` after building api and web.
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { createFixture, graphqlData, DEMO_PASSWORD, DESKTOP, startApp, stopApp } from './support/app-fixture.mjs';
import { login, newPage } from './support/browser.mjs';

const fixture = createFixture();

const graphql = (query, variables = {}, token = null) => graphqlData(fixture, query, variables, token);

/** One published online event per region, created by the city organizer through the API. */
async function publishedEvent(regionCode, title) {
  const { login: session } = await graphql('mutation($i:LoginInput!){login(input:$i){accessToken}}', { i: { login: 'organizer@leye.demo', password: DEMO_PASSWORD } });
  const day = 10 + randomInt(0, 15);
  const input = {
    title, type: 'JOB_FAIR', subtype: 'GENERAL', regionCode, isOnline: true, onlineUrl: 'https://live.example.cn/honest', capacity: 300,
    startsAt: `2028-04-${day}T09:00:00+08:00`, endsAt: `2028-04-${day}T11:00:00+08:00`,
  };
  const { createEvent } = await graphql('mutation($i:EventInput!){createEvent(input:$i,publish:true){id}}', { i: input }, session.accessToken);
  return createEvent.id;
}

before(() => startApp(fixture));
after(() => stopApp(fixture));

describe('honest actions', { timeout: 120_000 }, () => {
  test('a county organizer sees no action on another county’s event, and only its own region in the employer filter', async () => {
    const feixian = await publishedEvent('371325', `费县春季招聘会${randomInt(1000, 9999)}`);
    const lanshan = await publishedEvent('371302', `兰山春季招聘会${randomInt(1000, 9999)}`);
    const { context, page } = await newPage(fixture, DESKTOP);
    try {
      await login(fixture, page, 'lanshan.organizer@leye.demo');
      await page.waitForURL(/\/organizer\/quotas/); // an organizer lands on the quota dashboard
      await page.goto(`${fixture.baseUrl}/organizer/employers`);

      // The queue's region filter offers the regions the organizer covers: 兰山区 only.
      await page.getByTestId('region-filter').click();
      const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
      await options.first().waitFor();
      assert.deepEqual(await options.allInnerTexts(), ['兰山区']);
      await page.keyboard.press('Escape');

      // Another county's event: readable, but nothing to do with it.
      await page.goto(`${fixture.baseUrl}/organizer/events/${feixian}`);
      const actions = page.getByTestId('event-actions');
      await actions.getByTestId('no-actions').getByText('该活动不在您的管辖范围内，您只能查看').waitFor();
      for (const id of ['publish-event', 'edit-event', 'reschedule-event', 'complete-event', 'cancel-event']) {
        assert.equal(await page.getByTestId(id).count(), 0, `${id} is offered on another county's event`);
      }

      // Its own county's event: edit, reschedule and cancel are there.
      await page.goto(`${fixture.baseUrl}/organizer/events/${lanshan}`);
      await page.getByTestId('edit-event').waitFor();
      await page.getByTestId('reschedule-event').waitFor();
      await page.getByTestId('cancel-event').waitFor();
      assert.equal(await page.getByTestId('publish-event').count(), 0, 'a published event offers no publish');
    } finally {
      await context.close();
    }
  });
});
