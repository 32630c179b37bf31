import ICAL from 'ical.js';
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
    expect((await feed(t, '/calendar/events.ics?type=PARTY')).status).toBe(404);
  });

  it('serves one published event for "add to calendar", and not a draft', async () => {
    const one = await feed(t, `/calendar/events/${lanshanSalon}.ics`);
    expect([...one.events.keys()]).toEqual([lanshanSalon]);
    expect((await feed(t, `/calendar/events/${draft}.ics`)).status).toBe(404);
  });

  it('gives each user a private feed of what concerns them, revocable by rotation', async () => {
    const url = (await t.gql(`{ myCalendarFeed { url } }`, {}, mentor.token)).data!.myCalendarFeed.url as string;
    const path = new URL(url).pathname;
    const mine = await feed(t, path);
    expect([...mine.events.keys()]).toEqual([lanshanSalon]);
    const organizerFeed = await feed(t, new URL((await t.gql(`{ myCalendarFeed { url } }`, {}, organizer.token)).data!.myCalendarFeed.url).pathname);
    expect(organizerFeed.events.size).toBe(5);
    const rotated = (await t.gql(`mutation { rotateCalendarFeedToken { url } }`, {}, mentor.token)).data!.rotateCalendarFeedToken.url as string;
    expect(rotated).not.toBe(url);
    expect((await feed(t, path)).status).toBe(404);
    expect((await feed(t, new URL(rotated).pathname)).events.size).toBe(1);
    expect((await t.gql(`{ myCalendarFeed { url } }`)).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });
});
