// `make bench`: dragonbear against uPlot, Chart.js and ECharts in one headless Chromium run.
//   node bench/run.mjs            (after `make build`; `make bench` does both)
//   BENCH_ROUNDS=3 node bench/run.mjs   fewer rounds;  BENCH_ONLY=draw_166k,hover_p95  some cases
// Every library gets the same data and the same measuring code (bench/site/common.js); libraries
// are interleaved within each round (the order rotates per round) and the median over rounds is
// reported. Writes bench/results.json and prints a table with ratios against uPlot.
// The 166,650-point series are synthetic (seeded random walks, bench/site/common.js `synthetic`).
import { spawn, execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { gzipSync, constants } from 'node:zlib';
import { tmpdir, cpus } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const { chromium } = require('playwright-core');
const ROUNDS = Number(process.env.BENCH_ROUNDS || 7);
const MEM_ROUNDS = Math.min(ROUNDS, Number(process.env.BENCH_MEM_ROUNDS || 3));
const ONLY = process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(',') : null;
const want = (c) => !ONLY || ONLY.includes(c);
const LIBS = ['dragonbear', 'uplot', 'chartjs', 'echarts'];
const NAMES = { dragonbear: 'dragonbear', uplot: 'uPlot', chartjs: 'Chart.js', echarts: 'ECharts' };
const PORT = Number(process.env.BENCH_PORT || 8191);
const SITE = `http://127.0.0.1:${PORT}`;
const nm = (p) => join(root, 'node_modules', p);
const VENDOR = {
  'uPlot.iife.min.js': nm('uplot/dist/uPlot.iife.min.js'),
  'uPlot.min.css': nm('uplot/dist/uPlot.min.css'),
  'chart.umd.js': nm('chart.js/dist/chart.umd.js'),
  'echarts.min.js': nm('echarts/dist/echarts.min.js'),
};
const version = (p) => JSON.parse(readFileSync(nm(`${p}/package.json`), 'utf8')).version;

// The site: the built dist/ plus bench/site/ at /bench/, the peers' npm builds in /bench/vendor/.
const dir = mkdtempSync(join(tmpdir(), 'dragonbear-bench-'));
cpSync(join(root, 'dist'), dir, { recursive: true });
cpSync(join(root, 'bench', 'site'), join(dir, 'bench'), { recursive: true });
mkdirSync(join(dir, 'bench', 'vendor'));
for (const [name, src] of Object.entries(VENDOR)) cpSync(src, join(dir, 'bench', 'vendor', name));
// The peers' copy of unga-agreement's three series: the same numbers, from data/unga-agreement.json.
const ua = JSON.parse(readFileSync(join(root, 'data', 'unga-agreement.json'), 'utf8'));
const picked = ['china-russia', 'china-us', 'russia-us'].map((id) => ua.series.find((s) => s.id === id));
const years = [...new Set(picked.flatMap((s) => s.points.map((p) => Number(p.period))))].sort((a, b) => a - b);
const agreement = {
  x: years, labels: picked.map((s) => s.label),
  ys: picked.map((s) => years.map((y) => s.points.find((p) => Number(p.period) === y)?.value ?? null)),
};
writeFileSync(join(dir, 'bench', 'agreement.json'), JSON.stringify(agreement));

// bytes_gz: gzip -9 of each file a page needs to show one chart, summed (as served).
const gz = (f) => gzipSync(readFileSync(f), { level: constants.Z_BEST_COMPRESSION }).length;
const B = (f) => join(dir, 'bench', f);
const FILES = {
  dragonbear: [join(dir, 'pkg', 'dragonbear_bg.wasm'), join(dir, 'pkg', 'dragonbear.js'), join(dir, 'embed.js'), join(dir, 'pkg', 'data', 'unga-agreement.json')],
  uplot: [B('vendor/uPlot.iife.min.js'), B('vendor/uPlot.min.css'), B('adapters/uplot.js'), B('agreement.json')],
  chartjs: [B('vendor/chart.umd.js'), B('adapters/chartjs.js'), B('agreement.json')],
  echarts: [B('vendor/echarts.min.js'), B('adapters/echarts.js'), B('agreement.json')],
};

function serve() {
  const p = spawn(process.env.PYTHON || 'python3', [join(root, 'tools', 'serve.py'), dir, String(PORT)], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    p.stdout.once('data', () => resolve(p));
    p.once('exit', (c) => reject(new Error(`server on ${PORT} exited with ${c}`)));
  });
}

const server = await serve();
const stopServer = () => { try { server.kill(); } catch {} };
process.on('exit', stopServer);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => { stopServer(); process.exit(130); });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--enable-precise-memory-info', '--js-flags=--expose-gc',
    // Frames as soon as they are ready (no 60 Hz wait), so frame-end times are work, not vsync.
    '--disable-frame-rate-limit', '--disable-gpu-vsync',
    '--disable-renderer-backgrounding', '--disable-background-timer-throttling'],
});
const browserVersion = browser.version();

async function newPage() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.problems = [];
  page.on('console', (m) => { if (m.type() === 'error') page.problems.push(m.text()); });
  page.on('pageerror', (e) => page.problems.push(e.message));
  return { context, page };
}

const samples = {}; // case → lib → [values]
const refused = {}; // 'lib size' → the library's message
const problems = []; // console errors seen on a bench page (reported, not fatal)
const add = (c, lib, v) => ((samples[c] ??= {})[lib] ??= []).push(v);
const order = (r) => LIBS.map((_, i) => LIBS[(i + r) % LIBS.length]);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const p95 = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)]; };
const log = (...a) => process.stderr.write(`${a.join(' ')}\n`);

// first_paint is the noisiest case (a whole page load on 2 shared cores): it takes FP_REPEAT
// fresh pages per library per round, interleaved like everything else.
const FP_REPEAT = Number(process.env.BENCH_FP_REPEAT || 5);
const floor = []; // first frame of a page without any library (bench/site/first-blank.html)
const firstPaint = async (url) => {
  const { context, page } = await newPage();
  await page.goto(url);
  const v = await page.waitForFunction(() => window.__result, null, { timeout: 60000 }).then((h) => h.jsonValue());
  const seen = page.problems;
  await context.close();
  return [v, seen];
};
for (let r = 0; r < ROUNDS; r++) {
  for (let k = 0; k < (want('first_paint') ? FP_REPEAT : 0); k++) {
    floor.push((await firstPaint(`${SITE}/bench/first-blank.html`))[0]);
    for (const lib of order(r + k)) {
      const [v, seen] = await firstPaint(`${SITE}/bench/first-${lib}.html`);
      if (seen.length) problems.push(`${lib} first_paint round ${r + 1}: ${seen.join('; ')}`);
      add('first_paint', lib, v);
    }
  }
  for (const lib of order(r)) {
    if (['draw_166k', 'draw_166k_json', 'draw_166k_object', 'hover_p95', 'draw_100k', 'hover_p95_100k'].some(want) || (want('memory') && r < MEM_ROUNDS)) {
      const { context, page } = await newPage();
      await page.goto(`${SITE}/bench/bench.html?lib=${lib}`);
      await page.waitForFunction(() => window.__ready, null, { timeout: 60000 });
      // Every library's page sits idle for a second after loading (as a page does before a reader
      // acts); dragonbear warms its code up in idle time then (draw_166k_cold: without that).
      await page.waitForTimeout(1000);
      // 166,650 points as the issue asks; 99,990 points too (dragonbear's documented limit is
      // 100,000 points per dataset, SECURITY.md), so every library can be compared on one size.
      for (const [c, perSeries] of [['166k', 55550], ['100k', 33330]]) {
        if (!want(`draw_${c}`) && !want(`hover_p95_${c}`) && !(c === '166k' && (want('hover_p95') || want('draw_166k_json') || want('draw_166k_object')))) continue;
        const d = await page.evaluate((n) => window.bench.draw(n), perSeries);
        if (d.error) { refused[`${lib} ${c}`] = d.error.trim(); continue; }
        add(`draw_${c}`, lib, d.ms);
        const hc = c === '166k' ? 'hover_p95' : 'hover_p95_100k';
        if (want(hc) || want('hover_p95')) add(hc, lib, p95(await page.evaluate(() => window.bench.hover(500))));
        // dragonbear also from JSON text (what `src=` fetches); after the columnar draw, so that the
        // draw compared with the peers is the first on its page, as theirs is.
        if (lib === 'dragonbear' && c === '166k' && want('draw_166k_json')) {
          const j = await page.evaluate((n) => window.bench.draw(n, 'json'), perSeries);
          if (j.error) refused[`${lib} ${c} json`] = j.error.trim(); else add('draw_166k_json', lib, j.ms);
        }
        // And as an object of point objects, through serde-wasm-bindgen (the generic object path).
        if (lib === 'dragonbear' && c === '166k' && want('draw_166k_object')) {
          const o = await page.evaluate((n) => window.bench.draw(n, 'object'), perSeries);
          if (o.error) refused[`${lib} ${c} object`] = o.error.trim(); else add('draw_166k_object', lib, o.ms);
        }
      }
      if (want('memory') && r < MEM_ROUNDS) {
        const m = await page.evaluate(() => window.bench.memory());
        add('memory', lib, (m.after.js - m.before.js) / 1024);
        if (lib === 'dragonbear') add('memory_wasm', lib, (m.after.wasm - m.before.wasm) / 1024);
        add('memory_js_after_warmup', lib, m.before.js / 1024);
      }
      if (page.problems.length) problems.push(`${lib} round ${r + 1}: ${page.problems.join('; ')}`);
      await context.close();
    }
    if (lib === 'dragonbear' && want('draw_166k_cold')) {
      const { context, page } = await newPage();
      await page.goto(`${SITE}/bench/bench.html?lib=${lib}&nowarm`);
      await page.waitForFunction(() => window.__ready, null, { timeout: 60000 });
      await page.waitForTimeout(1000);
      const d = await page.evaluate((n) => window.bench.draw(n), 55550);
      if (d.error) refused[`${lib} 166k cold`] = d.error.trim(); else add('draw_166k_cold', lib, d.ms);
      if (page.problems.length) problems.push(`${lib} cold round ${r + 1}: ${page.problems.join('; ')}`);
      await context.close();
    }
    log(`round ${r + 1}/${ROUNDS} ${lib}: ${Object.entries(samples).map(([c, l]) => `${c}=${l[lib]?.at(-1)?.toFixed?.(1) ?? '-'}`).join(' ')}`);
  }
}
await browser.close();
server.kill();

const UNITS = { first_paint: 'ms', first_paint_above_floor: 'ms', draw_166k: 'ms', draw_166k_json: 'ms', draw_166k_object: 'ms', draw_166k_cold: 'ms', hover_p95: 'ms', draw_100k: 'ms', hover_p95_100k: 'ms', bytes_gz: 'bytes', memory: 'KB JS heap growth',
  memory_wasm: 'KB wasm memory growth', memory_js_after_warmup: 'KB JS heap after warm-up' };
const results = [];
for (const [c, byLib] of Object.entries(samples)) {
  for (const lib of LIBS) {
    if (!byLib[lib]) continue;
    const runs = byLib[lib].map((v) => Math.round(v * 10) / 10);
    results.push({ case: c, library: NAMES[lib], value: Math.round(median(byLib[lib]) * 10) / 10, unit: UNITS[c], runs });
  }
}
if (want('bytes_gz')) {
  for (const lib of LIBS) {
    const parts = FILES[lib].map((f) => [f.slice(dir.length + 1), gz(f)]);
    results.push({ case: 'bytes_gz', library: NAMES[lib], value: parts.reduce((a, [, n]) => a + n, 0), unit: 'bytes', runs: [],
      files: Object.fromEntries(parts) });
  }
}
// What a page loads to show each bundled chart, by part (gzip -9, as served): the loader, the glue,
// the wasm (the same for every chart) and the chart's own data file (pkg/data/ID.json: its dataset
// and any companion; the wasm compiles in none).
const BUDGET_GZ = 200 * 1024;
let bytesPerChart = null;
if (want('bytes_gz')) {
  const ids = execFileSync(join(root, 'target', 'release', 'dragonbear'), ['list'], { encoding: 'utf8' })
    .trim().split('\n').map((l) => l.split('\t')[0]);
  const loader = gz(join(dir, 'embed.js')), glue = gz(join(dir, 'pkg', 'dragonbear.js'));
  const wasm = gz(join(dir, 'pkg', 'dragonbear_bg.wasm'));
  const charts = Object.fromEntries(ids.map((id) => {
    const data = gz(join(dir, 'pkg', 'data', `${id}.json`));
    return [id, { loader, glue, wasm, data, total: loader + glue + wasm + data }];
  }));
  const largest = Math.max(...Object.values(charts).map((c) => c.total));
  bytesPerChart = { unit: 'bytes gzip -9', budget: BUDGET_GZ, largest, within_budget: largest <= BUDGET_GZ, charts };
}
// The uPlot case a dragonbear case is compared with: the json and cold draws against uPlot's draw.
const uplotCase = (c) => (c.startsWith('draw_166k') ? 'draw_166k' : c);
// How sure a ratio is: a 95 % interval of (median / uPlot's median) from resampling both sets of
// runs (bootstrap, 2,000 resamples, seeded so a results file can be recomputed). An interval that
// contains 1.00× means the run cannot tell the two apart.
const ratioInterval = (runs, baseRuns) => {
  if (runs.length < 5 || baseRuns.length < 5) return null;
  let seed = 20260101;
  const rand = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 4294967296);
  const pick = (xs) => Array.from(xs, () => xs[Math.floor(rand() * xs.length)]);
  const ratios = Array.from({ length: 2000 }, () => median(pick(runs)) / median(pick(baseRuns))).sort((a, b) => a - b);
  return [ratios[49], ratios[1949]].map((v) => Math.round(v * 100) / 100);
};
for (const x of results) {
  const base = results.find((b) => b.library === 'uPlot' && b.case === uplotCase(x.case));
  const ci = x.library !== 'uPlot' && base ? ratioInterval(x.runs, base.runs) : null;
  if (ci) x.ratio_to_uplot = { value: Math.round((x.value / base.value) * 100) / 100, ci95: ci };
}
// first_paint above the floor: what each library itself adds to a blank page's first frame.
const floorMs = floor.length ? Math.round(median(floor) * 10) / 10 : null;
if (floorMs !== null) {
  for (const lib of LIBS) {
    const v = results.find((x) => x.case === 'first_paint' && x.library === NAMES[lib]);
    if (v) results.push({ case: 'first_paint_above_floor', library: NAMES[lib], value: Math.round((v.value - floorMs) * 10) / 10, unit: 'ms', runs: [] });
  }
}
const out = {
  browser: `Chromium ${browserVersion}`, date: new Date().toISOString(), rounds: ROUNDS, memory_rounds: MEM_ROUNDS,
  conditions: `headless, --disable-gpu (software raster), --disable-frame-rate-limit, viewport 1280×900, DPR 1, chart 1200×500 CSS px, ${cpus().length} vCPU shared with other work; medians over interleaved rounds (first_paint: ${FP_REPEAT} fresh pages per library per round)`,
  peers: { uplot: version('uplot'), 'chart.js': version('chart.js'), echarts: version('echarts') },
  data: 'first_paint: unga-agreement (3 series × 53 sessions; peers get the same numbers as JSON). draw_166k/hover_p95: synthetic, deterministic (3 seeded random walks × 55,550 days = 166,650 points), dragonbear given a dataset object with columnar series (periods as strings, values as the Float64Arrays the peers get); draw_166k_json: dragonbear given the same dataset as JSON text of point objects (what src= fetches), drawn after the columnar case on the same page; draw_166k_object: the same point objects as a JS object (serde-wasm-bindgen), drawn after that; draw_166k_cold: the columnar draw with its idle-time warm-up switched off (?nowarm); every bench page idles 1 s after loading before the first draw; draw_100k/hover_p95_100k: the same generator with 33,330 days per series (99,990 points).',
  hover: 'p95 over 500 moves of: dispatch pointermove+mousemove → end of the frame it produced (handler + rAF callbacks + style/layout/paint), same code for every library',
  first_paint_floor: floorMs === null ? null : { value: floorMs, unit: 'ms', runs: floor.map((v) => Math.round(v * 10) / 10),
    what: 'first frame of a fresh page that loads only the measuring code (bench/site/first-blank.html)' },
  refused,
  problems,
  results,
  bytes_per_chart: bytesPerChart,
};
writeFileSync(join(root, 'bench', 'results.json'), `${JSON.stringify(out, null, 2)}\n`);
rmSync(dir, { recursive: true, force: true });

// The table: value per library, ratio against uPlot in brackets.
const ORDER = ['first_paint', 'first_paint_above_floor', 'draw_166k', 'draw_166k_cold', 'draw_166k_json', 'draw_166k_object', 'hover_p95', 'draw_100k', 'hover_p95_100k', 'bytes_gz', 'memory', 'memory_wasm', 'memory_js_after_warmup'];
const cases = ORDER.filter((c) => results.some((r) => r.case === c));
const cell = (c, lib) => results.find((r) => r.case === c && r.library === NAMES[lib]);
const fmt = (c, v) => (c === 'bytes_gz' ? `${(v / 1024).toFixed(1)} KB` : v.toFixed(1));
const rows = [['case', 'unit', ...LIBS.map((l) => NAMES[l])]];
for (const c of cases) {
  const base = cell(uplotCase(c), 'uplot')?.value;
  rows.push([c, c === 'bytes_gz' ? 'gzip -9' : UNITS[c], ...LIBS.map((l) => {
    const x = cell(c, l);
    if (!x) return '—';
    const ratio = base && !c.startsWith('memory') ? ` (${(x.value / base).toFixed(2)}×)` : '';
    return fmt(c, x.value) + ratio;
  })]);
}
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
const line = (r) => `| ${r.map((v, i) => v.padEnd(widths[i])).join(' | ')} |`;
console.log(`${out.browser}, ${ROUNDS} rounds (memory: ${MEM_ROUNDS}), medians; ratio vs uPlot in brackets`);
console.log(line(rows[0]));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of rows.slice(1)) console.log(line(r));
if (floorMs !== null) console.log(`first_paint floor (blank page, no library): ${floorMs} ms`);
const sure = results.filter((x) => x.ratio_to_uplot && x.library === 'dragonbear');
if (sure.length) {
  console.log('dragonbear / uPlot, 95 % bootstrap interval of the ratio of medians:');
  for (const x of sure) console.log(`  ${x.case.padEnd(16)} ${x.ratio_to_uplot.value.toFixed(2)}×  (${x.ratio_to_uplot.ci95.map((v) => `${v.toFixed(2)}×`).join('–')})`);
}
if (bytesPerChart) {
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  const all = Object.entries(bytesPerChart.charts);
  const [, any] = all[0];
  const data = all.map(([, c]) => c.data);
  const [bigId] = all.find(([, c]) => c.total === bytesPerChart.largest);
  console.log(`bytes per bundled chart (gzip -9): loader ${kb(any.loader)} + glue ${kb(any.glue)} + wasm ${kb(any.wasm)} + the chart's data ${kb(Math.min(...data))}–${kb(Math.max(...data))} = at most ${kb(bytesPerChart.largest)} (${bigId}); budget ${kb(bytesPerChart.budget)}: ${bytesPerChart.within_budget ? 'within' : 'OVER'}`);
}
for (const [k, v] of Object.entries(refused)) console.log(`refused: ${k}: ${v}`);
for (const p of problems) console.log(`console error: ${p}`);
console.log('wrote bench/results.json');
