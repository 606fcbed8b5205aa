// The release size budget: prints what each file of dist/ weighs on the wire
// (raw, gzip, brotli) and fails when a budget is exceeded.
import { readFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import { distFiles } from './dist-files.mjs';

const KB = 1000;
// Issue 5: all widget code on the wire at most 100 KB gzipped, embed.js at most
// 2 KB. (The CSS is compiled into the .wasm.) History: with a Leptos view layer,
// 144 KB at the foundation growing to 187 KB; without it, 99 KB.
const BUDGET = { total: 100 * KB, 'embed.js': 2 * KB };

const { embed, glue, wasm } = distFiles();
const files = [embed, glue, wasm];
let total = 0;
let failed = false;
console.log(`${'file'.padEnd(42)}     raw      gzip    brotli`);
for (const file of files) {
  const bytes = readFileSync(`dist/${file}`);
  const gzip = gzipSync(bytes, { level: 9 }).length;
  const brotli = brotliCompressSync(bytes).length;
  total += gzip;
  console.log(`${file.padEnd(42)}${String(bytes.length).padStart(8)}${String(gzip).padStart(10)}${String(brotli).padStart(10)}`);
  if (BUDGET[file] && gzip > BUDGET[file]) {
    console.log(`  over budget: ${file} is ${gzip} B gzipped, budget ${BUDGET[file]} B`);
    failed = true;
  }
}
console.log(`total gzipped: ${total} B (budget ${BUDGET.total} B; CSS is inside the .wasm)`);
if (total > BUDGET.total) failed = true;
console.log(failed ? 'size budget: 0 passed, 1 failed' : 'size budget: 1 passed, 0 failed');
process.exit(failed ? 1 : 0);
