// Chart.js: linear x, 2 px lines, no points, no animation, pre-parsed data (its performance advice),
// tooltip in index mode (a crosshair-like hover on every move). Decimation plugin off (its default).
import { W, H } from '../common.js';
const COLORS = ['#d55e00', '#0072b2', '#009e73'];
export const load = () => undefined;
export const prepare = (d) => ({
  sets: d.ys.map((y) => Array.from(d.x, (x, i) => ({ x, y: y[i] }))), labels: d.labels,
});
export function create(el, p) {
  const c = document.createElement('canvas');
  c.width = W; c.height = H; c.style.width = `${W}px`; c.style.height = `${H}px`;
  el.appendChild(c);
  const chart = new Chart(c, {
    type: 'line',
    data: { datasets: p.sets.map((data, i) => ({ label: p.labels[i], data, borderColor: COLORS[i], borderWidth: 2, pointRadius: 0 })) },
    options: {
      animation: false, responsive: false, parsing: false, normalized: true,
      scales: { x: { type: 'linear' } }, interaction: { mode: 'index', intersect: false },
    },
  });
  return { destroy: () => { chart.destroy(); c.remove(); } };
}
