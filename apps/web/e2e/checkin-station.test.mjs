// Issue 9, the check-in station in the browser: a door volunteer signs in through the real login page, opens
// the station of a fair and scans at the east gate — typed codes (what a handheld scanner types), a QR image
// fed to the ZXing decoder, a phone-digit lookup, a walk-in — then the network drops (Chromium's network
// emulation): the station keeps scanning into its IndexedDB queue, reloads from its service worker, and when
// the network returns the queue drains and the counts are right. Meanwhile an organizer's phone at the west
// gate scans one of the same tickets while offline: after both sync it is one admission and one conflict.
// Screenshots at desktop and phone size. Run with `cd apps/web && node --test e2e/checkin-station.test.mjs`
// after `npx turbo run build --filter=@leye/api --filter=@leye/web`.
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createFixture, graphqlData, DEMO_PASSWORD, DESKTOP, PHONE, SCREENSHOTS, startApp, stopApp } from './support/app-fixture.mjs';
import { login, newPage, screenshot, sidewaysOverflow } from './support/browser.mjs';

const fixture = createFixture();
const CITY_ORGANIZER = 'organizer@leye.demo';
const LANSHAN_ORGANIZER = 'lanshan.organizer@leye.demo';
const DOOR_VOLUNTEER = 'host@leye.demo';
const gql = (query, variables = {}, token = null) => graphqlData(fixture, query, variables, token);
const tokenOf = async (login, password = DEMO_PASSWORD) =>
  (await gql(`mutation($i: LoginInput!) { login(input: $i) { accessToken } }`, { i: { login, password } })).login.accessToken;

const SEEKER_NAMES = ['张三丰', '李秀英', '王建国', '赵晓明', '孙丽华', '周志强'];
/** Set up once: the fair, its gates, the door volunteer, six registered seekers and their tickets. */
const ctx = { eventId: '', title: '', organizer: '', seekers: /** @type {{ name: string, phone: string, registrationId: string, code: string }[]} */ ([]), imageFile: '' };

async function setUp() {
  ctx.organizer = await tokenOf(CITY_ORGANIZER);
  // The fair is the day after tomorrow (so the station picker lists it), in a hall of its own (no clash with demo events).
  const day = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  const { createVenue } = await gql(
    `mutation($i: VenueInput!) { createVenue(input: $i) { id } }`,
    { i: { name: `签到测试馆${randomInt(1000, 9999)}`, address: '临沂市兰山区测试路1号', capacity: 500, regionCode: '371302' } },
    ctx.organizer,
  );
  ctx.title = `签到测试招聘会${randomInt(1000, 9999)}`;
  const { createEvent } = await gql(
    `mutation($i: EventInput!) { createEvent(input: $i, publish: true) { id } }`,
    {
      i: {
        title: ctx.title, type: 'JOB_FAIR', subtype: 'GENERAL', regionCode: '371302', isOnline: false, venueId: createVenue.id, capacity: 200,
        startsAt: `${day}T09:00:00+08:00`, endsAt: `${day}T12:00:00+08:00`,
        registrationOpensAt: new Date(Date.now() - 3600_000).toISOString(), registrationClosesAt: `${day}T09:00:00+08:00`,
      },
    },
    ctx.organizer,
  );
  ctx.eventId = createEvent.id;
  for (const name of ['东门', '西门']) {
    await gql(`mutation($e: ID!, $n: String!) { createGate(eventId: $e, name: $n) { id } }`, { e: ctx.eventId, n: name }, ctx.organizer);
  }
  const host = await tokenOf(DOOR_VOLUNTEER);
  const { me } = await gql(`query { me { id } }`, {}, host);
  await gql(`mutation($e: ID!, $u: ID!) { assignDoorVolunteer(eventId: $e, userId: $u) { userId } }`, { e: ctx.eventId, u: me.id }, ctx.organizer);

  const base = randomInt(1000, 8999);
  for (const [i, name] of SEEKER_NAMES.entries()) {
    const phone = `139${String(base).padStart(4, '0')}${String(1000 + i * 111).slice(-4)}`;
    const { registerSeeker } = await gql(
      `mutation($i: RegisterSeekerInput!) { registerSeeker(input: $i) { accessToken } }`,
      { i: { displayName: name, phone, password: 'Linyi#2025go', regionCode: '371302' } },
    );
    const token = registerSeeker.accessToken;
    const { registerForEvent } = await gql(`mutation($e: ID!) { registerForEvent(eventId: $e) { id status ticketCode } }`, { e: ctx.eventId }, token);
    assert.equal(registerForEvent.status, 'REGISTERED');
    assert.match(registerForEvent.ticketCode, /^LT1\./);
    ctx.seekers.push({ name, phone, registrationId: registerForEvent.id, code: registerForEvent.ticketCode });
    if (i === 4) {
      // Seeker 5's ticket as the PNG the public portal offers: the station reads it from an image.
      const { myTicketImage } = await gql(
        `query($r: ID!) { myTicketImage(registrationId: $r, format: PNG) { contentType data } }`,
        { r: registerForEvent.id },
        token,
      );
      assert.equal(myTicketImage.contentType, 'image/png');
      ctx.imageFile = join(SCREENSHOTS, 'checkin-ticket-5.png');
      writeFileSync(ctx.imageFile, Buffer.from(myTicketImage.data, 'base64'));
    }
  }
}

before(async () => {
  await startApp(fixture);
  await setUp();
});
after(() => stopApp(fixture));

/** Signs in through the login page, opens the event's station from the picker and chooses the gate. */
async function openStation(page, account, gate, { viaPicker = false } = {}) {
  await login(fixture, page, account);
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  if (viaPicker) {
    await page.goto(`${fixture.baseUrl}/station`);
    const item = page.getByTestId('station-picker-item').filter({ hasText: ctx.title });
    await item.waitFor();
    await screenshot(page, 'checkin-station-picker-phone.png');
    await item.getByRole('button').click();
    await page.waitForURL(new RegExp(`/station/${ctx.eventId}$`));
  } else {
    await page.goto(`${fixture.baseUrl}/station/${ctx.eventId}`);
  }
  await page.getByTestId('station-title').filter({ hasText: ctx.title }).waitFor();
  await page.getByTestId('station-gate').getByText(gate, { exact: true }).click();
  await page.getByTestId('station-code-input').locator('input').waitFor();
  // The service worker has taken control (clients.claim on first install): a reload works offline.
  await page.waitForFunction(() => !!navigator.serviceWorker?.controller, null, { timeout: 30_000 });
}

async function scanTyped(page, code) {
  const input = page.getByTestId('station-code-input').locator('input');
  await input.fill(code);
  await input.press('Enter');
}

/** Waits until the big answer shows `tone` (and `name`): a verdict of an earlier scan does not count. */
async function expectVerdict(page, tone, name) {
  let verdict = page.locator(`[data-testid="station-verdict"][data-tone="${tone}"]`);
  if (name) verdict = verdict.filter({ has: page.getByTestId('station-verdict-name').getByText(name, { exact: true }) });
  await verdict.waitFor({ timeout: 10_000 });
}

async function count(page, id) {
  return Number((await page.getByTestId(id).locator('.ant-statistic-content-value').innerText()).replace(/\D/g, ''));
}

async function waitForCount(page, id, expected, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  let seen = -1;
  while (Date.now() < deadline) {
    seen = await count(page, id);
    if (seen === expected) return;
    await page.waitForTimeout(200);
  }
  assert.equal(seen, expected, `${id} shows ${seen}, expected ${expected}`);
}

const masked = (name) => `${name[0]}*${name.at(-1)}`;

describe('check-in station', { timeout: 300_000 }, () => {
  test('a door volunteer finds its event on /station without typing an id; the organizer opens the station from the attendance page', async () => {
    const volunteer = await newPage(fixture, PHONE);
    const organizer = await newPage(fixture, DESKTOP);
    try {
      await login(fixture, volunteer.page, DOOR_VOLUNTEER);
      await volunteer.page.waitForURL((url) => !url.pathname.startsWith('/login'));
      // The volunteer's home shows the door duty with the way to its station.
      const duty = volunteer.page.getByTestId('station-home-card');
      await duty.getByText('我的检票任务').waitFor();
      await duty.getByTestId('station-home-card-open').click();
      await volunteer.page.waitForURL(/\/station(\/[0-9a-f-]{36})?$/);
      await volunteer.page.goto(`${fixture.baseUrl}/station`);
      const item = volunteer.page.getByTestId('station-picker-item').filter({ hasText: ctx.title });
      await item.waitFor();
      // Listed as the volunteer's own door duty (stationEvents), with its hall.
      await item.getByText('我的检票任务').waitFor();
      assert.equal(await sidewaysOverflow(volunteer.page), 0, 'the picker fits a phone');
      await screenshot(volunteer.page, 'checkin-station-picker-duty-phone.png', { fullPage: true });
      await item.getByRole('button').click();
      await volunteer.page.waitForURL(new RegExp(`/station/${ctx.eventId}$`));
      await volunteer.page.getByTestId('station-title').filter({ hasText: ctx.title }).waitFor();
      await volunteer.page.getByTestId('station-gate').getByText('东门', { exact: true }).click();
      await volunteer.page.getByTestId('station-code-input').locator('input').waitFor();
      await screenshot(volunteer.page, 'checkin-station-phone.png', { fullPage: true });
      // The walk-in tab says it needs the network.
      await volunteer.page.getByRole('tab', { name: '现场登记' }).click();
      await volunteer.page.getByTestId('station-walkin-note').waitFor();
      await screenshot(volunteer.page, 'checkin-station-walkin-phone.png', { fullPage: true });

      await login(fixture, organizer.page, CITY_ORGANIZER);
      await organizer.page.waitForURL((url) => !url.pathname.startsWith('/login'));
      await organizer.page.goto(`${fixture.baseUrl}/organizer/attendance/${ctx.eventId}`);
      await organizer.page.getByTestId('open-station').click();
      await organizer.page.waitForURL(new RegExp(`/station/${ctx.eventId}$`));
      await organizer.page.getByTestId('station-title').filter({ hasText: ctx.title }).waitFor();
    } finally {
      await volunteer.context.close();
      await organizer.context.close();
    }
  });

  test('scans online and offline at two gates; the queue drains and one ticket used twice is one admission and one conflict', async () => {
    const east = await newPage(fixture, DESKTOP);
    const west = await newPage(fixture, PHONE);
    const [s1, s2, s3, s4, s5, s6] = ctx.seekers;
    try {
      // ── East gate, a door volunteer (a live-stream host account on door duty), online ─────────────
      await openStation(east.page, DOOR_VOLUNTEER, '东门');
      await scanTyped(east.page, s1.code);
      await expectVerdict(east.page, 'success', masked(s1.name));
      await waitForCount(east.page, 'station-count-admitted', 1);
      await waitForCount(east.page, 'station-count-waiting', 0);
      // The same ticket again a moment later: re-entry, not counted again. Later than the station's repeat-read window
      // (1.5 s for typed and handheld reads: the same code within it is one read, ignored), counted from the first read.
      await east.page.waitForTimeout(1_600);
      await scanTyped(east.page, s1.code);
      await expectVerdict(east.page, 'warning', masked(s1.name));
      // An altered ticket (one character of the signature changed) is refused on the device itself.
      const forged = s2.code.slice(0, -2) + (s2.code.at(-2) === 'A' ? 'B' : 'A') + s2.code.at(-1);
      await scanTyped(east.page, forged);
      await expectVerdict(east.page, 'error');
      // A photo of seeker 5's ticket, read by the ZXing WebAssembly decoder — which the page's
      // Content-Security-Policy must allow to compile ('wasm-unsafe-eval'). Without it the station says the
      // decoder cannot load, and seeker 5 is checked in by phone digits instead (what a volunteer would do).
      const csp = (await fetch(`${fixture.baseUrl}/station`)).headers.get('content-security-policy') ?? '';
      await east.page.getByTestId('station-image-input').setInputFiles(ctx.imageFile);
      if (!/script-src[^;]*'self'/.test(csp) || csp.includes("'wasm-unsafe-eval'")) {
        await expectVerdict(east.page, 'success', masked(s5.name));
      } else {
        await east.page.getByTestId('station-camera-problem').filter({ hasText: 'WebAssembly' }).waitFor();
        await east.page.getByRole('tab', { name: '手机尾号' }).click();
        await east.page.getByTestId('station-phone-input').fill(s5.phone.slice(-4));
        await east.page.getByTestId('station-phone-match').filter({ hasText: masked(s5.name) }).getByTestId('station-phone-checkin').click();
        await expectVerdict(east.page, 'success', masked(s5.name));
      }
      // Seeker 2 forgot the ticket: found by the last four digits of the phone number.
      await east.page.getByRole('tab', { name: '手机尾号' }).click();
      await east.page.getByTestId('station-phone-input').fill(s2.phone.slice(-4));
      await east.page.getByTestId('station-phone-match').filter({ hasText: masked(s2.name) }).getByTestId('station-phone-checkin').click();
      await expectVerdict(east.page, 'success', masked(s2.name));
      // A walk-in registered at the gate.
      await east.page.getByRole('tab', { name: '现场登记' }).click();
      await east.page.getByTestId('station-walkin-name').fill('钱多多');
      await east.page.getByTestId('station-walkin-phone').fill(`137${String(randomInt(1e7, 1e8))}`);
      await east.page.getByTestId('station-walkin-submit').click();
      await expectVerdict(east.page, 'success', '钱*多');
      await east.page.getByRole('tab', { name: '扫码' }).click();
      await waitForCount(east.page, 'station-count-admitted', 4);
      await waitForCount(east.page, 'station-count-waiting', 0);
      await screenshot(east.page, 'checkin-station-desktop.png');

      // ── West gate, an organizer's phone, online then offline ───────────────────────────────────
      await openStation(west.page, LANSHAN_ORGANIZER, '西门', { viaPicker: true });
      assert.ok((await sidewaysOverflow(west.page)) <= 0, 'the phone station scrolls sideways');
      await west.context.setOffline(true);
      await west.page.getByTestId('station-online-status').and(west.page.locator('[data-online="false"]')).waitFor();

      // ── East gate goes offline and keeps scanning ───────────────────────────────────────────────
      await east.context.setOffline(true);
      const eastStatus = east.page.getByTestId('station-online-status');
      await eastStatus.and(east.page.locator('[data-online="false"]')).waitFor();
      await scanTyped(east.page, s3.code);
      await expectVerdict(east.page, 'success', masked(s3.name));
      await scanTyped(east.page, s4.code);
      await expectVerdict(east.page, 'success', masked(s4.name));
      await waitForCount(east.page, 'station-count-waiting', 2);
      await waitForCount(east.page, 'station-count-admitted', 6);
      assert.match(await eastStatus.innerText(), /离线 — 2 条待上传/);

      // Reloading without network: the service worker serves the page, IndexedDB the station and its queue.
      await east.page.reload();
      await east.page.getByTestId('station-title').filter({ hasText: ctx.title }).waitFor({ timeout: 30_000 });
      await east.page.getByTestId('station-cached').waitFor();
      await waitForCount(east.page, 'station-count-waiting', 2);
      await scanTyped(east.page, s6.code);
      await expectVerdict(east.page, 'success', masked(s6.name));
      await waitForCount(east.page, 'station-count-waiting', 3);
      // Seeker 3 was admitted on this device before the reload: the cached history knows it.
      await east.page.waitForTimeout(1_100);
      await scanTyped(east.page, s3.code);
      await expectVerdict(east.page, 'warning', masked(s3.name));
      await screenshot(east.page, 'checkin-station-offline-desktop.png');

      // The west phone, offline too, admits seeker 3 again (it cannot know the east gate did).
      await scanTyped(west.page, s3.code);
      await expectVerdict(west.page, 'success', masked(s3.name));
      await waitForCount(west.page, 'station-count-waiting', 1);
      await screenshot(west.page, 'checkin-station-offline-phone.png');

      // ── The network returns: both queues drain ─────────────────────────────────────────────────
      await east.context.setOffline(false);
      await eastStatus.and(east.page.locator('[data-online="true"][data-waiting="0"]')).waitFor({ timeout: 60_000 });
      await west.context.setOffline(false);
      await west.page.getByTestId('station-online-status').and(west.page.locator('[data-online="true"][data-waiting="0"]')).waitFor({ timeout: 60_000 });

      // The west gate's admission of seeker 3 came after the east gate's: a conflict, counted once.
      await west.page.getByTestId('station-conflict').filter({ hasText: masked(s3.name) }).waitFor({ timeout: 20_000 });
      await waitForCount(west.page, 'station-count-conflicts', 1);
      await waitForCount(west.page, 'station-count-admitted', 7);
      // The east station hears the conflict live, from the event's socket room (it uploaded before the west did).
      await waitForCount(east.page, 'station-count-conflicts', 1);
      await waitForCount(east.page, 'station-count-admitted', 7);
      // And a fresh load from the API says the same.
      await east.page.reload();
      await east.page.getByTestId('station-title').filter({ hasText: ctx.title }).waitFor();
      await waitForCount(east.page, 'station-count-admitted', 7);
      await waitForCount(east.page, 'station-count-conflicts', 1);
      await screenshot(west.page, 'checkin-station-conflict-phone.png', { fullPage: true });

      // The server agrees: 7 people (s1–s6 and the walk-in), one conflict, nobody twice.
      const { attendanceCounts } = await gql(`query($e: ID!) { attendanceCounts(eventId: $e) { admitted conflicts } }`, { e: ctx.eventId }, ctx.organizer);
      assert.deepEqual(attendanceCounts, { admitted: 7, conflicts: 1 });
    } catch (error) {
      await screenshot(east.page, 'checkin-station-failure-east.png').catch(() => undefined);
      await screenshot(west.page, 'checkin-station-failure-west.png').catch(() => undefined);
      throw error;
    } finally {
      await east.context.close();
      await west.context.close();
    }
  });
});
