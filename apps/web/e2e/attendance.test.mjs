// Browser test of attendance (seeker side and organizer page): on a phone the demo seeker opens the 兰山 spring fair's
// public page, registers, lands on "my registrations" and sees the ticket's QR big enough to scan, with the signed
// code; the organizer's attendance page of the fair shows the registrations (phones masked), the gates and figures.
// Run after building api and web: `cd apps/web && node --test e2e/attendance.test.mjs`.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createFixture, DESKTOP, PHONE, graphqlData, startApp, stopApp } from './support/app-fixture.mjs';
import { login as signIn, newPage as openPage, screenshot, sidewaysOverflow } from './support/browser.mjs';

const fixture = createFixture();
const newPage = (viewport) => openPage(fixture, viewport);
const login = (page, who, password) => signIn(fixture, page, who, password);
const FAIR = '兰山区春风行动综合招聘会（示例）';

before(() => startApp(fixture));
after(() => stopApp(fixture));

describe('attendance', { timeout: 240_000 }, () => {
  test('a seeker registers on a phone and sees the ticket QR; the organizer sees the registration masked', async () => {
    const { events } = await graphqlData(fixture, `{ events(take: 50) { items { id title } } }`).catch(() => ({ events: null }));
    let fairId = events?.items?.find((e) => e.title === FAIR)?.id;
    const seeker = await newPage(PHONE);
    const organizer = await newPage(DESKTOP);
    try {
      const s = seeker.page;
      await login(s, 'seeker@leye.demo');
      await s.waitForURL(/\/seeker/);
      if (!fairId) {
        await s.goto(`${fixture.baseUrl}/events`);
        await s.getByText(FAIR).first().click();
        await s.waitForURL(/\/events\/[0-9a-f-]{36}/);
        fairId = s.url().match(/[0-9a-f-]{36}/)[0];
      } else {
        await s.goto(`${fixture.baseUrl}/events/${fairId}`);
      }
      const box = s.getByTestId('register-box');
      await box.waitFor();
      await screenshot(s, 'attendance-public-event-phone.png', { fullPage: true });
      await box.getByTestId('register-button').click();

      // Registered: the page of registrations and tickets, the QR big on the phone.
      await s.waitForURL(/\/seeker\/registrations/);
      const card = s.locator('[data-testid="registration"][data-status="REGISTERED"]').filter({ hasText: FAIR });
      const qr = card.getByTestId('ticket-qr');
      await qr.waitFor();
      const code = await qr.getAttribute('data-code');
      assert.match(code, /^LT1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{86}$/, 'the QR carries a signed LT1 ticket');
      await s.waitForFunction((el) => el.complete && el.naturalWidth > 0, await qr.elementHandle());
      const size = await qr.boundingBox();
      assert.ok(size && size.width >= 300 && size.width <= 390, `the QR fills the phone's width (${size?.width}px)`);
      assert.equal(await sidewaysOverflow(s), 0, 'my registrations fit a phone');
      await screenshot(s, 'attendance-ticket-phone.png', { fullPage: true });

      // Registering twice is impossible: the public page now shows the state instead of the button.
      await s.goto(`${fixture.baseUrl}/events/${fairId}`);
      await s.getByTestId('registered-tag').waitFor();
      assert.equal(await s.getByTestId('register-button').count(), 0);

      // The organizer of the city sees the registration on the fair's attendance page, phone masked.
      const o = organizer.page;
      await login(o, 'organizer@leye.demo');
      await o.waitForURL(/\/organizer/);
      await o.goto(`${fixture.baseUrl}/organizer/attendance/${fairId}`);
      await o.getByTestId('attendance-page').waitFor();
      const row = o.locator('tr').filter({ hasText: '赵求职' });
      await row.waitFor();
      assert.match(await row.innerText(), /139\*\*\*\*1234/, 'the phone is masked in the list');
      await o.getByText('东门').first().waitFor();
      await screenshot(o, 'attendance-organizer.png', { fullPage: true });
    } finally {
      await seeker.context.close();
      await organizer.context.close();
    }
  });
});
