// The release step, which Trunk runs after its build (Trunk.toml's post-build
// hook) on its staging directory (or `node scripts/release.mjs DIR`):
//
// 1. Split: Leptos's code splitting (src/split.rs). Trunk has no step between
//    cargo and wasm-bindgen, so this redoes what follows cargo on the module
//    cargo built (with the `split` feature, linked with its relocations):
//    wasm-split cuts it into the first module and the later pieces, wasm-bindgen
//    makes the glue for the first, wasm-opt optimises each (the steps and
//    options of cargo-leptos's `--split`). What Trunk made of the whole module is
//    replaced. Debug builds (`trunk serve`) are left whole, and not compressed.
// 2. Fold: the JavaScript the Rust code imports (src/view/engagement.js,
//    src/tasks.js) and the
//    pieces' loader go inside the glue: as files they were requests the glue
//    waited for on the way to the first headline (measured), and the loader and
//    the glue import each other.
// 3. Name: every file embed.js loads gets a content-hashed name (a CDN may cache
//    it for ever) and the names inside the files that load them are rewritten;
//    embed.js keeps its stable name. The glue and embed.js are minified.
//    Each file embed.js loads, and each piece the glue loads, is loaded with its
//    Subresource Integrity hash, written into the file that loads it.
// 4. Package: types, manifest, integrity.json and package.json (partners'
//    toolchains).
// 5. Compress: every file gets a `.br` and a `.gz` beside it.
//
// The tools are those of scripts/tools.env (installed by scripts/setup). Every
// rewrite insists on finding what it rewrites, and says what is missing: a new
// wasm-bindgen or wasm-split that changes its output stops the build here, not on
// a partner's page. tests/release.test.mjs checks the result.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { minify } from 'terser';
import { writeElementFiles } from './element.mjs';

const NAME = 'article-widget';
const dir = process.env.TRUNK_STAGING_DIR || process.argv[2];
if (!dir) throw new Error('usage: node scripts/release.mjs DIR (or run as Trunk\'s post-build hook)');
const release = !process.env.TRUNK_PROFILE || process.env.TRUNK_PROFILE === 'release';
const path = (name) => join(dir, name);
const read = (name) => readFileSync(path(name), 'utf8');
const run = (command, args) => execFileSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });

/** Rewrites `from` → `to` in `file`, insisting that each is there. */
function rewrite(file, renames) {
  let text = read(file);
  for (const [from, to] of renames) {
    if (!text.includes(from)) throw new Error(`release step: ${file} does not mention ${from}: has a tool's output changed?`);
    text = text.split(from).join(to);
  }
  writeFileSync(path(file), text);
}

// ---- 1. Split -------------------------------------------------------------

function split() {
  const targetDir = process.env.CARGO_TARGET_DIR || 'target';
  const built = join(targetDir, 'wasm32-unknown-unknown', 'release', 'article_widget.wasm');
  const splitter = join(process.env.HOME, '.cache', 'article-widget', 'bin', 'wasm-split-cli');
  const work = mkdtempSync(join(tmpdir(), 'article-widget-split-'));
  try {
    run(splitter, [built, work, '--out-name', NAME]);
    const pieces = readdirSync(work).filter((f) => f.endsWith('.wasm') && f !== `${NAME}.wasm`);
    if (!pieces.length) throw new Error('release step: wasm-split found no split point: was the module built with --features split?');
    const bindgen = join(work, 'bindgen');
    run('wasm-bindgen', ['--target=web', '--keep-lld-exports', `--out-name=${NAME}`, `--out-dir=${bindgen}`, '--no-typescript', join(work, `${NAME}.wasm`)]);
    // PROFILE=1 keeps the functions' names, for a profiler (bench/profile.mjs).
    const names = process.env.PROFILE ? ['-g'] : [];
    run('wasm-opt', ['-Oz', ...names, join(bindgen, `${NAME}_bg.wasm`), `--output=${path(`${NAME}_bg.wasm`)}`]);
    copyFileSync(join(bindgen, `${NAME}.js`), path(`${NAME}.js`));
    rmSync(path('snippets'), { recursive: true, force: true });
    execFileSync('cp', ['-r', join(bindgen, 'snippets'), path('snippets')]);
    for (const piece of pieces) run('wasm-opt', ['-Oz', ...names, join(work, piece), `--output=${path(piece)}`]);
    copyFileSync(join(work, '__wasm_split.js'), path('__wasm_split.js'));
    console.log(`release step: the first module and ${pieces.length} pieces (${pieces.join(', ')})`);
    return pieces;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

// ---- 2. Fold --------------------------------------------------------------

/** Folds each JavaScript file the Rust code imports (wasm-bindgen's snippets:
 * src/view/engagement.js, src/tasks.js) into the glue. */
function foldSnippets() {
  const snippets = readdirSync(path('snippets'), { recursive: true }).filter((f) => f.endsWith('.js'));
  if (snippets.length < 2) throw new Error(`release step: expected the snippets engagement.js and tasks.js, found ${snippets.join(', ') || 'none'}`);
  let glue = read(`${NAME}.js`);
  for (const snippet of snippets) {
    const code = read(join('snippets', snippet));
    const exported = [...code.matchAll(/^export function (\w+)/gm)].map((m) => m[1]);
    if (!exported.length) throw new Error(`release step: ${snippet} exports no function`);
    const escaped = snippet.split(/[\\/]/).join('/').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const importStatement = new RegExp(`import \\* as (\\w+) from "\\./snippets/${escaped}";?`);
    const imported = glue.match(importStatement);
    if (!imported) throw new Error(`release step: the glue does not import ${snippet} as wasm-bindgen did`);
    glue = glue.replace(importStatement,
      () => `const ${imported[1]} = (() => {\n${code.replace(/^export function /gm, 'function ')}\nreturn { ${exported.join(', ')} };\n})();`);
  }
  writeFileSync(path(`${NAME}.js`), glue);
  rmSync(path('snippets'), { recursive: true });
}

function foldLoader() {
  const source = read('__wasm_split.js');
  const loader = source
    .replace(/^import \{ initSync \} from "\.\/article-widget\.js";\s*$/m, '')
    .replace(/^export const /gm, 'const ');
  if (/^(import|export) /m.test(loader)) throw new Error('release step: __wasm_split.js imports or exports more than expected');
  const loaders = [...source.matchAll(/^export const (\w+)/gm)].map((m) => m[1]);
  const imports = /^import \* as (\w+) from "\.\/__wasm_split\.js";?$/gm;
  let glue = read(`${NAME}.js`);
  if (!imports.test(glue)) throw new Error('release step: the glue does not import __wasm_split.js as wasm-bindgen did');
  let first = true;
  glue = glue.replace(imports, (_, name) => {
    const inlined = first ? `const __wasm_split = (() => {\n${loader}\nreturn { ${loaders.join(', ')} };\n})();\n` : '';
    first = false;
    return `${inlined}const ${name} = __wasm_split;`;
  });
  writeFileSync(path(`${NAME}.js`), glue);
  rmSync(path('__wasm_split.js'));
}

// ---- 3. Name --------------------------------------------------------------

/** Renames `name` to `stem-HASH.ext` after its content; returns the new name. */
function hashName(name) {
  const hash = createHash('sha256').update(readFileSync(path(name))).digest('hex').slice(0, 16);
  const dot = name.endsWith('_bg.wasm') ? name.length - '_bg.wasm'.length : name.lastIndexOf('.');
  const hashed = `${name.slice(0, dot)}-${hash}${name.slice(dot)}`;
  renameSync(path(name), path(hashed));
  return hashed;
}

/** Minifies a script in place (`module`: an ES module, whose top level is private). */
async function minifyFile(file, module) {
  const { code } = await minify(read(file), { compress: true, mangle: true, module });
  writeFileSync(path(file), code);
}

/** The Subresource Integrity hash of `name`'s content: SHA-256 inside the
 * release (each costs the first paint its bytes), SHA-384 for embed.js's own,
 * as partners expect to paste it. */
const sri = (name, algorithm = 'sha256') => `${algorithm}-${createHash(algorithm).update(readFileSync(path(name))).digest('base64')}`;

/** Writes into `file` (a copy of embed.js) the hashed names of the glue and
 * the wasm and the hashes of `pinned`, and minifies it. */
async function pinEmbed(file, pinned) {
  const [glue, wasm] = pinned;
  rewrite(file, [
    [`'${NAME}.js'`, `'${glue}'`],
    [`'${NAME}_bg.wasm'`, `'${wasm}'`],
    ['var INTEGRITY = {};', `var INTEGRITY = ${JSON.stringify(Object.fromEntries(pinned.map((f) => [f, sri(f)])))};`],
  ]);
  await minifyFile(file, false);
}

async function name(pieces) {
  // Leaves first, so each file is hashed after the names inside it are final.
  const hashedPieces = pieces.map((piece) => [piece, hashName(piece)]);
  const wasm = hashName(`${NAME}_bg.wasm`);
  rewrite(`${NAME}.js`, [
    [`'${NAME}_bg.wasm'`, `'${wasm}'`],
    ...hashedPieces.map(([from, to]) => [`"./${from}"`, `"./${to}"`]),
  ]);
  // The pieces' loader fetches each piece with its hash: a piece that is not
  // the release's is refused.
  rewrite(`${NAME}.js`, hashedPieces.map(([, to]) => [
    `fetch(new URL("./${to}", import.meta.url))`,
    `fetch(new URL("./${to}", import.meta.url), { integrity: "${sri(to)}" })`,
  ]));
  await minifyFile(`${NAME}.js`, true);
  const glue = hashName(`${NAME}.js`);
  const frameCss = hashName('frame.css');
  const frameJs = hashName('frame.js');
  // (A frame's page carries no hash: it pins what it loads itself, embed.js
  // included: a copy of its own, which pins the glue and the wasm, written
  // before the frame's page is named, as embed.js names that page's host script.)
  copyFileSync(path('embed.js'), path('frame-embed.js'));
  await pinEmbed('frame-embed.js', [glue, wasm]);
  const frameEmbed = hashName('frame-embed.js');
  rewrite('frame.html', [
    ['"frame.css"', `"${frameCss}" integrity="${sri(frameCss)}"`],
    ['"embed.js"', `"${frameEmbed}" integrity="${sri(frameEmbed)}"`],
    ['"frame.js"', `"${frameJs}" integrity="${sri(frameJs)}"`],
  ]);
  const frameHtml = hashName('frame.html');
  rewrite('frame-host.js', [['}frame.html#', `}${frameHtml}#`]]);
  const frameHost = hashName('frame-host.js');
  // embed.js loads the glue, the wasm and the frame's host script with their
  // hashes: the one hash on a pinned script tag covers the whole release.
  rewrite('embed.js', [["'frame-host.js'", `'${frameHost}'`]]);
  await pinEmbed('embed.js', [glue, wasm, frameHost]);
  console.log(`release step: hashed ${[...hashedPieces.map((p) => p[1]), wasm, glue, frameCss, frameJs, frameEmbed, frameHtml, frameHost].join(' ')}`);
}

// ---- 4. Package -------------------------------------------------------------

/** What partners' toolchains read: the types and the manifest (from
 * src/embed/element.json), embed.js's own hash, and a package.json that makes
 * the release (and only it: no demo pages, no sample articles) an npm package. */
function packageRelease() {
  writeElementFiles(dir);
  writeFileSync(path('integrity.json'), `${JSON.stringify({ 'embed.js': sri('embed.js', 'sha384') }, null, 2)}\n`);
  const version = readFileSync(new URL('../Cargo.toml', import.meta.url), 'utf8').match(/^version = "([^"]+)"/m)[1];
  const pkg = {
    name: NAME,
    version,
    description: 'A news article widget for partner pages: <article-widget src="…">, one script tag.',
    license: 'MIT',
    type: 'module',
    exports: {
      '.': { types: './article-widget.d.ts', default: './index.js' },
      './embed.js': './embed.js',
      './article-widget.css': './article-widget.css',
      './custom-elements.json': './custom-elements.json',
      './integrity.json': './integrity.json',
      './package.json': './package.json',
    },
    types: './article-widget.d.ts',
    customElements: './custom-elements.json',
    sideEffects: ['./embed.js'],
    files: ['embed.js*', 'index.js*', 'article-widget*', 'chunk_*', 'split_*', 'frame*', 'custom-elements.json*', 'integrity.json*'],
  };
  writeFileSync(path('package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
}

// ---- 5. Compress ----------------------------------------------------------

function compress() {
  let count = 0;
  for (const name of readdirSync(dir, { recursive: true })) {
    if (/\.(br|gz)$/.test(name) || !statSync(path(name)).isFile()) continue;
    const bytes = readFileSync(path(name));
    writeFileSync(path(`${name}.br`), brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }));
    writeFileSync(path(`${name}.gz`), gzipSync(bytes, { level: 9 }));
    count += 1;
  }
  console.log(`release step: ${count} files precompressed (.br and .gz beside each)`);
}

if (release) {
  const pieces = split();
  foldSnippets();
  foldLoader();
  await name(pieces);
  packageRelease();
  compress();
} else {
  // A debug build (`trunk serve`): whole, its glue and names as in a release.
  foldSnippets();
  await name([]);
  packageRelease();
}
