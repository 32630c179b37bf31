// Issue 8, booths in the browser, the organizer's side and the waitlist: a full fair; an employer joins its
// waitlist; the organizer cancels another employer's booking with a reason (that employer sees the notice);
// the waitlisted employer sees the offer with its deadline and accepts it; the organizer moves an employer to
// another booth (the employer is told); the exhibitor list downloads as Excel and opens with exceljs with the
// right rows. Everyone signs in on the real login page. Run with `cd apps/web && node --test
// e2e/booths-organizer.test.mjs` after `npx turbo run build --filter=@leye/api --filter=@leye/web`.
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { createRequire } from 'node:module';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createFixture, DESKTOP, PHONE, REPO, startApp, stopApp } from './support/app-fixture.mjs';
import { boothApi, createBoothFair, EMPLOYER, ORGANIZER, registerVerifiedEmployer } from './support/booth-fair.mjs';
import { login, newPage, screenshot, sidewaysOverflow } from './support/browser.mjs';

// exceljs is the API's dependency (it writes the file): read it back with the same library.
const ExcelJS = createRequire(join(REPO, 'apps/api/package.json'))('exceljs');

const fixture = createFixture();
const PASSWORD = 'Linyi#2025go';
const { gql, tokenOf } = boothApi(fixture);

const ctx = { eventId: '', title: '', organizer: '', booths: {}, demo: { token: '' }, rival: {}, waiter: {} };

/** A verified employer of 兰山区 with one member who signs in with `login` / PASSWORD. */
async function verifiedEmployer(label) {
  const login = `booth.${label}.${randomInt(1e6)}@example.test`;
  const name = `临沂${label === 'rival' ? '沂蒙山' : '琅琊'}示例${randomInt(100, 999)}有限公司`;
  await registerVerifiedEmployer(fixture, ctx.organizer, { login, password: PASSWORD, name, displayName: '赵人事' });
  return { login, name, token: await tokenOf(login, PASSWORD) };
}

const HOLD = `mutation($e: ID!, $b: ID!) { holdBooth(eventId: $e, boothId: $b) { id } }`;
const CONFIRM = `mutation($id: ID!) { confirmBoothBooking(id: $id) { id status } }`;
async function book(token, code) {
  const { holdBooth } = await gql(HOLD, { e: ctx.eventId, b: ctx.booths[code] }, token);
  return (await gql(CONFIRM, { id: holdBooth.id }, token)).confirmBoothBooking;
}

/** A 3-booth plan, a published fair with A03 closed; the demo employer books A01 and a rival A02: the fair is full. */
async function setUpFullFair() {
  ctx.organizer = await tokenOf(ORGANIZER);
  ctx.title = `候补测试招聘会${randomInt(1000, 9999)}`;
  const fair = await createBoothFair(fixture, ctx.organizer, {
    layoutName: `候补测试布局${randomInt(1000, 9999)}`,
    width: 14,
    height: 10,
    booths: ['A01', 'A02', 'A03'].map((code, i) => ({ code, zone: '综合区', type: 'STANDARD', sizeSqm: 9, x: 1 + i * 4, y: 2, width: 3, height: 3 })),
    title: ctx.title,
    month: '05',
    capacity: 300,
    closesAt: () => `2028-05-0${1 + randomInt(0, 8)}T18:00:00+08:00`,
    settings: { waitlistOfferHours: 24 },
  });
  ctx.booths = fair.boothIds;
  ctx.eventId = fair.eventId;
  await gql(`mutation($e: ID!, $b: [ID!]!) { setFairBoothState(eventId: $e, boothIds: $b, state: CLOSED) { freeCount } }`, { e: ctx.eventId, b: [ctx.booths.A03] }, ctx.organizer);
  ctx.demo.token = await tokenOf(EMPLOYER);
  ctx.rival = await verifiedEmployer('rival');
  ctx.waiter = await verifiedEmployer('waiter');
  assert.equal((await book(ctx.demo.token, 'A01')).status, 'CONFIRMED');
  assert.equal((await book(ctx.rival.token, 'A02')).status, 'CONFIRMED');
}

before(async () => {
  await startApp(fixture);
  await setUpFullFair();
});
after(() => stopApp(fixture));

/** Opens the notification list and waits for an item containing `text`. */
async function seeNotification(page, text) {
  await page.locator('[data-testid="notification-bell"]:not([data-unread="0"])').waitFor({ timeout: 15_000 });
  await page.getByTestId('notification-bell').click();
  await page.getByTestId('notification-list').getByTestId('notification-item').filter({ hasText: text }).first().waitFor();
}

describe('booths: waitlist, organizer actions, Excel', { timeout: 300_000 }, () => {
  test('a full fair: an employer joins the waitlist; the organizer cancels a booking with a reason; the offer comes with its deadline and is accepted', async () => {
    // The waitlisted employer, on a phone: the fair is full, so the page offers the waitlist.
    const waiter = await newPage(fixture, PHONE);
    try {
      await login(fixture, waiter.page, ctx.waiter.login, PASSWORD);
      await waiter.page.waitForURL(/\/employer/);
      await waiter.page.goto(`${fixture.baseUrl}/employer/booths/fairs/${ctx.eventId}`);
      await waiter.page.getByTestId('join-waitlist').click();
      await waiter.page.getByTestId('on-waitlist').waitFor();
      assert.match(await waiter.page.getByTestId('on-waitlist').innerText(), /1/);
      assert.ok((await sidewaysOverflow(waiter.page)) <= 0, 'the full fair page scrolls sideways on a phone');
      await screenshot(waiter.page, 'booths-waitlist-joined-phone.png');
    } finally {
      await waiter.context.close();
    }

    // The organizer cancels the rival's booking of A02 with a reason, from the booking list.
    const org = await newPage(fixture, DESKTOP);
    const reason = '营业执照信息与报名材料不一致';
    try {
      await login(fixture, org.page, ORGANIZER);
      await org.page.waitForURL(/\/organizer/);
      await org.page.goto(`${fixture.baseUrl}/organizer/events/${ctx.eventId}`);
      const section = org.page.getByTestId('fair-booths');
      await section.locator('[data-testid="map-booth-A02"][data-status="BOOKED"]').waitFor();
      await section.getByTestId('map-booth-A02').click();
      const drawer = org.page.getByTestId('booth-drawer');
      await drawer.getByText(ctx.rival.name).waitFor();
      await drawer.getByRole('button', { name: '取消预订' }).click();
      await org.page.getByTestId('reason-input').fill(reason);
      await screenshot(org.page, 'booths-cancel-reason-desktop.png');
      await org.page.getByTestId('reason-confirm').click();
      // A02 goes straight to the waitlisted employer as an offer (held for them on the map).
      await section.locator('[data-testid="map-booth-A02"][data-status="HELD"]').waitFor({ timeout: 10_000 });
      await section.getByRole('tab', { name: /候补/ }).click();
      await section.getByText(ctx.waiter.name).waitFor();
      await screenshot(org.page, 'booths-organizer-waitlist-desktop.png', { fullPage: true });
    } finally {
      await org.context.close();
    }

    // The rival is told why.
    const rival = await newPage(fixture, DESKTOP);
    try {
      await login(fixture, rival.page, ctx.rival.login, PASSWORD);
      await rival.page.waitForURL(/\/employer/);
      await seeNotification(rival.page, reason);
      await screenshot(rival.page, 'booths-cancelled-notice-desktop.png');
      await rival.page.keyboard.press('Escape');
      await rival.page.goto(`${fixture.baseUrl}/employer/booths/mine`);
      await rival.page.locator('.ant-table-row', { hasText: ctx.title }).getByText(reason).waitFor();
    } finally {
      await rival.context.close();
    }

    // The waitlisted employer sees the offer (booth, deadline, time left) and accepts it.
    const again = await newPage(fixture, PHONE);
    try {
      await login(fixture, again.page, ctx.waiter.login, PASSWORD);
      await again.page.waitForURL(/\/employer/);
      await seeNotification(again.page, '候补展位可预订');
      await again.page.keyboard.press('Escape');
      await again.page.goto(`${fixture.baseUrl}/employer/booths/mine`);
      const offer = again.page.locator('[data-testid^="offer-"]');
      await offer.waitFor();
      const text = await offer.innerText();
      assert.match(text, /A02/);
      assert.match(text, /\d{4}-\d{2}-\d{2} \d{2}:\d{2}/, 'the offer shows its deadline');
      assert.match(text, /\d+:\d{2}/, 'the offer shows the time left');
      const { myWaitlistEntries } = await gql(`query { myWaitlistEntries { status offerExpiresAt } }`, {}, ctx.waiter.token);
      const hoursLeft = (new Date(myWaitlistEntries[0].offerExpiresAt).getTime() - Date.now()) / 3600_000;
      assert.ok(hoursLeft > 23 && hoursLeft <= 24, `the offer runs for the fair's 24 hours (${hoursLeft.toFixed(2)})`);
      assert.ok((await sidewaysOverflow(again.page)) <= 0, 'the offer page scrolls sideways on a phone');
      await screenshot(again.page, 'booths-offer-phone.png');
      await offer.getByTestId('accept-offer').click();
      await again.page.locator('.ant-table-row', { hasText: ctx.title }).getByText('A02').waitFor();
      await again.page.locator('[data-testid^="offer-"]').waitFor({ state: 'detached' });
      await screenshot(again.page, 'booths-offer-accepted-phone.png');
    } finally {
      await again.context.close();
    }
    const { myBoothBookings } = await gql(`query($e: ID) { myBoothBookings(eventId: $e) { boothCode status } }`, { e: ctx.eventId }, ctx.waiter.token);
    assert.deepEqual(myBoothBookings.map((b) => [b.boothCode, b.status]), [['A02', 'CONFIRMED']]);
  });

  test('the organizer moves an employer to another booth; the employer is told', async () => {
    await gql(`mutation($e: ID!, $b: [ID!]!) { setFairBoothState(eventId: $e, boothIds: $b, state: OPEN) { freeCount } }`, { e: ctx.eventId, b: [ctx.booths.A03] }, ctx.organizer);
    const org = await newPage(fixture, DESKTOP);
    try {
      await login(fixture, org.page, ORGANIZER);
      await org.page.waitForURL(/\/organizer/);
      await org.page.goto(`${fixture.baseUrl}/organizer/events/${ctx.eventId}`);
      const section = org.page.getByTestId('fair-booths');
      await section.locator('[data-testid="map-booth-A01"][data-status="BOOKED"]').waitFor();
      await section.getByTestId('map-booth-A01').click();
      const drawer = org.page.getByTestId('booth-drawer');
      await drawer.getByText('临沂示例木业有限公司').waitFor();
      await drawer.getByTestId('move-target').click();
      await org.page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'A03' }).click();
      await screenshot(org.page, 'booths-move-desktop.png');
      await drawer.getByRole('button', { name: /^调\s*换$/ }).click();
      await section.locator('[data-testid="map-booth-A03"][data-status="BOOKED"]').waitFor({ timeout: 10_000 });
      await section.locator('[data-testid="map-booth-A01"][data-status="FREE"]').waitFor();
    } finally {
      await org.context.close();
    }
    const emp = await newPage(fixture, DESKTOP);
    try {
      await login(fixture, emp.page, EMPLOYER);
      await emp.page.waitForURL(/\/employer/);
      await seeNotification(emp.page, '由 A01 调整为 A03');
      await screenshot(emp.page, 'booths-moved-notice-desktop.png');
    } finally {
      await emp.context.close();
    }
  });

  test('the exhibitor list downloads as Excel and opens with the right rows', async () => {
    const org = await newPage(fixture, DESKTOP);
    try {
      await login(fixture, org.page, ORGANIZER);
      await org.page.waitForURL(/\/organizer/);
      await org.page.goto(`${fixture.baseUrl}/organizer/events/${ctx.eventId}`);
      await org.page.getByTestId('fair-booths').waitFor();
      const [download] = await Promise.all([org.page.waitForEvent('download'), org.page.getByTestId('export-exhibitors').click()]);
      assert.match(download.suggestedFilename(), /^exhibitors-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.xlsx$/);
      const file = join(mkdtempSync(join(tmpdir(), 'leye-xlsx-')), download.suggestedFilename());
      await download.saveAs(file);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      const ws = wb.getWorksheet('参展单位');
      assert.ok(ws, 'the workbook has the 参展单位 sheet');
      const rows = [];
      ws.eachRow((row) => rows.push(row.values.slice(1).map((v) => (v == null ? '' : String(v)))));
      assert.deepEqual(rows[0], ['序号', '展位号', '单位名称', '联系人', '联系电话']);
      // Confirmed exhibitors by booth: the waitlisted employer on A02, the demo employer moved to A03; the cancelled rival is not listed.
      assert.deepEqual(rows.slice(1).map((r) => [r[0], r[1], r[2]]), [['1', 'A02', ctx.waiter.name], ['2', 'A03', '临沂示例木业有限公司']]);
      for (const r of rows.slice(1)) assert.ok(r[4] === '' || /^\d{3}\*{4}\d{4}$/.test(r[4]), `phone masked: ${r[4]}`);
      await org.page.getByTestId('export-exhibitors').getByText('已下载').waitFor();
    } finally {
      await org.context.close();
    }
  });

  test("the organizer opens the fair's application funnel from its event page", async () => {
    // A seeker applies from the fair's page to the demo employer's approved posting; the employer views it.
    const { myPostings } = await gql(`query { myPostings(status: APPROVED, take: 5) { items { id title } } }`, {}, ctx.demo.token);
    assert.ok(myPostings.items.length > 0, 'the demo employer has an approved posting');
    const seeker = await tokenOf('seeker@leye.demo');
    const { applyToPosting } = await gql(
      `mutation($i: ApplyInput!) { applyToPosting(input: $i) { id } }`,
      { i: { postingId: myPostings.items[0].id, source: 'FAIR', eventId: ctx.eventId } },
      seeker,
    );
    await gql(`mutation($id: ID!) { openApplication(id: $id) { id } }`, { id: applyToPosting.id }, ctx.demo.token);
    for (const viewport of [DESKTOP, PHONE]) {
      const org = await newPage(fixture, viewport);
      try {
        await login(fixture, org.page, ORGANIZER);
        await org.page.waitForURL(/\/organizer/);
        await org.page.goto(`${fixture.baseUrl}/organizer/events/${ctx.eventId}`);
        await org.page.getByTestId('fair-funnel-link').click();
        await org.page.waitForURL(new RegExp(`/organizer/applications/fairs/${ctx.eventId}$`));
        const total = org.page.getByTestId('fair-funnel-total');
        await total.getByTestId('funnel-submitted').getByText('1 · 100%').waitFor();
        await total.getByTestId('funnel-viewed').getByText('1 · 100%').waitFor();
        await total.getByTestId('funnel-hired').getByText('0 · 0%').waitFor();
        await org.page.getByTestId('fair-funnel-postings').getByText(myPostings.items[0].title).waitFor();
        assert.ok((await sidewaysOverflow(org.page)) <= 0, 'the funnel page scrolls sideways');
        await screenshot(org.page, `booths-fair-funnel-${viewport === PHONE ? 'phone' : 'desktop'}.png`, { fullPage: true });
      } finally {
        await org.context.close();
      }
    }
  });
});
