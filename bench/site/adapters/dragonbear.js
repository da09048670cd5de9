// dragonbear: the bundled chart by id, or a dataset handed to mount().
import { loadChart, mount } from '/embed.js';
import { toDragonbearDoc, toDragonbearColumns, H } from '../common.js';

// The wasm, and the data of the bundled chart bench.html mounts (the wasm compiles in no data).
export const load = () => loadChart('unga-agreement');
export { memoryBytes } from '/embed.js';
/** The dataset as mount() takes big data: an object in the public schema whose series give
 * `columns` (periods as strings, values as the same Float64Array the peers get). With
 * `variant === 'json'`, the JSON text of point objects instead (what `src=` fetches); with
 * `variant === 'object'`, the same point objects as a JS object (read through serde-wasm-bindgen,
 * the generic path the columns are the fast path beside). Untimed. */
export const prepare = (d, variant) => {
  if (d.bundled) return d;
  if (variant === 'json') return { data: JSON.stringify(toDragonbearDoc(d)) };
  if (variant === 'object') return { data: toDragonbearDoc(d) };
  return { data: toDragonbearColumns(d) };
};
export function create(el, p) {
  const opts = p.bundled ? { chart: p.bundled, theme: 'light', height: H } : { data: p.data, theme: 'light', height: H };
  const h = mount(el, opts);
  if (el.getAttribute('data-state') !== 'ready') {
    const message = el.shadowRoot?.textContent?.slice(0, 300) || 'not ready';
    h.destroy();
    throw new Error(message);
  }
  return { destroy: () => h.destroy() };
}
