// The iframe embed with no inline script: a page on another origin whose CSP allows scripts only
// from the chart's site (pages/iframe-csp.html) loads embed.js, which sizes each dragonbear iframe
// from its `dragonbear:resize` messages. Forged messages (another frame, another origin) are ignored.

import { cpSync, mkdirSync } from 'node:fs';

// Records every message the host page receives and every CSP violation (runs under the page's CSP).
const INIT = () => {
  window.__messages = [];
  addEventListener('message', (e) => window.__messages.push({ origin: e.origin, ...(e.data && typeof e.data === 'object' ? e.data : {}) }));
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
};

export default ({ SITE, HOST, root, out, newPage, assert, eq, join }) => {
  // A page of the chart's site that is not a chart, for the forged message from "another frame".
  mkdirSync(join(root, 'dist', '_e2e'), { recursive: true });
  cpSync(join(root, 'tests', 'e2e', 'site', 'blank.html'), join(root, 'dist', '_e2e', 'blank.html'));
  /** The iframe's content-box height and the height of the document inside it. */
  async function heights(page, id) {
    const frame = page.frameLocator(`#${id}`);
    const inner = await frame.locator('html').evaluate((h) => h.getBoundingClientRect().height);
    const outer = await page.locator(`#${id}`).evaluate((f) => f.clientHeight);
    return { inner, outer };
  }
  /** Waits until the iframe's chart is drawn and the iframe is as tall as its content (4 px). */
  async function fitted(page, id, what) {
    await page.frameLocator(`#${id}`).locator('dragonbear-chart[data-state=ready]').waitFor({ timeout: 20000 });
    const t0 = Date.now();
    let h;
    while (Date.now() - t0 < 5000) {
      h = await heights(page, id);
      if (h.inner > 300 && Math.abs(h.inner - h.outer) <= 4) return h;
      await page.waitForTimeout(100);
    }
    throw new Error(`${what}: iframe ${h.outer} px, its content ${h.inner} px`);
  }

  return {
    async 'iframe on another origin, strict CSP, no inline script: embed.js sizes it after load and after a width change'() {
      const page = await newPage();
      await page.addInitScript(INIT);
      const res = await page.goto(`${HOST}/iframe-csp.html`);
      assert(res.headers()['content-security-policy'].startsWith(`default-src 'none'; script-src ${SITE};`), 'CSP header limits scripts to the chart\'s site');
      const html = await res.text();
      assert(!/<script(?![^>]*\ssrc=)[^>]*>/.test(html) && !/\sstyle=/.test(html) && !/<style/.test(html), 'no inline script or style in the host page');
      eq((html.match(/<script type="module" src="[^"]+\/embed\.js"><\/script>/g) || []).length, 1, 'one script line: embed.js');
      const first = await fitted(page, 'chart', 'after load');
      await fitted(page, 'other', 'second iframe after load');
      // A narrower column: the chart inside takes the phone height rule, and the iframe follows.
      await page.locator('#chart').evaluate((f) => { f.width = '360'; });
      let narrow;
      const t0 = Date.now();
      do {
        await page.waitForTimeout(100);
        narrow = await heights(page, 'chart');
      } while ((Math.abs(narrow.inner - first.inner) < 10 || Math.abs(narrow.inner - narrow.outer) > 4) && Date.now() - t0 < 5000);
      assert(Math.abs(narrow.inner - first.inner) >= 10, `the content height changed with the width (${first.inner} → ${narrow.inner} px)`);
      assert(Math.abs(narrow.inner - narrow.outer) <= 4, `after the width change: iframe ${narrow.outer} px, its content ${narrow.inner} px`);
      await page.screenshot({ path: join(out, 'iframe-csp.png'), fullPage: true });
      eq((await page.evaluate(() => window.__violations)).join('\n'), '', 'securitypolicyviolation events');
      eq(page.problems.join('\n'), '', 'console errors');
    },

    async 'the builder writes the iframe snippet: the iframe and one module script line, no inline script or style'() {
      const page = await newPage();
      await page.goto(`${SITE}/builder.html?chart=unga-agreement&theme=dark`);
      await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 20000 });
      const snippet = await page.locator('#snippet-iframe').inputValue();
      eq(snippet, `<iframe src="${SITE}/embed.html?chart=unga-agreement&amp;theme=dark" title="How often China and Russia vote alike in the UN General Assembly"\n`
        + '        width="100%" height="520" frameborder="0" loading="lazy"></iframe>\n'
        + `<script type="module" src="${SITE}/embed.js"></script>`, 'iframe snippet');
    },

    async 'forged resize messages from another frame or another origin change nothing'() {
      const page = await newPage();
      await page.addInitScript(INIT);
      await page.goto(`${HOST}/iframe-csp.html`);
      await fitted(page, 'chart', 'after load');
      await fitted(page, 'other', 'second iframe after load');
      const before = { chart: (await heights(page, 'chart')).outer, other: (await heights(page, 'other')).outer };
      const forge = (frame, height) => frame.evaluate((h) => window.parent.postMessage({ type: 'dragonbear:resize', height: h }, '*'), height);
      // Another frame of the chart's own site (right origin, wrong window) and a frame of the host's
      // origin; then the second chart's iframe navigated to another origin (right window, wrong origin).
      await forge(page.frame({ url: `${SITE}/_e2e/blank.html` }), 77);
      await forge(page.frame({ url: `${HOST}/blank.html` }), 78);
      const other = page.frames().find((f) => f.url().startsWith(`${SITE}/embed.html?chart=arms-ru-share`));
      await other.goto(`${HOST}/blank.html`);
      await forge(other, 79);
      await page.waitForFunction(() => window.__messages.filter((m) => m.type === 'dragonbear:resize' && m.height >= 77 && m.height <= 79).length === 3, null, { timeout: 5000 });
      await page.waitForTimeout(200);
      const got = await page.evaluate(() => window.__messages.filter((m) => m.height >= 77 && m.height <= 79).map((m) => `${m.height} ${m.origin}`));
      eq(got.join(', '), `77 ${SITE}, 78 ${HOST}, 79 ${HOST}`, 'the three forged messages reached the host page');
      const after = { chart: (await heights(page, 'chart')).outer, other: (await heights(page, 'other')).outer };
      eq(JSON.stringify(after), JSON.stringify(before), 'iframe heights after the forged messages');
      eq(await page.evaluate(() => [...document.querySelectorAll('iframe')].map((f) => f.style.height).filter((h) => h === '77px' || h === '78px' || h === '79px').length), 0, 'no iframe took a forged height');
    },
  };
};
