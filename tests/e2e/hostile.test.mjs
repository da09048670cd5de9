// Hostile inputs and stress in the browser: the corpus of tests/hostile/ (expectations in
// tests/hostile/expect.json) through <dragonbear-chart src=…> on a host page of another origin,
// hostile attribute values, 20 widgets on one page, and bounded stress (resize, theme, chart id,
// mount/remove) with steady-state checks on wasm memory and event listeners.
//
// Corpus files are served on the host origin at /hostile/NAME by a Playwright route (read from
// tests/hostile/); `gen:` entries (10^6 points, 50 MB, a 100,000-character label, the point limit)
// are generated here at request time rather than committed.
import { readFileSync, readdirSync } from 'node:fs';

// Counts live event listeners (add minus matching remove, as the browser dedups them), records
// CSP violations, and traps any attempt to read or write storage or cookies.
const INIT = () => {
  const live = new WeakMap();
  let count = 0;
  const add = EventTarget.prototype.addEventListener;
  const remove = EventTarget.prototype.removeEventListener;
  const key = (type, opts) => `${type}|${typeof opts === 'boolean' ? opts : !!(opts && opts.capture)}`;
  EventTarget.prototype.addEventListener = function (type, fn, opts) {
    if (fn) {
      let m = live.get(this);
      if (!m) live.set(this, (m = new Map()));
      const k = key(type, opts);
      let s = m.get(k);
      if (!s) m.set(k, (s = new Set()));
      if (!s.has(fn)) { s.add(fn); count++; }
    }
    return add.call(this, type, fn, opts);
  };
  EventTarget.prototype.removeEventListener = function (type, fn, opts) {
    const s = live.get(this)?.get(key(type, opts));
    if (s && s.delete(fn)) count--;
    return remove.call(this, type, fn, opts);
  };
  window.__listenerCount = () => count;
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  window.__storage = [];
  for (const name of ['localStorage', 'sessionStorage', 'indexedDB', 'caches']) {
    const d = Object.getOwnPropertyDescriptor(window, name) || Object.getOwnPropertyDescriptor(Window.prototype, name);
    if (d && d.get) Object.defineProperty(window, name, { configurable: true, get() { window.__storage.push(name); return d.get.call(this); } });
  }
  const c = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
  Object.defineProperty(document, 'cookie', {
    configurable: true,
    get() { window.__storage.push('cookie'); return c.get.call(this); },
    set(v) { window.__storage.push('cookie'); c.set.call(this, v); },
  });
};

export default ({ SITE, HOST, root, newPage, assert, eq, join }) => {
  const dir = join(root, 'tests', 'hostile');
  const manifest = JSON.parse(readFileSync(join(dir, 'expect.json'), 'utf8'));

  /** The documents of the `gen:` entries (same as tests/hostile.rs). */
  function points(n, label = 'A') {
    const parts = [];
    const d = new Date(Date.UTC(1000, 0, 1));
    for (let i = 0; i < n; i++) {
      const p = `${String(d.getUTCFullYear()).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
      parts.push(`{"period":"${p}","value":${i % 97},"source":"s"}`);
      d.setUTCDate(d.getUTCDate() + 1);
    }
    return `{"id":"generated","title":"Generated","domain":"economic","unit":"usd_bn","frequency":"daily","description":"d","sources":[{"id":"s","title":"S","publisher":"P","licence":"CC0","coverage":"all","retrieved":"2026-11"}],"series":[{"id":"a","label":"${label}","points":[${parts.join(',')}]}]}`;
  }
  const generators = {
    'gen:points-1000000': () => points(1_000_000),
    'gen:points-over-limit': () => points(200_001),
    'gen:points-at-limit': () => points(200_000),
    'gen:document-50mb': () => points(3).slice(0, -1) + `,"notes":["${'n'.repeat(50 * 1024 * 1024)}"]}`,
    'gen:label-100000-chars': () => points(3, 'L'.repeat(100_000)),
  };
  const url = (name) => (name.startsWith('gen:') ? `hostile/gen/${name.slice(4)}.json` : `hostile/${name}`);

  async function page(opts) {
    const p = await newPage(opts);
    p.requests = [];
    p.on('request', (r) => p.requests.push(r.url()));
    await p.addInitScript(INIT);
    await p.route(`${HOST}/hostile/**`, async (route) => {
      const name = decodeURIComponent(new URL(route.request().url()).pathname.replace(/^\/hostile\//, ''));
      if (name.startsWith('gen/')) {
        const body = generators[`gen:${name.slice(4, -5)}`]();
        return route.fulfill({ status: 200, contentType: 'application/json', body });
      }
      if (!readdirSync(dir).includes(name)) return route.fulfill({ status: 404, body: 'not found' });
      return route.fulfill({ status: 200, contentType: 'application/json', body: readFileSync(join(dir, name)) });
    });
    return p;
  }

  /** State, error text, and any element from data in every widget's shadow root. */
  const inspect = (p) => p.evaluate(() => [...document.querySelectorAll('dragonbear-chart')].map((el) => ({
    id: el.id,
    state: el.getAttribute('data-state'),
    error: el.shadowRoot?.querySelector('[role=alert]:not([hidden])')?.textContent ?? '',
    foreign: el.shadowRoot ? el.shadowRoot.querySelectorAll('img, script, iframe, object, embed, b, a[href^="javascript"]').length : 0,
  })));
  const settledAll = () => [...document.querySelectorAll('dragonbear-chart')].every((e) => ['ready', 'error'].includes(e.getAttribute('data-state')));
  const wasmBytes = (p) => p.evaluate(async (site) => (await (await import(`${site}/embed.js`)).ready()).memory.buffer.byteLength, SITE);

  /** Checks that every request went to the chart's site or to a src= document. */
  function onlyExpectedRequests(p) {
    const bad = p.requests.filter((u) => !(u.startsWith(`${SITE}/embed.js`) || u.startsWith(`${SITE}/pkg/`) ||
      u.startsWith(`${HOST}/hostile`) || u.startsWith('data:')));
    eq(bad.join('\n'), '', 'requests other than embed.js, the wasm and src= documents');
  }

  async function noScriptRan(p) {
    eq(await p.evaluate(() => typeof window.__pwned), 'undefined', 'window.__pwned (set by any payload that ran)');
    eq(await p.evaluate(() => document.querySelectorAll('img, iframe').length), 0, 'no element from data in the light DOM');
    eq(await p.evaluate(() => document.getElementById('host-text').textContent), "The host page's own text must survive every widget below.", 'host text');
  }

  return {
    async '20 widgets on a page with a strict CSP: hostile data and attributes, each as expected, no script runs'() {
      const p = await page();
      // The page carries a strict Content-Security-Policy (a meta tag; see pages/hostile.html).
      await p.goto(`${HOST}/hostile.html`);
      try {
        await p.waitForFunction(settledAll, null, { timeout: 30000 });
      } catch (e) {
        throw new Error(`${e.message}\n${JSON.stringify(await inspect(p))}\n${await p.evaluate(() => window.__violations.join('\n'))}\n${p.problems.join('\n')}`);
      }
      const want = {
        'good-line': 'ready', 'good-bars': 'ready', 'good-timeline': 'ready', 'good-src': 'ready',
        'img-label': 'ready', 'script-label': 'ready', 'html-source': 'ready', 'html-event': 'ready', 'js-url': 'ready',
        'multibyte-commit': 'ready', 'records-html': 'ready', 'rtl': 'ready',
        truncated: manifest['json-truncated-half.json'].error, nan: manifest['type-value-string-nan.json'].error,
        nested: manifest['nesting-array-100000.json'].error,
        'unknown-chart': 'Unknown chart "no-such-chart"', 'img-chart-id': 'Unknown chart "<img src=x onerror=window.__pwned=1>"',
        'negative-height': 'ready', 'markup-theme': 'ready', 'huge-height': 'ready',
      };
      let widgets = await inspect(p);
      eq(widgets.length, 20, 'widgets on the page');
      for (const w of widgets) {
        const exp = want[w.id];
        if (exp === 'ready') eq(`${w.id}: ${w.state}`, `${w.id}: ready`, `${w.id} state (${w.error})`);
        else {
          eq(`${w.id}: ${w.state}`, `${w.id}: error`, `${w.id} state`);
          assert(w.error.includes(exp), `${w.id}: message ${JSON.stringify(w.error)} does not contain ${JSON.stringify(exp)}`);
        }
      }
      // Exercise the DOM the data reaches: Sources panels (links, commit), Table views, tooltips.
      for (const id of ['html-source', 'js-url', 'multibyte-commit', 'html-event', 'img-label']) {
        const el = p.locator(`#${id}`);
        await el.getByRole('button', { name: 'Sources' }).click();
        await el.getByRole('button', { name: 'Table' }).click();
        await el.getByRole('button', { name: 'Chart' }).click();
      }
      eq(await p.locator('#js-url .sources a').count(), 0, 'a javascript: URL is not made a link');
      const commit = await p.locator('#multibyte-commit .sources').innerText();
      assert(commit.includes('at commit éééééééééééé'), `the commit is cut by characters: ${commit}`);
      for (const id of ['img-label', 'records-html', 'script-label', 'html-event']) {
        const box = await p.locator(`#${id} canvas.hover`).boundingBox();
        for (let x = box.x + 30; x < box.x + box.width - 10; x += 25) await p.mouse.move(x, box.y + box.height * 0.5);
      }
      const tips = await p.evaluate(() => [...document.querySelectorAll('dragonbear-chart')].map((e) => e.shadowRoot.querySelector('[role=tooltip]')?.textContent || '').join('\n'));
      assert(tips.includes('<img src=x onerror="window.__pwned=1">') || tips.includes('<script>'), `a tooltip shows the markup as text: ${tips.slice(0, 300)}`);
      widgets = await inspect(p);
      eq(widgets.filter((w) => w.foreign).map((w) => w.id).join(','), '', 'widgets with an element from data in their shadow root');
      for (const id of ['good-line', 'good-bars', 'good-timeline', 'good-src']) {
        eq(widgets.find((w) => w.id === id).state, 'ready', `${id} still ready after its neighbours`);
      }
      await noScriptRan(p);
      eq((await p.evaluate(() => window.__violations)).join('\n'), '', 'CSP violations');
      eq((await p.evaluate(() => window.__storage)).join(','), '', 'storage or cookie access');
      onlyExpectedRequests(p);
      eq(p.problems.join('\n'), '', 'console errors');
    },

    async 'the whole corpus through src=, 20 widgets at a time, each meets its expectation'() {
      const p = await page();
      await p.goto(`${HOST}/hostile.html`);
      await p.waitForFunction(settledAll, null, { timeout: 30000 });
      const names = Object.keys(manifest);
      const failures = [];
      for (let i = 0; i < names.length; i += 20) {
        const batch = names.slice(i, i + 20);
        await p.evaluate(([batch, urls]) => {
          const box = document.getElementById('widgets');
          box.replaceChildren();
          batch.forEach((name, k) => {
            const el = document.createElement('dragonbear-chart');
            el.dataset.name = name;
            el.setAttribute('src', urls[k]);
            box.append(el);
          });
        }, [batch, batch.map(url)]);
        await p.waitForFunction(settledAll, null, { timeout: 60000 });
        const got = await p.evaluate(() => [...document.querySelectorAll('dragonbear-chart')].map((el) => ({
          name: el.dataset.name, state: el.getAttribute('data-state'),
          error: el.shadowRoot.querySelector('[role=alert]:not([hidden])')?.textContent ?? '',
          foreign: el.shadowRoot.querySelectorAll('img, script, iframe, object, embed, b').length,
        })));
        for (const g of got) {
          const exp = manifest[g.name];
          if (exp.render && g.state !== 'ready') failures.push(`${g.name}: expected a chart, got ${g.state}: ${g.error}`);
          if (exp.error && (g.state !== 'error' || !g.error.includes(exp.error))) {
            failures.push(`${g.name}: expected an error containing ${JSON.stringify(exp.error)}, got ${g.state}: ${g.error.slice(0, 300)}`);
          }
          if (g.foreign) failures.push(`${g.name}: ${g.foreign} element(s) from data in the shadow root`);
        }
      }
      eq(failures.join('\n'), '', `corpus cases failing in the browser (of ${names.length})`);
      const mem = await wasmBytes(p);
      console.log(`     corpus: ${names.length} cases; wasm memory after the sweep ${mem} bytes`);
      // Documents over the 20 MiB limit (the 50 MB one, 10^6 points) are refused before they are
      // copied into wasm memory; what remains is mostly the valid 200,000-point chart (the
      // MAX_POINTS limit: its ≈ 12 MB text, parsed points and geometry; wasm memory never shrinks).
      assert(mem < 192 * 1024 * 1024, `wasm memory after the corpus: ${mem} bytes (over 192 MiB)`);
      await noScriptRan(p);
      onlyExpectedRequests(p);
      eq(p.problems.join('\n'), '', 'console errors');
    },

    async 'hostile attribute values and a missing src are shown in place'() {
      const p = await page();
      await p.goto(`${HOST}/hostile.html`);
      await p.waitForFunction(settledAll, null, { timeout: 30000 });
      const cases = [
        [{ chart: '' }, 'no chart id given'],
        [{ chart: 'x'.repeat(100000) }, 'Unknown chart "xxxxxxxx'],
        [{ chart: 'unga-agreement', height: '-1' }, 'ready'],
        [{ chart: 'unga-agreement', height: '99999999999999999999999' }, 'ready'],
        [{ chart: 'unga-agreement', height: 'NaN' }, 'ready'],
        [{ chart: 'unga-agreement', height: '<b>' }, 'ready'],
        [{ chart: 'unga-agreement', theme: '<b>x</b>' }, 'ready'],
        [{ chart: 'unga-agreement', theme: 'dark', lang: '"><img src=x onerror=window.__pwned=1>' }, 'ready'],
        [{ src: 'hostile/no-such-file.json' }, 'The data could not be loaded from hostile/no-such-file.json: the server answered HTTP 404.'],
        [{ src: 'javascript:window.__pwned=1' }, 'The data could not be loaded from javascript:window.__pwned=1: no connection to the server'],
        [{ chart: 'unga-agreement', src: '' }, 'ready'],
      ];
      await p.evaluate((cases) => {
        const box = document.getElementById('widgets');
        box.replaceChildren();
        for (const [attrs] of cases) {
          const el = document.createElement('dragonbear-chart');
          for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
          box.append(el);
        }
      }, cases);
      await p.waitForFunction(settledAll, null, { timeout: 30000 });
      const got = await inspect(p);
      cases.forEach(([attrs, want], k) => {
        const g = got[k];
        const what = JSON.stringify(attrs).slice(0, 80);
        if (want === 'ready') eq(g.state, 'ready', `${what}: ${g.error}`);
        else {
          eq(g.state, 'error', what);
          assert(g.error.includes(want), `${what}: ${g.error.slice(0, 200)} does not contain ${want}`);
          assert(g.error.length < 1000, `${what}: message clipped (${g.error.length} characters)`);
        }
        eq(g.foreign, 0, `${what}: no element from an attribute`);
      });
      const heights = await p.evaluate(() => [...document.querySelectorAll('dragonbear-chart')].slice(2, 6).map((e) => e.getBoundingClientRect().height));
      assert(heights.every((h) => h >= 300 && h < 1200), `hostile heights fall back to the width rule: ${heights}`);
      await noScriptRan(p);
      // The browser logs the two failed fetches (the 404, and the javascript: URL the page's CSP
      // refuses); nothing else.
      eq(p.problems.filter((m) => !m.includes('404') && !m.includes("'javascript:window.__pwned=1'") &&
        !m.includes('Fetch API cannot load javascript:')).join('\n'), '', 'console errors');
    },

    async 'stress: 1,000 resizes, 500 theme flips, 500 chart-id changes, 200 mount/remove cycles; steady state after'() {
      const p = await page();
      await p.goto(`${HOST}/hostile.html`);
      await p.waitForFunction(settledAll, null, { timeout: 30000 });
      // One widget under stress; the page's others are removed so counts are this widget's.
      await p.evaluate(() => {
        const box = document.getElementById('widgets');
        box.replaceChildren();
        const el = document.createElement('dragonbear-chart');
        el.id = 'stress';
        el.setAttribute('chart', 'unga-agreement');
        box.append(el);
      });
      await p.waitForFunction(settledAll, null, { timeout: 30000 });
      const frame = () => p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const round = (n) => p.evaluate(async ({ n, site }) => {
        const el = document.getElementById('stress');
        const box = document.getElementById('widgets');
        const raf = () => new Promise((r) => requestAnimationFrame(r));
        const t = {};
        let t0 = performance.now();
        for (let i = 0; i < n.resize; i++) {
          el.style.width = `${280 + ((i * 37) % 900)}px`;
          window.dispatchEvent(new Event('resize'));
          if (i % 10 === 9) await raf();
        }
        el.style.width = '';
        await raf();
        t.resize = performance.now() - t0;
        t0 = performance.now();
        for (let i = 0; i < n.theme; i++) {
          el.setAttribute('theme', i % 2 ? 'dark' : 'light');
          if (i % 50 === 49) await raf();
        }
        await raf();
        t.theme = performance.now() - t0;
        t0 = performance.now();
        const ids = ['trade-annual', 'arms-ru-cn', 'no-such-chart', 'unsc-vetoes', 'unga-agreement'];
        for (let i = 0; i < n.chart; i++) {
          el.setAttribute('chart', ids[i % ids.length]);
          if (i % 50 === 49) await raf();
        }
        el.setAttribute('chart', 'unga-agreement');
        t.chart = performance.now() - t0;
        t0 = performance.now();
        for (let i = 0; i < n.mount; i++) {
          const w = document.createElement('dragonbear-chart');
          w.setAttribute('chart', i % 3 ? 'unga-agreement' : 'trade-shares');
          box.append(w);
          if (i % 2 === 0) {
            // Wait until it is mounted, then remove it; odd ones are removed while loading.
            for (let k = 0; k < 200 && w.getAttribute('data-state') === 'loading'; k++) await new Promise((r) => setTimeout(r, 5));
          }
          w.remove();
        }
        t.mount = performance.now() - t0;
        void site;
        return t;
      }, { n, site: SITE });
      const wait = async () => {
        await p.waitForTimeout(300);
        await frame();
        await p.waitForFunction(() => document.getElementById('stress').getAttribute('data-state') === 'ready', null, { timeout: 30000 });
        await frame();
      };
      // Warm-up: a small round, then the baseline.
      await round({ resize: 50, theme: 20, chart: 20, mount: 10 });
      await wait();
      const mem0 = await wasmBytes(p);
      const listeners0 = await p.evaluate(() => window.__listenerCount());
      const t0 = Date.now();
      const times = await round({ resize: 1000, theme: 500, chart: 500, mount: 200 });
      const took = Date.now() - t0;
      await wait();
      const mem1 = await wasmBytes(p);
      const listeners1 = await p.evaluate(() => window.__listenerCount());
      const widgets = await p.evaluate(() => document.querySelectorAll('dragonbear-chart').length);
      console.log(`     stress: ${took} ms (resize ${times.resize.toFixed(0)}, theme ${times.theme.toFixed(0)}, chart ${times.chart.toFixed(0)}, mount ${times.mount.toFixed(0)} ms); ` +
        `wasm memory ${mem0} → ${mem1} bytes; listeners ${listeners0} → ${listeners1}`);
      assert(took < 120000, `stress bounded in time (${took} ms)`);
      eq(widgets, 1, 'only the stressed widget is left');
      eq(listeners1, listeners0, 'live event listeners back to the steady state');
      assert(mem1 - mem0 <= 2 * 1024 * 1024, `wasm memory back to steady state: ${mem0} → ${mem1} bytes`);
      const state = await p.locator('#stress').getAttribute('data-state');
      eq(state, 'ready', 'the widget works after the stress');
      const canvasW = await p.locator('#stress').evaluate((el) => el.shadowRoot.querySelector('canvas.base').width);
      assert(canvasW > 0, 'canvas drawn');
      eq(p.problems.join('\n'), '', 'console errors');
    },
  };
};
