import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { MinuteSales } from '@shared/sales';
import { unitsPerMinuteSeries } from '../../lib/sales-series';
import { useLive } from '../../store/live';
import { useTicker } from './use-ticker';
import { t } from '../../i18n/desk-text';

const HEIGHT = 130;
const BAR = '#4f8cff';
const AXIS = { stroke: '#8c94a3', grid: { stroke: '#272d38', width: 1 }, ticks: { stroke: '#272d38', width: 1 }, font: '11px system-ui, sans-serif' };

/**
 * Units sold per minute as bars. The plot is made once and only fed new data: re-creating a canvas
 * chart on every order would stutter during a flash deal.
 */
export function SalesChart({ perMinute, locale }: { perMinute: MinuteSales[]; locale: string }) {
  const box = useRef<HTMLDivElement>(null);
  // Read by the axis on every redraw, so switching the operator's locale needs no new chart.
  const clock = useRef(timeFormat(locale));
  const plot = useRef<uPlot | null>(null);
  const clockOffset = useLive((s) => s.clockOffset);
  // The window moves on every minute even when nothing sells.
  const minute = useTicker(15_000, () => Math.floor((Date.now() + clockOffset) / 60_000));

  useEffect(() => {
    const el = box.current!;
    const chart = new uPlot(chartOptions(el.clientWidth, (t) => clock.current.format(t * 1000)), [[], []], el);
    plot.current = chart;
    const resize = new ResizeObserver(() => chart.setSize({ width: Math.max(120, el.clientWidth), height: HEIGHT }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.destroy();
      plot.current = null;
    };
  }, []);

  useEffect(() => {
    const data = unitsPerMinuteSeries(perMinute, minute * 60_000);
    plot.current?.setData(data);
    box.current!.dataset.units = String(data[1].reduce((a, b) => a + b, 0));
    box.current!.dataset.minutes = String(data[0].length);
  }, [perMinute, minute]);

  useEffect(() => {
    clock.current = timeFormat(locale);
    plot.current?.redraw(false, true);
  }, [locale]);

  return <div ref={box} className="sales-chart" data-testid="sales-chart" role="img" aria-label={t('sales.chart')} />;
}

function chartOptions(width: number, time: (seconds: number) => string): uPlot.Options {
  return {
    width: Math.max(120, width),
    height: HEIGHT,
    legend: { show: false },
    cursor: { drag: { x: false, y: false }, points: { show: false } },
    scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(4, Math.ceil(max * 1.15))] } },
    axes: [
      { ...AXIS, space: 60, values: (_u, ticks) => ticks.map(time) },
      { ...AXIS, label: t('sales.chartAxis'), labelSize: 18, labelFont: '11px system-ui, sans-serif', size: 36, space: 24, values: (_u, ticks) => ticks.map((t) => (Number.isInteger(t) ? String(t) : '')) }
    ],
    series: [{}, { label: t('sales.units'), stroke: BAR, fill: BAR, width: 0, paths: uPlot.paths.bars!({ size: [0.8, 12] }), points: { show: false } }]
  };
}

const formats = new Map<string, Intl.DateTimeFormat>();
function timeFormat(locale: string): Intl.DateTimeFormat {
  let format = formats.get(locale);
  if (!format) formats.set(locale, (format = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })));
  return format;
}
