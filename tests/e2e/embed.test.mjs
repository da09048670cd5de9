// Editors' end-to-end tests: strict CSP + hostile CSS host page, the iframe's height, the static
// fallback without JavaScript, the npm package used from a separate consumer page, languages.
import { cpSync, mkdirSync, mkdtempSync, writeFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { spawn } from 'node:child_process';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

export default ({ SITE, root, out, newPage, settled, assert, eq, join }) => {
  // Test pages are served from the site's own origin (under /_e2e/), the CSP as a real header.
  const dist = join(root, 'dist');
  cpSync(join(root, 'tests', 'e2e', 'site'), join(dist, '_e2e'), { recursive: true });
  writeFileSync(join(dist, '_headers.json'), JSON.stringify({ '/_e2e/csp.html': { 'Content-Security-Policy': CSP } }));

  return {
    async 'strict CSP and hostile CSS: three charts and an iframe, all ready, no violations, each fills its column'() {
      const page = await newPage();
      await page.addInitScript(() => {
        window.__violations = [];
        document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
      });
      const res = await page.goto(`${SITE}/_e2e/csp.html`);
      eq(res.headers()['content-security-policy'], CSP, 'CSP sent as an HTTP header');
      await page.waitForFunction(() => [...document.querySelectorAll('dragonbear-chart')].every((e) => e.getAttribute('data-state') === 'ready'), null, { timeout: 20000 });
      for (const id of ['c1', 'c2', 'c3']) {
        const r = await page.locator(`#${id}`).evaluate((el) => {
          const c = el.shadowRoot.querySelector('canvas.base');
          const cs = getComputedStyle(el.parentElement);
          return { col: el.parentElement.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight), canvas: c.clientWidth, backing: c.width, font: getComputedStyle(el.shadowRoot.querySelector('.toolbar button')).fontFamily };
        });
        eq(r.canvas, r.col, `${id} fills its column's content box despite canvas { width: 10px }`);
        eq(r.backing, r.col, `${id} backing store = CSS width at DPR 1`);
        assert(!r.font.includes('serif') || r.font.includes('sans'), `${id} keeps its own font (${r.font})`);
      }
      eq(await page.locator('#c3').getByRole('button', { name: 'Tableau' }).count(), 1, 'lang="fr" chart speaks French');
      await page.waitForFunction(() => window.resizeMessages.length > 0 && window.resizeMessages.at(-1).height > 300, null, { timeout: 20000 });
      await page.waitForTimeout(300);
      const posted = await page.evaluate(() => window.resizeMessages.at(-1).height);
      const inner = await page.frameLocator('#frame').locator('html').evaluate((h) => Math.ceil(h.getBoundingClientRect().height));
      const frameH = await page.locator('#frame').evaluate((f) => Math.round(f.getBoundingClientRect().height));
      eq(posted, inner, 'posted height = the iframe document height');
      eq(frameH, posted, 'iframe resized to its content');
      eq((await page.evaluate(() => window.__violations)).join('\n'), '', 'securitypolicyviolation events');
      await page.screenshot({ path: join(out, 'csp-hostile.png'), fullPage: true });
      eq(page.problems.join('\n'), '', 'console errors');
    },

    async 'the wasm without its MIME type still loads; a missing wasm is a readable error in place'() {
      // embed.js compiles the wasm as it streams in, which needs `application/wasm`; a server that
      // sends another type gets the whole-file compile instead, and the same chart.
      const plain = await newPage();
      let served = '';
      await plain.route('**/pkg/dragonbear_bg.wasm', async (route) => {
        const res = await route.fetch();
        served = 'application/octet-stream';
        await route.fulfill({ response: res, headers: { ...res.headers(), 'content-type': served } });
      });
      await plain.goto(`${SITE}/embed.html?chart=unga-agreement&theme=light`);
      await plain.waitForFunction(settled(), null, { timeout: 20000 });
      eq(served, 'application/octet-stream', 'wasm served with a non-wasm type');
      eq(await plain.locator('dragonbear-chart').getAttribute('data-state'), 'ready', 'chart ready without streaming compilation');
      const lit = await plain.locator('dragonbear-chart').evaluate((el) => {
        const c = el.shadowRoot.querySelector('canvas.base');
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 0; i < d.length; i += 4) if (d[i] > 200 && d[i + 1] < 120 && d[i + 2] < 40) n++; // vermillion #d55e00
        return n;
      });
      assert(lit > 200, `the China–Russia line is drawn (${lit} vermillion pixels)`);
      eq(plain.problems.join('\n'), '', 'console errors');

      const missing = await newPage();
      await missing.route('**/pkg/dragonbear_bg.wasm', (route) => route.fulfill({ status: 404, body: 'not here' }));
      await missing.goto(`${SITE}/embed.html?chart=unga-agreement`);
      await missing.waitForFunction(settled(), null, { timeout: 20000 });
      const el = missing.locator('dragonbear-chart');
      eq(await el.getAttribute('data-state'), 'error', 'data-state');
      eq(
        await el.evaluate((e) => e.shadowRoot.querySelector('.error[role=alert]').textContent),
        `The chart could not be loaded from ${SITE}/pkg/dragonbear_bg.wasm: the server answered HTTP 404.`,
        'the error shown in place',
      );
    },

    async 'without JavaScript the static image drawn by the Rust renderer is shown'() {
      const page = await newPage({ javaScriptEnabled: false });
      await page.goto(`${SITE}/_e2e/nojs.html`);
      const img = page.locator('#fallback');
      await img.waitFor({ state: 'visible' });
      const nat = await img.evaluate(async (i) => { await i.decode(); return [i.naturalWidth, i.naturalHeight]; });
      eq(nat.join('x'), '800x500', 'fallback PNG loaded');
      // With JavaScript the same element shows the interactive chart and hides the image.
      const live = await newPage();
      await live.goto(`${SITE}/_e2e/nojs.html`);
      await live.waitForFunction(settled(), null, { timeout: 20000 });
      assert(!(await live.locator('#fallback').isVisible()), 'fallback hidden once the chart runs');
    },

    async 'the npm package works from a separately built consumer page'() {
      const dir = mkdtempSync(join(tmpdir(), 'dragonbear-consumer-'));
      mkdirSync(join(dir, 'node_modules'), { recursive: true });
      cpSync(join(root, 'pkg'), join(dir, 'node_modules', 'dragonbear'), { recursive: true });
      writeFileSync(join(dir, 'index.html'), `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>consumer</title>
<link rel="icon" href="data:,"><script type="module" src="main.js"></script></head>
<body><div id="api" style="width:500px"></div><div id="api2" style="width:500px"></div><div id="api3" style="width:500px"></div>
<dragonbear-chart id="el" chart="trade-shares"></dragonbear-chart></body></html>`);
      writeFileSync(join(dir, 'main.js'), `import init, { addData, charts, mount, version } from './node_modules/dragonbear/dragonbear.js';
import './node_modules/dragonbear/element.js';
await init();
const list = charts();
window.result = { version: version(), ids: list.map((c) => c.id) };
// The contract's one call: the widget fetches the chart's data file from beside the wasm.
window.handle = mount(document.getElementById('api'), { chart: list[0].id, theme: 'light' });
// The fast path: the page fetches the file itself (in parallel with the wasm) and hands it in.
const file = new URL(\`./node_modules/dragonbear/data/\${list[1].id}.json\`, location.href);
addData(await (await fetch(file)).text(), file.href);
window.handle2 = mount(document.getElementById('api2'), { chart: list[1].id, theme: 'light' });
// A data file the server does not have: the widget says so in place.
window.handle3 = mount(document.getElementById('api3'), { chart: 'unsc-vetoes', theme: 'light' });
`);
      rmSync(join(dir, 'node_modules', 'dragonbear', 'data', 'unsc-vetoes.json'));
      const port = Number(process.env.E2E_PORT || 8181) + 2;
      const srv = spawn('python3', [join(root, 'tools', 'serve.py'), dir, String(port), '--faults'], { stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise((r) => srv.stdout.once('data', r));
      try {
        // The self-fetched file arrives late: meanwhile the chart keeps its space and says so.
        await fetch(`http://127.0.0.1:${port}/_faults?path=/node_modules/dragonbear/data/trade-annual.json&mode=delay:2500&count=1`);
        const page = await newPage();
        await page.goto(`http://127.0.0.1:${port}/`);
        await page.waitForFunction(() => document.getElementById('api').getAttribute('data-state') === 'loading', null, { timeout: 10000 });
        const waiting = await page.evaluate(() => {
          const root = document.getElementById('api').shadowRoot;
          const stage = root.querySelector('.stage');
          return { h: stage.getBoundingClientRect().height, said: getComputedStyle(stage, '::after').content,
            label: root.querySelector('canvas.base').getAttribute('aria-label'), toolbar: root.querySelector('.toolbar').hidden };
        });
        eq(waiting.said, '"Loading…"', 'the loading line while the data file is on its way');
        eq(waiting.label, 'Loading…', 'the canvas says so to screen readers');
        assert(waiting.h >= 300 && waiting.toolbar, `the chart's space is kept, no toolbar yet: ${JSON.stringify(waiting)}`);
        await page.waitForFunction(() => window.result && document.getElementById('api').getAttribute('data-state') === 'ready'
          && document.getElementById('api2').getAttribute('data-state') === 'ready'
          && document.getElementById('el').getAttribute('data-state') === 'ready', null, { timeout: 20000 });
        const r = await page.evaluate(() => window.result);
        eq(r.version, '0.1.0', 'version()');
        assert(r.ids.includes('unga-agreement') && r.ids.length >= 12, `charts(): ${r.ids}`);
        eq(await page.locator('#el').getByRole('button', { name: 'Tabelle' }).count(), 1, 'page lang="de" → German interface');
        // The self-fetched chart is the real chart: its summary names its first series.
        const label = await page.locator('#api canvas.base').getAttribute('aria-label');
        assert(label && label.includes('Russia'), `mount() without addData draws the chart: ${label}`);
        await page.waitForFunction(() => document.getElementById('api3').getAttribute('data-state') === 'error', null, { timeout: 20000 });
        const said = await page.locator('#api3 [role=alert]').innerText();
        assert(said.includes('data/unsc-vetoes.json') && said.includes('HTTP 404'), `a missing data file is said in place: ${said}`);
        const files = readdirSync(join(dir, 'node_modules', 'dragonbear')).sort().join(',');
        assert(files.includes('dragonbear.d.ts') && files.includes('element.js') && files.includes('package.json') && files.includes('data'), files);
        eq(page.problems.filter((p) => !p.includes('404')).join('\n'), '', 'console errors');
      } finally {
        srv.kill();
      }
    },

    async 'embed page keeps hidden series in its URL'() {
      const page = await newPage();
      await page.goto(`${SITE}/embed.html?chart=unga-agreement&theme=light&hide=china-us`);
      await page.waitForFunction(settled(), null, { timeout: 20000 });
      const chart = page.locator('dragonbear-chart');
      await chart.getByRole('button', { name: 'Table' }).click();
      const series = await chart.locator('tbody tr td:first-child').allTextContents();
      assert(!series.includes('China–US') && series.includes('China–Russia'), 'China–US hidden from the URL state');
      await chart.getByRole('button', { name: 'Chart' }).click();
      // Switch Russia–US off in the legend: the URL follows.
      const box = await chart.boundingBox();
      let done = false;
      for (let x = box.x + 10; x < box.x + box.width && !done; x += 6) {
        for (let y = box.y + 30; y < box.y + 80 && !done; y += 6) {
          await page.mouse.move(x, y);
          if ((await chart.evaluate((el) => el.shadowRoot.querySelector('canvas.hover').style.cursor)) === 'pointer') {
            await page.mouse.click(x, y);
            await page.waitForTimeout(50);
            done = new URL(page.url()).searchParams.get('hide')?.split(',').length === 2 || new URL(page.url()).searchParams.get('hide') === null;
            if (new URL(page.url()).searchParams.get('hide') !== 'china-us') done = true;
          }
        }
      }
      const hide = new URL(page.url()).searchParams.get('hide');
      assert(hide !== 'china-us', `URL follows the legend (hide=${hide})`);
    },
  };
};
