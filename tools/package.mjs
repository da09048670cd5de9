// Completes the npm package wasm-pack wrote to pkg/: each chart's data file (data/ID.json, which
// the wasm does not compile in), the custom-element loader (element.js, the same code as
// www/embed.js, importing ./dragonbear.js), the dataset JSON Schema, a README, and the
// package.json fields that list them. Needs the native CLI (target/release/dragonbear).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, copyFileSync, rmSync } from 'node:fs';
import { loader } from './loader.mjs';
const pkg = JSON.parse(readFileSync('pkg/package.json', 'utf8'));
rmSync('pkg/data', { recursive: true, force: true });
execFileSync('target/release/dragonbear', ['bundle', 'pkg/data'], { stdio: 'inherit' });
writeFileSync('pkg/element.js', loader({ pkg: true }));
copyFileSync('schema/dataset.schema.json', 'pkg/dataset.schema.json');
writeFileSync('pkg/README.md', readFileSync('README.md', 'utf8'));
pkg.description = 'China–Russia relations in data: sourced datasets drawn as interactive canvas charts (Rust → WebAssembly)';
pkg.files = [...new Set([...(pkg.files || []), 'data/', 'element.js', 'dataset.schema.json', 'README.md'])];
pkg.exports = {
  '.': { types: './dragonbear.d.ts', default: './dragonbear.js' },
  './element': './element.js',
  './element.js': './element.js',
  './dataset.schema.json': './dataset.schema.json',
  './dragonbear_bg.wasm': './dragonbear_bg.wasm',
  './data/*': './data/*',
};
pkg.module = 'dragonbear.js';
pkg.sideEffects = ['./element.js', './snippets/*'];
writeFileSync('pkg/package.json', JSON.stringify(pkg, null, 2) + '\n');
console.log(`pkg/: ${pkg.name}@${pkg.version}, files ${pkg.files.join(', ')}`);
