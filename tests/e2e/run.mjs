// End-to-end tests: Debian's Chromium driven by playwright-core against the built site (dist/),
// served like a CDN on one port and embedded from a host page on another origin.
//   node tests/e2e/run.mjs            (after `make build`; `make test` does both)
// Screenshots go to tests/e2e/out/. Every tests/e2e/*.test.mjs file exports `default (ctx) => ({name: async fn})`;
// ctx has the helpers below. `node tests/e2e/run.mjs WORD` runs the tests whose name contains WORD.
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync, readFileSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(join(root, 'package.json'));
const { chromium } = require('playwright-core');
const out = join(root, 'tests', 'e2e', 'out');
mkdirSync(out, { recursive: true });

const SITE_PORT = Number(process.env.E2E_PORT || 8181), HOST_PORT = SITE_PORT + 1;
const SITE = `http://127.0.0.1:${SITE_PORT}`, HOST = `http://127.0.0.1:${HOST_PORT}`;

// Host pages (another origin) with the site URL filled in.
const hostDir = mkdtempSync(join(tmpdir(), 'dragonbear-host-'));
for (const f of readdirSync(join(root, 'tests', 'e2e', 'pages'))) {
  writeFileSync(join(hostDir, f), readFileSync(join(root, 'tests', 'e2e', 'pages', f), 'utf8').replaceAll('__DRAGONBEAR__', SITE));
}

// Both servers take faults on request (tools/serve.py --faults): see `fault` below.
function serve(dir, port) {
  const p = spawn('python3', [join(root, 'tools', 'serve.py'), dir, String(port), '--faults'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    p.stdout.once('data', () => resolve(p));
    p.once('exit', (c) => reject(new Error(`server on ${port} exited with ${c}`)));
  });
}

/** The CSV of a chart, as `dragonbear data ID` prints it (parsed into rows). */
function csv(id) {
  const text = execFileSync(join(root, 'target', 'release', 'dragonbear'), ['data', id], { encoding: 'utf8' });
  const [header, ...lines] = text.trimEnd().split('\n');
  const cols = header.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').slice(0, 4).map((v, i) => [cols[i], v])));
}

const servers = [await serve(join(root, 'dist'), SITE_PORT), await serve(hostDir, HOST_PORT)];
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    // A name that never resolves, for the DNS-failure case (no real lookup leaves the machine).
    '--host-resolver-rules=MAP nowhere.invalid ~NOTFOUND'],
});

async function newPage(opts = {}) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...opts });
  const page = await ctx.newPage();
  page.problems = [];
  page.on('console', (m) => { if (m.type() === 'error') page.problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => page.problems.push(`failed: ${r.url()}`));
  return page;
}

const settled = (sel = 'dragonbear-chart') => `[...document.querySelectorAll('${sel}')].length > 0 && [...document.querySelectorAll('${sel}')].every(e => ['ready','error'].includes(e.getAttribute('data-state')))`;

function assert(cond, msg) { if (!cond) throw new Error(msg); }
function eq(a, b, msg) { if (a !== b) throw new Error(`${msg}\n  expected: ${JSON.stringify(b)}\n  actual:   ${JSON.stringify(a)}`); }

/** Moves the mouse across the chart until the tooltip title starts with `period`; returns the tooltip text. */
async function hoverPeriod(page, chart, period) {
  await chart.scrollIntoViewIfNeeded();
  const box = await chart.boundingBox();
  const tip = chart.locator('[role=tooltip]');
  for (let x = box.x + 20; x < box.x + box.width; x += 2) {
    await page.mouse.move(x, box.y + box.height * 0.55);
    if (!(await tip.isVisible())) continue;
    const title = await tip.locator('.tt-title').textContent();
    if (title.startsWith(period)) {
      return tip.evaluate((t) => [t.querySelector('.tt-title').textContent,
        ...[...t.querySelectorAll('.tt-row')].map((r) => `${r.querySelector('.tt-label').textContent}: ${r.querySelector('.tt-value').textContent}`),
        t.querySelector('.tt-source').textContent].join('\n'));
    }
  }
  throw new Error(`no tooltip for ${period}`);
}

const pct = (v) => `${(Number(v) * 100).toFixed(1)}%`;

/** Makes the site's server misbehave for one path (tools/serve.py --faults): `fault('/pkg/dragonbear_bg.wasm',
 * '500')`, modes delay:MS, 500, reset, cut, truncate, html; `count` responses (default: until
 * `fault(null)` clears every fault). Returns the requests seen per path since the last clear. */
async function fault(path, mode, count = -1, base = SITE) {
  const q = path === null ? 'clear=1' : path === undefined ? 'hits=1'
    : `path=${encodeURIComponent(path)}&mode=${encodeURIComponent(mode)}&count=${count}`;
  const r = await fetch(`${base}/_faults?${q}`);
  if (!r.ok) throw new Error(`fault control: HTTP ${r.status}`);
  return r.json();
}

const ctx = { SITE, HOST, root, out, browser, newPage, settled, assert, eq, csv, hoverPeriod, pct, fault, readFileSync, execFileSync, join };
const tests = {};
for (const f of readdirSync(join(root, 'tests', 'e2e')).filter((f) => f.endsWith('.test.mjs')).sort()) {
  const mod = await import(join(root, 'tests', 'e2e', f));
  for (const [name, fn] of Object.entries(mod.default(ctx))) tests[`${f.replace('.test.mjs', '')}: ${name}`] = fn;
}
let failed = 0;
const only = process.argv[2];
for (const [name, fn] of Object.entries(tests)) {
  if (only && !name.includes(only)) continue;
  const t0 = Date.now();
  try {
    await fn();
    console.log(`ok   ${name} (${Date.now() - t0} ms)`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}\n     ${String(e.stack || e).split('\n').join('\n     ')}`);
  }
}
await browser.close();
for (const s of servers) s.kill();
console.log(failed ? `e2e: ${failed} failed` : 'e2e: all passed');
process.exit(failed ? 1 : 0);
