// dragonbear: the bundled chart by id, or a dataset document handed to mount().
import { ready, mount } from '/embed.js';
import { toDragonbearDoc, H } from '../common.js';

export const load = () => ready();
export { memoryBytes } from '/embed.js';
/** Dataset handed over as JSON text (its public schema; what `src=` fetches). Prepared untimed. */
export const prepare = (d) => (d.bundled ? d : { text: JSON.stringify(toDragonbearDoc(d)) });
export function create(el, p) {
  const opts = p.bundled ? { chart: p.bundled, theme: 'light', height: H } : { data: p.text, theme: 'light', height: H };
  const h = mount(el, opts);
  if (el.getAttribute('data-state') !== 'ready') {
    const message = el.shadowRoot?.textContent?.slice(0, 300) || 'not ready';
    h.destroy();
    throw new Error(message);
  }
  return { destroy: () => h.destroy() };
}
