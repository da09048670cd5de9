// The iframe page: /embed.html?chart=ID&theme=light|dark|auto. One chart, full width; posts its
// height to the parent ({type: "dragonbear:resize", height}) whenever it changes.
const params = new URLSearchParams(location.search);
const el = document.createElement('dragonbear-chart');
el.setAttribute('chart', params.get('chart') || '');
const theme = params.get('theme');
if (theme) {
  el.setAttribute('theme', theme);
  if (theme === 'dark' || theme === 'light') document.documentElement.dataset.theme = theme;
}
for (const a of ['height', 'lang']) if (params.get(a)) el.setAttribute(a, params.get(a));
document.getElementById('chart').append(el);

let last = 0;
const post = () => {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height !== last && window.parent !== window) {
    last = height;
    window.parent.postMessage({ type: 'dragonbear:resize', height, chart: params.get('chart') }, '*');
  }
};
new ResizeObserver(post).observe(document.documentElement);
el.addEventListener('dragonbear-ready', post);
el.addEventListener('dragonbear-error', post);
