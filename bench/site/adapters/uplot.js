// uPlot: numeric x scale, 2 px lines, its default cursor (crosshair, points) and live legend.
import { W, H } from '../common.js';
const COLORS = ['#d55e00', '#0072b2', '#009e73'];
export const load = () => undefined;
export const prepare = (d) => ({ data: [Array.from(d.x), ...d.ys.map((y) => Array.from(y))], labels: d.labels });
export function create(el, p) {
  const u = new uPlot({
    width: W, height: H, scales: { x: { time: false } },
    series: [{}, ...p.labels.map((label, i) => ({ label, stroke: COLORS[i], width: 2 }))],
  }, p.data, el);
  return { destroy: () => u.destroy() };
}
