import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuotaProgressFieldsFragment } from '../../../generated/graphql.js';
import { EChart, type ChartOption } from './EChart.js';

/** Cumulative actual vs the steady pace to the target, month by month; a click on a month opens its events. */
export function QuotaTrendChart({ quota, onMonth }: { quota: QuotaProgressFieldsFragment; onMonth: (month: string) => void }) {
  const { t } = useTranslation(['core', 'quotas']);
  const option = useMemo<ChartOption>(() => {
    const months = quota.months;
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: months.map((m) => m.month.slice(5)) },
      // Counts: whole numbers on the axis (a rate keeps its decimals).
      yAxis: { type: 'value', minInterval: months.every((m) => Number.isInteger(m.actual)) ? 1 : 0 },
      series: [
        { name: t('quotas:charts.monthly'), type: 'bar', data: months.map((m) => (m.started ? m.actual : null)), itemStyle: { color: '#91caff' } },
        { name: t('quotas:charts.actual'), type: 'line', data: months.map((m) => (m.started ? m.cumulative : null)), itemStyle: { color: '#1554ad' }, symbolSize: 8 },
        ...(months.some((m) => m.requiredCumulative !== null)
          ? [{ name: t('quotas:charts.required'), type: 'line' as const, data: months.map((m) => m.requiredCumulative), lineStyle: { type: 'dashed' as const }, itemStyle: { color: '#d46b08' } }]
          : []),
      ],
    };
  }, [quota, t]);
  const select = (i: number) => {
    const m = quota.months[i];
    if (m?.started) onMonth(m.month);
  };
  return <EChart option={option} testId="quota-trend-chart" onCategory={{ axis: 'x', select }} />;
}
