// Interaction depth: zoom (drag, wheel with a modifier, double-click, reset control), the keyboard
// data cursor with its aria-live announcement, touch, linked views, relative values, languages,
// and an axe-core accessibility audit of the story, embed and builder pages in both themes.
import { createRequire } from 'node:module';

export default ({ SITE, root, out, newPage, settled, assert, eq, join, hoverPeriod }) => {
  const require = createRequire(join(root, 'package.json'));
  const axePath = require.resolve('axe-core/axe.min.js');
  const chartPage = async (id, extra = '', opts = {}) => {
    const page = await newPage({ viewport: { width: 900, height: 800 }, ...opts });
    await page.goto(`${SITE}/embed.html?chart=${id}&theme=light${extra}`);
    await page.waitForFunction(settled(), null, { timeout: 20000 });
    return page;
  };
  const tipText = (chart) => chart.locator('[role=tooltip]').evaluate((el) => [el.querySelector('.tt-title').textContent,
    ...[...el.querySelectorAll('.tt-row')].map((r) => `${r.querySelector('.tt-label').textContent}: ${r.querySelector('.tt-value').textContent}`)].join('\n'));

  return {
    async 'zoom: drag a range, the axis and URL follow; Ctrl+wheel zooms, a plain wheel scrolls the page; double-click resets'() {
      const page = await chartPage('unga-agreement');
      const chart = page.locator('dragonbear-chart');
      const box = await chart.boundingBox();
      const probe = await chart.evaluate((el) => el.probe());
      const xs = probe.targets.map((t) => t[0]);
      const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
      const y = probe.targets[0][1] + 20;
      const reset = chart.getByRole('button', { name: /Reset zoom/ });
      assert(!(await reset.isVisible()), 'no reset control before zooming');
      // Drag from 1981 to 2001 (targets 10 and 30: one per session from 1971).
      await page.mouse.move(box.x + probe.targets[10][0], box.y + y);
      await page.mouse.down();
      await page.mouse.move(box.x + probe.targets[20][0], box.y + y, { steps: 4 });
      await page.mouse.move(box.x + probe.targets[30][0], box.y + y, { steps: 4 });
      await page.mouse.up();
      await reset.waitFor({ state: 'visible' });
      eq(await reset.textContent(), 'Reset zoom (1981–2001)', 'range shown on the reset control');
      const range = new URL(page.url()).searchParams.get('range');
      eq(range, '1981.000,2001.000', 'range kept in the embed URL');
      const zoomed = await chart.evaluate((el) => el.probe().targets.length);
      eq(zoomed, 21, 'only the 21 sessions 1981–2001 are drawn');
      // The URL reproduces the view.
      const again = await chartPage('unga-agreement', `&range=${range}`);
      eq(await again.locator('dragonbear-chart').evaluate((el) => el.probe().targets.length), 21, 'a link with range= opens zoomed');
      // Double-click resets.
      await page.mouse.dblclick(box.x + (x0 + x1) / 2, box.y + y);
      await reset.waitFor({ state: 'hidden' });
      eq(await chart.evaluate((el) => el.probe().targets.length), 53, 'all 53 sessions again');
      // A plain wheel scrolls the page, Ctrl+wheel zooms.
      await page.setViewportSize({ width: 900, height: 400 });
      await page.mouse.move(box.x + (x0 + x1) / 2, box.y + y);
      await page.mouse.wheel(0, 200);
      await page.waitForTimeout(200);
      assert((await page.evaluate(() => window.scrollY)) > 0, 'page scrolled under the chart');
      eq(await chart.evaluate((el) => el.probe().targets.length), 53, 'no zoom without a modifier');
      const b2 = await chart.boundingBox();
      await page.mouse.move(b2.x + (x0 + x1) / 2, b2.y + y);
      await page.keyboard.down('Control');
      await page.mouse.wheel(0, -100);
      await page.keyboard.up('Control');
      await reset.waitFor({ state: 'visible' });
      const n = await chart.evaluate((el) => el.probe().targets.length);
      assert(n < 53 && n > 30, `Ctrl+wheel zoomed in (${n} sessions drawn)`);
      await reset.click();
      await reset.waitFor({ state: 'hidden' });
      eq(page.problems.join('\n'), '', 'console errors');
    },

    async 'keyboard: one tab stop, arrows move between periods and series, aria-live announces, Escape leaves'() {
      const page = await chartPage('unga-agreement');
      const chart = page.locator('dragonbear-chart');
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.className);
      eq(focused, 'base', 'the chart canvas is the first tab stop');
      await page.keyboard.press('Home');
      const live = chart.locator('[aria-live=polite]');
      eq(await live.textContent(), 'China–Russia: 79.2%, 1971 (session 26).', 'announced');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowDown');
      eq(await live.textContent(), 'China–US: 23.4%, 1972 (session 27).', 'next period, next series');
      // The tooltip is drawn in the next animation frame: wait for it rather than read a stale one.
      await chart.locator('.tt-row.focused .tt-label').filter({ hasText: 'China–US' }).waitFor({ timeout: 3000 });
      await chart.locator('.tt-title').filter({ hasText: '1972 (session 27)' }).waitFor({ timeout: 3000 });
      assert(await chart.locator('[role=tooltip]').isVisible(), 'focused point drawn with its tooltip');
      await page.keyboard.press('End');
      assert((await live.textContent()).endsWith('2023 (session 78).'), 'End goes to the last period');
      // The accessibility tree: an image named by the data summary, and the live status.
      const snap = await chart.ariaSnapshot();
      assert(snap.includes('img "How often China and Russia vote alike in the UN General Assembly: China–Russia fell from 79.2% in 1971'), snap);
      assert(snap.includes('status: "China–US: '), snap);
      await page.keyboard.press('Escape');
      await chart.locator('[role=tooltip]').waitFor({ state: 'hidden' });
      await page.screenshot({ path: join(out, 'keyboard.png') });
    },

    async 'touch: a tap shows the tooltip and keeps it until a tap elsewhere; vertical panning stays with the page'() {
      const page = await chartPage('arms-ru-cn', '', { hasTouch: true, isMobile: true, viewport: { width: 390, height: 800 } });
      const chart = page.locator('dragonbear-chart');
      const box = await chart.boundingBox();
      const probe = await chart.evaluate((el) => el.probe());
      const [tx, ty] = probe.targets[10];
      await page.touchscreen.tap(box.x + tx, box.y + ty + 5);
      const tip = chart.locator('[role=tooltip]');
      await tip.waitFor({ state: 'visible' });
      eq((await tipText(chart)).split('\n')[0], '2005', 'tapped the 2005 bar');
      await page.waitForTimeout(800);
      assert(await tip.isVisible(), 'tooltip stays after the tap');
      await page.touchscreen.tap(5, box.y + box.height + 40);
      await tip.waitFor({ state: 'hidden' });
      eq(await chart.evaluate((el) => getComputedStyle(el.shadowRoot.querySelector('.stage')).touchAction), 'pan-y', 'vertical pans scroll the page');
    },

    async 'touch: two fingers spreading apart zoom in (pinch); the reset control restores'() {
      const page = await chartPage('unga-agreement', '', { hasTouch: true, isMobile: true, viewport: { width: 390, height: 800 } });
      const chart = page.locator('dragonbear-chart');
      const box = await chart.boundingBox();
      const probe = await chart.evaluate((el) => el.probe());
      const mid = probe.targets[26];
      const [cx, cy] = [box.x + mid[0], box.y + mid[1] + 30];
      const cdp = await page.context().newCDPSession(page);
      const touch = (type, d) => cdp.send('Input.dispatchTouchEvent', {
        type,
        touchPoints: type === 'touchEnd' ? [] : [{ x: cx - d, y: cy, id: 1 }, { x: cx + d, y: cy, id: 2 }],
      });
      await touch('touchStart', 20);
      for (const d of [30, 45, 60, 80, 100]) await touch('touchMove', d);
      await touch('touchEnd', 0);
      const reset = chart.getByRole('button', { name: /Reset zoom/ });
      await reset.waitFor({ state: 'visible', timeout: 3000 });
      const n = await chart.evaluate((el) => el.probe().targets.length);
      assert(n < 53, `pinch zoomed in: ${n} of 53 sessions drawn`);
      await reset.tap();
      await reset.waitFor({ state: 'hidden' });
      eq(await chart.evaluate((el) => el.probe().targets.length), 53, 'reset by tapping the control');
    },

    async 'linked views: hovering 2014 on the trade chart marks 2014 on the arms and UN charts'() {
      const page = await newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(`${SITE}/`);
      await page.waitForFunction(settled(), null, { timeout: 30000 });
      const trade = page.locator('dragonbear-chart[chart="trade-annual"]');
      const arms = page.locator('dragonbear-chart[chart="arms-ru-cn"]');
      const un = page.locator('dragonbear-chart[chart="unga-agreement"]');
      const inkAt = (loc, x) => loc.evaluate((el, x) => {
        const c = el.shadowRoot.querySelector('canvas.hover');
        const d = c.getContext('2d').getImageData(Math.round(x * devicePixelRatio) - 1, 0, 3, c.height).data;
        let n = 0;
        for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
        return n;
      }, x);
      const ax = await arms.evaluate((el) => el._handle.timePx(2014));
      const ux = await un.evaluate((el) => el._handle.timePx(2014));
      eq(await inkAt(arms, ax), 0, 'nothing marked before');
      await trade.scrollIntoViewIfNeeded();
      const box = await trade.boundingBox();
      const probe = await trade.evaluate((el) => el.probe());
      const [tx, ty] = probe.targets[2014 - 1992];
      await page.mouse.move(box.x + tx, box.y + ty + 10);
      await trade.locator('.tt-title').filter({ hasText: '2014' }).waitFor();
      await page.waitForTimeout(100);
      assert((await inkAt(arms, ax)) > 50, 'the arms chart marks 2014');
      assert((await inkAt(un, ux)) > 50, 'the UN chart marks 2014');
      const other = await arms.evaluate((el) => el._handle.timePx(2000));
      eq(await inkAt(arms, other), 0, 'and nothing at 2000');
      await page.mouse.move(5, 5);
      await page.waitForTimeout(100);
      eq(await inkAt(arms, ax), 0, 'cleared when the pointer leaves');
    },

    async 'hover marks: a rule and a ringed dot per series on the hovered period, as elements, gone on leave'() {
      const page = await chartPage('unga-agreement');
      const chart = page.locator('dragonbear-chart');
      await hoverPeriod(page, chart, '1991');
      const marks = await chart.evaluate((el) => {
        const root = el.shadowRoot.querySelector('.cursor');
        const centre = (e) => { const b = e.getBoundingClientRect(); return [b.x + b.width / 2, b.y + b.height / 2, b.width]; };
        const hover = el.shadowRoot.querySelector('canvas.hover');
        const ink = hover.getContext('2d').getImageData(0, 0, hover.width, hover.height).data.filter((v, i) => i % 4 === 3 && v > 0).length;
        return {
          hidden: root.hidden, rule: centre(root.querySelector('.rule')), ink,
          dots: [...root.querySelectorAll('.dot')].filter((d) => !d.hidden).map((d) => [...centre(d), getComputedStyle(d).backgroundColor]),
        };
      });
      eq(marks.hidden, false, 'marks shown');
      eq(marks.ink, 0, 'nothing drawn on the hover canvas for a line chart');
      eq(marks.dots.map((d) => d[3]).join(' '), 'rgb(213, 94, 0) rgb(0, 114, 178) rgb(0, 158, 115)', 'one dot per series, in its colour');
      for (const [x, , w] of marks.dots) {
        assert(Math.abs(x - marks.rule[0]) < 0.6, `dot on the rule: ${x} vs ${marks.rule[0]}`);
        eq(w, 10, 'ring diameter 10 px');
      }
      // What a reader sees at the first dot's centre is its series colour.
      const [cx, cy] = marks.dots[0];
      const png = await page.screenshot({ clip: { x: Math.round(cx) - 1, y: Math.round(cy) - 1, width: 3, height: 3 } });
      const seen = await page.evaluate(async (b64) => {
        const img = new Image(); img.src = `data:image/png;base64,${b64}`; await img.decode();
        const c = new OffscreenCanvas(3, 3); const g = c.getContext('2d'); g.drawImage(img, 0, 0);
        return [...g.getImageData(1, 1, 1, 1).data.slice(0, 3)];
      }, png.toString('base64'));
      assert(Math.abs(seen[0] - 213) + Math.abs(seen[1] - 94) + Math.abs(seen[2] - 0) < 30, `vermillion at the dot: ${seen}`);
      await page.mouse.move(2, 2);
      await page.waitForTimeout(100);
      eq(await chart.evaluate((el) => el.shadowRoot.querySelector('.cursor').hidden), true, 'hidden when the pointer leaves');
      // So the line chart's hover canvas never got a backing store of its size (the default is 300×150).
      const store = (loc) => loc.evaluate((el) => { const c = el.shadowRoot.querySelector('canvas.hover'); return [c.width, c.height, c.clientWidth]; });
      eq((await store(chart)).slice(0, 2).join('×'), '300×150', 'no full-size hover canvas for a line chart');
      // A bar chart draws its hover on the canvas, which is sized when first needed.
      const bars = await chartPage('arms-ru-cn');
      const bc = bars.locator('dragonbear-chart');
      const probe = await bc.evaluate((el) => el.probe());
      const [bx, by] = probe.targets[Math.floor(probe.targets.length / 2)];
      const bbox = await bc.boundingBox();
      await bars.mouse.move(bbox.x + bx, bbox.y + by);
      await bc.locator('[role=tooltip]').waitFor();
      const [w, , cw] = await store(bc);
      eq(w, cw, 'the bar chart hover canvas is sized to the chart when it is first drawn on');
      const ink = await bc.evaluate((el) => { const c = el.shadowRoot.querySelector('canvas.hover'); return c.getContext('2d').getImageData(0, 0, c.width, c.height).data.filter((v, i) => i % 4 === 3 && v > 0).length; });
      assert(ink > 20, `the bar hover is drawn on the canvas (${ink} inked pixels)`);
    },

    async 'relative values: change on the previous year and share of the total, unit and tooltip follow'() {
      const page = await chartPage('trade-annual');
      const chart = page.locator('dragonbear-chart');
      await chart.getByRole('button', { name: 'Change' }).click();
      eq(new URL(page.url()).searchParams.get('view'), 'change', 'view kept in the URL');
      let probe = await chart.evaluate((el) => el.probe());
      const box = await chart.boundingBox();
      // 2014 vs 2013 from the CSV.
      const rows = (await import('node:child_process')).execFileSync(join(root, 'target', 'release', 'dragonbear'), ['data', 'trade-annual'], { encoding: 'utf8' })
        .trim().split('\n').slice(1).map((l) => l.split(','));
      const total = (y) => Number(rows.find((r) => r[0] === 'Total China–Russia goods trade (China-reported)' && r[1] === y)[2]);
      const change = (total('2014') / total('2013') - 1) * 100;
      const idx = probe.targets.findIndex((_, i) => i === 2014 - 1993);
      await page.mouse.move(box.x + probe.targets[idx][0], box.y + probe.targets[idx][1] + 5);
      await chart.locator('.tt-title').filter({ hasText: '2014' }).waitFor();
      const text = await tipText(chart);
      const want = `${change > 0 ? '+' : '−'}${Math.abs(change).toFixed(1)}%`;
      assert(text.includes(`Total China–Russia goods trade (China-reported): ${want}`), `${text} (want ${want})`);
      await chart.getByRole('button', { name: 'Share' }).click();
      await chart.getByRole('button', { name: 'Table' }).click();
      const first = await chart.locator('tbody tr').first().locator('td').allTextContents();
      const ex = (y) => Number(rows.find((r) => r[0] === "China's exports to Russia (China-reported)" && r[1] === y)[2]);
      eq(first[2], `${(ex('1992') / total('1992') * 100).toFixed(1)}%`, 'share of the total in the table');
      await chart.getByRole('button', { name: 'Values' }).click();
      eq(new URL(page.url()).searchParams.get('view'), null, 'back to values');
    },

    async 'languages: French and German interface, numbers and dates; series labels from the dataset fr translation'() {
      const fr = await chartPage('unga-agreement', '&lang=fr');
      const chart = fr.locator('dragonbear-chart');
      for (const b of ['Graphique', 'Tableau', 'Sources', 'Télécharger CSV']) eq(await chart.getByRole('button', { name: b }).count(), 1, b);
      await fr.locator('dragonbear-chart canvas.base').focus();
      await fr.keyboard.press('Home');
      eq(await chart.locator('[aria-live=polite]').textContent(), 'Chine–Russie\u00a0: 79,2\u202f%, 1971 (session 26).', 'French number and colon (no-break space before it, as French typography sets it)');
      await chart.getByRole('button', { name: 'Tableau' }).click();
      eq((await chart.locator('thead th').allTextContents()).join('|'), 'Série|Période|Valeur|Source|Note', 'French table headers');
      const de = await chartPage('unsc-vetoes', '&lang=de');
      const dc = de.locator('dragonbear-chart');
      await dc.locator('canvas.base').focus();
      await de.keyboard.press('End');
      const said = await dc.locator('[aria-live=polite]').textContent();
      assert(/^\d{1,2}\. (Jan\.|Feb\.|März|Apr\.|Mai|Juni|Juli|Aug\.|Sept\.|Okt\.|Nov\.|Dez\.) \d{4}/.test(said), `German date: ${said}`);
      eq(await dc.getByRole('button', { name: 'Quellen' }).count(), 1, 'German button');
    },

    async 'axe-core: no violations on the story, embed and builder pages, light and dark'() {
      const problems = [];
      for (const scheme of ['light', 'dark']) {
        for (const path of ['/', '/embed.html?chart=unga-ukraine-votes&theme=auto', '/builder.html']) {
          const page = await newPage({ colorScheme: scheme, viewport: { width: 1280, height: 900 } });
          await page.goto(`${SITE}${path}`);
          await page.waitForFunction(settled(), null, { timeout: 30000 });
          await page.addScriptTag({ path: axePath });
          const res = await page.evaluate(async () => {
            const r = await window.axe.run(document, { resultTypes: ['violations'] });
            return r.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0].target.join(' ')} — ${v.nodes[0].failureSummary.split('\n')[1] ?? ''}`);
          });
          for (const v of res) problems.push(`${scheme} ${path}: ${v}`);
        }
      }
      eq(problems.join('\n'), '', 'axe violations');
    },
  };
};
