// End-to-end tests: Debian's Chromium driven by playwright-core against the built site (dist/),
// served like a CDN on one port and embedded from a host page on another origin.
//   node tests/e2e/run.mjs            (after `make build`; `make test` does both)
// Screenshots go to tests/e2e/out/.
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

const SITE_PORT = 8181, HOST_PORT = 8182;
const SITE = `http://127.0.0.1:${SITE_PORT}`, HOST = `http://127.0.0.1:${HOST_PORT}`;

// Host pages (another origin) with the site URL filled in.
const hostDir = mkdtempSync(join(tmpdir(), 'dragonbear-host-'));
for (const f of readdirSync(join(root, 'tests', 'e2e', 'pages'))) {
  writeFileSync(join(hostDir, f), readFileSync(join(root, 'tests', 'e2e', 'pages', f), 'utf8').replaceAll('__DRAGONBEAR__', SITE));
}

function serve(dir, port) {
  const p = spawn('python3', [join(root, 'tools', 'serve.py'), dir, String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
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
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
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

const tests = {
  async 'story page: chart ready, hover 1991 shows the CSV values and the source'() {
    const page = await newPage();
    await page.goto(`${SITE}/`);
    await page.waitForFunction(settled(), null, { timeout: 20000 });
    const chart = page.locator('dragonbear-chart[chart="unga-agreement"]');
    eq(await chart.getAttribute('data-state'), 'ready', 'data-state');
    const rows = csv('unga-agreement').filter((r) => r.period === '1991');
    const value = (label) => pct(rows.find((r) => r.series === label).value);
    const text = await hoverPeriod(page, chart, '1991');
    eq(text,
      ['1991 (session 46)', `China–Russia: ${value('China–Russia')}`, `China–US: ${value('China–US')}`,
        `Russia–US: ${value('Russia–US')}`, 'Source: Erik Voeten, Anton Strezhnev and Michael Bailey, Harvard Dataverse'].join('\n'),
      'tooltip text');
    eq(value('China–Russia'), '53.7%', 'CSV value for 1991 (Voeten file: 0.5373134)');
    await page.screenshot({ path: join(out, 'story-hover-1280.png') });
    const label = await chart.locator('canvas.base').getAttribute('aria-label');
    assert(label.startsWith('How often China and Russia vote alike in the UN General Assembly: China–Russia fell from 79.2% in 1971'), `accessible name: ${label}`);
    eq(page.problems.join('\n'), '', 'console errors');
  },

  async 'story page at 360 px and DPR 2: backing store is CSS size × 2, no overflow'() {
    const page = await newPage({ viewport: { width: 360, height: 800 }, deviceScaleFactor: 2 });
    await page.goto(`${SITE}/`);
    await page.waitForFunction(settled(), null, { timeout: 20000 });
    const size = await page.locator('dragonbear-chart').evaluate((el) => {
      const c = el.shadowRoot.querySelector('canvas.base');
      return { w: c.width, h: c.height, cw: c.clientWidth, ch: c.clientHeight, doc: document.documentElement.scrollWidth };
    });
    eq(size.w, size.cw * 2, 'canvas.width = clientWidth × 2');
    eq(size.h, size.ch * 2, 'canvas.height = clientHeight × 2');
    assert(size.doc <= 360, `page does not scroll sideways (scrollWidth ${size.doc})`);
    await page.screenshot({ path: join(out, 'story-360-dpr2.png'), fullPage: true });
    eq(page.problems.join('\n'), '', 'console errors');
  },

  async 'table view, sources panel, CSV and PNG downloads'() {
    const page = await newPage({ acceptDownloads: true });
    await page.goto(`${SITE}/`);
    await page.waitForFunction(settled(), null, { timeout: 20000 });
    const chart = page.locator('dragonbear-chart[chart="unga-agreement"]');
    const rows = csv('unga-agreement');
    await chart.getByRole('button', { name: 'Table' }).click();
    eq(await chart.locator('tbody tr').count(), rows.length, 'table rows = CSV rows');
    eq(await chart.locator('tbody tr').first().locator('td').nth(2).textContent(), pct(rows[0].value), 'first table value');
    assert(await chart.locator('canvas.base').isHidden(), 'chart hidden in table view');
    await chart.getByRole('button', { name: 'Chart' }).click();
    assert(await chart.locator('canvas.base').isVisible(), 'chart back');
    await chart.getByRole('button', { name: 'Sources' }).click();
    const src = await chart.locator('.sources').innerText();
    assert(src.includes('Licence: CC0 1.0') && src.includes('Coverage: UNGA sessions 1–78'), `sources panel: ${src.slice(0, 200)}`);
    const link = await chart.locator('.sources a').first().getAttribute('href');
    eq(link, 'https://dataverse.harvard.edu/dataset.xhtml?persistentId=hdl:1902.1/12379', 'source link');
    const [dl] = await Promise.all([page.waitForEvent('download'), chart.getByRole('button', { name: 'Download CSV' }).click()]);
    const got = readFileSync(await dl.path(), 'utf8');
    const want = execFileSync(join(root, 'target', 'release', 'dragonbear'), ['data', 'unga-agreement'], { encoding: 'utf8' });
    eq(got, want, 'downloaded CSV = `dragonbear data unga-agreement`');
    eq(dl.suggestedFilename(), 'dragonbear-unga-agreement.csv', 'CSV file name');
    const [png] = await Promise.all([page.waitForEvent('download'), chart.getByRole('button', { name: 'Download PNG' }).click()]);
    const bytes = readFileSync(await png.path());
    eq(bytes.subarray(0, 8).toString('hex'), '89504e470d0a1a0a', 'PNG signature');
    const w = bytes.readUInt32BE(16);
    const cw = await chart.evaluate((el) => el.shadowRoot.querySelector('canvas.base').width);
    eq(w, cw, 'PNG width = canvas backing-store width');
    eq(page.problems.join('\n'), '', 'console errors');
  },

  async 'resizing the container resizes the canvas'() {
    const page = await newPage();
    await page.goto(`${SITE}/`);
    await page.waitForFunction(settled(), null, { timeout: 20000 });
    const chart = page.locator('dragonbear-chart');
    await chart.evaluate((el) => { el.style.width = '420px'; });
    await page.waitForFunction(() => document.querySelector('dragonbear-chart').shadowRoot.querySelector('canvas.base').width === 420);
    const h = await chart.evaluate((el) => el.shadowRoot.querySelector('canvas.base').clientHeight);
    assert(h >= 360, `height follows the width rule (got ${h})`);
  },

  async 'dark theme and legend toggle change the pixels'() {
    const page = await newPage({ colorScheme: 'dark' });
    await page.goto(`${SITE}/`);
    await page.waitForFunction(settled(), null, { timeout: 20000 });
    const chart = page.locator('dragonbear-chart');
    const pixel = (x, y) => chart.evaluate((el, [x, y]) => [...el.shadowRoot.querySelector('canvas.base').getContext('2d').getImageData(x, y, 1, 1).data].slice(0, 3), [x, y]);
    eq((await pixel(3, 3)).join(','), '24,26,31', 'auto theme follows the OS dark scheme');
    const countColour = (rgb) => chart.evaluate((el, rgb) => {
      const c = el.shadowRoot.querySelector('canvas.base');
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) if (Math.abs(d[i] - rgb[0]) + Math.abs(d[i + 1] - rgb[1]) + Math.abs(d[i + 2] - rgb[2]) < 30) n++;
      return n;
    }, rgb);
    const orange = [255, 128, 56];
    const before = await countColour(orange);
    assert(before > 500, `China–Russia line drawn in dark-theme orange (${before} px)`);
    // Click the first legend entry (China–Russia): its line disappears.
    const box = await chart.boundingBox();
    let toggled = false;
    for (let y = box.y + 30; y < box.y + 110 && !toggled; y += 4) {
      await page.mouse.move(box.x + 20, y);
      const cursor = await chart.evaluate((el) => el.shadowRoot.querySelector('canvas.hover').style.cursor);
      if (cursor === 'pointer') { await page.mouse.click(box.x + 20, y); toggled = true; }
    }
    assert(toggled, 'found the legend entry');
    await page.waitForTimeout(100);
    const after = await countColour(orange);
    assert(after < before / 10, `China–Russia pixels after toggling off: ${after} (before ${before})`);
  },

  async 'another origin: one script tag shows the chart, an unknown id shows an error in place, the iframe sizes itself'() {
    const page = await newPage();
    await page.goto(`${HOST}/cross-origin.html`);
    await page.waitForFunction(settled(), null, { timeout: 20000 });
    eq(await page.locator('#good').getAttribute('data-state'), 'ready', 'cross-origin chart ready');
    eq(await page.locator('#bad').getAttribute('data-state'), 'error', 'unknown chart id → error');
    const msg = await page.locator('#bad [role=alert]').innerText();
    assert(msg.includes('Unknown chart "no-such-chart"'), `error message: ${msg}`);
    await page.waitForFunction(() => window.resizeMessages.length > 0 && window.resizeMessages.at(-1).height > 300, null, { timeout: 20000 });
    await page.waitForTimeout(300);
    const { posted, content, frameH } = await page.evaluate(async () => {
      const f = document.getElementById('frame');
      return { posted: window.resizeMessages.at(-1).height, frameH: f.getBoundingClientRect().height, content: 0 };
    });
    const inner = await page.frameLocator('#frame').locator('html').evaluate((h) => Math.ceil(h.getBoundingClientRect().height));
    eq(posted, inner, 'posted height = iframe document height');
    eq(Math.round(frameH), posted, 'iframe resized to the posted height');
    const frameState = await page.frameLocator('#frame').locator('dragonbear-chart').getAttribute('data-state');
    eq(frameState, 'ready', 'iframe chart ready');
    await page.screenshot({ path: join(out, 'cross-origin.png'), fullPage: true });
    eq(page.problems.join('\n'), '', 'console errors');
    void content;
  },
};

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
