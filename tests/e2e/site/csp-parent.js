// The few lines of parent script for the iframe embed (no inline script under this CSP).
window.resizeMessages = [];
addEventListener('message', (e) => {
  if (e.data && e.data.type === 'dragonbear:resize') {
    window.resizeMessages.push(e.data);
    for (const f of document.querySelectorAll('iframe')) if (f.contentWindow === e.source) f.style.height = e.data.height + 'px';
  }
});
