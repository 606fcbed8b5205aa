// The release step (scripts/release.mjs) and its tools: what it relies on holds.
// A new wasm-bindgen, wasm-split or Leptos that changes it fails here, saying
// what changed, rather than on a partner's page. Run after a release build:
//   node --test tests/release.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { distFiles } from './dist-files.mjs';

const tools = Object.fromEntries(readFileSync('scripts/tools.env', 'utf8').split('\n')
  .map((line) => line.match(/^([A-Z_]+)=(\S+)/)).filter(Boolean).map((m) => [m[1], m[2]]));
/** The version of `name` in Cargo.lock (the only one: a second would be ambiguous). */
const locked = (name) => {
  const versions = [...readFileSync('Cargo.lock', 'utf8').matchAll(new RegExp(`name = "${name}"\\nversion = "([^"]+)"`, 'g'))].map((m) => m[1]);
  assert.equal(versions.length, 1, `Cargo.lock has ${versions.length} versions of ${name}`);
  return versions[0];
};

test('each tool\'s version is named once (scripts/tools.env) and agrees with Cargo.lock, Cargo.toml, Trunk.toml and package.json', () => {
  const trunk = readFileSync('Trunk.toml', 'utf8');
  assert.equal(locked('wasm-bindgen'), tools.WASM_BINDGEN, 'wasm-bindgen-cli must be the wasm-bindgen of Cargo.lock (the glue and the crate must agree)');
  assert.match(readFileSync('Cargo.toml', 'utf8'), new RegExp(`^wasm-bindgen = "=${tools.WASM_BINDGEN.replace(/\./g, '\\.')}"$`, 'm'), 'Cargo.toml pins wasm-bindgen exactly');
  assert.match(trunk, new RegExp(`^wasm_bindgen = "${tools.WASM_BINDGEN.replace(/\./g, '\\.')}"$`, 'm'), 'Trunk.toml [tools] wasm_bindgen');
  const binaryenMajor = tools.BINARYEN.split('.')[0];
  assert.match(trunk, new RegExp(`^wasm_opt = "version_${binaryenMajor}"$`, 'm'), 'Trunk.toml [tools] wasm_opt');
  assert.equal(JSON.parse(readFileSync('package.json', 'utf8')).devDependencies.binaryen, tools.BINARYEN, 'package.json binaryen');
  const helpers = locked('wasm_split_helpers').split('.').slice(0, 2).join('.');
  assert.equal(tools.WASM_SPLIT.split('.').slice(0, 2).join('.'), helpers,
    `wasm-split-cli ${tools.WASM_SPLIT} cuts what Leptos's wasm_split_helpers ${locked('wasm_split_helpers')} marks: their minor versions must agree`);
});

test('the glue has the pieces\' loader and engagement.js inside it, and imports nothing', () => {
  const { glue } = distFiles();
  const code = readFileSync(`dist/${glue}`, 'utf8');
  assert.doesNotMatch(code, /\bimport\s*\*?\s*(\w+\s+)?(as\s+\w+\s+)?from\s*["']/, 'no static import left: the loader and the snippet are folded in');
  assert.match(code, /initSync/, 'the glue exports initSync, which the loader calls for the main module\'s exports');
  assert.match(code, /__wasm_split_shared0|__indirect_function_table/, 'the loader takes the table and the shared globals from the main module');
});

test('every piece imports only what the first module exports', () => {
  const { wasm, pieces } = distFiles();
  assert.ok(pieces.length >= 3, `the later pieces: ${pieces.join(', ')}`);
  const exported = new Set(WebAssembly.Module.exports(new WebAssembly.Module(readFileSync(`dist/${wasm}`))).map((e) => e.name));
  for (const piece of pieces) {
    for (const { module, name } of WebAssembly.Module.imports(new WebAssembly.Module(readFileSync(`dist/${piece}`)))) {
      assert.equal(module, '__wasm_split', `${piece} imports from ${module}`);
      assert.ok(exported.has(name), `${piece} imports ${name}, which the first module does not export (--keep-lld-exports?)`);
    }
  }
});

test('embed.js names the hashed files that are there, and every file has its precompressed copies', () => {
  const { glue, wasm, frameHost, pieces } = distFiles();
  const embed = readFileSync('dist/embed.js', 'utf8');
  for (const file of [glue, wasm, frameHost]) assert.ok(embed.includes(file), `embed.js names ${file}`);
  const glueCode = readFileSync(`dist/${glue}`, 'utf8');
  for (const piece of pieces.filter((p) => p.startsWith('split_'))) assert.ok(glueCode.includes(piece), `the glue names ${piece}`);
  for (const file of ['embed.js', 'article-widget.css', glue, wasm, ...pieces]) {
    for (const suffix of ['.br', '.gz']) assert.ok(readFileSync(`dist/${file}${suffix}`).length > 0, `${file}${suffix}`);
  }
});
