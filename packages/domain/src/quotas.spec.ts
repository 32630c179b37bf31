import {
  cadenceCompliance,
  cadenceStatus,
  dailyCounts,
  elapsedFraction,
  peakWeekWithoutFair,
  percentOf,
  periodMonths,
  quotaProgress,
  quotaTrend,
  reportedTotal,
  yearPeriod,
} from './quotas.js';

const Y2026 = yearPeriod(2026);
/** Shanghai midnight at the start of a date. */
const at = (date: string, time = '00:00') => new Date(`${date}T${time}:00+08:00`);

describe('elapsed share of an Asia/Shanghai year', () => {
  it.each([
    ['before the year', at('2025-12-31', '23:59'), 0],
    ['its first instant (Shanghai midnight, 16:00 UTC the day before)', new Date('2025-12-31T16:00:00Z'), 0],
    ['1 July 00:00 (181 of 365 days)', at('2026-07-01'), 181 / 365],
    ['the last instant', new Date(at('2027-01-01').getTime() - 1), 1 - 1 / (365 * 86_400_000)],
    ['after the year', at('2027-01-02'), 1],
  ])('%s', (_name, now, expected) => {
    expect(elapsedFraction(Y2026, now)).toBeCloseTo(expected, 9);
  });
});

describe('percent done', () => {
  it.each([
    [5, 10, 50],
    [0, 80, 0],
    [81, 80, 101.3],
    [1, 3, 33.3],
    [3, null, null],
    [0, 0, 100],
  ])('%s of %s → %s %%', (actual, target, expected) => {
    expect(percentOf(actual, target)).toBe(expected);
  });
});

describe('progress, pace and status', () => {
  // 1 July: 181 of 365 days gone (49.6 %), 184 days = 6.05 average months left.
  const mid = at('2026-07-01');
  it.each([
    // name, actual, target, additive, now, status, paceNeededPerMonth, projection
    ['80 salons, 40 done by July: on track', 40, 80, true, mid, 'ON_TRACK', 6.6, 80.7],
    ['38 of 80 (95.8 % of the steady 39.7): on track', 38, 80, true, mid, 'ON_TRACK', 6.9, 76.6],
    ['35 of 80 (88 % of steady): at risk', 35, 80, true, mid, 'AT_RISK', 7.4, 70.6],
    ['20 of 80 by July: behind', 20, 80, true, mid, 'BEHIND', 9.9, 40.3],
    ['nothing on 1 January: on track', 0, 80, true, at('2026-01-01'), 'ON_TRACK', 6.7, 0],
    ['target already met: on track, nothing left', 85, 80, true, mid, 'ON_TRACK', 0, 171.4],
    ['year over, 9 of 10: behind, no pace left', 9, 10, true, at('2027-01-05'), 'BEHIND', null, 9],
    ['pool of 60 mentors of 100 by July (a level): at risk', 60, 100, false, mid, 'AT_RISK', 6.6, 60],
    ['pool of 30 of 100 by July: behind', 30, 100, false, mid, 'BEHIND', 11.6, 30],
    ['pool of 100: on track', 100, 100, false, mid, 'ON_TRACK', 0, 100],
    ['no target: tracked only', 12, null, true, mid, 'NO_TARGET', null, 24.2],
  ] as const)('%s', (_name, actual, target, additive, now, status, pace, projection) => {
    const p = quotaProgress({ actual, target, period: Y2026, now, additive });
    expect(p.status).toBe(status);
    expect(p.paceNeededPerMonth).toBe(pace);
    expect(p.projection).toBe(projection);
  });

  it('gives the expected figure by now and what remains', () => {
    const p = quotaProgress({ actual: 30, target: 100, period: Y2026, now: mid, additive: true });
    expect(p).toMatchObject({ percent: 30, elapsedPercent: 49.6, expectedByNow: 49.6, remaining: 70 });
  });
});

describe('monthly trend', () => {
  it('accumulates additive figures and draws the steady pace to each month end', () => {
    const trend = quotaTrend(
      [
        { month: '2026-01', value: 3 },
        { month: '2026-03', value: 5 },
      ],
      { period: Y2026, target: 365, additive: true, now: at('2026-03-15') },
    );
    expect(trend).toHaveLength(12);
    expect(trend.slice(0, 4)).toEqual([
      { month: '2026-01', actual: 3, cumulative: 3, requiredCumulative: 31, started: true },
      { month: '2026-02', actual: 0, cumulative: 3, requiredCumulative: 59, started: true },
      { month: '2026-03', actual: 5, cumulative: 8, requiredCumulative: 90, started: true },
      { month: '2026-04', actual: 0, cumulative: 8, requiredCumulative: 120, started: false },
    ]);
    expect(trend[11]!.requiredCumulative).toBe(365);
  });

  it('shows a level as its month-end value and nothing for months not begun', () => {
    const trend = quotaTrend([{ month: '2026-01', value: 40 }, { month: '2026-02', value: 52 }], { period: Y2026, target: 100, additive: false, now: at('2026-03-02') });
    expect(trend.slice(0, 4).map((m) => m.cumulative)).toEqual([40, 52, 52, 0]);
  });

  it('lists the months of a period that does not start in January', () => {
    expect(periodMonths({ start: '2025-11-15', end: '2026-02-10' })).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });
});

describe('reported figures', () => {
  it.each([
    ['monthly additions are summed (城镇新增就业)', 'SUM', [{ month: '2026-01', value: 7000 }, { month: '2026-02', value: 6500 }], 13500],
    ['a rate takes the latest month (毕业生就业率)', 'LATEST', [{ month: '2026-03', value: 91.5 }, { month: '2026-01', value: 88 }], 91.5],
    ['nothing entered is 0', 'SUM', [], 0],
  ] as const)('%s', (_name, aggregation, figures, total) => {
    expect(reportedTotal(figures, aggregation)).toBe(total);
  });
});

describe('cadence compliance (clause 八: ≥ 1 fair a peak week, ≥ 2 an off-season month)', () => {
  const peakRanges = [{ start: '2026-03-02', end: '2026-03-15' }]; // W10 and W11
  const opts = (today: string) => ({ year: 2026, peakRanges, today });

  it('reports only slots that are over as missed, the running one as open', () => {
    // Fairs: two in January (met), one in W10; today is Wednesday of W11 with none yet.
    const c = cadenceCompliance(['2026-01-08', '2026-01-22', '2026-03-04'], opts('2026-03-11'));
    expect(c.missedPeakWeeks).toEqual([]);
    expect(c.missedOffSeasonMonths).toEqual(['2026-02']);
    expect(c.peakWeekStates.map((w) => [w.week, w.state])).toEqual([
      ['2026-W10', 'MET'],
      ['2026-W11', 'OPEN'],
    ]);
    expect(c.monthStates.slice(0, 4).map((m) => [m.month, m.state])).toEqual([
      ['2026-01', 'MET'],
      ['2026-02', 'MISSED'],
      ['2026-03', 'OPEN'],
      ['2026-04', 'UPCOMING'],
    ]);
    expect(c.metSlots).toBe(2);
    expect(c.requiredSlots).toBe(2 + 12);
    expect(cadenceStatus(c)).toBe('BEHIND');
  });

  it.each([
    ['January half done on the 10th: at risk', ['2026-01-08'], '2026-01-10', 'AT_RISK'],
    ['January done: on track', ['2026-01-08', '2026-01-22'], '2026-01-31', 'ON_TRACK'],
    ['January over with one fair: behind', ['2026-01-08'], '2026-02-01', 'BEHIND'],
    ['peak week W10 over without a fair: behind', ['2026-01-08', '2026-01-22', '2026-02-05', '2026-02-19'], '2026-03-09', 'BEHIND'],
  ] as const)('%s', (_name, dates, today, status) => {
    expect(cadenceStatus(cadenceCompliance(dates, { year: 2026, peakRanges, today }))).toBe(status);
  });
});

describe('peak week without a fair by its Wednesday', () => {
  const opts = { year: 2026, peakRanges: [{ start: '2026-03-02', end: '2026-03-15' }] };
  it.each([
    ['Tuesday of a peak week without a fair: not yet', '2026-03-03', [], null],
    ['Wednesday of a peak week without a fair: alert', '2026-03-04', [], '2026-W10'],
    ['Wednesday with a fair on Friday scheduled: fine', '2026-03-04', ['2026-03-06'], null],
    ['Sunday of the week, still none: alert', '2026-03-08', [], '2026-W10'],
    ['off-season Wednesday: no peak week', '2026-02-04', [], null],
  ] as const)('%s', (_name, today, dates, week) => {
    expect(peakWeekWithoutFair(today, dates, opts)?.week ?? null).toBe(week);
  });
});

describe('heat map days', () => {
  it('gives every day of the period its count', () => {
    const days = dailyCounts(['2026-01-02', '2026-01-02', '2026-01-05'], Y2026);
    expect(days).toHaveLength(365);
    expect(days.slice(0, 5).map((d) => d.count)).toEqual([0, 2, 0, 0, 1]);
  });
});
