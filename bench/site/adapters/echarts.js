// ECharts: canvas renderer, value x axis, 2 px lines without symbols, no animation, axis tooltip
// (crosshair + tooltip on every move). Sampling off (its default).
import { W, H } from '../common.js';
export const load = () => undefined;
export const prepare = (d) => ({
  series: d.ys.map((y) => Array.from(d.x, (x, i) => [x, y[i]])), labels: d.labels,
  min: d.x[0], max: d.x[d.x.length - 1],
});
export function create(el, p) {
  const chart = echarts.init(el, null, { renderer: 'canvas', width: W, height: H });
  chart.setOption({
    animation: false, tooltip: { trigger: 'axis' }, legend: {},
    xAxis: { type: 'value', min: p.min, max: p.max }, yAxis: { type: 'value', scale: true },
    series: p.series.map((data, i) => ({ name: p.labels[i], type: 'line', data, showSymbol: false, lineStyle: { width: 2 } })),
  });
  return { destroy: () => chart.dispose() };
}
