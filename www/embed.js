// dragonbear loader — the one script a host page includes:
//   <script type="module" src="https://HOST/embed.js"></script>
//   <dragonbear-chart chart="unga-agreement" theme="auto"></dragonbear-chart>
// It finds the wasm next to itself (import.meta.url), so it works from any origin that sends CORS
// headers, and defines <dragonbear-chart>. It also sizes the page's dragonbear iframes from their
// `dragonbear:resize` messages, so an iframe embed needs no inline script. No inline styles, no
// eval: it runs under a strict CSP.
//
// The glue (dragonbear.js) and the wasm are requested together, when the first chart asks for them:
// importing the glue statically would make the wasm request wait for the glue's round trip, and a
// page that only sizes iframes never downloads them. The wasm is compiled as its bytes arrive, while
// the glue loads; only instantiation waits for both.
//
// The wasm holds no data: each chart's data is a file beside it (pkg/data/CHART.json, its dataset
// and any companion, one per line), fetched at the same time as the wasm, so a page loads the data
// of the charts it shows and nothing else.
//
// Network faults (readers are on trains): a fetch that fails shows a sentence saying what happened
// and a Retry button in place of the chart; Retry fetches again. A load that takes more than a
// second shows "Loading…" under the skeleton. These words are in the one small table below, in
// the three interface languages, and not taken from the wasm: the wasm may be what failed to load.
const pkgUrl = (file) => new URL(`./pkg/${file}`, import.meta.url);
const wasmUrl = pkgUrl('dragonbear_bg.wasm');
/** The bundled charts, whose data files are beside the wasm. Written by the build from the crate's
 * chart registry (tools/loader.mjs); for any other id nothing is fetched and the wasm says the chart
 * is unknown. */
const CHART_IDS = [];
const dataUrl = (chart) => pkgUrl(`data/${chart}.json`);

/** The loader's own words, for what happens before or outside the wasm (the chart's words are in
 * src/model/locale.rs). `{url}`, `{why}`, `{status}`, `{detail}` are filled in as text. */
const WORDS = {
  en: {
    loading: 'Loading…',
    retry: 'Retry',
    code: 'The chart could not be loaded from {url}: {why}.',
    data: 'The data could not be loaded from {url}: {why}.',
    http: 'the server answered HTTP {status}',
    offline: 'no connection to the server (offline, unknown host or connection reset)',
    cut: 'the connection was cut before the whole file arrived',
    html: 'the server returned HTML, not JSON (a login or error page?)',
    htmlWasm: 'the server returned HTML, not WebAssembly (a login or error page?)',
    wasm: 'the browser could not compile it ({detail})',
    bad: 'the file is not the chart’s data ({detail})',
    glue: 'its script could not be fetched (a server error or no connection)',
    url: 'this is not a valid address',
  },
  fr: {
    loading: 'Chargement…',
    retry: 'Réessayer',
    code: 'Le graphique n’a pas pu être chargé depuis {url}\u00a0: {why}.',
    data: 'Les données n’ont pas pu être chargées depuis {url}\u00a0: {why}.',
    http: 'le serveur a répondu HTTP {status}',
    offline: 'pas de connexion au serveur (hors ligne, hôte inconnu ou connexion réinitialisée)',
    cut: 'la connexion a été coupée avant la fin du fichier',
    html: 'le serveur a renvoyé du HTML, pas du JSON (une page de connexion ou d’erreur\u202f?)',
    htmlWasm: 'le serveur a renvoyé du HTML, pas du WebAssembly (une page de connexion ou d’erreur\u202f?)',
    wasm: 'le navigateur n’a pas pu le compiler ({detail})',
    bad: 'le fichier ne contient pas les données du graphique ({detail})',
    glue: 'son script n’a pas pu être récupéré (erreur du serveur ou pas de connexion)',
    url: 'cette adresse n’est pas valide',
  },
  de: {
    loading: 'Wird geladen…',
    retry: 'Erneut versuchen',
    code: 'Das Diagramm konnte nicht von {url} geladen werden: {why}.',
    data: 'Die Daten konnten nicht von {url} geladen werden: {why}.',
    http: 'der Server antwortete mit HTTP {status}',
    offline: 'keine Verbindung zum Server (offline, unbekannter Host oder Verbindung zurückgesetzt)',
    cut: 'die Verbindung brach ab, bevor die ganze Datei ankam',
    html: 'der Server lieferte HTML statt JSON (eine Anmelde- oder Fehlerseite?)',
    htmlWasm: 'der Server lieferte HTML statt WebAssembly (eine Anmelde- oder Fehlerseite?)',
    wasm: 'der Browser konnte es nicht kompilieren ({detail})',
    bad: 'die Datei enthält nicht die Daten des Diagramms ({detail})',
    glue: 'sein Skript konnte nicht abgerufen werden (Serverfehler oder keine Verbindung)',
    url: 'diese Adresse ist ungültig',
  },
};
/** `en`, `fr`, `de` from a language tag (`fr-CH` → `fr`); anything else is English. */
const langOf = (tag) => {
  const t = String(tag || '').slice(0, 2).toLowerCase();
  return t === 'fr' || t === 'de' ? t : 'en';
};
const fill = (template, vars) => template.replace(/\{(\w+)\}/g, (m, k) => (k in vars ? String(vars[k]) : m));

/** A fetch that failed: what was loaded (`code` or `data`), from where, and why (a WORDS key). */
class LoadError extends Error {
  constructor(kind, url, why, vars = {}) {
    super(`${kind} ${url}: ${why}`);
    Object.assign(this, { kind, url: String(url), why, vars });
  }
  /** The sentence a reader sees, in their language. Long addresses are shortened. */
  say(lang) {
    const w = WORDS[lang] || WORDS.en;
    const url = this.url.length > 200 ? `${this.url.slice(0, 200)}…` : this.url;
    const detail = String(this.vars.detail || '').slice(0, 300);
    return fill(w[this.kind], { url, why: fill(w[this.why], { ...this.vars, detail }) });
  }
}

/** fetch() whose failures are LoadErrors: no answer (offline, DNS, reset) or an HTTP error. */
async function get(url, kind, shown, init) {
  let res;
  try {
    res = await fetch(url, init);
  } catch {
    throw new LoadError(kind, shown, 'offline');
  }
  if (!res.ok) throw new LoadError(kind, shown, 'http', { status: res.status });
  return res;
}

/** The compiled wasm module, fetched and compiled as its bytes arrive. */
async function fetchWasm() {
  const r = await get(wasmUrl, 'code', wasmUrl, { credentials: 'same-origin' });
  const type = (r.headers.get('Content-Type') || '').split(';')[0].trim();
  if (type === 'text/html') throw new LoadError('code', wasmUrl, 'htmlWasm');
  // Streaming compilation needs the wasm MIME type; a server without it still works, compiled whole.
  const streaming = typeof WebAssembly.compileStreaming === 'function' && type === 'application/wasm';
  try {
    if (streaming) return await WebAssembly.compileStreaming(r);
    return await WebAssembly.compile(await r.arrayBuffer());
  } catch (e) {
    // A TypeError is the network giving up mid-body; a CompileError a short or foreign file (or a
    // page CSP without 'wasm-unsafe-eval'): its own words say which.
    if (e instanceof WebAssembly.CompileError) throw new LoadError('code', wasmUrl, 'wasm', { detail: e.message });
    throw new LoadError('code', wasmUrl, 'cut');
  }
}

let M = null;
let loading = null;
let glue = null;
let wasm = null;
let tries = 0;
/** Charts that showed a failed load of the module: they try again when another one's Retry succeeds. */
const stranded = new Set();

/** The glue's import. Browsers that follow the older HTML spec remember a failed module import
 * for the page's life (Chromium 156 asks again), so a retry asks for the same file under a new URL
 * (`?retry=N`). */
function importGlue() {
  if (!glue) {
    const url = pkgUrl('dragonbear.js');
    if (tries) url.search = `retry=${tries}`;
    glue = import(url.href).catch(() => {
      glue = null;
      throw new LoadError('code', pkgUrl('dragonbear.js'), 'glue');
    });
  }
  return glue;
}

/** Resolves to the wasm exports when the module is instantiated (once per page). After a failed
 * load, the next call fetches again. */
export function ready() {
  if (!loading) {
    const compiled = (wasm ??= fetchWasm().catch((e) => {
      wasm = null;
      throw e;
    }));
    compiled.catch(() => {}); // reported below, not as an unhandled rejection
    loading = importGlue()
      .then(async (m) => {
        const module = await compiled;
        try {
          const exports = await m.default({ module_or_path: module });
          M = m;
          return exports;
        } catch (e) {
          throw new LoadError('code', wasmUrl, 'wasm', { detail: e && e.message ? e.message : String(e) });
        }
      })
      .then((exports) => {
        warmUp(M);
        for (const el of stranded) queueMicrotask(() => el._retry());
        return exports;
      })
      .catch((e) => {
        loading = null;
        tries++;
        throw e;
      });
  }
  return loading;
}

/** A few rounds of warm-up in idle time (src/chart/warm.rs): the browser compiles wasm functions
 * when first called, so without it a page's first big chart runs on baseline code. Never before a
 * chart's first paint; a page switches it off with `globalThis.dragonbearWarmUp = false`. */
function warmUp(m) {
  const idle = globalThis.requestIdleCallback ?? ((f) => setTimeout(f, 50));
  let left = 16;
  const round = () => {
    if (globalThis.dragonbearWarmUp === false || !m.warm()) return;
    if (--left > 0) idle(round, { timeout: 3000 });
  };
  // Charts waiting for the module mount in the microtasks after ready() resolves, before the next
  // frame; the first round waits for the frame after that one, so it never delays a first paint.
  const afterFrame = (f) => requestAnimationFrame(() => setTimeout(f, 0));
  afterFrame(() => afterFrame(() => idle(round, { timeout: 3000 })));
}
/** Data files fetched or being fetched, by chart id; a failed one is forgotten, so Retry fetches again. */
const dataTexts = new Map();
/** Charts whose data the wasm holds. */
const added = new Set();

/** The text of a file the loader fetches as data: a LoadError if it fails or is an HTML page. */
async function getText(url, shown, init) {
  const res = await get(url, 'data', shown, init);
  let text;
  try {
    text = await res.text();
  } catch {
    throw new LoadError('data', shown, 'cut');
  }
  // JSON never starts with "<": this is a login or error page answered with status 200.
  if (/^\uFEFF?\s*</.test(text)) throw new LoadError('data', shown, 'html');
  return text;
}

/** A bundled chart's data file, fetched once per page. */
function fetchData(chart) {
  let p = dataTexts.get(chart);
  if (!p) {
    p = getText(dataUrl(chart), dataUrl(chart), { credentials: 'same-origin' });
    dataTexts.set(chart, p);
    p.catch(() => { if (dataTexts.get(chart) === p) dataTexts.delete(chart); });
  }
  return p;
}

/** Resolves when the wasm is ready and holds bundled chart `chart`'s data (nothing to fetch for an
 * id that is not a bundled chart's). The file is fetched at the same time as the wasm. */
export async function loadChart(chart) {
  if (!CHART_IDS.includes(chart)) return ready();
  const [text, exports] = await Promise.all([fetchData(chart), ready()]);
  if (!added.has(chart)) {
    try {
      M.addData(text, dataUrl(chart).href);
    } catch (e) {
      dataTexts.delete(chart);
      throw new LoadError('data', dataUrl(chart), 'bad', { detail: e && e.message ? e.message : String(e) });
    }
    added.add(chart);
  }
  return exports;
}

const loaded = () => {
  if (!M) throw new Error('dragonbear is not loaded yet: await ready() first');
  return M;
};
/** Every chart: `[{id, title, domain, description}]` in language `lang` (`en`, the default, `fr`,
 * `de`), after ready(). */
export const charts = (lang) => loaded().charts(lang);
/** The crate version (after ready()). */
export const version = () => loaded().version();
/** Mounts a chart into an element (after ready(); a bundled chart after loadChart(id)); see
 * MountOptions in the package types. */
export const mount = (element, options) => loaded().mount(element, options);
/** Bytes of wasm memory (after ready()). */
export const memoryBytes = () => loaded().memoryBytes();

// The loader's part of the shadow root: the skeleton with its "Loading…" line, and a failed load
// with its Retry button (the widget, once mounted, brings its own sheet).
const sheet = (() => {
  try {
    const s = new CSSStyleSheet();
    s.replaceSync(`:host{display:block;min-width:0}
.pending{position:relative}
.skeleton{box-sizing:border-box;width:100%;border-radius:6px;background:linear-gradient(90deg,#8881 0,#8882 50%,#8881 100%);
background-size:200% 100%;animation:db-pulse 1.4s ease-in-out infinite}
@keyframes db-pulse{0%{background-position:100% 0}100%{background-position:-100% 0}}
@media (prefers-reduced-motion:reduce){.skeleton{animation:none}}
.loading{position:absolute;left:0;right:0;top:50%;margin:0;transform:translateY(-50%);text-align:center;font:13px/1.4 system-ui,sans-serif;opacity:.8}
.failed{box-sizing:border-box;font:13px/1.4 system-ui,sans-serif;border:1px solid #d55e00;border-left-width:4px;border-radius:4px;padding:10px 12px;
display:flex;flex-wrap:wrap;align-items:center;gap:8px 12px}
.error{flex:1 1 20em;margin:0;overflow-wrap:anywhere;white-space:pre-wrap}
.retry{font:600 13px/1 system-ui,sans-serif;min-height:36px;padding:8px 16px;border:1px solid currentColor;border-radius:4px;
background:transparent;color:inherit;cursor:pointer}
.retry:hover{border-color:#0072b2}
.retry:focus-visible{outline:2px solid #0072b2;outline-offset:2px}`);
    return s;
  } catch { return null; }
})();

const ATTRS = ['chart', 'theme', 'src', 'height', 'lang', 'hide', 'range', 'view', 'group'];

/** Height the chart will take, so the skeleton reserves the right space while wasm loads. */
function expectedHeight(el) {
  const h = parseFloat(el.getAttribute('height'));
  if (h >= 120 && h <= 4000) return h;
  const w = el.clientWidth || 640;
  // Same rule as the widget (src/web/widget.rs, default_height).
  return w < 600 ? Math.min(560, Math.max(400, w * 1.25)) : Math.min(540, Math.max(380, w * 0.62));
}

const make = (tag, cls, text) => {
  const e = document.createElement(tag);
  e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
};

class DragonbearChart extends HTMLElement {
  static get observedAttributes() { return ATTRS; }

  connectedCallback() {
    if (this._handle || this._mounting) return;
    this._load();
  }

  /** The interface language: the element's or the page's lang (en, fr, de). */
  _lang() {
    return langOf(this.closest('[lang]')?.getAttribute('lang'));
  }

  /** Shows the skeleton (and, after a second, "Loading…") and mounts the chart when it can. */
  _load() {
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    if (sheet) root.adoptedStyleSheets = [sheet];
    // Light-DOM children (e.g. a fallback <img>) are shown only where this script never runs.
    const sk = make('div', 'skeleton');
    sk.setAttribute('aria-hidden', 'true');
    sk.style.height = `${expectedHeight(this)}px`;
    // A live region that exists before its text, so screen readers announce the text when it comes.
    const line = make('p', 'loading');
    line.setAttribute('role', 'status');
    const pending = make('div', 'pending');
    pending.append(sk, line);
    root.replaceChildren(pending);
    this.setAttribute('data-state', 'loading');
    clearTimeout(this._slow);
    this._slow = setTimeout(() => { line.textContent = WORDS[this._lang()].loading; }, 1000);
    this._mounting = this._mount().finally(() => {
      this._mounting = null;
      clearTimeout(this._slow);
    });
  }

  /** Geometry for tests and tools (see Handle.probe in the package types). */
  probe() {
    return this._handle ? this._handle.probe() : null;
  }

  disconnectedCallback() {
    clearTimeout(this._slow);
    stranded.delete(this);
    this._unlink?.();
    this._handle?.destroy();
    this._handle = null;
  }

  /** Charts with the same `group` attribute share one time cursor (off unless set). */
  _link() {
    this._unlink?.();
    const onCursor = (e) => {
      const g = this.getAttribute('group');
      if (!g) return;
      const t = e.detail ? e.detail.time : null;
      for (const other of document.querySelectorAll('dragonbear-chart[group]')) {
        if (other !== this && other.getAttribute('group') === g) other._handle?.setCursor(t ?? undefined);
      }
    };
    this.addEventListener('dragonbear-cursor', onCursor);
    this._unlink = () => this.removeEventListener('dragonbear-cursor', onCursor);
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue) return;
    if (!this._handle) {
      // A chart whose load failed tries again with its new attributes.
      if (this.isConnected && !this._mounting && this.getAttribute('data-state') === 'error') this._retry();
      return;
    }
    const handle = this._handle;
    // Only the latest attributes count: a chart's data may arrive after a later change's.
    const seq = (this._seq = (this._seq || 0) + 1);
    this._options().then((o) => { if (this._handle === handle && seq === this._seq) handle.update(o); }, (e) => {
      if (this._handle !== handle || seq !== this._seq) return;
      this._unlink?.();
      handle.destroy();
      this._handle = null;
      this._fail(e);
    });
  }

  /** The mount options from the attributes; a `src=` document is fetched, or else the bundled
   * chart's data (a LoadError if not). */
  async _options() {
    const o = {};
    for (const a of ATTRS) {
      const v = this.getAttribute(a);
      if (v !== null) o[a] = v;
    }
    if (!o.lang) o.lang = this.closest('[lang]')?.getAttribute('lang') || 'en';
    if (o.hide) o.hidden = o.hide;
    if (o.src) {
      let url;
      try {
        url = new URL(o.src, document.baseURI);
      } catch {
        throw new LoadError('data', o.src, 'url');
      }
      o.data = await getText(url, o.src, { credentials: 'omit' });
    } else if (o.chart) {
      await loadChart(o.chart);
    }
    return o;
  }

  async _mount() {
    let o;
    try {
      // The wasm, and the chart's data or src= document, are fetched at the same time; a failed
      // wasm is reported first (its Retry also fetches the rest).
      const [code, options] = await Promise.allSettled([ready(), this._options()]);
      if (code.status === 'rejected') throw code.reason;
      if (options.status === 'rejected') throw options.reason;
      o = options.value;
    } catch (e) {
      if (!this.isConnected) return;
      if (e instanceof LoadError && e.kind === 'code') stranded.add(this);
      this._fail(e);
      return;
    }
    if (!this.isConnected || this._handle) return;
    try {
      this._handle = mount(this, o);
      this._link();
      if (this._refocus) this.shadowRoot.querySelector('canvas.base')?.focus();
    } catch (e) {
      this._fail(e);
    }
    this._refocus = false;
  }

  /** Loads again after a failure (the Retry button, new attributes, or another chart's success). */
  _retry() {
    stranded.delete(this);
    if (!this.isConnected || this._mounting || this._handle) return;
    this._refocus ||= this.shadowRoot?.activeElement?.classList.contains('retry') ?? false;
    this._load();
  }

  /** Shows a failure in place: its sentence, and a Retry button when it was the network's. */
  _fail(e) {
    const lang = this._lang();
    const message = e instanceof LoadError ? e.say(lang) : String(e && e.message ? e.message : e);
    const box = make('div', 'failed');
    const text = make('p', 'error', message);
    text.setAttribute('role', 'alert');
    box.append(text);
    let retry = null;
    if (e instanceof LoadError) {
      retry = make('button', 'retry', WORDS[lang].retry);
      retry.type = 'button';
      retry.addEventListener('click', () => this._retry());
      box.append(retry);
    }
    this.shadowRoot?.replaceChildren(box);
    if (this._refocus && retry) retry.focus();
    this._refocus = false;
    this.setAttribute('data-state', 'error');
    this.dispatchEvent(new CustomEvent('dragonbear-error', { bubbles: true, composed: true, detail: { message } }));
  }
}

if (!customElements.get('dragonbear-chart')) customElements.define('dragonbear-chart', DragonbearChart);

// The iframe embed: <iframe src="…/embed.html?chart=ID"> plus this script sizes itself. The
// iframe page posts `{type: "dragonbear:resize", height}` whenever its height changes; a message
// counts only from an iframe showing this site's embed.html, only if it comes from that iframe's
// own window (event.source) and from the origin its src names (event.origin): another frame, or
// the iframe navigated elsewhere, changes nothing.
const site = new URL('.', import.meta.url);
const isChartSrc = (src) => {
  try {
    const u = new URL(src, document.baseURI);
    return u.origin === site.origin && u.pathname.startsWith(site.pathname) && u.pathname.endsWith('/embed.html');
  } catch { return false; }
};
addEventListener('message', (e) => {
  const d = e.data;
  if (!d || typeof d !== 'object' || d.type !== 'dragonbear:resize') return;
  const h = Number(d.height);
  if (!Number.isFinite(h) || h < 0 || h > 100000) return;
  for (const f of document.getElementsByTagName('iframe')) {
    if (f.contentWindow !== e.source) continue;
    if (isChartSrc(f.src) && new URL(f.src, document.baseURI).origin === e.origin) f.style.height = `${Math.ceil(h)}px`;
    return;
  }
});
// An iframe that loaded before this script posted its height to nobody: ask for it again.
for (const f of document.getElementsByTagName('iframe')) {
  if (isChartSrc(f.src)) f.contentWindow?.postMessage({ type: 'dragonbear:measure' }, site.origin);
}
