// dragonbear loader — the one script a host page includes:
//   <script type="module" src="https://HOST/embed.js"></script>
//   <dragonbear-chart chart="unga-agreement" theme="auto"></dragonbear-chart>
// It finds the wasm next to itself (import.meta.url), so it works from any origin that sends CORS
// headers, and defines <dragonbear-chart>. No inline styles, no eval: it runs under a strict CSP.
//
// The glue (dragonbear.js) and the wasm are requested at once, when this module runs: importing the
// glue statically would make the wasm request wait for the glue's round trip. The wasm is compiled
// as its bytes arrive, while the glue loads; only instantiation waits for both.
const wasmUrl = new URL('./pkg/dragonbear_bg.wasm', import.meta.url);
const glue = import('./pkg/dragonbear.js');
const wasm = fetch(wasmUrl, { credentials: 'same-origin' }).then((r) => {
  if (!r.ok) throw new Error(`failed to fetch ${wasmUrl}: HTTP ${r.status}`);
  // Streaming compilation needs the wasm MIME type; a server without it still works, compiled whole.
  const type = (r.headers.get('Content-Type') || '').split(';')[0].trim();
  if (typeof WebAssembly.compileStreaming === 'function' && type === 'application/wasm') return WebAssembly.compileStreaming(r);
  return r.arrayBuffer().then((b) => WebAssembly.compile(b));
});
wasm.catch(() => {}); // a failed fetch is reported by ready(), not as an unhandled rejection
glue.catch(() => {});
let M = null;
let loading = null;
/** Resolves to the wasm exports when the module is instantiated (once per page). */
export function ready() {
  loading ??= glue.then(async (m) => {
    const exports = await m.default({ module_or_path: wasm });
    M = m;
    warmUp(m);
    return exports;
  });
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
const loaded = () => {
  if (!M) throw new Error('dragonbear is not loaded yet: await ready() first');
  return M;
};
/** Every chart: `[{id, title, domain, description}]` (after ready()). */
export const charts = () => loaded().charts();
/** The crate version (after ready()). */
export const version = () => loaded().version();
/** Mounts a chart into an element (after ready()); see MountOptions in the package types. */
export const mount = (element, options) => loaded().mount(element, options);
/** Bytes of wasm memory (after ready()). */
export const memoryBytes = () => loaded().memoryBytes();

const skeletonSheet = (() => {
  try {
    const s = new CSSStyleSheet();
    s.replaceSync(`:host{display:block;min-width:0}
.skeleton{box-sizing:border-box;width:100%;border-radius:6px;background:linear-gradient(90deg,#8881 0,#8882 50%,#8881 100%);
background-size:200% 100%;animation:db-pulse 1.4s ease-in-out infinite}
@keyframes db-pulse{0%{background-position:100% 0}100%{background-position:-100% 0}}
@media (prefers-reduced-motion:reduce){.skeleton{animation:none}}
.error{font:13px/1.4 system-ui,sans-serif;border:1px solid #d55e00;border-left-width:4px;border-radius:4px;padding:10px 12px;white-space:pre-wrap}`);
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

class DragonbearChart extends HTMLElement {
  static get observedAttributes() { return ATTRS; }

  connectedCallback() {
    if (this._handle || this._mounting) return;
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    if (skeletonSheet) root.adoptedStyleSheets = [skeletonSheet];
    // Light-DOM children (e.g. a fallback <img>) are shown only where this script never runs.
    const sk = document.createElement('div');
    sk.className = 'skeleton';
    sk.setAttribute('aria-busy', 'true');
    sk.setAttribute('aria-label', 'Loading chart');
    sk.style.height = `${expectedHeight(this)}px`;
    root.replaceChildren(sk);
    this.setAttribute('data-state', 'loading');
    this._mounting = this._mount().finally(() => { this._mounting = null; });
  }

  /** Geometry for tests and tools (see Handle.probe in the package types). */
  probe() {
    return this._handle ? this._handle.probe() : null;
  }

  disconnectedCallback() {
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
    if (oldValue === newValue || !this._handle) return;
    const handle = this._handle;
    this._options().then((o) => { if (this._handle === handle) handle.update(o); });
  }

  async _options() {
    const o = {};
    for (const a of ATTRS) {
      const v = this.getAttribute(a);
      if (v !== null) o[a] = v;
    }
    // The interface language follows the element's or the page's lang (en, fr, de).
    if (!o.lang) o.lang = this.closest('[lang]')?.getAttribute('lang') || 'en';
    if (o.hide) o.hidden = o.hide;
    if (o.src) {
      try {
        const url = new URL(o.src, document.baseURI);
        const res = await fetch(url, { credentials: 'omit' });
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        o.data = await res.text();
      } catch (e) {
        o.error = `Could not load data from ${o.src}: ${e && e.message ? e.message : e}`;
      }
    }
    return o;
  }

  async _mount() {
    try {
      await ready();
    } catch (e) {
      this._fail(`The chart module could not be loaded (${e && e.message ? e.message : e}).`);
      return;
    }
    const o = await this._options();
    if (!this.isConnected || this._handle) return;
    try {
      this._handle = mount(this, o);
      this._link();
    } catch (e) {
      this._fail(String(e && e.message ? e.message : e));
    }
  }

  _fail(message) {
    const box = document.createElement('div');
    box.className = 'error';
    box.setAttribute('role', 'alert');
    box.textContent = message;
    this.shadowRoot?.replaceChildren(box);
    this.setAttribute('data-state', 'error');
    this.dispatchEvent(new CustomEvent('dragonbear-error', { bubbles: true, composed: true, detail: { message } }));
  }
}

if (!customElements.get('dragonbear-chart')) customElements.define('dragonbear-chart', DragonbearChart);
