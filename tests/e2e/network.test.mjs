// Network faults, with a real server misbehaving on request (tools/serve.py --faults through
// ctx.fault; no mocked fetch): slow, failed, reset, cut, truncated and HTML answers for the wasm and
// for src= documents, each with the exact sentence the reader sees and, where the network is to
// blame, a Retry that works once the server recovers. The page (site/net.html) has the strict CSP.
import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const WASM = '/pkg/dragonbear_bg.wasm';

export default ({ SITE, root, out, newPage, assert, eq, fault, join }) => {
  // The src= documents: a bundled dataset under several names, one per case.
  const dist = join(root, 'dist');
  mkdirSync(join(dist, '_e2e', 'net'), { recursive: true });
  for (const f of ['net.html', 'net.css', 'blank.html']) cpSync(join(root, 'tests', 'e2e', 'site', f), join(dist, '_e2e', f));
  for (const n of ['slow-en', 'slow-fr', 'slow-de', 'a', 'b', 'c', 'good', 'cut', 'short', 'login']) {
    cpSync(join(root, 'data', 'arms-ru-share.json'), join(dist, '_e2e', 'net', `${n}.json`));
  }
  const wasmUrl = `${SITE}${WASM}`;
  const axe = readFileSync(createRequire(join(root, 'package.json')).resolve('axe-core/axe.min.js'), 'utf8');
  /** axe-core's violations on the page (evaluated through the devtools protocol, so the page's CSP allows it). */
  const axeViolations = async (page) => {
    await page.evaluate(axe);
    return page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations
      .map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0].target.join(' ')}`));
  };
  const EN = {
    http: (what, url, s) => `The ${what === 'code' ? 'chart' : 'data'} could not be loaded from ${url}: the server answered HTTP ${s}.`,
    offline: (what, url) => `The ${what === 'code' ? 'chart' : 'data'} could not be loaded from ${url}: no connection to the server (offline, unknown host or connection reset).`,
  };

  /** The fault page at `width` px, DPR `dpr`, with the charts of `specs` ({id, attrs}) added. */
  async function open(specs, { width = 1280, dpr = 1 } = {}) {
    const page = await newPage({ viewport: { width, height: 900 }, deviceScaleFactor: dpr });
    page.requests = [];
    page.on('request', (r) => page.requests.push(r.url()));
    await page.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto(`${SITE}/_e2e/net.html`);
    await page.evaluate((specs) => {
      const box = document.getElementById('charts');
      window.__t0 = performance.now();
      for (const { id, attrs } of specs) {
        const el = document.createElement('dragonbear-chart');
        el.id = id;
        for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
        box.append(el);
      }
      // When each chart's loading line gets its words, on the page's clock.
      window.__loadingAt = {};
      for (const el of box.children) {
        const seen = () => {
          const text = el.shadowRoot.querySelector('.loading')?.textContent;
          if (text && !(el.id in window.__loadingAt)) window.__loadingAt[el.id] = performance.now() - window.__t0;
        };
        new MutationObserver(seen).observe(el.shadowRoot, { childList: true, subtree: true, characterData: true });
      }
    }, specs);
    return page;
  }
  const state = (page, id) => page.locator(`#${id}`).getAttribute('data-state');
  const settledIds = (page, ids) => page.waitForFunction((ids) => ids.every((id) => ['ready', 'error'].includes(document.getElementById(id).getAttribute('data-state'))), ids, { timeout: 30000 });
  const alert = (page, id) => page.locator(`#${id}`).evaluate((e) => e.shadowRoot.querySelector('.error[role=alert]')?.textContent ?? null);
  const retry = (page, id) => page.locator(`#${id}`).getByRole('button', { name: /^(Retry|Réessayer|Erneut versuchen)$/ });
  /** Pixels of the chart's base canvas that are drawn on (not transparent), 0 without a canvas. */
  const inked = (page, id) => page.locator(`#${id}`).evaluate((el) => {
    const c = el.shadowRoot.querySelector('canvas.base');
    if (!c || !c.width) return 0;
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
    return n;
  });
  /** The page's strict CSP was never violated (the skeleton, the error and Retry included). */
  const noViolations = async (page) => eq((await page.evaluate(() => window.__violations)).join('\n'), '', 'securitypolicyviolation events');
  /** Checks that the element draws a real chart. */
  async function drawn(page, id) {
    eq(await state(page, id), 'ready', `${id} data-state`);
    const n = await inked(page, id);
    assert(n > 2000, `${id} draws its chart (${n} inked pixels)`);
  }

  /** A slow load (`paths`: what each chart's load waits for, by language, each answered after 3 s):
   * skeleton alone for a second, then "Loading…" in each language, then the chart. */
  async function slow(name, paths, attrs) {
    await fault(null);
    for (const path of new Set(Object.values(paths))) await fault(path, 'delay:3000', 1);
    const ids = ['en', 'fr', 'de'];
    const page = await open(ids.map((lang) => ({ id: lang, attrs: { ...attrs(lang), lang } })));
    try {
      await page.waitForFunction((ids) => ids.every((id) => id in window.__loadingAt), ids, { timeout: 5000 });
      // One snapshot of the three charts, taken while the bytes are still on their way.
      const snap = await page.evaluate((ids) => ({
        t: performance.now() - window.__t0,
        charts: ids.map((id) => {
          const el = document.getElementById(id);
          const line = el.shadowRoot.querySelector('.pending .loading[role=status]');
          return { id, state: el.getAttribute('data-state'), skeleton: !!el.shadowRoot.querySelector('.pending .skeleton'),
            text: line?.textContent, shown: !!line && line.getBoundingClientRect().height > 0 && getComputedStyle(line).visibility === 'visible' };
        }),
      }), ids);
      assert(snap.t < 2900, `snapshot taken before the bytes arrive (${Math.round(snap.t)} ms)`);
      const words = { en: 'Loading…', fr: 'Chargement…', de: 'Wird geladen…' };
      for (const c of snap.charts) {
        const at = await page.evaluate((id) => window.__loadingAt[id], c.id);
        assert(at >= 1000 && at < 2500, `${c.id}: "Loading…" appeared after 1 s (${Math.round(at)} ms)`);
        eq(JSON.stringify(c), JSON.stringify({ id: c.id, state: 'loading', skeleton: true, text: words[c.id], shown: true }), `${c.id}: skeleton and "Loading…" while waiting`);
      }
      await page.screenshot({ path: join(out, `net-slow-${name}.png`) });
      await settledIds(page, ids);
      const took = await page.evaluate(() => performance.now() - window.__t0);
      assert(took >= 2900 && took < 6000, `the charts drew when the bytes arrived (${Math.round(took)} ms after they were added)`);
      for (const id of ids) await drawn(page, id);
      const hits = await fault();
      for (const path of new Set(Object.values(paths))) eq(hits[path], 1, `${path}: one request, answered after 3 s`);
      await noViolations(page);
    } finally {
      await fault(null);
      await page.context().close();
    }
  }

  return {
    async 'slow wasm (3 s): the skeleton stays, "Loading…" after 1 s in en/fr/de, the chart draws when the bytes arrive'() {
      await slow('wasm', { en: WASM, fr: WASM, de: WASM }, () => ({ chart: 'unga-agreement', theme: 'light' }));
    },

    async 'slow src= dataset (3 s): the skeleton stays, "Loading…" after 1 s in en/fr/de, the chart draws when the bytes arrive'() {
      // One document per chart (the browser would queue three requests for one URL behind each other).
      await slow('src', { en: '/_e2e/net/slow-en.json', fr: '/_e2e/net/slow-fr.json', de: '/_e2e/net/slow-de.json' },
        (lang) => ({ src: `net/slow-${lang}.json`, theme: 'light' }));
    },

    async 'slow chart data file (3 s): fetched once for three charts, "Loading…" after 1 s in en/fr/de, the charts draw when it arrives'() {
      const file = '/pkg/data/unga-agreement.json';
      await slow('chart-data', { en: file, fr: file, de: file }, () => ({ chart: 'unga-agreement', theme: 'light' }));
    },

    async 'a chart data file fails (HTTP 500, a reset, HTML, a short file): the error in place with Retry, which fetches it again'() {
      const FILE = '/pkg/data/trade-annual.json';
      const fileUrl = `${SITE}${FILE}`;
      await fault(null);
      await fault(FILE, '500');
      const page = await open([{ id: 'd', attrs: { chart: 'trade-annual', theme: 'light' } }, { id: 'ok', attrs: { chart: 'unga-agreement', theme: 'light' } }]);
      try {
        await settledIds(page, ['d', 'ok']);
        eq(await alert(page, 'd'), EN.http('data', fileUrl, 500), 'the message in place');
        await drawn(page, 'ok');
        eq(await retry(page, 'd').textContent(), 'Retry', 'Retry button');
        const asked = () => page.requests.filter((u) => u === fileUrl).length;
        const steps = [
          ['reset', EN.offline('data', fileUrl)],
          ['html', `The data could not be loaded from ${fileUrl}: the server returned HTML, not JSON (a login or error page?).`],
          ['truncate', `The data could not be loaded from ${fileUrl}: the file is not the chart’s data (Invalid data (${fileUrl}): `],
        ];
        for (const [mode, said] of steps) {
          await fault(FILE, mode);
          const before = asked();
          await retry(page, 'd').click();
          await page.waitForFunction((said) => document.getElementById('d').shadowRoot.querySelector('.error[role=alert]')?.textContent.startsWith(said), said, { timeout: 10000 });
          assert(asked() > before, `${mode}: Retry fetched the data file again`);
          eq(await state(page, 'd'), 'error', `${mode}: data-state`);
          eq(await retry(page, 'd').count(), 1, `${mode}: Retry offered`);
          if (mode === 'truncate') console.log(`     a short data file: ${await alert(page, 'd')}`);
        }
        // The server recovers: Retry draws the chart.
        await fault(null);
        await retry(page, 'd').click();
        await settledIds(page, ['d']);
        await page.waitForFunction(() => document.getElementById('d').getAttribute('data-state') === 'ready', null, { timeout: 20000 });
        await drawn(page, 'd');
        eq(page.requests.filter((u) => u.endsWith('/pkg/dragonbear_bg.wasm')).length, 1, 'the wasm was fetched once: only the data file again');
        await noViolations(page);
      } finally {
        await fault(null);
        await page.context().close();
      }
    },

    async 'wasm fails (HTTP 500, a reset, a cut body, a short file): the error in place with Retry, which works when the server recovers (360 px, DPR 2)'() {
      await fault(null);
      await fault(WASM, '500');
      const page = await open([{ id: 'one', attrs: { chart: 'unga-agreement', theme: 'light' } }, { id: 'two', attrs: { chart: 'trade-annual', lang: 'de', theme: 'light' } }], { width: 360, dpr: 2 });
      try {
        await settledIds(page, ['one', 'two']);
        eq(await state(page, 'one'), 'error', 'data-state');
        eq(await alert(page, 'one'), EN.http('code', wasmUrl, 500), 'the message in place');
        eq(await alert(page, 'two'), `Das Diagramm konnte nicht von ${wasmUrl} geladen werden: der Server antwortete mit HTTP 500.`, 'the message in German');
        eq(await retry(page, 'one').textContent(), 'Retry', 'Retry button');
        eq(await retry(page, 'two').textContent(), 'Erneut versuchen', 'Retry button in German');
        await page.screenshot({ path: join(out, 'net-failed-360.png') });
        eq((await axeViolations(page)).join('\n'), '', 'axe violations of the failed state');
        // The server now resets the connection: Retry (from the keyboard) fetches again and says so.
        await fault(WASM, 'reset');
        const before = page.requests.filter((u) => u === wasmUrl).length;
        await retry(page, 'one').focus();
        await page.keyboard.press('Enter');
        await page.waitForFunction(() => document.getElementById('one').shadowRoot.querySelector('.error[role=alert]')?.textContent.includes('no connection'), null, { timeout: 10000 });
        eq(await alert(page, 'one'), EN.offline('code', wasmUrl), 'the message after a reset');
        assert(page.requests.filter((u) => u === wasmUrl).length > before, 'Retry fetched the wasm again');
        eq(await page.locator('#one').evaluate((e) => e.shadowRoot.activeElement?.className), 'retry', 'focus stays on the Retry button');
        // The wasm's body cut off half-way (a reset), then a short wasm with a clean end.
        await fault(WASM, 'cut');
        await page.keyboard.press('Enter');
        await page.waitForFunction(() => document.getElementById('one').shadowRoot.querySelector('.error[role=alert]')?.textContent.includes('cut'), null, { timeout: 10000 });
        eq(await alert(page, 'one'), `The chart could not be loaded from ${wasmUrl}: the connection was cut before the whole file arrived.`, 'the message after a cut');
        await fault(WASM, 'truncate');
        await page.keyboard.press('Enter');
        await page.waitForFunction(() => document.getElementById('one').shadowRoot.querySelector('.error[role=alert]')?.textContent.includes('compile'), null, { timeout: 10000 });
        const short = await alert(page, 'one');
        // The rest is the browser's own words (Chromium: "… extends past end of the module …").
        assert(short.startsWith(`The chart could not be loaded from ${wasmUrl}: the browser could not compile it (WebAssembly.`) && short.endsWith(').'), `the message for a short wasm: ${short}`);
        // The server recovers: Retry draws the chart, and the other chart that failed the same way follows.
        await fault(null);
        await page.keyboard.press(' ');
        await page.waitForFunction(() => ['one', 'two'].every((id) => document.getElementById(id).getAttribute('data-state') === 'ready'), null, { timeout: 20000 });
        await drawn(page, 'one');
        await drawn(page, 'two');
        await page.screenshot({ path: join(out, 'net-retried-360.png') });
        await noViolations(page);
      } finally {
        await fault(null);
        await page.context().close();
      }
    },

    async 'the glue script fails (HTTP 500): the error in place with Retry, which loads it when the server recovers'() {
      await fault(null);
      await fault('/pkg/dragonbear.js', '500');
      const page = await open([{ id: 'g', attrs: { chart: 'unga-agreement', lang: 'fr' } }]);
      try {
        await settledIds(page, ['g']);
        eq(await alert(page, 'g'), `Le graphique n’a pas pu être chargé depuis ${SITE}/pkg/dragonbear.js\u00a0: son script n’a pas pu être récupéré (erreur du serveur ou pas de connexion).`, 'the message');
        await fault(null);
        // Some browsers remember a failed module import: Retry asks for the glue under a new URL.
        await retry(page, 'g').click();
        await settledIds(page, ['g']);
        await drawn(page, 'g');
        assert(page.requests.includes(`${SITE}/pkg/dragonbear.js?retry=1`), `requests: ${page.requests.filter((u) => u.includes('/pkg/')).join(', ')}`);
        await noViolations(page);
      } finally {
        await fault(null);
        await page.context().close();
      }
    },

    async 'src= fails (HTTP 500, connection reset, unknown host): the error in place with Retry, which works when the server recovers'() {
      await fault(null);
      await fault('/_e2e/net/a.json', '500');
      await fault('/_e2e/net/b.json', 'reset');
      const page = await open([
        { id: 'a', attrs: { src: 'net/a.json' } },
        { id: 'b', attrs: { src: 'net/b.json', lang: 'fr' } },
        { id: 'dns', attrs: { src: 'http://nowhere.invalid/data.json' } },
      ]);
      try {
        await settledIds(page, ['a', 'b', 'dns']);
        eq(await alert(page, 'a'), EN.http('data', 'net/a.json', 500), 'HTTP 500');
        eq(await alert(page, 'b'), 'Les données n’ont pas pu être chargées depuis net/b.json\u00a0: pas de connexion au serveur (hors ligne, hôte inconnu ou connexion réinitialisée).', 'reset, in French');
        eq(await alert(page, 'dns'), EN.offline('data', 'http://nowhere.invalid/data.json'), 'unknown host');
        for (const id of ['a', 'b', 'dns']) eq(await state(page, id), 'error', `${id} data-state`);
        eq(await retry(page, 'b').textContent(), 'Réessayer', 'Retry in French');
        const hits = await fault();
        assert(hits['/_e2e/net/a.json'] >= 1 && hits['/_e2e/net/b.json'] >= 1, `the server saw the requests: ${JSON.stringify(hits)}`);
        await fault(null);
        await retry(page, 'a').click();
        await retry(page, 'b').click();
        const dnsBefore = page.requests.filter((u) => u.startsWith('http://nowhere.invalid/')).length;
        await retry(page, 'dns').click();
        await settledIds(page, ['a', 'b', 'dns']);
        await drawn(page, 'a');
        await drawn(page, 'b');
        eq((await fault())['/_e2e/net/a.json'], 1, 'Retry fetched a.json again');
        // The name still does not resolve: Retry tried again and says the same.
        assert(page.requests.filter((u) => u.startsWith('http://nowhere.invalid/')).length > dnsBefore, 'Retry asked for the unknown host again');
        eq(await alert(page, 'dns'), EN.offline('data', 'http://nowhere.invalid/data.json'), 'unknown host after Retry');
        await noViolations(page);
      } finally {
        await fault(null);
        await page.context().close();
      }
    },

    async 'a truncated src= body: the JSON error in place, never a partial chart; a body cut mid-way: an error with Retry'() {
      await fault(null);
      await fault('/_e2e/net/short.json', 'truncate');
      await fault('/_e2e/net/cut.json', 'cut', 1);
      const page = await open([{ id: 'short', attrs: { src: 'net/short.json' } }, { id: 'cut', attrs: { src: 'net/cut.json' } }]);
      try {
        await settledIds(page, ['short', 'cut']);
        eq(await state(page, 'short'), 'error', 'truncated: data-state');
        const msg = await page.locator('#short').evaluate((e) => e.shadowRoot.querySelector('[role=alert]:not([hidden])')?.textContent);
        assert(SHORT_JSON_ERROR.test(msg), `truncated: the JSON error in place, got ${JSON.stringify(msg)}`);
        eq(await inked(page, 'short'), 0, 'truncated: no chart drawn');
        eq(await page.locator('#short').evaluate((e) => !!e.shadowRoot.querySelector('.stage:not([hidden])')), false, 'truncated: no chart stage shown');
        eq(await alert(page, 'cut'), 'The data could not be loaded from net/cut.json: the connection was cut before the whole file arrived.', 'cut: the message');
        eq(await inked(page, 'cut'), 0, 'cut: no chart drawn');
        await retry(page, 'cut').click();
        await page.waitForFunction(() => document.getElementById('cut').getAttribute('data-state') === 'ready', null, { timeout: 20000 });
        await drawn(page, 'cut');
        await noViolations(page);
      } finally {
        await fault(null);
        await page.context().close();
      }
    },

    async 'a src= that answers HTML (a login page): the error says the server returned HTML, not JSON'() {
      await fault(null);
      await fault('/_e2e/net/login.json', 'html');
      const page = await open([{ id: 'login', attrs: { src: 'net/login.json' } }, { id: 'login-de', attrs: { src: 'net/login.json', lang: 'de' } }]);
      try {
        await settledIds(page, ['login', 'login-de']);
        eq(await alert(page, 'login'), 'The data could not be loaded from net/login.json: the server returned HTML, not JSON (a login or error page?).', 'the message');
        eq(await alert(page, 'login-de'), 'Die Daten konnten nicht von net/login.json geladen werden: der Server lieferte HTML statt JSON (eine Anmelde- oder Fehlerseite?).', 'the message in German');
        eq(await inked(page, 'login'), 0, 'no chart drawn');
        await fault(null);
        await retry(page, 'login').click();
        await page.waitForFunction(() => document.getElementById('login').getAttribute('data-state') === 'ready', null, { timeout: 20000 });
        await drawn(page, 'login');
        // A drawn chart whose src= changes to a failing address shows the failure and its Retry too.
        await fault('/_e2e/net/a.json', '500');
        await page.locator('#login').evaluate((e) => e.setAttribute('src', 'net/a.json'));
        await page.waitForFunction(() => document.getElementById('login').getAttribute('data-state') === 'error', null, { timeout: 10000 });
        eq(await alert(page, 'login'), EN.http('data', 'net/a.json', 500), 'the message after src= changed');
        eq(await inked(page, 'login'), 0, 'the old chart is gone');
        await fault(null);
        await retry(page, 'login').click();
        await page.waitForFunction(() => document.getElementById('login').getAttribute('data-state') === 'ready', null, { timeout: 20000 });
        await drawn(page, 'login');
        await noViolations(page);
      } finally {
        await fault(null);
        await page.context().close();
      }
    },

    async 'two widgets whose fetches fail do not stop a third from drawing'() {
      await fault(null);
      await fault('/_e2e/net/a.json', '500');
      await fault('/_e2e/net/b.json', 'reset');
      const page = await open([
        { id: 'a', attrs: { src: 'net/a.json' } },
        { id: 'b', attrs: { src: 'net/b.json' } },
        { id: 'good', attrs: { src: 'net/good.json', theme: 'light' } },
      ]);
      try {
        await settledIds(page, ['a', 'b', 'good']);
        eq(await alert(page, 'a'), EN.http('data', 'net/a.json', 500), 'first failure');
        eq(await alert(page, 'b'), EN.offline('data', 'net/b.json'), 'second failure');
        await drawn(page, 'good');
        await noViolations(page);
      } finally {
        await fault(null);
        await page.context().close();
      }
    },
  };
};

// The crate's own message for a dataset cut in half (src/data, shown by the widget in place).
// Where half of the file ends depends on the dataset's bytes: the message names the path of the value
// it ended in, its line and column, and the kind of problem, in the crate's words.
const SHORT_JSON_ERROR = new RegExp('^This chart could not be shownInvalid data \\(net/short\\.json\\): ' +
  '([a-z_]+(\\[\\d+\\])?(\\.[a-z_-]+(\\[\\d+\\])?)*: )?EOF while parsing (a value|a string|an object|a list) at line \\d+ column \\d+' +
  '(, after ".*")? — the document ends too early: it is empty or truncated$');
