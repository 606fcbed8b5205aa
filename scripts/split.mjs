// Trunk's post-build hook, before hash-names.mjs: Leptos's code splitting
// (src/split.rs). Trunk has no step between cargo and wasm-bindgen, so this redoes
// what follows cargo on the module cargo built (with the `split` feature, linked
// with its relocations): wasm-split cuts it into the first module and the later
// pieces, wasm-bindgen makes the glue for the first, wasm-opt optimizes each.
// The same steps and options as cargo-leptos's `--split`. What Trunk made from
// the unsplit module is replaced in its staging directory.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR || process.argv[2];
if (!staging) throw new Error('usage: node scripts/split.mjs STAGING_DIR (or run as a Trunk hook)');
if (process.env.TRUNK_PROFILE && process.env.TRUNK_PROFILE !== 'release') {
  console.log('split: not a release build, left whole');
  process.exit(0);
}
const NAME = 'article-widget';
const targetDir = process.env.CARGO_TARGET_DIR || 'target';
const built = join(targetDir, 'wasm32-unknown-unknown', 'release', 'article_widget.wasm');
const tools = join(process.env.HOME, '.cache', 'article-widget', 'bin');
const run = (command, args) => execFileSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });

const work = mkdtempSync(join(tmpdir(), 'article-widget-split-'));
try {
  run(join(tools, 'wasm-split-cli'), [built, work, '--out-name', NAME]);
  const pieces = readdirSync(work).filter((f) => f.endsWith('.wasm') && f !== `${NAME}.wasm`);
  if (!pieces.length) throw new Error('wasm-split found no split point: was the module built with --features split?');
  const bindgen = join(work, 'bindgen');
  run('wasm-bindgen', ['--target=web', '--keep-lld-exports', `--out-name=${NAME}`, `--out-dir=${bindgen}`, '--no-typescript', join(work, `${NAME}.wasm`)]);
  // The first module and the glue, in place of Trunk's.
  // PROFILE=1 keeps the functions' names, for a profiler (bench/profile.mjs).
  const names = process.env.PROFILE ? ['-g'] : [];
  run('wasm-opt', ['-Oz', ...names, join(bindgen, `${NAME}_bg.wasm`), `--output=${join(staging, `${NAME}_bg.wasm`)}`]);
  copyFileSync(join(bindgen, `${NAME}.js`), join(staging, `${NAME}.js`));
  rmSync(join(staging, 'snippets'), { recursive: true, force: true });
  execFileSync('cp', ['-r', join(bindgen, 'snippets'), join(staging, 'snippets')]);
  // The pieces, and the loader the glue imports them through.
  for (const piece of pieces) run('wasm-opt', ['-Oz', ...names, join(work, piece), `--output=${join(staging, piece)}`]);
  copyFileSync(join(work, '__wasm_split.js'), join(staging, '__wasm_split.js'));
  console.log(`split: the first module and ${pieces.length} pieces (${pieces.join(', ')})`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
