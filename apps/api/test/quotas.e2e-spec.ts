import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { LINYI_REGIONS } from '@leye/domain';
import { seedDemoData } from '../src/database/seed/demo-data.js';
import { QuotaAlertsJob } from '../src/modules/quotas/quota-alerts.job.js';
import { QuotaProgressService } from '../src/modules/quotas/quota-progress.service.js';
import { DASHBOARD_MAX_STALE_MS, QuotaDashboardCache, type QuotaDashboardCore } from '../src/modules/quotas/quota-dashboard.cache.js';
import { eventAs, signedInAs, uniquePhone } from './support/factories.js';
import { eventually, jobsSettled } from './support/jobs.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const run = promisify(execFile);

const DASHBOARD = `query($year: Int!, $region: String) { quotaDashboard(year: $year, regionCode: $region) {
  year regionCode elapsedPercent drillDownRegions
  quotas { regionCode inherited reported provided actual target percent status paceNeededPerMonth projection hasEvents
    definition { id name programme kind measureKey regionCode target version }
    months { month actual cumulative requiredCumulative }
    byRegion { regionCode value }
    cadence { missedPeakWeeks missedOffSeasonMonths firstDay heldByDay scheduledByDay }
    cityShare { cityActual cityTarget percentOfCityActual percentOfCityTarget }
  } } }`;
const EVENTS = `query($quotaId: ID!, $region: String, $month: String) { quotaEvents(quotaId: $quotaId, regionCode: $region, month: $month, take: 50) {
  total items { id title regionCode coHosts attendees participations } } }`;
const COMPLETE = `mutation($id: ID!) { completeEvent(id: $id) { id status } }`;
const CANCEL = `mutation($id: ID!, $reason: String!) { cancelEvent(id: $id, reason: $reason) { id status } }`;
const CREATE_DEF = `mutation($input: QuotaDefinitionInput!) { createQuotaDefinition(input: $input) { id version target regionCode } }`;
const UPDATE_DEF = `mutation($id: ID!, $version: Int!, $input: QuotaDefinitionInput!) { updateQuotaDefinition(id: $id, version: $version, input: $input) { id version target } }`;
const DELETE_DEF = `mutation($id: ID!) { deleteQuotaDefinition(id: $id) }`;
const REPORT = `mutation($input: ReportQuotaFigureInput!) { reportQuotaFigure(input: $input) { id month value source } }`;
const REQUEST_LEDGER = `mutation($input: RequestLedgerInput!) { requestQuotaLedger(input: $input) { id status progress downloadUrl } }`;
const LEDGER = `query($id: ID!) { quotaLedgerExport(id: $id) { id status progress downloadUrl filename error } }`;
const AUDIT = `query($resourceId: String) { auditLog(resourceId: $resourceId, take: 50) { items { action details } } }`;

interface Progress {
  regionCode: string;
  inherited: boolean;
  reported: boolean;
  actual: number;
  target: number | null;
  status: string;
  definition: { id: string; name: string; programme: string; kind: string; measureKey: string | null; regionCode: string; version: number };
  byRegion: Array<{ regionCode: string; value: number }>;
  cadence: { firstDay: string; heldByDay: number[]; scheduledByDay: number[] } | null;
  cityShare: { cityActual: number; cityTarget: number | null; percentOfCityActual: number | null; percentOfCityTarget: number | null } | null;
}

const ONLINE = { isOnline: true, onlineUrl: 'https://live.example.cn/quota' };
const YEAR = 2026;
let slot = 0;
/** A distinct past moment in March 2026 (Shanghai), so events never clash and count in 2026. */
const past = () => new Date(Date.UTC(2026, 2, 2, 1) + slot++ * 3600_000).toISOString();

describe('quotas', () => {
  let t: TestApp;
  let admin: { id: string; token: string };
  let city: { id: string; token: string };
  let lanshan: { id: string; token: string };
  let feixian: { id: string; token: string };

  beforeAll(async () => {
    t = await createTestApp();
    admin = await signedInAs(t, 'ADMIN');
    city = await signedInAs(t, 'ORGANIZER', { regionCode: '371300' });
    lanshan = await signedInAs(t, 'ORGANIZER', { regionCode: '371302' });
    feixian = await signedInAs(t, 'ORGANIZER', { regionCode: '371325' });
  });
  afterAll(() => t.close());

  async function dashboard(token: string, region?: string): Promise<Progress[]> {
    const res = await t.gql(DASHBOARD, { year: YEAR, region }, token);
    expect(res.errors).toBeUndefined();
    return res.data!.quotaDashboard.quotas;
  }
  /**
   * The dashboard's figures may be DASHBOARD_MAX_STALE_MS old (docs/quotas.md "Freshness"): after a write
   * the other processes would see, a test waits out that bound and then expects the exact figures.
   */
  const staleBoundPassed = () => new Promise((r) => setTimeout(r, DASHBOARD_MAX_STALE_MS + 20));
  /** quota name → actual, for comparing before and after. */
  const actuals = (quotas: Progress[]) => Object.fromEntries(quotas.map((q) => [`${q.definition.name}@${q.regionCode}`, q.actual]));
  const byName = (quotas: Progress[], name: string) => quotas.find((q) => q.definition.name === name)!;

  async function completedEvent(token: string, overrides: Record<string, unknown>): Promise<string> {
    const id = await eventAs(t, token, { ...ONLINE, startsAt: past(), ...overrides }, true);
    const res = await t.gql(COMPLETE, { id }, token);
    expect(res.errors).toBeUndefined();
    return id;
  }

  it('seeds the quotas of GUIDE §2 for 2025–2027, each citing its clause', async () => {
    const rows = await t.ds.query(`SELECT extract(year FROM period_start)::int AS y, count(*)::int AS n, bool_and(length(clause) > 0) AS cited FROM quota_definition GROUP BY 1 ORDER BY 1`);
    expect(rows).toEqual([
      { y: 2025, n: 11, cited: true },
      { y: 2026, n: 11, cited: true },
      { y: 2027, n: 11, cited: true },
    ]);
    const quotas = await dashboard(city.token);
    expect(byName(quotas, '名校引才活动')).toMatchObject({ target: 10, definition: { programme: 'CAMPUS_RECRUITING', kind: 'MEASURE' } });
    expect(byName(quotas, '创业促进活动').target).toBe(80);
    expect(byName(quotas, '职业技能培训').target).toBe(100000);
    expect(byName(quotas, '创业导师库').target).toBe(100);
    expect(byName(quotas, '城镇新增就业')).toMatchObject({ target: 90000, reported: true });
  });

  it('events created through the API move exactly the right quotas; drafts and unfinished ones do not', async () => {
    const before = await dashboard(city.token);
    const campus = await completedEvent(lanshan.token, { type: 'CAMPUS_RECRUITING', subtype: 'UNIVERSITY_EXPRESS', regionCode: '371302' });
    await completedEvent(feixian.token, { type: 'ENTREPRENEURSHIP', subtype: 'SALON', regionCode: '371325' });
    await completedEvent(feixian.token, { type: 'ENTREPRENEURSHIP', subtype: 'ROADSHOW', regionCode: '371325' });
    // Published but not completed, and a draft: not counted.
    await eventAs(t, lanshan.token, { ...ONLINE, type: 'CAMPUS_RECRUITING', subtype: 'UNIVERSITY_EXPRESS', startsAt: past() }, true);
    await eventAs(t, lanshan.token, { ...ONLINE, type: 'CAMPUS_RECRUITING', subtype: 'UNIVERSITY_EXPRESS', startsAt: past() }, false);
    await staleBoundPassed();
    const after = await dashboard(city.token);
    const expected = actuals(before);
    expected['名校引才活动@371300'] += 1;
    expected['创业促进活动@371300'] += 2;
    expect(actuals(after)).toEqual(expected);
    const campusQuota = byName(after, '名校引才活动');
    expect(campusQuota.byRegion.find((r) => r.regionCode === '371302')!.value - byName(before, '名校引才活动').byRegion.find((r) => r.regionCode === '371302')!.value).toBe(1);
    // The number clicks through to the event behind it, in March.
    const events = await t.gql(EVENTS, { quotaId: campusQuota.definition.id, month: '2026-03' }, city.token);
    expect(events.data!.quotaEvents.items.map((e: { id: string }) => e.id)).toContain(campus);
    expect(events.data!.quotaEvents.total).toBe(byName(after, '名校引才活动').actual);
  });

  it('check-ins created through the API move exactly the right quotas (attendance measures), and show per event', async () => {
    const PROFILE = `mutation($input: SeekerProfileInput!) { updateMySeekerProfile(input: $input) { realName } }`;
    const REGISTER = `mutation($eventId: ID) { registerForEvent(eventId: $eventId) { id status ticketCode } }`;
    const GATE = `mutation($eventId: ID!, $name: String!) { createGate(eventId: $eventId, name: $name) { id } }`;
    const UPLOAD = `mutation($eventId: ID!, $scans: [ScanInput!]!) { uploadScans(eventId: $eventId, scans: $scans) { results { outcome } } }`;
    const before = await dashboard(city.token);
    // A job fair and a night-school class in 兰山, starting within the hour (check-ins count for published events too).
    const soon = new Date(Date.now() + 30 * 60_000).toISOString();
    const fair = await eventAs(t, lanshan.token, { ...ONLINE, type: 'JOB_FAIR', subtype: 'GENERAL', startsAt: soon }, true);
    const night = await eventAs(t, lanshan.token, { ...ONLINE, type: 'TRAINING', subtype: 'NIGHT_SCHOOL', startsAt: soon }, true);
    const admit = async (eventId: string, people: number, reentries = 0) => {
      const gate = await t.gql(GATE, { eventId, name: '东门' }, lanshan.token);
      expect(gate.errors).toBeUndefined();
      for (let i = 0; i < people; i++) {
        const s = await signedInAs(t, 'SEEKER');
        expect((await t.gql(PROFILE, { input: { realName: `求职者${i}`, mobile: uniquePhone() } }, s.token)).errors).toBeUndefined();
        const reg = await t.gql(REGISTER, { eventId }, s.token);
        expect(reg.errors).toBeUndefined();
        const code = reg.data!.registerForEvent.ticketCode;
        for (let k = 0; k <= (i === 0 ? reentries : 0); k++) {
          const scan = { scanId: randomUUID(), gateId: gate.data!.createGate.id, code, scannedAt: new Date().toISOString(), offline: false };
          const up = await t.gql(UPLOAD, { eventId, scans: [scan] }, lanshan.token);
          expect(up.data!.uploadScans.results[0].outcome).toBe(k === 0 ? 'ADMITTED' : 'REENTRY');
        }
      }
    };
    await admit(fair, 3, 1);
    await admit(night, 2);
    await staleBoundPassed();
    const after = await dashboard(city.token);
    const expected = actuals(before);
    expected['招聘会入场求职者@371300'] += 3;
    expected['职业技能培训@371300'] += 2;
    expect(actuals(after)).toEqual(expected);
    expect(byName(after, '招聘会入场求职者').byRegion.find((r) => r.regionCode === '371302')!.value - byName(before, '招聘会入场求职者').byRegion.find((r) => r.regionCode === '371302')!.value).toBe(3);
    // The attendance number clicks through to the fair, with its own figure.
    const month = new Date(Date.now() + 8 * 3600_000 + 30 * 60_000).toISOString().slice(0, 7);
    const list = await t.gql(EVENTS, { quotaId: byName(after, '招聘会入场求职者').definition.id, month }, city.token);
    expect(list.errors).toBeUndefined();
    const row = list.data!.quotaEvents.items.find((e: { id: string }) => e.id === fair);
    expect(row).toMatchObject({ attendees: 3, participations: 3 });
  });

  it('figures are at most DASHBOARD_MAX_STALE_MS old; concurrent requests share one computation', async () => {
    const cache = t.app.get(QuotaDashboardCache);
    cache.invalidate();
    const computations = cache.stats.computations;
    const answers = await Promise.all(Array.from({ length: 6 }, () => dashboard(city.token)));
    expect(cache.stats.computations - computations).toBe(1);
    expect(new Set(answers.map((a) => JSON.stringify(actuals(a)))).size).toBe(1);
    // A completed event written by another process (no domain event reaches this one): the cached answer may
    // still be served for up to the bound, after which the figure is exact.
    const n = byName(answers[0]!, '创业促进活动').actual;
    await t.ds.query(
      `INSERT INTO event (title, type, subtype, region_code, is_online, online_url, capacity, starts_at, ends_at, status, published_at, created_by)
       VALUES ('另一进程完成的活动', 'ENTREPRENEURSHIP', 'SALON', '371302', true, 'https://live.example.cn/x', 10, '2026-03-05T01:00:00Z', '2026-03-05T03:00:00Z', 'COMPLETED', now(), $1)`,
      [lanshan.id],
    );
    const soon = byName(await dashboard(city.token), '创业促进活动').actual;
    expect([n, n + 1]).toContain(soon);
    await staleBoundPassed();
    expect(byName(await dashboard(city.token), '创业促进活动').actual).toBe(n + 1);
    // An admin's change in this process shows at once (the cache is invalidated).
    const urban = byName(answers[0]!, '新增高技能人才');
    expect((await t.gql(REPORT, { input: { quotaId: urban.definition.id, month: '2026-11', value: 5, source: '月报' } }, city.token)).errors).toBeUndefined();
    expect(byName(await dashboard(city.token), '新增高技能人才').actual).toBe(urban.actual + 5);
  });

  it("serves a caller's repeat of the dashboard from its stored answer, to that account only", async () => {
    const cache = t.app.get(QuotaDashboardCache);
    const served = () => cache.stats.hits + cache.stats.staleHits + cache.stats.waits;
    const first = await dashboard(city.token);
    const before = served();
    // The same query by the same account at once: answered before GraphQL runs (the dashboard cache is not asked).
    expect(await dashboard(city.token)).toEqual(first);
    expect(served()).toBe(before);
    // Another account with the same query gets its own answer: its county's, not the city's.
    const county = await dashboard(lanshan.token);
    expect(served()).toBe(before + 1);
    expect(JSON.stringify(county)).not.toBe(JSON.stringify(first));
    // A token whose signature does not verify is not answered from the store.
    const forged = await t.gql(DASHBOARD, { year: YEAR }, `${city.token.slice(0, -4)}AAAA`);
    expect(forged.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('a batch of dashboards (the refresher: every measure of every key in one statement) equals each dashboard computed alone', async () => {
    const progress = t.app.get(QuotaProgressService);
    const keys = [
      { year: YEAR, regionCode: '371300' },
      { year: YEAR, regionCode: '371302' },
      { year: YEAR - 1, regionCode: '371300' },
      { year: YEAR, regionCode: '371312' },
    ];
    const figures = (core: QuotaDashboardCore) =>
      core.quotas.map(({ definition, actual, target, status, months, byRegion, cadence, cityShare }) => ({
        id: definition.id,
        actual,
        target,
        status,
        months,
        byRegion,
        cadence,
        cityShare,
      }));
    const batch = await progress.dashboards(keys);
    const alone = await Promise.all(keys.map((k) => progress.dashboard(k.year, k.regionCode)));
    expect(batch.map((d) => d.quotas.length)).toEqual(alone.map((d) => d.quotas.length));
    expect(batch[0]!.quotas.length).toBeGreaterThan(5);
    expect(batch.map(figures)).toEqual(alone.map(figures));
    // Not all zero: the batch carries the events and check-ins the tests above created.
    expect(batch[0]!.quotas.some((q) => q.actual > 0)).toBe(true);
  });

  it('quotaIds narrows the dashboard to the quotas asked for (the page asks the charted quota and the cadence apart)', async () => {
    const all = await dashboard(city.token);
    const wanted = [byName(all, '名校引才活动'), byName(all, '专场招聘洽谈会频次')];
    const Q = `query($year: Int!, $ids: [ID!]) { quotaDashboard(year: $year, quotaIds: $ids) { quotas { actual definition { id } months { month } cadence { heldByDay } } } }`;
    const res = await t.gql(Q, { year: YEAR, ids: wanted.map((q) => q.definition.id) }, city.token);
    expect(res.errors).toBeUndefined();
    const quotas = res.data!.quotaDashboard.quotas as Array<{ actual: number; definition: { id: string }; months: unknown[]; cadence: { heldByDay: number[] } | null }>;
    expect(quotas.map((q) => q.definition.id).sort()).toEqual(wanted.map((q) => q.definition.id).sort());
    expect(quotas.find((q) => q.definition.id === wanted[0]!.definition.id)!.actual).toBe(wanted[0]!.actual);
    expect(quotas.find((q) => q.cadence)!.cadence!.heldByDay).toHaveLength(365);
    const bad = await t.gql(Q, { year: YEAR, ids: ['not-a-uuid'] }, city.token);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('a cancelled event leaves the quotas as they were', async () => {
    const before = await dashboard(city.token);
    const id = await eventAs(t, lanshan.token, { ...ONLINE, type: 'ENTREPRENEURSHIP', subtype: 'CONTEST', startsAt: past() }, true);
    const res = await t.gql(CANCEL, { id, reason: '场地检修' }, lanshan.token);
    expect(res.data!.cancelEvent.status).toBe('CANCELLED');
    await staleBoundPassed();
    expect(actuals(await dashboard(city.token))).toEqual(actuals(before));
    // A job fair cancelled leaves the cadence heat map too.
    const fair = await eventAs(t, lanshan.token, { ...ONLINE, type: 'JOB_FAIR', subtype: 'GENERAL', startsAt: '2026-05-12T01:00:00Z' }, true);
    const heat = (q: Progress[]) => {
      const c = byName(q, '专场招聘洽谈会频次').cadence!;
      const i = (Date.parse('2026-05-12') - Date.parse(c.firstDay)) / 86_400_000;
      return { held: c.heldByDay[i], scheduled: c.scheduledByDay[i] };
    };
    await staleBoundPassed();
    expect(heat(await dashboard(city.token))).toMatchObject({ scheduled: 1 });
    await t.gql(CANCEL, { id: fair, reason: '暴雨预警' }, lanshan.token);
    await staleBoundPassed();
    expect(heat(await dashboard(city.token))).toMatchObject({ held: 0, scheduled: 0 });
  });

  it('a county organizer sees its county only; the city organizer drills down', async () => {
    await completedEvent(lanshan.token, { type: 'ENTREPRENEURSHIP', subtype: 'SALON', regionCode: '371302' });
    await staleBoundPassed();
    const own = await t.gql(DASHBOARD, { year: YEAR }, lanshan.token);
    expect(own.data!.quotaDashboard.regionCode).toBe('371302');
    expect(own.data!.quotaDashboard.drillDownRegions).toEqual([]);
    const quotas: Progress[] = own.data!.quotaDashboard.quotas;
    // The city's computed quotas counted over 兰山's records, without a target of its own; no reported city figures.
    expect(quotas.every((q) => q.regionCode === '371302' && q.inherited && q.target === null || q.definition.kind === 'CADENCE')).toBe(true);
    expect(quotas.some((q) => q.reported)).toBe(false);
    const sql = async (region: string) =>
      (await t.ds.query(`SELECT count(*)::int AS n FROM event WHERE status = 'COMPLETED' AND type = 'ENTREPRENEURSHIP' AND region_code = $1 AND starts_at >= '2025-12-31T16:00:00Z' AND starts_at < '2026-12-31T16:00:00Z'`, [region]))[0].n;
    expect(byName(quotas, '创业促进活动').actual).toBe(await sql('371302'));
    expect(byName(quotas, '创业促进活动').byRegion).toEqual([{ regionCode: '371302', value: await sql('371302') }]);
    for (const region of ['371325', '371300']) {
      const res = await t.gql(DASHBOARD, { year: YEAR, region }, lanshan.token);
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    // Click-through on the city quota: 兰山's events only; 费县's are refused.
    const cityQuotas = await dashboard(city.token);
    const cityQuota = byName(cityQuotas, '创业促进活动');
    // Without a target of its own, 兰山 sees its contribution to each additive city quota: the city's figure and target, its shares.
    const mineN = await sql('371302');
    expect(byName(quotas, '创业促进活动').cityShare).toEqual({
      cityActual: cityQuota.actual,
      cityTarget: 80,
      percentOfCityActual: Math.round((mineN / cityQuota.actual) * 1000) / 10,
      percentOfCityTarget: Math.round((mineN / 80) * 1000) / 10,
    });
    expect(byName(quotas, '职业技能培训').cityShare).toMatchObject({ cityActual: byName(cityQuotas, '职业技能培训').actual, cityTarget: 100000 });
    // The city's cadence applied to one county: the weeks and months it held a fair in, no target, not "behind".
    expect(byName(quotas, '专场招聘洽谈会频次')).toMatchObject({ inherited: true, target: null, status: 'NO_TARGET', percent: null });
    // A cadence or a level is not a sum of the counties' parts: no share.
    expect(byName(quotas, '专场招聘洽谈会频次').cityShare).toBeNull();
    expect(byName(quotas, '创业导师库').cityShare).toBeNull();
    // The city's own view carries no share.
    expect(cityQuotas.every((q) => q.cityShare === null)).toBe(true);
    const mine = await t.gql(EVENTS, { quotaId: cityQuota.definition.id }, lanshan.token);
    expect(mine.data!.quotaEvents.items.every((e: { regionCode: string }) => e.regionCode === '371302')).toBe(true);
    expect(mine.data!.quotaEvents.total).toBe(await sql('371302'));
    expect((await t.gql(EVENTS, { quotaId: cityQuota.definition.id, region: '371325' }, lanshan.token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(REQUEST_LEDGER, { input: { regionCode: '371325', from: '2026-01-01', to: '2026-12-31' } }, lanshan.token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // The city organizer drills down to 兰山 and sees the same figures.
    const drill = await t.gql(DASHBOARD, { year: YEAR, region: '371302' }, city.token);
    expect(actuals(drill.data!.quotaDashboard.quotas)).toEqual(actuals(quotas));
    const cityView = await t.gql(DASHBOARD, { year: YEAR }, city.token);
    expect(cityView.data!.quotaDashboard.drillDownRegions).toHaveLength(LINYI_REGIONS.length - 1);
  });

  it('city totals are the counties plus the city’s own events, nothing counted twice', async () => {
    await completedEvent(city.token, { type: 'ENTREPRENEURSHIP', subtype: 'TRAINING', regionCode: '371300' });
    await completedEvent(city.token, { type: 'ENTREPRENEURSHIP', subtype: 'TRAINING', regionCode: '371391' });
    await staleBoundPassed();
    const cityQuota = byName(await dashboard(city.token), '创业促进活动');
    const [{ n }] = await t.ds.query(
      `SELECT count(*)::int AS n FROM event WHERE status = 'COMPLETED' AND type = 'ENTREPRENEURSHIP' AND starts_at >= '2025-12-31T16:00:00Z' AND starts_at < '2026-12-31T16:00:00Z'`,
    );
    expect(cityQuota.actual).toBe(n);
    expect(cityQuota.byRegion.reduce((s, r) => s + r.value, 0)).toBe(n);
    expect(cityQuota.byRegion.find((r) => r.regionCode === '371300')!.value).toBeGreaterThanOrEqual(1);
    let sum = 0;
    for (const r of LINYI_REGIONS) {
      const q = (await dashboard(admin.token, r.code)).find((x) => x.definition.name === '创业促进活动')!;
      sum += r.code === '371300' ? q.byRegion.find((x) => x.regionCode === '371300')!.value : q.actual;
    }
    expect(sum).toBe(n);
  });

  it('reported figures are entered monthly with their source, by organizers of the region, and summed or taken as the latest', async () => {
    const quotas = await dashboard(city.token);
    const urban = byName(quotas, '城镇新增就业');
    const rate = byName(quotas, '离校未就业高校毕业生就业率');
    const source = '市人社局就业统计月报';
    for (const [month, value] of [['2026-01', 7000], ['2026-02', 6500]] as const) {
      const res = await t.gql(REPORT, { input: { quotaId: urban.definition.id, month, value, source } }, city.token);
      expect(res.errors).toBeUndefined();
    }
    // Re-entering a month replaces it (one figure per month).
    await t.gql(REPORT, { input: { quotaId: urban.definition.id, month: '2026-02', value: 6600, source } }, city.token);
    await t.gql(REPORT, { input: { quotaId: rate.definition.id, month: '2026-06', value: 88.5, source: '教育局毕业生去向统计' } }, admin.token);
    await t.gql(REPORT, { input: { quotaId: rate.definition.id, month: '2026-09', value: 91.2, source: '教育局毕业生去向统计' } }, admin.token);
    const after = await dashboard(city.token);
    expect(byName(after, '城镇新增就业')).toMatchObject({ actual: 13600, reported: true });
    expect(byName(after, '离校未就业高校毕业生就业率')).toMatchObject({ actual: 91.2, status: 'ON_TRACK' });
    const county = await t.gql(REPORT, { input: { quotaId: urban.definition.id, month: '2026-03', value: 1, source } }, lanshan.token);
    expect(county.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const outside = await t.gql(REPORT, { input: { quotaId: urban.definition.id, month: '2027-01', value: 1, source } }, city.token);
    expect(outside.errors?.[0]?.extensions?.reason).toBe('MONTH_OUTSIDE_PERIOD');
    const computed = await t.gql(REPORT, { input: { quotaId: byName(after, '名校引才活动').definition.id, month: '2026-01', value: 1, source } }, city.token);
    expect(computed.errors?.[0]?.extensions?.reason).toBe('QUOTA_NOT_REPORTED');
    await jobsSettled(t);
    const audit = await eventually(async () => {
      const res = await t.gql(AUDIT, { resourceId: urban.definition.id }, admin.token);
      expect(res.data!.auditLog.items).toHaveLength(3);
      return res.data!.auditLog.items;
    });
    expect(audit.every((i: { action: string }) => i.action === 'quota.figure-reported')).toBe(true);
  });

  it('admins edit definitions and targets (stale edits refused); every change is audited', async () => {
    const input = {
      programme: 'ENTREPRENEURSHIP', name: '费县创业活动', nameEn: 'Fei entrepreneurship events', regionCode: '371325', periodStart: '2026-01-01', periodEnd: '2026-12-31',
      target: 12, unit: '场次', unitEn: 'events', clause: '（十二）', kind: 'MEASURE', measureKey: 'events.completed', eventTypes: ['ENTREPRENEURSHIP'],
    };
    expect((await t.gql(CREATE_DEF, { input }, city.token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const created = (await t.gql(CREATE_DEF, { input }, admin.token)).data!.createQuotaDefinition;
    const updated = await t.gql(UPDATE_DEF, { id: created.id, version: 1, input: { ...input, target: 15 } }, admin.token);
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateQuotaDefinition).toMatchObject({ version: 2, target: 15 });
    const stale = await t.gql(UPDATE_DEF, { id: created.id, version: 1, input: { ...input, target: 20 } }, admin.token);
    expect(stale.errors?.[0]?.extensions?.reason).toBe('QUOTA_CHANGED');
    // 费县's dashboard now shows its own target instead of the city's quota.
    const fei = byName(await dashboard(feixian.token), '费县创业活动');
    expect(fei).toMatchObject({ inherited: false, target: 15 });
    expect((await dashboard(feixian.token)).some((q) => q.definition.name === '创业促进活动')).toBe(false);
    expect((await t.gql(DELETE_DEF, { id: created.id }, admin.token)).data!.deleteQuotaDefinition).toBe(true);
    await jobsSettled(t);
    const audit = await eventually(async () => {
      const res = await t.gql(AUDIT, { resourceId: created.id }, admin.token);
      expect(res.data!.auditLog.items).toHaveLength(3);
      return res.data!.auditLog.items as Array<{ action: string; details: string }>;
    });
    expect(audit.map((i) => i.action).sort()).toEqual(['quota.created', 'quota.deleted', 'quota.updated']);
    const upd = audit.find((i) => i.action === 'quota.updated')!;
    const details = (typeof upd.details === 'string' ? JSON.parse(upd.details) : upd.details) as { before: { target: number }; after: { target: number } };
    expect([details.before.target, details.after.target]).toEqual([12, 15]);
  });

  it('an alert fires once: behind pace (per month) and a peak week without a fair by its Wednesday (per week)', async () => {
    const linshu = await signedInAs(t, 'ORGANIZER', { regionCode: '371329' });
    const base = {
      regionCode: '371329', periodStart: '2026-01-01', periodEnd: '2026-12-31', unit: '场次', unitEn: 'events', clause: '（八）',
    };
    await t.gql(CREATE_DEF, { input: { ...base, programme: 'CAMPUS_RECRUITING', name: '临沭名校引才', nameEn: 'Linshu campus trips', target: 50, kind: 'MEASURE', measureKey: 'events.completed', eventTypes: ['CAMPUS_RECRUITING'] } }, admin.token);
    await t.gql(CREATE_DEF, { input: { ...base, programme: 'JOB_FAIRS', name: '临沭招聘会频次', nameEn: 'Linshu fair cadence', kind: 'CADENCE', eventTypes: ['JOB_FAIR'] } }, admin.token);
    const job = t.app.get(QuotaAlertsJob);
    // Wednesday 11 March 2026: a peak week (the season runs from 24 February), nothing scheduled in 临沭.
    const wednesday = new Date('2026-03-11T02:00:00Z');
    await Promise.all([job.evaluate(wednesday), job.evaluate(wednesday)]);
    await job.evaluate(new Date('2026-03-12T02:00:00Z'));
    const kinds = async () =>
      (await t.ds.query(`SELECT kind, count(*)::int AS n FROM notification WHERE user_id = $1 GROUP BY kind ORDER BY kind`, [linshu.id])) as Array<{ kind: string; n: number }>;
    // Both quotas are behind (the cadence missed January and February): one notice each; the peak week: one.
    expect(await kinds()).toEqual([
      { kind: 'QUOTA_BEHIND_PACE', n: 2 },
      { kind: 'QUOTA_PEAK_WEEK_NO_FAIR', n: 1 },
    ]);
    const perAlert = await t.ds.query(`SELECT data->>'alertId' AS a, count(*)::int AS n FROM notification WHERE user_id = $1 GROUP BY 1`, [linshu.id]);
    expect(perAlert.every((r: { n: number }) => r.n === 1)).toBe(true);
    // The next peak week with a fair scheduled on Friday: no new peak-week alert; still behind pace in March: no second one.
    await eventAs(t, linshu.token, { ...ONLINE, type: 'JOB_FAIR', subtype: 'GENERAL', regionCode: '371329', startsAt: '2026-03-20T01:00:00Z' }, true);
    await job.evaluate(new Date('2026-03-18T02:00:00Z'));
    expect(await kinds()).toEqual([
      { kind: 'QUOTA_BEHIND_PACE', n: 2 },
      { kind: 'QUOTA_PEAK_WEEK_NO_FAIR', n: 1 },
    ]);
    // Others' organizers are not told about 临沭.
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM notification WHERE user_id = $1 AND kind LIKE 'QUOTA_%' AND data->>'alertId' IN (SELECT id::text FROM quota_alert WHERE region_code = '371329')`, [feixian.id]);
    expect(n).toBe(0);
  });

  it('the ledger is built on the queue, opens in LibreOffice, and its numbers equal the dashboard’s', async () => {
    const req = await t.gql(REQUEST_LEDGER, { input: { regionCode: '371300', from: '2026-01-01', to: '2026-12-31' } }, city.token);
    expect(req.errors).toBeUndefined();
    const id = req.data!.requestQuotaLedger.id;
    const done = await eventually(async () => {
      const res = await t.gql(LEDGER, { id }, city.token);
      expect(res.data!.quotaLedgerExport.status).toBe('DONE');
      return res.data!.quotaLedgerExport;
    }, 60_000);
    expect(done).toMatchObject({ progress: 100, downloadUrl: `/exports/ledgers/${id}` });
    // Only the one who asked (or an admin) reads it.
    expect((await t.gql(LEDGER, { id }, lanshan.token)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await fetch(`${t.baseUrl}${done.downloadUrl}`, { headers: { authorization: `Bearer ${lanshan.token}` } })).status).toBe(404);
    const file = await fetch(`${t.baseUrl}${done.downloadUrl}`, { headers: { authorization: `Bearer ${city.token}` } });
    expect(file.status).toBe(200);
    const dir = mkdtempSync(join(tmpdir(), 'ledger-'));
    try {
      const xlsx = join(dir, 'ledger.xlsx');
      writeFileSync(xlsx, Buffer.from(await file.arrayBuffer()));
      await run('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1', '--outdir', dir, xlsx], { timeout: 90_000 });
      const csv = readFileSync(join(dir, 'ledger.csv'), 'utf8');
      const lines = parseCsv(csv);
      expect(lines[0]![0]).toContain('临沂市就业促进重点指标完成情况台账');
      expect(csv).toContain('填报单位：临沂市人力资源和社会保障局');
      const header = lines.findIndex((l) => l[0] === '序号');
      await staleBoundPassed();
      const quotas = await dashboard(city.token);
      const rows = lines.slice(header + 1).filter((l) => /^\d+$/.test(l[0] ?? ''));
      expect(rows).toHaveLength(quotas.length);
      for (const q of quotas) {
        const row = rows.find((l) => l[2] === q.definition.name)!;
        expect([row[2], Number(row[6])]).toEqual([q.definition.name, q.actual]);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('demo data gives the dashboard held programmes and reported figures, idempotently', async () => {
    await seedDemoData(t.ds);
    await staleBoundPassed();
    const once = actuals(await dashboard(admin.token));
    await seedDemoData(t.ds);
    await staleBoundPassed();
    expect(actuals(await dashboard(admin.token))).toEqual(once);
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM event WHERE title LIKE '%（示例·已举办）'`);
    expect(n).toBeGreaterThan(0);
  });

  it('a ledger asked for while no worker runs is built after the API restarts', async () => {
    const db = t.database;
    const quiet = await createTestApp({ RUN_WORKERS: 'false' }, { database: db });
    let exportId: string;
    try {
      const res = await quiet.gql(REQUEST_LEDGER, { input: { regionCode: '371302', from: '2026-01-01', to: '2026-06-30' } }, lanshan.token);
      exportId = res.data!.requestQuotaLedger.id;
      expect(res.data!.requestQuotaLedger.status).toBe('QUEUED');
    } finally {
      await quiet.close({ keepDatabase: true });
    }
    const done = await eventually(async () => {
      const res = await t.gql(LEDGER, { id: exportId }, lanshan.token);
      expect(res.data!.quotaLedgerExport.status).toBe('DONE');
      return res.data!.quotaLedgerExport;
    }, 60_000);
    expect(done.filename).toBe('ledger-371302-2026-01-01-2026-06-30.xlsx');
  }, 90_000);
});

/** RFC 4180 fields (LibreOffice quotes text that needs it). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') endField();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endField();
      rows.push(row);
      row = [];
    } else field += ch;
  }
  if (field || row.length) {
    endField();
    rows.push(row);
  }
  return rows;
}
