// End-to-end tests of the foundation: story page, one chart, tooltip, downloads, cross-origin embed.
export default ({ SITE, HOST, root, out, newPage, settled, assert, eq, csv, hoverPeriod, pct, readFileSync, execFileSync, join }) => ({
  async 'story page: chart ready, hover 1991 shows the CSV values and the source'() {
    const page = await newPage();
    await page.goto(`${SITE}/`);
    await page.waitForFunction(settled(), null, { timeout: 20000 });
    const chart = page.locator('dragonbear-chart[chart="unga-agreement"]');
    eq(await chart.getAttribute('data-state'), 'ready', 'data-state');
    const rows = csv('unga-agreement').filter((r) => r.period === '1991');
    const value = (label) => pct(rows.find((r) => r.series === label).value);
    const text = await hoverPeriod(page, chart, '1991');
    eq(text,
      ['1991 (session 46)', `China–Russia: ${value('China–Russia')}`, `China–US: ${value('China–US')}`,
        `Russia–US: ${value('Russia–US')}`, 'Source: Erik Voeten, Anton Strezhnev and Michael Bailey, Harvard Dataverse'].join('\n'),
      'tooltip text');
    eq(value('China–Russia'), '53.7%', 'CSV value for 1991 (Voeten file: 0.5373134)');
    await page.screenshot({ path: join(out, 'story-hover-1280.png') });
    const label = await chart.locator('canvas.base').getAttribute('aria-label');
    assert(label.startsWith('How often China and Russia vote alike in the UN General Assembly: China–Russia fell from 79.2% in 1971'), `accessible name: ${label}`);
    eq(page.problems.join('\n'), '', 'console errors');
  },

  async 'story page at 360 px and DPR 2: backing store is CSS size × 2, no overflow'() {
    const page = await newPage({ viewport: { width: 360, height: 800 }, deviceScaleFactor: 2 });
    await page.goto(`${SITE}/`);
    await page.waitForFunction(settled(), null, { timeout: 20000 });
    const size = await page.locator('dragonbear-chart[chart="unga-agreement"]').evaluate((el) => {
      const c = el.shadowRoot.querySelector('canvas.base');
      return { w: c.width, h: c.height, cw: c.clientWidth, ch: c.clientHeight, doc: document.documentElement.scrollWidth };
    });
    eq(size.w, size.cw * 2, 'canvas.width = clientWidth × 2');
    eq(size.h, size.ch * 2, 'canvas.height = clientHeight × 2');
    assert(size.doc <= 360, `page does not scroll sideways (scrollWidth ${size.doc})`);
    await page.screenshot({ path: join(out, 'story-360-dpr2.png'), fullPage: true });
    eq(page.problems.join('\n'), '', 'console errors');
  },

  async 'table view, sources panel, CSV and PNG downloads'() {
    const page = await newPage({ acceptDownloads: true });
    await page.goto(`${SITE}/`);
    await page.waitForFunction(settled(), null, { timeout: 20000 });
    const chart = page.locator('dragonbear-chart[chart="unga-agreement"]');
    const rows = csv('unga-agreement');
    await chart.getByRole('button', { name: 'Table' }).click();
    eq(await chart.locator('tbody tr').count(), rows.length, 'table rows = CSV rows');
    eq(await chart.locator('tbody tr').first().locator('td').nth(2).textContent(), pct(rows[0].value), 'first table value');
    assert(await chart.locator('canvas.base').isHidden(), 'chart hidden in table view');
    await chart.getByRole('button', { name: 'Chart' }).click();
    assert(await chart.locator('canvas.base').isVisible(), 'chart back');
    await chart.getByRole('button', { name: 'Sources' }).click();
    const src = await chart.locator('.sources').innerText();
    assert(src.includes('Licence: CC0 1.0') && src.includes('Coverage: UNGA sessions 1–78'), `sources panel: ${src.slice(0, 200)}`);
    const link = await chart.locator('.sources a').first().getAttribute('href');
    eq(link, 'https://dataverse.harvard.edu/dataset.xhtml?persistentId=hdl:1902.1/12379', 'source link');
    const [dl] = await Promise.all([page.waitForEvent('download'), chart.getByRole('button', { name: 'Download CSV' }).click()]);
    const got = readFileSync(await dl.path(), 'utf8');
    const want = execFileSync(join(root, 'target', 'release', 'dragonbear'), ['data', 'unga-agreement'], { encoding: 'utf8' });
    eq(got, want, 'downloaded CSV = `dragonbear data unga-agreement`');
    eq(dl.suggestedFilename(), 'dragonbear-unga-agreement.csv', 'CSV file name');
    const [png] = await Promise.all([page.waitForEvent('download'), chart.getByRole('button', { name: 'Download PNG' }).click()]);
    const bytes = readFileSync(await png.path());
    eq(bytes.subarray(0, 8).toString('hex'), '89504e470d0a1a0a', 'PNG signature');
    const w = bytes.readUInt32BE(16);
    const cw = await chart.evaluate((el) => el.shadowRoot.querySelector('canvas.base').width);
    eq(w, cw, 'PNG width = canvas backing-store width');
    eq(page.problems.join('\n'), '', 'console errors');
  },

  async 'resizing the container resizes the canvas'() {
    const page = await newPage();
    await page.goto(`${SITE}/`);
    await page.waitForFunction(settled(), null, { timeout: 20000 });
    const chart = page.locator('dragonbear-chart[chart="unga-agreement"]');
    await chart.evaluate((el) => { el.style.width = '420px'; });
    await page.waitForFunction(() => document.querySelector('dragonbear-chart[chart="unga-agreement"]').shadowRoot.querySelector('canvas.base').width === 420);
    const h = await chart.evaluate((el) => el.shadowRoot.querySelector('canvas.base').clientHeight);
    assert(h >= 360, `height follows the width rule (got ${h})`);
  },

  async 'dark theme and legend toggle change the pixels'() {
    const page = await newPage({ colorScheme: 'dark' });
    await page.goto(`${SITE}/`);
    await page.waitForFunction(settled(), null, { timeout: 20000 });
    const chart = page.locator('dragonbear-chart[chart="unga-agreement"]');
    const pixel = (x, y) => chart.evaluate((el, [x, y]) => [...el.shadowRoot.querySelector('canvas.base').getContext('2d').getImageData(x, y, 1, 1).data].slice(0, 3), [x, y]);
    eq((await pixel(3, 3)).join(','), '24,26,31', 'auto theme follows the OS dark scheme');
    const countColour = (rgb) => chart.evaluate((el, rgb) => {
      const c = el.shadowRoot.querySelector('canvas.base');
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) if (Math.abs(d[i] - rgb[0]) + Math.abs(d[i + 1] - rgb[1]) + Math.abs(d[i + 2] - rgb[2]) < 30) n++;
      return n;
    }, rgb);
    const orange = [255, 128, 56];
    const before = await countColour(orange);
    assert(before > 500, `China–Russia line drawn in dark-theme orange (${before} px)`);
    // Click the first legend entry (China–Russia): its line disappears.
    await chart.scrollIntoViewIfNeeded();
    const box = await chart.boundingBox();
    let toggled = false;
    for (let y = box.y + 30; y < box.y + 110 && !toggled; y += 4) {
      await page.mouse.move(box.x + 20, y);
      const cursor = await chart.evaluate((el) => el.shadowRoot.querySelector('canvas.hover').style.cursor);
      if (cursor === 'pointer') { await page.mouse.click(box.x + 20, y); toggled = true; }
    }
    assert(toggled, 'found the legend entry');
    await page.waitForTimeout(100);
    const after = await countColour(orange);
    assert(after < before / 10, `China–Russia pixels after toggling off: ${after} (before ${before})`);
  },

  async 'another origin: one script tag shows the chart, an unknown id shows an error in place, the iframe sizes itself'() {
    const page = await newPage();
    await page.goto(`${HOST}/cross-origin.html`);
    await page.waitForFunction(settled(), null, { timeout: 20000 });
    eq(await page.locator('#good').getAttribute('data-state'), 'ready', 'cross-origin chart ready');
    eq(await page.locator('#bad').getAttribute('data-state'), 'error', 'unknown chart id → error');
    const msg = await page.locator('#bad [role=alert]').innerText();
    assert(msg.includes('Unknown chart "no-such-chart"'), `error message: ${msg}`);
    await page.waitForFunction(() => window.resizeMessages.length > 0 && window.resizeMessages.at(-1).height > 300, null, { timeout: 20000 });
    await page.waitForTimeout(300);
    const { posted, content, frameH } = await page.evaluate(async () => {
      const f = document.getElementById('frame');
      return { posted: window.resizeMessages.at(-1).height, frameH: f.getBoundingClientRect().height, content: 0 };
    });
    const inner = await page.frameLocator('#frame').locator('html').evaluate((h) => Math.ceil(h.getBoundingClientRect().height));
    eq(posted, inner, 'posted height = iframe document height');
    eq(Math.round(frameH), posted, 'iframe resized to the posted height');
    const frameState = await page.frameLocator('#frame').locator('dragonbear-chart').getAttribute('data-state');
    eq(frameState, 'ready', 'iframe chart ready');
    await page.screenshot({ path: join(out, 'cross-origin.png'), fullPage: true });
    eq(page.problems.join('\n'), '', 'console errors');
    void content;
  },
});
