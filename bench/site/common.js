// Shared by every bench page: the synthetic data, the "frame done" probe and the hover driver.
// The same code measures every library.

export const W = 1200, H = 500;

/** Resolves after the next frame has been produced: rAF, then a task queued from inside it (runs
 * after that frame's style, layout and paint, including the canvas flush). */
export function frameDone() {
  return new Promise((resolve) => requestAnimationFrame(() => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => resolve(performance.now());
    ch.port2.postMessage(0);
  }));
}

/** Deterministic PRNG (mulberry32). */
function rng(seed) {
  return () => {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The big synthetic dataset: 3 series × 55,550 daily points = 166,650 points (like uPlot's bench),
 * a seeded random walk per series (seed 20260101), days from 1870-01-01. Not real data. */
export function synthetic(perSeries = 55550) {
  const r = rng(20260101);
  const periods = new Array(perSeries), x = new Float64Array(perSeries);
  const d = new Date(Date.UTC(1870, 0, 1));
  for (let i = 0; i < perSeries; i++) {
    const y = d.getUTCFullYear(), m = d.getUTCMonth(), day = d.getUTCDate();
    periods[i] = `${y}-${String(m + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
    const start = Date.UTC(y, 0, 1);
    x[i] = y + Math.round((d - start) / 86400000) / (leap ? 366 : 365);
    d.setUTCDate(day + 1);
  }
  const labels = ['Series A', 'Series B', 'Series C'];
  const ys = labels.map((_, k) => {
    const v = new Float64Array(perSeries);
    let acc = k * 2;
    for (let i = 0; i < perSeries; i++) { acc += (r() - 0.5) * 0.2; v[i] = Math.round(acc * 1000) / 1000; }
    return v;
  });
  return { x, ys, labels, periods };
}

/** The same numbers as a dragonbear dataset document (public schema). */
export function toDragonbearDoc(data, id = 'bench-synthetic') {
  const src = 'synthetic';
  return {
    id, title: 'Synthetic random walk (benchmark data)', domain: 'economic', unit: 'ideal_point', frequency: 'daily',
    description: 'Seeded random walks, generated deterministically by bench/site/common.js. Not real data.',
    sources: [{ id: src, title: 'dragonbear benchmark generator', publisher: 'dragonbear', licence: 'CC0',
      coverage: '1870–2022', retrieved: '2026-01' }],
    series: data.labels.map((label, k) => ({
      id: `s${k}`, label,
      points: Array.from(data.x, (_, i) => ({ period: data.periods[i], value: data.ys[k][i], source: src })),
    })),
  };
}

/** The same numbers as a dragonbear dataset object with columnar series (the big-data path of
 * `mount()`): the metadata of {@link toDragonbearDoc}, each series' values the Float64Array itself. */
export function toDragonbearColumns(data, id = 'bench-synthetic') {
  const doc = toDragonbearDoc({ ...data, x: [] }, id);
  doc.series = data.labels.map((label, k) => ({
    id: `s${k}`, label, columns: { period: data.periods, value: data.ys[k], source: 'synthetic' },
  }));
  return doc;
}

/** Where on the page each hover move goes: `n` points across the middle 90 % of the container. */
export function hoverPoints(el, n) {
  const r = el.getBoundingClientRect();
  const pts = [];
  for (let i = 0; i < n; i++) {
    const f = 0.05 + 0.9 * ((i * 0.618034) % 1);
    pts.push([r.left + r.width * f, r.top + r.height * 0.55]);
  }
  return pts;
}

/** The innermost element under a point (through open shadow roots). */
function deepAt(x, y) {
  let el = document.elementFromPoint(x, y);
  while (el && el.shadowRoot) {
    const inner = el.shadowRoot.elementFromPoint(x, y);
    if (!inner || inner === el) break;
    el = inner;
  }
  return el;
}

/** A pointer move as the browser sends it: pointermove then mousemove on the element under it. */
export function move(x, y) {
  const t = deepAt(x, y);
  if (!t) return;
  const o = { bubbles: true, cancelable: true, composed: true, clientX: x, clientY: y, view: window };
  t.dispatchEvent(new PointerEvent('pointermove', { ...o, pointerType: 'mouse', pointerId: 1, isPrimary: true }));
  t.dispatchEvent(new MouseEvent('mousemove', o));
}

export function enter(x, y) {
  const t = deepAt(x, y);
  const o = { bubbles: true, composed: true, clientX: x, clientY: y, view: window };
  for (const k of ['pointerover', 'pointerenter']) t.dispatchEvent(new PointerEvent(k, { ...o, pointerType: 'mouse', pointerId: 1 }));
  for (const k of ['mouseover', 'mouseenter']) t.dispatchEvent(new MouseEvent(k, o));
}

/** Per move: time from dispatching the event to the end of the frame it produced (handler +
 * rAF callbacks + style/layout/paint). Frame-rate limiting is off in the bench browser, so this
 * is main-thread work, not vsync waiting. */
export async function hoverTimes(el, n) {
  const pts = hoverPoints(el, n);
  enter(...pts[0]);
  await frameDone();
  const times = [];
  for (const [x, y] of pts) {
    const t0 = performance.now();
    move(x, y);
    const t1 = await frameDone();
    times.push(t1 - t0);
  }
  return times;
}

export function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}

/** Many moves quickly (a frame every 50 moves), for the memory case. */
export async function manyMoves(el, n) {
  const pts = hoverPoints(el, 997);
  enter(...pts[0]);
  for (let i = 0; i < n; i++) {
    move(...pts[i % pts.length]);
    if (i % 50 === 49) await frameDone();
  }
  await frameDone();
}

export function container(parent = document.body) {
  const el = document.createElement('div');
  el.style.width = `${W}px`;
  el.style.height = `${H}px`;
  el.style.position = 'relative';
  parent.appendChild(el);
  return el;
}
