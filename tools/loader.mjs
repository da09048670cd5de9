// The loader as served: www/embed.js with its list of bundled charts filled in from the crate's
// chart registry (`dragonbear list`), so that it fetches a chart's data file (pkg/data/ID.json,
// `dragonbear bundle`) at the same time as the wasm, and nothing for an id that is not a chart's.
//   node tools/loader.mjs OUT [--pkg]     --pkg: for the npm package (the wasm beside it, not in ./pkg/)
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

export function loader({ pkg = false } = {}) {
  const ids = execFileSync('target/release/dragonbear', ['list'], { encoding: 'utf8' })
    .trim().split('\n').map((l) => l.split('\t')[0]);
  const src = readFileSync('www/embed.js', 'utf8');
  const empty = 'const CHART_IDS = [];';
  if (src.split(empty).length !== 2) throw new Error(`www/embed.js: expected one "${empty}"`);
  const filled = src.replace(empty, `const CHART_IDS = ${JSON.stringify(ids)};`);
  return pkg ? filled.replaceAll('./pkg/', './') : filled;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const [out, flag] = process.argv.slice(2);
  if (!out) throw new Error('usage: node tools/loader.mjs OUT [--pkg]');
  writeFileSync(out, loader({ pkg: flag === '--pkg' }));
}
