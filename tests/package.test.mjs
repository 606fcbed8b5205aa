// The release as partners' toolchains take it: an npm package of the release
// alone, an entry that imports on a server, and hashes that pin every file.
// Run after a release build: node --test tests/package.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { distFiles } from './dist-files.mjs';

const sri = (file, algorithm = 'sha256') => `${algorithm}-${createHash(algorithm).update(readFileSync(`dist/${file}`)).digest('base64')}`;
const pkg = JSON.parse(readFileSync('dist/package.json', 'utf8'));

test('dist/ is an npm package: name, version, types, manifest and entry are there', () => {
  assert.equal(pkg.name, 'article-widget');
  assert.equal(pkg.version, readFileSync('Cargo.toml', 'utf8').match(/^version = "([^"]+)"/m)[1]);
  for (const file of [pkg.types, pkg.customElements, pkg.exports['.'].default, pkg.exports['.'].types, pkg.exports['./embed.js']]) {
    assert.ok(existsSync(`dist/${file}`), `${file} is in dist/`);
  }
});

test('the package holds the release and nothing else: no demo pages, no sample articles', () => {
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: 'dist', encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  const files = packed.files.map((f) => f.path);
  const { embed, glue, wasm, pieces, frameHost, frameHtml, frameJs, frameCss } = distFiles();
  for (const file of [embed, glue, wasm, ...pieces, frameHost, frameHtml, frameJs, frameCss, 'index.js', 'article-widget.css',
    'article-widget.d.ts', 'custom-elements.json', 'integrity.json', 'package.json']) {
    assert.ok(files.includes(file), `${file} is packed`);
  }
  const demo = files.filter((f) => /^(articles|formats)\/|^(index\.html|switcher\.js|events\.js|newsroom\.js|promotions\.json)/.test(f));
  assert.deepEqual(demo, []);
});

test('the entry imports on a server without error and resolves to null, even where navigator is global (Node 21+)', async () => {
  const hadNavigator = 'navigator' in globalThis;
  if (!hadNavigator) globalThis.navigator = { userAgent: 'Node.js' };
  try {
    const { loadArticleWidget } = await import(pathToFileURL('dist/index.js').href);
    assert.equal(await loadArticleWidget('https://cdn.example.com/embed.js'), null);
    assert.equal(await loadArticleWidget('https://cdn.example.com/embed.js'), null);
  } finally {
    if (!hadNavigator) delete globalThis.navigator;
  }
});

test('integrity.json pins embed.js, and embed.js pins each file it loads, as the glue pins each piece', () => {
  assert.deepEqual(JSON.parse(readFileSync('dist/integrity.json', 'utf8')), { 'embed.js': sri('embed.js', 'sha384') });
  const embed = readFileSync('dist/embed.js', 'utf8');
  const { glue, wasm, pieces, frameHost, frameJs, frameCss, frameHtml } = distFiles();
  for (const file of [glue, wasm, frameHost]) assert.ok(embed.includes(`"${file}":"${sri(file)}"`), `embed.js has ${file}'s hash`);
  const code = readFileSync(`dist/${glue}`, 'utf8');
  for (const piece of pieces) assert.ok(code.includes(sri(piece)), `the glue has ${piece}'s hash`);
  const frame = readFileSync(`dist/${frameHtml}`, 'utf8');
  const frameEmbed = frame.match(/"(frame-embed-[0-9a-f]{16}\.js)"/)[1];
  for (const file of [frameJs, frameCss, frameEmbed]) assert.ok(frame.includes(`"${file}" integrity="${sri(file)}"`), `the frame pins ${file}`);
  const inFrame = readFileSync(`dist/${frameEmbed}`, 'utf8');
  for (const file of [glue, wasm]) assert.ok(inFrame.includes(`"${file}":"${sri(file)}"`), `the frame's embed.js has ${file}'s hash`);
});
