// The release size budget: prints what each file of dist/ weighs on the wire
// (raw, gzip, brotli) and fails when a budget is exceeded.
import { readFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import { distFiles } from './dist-files.mjs';

const KB = 1000;
// Three budgets, gzipped (most CDNs in front of a partner serve gzip; the build
// also writes brotli, about 19% smaller, for those that serve it). Each ceiling
// is the last measured size plus at most 1 KB: a change that adds bytes raises
// it knowingly, in the same commit, with its reason in docs/performance.md.
// - first paint: what arrives before the first headline (embed.js, the glue with
//   engagement.js and the pieces' loader inside, the first module with the first
//   screen's CSS and strings). Measured 181,115 B (176,777 B before the view
//   reached its own DOM through NodeRefs and used the later pieces' components
//   through view!: +4.3 KB). The target of 150 KB is not met (docs/performance.md).
// - all pieces: first paint plus every later piece. Measured 258,246 B; the
//   target of 210 KB is not met either.
//   Partners' toolchains (properties, state, both event names, the release's
//   integrity hashes) added 706 B: 195,574 → 196,280 B.
// - embed.js: the loader, the reservation, the height keeper, the properties and
//   the hashes of what it loads; at most 4 KB (3,762 B; 2,947 B before the
//   properties, the second event name and the hashes).
const BUDGET = { firstPaint: 197_000, total: 291_000, 'embed.js': 4 * KB };
const TARGET = { firstPaint: 150 * KB, total: 210 * KB };

const { embed, glue, wasm, pieces } = distFiles();
let failed = false;
const gz = {};
console.log(`${'file'.padEnd(46)}     raw      gzip    brotli`);
for (const file of [embed, glue, wasm, ...pieces]) {
  const bytes = readFileSync(`dist/${file}`);
  gz[file] = gzipSync(bytes, { level: 9 }).length;
  const brotli = brotliCompressSync(bytes).length;
  console.log(`${file.padEnd(46)}${String(bytes.length).padStart(8)}${String(gz[file]).padStart(10)}${String(brotli).padStart(10)}`);
  if (BUDGET[file] && gz[file] > BUDGET[file]) {
    console.log(`  over budget: ${file} is ${gz[file]} B gzipped, budget ${BUDGET[file]} B`);
    failed = true;
  }
}
if (!pieces.length) {
  console.log('no later pieces in dist/: the release build was not split');
  failed = true;
}
const firstPaint = gz[embed] + gz[glue] + gz[wasm];
const total = firstPaint + pieces.reduce((sum, piece) => sum + gz[piece], 0);
for (const [name, size] of [['firstPaint', firstPaint], ['total', total]]) {
  const over = size > BUDGET[name];
  console.log(`${name === 'total' ? 'all pieces' : 'first paint'}: ${size} B gzipped (budget ${BUDGET[name]} B; target ${TARGET[name]} B${size > TARGET[name] ? ', not met' : ', met'})`);
  if (over) failed = true;
}
// The README's figures are the current ones (within 1 KB).
const readme = readFileSync('README.md', 'utf8');
for (const [label, pattern, size] of [
  ['first paint', /Bytes before the first headline: ([\d.]+) KB gzipped/, firstPaint],
  ['all pieces', /all of the widget's code: ([\d.]+) KB gzipped/, total],
]) {
  const said = Number(readme.match(pattern)?.[1]) * KB;
  if (!(Math.abs(said - size) <= KB)) {
    console.log(`README.md gives ${label} as ${said / KB} KB; measured ${(size / KB).toFixed(1)} KB: update it`);
    failed = true;
  }
}
console.log(failed ? 'size budget: 0 passed, 1 failed' : 'size budget: 1 passed, 0 failed');
process.exit(failed ? 1 : 0);
