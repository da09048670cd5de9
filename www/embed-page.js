import { ready, charts } from './embed.js';

// The iframe page: /embed.html?chart=ID&theme=light|dark|auto. One chart, full width; posts its
// height to the parent ({type: "dragonbear:resize", height, chart}) whenever it changes, and again
// when the parent asks ({type: "dragonbear:measure"}). The parent's embed.js sizes the iframe from
// it; a host without embed.js can do the same with a message listener (see the README).
const params = new URLSearchParams(location.search);
const el = document.createElement('dragonbear-chart');
el.setAttribute('chart', params.get('chart') || '');
const theme = params.get('theme');
if (theme) {
  el.setAttribute('theme', theme);
  if (theme === 'dark' || theme === 'light') document.documentElement.dataset.theme = theme;
}
for (const a of ['height', 'lang', 'hide', 'range', 'view']) if (params.get(a)) el.setAttribute(a, params.get(a));
if (params.get('lang')) document.documentElement.lang = params.get('lang');
document.getElementById('chart').append(el);
ready().then(() => {
  const info = charts(params.get('lang') || undefined).find((c) => c.id === params.get('chart'));
  if (info) {
    document.getElementById('title').textContent = info.title;
    document.title = `${info.title} — dragonbear`;
  }
}, () => {}); // a failed load is shown in place by the element, with its Retry

let last = 0;
const post = () => {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height !== last && window.parent !== window) {
    last = height;
    window.parent.postMessage({ type: 'dragonbear:resize', height, chart: params.get('chart') }, '*');
  }
};
new ResizeObserver(post).observe(document.documentElement);
addEventListener('message', (e) => {
  if (e.source === window.parent && e.data && e.data.type === 'dragonbear:measure') {
    last = 0;
    post();
  }
});
el.addEventListener('dragonbear-ready', post);
el.addEventListener('dragonbear-error', post);

// Keep the reader's state in the URL, so a copied link reproduces the view.
el.addEventListener('dragonbear-state', (e) => {
  const u = new URL(location.href);
  const d = e.detail || {};
  const hidden = d.hidden || [];
  if (hidden.length) u.searchParams.set('hide', hidden.join(',')); else u.searchParams.delete('hide');
  if (d.range) u.searchParams.set('range', d.range); else u.searchParams.delete('range');
  if (d.view && d.view !== 'values') u.searchParams.set('view', d.view); else u.searchParams.delete('view');
  history.replaceState(null, '', u);
});
