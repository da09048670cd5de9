// Completes the npm package wasm-pack wrote to pkg/: the custom-element loader (element.js, the
// same code as www/embed.js, importing ./dragonbear.js), the dataset JSON Schema, a README, and
// the package.json fields that list them.
import { readFileSync, writeFileSync, copyFileSync } from 'node:fs';
const pkg = JSON.parse(readFileSync('pkg/package.json', 'utf8'));
const loader = readFileSync('www/embed.js', 'utf8').replaceAll('./pkg/', './');
writeFileSync('pkg/element.js', loader);
copyFileSync('schema/dataset.schema.json', 'pkg/dataset.schema.json');
writeFileSync('pkg/README.md', readFileSync('README.md', 'utf8'));
pkg.description = 'China–Russia relations in data: sourced datasets drawn as interactive canvas charts (Rust → WebAssembly)';
pkg.files = [...new Set([...(pkg.files || []), 'element.js', 'dataset.schema.json', 'README.md'])];
pkg.exports = {
  '.': { types: './dragonbear.d.ts', default: './dragonbear.js' },
  './element': './element.js',
  './element.js': './element.js',
  './dataset.schema.json': './dataset.schema.json',
  './dragonbear_bg.wasm': './dragonbear_bg.wasm',
};
pkg.module = 'dragonbear.js';
pkg.sideEffects = ['./element.js', './snippets/*'];
writeFileSync('pkg/package.json', JSON.stringify(pkg, null, 2) + '\n');
console.log(`pkg/: ${pkg.name}@${pkg.version}, files ${pkg.files.join(', ')}`);
