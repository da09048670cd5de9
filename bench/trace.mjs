// Where a 166,650-point draw's time goes in the browser itself, from a Chromium trace (categories
// v8, v8.wasm, devtools.timeline): trace events on the page's main thread during the draw, summed
// by name and averaged over N pages, plus the wasm compilation on other threads. `nowarm` (default)
// is draw_166k_cold — lazy wasm compilation (wasm.CompileLazy) and background tier-up
// (wasm.TopTierCompilation) show there — and `warm` the draw after the idle-time warm-up.
//   node bench/trace.mjs [nowarm|warm]     (after `make build`; N pages, default 5; BENCH_PORT, default 8391)
import { createRequire } from 'node:module';
import { cpSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawn } from 'node:child_process';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { chromium } = createRequire(root + '/package.json')('playwright-core');
const dir = mkdtempSync(join(tmpdir(), 'dragonbear-trace-'));
cpSync(root + '/dist', dir, { recursive: true });
cpSync(root + '/bench/site', dir + '/bench', { recursive: true });
writeFileSync(dir + '/bench/agreement.json', '{}');
const PORT = Number(process.env.BENCH_PORT || 8391);
const server = spawn('python3', [root + '/tools/serve.py', dir, String(PORT)], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 800));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-frame-rate-limit', '--disable-gpu-vsync', '--disable-renderer-backgrounding', '--disable-background-timer-throttling'] });
const mode = process.argv[2] || 'nowarm';
const totals = {}; let runs = 0; const ms = [];
for (let i = 0; i < Number(process.env.N || 5); i++) {
  const ctx = await browser.newContext({ viewport: { width: 1300, height: 800 } });
  const page = await ctx.newPage();
  await page.goto(`http://127.0.0.1:${PORT}/bench/bench.html?lib=dragonbear${mode === 'nowarm' ? '&nowarm' : ''}`);
  await page.waitForFunction(() => window.__ready, null, { timeout: 60000 });
  await page.waitForTimeout(mode === 'warm' ? 4000 : 1000);
  await browser.startTracing(page, { categories: ['devtools.timeline', 'v8', 'v8.wasm', 'disabled-by-default-v8.compile', 'blink', 'cc', 'gpu', 'toplevel', 'disabled-by-default-devtools.timeline'] });
  const d = await page.evaluate((n) => window.bench.draw(n), 55550);
  const buf = await browser.stopTracing();
  ms.push(d.ms);
  const ev = JSON.parse(buf.toString()).traceEvents;
  const main = ev.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const onMain = ev.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur);
  const names = {};
  for (const e of onMain) names[e.name] = (names[e.name] || 0) + e.dur / 1000;
  for (const [k, v] of Object.entries(names)) totals[k] = (totals[k] || 0) + v;
  // Compilation on the other threads (tier-up runs beside the draw).
  const other = ev.filter((e) => e.pid === main.pid && e.tid !== main.tid && e.ph === 'X' && e.dur && /wasm|Wasm|Compile/.test(e.name));
  for (const e of other) totals['[bg] ' + e.name] = (totals['[bg] ' + e.name] || 0) + e.dur / 1000;
  runs++;
  await ctx.close();
}
console.log('draw ms', ms.map((x) => x.toFixed(1)).join(' '));
for (const [k, v] of Object.entries(totals).sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log((v / runs).toFixed(2).padStart(9), k);
await browser.close();
server.kill();
rmSync(dir, { recursive: true, force: true });
