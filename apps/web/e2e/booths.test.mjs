// Issue 8, booths in the browser: two employers watch one fair's live floor map; one holds and confirms a
// booth and the other sees it turn taken without reloading; an organizer draws a floor plan by generating
// a row of booths and saves it; the organizer's booking map and the public exhibitor list show the booking.
// Screenshots at desktop and phone size. Run with `cd apps/web && node --test e2e/booths.test.mjs` after
// `npx turbo run build --filter=@leye/api --filter=@leye/web`.
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { createFixture, DESKTOP, PHONE, startApp, stopApp } from './support/app-fixture.mjs';
import { boothApi, createBoothFair, EMPLOYER, ORGANIZER, registerVerifiedEmployer } from './support/booth-fair.mjs';
import { login, newPage, screenshot, sidewaysOverflow } from './support/browser.mjs';

const fixture = createFixture();
const { gql, tokenOf } = boothApi(fixture);

const ctx = { eventId: '', venueId: '', organizer: '', second: { login: '', password: 'Linyi#2025go' } };

/** A venue of 兰山区, a 6-booth plan, a published job fair there with booking open now, and a second verified employer. */
async function setUpFair() {
  ctx.organizer = await tokenOf(ORGANIZER);
  const fair = await createBoothFair(fixture, ctx.organizer, {
    layoutName: `测试布局${randomInt(1000, 9999)}`,
    width: 24,
    height: 12,
    booths: Array.from({ length: 6 }, (_, i) => ({
      code: `A0${i + 1}`, zone: '综合区', type: i === 0 ? 'CORNER' : 'STANDARD', sizeSqm: 9, x: 1 + i * 3.5, y: 2, width: 3, height: 3,
    })),
    title: `展位测试招聘会${randomInt(1000, 9999)}`,
    month: '03',
    capacity: 500,
    closesAt: (day) => `2028-03-${String(day - 1).padStart(2, '0')}T18:00:00+08:00`,
  });
  ctx.venueId = fair.venueId;
  ctx.eventId = fair.eventId;
  // A second employer of 兰山区, registered and verified.
  ctx.second.login = `booth.rival.${randomInt(1e6)}@example.test`;
  await registerVerifiedEmployer(fixture, ctx.organizer, {
    login: ctx.second.login, password: ctx.second.password, name: `临沂竞展示例有限公司${randomInt(100, 999)}`, displayName: '王人事',
  });
}

before(async () => {
  await startApp(fixture);
  await setUpFair();
});
after(() => stopApp(fixture));

describe('booths', { timeout: 240_000 }, () => {
  test('an employer books a booth on the live map; another employer sees it taken without reloading', async () => {
    const a = await newPage(fixture, DESKTOP);
    const b = await newPage(fixture, PHONE);
    try {
      await login(fixture, a.page, EMPLOYER);
      await a.page.waitForURL(/\/employer/);
      await login(fixture, b.page, ctx.second.login, ctx.second.password);
      await b.page.waitForURL(/\/employer/);

      // One live socket per tab: the notifications channel and the booth map share it.
      const openSockets = new Set();
      b.page.on('websocket', (ws) => {
        if (!ws.url().includes('/socket.io')) return;
        openSockets.add(ws);
        ws.on('close', () => openSockets.delete(ws));
      });
      // The second employer finds the fair in the list and opens its map on a phone.
      await b.page.goto(`${fixture.baseUrl}/employer/booths/fairs`);
      await b.page.getByTestId(`booth-fair-${ctx.eventId}`).getByTestId('open-fair').click();
      await b.page.waitForURL(new RegExp(`/employer/booths/fairs/${ctx.eventId}$`));
      const rivalA02 = b.page.getByTestId('map-booth-A02');
      await rivalA02.waitFor();
      assert.equal(await rivalA02.getAttribute('data-status'), 'FREE');
      assert.ok((await sidewaysOverflow(b.page)) <= 0, 'the phone map page scrolls sideways');
      await screenshot(b.page, 'booths-map-phone.png');
      // Marks this document: a reload would lose it.
      await b.page.evaluate(() => (window.__boothMarker = 'still here'));

      await a.page.goto(`${fixture.baseUrl}/employer/booths/fairs/${ctx.eventId}`);
      const a02 = a.page.getByTestId('map-booth-A02');
      await a02.waitFor();
      // Keyboard: each booth is a focusable button with a spoken label.
      assert.match(await a02.getAttribute('aria-label'), /A02/);
      await a02.click();
      const hold = a.page.getByTestId('hold-panel');
      await hold.waitFor();
      assert.match(await a.page.getByTestId('hold-countdown').innerText(), /^[0-5]:[0-5]\d$/);
      await rivalA02.and(b.page.locator('[data-status="HELD"]')).waitFor({ timeout: 10_000 });
      assert.equal(openSockets.size, 1, 'the map page opened a second socket');
      await screenshot(a.page, 'booths-hold-desktop.png');

      await a.page.getByTestId('confirm-booking').click();
      await a.page.getByTestId('my-fair-bookings').getByText('A02').waitFor();
      await a.page.locator('[data-testid="map-booth-A02"][data-status="MINE"]').waitFor();
      await b.page.locator('[data-testid="map-booth-A02"][data-status="BOOKED"]').waitFor({ timeout: 10_000 });
      assert.equal(await b.page.evaluate(() => window.__boothMarker), 'still here', 'the second browser reloaded');
      await screenshot(a.page, 'booths-booked-desktop.png');
      await screenshot(b.page, 'booths-taken-phone.png');

      // A taken booth cannot be picked by the other employer.
      assert.equal(await rivalA02.getAttribute('aria-disabled'), 'true');

      // My bookings lists it with a cancel action; the fairs list fits a phone.
      await a.page.goto(`${fixture.baseUrl}/employer/booths/mine`);
      await a.page.getByTestId('cancel-booking-A02').waitFor();
      await screenshot(a.page, 'booths-mine-desktop.png');
      // In English, every string of the map page is translated.
      await a.page.getByTestId('language-switch').click();
      await a.page.getByRole('menuitem', { name: 'English' }).click();
      await a.page.goto(`${fixture.baseUrl}/employer/booths/fairs/${ctx.eventId}`);
      await a.page.getByTestId('legend-FREE').getByText('Available').waitFor();
      await a.page.getByText('My bookings at this fair').waitFor();
      await screenshot(a.page, 'booths-map-en-desktop.png');
      // The choice is saved to the profile: back to Chinese for the tests that follow.
      await a.page.getByTestId('language-switch').click();
      await a.page.getByRole('menuitem', { name: '简体中文' }).click();
      await a.page.getByTestId('legend-FREE').getByText('可预订').waitFor();
      await b.page.goto(`${fixture.baseUrl}/employer/booths/fairs`);
      await b.page.getByTestId(`booth-fair-${ctx.eventId}`).waitFor();
      assert.ok((await sidewaysOverflow(b.page)) <= 0, 'the fairs list scrolls sideways on a phone');
      await screenshot(b.page, 'booths-fairs-phone.png');
      // The demo fair's plan (other plan units, reserved and booked booths) also fits the phone's frame.
      const demo = b.page.locator('[data-testid^="booth-fair-"]', { hasText: '兰山区春风行动综合招聘会（示例）' });
      if ((await demo.count()) > 0) {
        await demo.getByTestId('open-fair').click();
        await b.page.locator('[data-testid="map-booth-A01"][data-status="RESERVED"]').waitFor();
        assert.ok((await sidewaysOverflow(b.page)) <= 0, 'the demo map scrolls the page sideways');
        await screenshot(b.page, 'booths-demo-map-phone.png');
      }
    } finally {
      await a.context.close();
      await b.context.close();
    }
  });

  test('the organizer generates a row of booths, sees the checks, and saves the plan', async () => {
    const { context, page } = await newPage(fixture, DESKTOP);
    try {
      await login(fixture, page, ORGANIZER);
      await page.waitForURL(/\/organizer/);
      await page.goto(`${fixture.baseUrl}/organizer/booths/layouts?venue=${ctx.venueId}`);
      await page.locator('.ant-table-row').first().waitFor();
      await screenshot(page, 'booths-layouts-desktop.png');
      await page.getByTestId('new-layout').click();
      const name = `二号馆${randomInt(1000, 9999)}`;
      await page.getByTestId('layout-name').fill(name);
      await page.getByTestId('create-layout').click();
      await page.waitForURL(/\/organizer\/booths\/venues\/[0-9a-f-]{36}\/layouts\/[0-9a-f-]{36}$/);
      const layoutId = page.url().split('/').pop();

      await page.getByTestId('generate-row').click();
      await page.getByTestId('row-prefix').fill('B');
      await page.getByTestId('row-count').fill('10');
      await page.getByTestId('row-zone').fill('专精特新区');
      await page.getByTestId('row-generate').click();
      for (const code of ['B01', 'B05', 'B10']) await page.getByTestId(`plan-booth-${code}`).waitFor();
      await page.getByTestId('plan-checks').getByText('没有问题，可以保存').waitFor();

      // A duplicate code is caught before saving, and saving waits until it is fixed.
      await page.getByTestId('plan-booth-B02').click();
      await page.getByTestId('booth-code').fill('B01');
      await page.getByTestId('plan-checks').getByText('展位号 B01 重复').waitFor();
      assert.equal(await page.getByTestId('save-plan').isDisabled(), true);
      await screenshot(page, 'booths-editor-issue-desktop.png');
      await page.getByTestId('booth-code').fill('B02');
      // Arrow keys nudge the selected booth one grid step.
      const boothY = page.getByTestId('booth-y').locator('xpath=descendant-or-self::input');
      const before = await boothY.inputValue();
      await page.getByTestId('floor-plan-canvas').focus();
      await page.keyboard.press('ArrowDown');
      assert.notEqual(await boothY.inputValue(), before);
      await page.keyboard.press('ArrowUp');

      await page.getByTestId('save-plan').click();
      await page.getByText('平面图已保存').waitFor();
      await screenshot(page, 'booths-editor-desktop.png');

      const { venueLayouts } = await gql(`query($v: ID!) { venueLayouts(venueId: $v) { id version booths { code zone } } }`, { v: ctx.venueId }, ctx.organizer);
      const saved = venueLayouts.find((l) => l.id === layoutId);
      assert.deepEqual(saved.booths.map((b) => b.code).sort(), ['B01', 'B02', 'B03', 'B04', 'B05', 'B06', 'B07', 'B08', 'B09', 'B10']);
      assert.ok(saved.booths.every((b) => b.zone === '专精特新区'));

      // The plan's size can change after creation: too small for the row, the booths left outside are listed and
      // saving waits; a size that fits is saved with the booths.
      const planWidth = page.getByTestId('plan-width').locator('xpath=descendant-or-self::input');
      await planWidth.fill('20');
      await planWidth.press('Tab');
      await page.getByTestId('plan-checks').getByText('展位 B10 超出平面图范围').waitFor();
      assert.equal(await page.getByTestId('save-plan').isDisabled(), true);
      await screenshot(page, 'booths-editor-resize-issue-desktop.png');
      await planWidth.fill('40');
      await planWidth.press('Tab');
      await page.getByTestId('plan-checks').getByText('没有问题，可以保存').waitFor();
      // The first save's "平面图已保存" may still be on screen: wait for this save by the saved layout itself.
      await page.getByTestId('save-plan').click();
      let resized;
      for (const deadline = Date.now() + 10_000; Date.now() < deadline; await page.waitForTimeout(200)) {
        resized = (await gql(`query($v: ID!) { venueLayouts(venueId: $v) { id width height } }`, { v: ctx.venueId }, ctx.organizer)).venueLayouts.find((l) => l.id === layoutId);
        if (resized.width === 40) break;
      }
      assert.equal(resized.width, 40);

      await page.setViewportSize(PHONE);
      await page.waitForTimeout(300);
      assert.ok((await sidewaysOverflow(page)) <= 0, 'the editor scrolls sideways on a phone');
      await screenshot(page, 'booths-editor-phone.png');
    } finally {
      await context.close();
    }
  });

  test("the organizer's event page shows the booking map and bookings; the public page lists the exhibitor", async () => {
    const { context, page } = await newPage(fixture, DESKTOP);
    try {
      await login(fixture, page, ORGANIZER);
      await page.waitForURL(/\/organizer/);
      await page.goto(`${fixture.baseUrl}/organizer/events/${ctx.eventId}`);
      const section = page.getByTestId('fair-booths');
      await section.waitFor();
      await section.locator('[data-testid="map-booth-A02"][data-status="BOOKED"]').waitFor();
      await section.getByTestId('map-booth-A04').click();
      await page.getByTestId('close-booth').click();
      await section.locator('[data-testid="map-booth-A04"][data-status="CLOSED"]').waitFor();
      await section.scrollIntoViewIfNeeded();
      await screenshot(page, 'booths-organizer-map-desktop.png', { fullPage: true });
      await section.getByRole('tab', { name: '全部预订' }).click();
      await section.getByText('临沂示例木业有限公司').waitFor();
      await screenshot(page, 'booths-organizer-bookings-desktop.png', { fullPage: true });
      await section.getByRole('tab', { name: '预订规则' }).click();
      await section.getByTestId('booth-settings-form').waitFor();
      await screenshot(page, 'booths-organizer-settings-desktop.png', { fullPage: true });

      const pub = await newPage(fixture, PHONE);
      try {
        await pub.page.goto(`${fixture.baseUrl}/events/${ctx.eventId}`);
        await pub.page.getByTestId('public-exhibitors').getByText('A02').waitFor();
        assert.ok((await sidewaysOverflow(pub.page)) <= 0);
        await screenshot(pub.page, 'booths-public-phone.png', { fullPage: true });
      } finally {
        await pub.context.close();
      }
    } finally {
      await context.close();
    }
  });
  test('campus recruiting: an employer applies for a delegation place, the organizer approves, the public page lists the delegation', async () => {
    const day = String(10 + randomInt(0, 15)).padStart(2, '0');
    const { createEvent } = await gql(
      `mutation($i: EventInput!) { createEvent(input: $i, publish: true) { id } }`,
      {
        i: {
          title: `名校人才直通车·测试站${randomInt(1000, 9999)}`, type: 'CAMPUS_RECRUITING', subtype: 'UNIVERSITY_EXPRESS', regionCode: '371302', isOnline: true,
          onlineUrl: 'https://live.example.cn/campus', capacity: 300, details: { university: '山东大学', universityCity: '济南' },
          startsAt: `2028-04-${day}T09:00:00+08:00`, endsAt: `2028-04-${day}T12:00:00+08:00`,
        },
      },
      ctx.organizer,
    );
    const tripId = createEvent.id;
    await gql(
      `mutation($i: FairBoothSettingsInput!) { configureFairBooths(input: $i) { eventId } }`,
      { i: { eventId: tripId, places: 2, opensAt: new Date(Date.now() - 3600_000).toISOString(), closesAt: `2028-04-01T18:00:00+08:00`, requiresApproval: true } },
      ctx.organizer,
    );

    const employer = await newPage(fixture, PHONE);
    try {
      await login(fixture, employer.page, EMPLOYER);
      await employer.page.waitForURL(/\/employer/);
      await employer.page.goto(`${fixture.baseUrl}/employer/booths/fairs/${tripId}`);
      await employer.page.getByTestId('apply-delegation').click();
      await employer.page.getByTestId('my-fair-bookings').getByText('待审核').waitFor();
      assert.ok((await sidewaysOverflow(employer.page)) <= 0);
      await screenshot(employer.page, 'booths-delegation-phone.png');
    } finally {
      await employer.context.close();
    }

    const { context, page } = await newPage(fixture, DESKTOP);
    try {
      await login(fixture, page, ORGANIZER);
      await page.waitForURL(/\/organizer/);
      await page.goto(`${fixture.baseUrl}/organizer/events/${tripId}`);
      const section = page.getByTestId('fair-booths');
      await section.getByRole('tab', { name: '待审核（1）' }).click();
      await section.locator('[data-testid^="approve-"]').click();
      await page.getByText('已通过，已通知该单位').waitFor();
      const pub = await newPage(fixture, PHONE);
      try {
        await pub.page.goto(`${fixture.baseUrl}/events/${tripId}`);
        await pub.page.getByTestId('public-exhibitors').getByText('临沂示例木业有限公司').waitFor();
      } finally {
        await pub.context.close();
      }
    } finally {
      await context.close();
    }
  });
});
