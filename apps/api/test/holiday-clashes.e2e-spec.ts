import { createTestApp, type TestApp } from './support/test-app.js';
import { signedInAs } from './support/factories.js';
import { eventually, jobsSettled } from './support/jobs.js';

/**
 * Scheduling that knows about holidays: a year nobody has entered yet says so; when an admin enters
 * it later, occurrences that now fall on a holiday are listed and notified, and resolved in one click
 * by their series' holiday policy; one week, one fair; moved dates say which way and why.
 */
const PREVIEW = `query($p: SeriesPatternInput!, $r: String) {
  previewEventSeries(pattern: $p, regionCode: $r) {
    count skipped moved movedEarlier movedLater holidaysUnknownYears
    occurrences { occurrenceKey date adjustment reason holidayName mergedInto }
  } }`;
const CREATE = `mutation($input: CreateEventSeriesInput!) { createEventSeries(input: $input) { id ruleText occurrenceCount } }`;
const SET = `mutation($y: Int!, $d: [HolidayDayInput!]!) { setHolidays(year: $y, days: $d) { year hasBuiltInSchedule isKnown } }`;
const YEAR = `query($y: Int!) { holidays(year: $y) { hasBuiltInSchedule isKnown } }`;
const CLASHES = `query($y: Int) { eventsOnHolidays(year: $y) { eventId title date holidayName holidayPolicy action moveTo seriesTitle startsAt } }`;
const RESOLVE = `mutation($id: ID!) { resolveHolidayClash(eventId: $id) }`;
const EVENT = `query($id: ID!) { event(id: $id) { status startsAt endsAt cancelReason } }`;

// The 2027 Spring Festival block as an admin would paste it (chinese-days has no 2027 yet).
const SPRING_2027 = ['05', '06', '07', '08', '09', '10', '11', '12', '13'].map((d) => ({ date: `2027-02-${d}`, kind: 'HOLIDAY', name: '春节' }));

const ONLINE = { isOnline: true, onlineUrl: 'https://live.example.cn/holidays' };
const rule = (rrule: string, holidayPolicy: string) => ({
  kind: 'RRULE', rrule, startDate: '2027-01-04', untilDate: '2027-02-28', startTime: '09:00', durationMinutes: 180, holidayPolicy,
});
const seriesInput = (title: string, pattern: Record<string, unknown>) => ({
  title, type: 'JOB_FAIR', subtype: 'GENERAL', regionCode: '371302', capacity: 200, ...ONLINE, pattern, publish: true,
});
const thursdayCadence = (year: number, weekdays = [4]) => ({
  kind: 'SEASONAL_CADENCE', cadence: { year, weekdays }, startDate: `${year}-01-01`, startTime: '09:00', durationMinutes: 180, holidayPolicy: 'NEXT_WORKING_DAY',
});

describe('scheduling that knows about holidays', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    // Saving holidays starts subscriber jobs; let them finish before the app (and its job workers) closes.
    try {
      await jobsSettled(t);
    } finally {
      await t.close();
    }
  });

  it('says a year’s holidays are unknown until an admin enters them, then lists, notifies and resolves the occurrences they hit', async () => {
    const admin = await signedInAs(t, 'ADMIN');
    const organizer = await signedInAs(t, 'ORGANIZER', { regionCode: '371302' });
    const otherCounty = await signedInAs(t, 'ORGANIZER', { regionCode: '371325' });

    // 2027 is unknown: the preview and the holidays query say so.
    const before = await t.gql(PREVIEW, { p: rule('FREQ=WEEKLY;BYDAY=WE', 'NEXT_WORKING_DAY') }, organizer.token);
    expect(before.errors).toBeUndefined();
    expect(before.data!.previewEventSeries).toMatchObject({ holidaysUnknownYears: [2027], moved: 0, skipped: 0 });
    expect((await t.gql(YEAR, { y: 2027 })).data!.holidays).toEqual({ hasBuiltInSchedule: false, isKnown: false });
    expect((await t.gql(YEAR, { y: 2026 })).data!.holidays).toEqual({ hasBuiltInSchedule: true, isKnown: true });

    // The organizer goes on knowingly: three series, one per policy.
    const ids: Record<string, string> = {};
    for (const [title, rrule, policy] of [
      ['周三招聘会', 'FREQ=WEEKLY;BYDAY=WE', 'NEXT_WORKING_DAY'],
      ['周四招聘会', 'FREQ=WEEKLY;BYDAY=TH', 'SKIP'],
      ['周五招聘会', 'FREQ=WEEKLY;BYDAY=FR', 'KEEP'],
    ] as const) {
      const created = await t.gql(CREATE, { input: seriesInput(title, rule(rrule, policy)) }, organizer.token);
      expect(created.errors).toBeUndefined();
      ids[title] = created.data!.createEventSeries.id;
    }

    // The admin enters 2027; the page can now tell the year is known.
    const saved = await t.gql(SET, { y: 2027, d: SPRING_2027 }, admin.token);
    expect(saved.data!.setHolidays).toEqual({ year: 2027, hasBuiltInSchedule: false, isKnown: true });
    const after = await t.gql(PREVIEW, { p: rule('FREQ=WEEKLY;BYDAY=WE', 'NEXT_WORKING_DAY') }, organizer.token);
    expect(after.data!.previewEventSeries.holidaysUnknownYears).toEqual([]);

    // The organizer is notified (a worker runs the holidays.changed subscriber) …
    const notice = await eventually(async () => {
      const res = await t.gql(`{ notifications { items { kind title body link } } }`, {}, organizer.token);
      const found = res.data!.notifications.items.find((n: { kind: string }) => n.kind === 'HOLIDAY_CLASHES');
      if (!found) throw new Error('not yet');
      return found;
    });
    expect(notice).toMatchObject({ title: '2027 年节假日已公布：4 场活动落在节假日', link: '/organizer/calendar' });
    expect(notice.body).toContain('「周三招聘会」2027-02-10（春节）');

    // … and the calendar lists them, with what one click will do; another county sees none of them.
    const list = await t.gql(CLASHES, { y: 2027 }, organizer.token);
    expect(list.errors).toBeUndefined();
    const clashes = list.data!.eventsOnHolidays as Array<{ eventId: string; title: string; date: string; action: string; moveTo: string | null }>;
    expect(clashes.map((c) => [c.title, c.date, c.action, c.moveTo])).toEqual([
      ['周五招聘会', '2027-02-05', 'ACKNOWLEDGE', null],
      ['周三招聘会', '2027-02-10', 'RESCHEDULE', '2027-02-15'],
      ['周四招聘会', '2027-02-11', 'CANCEL', null],
      ['周五招聘会', '2027-02-12', 'ACKNOWLEDGE', null],
    ]);
    expect((await t.gql(CLASHES, { y: 2027 }, otherCounty.token)).data!.eventsOnHolidays).toEqual([]);
    const byTitleDate = (title: string, date: string) => clashes.find((c) => c.title === title && c.date === date)!.eventId;

    // Resolving by policy: another county may not; the own organizer moves, cancels, acknowledges.
    const wed = byTitleDate('周三招聘会', '2027-02-10');
    expect((await t.gql(RESOLVE, { id: wed }, otherCounty.token)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect((await t.gql(RESOLVE, { id: wed }, organizer.token)).data!.resolveHolidayClash).toBe('RESCHEDULE');
    expect((await t.gql(EVENT, { id: wed }, organizer.token)).data!.event).toMatchObject({
      status: 'PUBLISHED', startsAt: '2027-02-15T01:00:00.000Z', endsAt: '2027-02-15T04:00:00.000Z',
    });
    const thu = byTitleDate('周四招聘会', '2027-02-11');
    expect((await t.gql(RESOLVE, { id: thu }, organizer.token)).data!.resolveHolidayClash).toBe('CANCEL');
    expect((await t.gql(EVENT, { id: thu }, organizer.token)).data!.event).toMatchObject({ status: 'CANCELLED', cancelReason: '春节' });
    const fri = byTitleDate('周五招聘会', '2027-02-05');
    expect((await t.gql(RESOLVE, { id: fri }, organizer.token)).data!.resolveHolidayClash).toBe('ACKNOWLEDGE');
    expect((await t.gql(EVENT, { id: fri }, organizer.token)).data!.event).toMatchObject({ status: 'PUBLISHED', startsAt: '2027-02-05T01:00:00.000Z' });
    // A second click finds nothing left to do.
    const again = await t.gql(RESOLVE, { id: fri }, organizer.token);
    expect(again.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'NO_HOLIDAY_CLASH' });
    const left = await t.gql(CLASHES, { y: 2027 }, organizer.token);
    expect(left.data!.eventsOnHolidays.map((c: { title: string; date: string }) => [c.title, c.date])).toEqual([['周五招聘会', '2027-02-12']]);
    // Keeping it is in the audit log.
    expect(await eventually(async () => {
      const [{ m }] = await t.ds.query(`SELECT count(*)::int AS m FROM audit_log WHERE action = 'event.kept-on-holiday' AND resource_id = $1`, [fri]);
      if (m !== 1) throw new Error('not yet');
      return m;
    })).toBe(1);

    // A series planned after the holidays were known keeps its holiday dates knowingly: not a clash.
    const knowingly = await t.gql(CREATE, { input: seriesInput('周六招聘会', { ...rule('FREQ=WEEKLY;BYDAY=SA', 'KEEP') }) }, organizer.token);
    expect(knowingly.errors).toBeUndefined();
    const still = await t.gql(CLASHES, { y: 2027 }, organizer.token);
    expect(still.data!.eventsOnHolidays.map((c: { title: string }) => c.title)).toEqual(['周五招聘会']);
  });

  it('one week, one fair: a Thursday-only cadence with 2027’s holidays has no fair on 2027-02-03 next to 02-04', async () => {
    const admin = await signedInAs(t, 'ADMIN');
    const organizer = await signedInAs(t, 'ORGANIZER', { regionCode: '371302' });
    await t.gql(SET, { y: 2027, d: SPRING_2027 }, admin.token);
    const res = await t.gql(PREVIEW, { p: thursdayCadence(2027), r: '371302' }, organizer.token);
    expect(res.errors).toBeUndefined();
    const held = res.data!.previewEventSeries.occurrences
      .filter((o: { adjustment: string }) => o.adjustment !== 'SKIPPED')
      .map((o: { date: string }) => o.date);
    expect(held.filter((d: string) => d.startsWith('2027-02-0'))).toEqual(['2027-02-04']);
  });

  it('counts dates brought forward apart from dates postponed, and says why a date is brought forward', async () => {
    const organizer = await signedInAs(t, 'ORGANIZER', { regionCode: '371302' });
    const res = await t.gql(PREVIEW, { p: thursdayCadence(2026, [2]), r: '371302' }, organizer.token);
    expect(res.errors).toBeUndefined();
    const p = res.data!.previewEventSeries;
    // Tuesday 12-01 is outside the peak season that ends on Monday 11-30: that week's fair is brought forward.
    expect(p.occurrences.find((o: { occurrenceKey: string }) => o.occurrenceKey === '2026-12-01')).toMatchObject({
      date: '2026-11-30', adjustment: 'MOVED', reason: 'OUTSIDE_PEAK_DAYS',
    });
    const moved = p.occurrences.filter((o: { adjustment: string }) => o.adjustment === 'MOVED') as Array<{ date: string; occurrenceKey: string }>;
    expect(p.movedEarlier).toBe(moved.filter((o) => o.date < o.occurrenceKey).length);
    expect(p.movedLater).toBe(moved.filter((o) => o.date > o.occurrenceKey).length);
    expect(p.movedEarlier).toBeGreaterThan(0);
    expect(p.movedEarlier + p.movedLater).toBe(p.moved);
  });

  it('names the cadence’s weekdays in English, not "weekdays 4"', async () => {
    const organizer = await signedInAs(t, 'ORGANIZER', { regionCode: '371302' });
    await t.ds.query(`UPDATE app_user SET locale = 'en' WHERE id = $1`, [organizer.id]);
    const created = await t.gql(CREATE, { input: seriesInput('Thursday fairs', thursdayCadence(2026)) }, organizer.token);
    expect(created.errors).toBeUndefined();
    expect(created.data!.createEventSeries.ruleText).toBe('Seasonal cadence 2026: weekly in peak season, twice a month off-season (Thursday)');
    // The event page's series summary carries what the web needs to word it in the reader's language.
    const list = await t.gql(`query($f: EventFilter!) { events(filter: $f, take: 1) { items { series { ruleText patternKind cadenceYear cadenceWeekdays } } } }`,
      { f: { seriesId: created.data!.createEventSeries.id } }, organizer.token);
    expect(list.data!.events.items[0].series).toEqual({
      ruleText: 'Seasonal cadence 2026: weekly in peak season, twice a month off-season (Thursday)', patternKind: 'SEASONAL_CADENCE', cadenceYear: 2026, cadenceWeekdays: [4],
    });
  });
});
