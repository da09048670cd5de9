// Every chart in French and in German says no English word: each chart id is rendered with lang=fr
// and lang=de, and the shadow DOM text, the canvas's aria-label, the tooltip of a hovered point, the
// table view's header and the Sources panel are searched for
//  - the English words of the interface (the en table's phrases, as `dragonbear words en` prints
//    them from the locale table, minus the words the language's own table also uses: "Sources",
//    "Total" are French too), as whole words, case-sensitive, three letters or more — the rule of
//    the native tests/locale_words.rs;
//  - the chart's English title and series labels (from `dragonbear list` / `dragonbear data ID`)
//    where the language's translation differs, as whole phrases.
// Words the dataset shows as sourced are not the widget's: records (point labels and notes) are cut
// out of the text, and the words of records, source titles and publishers are allowed wherever they
// appear (the rule of tests/locale_words.rs). A source's coverage and licence are the project's
// words: the datasets translate them.
// A failure lists every (language, chart, place, word) found.
import { readdirSync } from 'node:fs';
import { csvRows } from './csv.mjs';

/** Names that read the same in every language (units, codes, proper names in the table): the list
 * of tests/locale_words.rs. */
const NAMES = ['SIPRI', 'TIV', 'HS', 'US', 'CSV', 'PNG', 'China', 'Russia'];

const words = (s) => s.split(/[^\p{L}]+/u).filter((w) => [...w].length >= 3);
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const wholeWord = (phrase) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(phrase)}(?![\\p{L}\\p{N}])`, 'u');

export default ({ SITE, newPage, settled, execFileSync, readFileSync, join, root }) => {
  const cli = (...args) => execFileSync(join(root, 'target', 'release', 'dragonbear'), args, { encoding: 'utf8' });
  const charts = cli('list').trim().split('\n').map((l) => l.split('\t')).map(([id, , title]) => ({ id, title }));
  const tables = {};
  /** The phrases of the interface in `lang`, one per key, in the same key order for every language. */
  const table = (lang) => (tables[lang] ??= cli('words', lang).trim().split('\n'));
  const english = (lang) => {
    const theirs = new Set(table(lang).flatMap(words));
    return new Set(table('en').flatMap(words).filter((w) => !theirs.has(w) && !NAMES.includes(w)));
  };
  const datasets = readdirSync(join(root, 'data')).filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(root, 'data', f), 'utf8')));

  /** The chart's English title and series labels that `lang` translates differently, and what it
   * shows as sourced: records and sources' own names (cut out of the text), and their words and
   * those of repository and file paths (allowed wherever they appear). */
  function dataWords(chart, lang) {
    const rows = csvRows(cli('data', chart.id)).slice(1);
    const labels = [...new Set(rows.map((r) => r[0]))];
    const own = datasets.find((d) => d.title === chart.title);
    const mine = [own, ...datasets.filter((d) => d !== own && d.series.some((s) => labels.includes(s.label)))];
    const translated = (english, get) => mine.map(get).find((t) => t !== undefined && t !== english);
    const phrases = [];
    if (translated(chart.title, (d) => d === own ? d[lang]?.title : undefined)) phrases.push(chart.title);
    for (const l of labels) {
      if (translated(l, (d) => { const s = d.series.find((s) => s.label === l); return s && d[lang]?.series?.[s.id]?.label; })) phrases.push(l);
    }
    // Records and the names sources give themselves (titles, publishers) are cut out of the text.
    const records = mine.flatMap((d) => [...d.series.flatMap((s) => s.points.flatMap((p) => [p.label, p.note])), ...d.sources.flatMap((s) => [s.title, s.publisher])])
      .filter((r) => r && r.length > 1);
    records.sort((a, b) => b.length - a.length);
    // Records are shown as sourced, whole or in part (a figure's description as its tooltip title):
    // their words are theirs wherever they appear. A source's repository and file paths are names
    // too (`data/un_votes.rda`).
    const paths = mine.flatMap((d) => d.sources.flatMap((s) => [s.repository ?? '', ...(s.path ?? '').split(/[\s,]+/).filter((t) => /[/.]/.test(t))]));
    const sourced = new Set([...records, ...paths].flatMap(words));
    return { phrases, records: [...new Set(records)], sourced };
  }

  /** What a reader of chart `id` in `lang` is shown, by place. */
  async function shown(id, lang) {
    const page = await newPage({ viewport: { width: 1000, height: 900 } });
    await page.goto(`${SITE}/embed.html?chart=${id}&theme=light&lang=${lang}`);
    await page.waitForFunction(settled(), null, { timeout: 20000 });
    const chart = page.locator('dragonbear-chart');
    if ((await chart.getAttribute('data-state')) !== 'ready') throw new Error(`${lang} ${id}: not ready`);
    const text = () => chart.evaluate((el) => {
      const out = [];
      const walk = (n) => {
        if (n.nodeType === 3) out.push(n.textContent);
        else if (!['STYLE', 'SCRIPT'].includes(n.nodeName)) {
          for (const a of ['aria-label', 'title', 'alt', 'placeholder']) if (n.getAttribute?.(a)) out.push(n.getAttribute(a));
          for (const c of n.childNodes) walk(c);
        }
      };
      walk(el.shadowRoot);
      return out.join('\n');
    });
    const places = {};
    places['shadow DOM'] = await text();
    places['aria-label'] = await chart.evaluate((el) => el.shadowRoot.querySelector('canvas.base').getAttribute('aria-label') ?? '');
    // The tooltip of the middle hover target.
    const box = await chart.boundingBox();
    const probe = await chart.evaluate((el) => el.probe());
    if (probe.targets.length) {
      const [tx, ty] = probe.targets[Math.floor(probe.targets.length / 2)];
      await page.mouse.move(box.x + tx, box.y + ty);
      const tip = chart.locator('[role=tooltip]');
      await tip.waitFor({ state: 'visible', timeout: 3000 });
      places.tooltip = await tip.evaluate((t) => t.innerText || t.textContent);
      await page.mouse.move(0, 0);
    } else {
      places.tooltip = '(no hover target)';
    }
    // The table view's header, then the Sources panel (the toolbar buttons, named in the language).
    const name = (key) => table(lang)[table('en').indexOf(key)];
    await chart.getByRole('button', { name: name('Table'), exact: true }).click();
    places['table header'] = (await chart.locator('thead th').allTextContents()).join(' | ');
    await chart.getByRole('button', { name: name('Chart'), exact: true }).click();
    await chart.getByRole('button', { name: name('Sources'), exact: true }).click();
    places['Sources panel'] = await chart.evaluate((el) => {
      const panel = el.shadowRoot.querySelector('.sources');
      return panel && !panel.hidden ? panel.innerText : '(no Sources panel)';
    });
    places['shadow DOM (Sources open)'] = await text();
    await page.context().close();
    return places;
  }

  /** The English words and titles/labels found in what chart `chart` showed (`places`), by the
   * rules of language `lang`. */
  function englishIn(chart, lang, places, forbidden = english(lang)) {
    const found = [];
    const { phrases, records, sourced } = dataWords(chart, lang);
    for (const [place, raw] of Object.entries(places)) {
      // Names, not words: records, quotations in straight double quotes (a source's words as
      // printed), web addresses and domains (Table.Media), chart ids (unga-agreement).
      const text = records.reduce((t, r) => t.split(r).join(' R '), raw)
        .replace(/"[^"\n]*"/g, ' Q ')
        .replace(/\S+:\/\/\S+|[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+/gu, ' U ')
        .replace(new RegExp(`(?<![\\p{L}-])(${charts.map((c) => escape(c.id)).join('|')})(?![\\p{L}-])`, 'gu'), ' I ');
      const hits = new Set();
      for (const w of words(text)) if (forbidden.has(w) && !sourced.has(w)) hits.add(`"${w}"`);
      for (const p of phrases) if (wholeWord(p).test(text)) hits.add(`title/label "${p}"`);
      for (const h of hits) found.push(`${lang} ${chart.id}, ${place}: ${h}`);
    }
    return found;
  }

  const tests = {};
  tests['every chart in fr and de: no English word of the interface, no English title or series label, in the shadow DOM, aria-label, tooltip, table header and Sources panel'] = async () => {
    // The check can fail: the English page of a chart, read by the French rules, is full of them.
    const control = englishIn(charts.find((c) => c.id === 'trade-annual'), 'fr', await shown('trade-annual', 'en'));
    for (const want of ['fr trade-annual, shadow DOM: "Values"', 'fr trade-annual, table header: "Period"', 'fr trade-annual, shadow DOM: title/label "China–Russia goods trade, 1992–2025 (China-reported)"']) {
      if (!control.includes(want)) throw new Error(`the check misses ${want} on the English page:\n  ${control.join('\n  ')}`);
    }
    const found = [];
    for (const lang of ['fr', 'de']) {
      const forbidden = english(lang);
      for (const chart of charts) {
        let places;
        try {
          places = await shown(chart.id, lang);
        } catch (e) {
          found.push(`${lang} ${chart.id}: ${String(e.message || e).split('\n')[0]}`);
          continue;
        }
        for (const [place, text] of Object.entries(places)) {
          if (!text.trim() || text.startsWith('(no ')) found.push(`${lang} ${chart.id}, ${place}: nothing to read (${text})`);
        }
        found.push(...englishIn(chart, lang, places, forbidden));
      }
    }
    if (found.length) throw new Error(`${found.length} English words where the reader asked for French or German:\n  ${found.join('\n  ')}`);
  };
  return tests;
};
