import { EventSeriesService } from '../src/modules/events/series/event-series.service.js';
import { addDays, addMonths, shanghaiDate } from '../src/common/time.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { CREATE_EVENT, createVenue, eventInput, signedInAs } from './support/factories.js';

const PREVIEW = `query($p: SeriesPatternInput!, $v: ID, $r: String) {
  previewEventSeries(pattern: $p, venueId: $v, regionCode: $r) {
    count skipped moved cadenceCheck { missedPeakWeeks missedOffSeasonMonths }
    occurrences { occurrenceKey date startsAt adjustment holidayName venueConflict }
  } }`;
const CREATE = `mutation($input: CreateEventSeriesInput!) { createEventSeries(input: $input) { id ruleText occurrenceCount materializedUntil startTime } }`;
const LIST = `query($f: EventFilter!) { events(filter: $f, take: 50) { total items { id title status startsAt occurrenceKey isException series { id } } } }`;
const UPDATE = `mutation($id: ID!, $input: EventUpdateInput!, $scope: EditScope!) { updateEvent(id: $id, input: $input, scope: $scope) { id title startsAt isException series { id } } }`;
const CANCEL = `mutation($id: ID!, $reason: String!) { cancelEvent(id: $id, reason: $reason) { id } }`;
const RESCHEDULE = `mutation($id: ID!, $s: DateTime!, $e: DateTime!) { rescheduleEvent(id: $id, startsAt: $s, endsAt: $e) { id } }`;

const weekly = (startDate: string, untilDate?: string, holidayPolicy = 'NEXT_WORKING_DAY') => ({
  kind: 'RRULE', rrule: 'FREQ=WEEKLY;BYDAY=WE', startDate, untilDate, startTime: '09:00', durationMinutes: 180, holidayPolicy,
});

const seriesInput = (venueId: string, pattern: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  title: '兰山区每周招聘会', type: 'JOB_FAIR', subtype: 'GENERAL', regionCode: '371302', venueId, capacity: 800, pattern, publish: true, ...extra,
});

describe('event series', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('previews a weekly rule with the National Day holiday moved to the next working day, saving nothing', async () => {
    const organizer = await signedInAs(t, 'ORGANIZER', { regionCode: '371302' });
    const res = await t.gql(PREVIEW, { p: weekly('2025-09-01', '2025-10-31') }, organizer.token);
    expect(res.errors).toBeUndefined();
    const occ = res.data!.previewEventSeries.occurrences as Array<{ occurrenceKey: string; date: string; adjustment: string; startsAt: string }>;
    const national = occ.find((o) => o.occurrenceKey === '2025-10-01')!;
    expect(national).toMatchObject({ adjustment: 'MOVED', date: '2025-10-09' });
    expect(occ.find((o) => o.occurrenceKey === '2025-09-03')).toMatchObject({ adjustment: 'NONE', startsAt: '2025-09-03T01:00:00.000Z' });
    // 10-08 is in the holiday too; moving it would land on 10-09 as well, so it merges into that fair.
    expect(occ.find((o) => o.occurrenceKey === '2025-10-08')).toMatchObject({ adjustment: 'SKIPPED' });
    expect(res.data!.previewEventSeries).toMatchObject({ count: 8, skipped: 1, moved: 1 });
    const skip = await t.gql(PREVIEW, { p: weekly('2025-09-01', '2025-10-31', 'SKIP') }, organizer.token);
    expect(skip.data!.previewEventSeries).toMatchObject({ count: 7, skipped: 2, moved: 0 });
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM event_series`);
    expect(n).toBe(0);
  });

  it('refuses a malformed rule with a field error', async () => {
    const organizer = await signedInAs(t, 'ORGANIZER');
    const res = await t.gql(PREVIEW, { p: { ...weekly('2027-01-01'), rrule: 'FREQ=SOMETIMES' } }, organizer.token);
    expect(res.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { rrule: expect.any(String) } });
  });

  it('plans a seasonal-cadence year with no missed peak week or off-season month, and saves it', async () => {
    const organizer = await signedInAs(t, 'ORGANIZER', { regionCode: '371302' });
    const venueId = await createVenue(t);
    const pattern = { kind: 'SEASONAL_CADENCE', cadence: { year: 2026, weekdays: [3] }, startDate: '2026-01-01', startTime: '09:00', durationMinutes: 180, holidayPolicy: 'NEXT_WORKING_DAY' };
    const preview = await t.gql(PREVIEW, { p: pattern, v: venueId, r: '371302' }, organizer.token);
    expect(preview.errors).toBeUndefined();
    expect(preview.data!.previewEventSeries.cadenceCheck).toEqual({ missedPeakWeeks: [], missedOffSeasonMonths: [] });
    const count = preview.data!.previewEventSeries.count;
    expect(count).toBeGreaterThan(30);
    const created = await t.gql(CREATE, { input: seriesInput(venueId, pattern) }, organizer.token);
    expect(created.errors).toBeUndefined();
    expect(created.data!.createEventSeries).toMatchObject({ occurrenceCount: count, materializedUntil: '2026-12-31' });
  });

  it('gives every occurrence the series’ co-hosts, from the maintained list', async () => {
    const organizer = await signedInAs(t, 'ORGANIZER'); // the co-host list is city-wide: a city organizer keeps it
    const venueId = await createVenue(t);
    const body = await t.gql(`mutation { createCoHostBody(name: "共青团临沂市委（测试）") { id } }`, {}, organizer.token);
    const coHostId = body.data!.createCoHostBody.id;
    const dup = await t.gql(`mutation { createCoHostBody(name: "共青团临沂市委（测试）") { id } }`, {}, organizer.token);
    expect(dup.errors![0]!.extensions!.code).toBe('CONFLICT');
    const created = await t.gql(CREATE, { input: seriesInput(venueId, weekly('2027-05-01', '2027-05-31'), { coHostIds: [coHostId] }) }, organizer.token);
    const seriesId = created.data!.createEventSeries.id;
    const res = await t.gql(`query($f: EventFilter!) { events(filter: $f, take: 50) { items { coHosts { name } } } }`, { f: { seriesId } }, organizer.token);
    expect(res.data!.events.items).toHaveLength(4);
    for (const e of res.data!.events.items) expect(e.coHosts).toEqual([{ name: '共青团临沂市委（测试）' }]);
    const unknown = await t.gql(CREATE, { input: seriesInput(venueId, weekly('2027-06-01', '2027-06-30'), { coHostIds: ['00000000-0000-4000-8000-000000000000'] }) }, organizer.token);
    expect(unknown.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { coHostIds: expect.any(String) } });
  });

  it('refuses a series whose dates clash with an existing event at the venue, and the preview shows the clash', async () => {
    const organizer = await signedInAs(t, 'ORGANIZER', { regionCode: '371302' });
    const venueId = await createVenue(t);
    await t.gql(CREATE_EVENT, { input: eventInput({ title: '已有的路演', venueId, startsAt: '2027-03-10T02:00:00Z' }), publish: true }, organizer.token);
    const pattern = weekly('2027-03-01', '2027-03-31');
    const preview = await t.gql(PREVIEW, { p: pattern, v: venueId }, organizer.token);
    const clash = preview.data!.previewEventSeries.occurrences.find((o: { occurrenceKey: string }) => o.occurrenceKey === '2027-03-10');
    expect(clash.venueConflict).toBe('已有的路演');
    const res = await t.gql(CREATE, { input: seriesInput(venueId, pattern) }, organizer.token);
    expect(res.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', clashingEvent: '已有的路演' });
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM event WHERE venue_id = $1`, [venueId]);
    expect(n).toBe(1);
  });

  it('extends the horizon without regenerating cancelled or rescheduled occurrences', async () => {
    const organizer = await signedInAs(t, 'ORGANIZER', { regionCode: '371302' });
    const venueId = await createVenue(t);
    const today = shanghaiDate(new Date());
    const created = await t.gql(CREATE, { input: seriesInput(venueId, weekly(addDays(today, 1))) }, organizer.token);
    const seriesId = created.data!.createEventSeries.id;
    expect(created.data!.createEventSeries.materializedUntil).toBe(addMonths(addDays(today, 1), 12));
    const list = await t.gql(LIST, { f: { seriesId } }, organizer.token);
    const [first, second] = list.data!.events.items;
    await t.gql(CANCEL, { id: first.id, reason: '临时停办' }, organizer.token);
    const newStart = new Date(new Date(second.startsAt).getTime() + 24 * 3600_000);
    await t.gql(RESCHEDULE, { id: second.id, s: newStart.toISOString(), e: new Date(newStart.getTime() + 3 * 3600_000).toISOString() }, organizer.token);
    const before: number = (await t.ds.query(`SELECT count(*)::int AS n FROM event WHERE series_id = $1`, [seriesId]))[0].n;

    const service = t.app.get(EventSeriesService);
    const added = await service.extendHorizons(addMonths(today, 2));
    expect(added).toBeGreaterThanOrEqual(7);
    expect(await service.extendHorizons(addMonths(today, 2))).toBe(0);
    const rows: Array<{ key: string; n: number }> = await t.ds.query(
      `SELECT to_char(occurrence_key, 'YYYY-MM-DD') AS key, count(*)::int AS n FROM event WHERE series_id = $1 GROUP BY 1 HAVING count(*) > 1`,
      [seriesId],
    );
    expect(rows).toEqual([]);
    const after = await t.ds.query(`SELECT id, status, starts_at FROM event WHERE id = ANY($1::uuid[]) ORDER BY occurrence_key`, [[first.id, second.id]]);
    expect(after[0].status).toBe('CANCELLED');
    expect(new Date(after[1].starts_at).toISOString()).toBe(newStart.toISOString());
    const total: number = (await t.ds.query(`SELECT count(*)::int AS n FROM event WHERE series_id = $1`, [seriesId]))[0].n;
    expect(total).toBe(before + added);
  });

  it('edits one occurrence, this-and-following (splitting the series), or all', async () => {
    const organizer = await signedInAs(t, 'ORGANIZER', { regionCode: '371302' });
    const venueId = await createVenue(t);
    const today = shanghaiDate(new Date());
    const created = await t.gql(CREATE, { input: seriesInput(venueId, weekly(addDays(today, 1), addDays(today, 70))) }, organizer.token);
    const seriesId = created.data!.createEventSeries.id;
    const items = (await t.gql(LIST, { f: { seriesId } }, organizer.token)).data!.events.items;
    expect(items.length).toBeGreaterThanOrEqual(9);

    const one = await t.gql(UPDATE, { id: items[1].id, input: { title: '第二场：退役军人专场' }, scope: 'THIS' }, organizer.token);
    expect(one.data!.updateEvent).toEqual([expect.objectContaining({ title: '第二场：退役军人专场', isException: true })]);

    const all = await t.gql(UPDATE, { id: items[0].id, input: { title: '全新名称', startTime: '14:00' }, scope: 'ALL' }, organizer.token);
    expect(all.errors).toBeUndefined();
    const afterAll = (await t.gql(LIST, { f: { seriesId } }, organizer.token)).data!.events.items;
    expect(afterAll[1].title).toBe('第二场：退役军人专场');
    expect(afterAll.filter((e: { title: string }) => e.title === '全新名称')).toHaveLength(items.length - 1);
    expect(new Date(afterAll[0].startsAt).getUTCHours()).toBe(6);

    const split = await t.gql(UPDATE, { id: items[5].id, input: { title: '下半程' }, scope: 'THIS_AND_FOLLOWING' }, organizer.token);
    expect(split.errors).toBeUndefined();
    const newSeriesId = split.data!.updateEvent[0].series.id;
    expect(newSeriesId).not.toBe(seriesId);
    expect(split.data!.updateEvent).toHaveLength(items.length - 5);
    const oldSeries = (await t.gql(LIST, { f: { seriesId } }, organizer.token)).data!.events;
    expect(oldSeries.total).toBe(5);
    const [s] = await t.ds.query(`SELECT to_char(until_date, 'YYYY-MM-DD') AS until FROM event_series WHERE id = $1`, [seriesId]);
    expect(s.until).toBe(addDays(items[5].occurrenceKey, -1));
  });

  it('a whole-series edit changes only the fields sent, never copying the clicked occurrence’s venue or capacity', async () => {
    const organizer = await signedInAs(t, 'ORGANIZER', { regionCode: '371302' });
    const venueA = await createVenue(t);
    const venueB = await createVenue(t);
    const today = shanghaiDate(new Date());
    const created = await t.gql(CREATE, { input: seriesInput(venueA, weekly(addDays(today, 1), addDays(today, 35))) }, organizer.token);
    const seriesId = created.data!.createEventSeries.id;
    const items = (await t.gql(LIST, { f: { seriesId } }, organizer.token)).data!.events.items;
    expect(items.length).toBeGreaterThanOrEqual(4);

    const moved = await t.gql(UPDATE, { id: items[1].id, input: { venueId: venueB, capacity: 300 }, scope: 'THIS' }, organizer.token);
    expect(moved.errors).toBeUndefined();
    const all = await t.gql(UPDATE, { id: items[1].id, input: { title: '只改名称' }, scope: 'ALL' }, organizer.token);
    expect(all.errors).toBeUndefined();

    const rows: Array<{ id: string; title: string; venue_id: string; capacity: number }> = await t.ds.query(
      `SELECT id, title, venue_id, capacity FROM event WHERE series_id = $1 ORDER BY starts_at`,
      [seriesId],
    );
    const others = rows.filter((r) => r.id !== items[1].id);
    expect(others.map((r) => [r.title, r.venue_id, r.capacity])).toEqual(others.map(() => ['只改名称', venueA, 800]));
    expect(rows.find((r) => r.id === items[1].id)).toMatchObject({ venue_id: venueB, capacity: 300 });
    const [series] = await t.ds.query(`SELECT title, venue_id, capacity FROM event_series WHERE id = $1`, [seriesId]);
    expect(series).toEqual({ title: '只改名称', venue_id: venueA, capacity: 800 });
  });

  it('uses admin-entered holidays for years the bundled data does not cover', async () => {
    const admin = await signedInAs(t, 'ADMIN');
    const organizer = await signedInAs(t, 'ORGANIZER');
    const SET = `mutation($y: Int!, $d: [HolidayDayInput!]!) { setHolidays(year: $y, days: $d) { year hasBuiltInSchedule days { date kind source } } }`;
    const days = [{ date: '2031-01-01', kind: 'HOLIDAY', name: '元旦' }, { date: '2031-01-04', kind: 'WORKDAY', name: '元旦调休' }];
    expect((await t.gql(SET, { y: 2031, d: days }, organizer.token)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const bad = await t.gql(SET, { y: 2031, d: [{ date: '2030-12-31', kind: 'HOLIDAY', name: 'x' }] }, admin.token);
    expect(bad.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    const saved = await t.gql(SET, { y: 2031, d: days }, admin.token);
    expect(saved.data!.setHolidays).toMatchObject({ hasBuiltInSchedule: false, days: [{ date: '2031-01-01', kind: 'HOLIDAY', source: 'ADMIN' }, { date: '2031-01-04', kind: 'WORKDAY', source: 'ADMIN' }] });
    const preview = await t.gql(PREVIEW, { p: weekly('2031-01-01', '2031-01-31', 'SKIP') }, organizer.token);
    const occ = preview.data!.previewEventSeries.occurrences;
    expect(occ.find((o: { occurrenceKey: string }) => o.occurrenceKey === '2031-01-01')).toMatchObject({ adjustment: 'SKIPPED', holidayName: '元旦' });
  });

  it('keeps peak seasons per region, editable only by that region’s organizers', async () => {
    const lanshan = await signedInAs(t, 'ORGANIZER', { regionCode: '371302' });
    const GET = `query($y: Int!, $r: String!) { peakSeasons(year: $y, regionCode: $r) { isDefault ranges { start end } } }`;
    const SETP = `mutation($y: Int!, $r: String!, $ranges: [DateRangeInput!]!) { setPeakSeasons(year: $y, regionCode: $r, ranges: $ranges) { isDefault ranges { start end } } }`;
    const initial = await t.gql(GET, { y: 2027, r: '371302' }, lanshan.token);
    expect(initial.data!.peakSeasons.isDefault).toBe(true);
    expect(initial.data!.peakSeasons.ranges.length).toBeGreaterThanOrEqual(2);
    const ranges = [{ start: '2027-02-20', end: '2027-04-30' }, { start: '2027-09-01', end: '2027-11-15' }];
    expect((await t.gql(SETP, { y: 2027, r: '371325', ranges }, lanshan.token)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect((await t.gql(SETP, { y: 2027, r: '371302', ranges }, lanshan.token)).data!.setPeakSeasons).toEqual({ isDefault: false, ranges });
    const overlap = await t.gql(SETP, { y: 2027, r: '371302', ranges: [{ start: '2027-02-20', end: '2027-04-30' }, { start: '2027-04-01', end: '2027-05-30' }] }, lanshan.token);
    expect(overlap.errors![0]!.extensions!.code).toBe('CONFLICT');
    expect((await t.gql(GET, { y: 2027, r: '371302' }, lanshan.token)).data!.peakSeasons.ranges).toEqual(ranges);
  });
});

describe('horizon job', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('fills a lagging horizon exactly once even when two runs start together', async () => {
    const { HorizonJob } = await import('../src/modules/events/series/horizon.job.js');
    const organizer = await signedInAs(t, 'ORGANIZER', { regionCode: '371302' });
    const venueId = await createVenue(t);
    const created = await t.gql(CREATE, { input: seriesInput(venueId, weekly(addDays(shanghaiDate(new Date()), 1))) }, organizer.token);
    const seriesId = created.data!.createEventSeries.id;
    // Pretend the job has not run for three months: drop the last three months of occurrences.
    const [, removed]: [unknown, number] = await t.ds.query(
      `DELETE FROM event WHERE series_id = $1 AND occurrence_key > (SELECT materialized_until - 91 FROM event_series WHERE id = $1)`,
      [seriesId],
    );
    await t.ds.query(`UPDATE event_series SET materialized_until = materialized_until - 91 WHERE id = $1`, [seriesId]);
    expect(removed).toBeGreaterThanOrEqual(12);
    const job = t.app.get(HorizonJob);
    const results = await Promise.all([job.runOnce(), job.runOnce()]);
    expect(results.reduce<number>((sum, r) => sum + (r ?? 0), 0)).toBe(removed);
    const [{ dupes }] = await t.ds.query(
      `SELECT count(*)::int AS dupes FROM (SELECT occurrence_key FROM event WHERE series_id = $1 GROUP BY 1 HAVING count(*) > 1) d`,
      [seriesId],
    );
    expect(dupes).toBe(0);
  });
});
