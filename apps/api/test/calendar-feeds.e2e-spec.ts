import { createHash } from 'node:crypto';
import ICAL from 'ical.js';
import { CalendarFeedTokenHash1764547200000 } from '../src/database/migrations/1764547200000-calendar-feed-token-hash.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { CREATE_EVENT, createVenue, eventInput, signedInAs } from './support/factories.js';

/** Parses a feed with an independent iCalendar parser (ical.js) and returns its events by UID. */
async function feed(t: TestApp, path: string) {
  const res = await fetch(`${t.baseUrl}${path}`);
  const text = await res.text();
  if (res.status !== 200) return { status: res.status, events: new Map(), tzid: null as string | null, text };
  const cal = new ICAL.Component(ICAL.parse(text));
  // Times are written in Asia/Shanghai with a TZID; the feed's own VTIMEZONE tells the parser what that means.
  for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  const events = new Map<string, { summary: string; start: Date; tzid: string | null; status: string | null }>();
  for (const v of cal.getAllSubcomponents('vevent')) {
    const e = new ICAL.Event(v);
    events.set(e.uid.replace(/@leye-linyi$/, ''), {
      summary: e.summary,
      start: e.startDate.toJSDate(),
      tzid: (v.getFirstProperty('dtstart')?.getParameter('tzid') as string) ?? null,
      status: (v.getFirstPropertyValue('status') as string) ?? null,
    });
  }
  const tz = cal.getFirstSubcomponent('vtimezone');
  return { status: res.status, events, tzid: (tz?.getFirstPropertyValue('tzid') as string) ?? null, text, contentType: res.headers.get('content-type') };
}

describe('calendar feeds', () => {
  let t: TestApp;
  let lanshanFair: string, feixianFair: string, lanshanSalon: string, draft: string, cancelled: string;
  let organizer: { id: string; token: string };
  let mentor: { id: string; token: string };

  beforeAll(async () => {
    t = await createTestApp();
    organizer = await signedInAs(t, 'ORGANIZER');
    mentor = await signedInAs(t, 'MENTOR');
    const v1 = await createVenue(t, '371302');
    const v2 = await createVenue(t, '371325');
    const make = async (input: Record<string, unknown>, publish: boolean) =>
      (await t.gql(CREATE_EVENT, { input, publish }, organizer.token)).data!.createEvent.id as string;
    // Whole minutes: iCalendar times have no sub-second part.
    const soon = (days: number) => new Date(Math.floor(Date.now() / 60_000) * 60_000 + days * 86400_000).toISOString();
    lanshanFair = await make(eventInput({ title: '兰山招聘会', venueId: v1, startsAt: soon(10) }), true);
    feixianFair = await make(eventInput({ title: '费县招聘会', regionCode: '371325', venueId: v2, startsAt: soon(11) }), true);
    lanshanSalon = await make(eventInput({ title: '创业沙龙', type: 'ENTREPRENEURSHIP', subtype: 'SALON', venueId: v1, startsAt: soon(12) }), true);
    draft = await make(eventInput({ title: '草稿活动', venueId: v1, startsAt: soon(13) }), false);
    cancelled = await make(eventInput({ title: '取消的活动', venueId: v1, startsAt: soon(14) }), true);
    await t.gql(`mutation($id: ID!) { cancelEvent(id: $id, reason: "场馆维修") { id } }`, { id: cancelled }, organizer.token);
    await t.gql(`mutation($e: ID!, $u: ID!) { assignEventStaff(eventId: $e, userId: $u) { id } }`, { e: lanshanSalon, u: mentor.id }, organizer.token);
  });
  afterAll(() => t.close());

  it('publishes exactly the published events, with Asia/Shanghai times and its VTIMEZONE', async () => {
    const all = await feed(t, '/calendar/events.ics');
    expect(all.contentType).toMatch(/text\/calendar/);
    expect(all.tzid).toBe('Asia/Shanghai');
    expect([...all.events.keys()].sort()).toEqual([lanshanFair, feixianFair, lanshanSalon, cancelled].sort());
    expect(all.events.get(lanshanFair)!.tzid).toBe('Asia/Shanghai');
    const [{ starts_at }] = await t.ds.query(`SELECT starts_at FROM event WHERE id = $1`, [lanshanFair]);
    expect(all.events.get(lanshanFair)!.start.getTime()).toBe(new Date(starts_at).getTime());
    expect(all.events.get(cancelled)).toMatchObject({ status: 'CANCELLED' });
    expect(all.events.has(draft)).toBe(false);
  });

  it('filters by region and by type', async () => {
    const lanshan = await feed(t, '/calendar/events.ics?region=371302');
    expect([...lanshan.events.keys()].sort()).toEqual([lanshanFair, lanshanSalon, cancelled].sort());
    const fairs = await feed(t, '/calendar/events.ics?region=371302&type=JOB_FAIR');
    expect([...fairs.events.keys()].sort()).toEqual([lanshanFair, cancelled].sort());
    expect((await feed(t, '/calendar/events.ics?type=PARTY')).status).toBe(400);
    expect((await feed(t, '/calendar/events.ics?region=999999')).status).toBe(400);
  });

  it('serves one published event for "add to calendar", and not a draft', async () => {
    const one = await feed(t, `/calendar/events/${lanshanSalon}.ics`);
    expect([...one.events.keys()]).toEqual([lanshanSalon]);
    expect((await feed(t, `/calendar/events/${draft}.ics`)).status).toBe(404);
  });

  it('gives each user a private feed of what concerns them, shown once and revocable by rotation', async () => {
    const ROTATE = `mutation { rotateCalendarFeedToken { url active issuedAt } }`;
    expect((await t.gql(`{ myCalendarFeed { url active issuedAt } }`, {}, mentor.token)).data!.myCalendarFeed).toEqual({ url: null, active: false, issuedAt: null });
    const url = (await t.gql(ROTATE, {}, mentor.token)).data!.rotateCalendarFeedToken.url as string;
    const path = new URL(url).pathname;
    const mine = await feed(t, path);
    expect([...mine.events.keys()]).toEqual([lanshanSalon]);
    // Once issued, the URL is not readable again: only that it exists and since when.
    const status = (await t.gql(`{ myCalendarFeed { url active issuedAt } }`, {}, mentor.token)).data!.myCalendarFeed;
    expect(status).toMatchObject({ url: null, active: true, issuedAt: expect.any(String) });
    const organizerFeed = await feed(t, new URL((await t.gql(ROTATE, {}, organizer.token)).data!.rotateCalendarFeedToken.url).pathname);
    expect(organizerFeed.events.size).toBe(5);
    const rotated = (await t.gql(ROTATE, {}, mentor.token)).data!.rotateCalendarFeedToken.url as string;
    expect(rotated).not.toBe(url);
    expect((await feed(t, path)).status).toBe(404);
    expect((await feed(t, new URL(rotated).pathname)).events.size).toBe(1);
    expect((await t.gql(`{ myCalendarFeed { active } }`)).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('stores only the SHA-256 of a feed token, never the token', async () => {
    const seeker = await signedInAs(t, 'SEEKER');
    const url = (await t.gql(`mutation { rotateCalendarFeedToken { url } }`, {}, seeker.token)).data!.rotateCalendarFeedToken.url as string;
    const token = /\/calendar\/feed\/([^/]+)\.ics$/.exec(new URL(url).pathname)![1]!;
    const rows = await t.ds.query(`SELECT * FROM calendar_feed_token WHERE user_id = $1`, [seeker.id]);
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(rows[0].token_hash).toBe(createHash('sha256').update(token).digest('hex'));
  });

  it('words a private feed in its owner\'s language, and a public one in ?lang', async () => {
    const english = await signedInAs(t, 'MENTOR', { locale: 'en' });
    await t.gql(`mutation($e: ID!, $u: ID!) { assignEventStaff(eventId: $e, userId: $u) { id } }`, { e: cancelled, u: english.id }, organizer.token);
    const url = (await t.gql(`mutation { rotateCalendarFeedToken { url } }`, {}, english.token)).data!.rotateCalendarFeedToken.url as string;
    const mine = await feed(t, new URL(url).pathname);
    expect(mine.text).toContain('X-WR-CALNAME:My Leye Linyi calendar');
    expect(mine.events.get(cancelled)!.summary).toBe('[Cancelled] 取消的活动');
    const zh = await feed(t, `/calendar/events/${cancelled}.ics`);
    expect(zh.events.get(cancelled)!.summary).toBe('【已取消】取消的活动');
    const en = await feed(t, `/calendar/events.ics?lang=en`);
    expect(en.text).toContain('X-WR-CALNAME:Leye Linyi events');
    expect(en.text).toMatch(/Job fair·General/);
  });

  it('hashes the tokens already issued when migrating, so subscribed links keep working', async () => {
    const seeker = await signedInAs(t, 'SEEKER');
    const runner = t.ds.createQueryRunner();
    try {
      const migration = new CalendarFeedTokenHash1764547200000();
      await migration.down(runner);
      await runner.query(`INSERT INTO calendar_feed_token (user_id, token) VALUES ($1, 'legacy-plain-token-0123456789')`, [seeker.id]);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    const legacy = await feed(t, '/calendar/feed/legacy-plain-token-0123456789.ics');
    expect(legacy.status).toBe(200);
    const [row] = await t.ds.query(`SELECT token_hash FROM calendar_feed_token WHERE user_id = $1`, [seeker.id]);
    expect(row.token_hash).toBe(createHash('sha256').update('legacy-plain-token-0123456789').digest('hex'));
  });
});
