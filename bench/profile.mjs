// Where dragonbear's time goes in two bench cases: a CPU profile (Chromium's sampling profiler over
// the devtools protocol) of a fresh page's first paint (bench/site/first-dragonbear.html) and of
// the first 166,650-point draw without warm-up (bench.html?nowarm, draw_166k_cold). Prints the
// functions with the most self time, summed over PROFILE_RUNS pages (default 5), and by kind.
// Then a Chromium trace (categories v8, v8.wasm, devtools.timeline) of the same draw cold and after
// the idle-time warm-up: the browser's own work on the main thread by event name — compiling wasm
// functions on first call (wasm.CompileLazy), GC, canvas — and the optimising wasm compilation
// beside it on other threads (wasm.TopTierCompilation).
//   node bench/profile.mjs            (after `make build`; BENCH_PORT, default 8193;
//                                      PROFILE_ONLY=first_paint|draw_166k_cold|trace_166k_cold|trace_166k_warm)
// For wasm function names, serve a wasm that keeps its name section (tools/attribute-wasm.py says
// how to build one) with the glue made with it:
//   PROFILE_WASM=/tmp/names/named.wasm PROFILE_GLUE=/tmp/names/named.js node bench/profile.mjs
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { chromium } = createRequire(join(root, 'package.json'))('playwright-core');
const RUNS = Number(process.env.PROFILE_RUNS || 5);
const TOP = Number(process.env.PROFILE_TOP || 15);
const PORT = Number(process.env.BENCH_PORT || 8193);
const SITE = `http://127.0.0.1:${PORT}`;

const dir = mkdtempSync(join(tmpdir(), 'dragonbear-profile-'));
cpSync(join(root, 'dist'), dir, { recursive: true });
cpSync(join(root, 'bench', 'site'), join(dir, 'bench'), { recursive: true });
writeFileSync(join(dir, 'bench', 'agreement.json'), '{}'); // the peers' data; unused here
if (process.env.PROFILE_WASM) cpSync(process.env.PROFILE_WASM, join(dir, 'pkg', 'dragonbear_bg.wasm'));
if (process.env.PROFILE_GLUE) cpSync(process.env.PROFILE_GLUE, join(dir, 'pkg', 'dragonbear.js'));

const server = spawn('python3', [join(root, 'tools', 'serve.py'), dir, String(PORT)], { stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise((resolve) => server.stdout.once('data', resolve));
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--disable-frame-rate-limit', '--disable-gpu-vsync', '--disable-renderer-backgrounding', '--disable-background-timer-throttling'],
});

/** Self time (ms) per function of one profile, keyed `name (where)`. */
function selfTimes(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const out = new Map();
  profile.samples.forEach((id, i) => {
    const f = byId.get(id).callFrame;
    const where = f.url ? `${f.url.split('/').pop()}` : '';
    const name = f.functionName || `(anonymous)${where ? ` ${where}:${f.lineNumber + 1}` : ''}`;
    const key = `${name}${where ? ` [${where}]` : ''}`;
    out.set(key, (out.get(key) || 0) + (profile.timeDeltas[i] || 0) / 1000);
  });
  return out;
}

async function profiled(url, act) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  const result = await act(page, cdp, url);
  await context.close();
  return result;
}

const firstPaint = async (page, cdp, url) => {
  await cdp.send('Profiler.start');
  await page.goto(url);
  const ms = await page.waitForFunction(() => window.__result, null, { timeout: 60000 }).then((h) => h.jsonValue());
  const { profile } = await cdp.send('Profiler.stop');
  return { ms, profile };
};

const coldDraw = async (page, cdp, url) => {
  await page.goto(url);
  await page.waitForFunction(() => window.__ready, null, { timeout: 60000 });
  await page.waitForTimeout(1000);
  // The synthetic data is prepared (untimed in the bench) before profiling starts.
  await page.evaluate(() => { window.bench.prepare(55550); });
  await cdp.send('Profiler.start');
  const d = await page.evaluate((n) => window.bench.draw(n), 55550);
  const { profile } = await cdp.send('Profiler.stop');
  return { ms: d.ms, profile };
};

/** One draw of 3 × 55,550 points traced: ms per trace event name on the main thread, and the wasm
 * compilation on other threads as `[bg] NAME`. The page idles `idleMs` first (the warm-up's time). */
const tracedDraw = async (url, idleMs) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.__ready, null, { timeout: 60000 });
  await page.waitForTimeout(idleMs);
  await page.evaluate(() => { window.bench.prepare(55550); });
  await browser.startTracing(page, { categories: ['v8', 'v8.wasm', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-v8.compile', 'blink'] });
  const d = await page.evaluate((n) => window.bench.draw(n), 55550);
  const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
  await context.close();
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const byName = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || !e.dur || e.pid !== main.pid) continue;
    const onMain = e.tid === main.tid;
    if (!onMain && !/wasm|Compile/i.test(e.name)) continue;
    const key = onMain ? e.name : `[bg] ${e.name}`;
    byName.set(key, (byName.get(key) || 0) + e.dur / 1000);
  }
  return { ms: d.ms, byName };
};

const kind = (key) => {
  if (key.startsWith('(')) return key.split(' ')[0];
  if (key.includes('[dragonbear_bg.wasm]') || key.includes('wasm-function')) return 'wasm';
  if (key.includes('[dragonbear.js]')) return 'glue JS';
  if (key.includes('[embed.js]')) return 'loader JS';
  return 'other JS (bench page)';
};

const ONLY = process.env.PROFILE_ONLY;
for (const [name, url, act] of [
  ['first_paint', `${SITE}/bench/first-dragonbear.html`, firstPaint],
  ['draw_166k_cold', `${SITE}/bench/bench.html?lib=dragonbear&nowarm`, coldDraw],
].filter(([name]) => !ONLY || ONLY === name)) {
  const total = new Map();
  const times = [];
  for (let r = 0; r < RUNS; r++) {
    const { ms, profile } = await profiled(url, act);
    times.push(ms);
    for (const [k, v] of selfTimes(profile)) total.set(k, (total.get(k) || 0) + v);
  }
  const per = (v) => (v / RUNS).toFixed(1);
  const kinds = new Map();
  for (const [k, v] of total) kinds.set(kind(k), (kinds.get(kind(k)) || 0) + v);
  console.log(`\n## ${name}: ${RUNS} pages, measured ${times.map((t) => t.toFixed(0)).join(', ')} ms; self time per page (ms)`);
  console.log([...kinds].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${per(v)}`).join(' · '));
  console.log('| function | self ms |\n|---|---|');
  for (const [k, v] of [...total].filter(([k]) => k !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, TOP)) {
    console.log(`| ${k.replace(/\|/g, '\\|')} | ${per(v)} |`);
  }
}
for (const [name, url, idleMs] of [
  ['trace_166k_cold', `${SITE}/bench/bench.html?lib=dragonbear&nowarm`, 1000],
  ['trace_166k_warm', `${SITE}/bench/bench.html?lib=dragonbear`, 4000],
].filter(([name]) => !ONLY || ONLY === name)) {
  const total = new Map();
  const times = [];
  for (let r = 0; r < RUNS; r++) {
    const { ms, byName } = await tracedDraw(url, idleMs);
    times.push(ms);
    for (const [k, v] of byName) total.set(k, (total.get(k) || 0) + v);
  }
  console.log(`\n## ${name}: ${RUNS} pages, measured ${times.map((t) => t.toFixed(0)).join(', ')} ms; trace events per page (ms, nested events overlap)`);
  console.log('| event | ms |\n|---|---|');
  for (const [k, v] of [...total].sort((a, b) => b[1] - a[1]).slice(0, TOP * 2)) console.log(`| ${k} | ${(v / RUNS).toFixed(1)} |`);
}
await browser.close();
server.kill();
rmSync(dir, { recursive: true, force: true });
