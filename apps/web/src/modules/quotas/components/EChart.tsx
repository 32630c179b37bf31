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

/**
 * One ECharts instance in a div: resized with its container, clicks reported, disposed on unmount.
 * `onCategory` (grid charts): a click anywhere in a category's column (x) or row (y) of the plot reports
 * its index — a month with a tiny bar, or a county with 0, is as easy to click as the largest.
 */
export function EChart({
  option,
  height = 280,
  onClick,
  onCategory,
  testId,
}: {
  option: ChartOption;
  height?: number;
  onClick?: (e: ChartClick) => void;
  onCategory?: { axis: 'x' | 'y'; select: (index: number) => void };
  testId?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const click = useRef(onClick);
  click.current = onClick;
  const category = useRef(onCategory);
  category.current = onCategory;

  useEffect(() => {
    if (!ref.current) return;
    const instance = init(ref.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (e) => {
      if (!category.current) click.current?.(e as unknown as ChartClick);
    });
    instance.getZr().on('click', (e) => {
      const c = category.current;
      const at = [e.offsetX, e.offsetY];
      if (!c || !instance.containPixel({ gridIndex: 0 }, at)) return;
      const [x, y] = instance.convertFromPixel({ gridIndex: 0 }, at) as [number, number];
      const index = Math.round(c.axis === 'x' ? x : y);
      if (Number.isInteger(index) && index >= 0) c.select(index);
    });
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

  return <div ref={ref} style={{ width: '100%', height, cursor: onClick || onCategory ? 'pointer' : undefined }} data-testid={testId} data-chart="echarts" />;
}
