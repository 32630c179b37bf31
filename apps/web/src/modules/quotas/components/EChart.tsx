import { BarChart, HeatmapChart, LineChart } from 'echarts/charts';
import { CalendarComponent, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { init, use, type ComposeOption, type ECharts } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { BarSeriesOption, HeatmapSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { CalendarComponentOption, GridComponentOption, LegendComponentOption, TooltipComponentOption, VisualMapComponentOption } from 'echarts/components';
import { useEffect, useRef } from 'react';

// Tree-shaken: only the charts and components the dashboard draws (echarts/core, not the full bundle).
use([LineChart, BarChart, HeatmapChart, GridComponent, TooltipComponent, LegendComponent, CalendarComponent, VisualMapComponent, CanvasRenderer]);

export type ChartOption = ComposeOption<
  LineSeriesOption | BarSeriesOption | HeatmapSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption | CalendarComponentOption | VisualMapComponentOption
>;

export interface ChartClick {
  seriesIndex?: number;
  dataIndex: number;
  name: string;
  value: unknown;
}

/** One ECharts instance in a div: resized with its container, clicks reported, disposed on unmount. */
export function EChart({ option, height = 280, onClick, testId }: { option: ChartOption; height?: number; onClick?: (e: ChartClick) => void; testId?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const click = useRef(onClick);
  click.current = onClick;

  useEffect(() => {
    if (!ref.current) return;
    const instance = init(ref.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (e) => click.current?.(e as unknown as ChartClick));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={ref} style={{ width: '100%', height }} data-testid={testId} data-chart="echarts" />;
}
