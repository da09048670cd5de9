// Phone-first reading (360 px, DPR 2, touch): the widget stays inside its column, its controls are
// one row (views as a segmented control, the rest behind "More", operable by keyboard), a tapped
// event marker shows its label and source. Record charts take their content's height at 320, 640
// and 1280 px: read from the canvas pixels, the lowest ink is near the bottom and no empty band
// separates the content from the source line.

const PHONE = { viewport: { width: 360, height: 780 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true };

export default ({ SITE, out, newPage, settled, assert, eq, readFileSync, join, root }) => {
  /** Elements of the widget (shadow DOM included) whose box leaves the host's column. */
  const overflowing = (chart) => chart.evaluate((host) => {
    const hb = host.getBoundingClientRect();
    const bad = [];
    for (const el of host.shadowRoot.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.left < hb.left - 0.5 || r.right > hb.right + 0.5) bad.push(`${el.tagName.toLowerCase()}.${el.className} ${r.left.toFixed(1)}–${r.right.toFixed(1)} outside ${hb.left}–${hb.right}`);
    }
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth) bad.push(`page scrolls sideways: ${doc.scrollWidth} > ${doc.clientWidth}`);
    return bad;
  });

  return {
    'phone 360 px: nothing leaves the column, one row of controls, More opens with Enter and closes with Escape': async () => {
      const page = await newPage(PHONE);
      await page.goto(`${SITE}/embed.html?chart=trade-annual&theme=light`);
      await page.waitForFunction(settled(), null, { timeout: 20000 });
      const chart = page.locator('dragonbear-chart');
      eq(await chart.getAttribute('data-state'), 'ready', 'ready');
      eq((await overflowing(chart)).join('\n'), '', 'every element inside the column');

      // One row: every visible control of the toolbar has the same top.
      const tops = await chart.evaluate((host) => [...host.shadowRoot.querySelectorAll('.toolbar button')]
        .filter((b) => b.offsetParent !== null && !b.closest('.menu'))
        .map((b) => [b.textContent, Math.round(b.getBoundingClientRect().top)]));
      assert(tops.length >= 4, `views and More shown: ${JSON.stringify(tops)}`);
      eq(new Set(tops.map((t) => t[1])).size, 1, `one row of controls: ${JSON.stringify(tops)}`);
      for (const name of ['Values', 'Change', 'Share']) eq(await chart.getByRole('button', { name, exact: true }).count(), 1, name);
      eq(await chart.getByRole('group', { name: 'View' }).count(), 1, 'views are one labelled group');
      eq(await chart.getByRole('button', { name: 'Table', exact: true }).count(), 0, 'Table is in the menu, not the row');

      // Keyboard: Enter on More opens the menu with focus on its first item; arrows move; Escape closes.
      const more = chart.getByRole('button', { name: 'More' });
      eq(await more.getAttribute('aria-haspopup'), 'menu', 'More says it opens a menu');
      eq(await more.getAttribute('aria-expanded'), 'false', 'closed at first');
      await more.focus();
      await page.keyboard.press('Enter');
      const menu = chart.getByRole('menu');
      assert(await menu.isVisible(), 'Enter opens the menu');
      eq(await more.getAttribute('aria-expanded'), 'true', 'aria-expanded while open');
      const items = await menu.evaluate((m) => [...m.children].map((c) => `${c.getAttribute('role')}:${c.textContent}`));
      eq(items.join(', '), 'menuitemcheckbox:Table, menuitemcheckbox:Sources, menuitem:Download CSV, menuitem:Download PNG', 'menu items and roles');
      const focused = () => chart.evaluate((host) => host.shadowRoot.activeElement?.textContent ?? null);
      eq(await focused(), 'Table', 'focus on the first item');
      await page.keyboard.press('ArrowDown');
      eq(await focused(), 'Sources', 'ArrowDown moves to the next item');
      eq((await overflowing(chart)).join('\n'), '', 'the open menu stays inside the column');
      await page.screenshot({ path: join(out, 'phone-360-menu.png') });
      await page.keyboard.press('Escape');
      assert(!(await menu.isVisible()), 'Escape closes the menu');
      eq(await more.getAttribute('aria-expanded'), 'false', 'aria-expanded after Escape');
      eq(await focused(), 'More', 'focus back on More');

      // An item chosen from the menu acts and closes it: the table replaces the chart.
      await page.keyboard.press('Enter');
      await page.keyboard.press('Enter');
      assert(!(await menu.isVisible()), 'choosing an item closes the menu');
      assert(await chart.locator('table').isVisible(), 'Table chosen from the menu shows the table');
      eq(await chart.getByRole('menuitemcheckbox', { name: 'Table', includeHidden: true }).getAttribute('aria-checked'), 'true', 'Table is checked');
      await chart.getByRole('button', { name: 'Chart' }).click();
      assert(await chart.locator('canvas.base').isVisible(), 'back to the chart');
      assert(page.problems.length === 0, page.problems.join('\n'));

      // Zoomed, the reset control joins the same row (its name still says what it does).
      await page.goto(`${SITE}/embed.html?chart=trade-annual&theme=light&range=2000,2015`);
      await page.waitForFunction(settled(), null, { timeout: 20000 });
      const zoomed = page.locator('dragonbear-chart');
      const reset = zoomed.getByRole('button', { name: /^Reset zoom \(2000–2015\)$/ });
      eq(await reset.count(), 1, 'reset control named in full');
      const zoomTops = await zoomed.evaluate((host) => [...host.shadowRoot.querySelectorAll('.toolbar button')]
        .filter((b) => b.offsetParent !== null && !b.closest('.menu')).map((b) => Math.round(b.getBoundingClientRect().top)));
      eq(new Set(zoomTops).size, 1, `one row with the reset control: ${zoomTops}`);
      eq((await overflowing(zoomed)).join('\n'), '', 'zoomed: every element inside the column');
    },

    'phone 360 px: a tapped event marker shows its label and source': async () => {
      const ds = JSON.parse(readFileSync(join(root, 'data', 'trade-annual.json'), 'utf8'));
      const page = await newPage(PHONE);
      await page.goto(`${SITE}/embed.html?chart=trade-annual&theme=light`);
      await page.waitForFunction(settled(), null, { timeout: 20000 });
      const chart = page.locator('dragonbear-chart');
      const probe = await chart.evaluate((el) => el.probe());
      eq(probe.events.length, ds.events.length + 1, 'a numbered marker per event and one for the change of source');
      const box = await chart.locator('canvas.base').boundingBox();
      const tip = chart.locator('[role=tooltip]');
      const seen = [];
      for (const [x, y] of probe.events) {
        await page.touchscreen.tap(box.x + x, box.y + y);
        await tip.waitFor({ state: 'visible', timeout: 2000 });
        // The tooltip stays up between taps: wait for this marker's text (redrawn in a frame).
        const before = seen[seen.length - 1];
        for (let i = 0; i < 40 && (await tip.textContent()) === before; i++) await page.waitForTimeout(50);
        seen.push(await tip.textContent());
      }
      eq(new Set(seen).size, seen.length, 'each marker has its own tooltip');
      for (const e of ds.events) {
        const text = seen.find((t) => t.includes(e.label));
        assert(text, `a marker's tooltip gives "${e.label}": ${JSON.stringify(seen)}`);
        assert(text.includes('Source: '), `and its source: ${text}`);
      }
      await page.screenshot({ path: join(out, 'phone-360-marker.png') });
      assert(page.problems.length === 0, page.problems.join('\n'));
    },

    'record charts take their content height at 320, 640 and 1280 px (canvas pixels)': async () => {
      for (const id of ['unga-ukraine-votes', 'chpl-tiers', 'unga-ukraine-members']) {
        for (const width of [320, 640, 1280]) {
          const page = await newPage({ viewport: { width, height: 900 }, deviceScaleFactor: 2 });
          await page.goto(`${SITE}/embed.html?chart=${id}&theme=light`);
          await page.waitForFunction(settled(), null, { timeout: 20000 });
          const chart = page.locator('dragonbear-chart');
          eq(await chart.getAttribute('data-state'), 'ready', `${id} at ${width}`);
          eq((await overflowing(chart)).join('\n'), '', `${id} at ${width}: nothing sideways`);
          const probe = await chart.evaluate((el) => el.probe());
          const m = await chart.evaluate((host, last) => {
            const c = host.shadowRoot.querySelector('canvas.base');
            const dpr = c.width / c.clientWidth;
            const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
            const bg = [px[0], px[1], px[2]];
            const inked = (x, y) => { const i = (y * c.width + x) * 4; return Math.abs(px[i] - bg[0]) + Math.abs(px[i + 1] - bg[1]) + Math.abs(px[i + 2] - bg[2]) > 60; };
            const rowInked = (y) => { for (let x = 0; x < c.width; x++) if (inked(x, y)) return true; return false; };
            // From the bottom: the margin, the source line(s), then the first blank run taller
            // than a line gap (8 CSS px) is what separates the content from the sources.
            let y = c.height - 1;
            while (y >= 0 && !rowInked(y)) y--;
            const margin = (c.height - 1 - y) / dpr;
            let band = 0;
            while (y >= 0) {
              while (y >= 0 && rowInked(y)) y--;
              let run = 0;
              while (y >= 0 && !rowInked(y)) { y--; run++; }
              if (run / dpr > 8) { band = run / dpr; break; }
            }
            // The last hover target (last row, tile or square) is inked where it is.
            const [lx, ly] = last.map((v) => Math.round(v * dpr));
            let lastInk = false;
            for (let dy = -3; dy <= 3; dy++) for (let dx = -12; dx <= 12; dx++) if (inked(lx + dx, ly + dy)) lastInk = true;
            return { margin, band, lastInk, lastY: last[1], height: c.clientHeight };
          }, probe.targets[probe.targets.length - 1]);
          assert(m.margin <= 24, `${id} at ${width}: lowest ink ${m.margin} CSS px above the bottom`);
          assert(m.band <= 24, `${id} at ${width}: ${m.band} CSS px empty between the content and the source line`);
          assert(m.lastInk && m.lastY < m.height, `${id} at ${width}: the last row is drawn (${JSON.stringify(m)})`);
          if (width === 320) await page.screenshot({ path: join(out, `record-${id}-320.png`), fullPage: true });
          assert(page.problems.length === 0, page.problems.join('\n'));
          await page.context().close();
        }
      }
    },
  };
};
