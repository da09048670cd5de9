// Every chart id, end to end: ready state; a hover tooltip whose text equals the CSV value for that
// point; a legend toggle that changes the pixels; a Table view with one row per CSV row; the CSV
// download equal to `dragonbear data ID`; a valid PNG download.
import { csvRecords } from './csv.mjs';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const group = (s) => { const [i, f] = s.split('.'); return i.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (f !== undefined ? `.${f}` : ''); };
const signed = (v, s) => (v < 0 && /[1-9]/.test(s) ? '−' : '') + s;
/** The value as the widget formats it in English (an independent implementation). */
function fmt(r) {
  const v = Number(r.value), a = Math.abs(v);
  switch (r.unit) {
    case 'share': return signed(v, (a * 100).toFixed(1)) + '%';
    case 'percent': return signed(v, a.toFixed(1)) + '%';
    case 'usd_bn': return '$' + signed(v, group(a.toFixed(a < 10 ? 2 : 1))) + ' bn';
    case 'usd_m': return '$' + signed(v, group(a.toFixed(0))) + ' m';
    case 'tiv_m': return signed(v, group(a.toFixed(Number.isInteger(v) ? 0 : 1))) + ' TIV m';
    case 'ideal_point': return signed(v, a.toFixed(2));
    case 'vote': return { 1: 'Yes', 0: 'Abstain', '-1': 'No' }[v] ?? 'Did not vote';
    default: return signed(v, group(a.toFixed(0)));
  }
}
function fmtPeriod(p) {
  const [y, m, d] = p.split('-');
  if (d) return `${Number(d)} ${MONTHS[m - 1]} ${y}`;
  if (m) return `${MONTHS[m - 1]} ${y}`;
  return y;
}

export default ({ SITE, out, newPage, settled, assert, eq, readFileSync, execFileSync, join, root }) => {
  const cli = (...args) => execFileSync(join(root, 'target', 'release', 'dragonbear'), args, { encoding: 'utf8' });
  const ids = cli('list').trim().split('\n').map((l) => l.split('\t')[0]);
  const tests = {};
  for (const id of ids) {
    tests[`${id}: ready, tooltip = CSV, legend toggles pixels, table rows = CSV rows, CSV and PNG downloads`] = async () => {
      const page = await newPage({ acceptDownloads: true, viewport: { width: 1000, height: 900 } });
      await page.goto(`${SITE}/embed.html?chart=${id}&theme=light`);
      await page.waitForFunction(settled(), null, { timeout: 20000 });
      const chart = page.locator('dragonbear-chart');
      eq(await chart.getAttribute('data-state'), 'ready', 'data-state');
      const csvText = cli('data', id);
      const rows = csvRecords(csvText);
      const box = await chart.boundingBox();
      const probe = await chart.evaluate((el) => el.probe());
      assert(probe.targets.length > 0, 'hover targets');

      // Hover the middle target and compare the tooltip with the CSV.
      const [tx, ty] = probe.targets[Math.floor(probe.targets.length / 2)];
      await page.mouse.move(box.x + tx, box.y + ty);
      const tip = chart.locator('[role=tooltip]');
      await tip.waitFor({ state: 'visible', timeout: 3000 });
      const t = await tip.evaluate((el) => ({
        title: el.querySelector('.tt-title').textContent,
        rows: [...el.querySelectorAll('.tt-row')].map((r) => ({ label: r.querySelector('.tt-label').textContent, value: r.querySelector('.tt-value').textContent })),
        source: el.querySelector('.tt-source').textContent,
      }));
      let ok;
      if (id === 'unsc-vetoes') {
        const by = t.rows.find((r) => r.label === 'Vetoed by')?.value ?? '';
        const draft = t.rows.find((r) => r.label === 'Draft')?.value;
        ok = rows.some((r) => t.title === fmtPeriod(r.period) && by.includes(r.series) && r.label === draft);
      } else if (id === 'dual-use-figures') {
        // A reported figure: its unit group, the figure as printed (qualifier kept), what and when.
        // (The CSV defuses a leading minus against spreadsheet formulas with a quote.)
        ok = rows.some((r) => t.rows.some((x) => x.label === r.series && x.value === r.label.replace(/^'/, '')) && r.note.startsWith(t.title));
      } else if (id === 'chpl-tiers') {
        ok = rows.some((r) => t.title.includes(r.label) && t.rows.some((x) => x.value === r.series));
      } else {
        ok = rows.some((r) => t.rows.some((x) => x.label === r.series && x.value === fmt(r))
          && (t.title.includes(fmtPeriod(r.period)) || (r.label && t.title.includes(r.label))));
      }
      assert(ok, `tooltip matches a CSV row: ${JSON.stringify(t)}`);
      assert(t.source.startsWith('Source: '), `tooltip names the source: ${t.source}`);
      await page.mouse.move(box.x + box.width + 5, box.y + box.height + 5);

      // Legend: switching the first entry off changes the drawing.
      const pixels = () => chart.evaluate((el) => {
        const c = el.shadowRoot.querySelector('canvas.base');
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let h = 0;
        for (let i = 0; i < d.length; i += 4) h = (h * 31 + d[i] * 7 + d[i + 1] * 3 + d[i + 2]) % 1000000007;
        return h;
      });
      if (probe.legend.length > 0) {
        const before = await pixels();
        await page.mouse.click(box.x + probe.legend[0][0], box.y + probe.legend[0][1]);
        await page.waitForTimeout(120);
        assert((await pixels()) !== before, 'legend toggle changes the pixels');
        await page.mouse.click(box.x + probe.legend[0][0], box.y + probe.legend[0][1]);
        await page.waitForTimeout(120);
        eq(await pixels(), before, 'toggling back restores the drawing');
      }

      // Table view = the CSV's rows.
      await chart.getByRole('button', { name: 'Table' }).click();
      eq(await chart.locator('tbody tr').count(), rows.length, 'table rows = CSV rows');
      await chart.getByRole('button', { name: 'Chart' }).click();

      const [dl] = await Promise.all([page.waitForEvent('download'), chart.getByRole('button', { name: 'Download CSV' }).click()]);
      eq(readFileSync(await dl.path(), 'utf8'), csvText, `downloaded CSV = dragonbear data ${id}`);
      const [png] = await Promise.all([page.waitForEvent('download'), chart.getByRole('button', { name: 'Download PNG' }).click()]);
      const bytes = readFileSync(await png.path());
      eq(bytes.subarray(0, 8).toString('hex'), '89504e470d0a1a0a', 'PNG signature');
      assert(bytes.length > 5000, `PNG has content (${bytes.length} bytes)`);
      await page.screenshot({ path: join(out, `chart-${id}.png`) });
      eq(page.problems.join('\n'), '', 'console errors');
    };
  }
  return tests;
};
