import { useMemo } from 'react';
import type { QuotaProgressFieldsFragment } from '../../../generated/graphql.js';
import { useLanguage } from '../../i18n/hooks/use-language.js';
import { EChart, type ChartOption } from './EChart.js';

/** The figure per county (and the city's own events); a click on a bar opens that county's events. */
export function CountyComparisonChart({ quota, onRegion }: { quota: QuotaProgressFieldsFragment; onRegion: (regionCode: string) => void }) {
  const { language } = useLanguage();
  const rows = useMemo(() => [...quota.byRegion].sort((a, b) => a.value - b.value), [quota]);
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 130, right: 24, top: 8, bottom: 24 },
      // Counts of events and people: whole numbers on the axis (no "0.5 events").
      xAxis: { type: 'value', minInterval: rows.every((r) => Number.isInteger(r.value)) ? 1 : 0 },
      yAxis: { type: 'category', data: rows.map((r) => (language === 'en' ? r.regionNameEn : r.regionName)), axisLabel: { width: 124, overflow: 'truncate' } },
      series: [{ type: 'bar', data: rows.map((r) => r.value), itemStyle: { color: '#1554ad' }, label: { show: true, position: 'right' } }],
    }),
    [rows, language],
  );
  return <EChart option={option} height={Math.max(240, rows.length * 22)} testId="quota-county-chart" onCategory={{ axis: 'y', select: (i) => rows[i] && onRegion(rows[i].regionCode) }} />;
}
