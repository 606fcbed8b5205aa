// The element's description (src/embed/element.json) against the code it
// describes, and the files generated from it against TypeScript: what partners'
// editors and type checkers are told is what the element does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { description, eventNames, manifest, typescript } from '../scripts/element.mjs';

const element = description();
const read = (file) => readFileSync(file, 'utf8');
const sources = (dir, ext) => readdirSync(dir, { recursive: true }).filter((f) => f.endsWith(ext)).map((f) => read(join(dir, f)));
const sorted = (values) => [...new Set(values)].sort();

test('the attributes embed.js observes are the described ones (with theme, which is CSS alone, and loading, read at start)', () => {
  const observed = JSON.parse(read('src/embed.js').match(/var ATTRIBUTES = (\[[^\]]*\]);/)[1].replace(/'/g, '"'));
  assert.deepEqual(sorted([...observed, 'theme', 'loading']), sorted(element.attributes.map((a) => a.name)));
});

test('every part the code renders is described, and every described part is rendered', () => {
  const rust = sources('src', '.rs').join('\n');
  const js = ['src/embed.js', 'src/frame-host.js', 'src/frame.js'].map(read).join('\n');
  const rendered = [
    ...[...rust.matchAll(/part="([a-z-]+)"/g)].map((m) => m[1]),
    ...[...js.matchAll(/setAttribute\('part', '([a-z-]+)'\)/g)].map((m) => m[1]),
  ];
  assert.deepEqual(sorted(rendered), sorted(element.parts.map((p) => p.name)));
});

test('every event the code dispatches is described, with the fields of its detail', () => {
  const host = read('src/view/host.rs');
  const dispatched = [...host.matchAll(/self\.(?:dispatch|article_event)\(\s*"([a-z]+)"/g)].map((m) => m[1]);
  assert.deepEqual(sorted(dispatched), sorted(element.events.map((e) => e.name)));
  // Each event's fields, as the doc comment above its method in host.rs gives them.
  for (const event of element.events) {
    const doc = host.match(new RegExp(`\`article-widget:${event.name}\` with \`\\{ ([a-z, ]+) \\}\``));
    assert.ok(doc, `host.rs documents the detail of ${event.name}`);
    assert.deepEqual(doc[1].split(', '), Object.keys(event.detail), event.name);
  }
  // The frame relays the same events.
  const relayed = read('src/frame-host.js').match(/\/\^\(([a-z|]+)\)\$\/\.test\(data\.type\)\) emit/)[1].split('|');
  assert.deepEqual(sorted(relayed), sorted(element.events.map((e) => e.name)));
});

test('the custom properties widget.css documents are the described ones', () => {
  const css = read('style/widget.css');
  const documented = [...css.slice(0, css.indexOf('*/')).matchAll(/^ \*\s+(--article-widget-[a-z-]+)/gm)].map((m) => m[1]);
  const reserve = [...read('src/embed.js').matchAll(/var\((--article-widget-[a-z-]+)/g)].map((m) => m[1]);
  assert.deepEqual(sorted([...documented, ...reserve]), sorted(element.cssProperties.map((p) => p.name)));
});

test('the release carries the types and manifest generated from the description', () => {
  assert.equal(read('dist/article-widget.d.ts'), typescript(element));
  const shipped = JSON.parse(read('dist/custom-elements.json'));
  assert.deepEqual(shipped, manifest(element));
  const declaration = shipped.modules[0].declarations[0];
  assert.equal(shipped.schemaVersion.split('.')[0], '2');
  assert.equal(declaration.tagName, 'article-widget');
  assert.deepEqual(declaration.events.map((e) => e.name), eventNames(element));
  for (const list of ['attributes', 'members', 'events', 'cssParts', 'cssProperties']) {
    for (const item of declaration[list]) assert.ok(item.description, `${list}: ${item.name} has a description`);
  }
});

/** Runs `tsc --strict` over `files` (from tests/types/) beside the release's
 * article-widget.d.ts; returns the error lines, as `file:line`. With `react`,
 * in a directory that finds React's types (node_modules); without, in one that
 * finds none, as on a partner's project without React. */
function typecheck(files, { react }) {
  const dir = mkdtempSync(react ? join(process.cwd(), 'target', 'types-') : join(tmpdir(), 'article-widget-types-'));
  try {
    copyFileSync('dist/article-widget.d.ts', join(dir, 'article-widget.d.ts'));
    for (const file of files) copyFileSync(join('tests/types', file), join(dir, file));
    const args = ['--strict', '--noEmit', '--target', 'es2022', '--module', 'esnext', '--moduleResolution', 'bundler',
      '--lib', 'dom,es2022', '--jsx', 'react-jsx', ...files.map((f) => join(dir, f))];
    let output = '';
    try {
      execFileSync(join(process.cwd(), 'node_modules/.bin/tsc'), args, { cwd: dir, encoding: 'utf8' });
    } catch (error) {
      output = error.stdout;
    }
    return [...new Set([...output.matchAll(/([\w-]+\.tsx?)\((\d+),\d+\): error/g)].map((m) => `${m[1]}:${m[2]}`))];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The lines of a fixture marked `// rejected`. */
const rejected = (file) => read(join('tests/types', file)).split('\n')
  .flatMap((line, i) => (/\/\/ rejected/.test(line) ? [`${file}:${i + 1}`] : []));

test('tsc --strict accepts correct use of the element in TypeScript, without React\'s types', () => {
  assert.deepEqual(typecheck(['correct.ts'], { react: false }), []);
});

test('tsc --strict rejects wrong use in TypeScript: each line marked rejected, and only those', () => {
  assert.deepEqual(typecheck(['wrong.ts'], { react: false }), rejected('wrong.ts'));
});

test('tsc --strict accepts correct use in React 19\'s JSX and rejects wrong use, line by line', () => {
  assert.deepEqual(typecheck(['correct.tsx'], { react: true }), []);
  assert.deepEqual(typecheck(['wrong.tsx'], { react: true }), rejected('wrong.tsx'));
});
