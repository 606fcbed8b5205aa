// The release size budget: prints what each file of dist/ weighs on the wire
// (raw, gzip, brotli) and fails when a budget is exceeded.
import { readFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import { distFiles } from './dist-files.mjs';

const KB = 1000;
// Issue 5's target is 100 KB gzipped in all. It is out of reach with the Leptos
// view layer (README, "Where the bytes go"), so the budget holds the line just
// above what was measured and nothing grows unnoticed: foundation 144 KB, + share
// 154 KB, + six languages 161 KB, + publishers' formats 187 KB, − size work 184 KB.
const TARGET = 100 * KB;
const BUDGET = { total: Number(process.env.SIZE_BUDGET_TOTAL || 185 * KB), 'embed.js': 2 * KB };

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
console.log(`issue 5's target of ${TARGET} B: ${total <= TARGET ? 'met' : `not met, ${total - TARGET} B over`}`);
if (total > BUDGET.total) failed = true;
console.log(failed ? 'size budget: 0 passed, 1 failed' : 'size budget: 1 passed, 0 failed');
process.exit(failed ? 1 : 0);
