import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuotaProgressFieldsFragment } from '../../../generated/graphql.js';
import { periodDates } from '../utils/quota-format.js';
import { EChart, type ChartOption } from './EChart.js';

type Cadence = NonNullable<QuotaProgressFieldsFragment['cadence']>;

/** A calendar of the year: fairs held and scheduled per day, peak weeks outlined by colour; a click on a day opens its events. */
export function CadenceHeatmap({ year, cadence, onDay }: { year: number; cadence: Cadence; onDay: (date: string) => void }) {
  const { t } = useTranslation(['core', 'quotas']);
  const option = useMemo<ChartOption>(() => {
    const dates = periodDates(cadence.firstDay, cadence.heldByDay.length);
    const max = Math.max(1, ...cadence.heldByDay.map((h, i) => h + (cadence.scheduledByDay[i] ?? 0)));
    return {
      tooltip: {
        formatter: (p: unknown) => {
          const v = (p as { value: [string, number, number, number] }).value;
          return `${v[0]}<br/>${t('quotas:charts.held')} ${v[2]} · ${t('quotas:charts.scheduled')} ${v[3]}`;
        },
      },
      // dimension 1: fairs held + scheduled that day (the default, the last dimension, would colour by scheduled only).
      visualMap: {
        min: 0,
        max,
        dimension: 1,
        show: true,
        calculable: false,
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        itemHeight: 120,
        itemWidth: 10,
        text: [t('quotas:charts.heatMore', { count: max }), '0'],
        textStyle: { fontSize: 11, color: '#595959' },
        inRange: { color: ['#f0f0f0', '#69b1ff', '#0958d9'] },
      },
      calendar: {
        range: String(year),
        cellSize: ['auto', 14],
        top: 24,
        left: 40,
        right: 8,
        yearLabel: { show: false },
        dayLabel: { firstDay: 1, nameMap: 'ZH' },
        monthLabel: { nameMap: 'ZH' },
        itemStyle: { borderColor: '#fff', borderWidth: 1 },
        splitLine: { lineStyle: { color: '#bfbfbf', width: 1 } },
      },
      series: [
        {
          type: 'heatmap',
          coordinateSystem: 'calendar',
          data: dates.map((d, i) => [d, cadence.heldByDay[i]! + (cadence.scheduledByDay[i] ?? 0), cadence.heldByDay[i]!, cadence.scheduledByDay[i] ?? 0]),
        },
      ],
    };
  }, [cadence, year, t]);
  return <EChart option={option} height={190} testId="quota-heatmap" onClick={(e) => onDay((e.value as [string])[0])} />;
}
