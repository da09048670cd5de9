// The embed builder: pick a chart, theme, language and size; see it live; copy a snippet.
import { ready, charts } from './embed.js';

const $ = (id) => document.getElementById(id);
const base = new URL('.', import.meta.url).href; // where embed.js, embed.html and static/ live
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

await ready();
const list = charts();
for (const c of list) {
  const o = document.createElement('option');
  o.value = c.id;
  o.textContent = `${c.title} (${c.id})`;
  $('chart').append(o);
}
const params = new URLSearchParams(location.search);
for (const k of ['chart', 'theme', 'lang', 'height', 'width']) if (params.get(k)) $(k).value = params.get(k);

const el = document.createElement('dragonbear-chart');
$('frame').append(el);

function state() {
  return { chart: $('chart').value, theme: $('theme').value, lang: $('lang').value, height: $('height').value, width: $('width').value };
}

function render() {
  const s = state();
  const info = list.find((c) => c.id === s.chart);
  el.setAttribute('chart', s.chart);
  el.setAttribute('theme', s.theme);
  el.setAttribute('lang', s.lang);
  if (s.height) el.setAttribute('height', s.height); else el.removeAttribute('height');
  $('frame').style.width = s.width;
  const attrs = [`chart="${esc(s.chart)}"`, `theme="${esc(s.theme)}"`];
  if (s.lang !== 'en') attrs.push(`lang="${esc(s.lang)}"`);
  if (s.height) attrs.push(`height="${esc(s.height)}"`);
  // The fallback image is sized by its width attribute, not a style attribute: a host page whose
  // Content-Security-Policy has no 'unsafe-inline' styles ignores style="…", not width="100%".
  $('snippet-element').value =
    `<script type="module" src="${base}embed.js"></script>\n` +
    `<dragonbear-chart ${attrs.join(' ')}>\n` +
    `  <img src="${base}static/${esc(s.chart)}.png" alt="${esc(info ? info.title : s.chart)}" width="100%">\n` +
    `</dragonbear-chart>`;
  const q = new URLSearchParams({ chart: s.chart, theme: s.theme });
  if (s.lang !== 'en') q.set('lang', s.lang);
  if (s.height) q.set('height', s.height);
  // The iframe and one module script: embed.js sizes the iframe from its messages. No inline
  // script or style, so it works under a host's strict Content-Security-Policy.
  $('snippet-iframe').value =
    `<iframe src="${base}embed.html?${esc(q.toString())}" title="${esc(info ? info.title : s.chart)}"\n` +
    `        width="100%" height="${s.height ? Number(s.height) + 70 : 520}" frameborder="0" loading="lazy"></iframe>\n` +
    `<script type="module" src="${base}embed.js"></script>`;
  const u = new URL(location.href);
  for (const [k, v] of Object.entries(s)) u.searchParams.set(k, v);
  history.replaceState(null, '', u);
}

async function copy(id) {
  const text = $(id).value;
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    $(id).select();
    document.execCommand('copy');
  }
  $('copied').textContent = 'Copied to the clipboard.';
  setTimeout(() => { $('copied').textContent = ''; }, 2500);
}

$('options').addEventListener('change', render);
$('copy-element').addEventListener('click', () => copy('snippet-element'));
$('copy-iframe').addEventListener('click', () => copy('snippet-iframe'));
render();
document.documentElement.dataset.ready = 'true';
