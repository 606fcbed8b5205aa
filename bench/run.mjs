// The benchmark (issue 5): the release dist/ on 127.0.0.1, headless Chromium.
// Prints medians over several runs for a page with 1 widget and one with 50, at
// normal CPU speed and throttled 4× (a mid-range phone). A benchmark, not a test.
import { readFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { launchChromium } from '../tests/e2e/helpers.mjs';
import { start } from '../tests/e2e/server.mjs';
import { distFiles } from '../tests/dist-files.mjs';

const files = distFiles();

const RUNS = Number(process.env.RUNS || 5);
const server = await start({ root: 'dist' });
const base = `http://127.0.0.1:${server.port}/`;
const widget = (loading) => `<article-widget src="articles/us-russia-intel.json" loading="${loading}"><a href="https://news.example.com/us-russia-intel">US, Russia to step up intel sharing on IS</a></article-widget>`;
const page = (count, { loading = 'eager', belowTheFold = false } = {}) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body>
  <h1>Benchmark host</h1>${belowTheFold ? '<div style="height: 1200px">The host\'s own first screen.</div>' : ''}
  ${Array.from({ length: count }, () => widget(loading)).join('\n')}
  <p>The host's content after the widgets.</p>
  <script async src="embed.js"></script></body></html>`;
const SCENARIOS = [
  ['1 widget, above the fold', '/bench-1.html', 1, page(1)],
  ['50 widgets, eager', '/bench-50.html', 50, page(50)],
  ['1 widget below the fold', '/bench-below.html', 1, page(1, { loading: 'lazy', belowTheFold: true })],
];
for (const [, path, , html] of SCENARIOS) server.pages.set(path, html);

const browser = await launchChromium();
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function measure(path, count, throttle) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  await tab.addInitScript(() => {
    window.__bench = { headlines: [], cls: 0, longTasks: [] };
    document.addEventListener('article-widget:load', () => window.__bench.headlines.push(performance.now()));
    new PerformanceObserver((list) => list.getEntries().forEach((e) => { if (!e.hadRecentInput) window.__bench.cls += e.value; })).observe({ type: 'layout-shift', buffered: true });
    new PerformanceObserver((list) => list.getEntries().forEach((e) => window.__bench.longTasks.push(e.duration))).observe({ type: 'longtask', buffered: true });
  });
  await tab.goto(base + path.slice(1));
  // A lazy widget below the fold starts as the reader scrolls towards it (the other
  // pages stay at the top: their figures are above the fold).
  if (path === '/bench-below.html') await tab.evaluate(() => window.scrollBy(0, 700));
  await tab.waitForFunction((n) => window.__bench.headlines.length >= n, count, { timeout: 60_000 });
  await tab.waitForTimeout(300);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const result = await tab.evaluate(async (glue) => ({
    ...window.__bench,
    wasm: (await (await import(glue)).default()).memory.buffer.byteLength,
  }), `${base}${files.glue}`);
  await context.close();
  return {
    first: Math.min(...result.headlines),
    last: Math.max(...result.headlines),
    cls: result.cls,
    longTasks: result.longTasks.filter((d) => d > 50).length,
    longTaskMs: result.longTasks.filter((d) => d > 50).reduce((a, b) => a + b, 0),
    heap: usedSize,
    wasm: result.wasm,
  };
}

console.log(`article-widget benchmark: medians of ${RUNS} runs, ${new Date().toISOString().slice(0, 10)}, ${process.platform} ${process.arch}\n`);
console.log('bytes on the wire (each fetched once per page):');
for (const [kind, file] of [['embed.js', 'embed.js'], ['glue', files.glue], ['wasm (CSS inside)', files.wasm], ['article JSON', 'articles/us-russia-intel.json']]) {
  const bytes = readFileSync(`dist/${file}`);
  console.log(`  ${kind.padEnd(18)} ${String(bytes.length).padStart(8)} raw ${String(gzipSync(bytes, { level: 9 }).length).padStart(8)} gzip ${String(brotliCompressSync(bytes).length).padStart(8)} brotli`);
}
console.log('\npage                       CPU  first headline  last headline    CLS  long tasks >50ms  runs with one  JS heap  wasm memory');
for (const throttle of [1, 4]) {
  for (const [name, path, count] of SCENARIOS) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await measure(path, count, throttle));
    const m = (key) => median(runs.map((r) => r[key]));
    console.log(`${name.padEnd(26)} ${throttle}×  ${m('first').toFixed(0).padStart(11)} ms  ${m('last').toFixed(0).padStart(10)} ms  ${m('cls').toFixed(3)}  ${String(m('longTasks')).padStart(3)} (${m('longTaskMs').toFixed(0).padStart(3)} ms)  ${`${runs.filter((r) => r.longTasks).length} of ${RUNS}`.padStart(13)}  ${(m('heap') / 1e6).toFixed(1).padStart(5)} MB  ${(m('wasm') / 1e6).toFixed(1).padStart(6)} MB`);
  }
}
await browser.close();
server.server.close();
