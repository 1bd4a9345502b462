import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { SeriesPoint } from '../../api/situation.js';
import { currentLanguage, LOCALE_TAGS } from '../../i18n/i18n.js';

use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

interface SeriesChartProps {
  readonly points: readonly SeriesPoint[];
  readonly labels: { readonly daily: string; readonly average: string; readonly label: string };
}

/** New cases per day and their 7-day average; ECharts is loaded with this chunk only. */
export default function SeriesChart({ points, labels }: SeriesChartProps) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!container.current) return;
    const chart = init(container.current, undefined, { renderer: 'canvas' });
    const days = new Intl.DateTimeFormat(LOCALE_TAGS[currentLanguage()], {
      month: 'short',
      day: 'numeric',
      timeZone: 'UTC',
    });
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { data: [labels.daily, labels.average] },
      grid: { left: 48, right: 16, top: 36, bottom: 32 },
      xAxis: {
        type: 'category',
        data: points.map((point) => days.format(new Date(`${point.date}T00:00:00Z`))),
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: labels.daily, type: 'line', data: points.map((point) => point.new), color: '#14508c' },
        {
          name: labels.average,
          type: 'line',
          smooth: true,
          data: points.map((point) => Math.round(point.avg7 * 10) / 10),
          color: '#b25e00',
          lineStyle: { type: 'dashed' },
        },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [points, labels]);
  return <div ref={container} className="chart" role="img" aria-label={labels.label} />;
}
