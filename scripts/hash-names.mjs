// Trunk's post-build hook: minifies the JavaScript the widget loads (embed.js and
// the wasm-bindgen glue, which Trunk leaves as generated), gives every file
// embed.js loads a content-hashed name (so a CDN can cache it forever) and
// rewrites the references to them; embed.js keeps its stable name (cached
// briefly; see the README's "Caching" recipe). Runs on Trunk's staging
// directory, or on the folder given.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { minify } from 'terser';

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2] || 'dist';
const path = (name) => join(dir, name);
const read = (name) => readFileSync(path(name), 'utf8');

/** Rewrites `from` → `to` in `file`, insisting that the reference is there. */
function rewrite(file, renames) {
  let text = read(file);
  for (const [from, to] of renames) {
    if (!text.includes(from)) throw new Error(`${file} does not mention ${from}`);
    text = text.split(from).join(to);
  }
  writeFileSync(path(file), text);
}

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

// wasm-bindgen puts the JavaScript the Rust code imports (`src/fetch/engagement.js`)
// under snippets/CRATE-ID/, for the glue to import. It goes inside the glue
// instead: a separate module was a request the glue waited for, 15–25 ms on the
// way to the first headline (measured, issue 12).
const snippet = readdirSync(path('snippets'), { recursive: true }).find((f) => f.endsWith('engagement.js'));
if (!snippet) throw new Error('no engagement.js snippet in the build');
const engagementCode = read(join('snippets', snippet));
rmSync(path('snippets'), { recursive: true });
const exported = [...engagementCode.matchAll(/^export function (\w+)/gm)].map((m) => m[1]);
if (!exported.length) throw new Error('engagement.js exports no function');
const importStatement = new RegExp(`import \\* as (\\w+) from "\\./snippets/${snippet.split(/[\\/]/).join('/').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}";?`);
const glueSource = read('article-widget.js');
const imported = glueSource.match(importStatement);
if (!imported) throw new Error('the glue does not import engagement.js');
writeFileSync(path('article-widget.js'), glueSource.replace(importStatement,
  () => `const ${imported[1]} = (() => {\n${engagementCode.replace(/^export function /gm, 'function ')}\nreturn { ${exported.join(', ')} };\n})();`));

// The loader of the module's later pieces (scripts/split.mjs) goes inside the glue
// too: the glue imports it and it imports the glue, so as files they would be
// one more round trip before the first headline, and a cycle of hashed names.
let pieces = [];
if (readdirSync(dir).includes('__wasm_split.js')) {
  const loader = read('__wasm_split.js')
    .replace(/^import \{ initSync \} from "\.\/article-widget\.js";\s*$/m, '')
    .replace(/^export const /gm, 'const ');
  if (/^(import|export) /m.test(loader)) throw new Error('__wasm_split.js imports or exports more than expected');
  const loaders = [...read('__wasm_split.js').matchAll(/^export const (\w+)/gm)].map((m) => m[1]);
  const imports = /^import \* as (\w+) from "\.\/__wasm_split\.js";?$/gm;
  let glue = read('article-widget.js');
  if (!imports.test(glue)) throw new Error('the glue does not import __wasm_split.js');
  let first = true;
  glue = glue.replace(imports, (_, name) => {
    const inlined = first ? `const __wasm_split = (() => {\n${loader}\nreturn { ${loaders.join(', ')} };\n})();\n` : '';
    first = false;
    return `${inlined}const ${name} = __wasm_split;`;
  });
  writeFileSync(path('article-widget.js'), glue);
  rmSync(path('__wasm_split.js'));
  pieces = readdirSync(dir).filter((f) => /^(split|chunk)_\w+\.wasm$/.test(f));
}

// Leaves first, so each file is hashed after the names inside it are final.
const hashedPieces = pieces.map((piece) => [piece, hashName(piece)]);
const wasm = hashName('article-widget_bg.wasm');
rewrite('article-widget.js', [
  ["'article-widget_bg.wasm'", `'${wasm}'`],
  ...hashedPieces.map(([from, to]) => [`"./${from}"`, `"./${to}"`]),
]);
await minifyFile('article-widget.js', true);
const glue = hashName('article-widget.js');
const frameCss = hashName('frame.css');
const frameJs = hashName('frame.js');
rewrite('frame.html', [['"frame.css"', `"${frameCss}"`], ['"frame.js"', `"${frameJs}"`]]);
const frameHtml = hashName('frame.html');
rewrite('frame-host.js', [['}frame.html#', `}${frameHtml}#`]]);
const frameHost = hashName('frame-host.js');
rewrite('embed.js', [
  ["'article-widget.js'", `'${glue}'`],
  ["'article-widget_bg.wasm'", `'${wasm}'`],
  ["'frame-host.js'", `'${frameHost}'`],
]);
await minifyFile('embed.js', false);
console.log(`hashed: ${[...hashedPieces.map((p) => p[1]), wasm, glue, frameCss, frameJs, frameHtml, frameHost].join(' ')}; embed.js and the glue (with engagement.js inside) minified`);

// Every file precompressed beside it (`.br`, `.gz`, at their highest levels),
// for a host or CDN that serves precompressed files (README, "Hosting").
let compressed = 0;
for (const name of readdirSync(dir, { recursive: true })) {
  if (/\.(br|gz)$/.test(name) || !statSync(path(name)).isFile()) continue;
  const bytes = readFileSync(path(name));
  writeFileSync(path(`${name}.br`), brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }));
  writeFileSync(path(`${name}.gz`), gzipSync(bytes, { level: 9 }));
  compressed += 1;
}
console.log(`precompressed: ${compressed} files (.br and .gz beside each)`);
