// The benchmark: release builds on 127.0.0.1 in headless Chromium, each page
// loaded RUNS times per contender, the contenders alternating run by run so that
// the machine's state weighs on all alike. Prints medians, and the first
// contender's (the widget's) ratio to each of the others. A benchmark, not a test.
//
// Contenders: BENCH="name=folder,name=folder" (default: widget=dist). A folder is
// a release dist/ of the widget, or a folder with an embed.js of the same
// contract (bench/handwritten: the hand-written yardstick).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { launchChromium } from '../tests/e2e/helpers.mjs';
import { start } from '../tests/e2e/server.mjs';
import { distFiles } from '../tests/dist-files.mjs';

const RUNS = Number(process.env.RUNS || 5);
const CONTENDERS = (process.env.BENCH || 'widget=dist').split(',').map((entry) => {
  const [name, dir] = entry.split('=');
  let files = null;
  try {
    files = distFiles(dir);
  } catch {
    // Not a build of the widget: a script of the same contract.
  }
  return { name, dir, files };
});
const ARTICLE = 'demo/articles/us-russia-intel.json';

const widget = (loading) => `<article-widget src="articles/us-russia-intel.json" loading="${loading}"><a href="https://news.example.com/us-russia-intel">US, Russia to step up intel sharing on IS</a></article-widget>`;
const page = (count, { loading = 'eager', belowTheFold = false, farDown = false } = {}) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body>
  <h1>Benchmark host</h1>${belowTheFold ? '<div style="height: 1200px">The host\'s own first screen.</div>' : ''}${farDown ? '<div style="height: 5000px">The host\'s article, read before the widget.</div>' : ''}
  ${Array.from({ length: count }, () => widget(loading)).join('\n')}
  <p>The host's content after the widgets.</p>
  <script async src="embed.js"></script></body></html>`;
// "lazy": the default `loading="lazy"` widget 5,000 px down, as readers meet it
// on a partner's article page: the page loads and idles 3 s, then the reader
// scrolls to it; its figure is from the scroll to the headline.
const SCENARIOS = [
  ['1 widget, above the fold', '/bench-1.html', 1, page(1)],
  ['50 widgets, eager', '/bench-50.html', 50, page(50)],
  ['1 widget below the fold', '/bench-below.html', 1, page(1, { loading: 'lazy', belowTheFold: true })],
  ['lazy widget, scroll → headline', '/bench-lazy.html', 1, page(1, { loading: 'lazy', farDown: true })],
];
// Where readers are: loopback at the machine's CPU and slowed 4× (a mid-range
// phone's), and Lighthouse's mobile profile: 150 ms round trip, 1.6 Mbps down,
// 750 kbps up, CPU 4× (the 50-widget page is left out there: minutes a run).
const PROFILES = [
  { name: 'loopback', cpu: 1 },
  { name: 'loopback', cpu: 4 },
  { name: 'mobile', cpu: 4, network: { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 }, skip: ['/bench-50.html'] },
];
for (const contender of CONTENDERS) {
  // Gzipped, as a CDN serves them: the slow network carries what a reader's does.
  const server = await start({ root: contender.dir, compress: true });
  for (const [, path, , html] of SCENARIOS) server.pages.set(path, html);
  // Every contender reads the same article.
  server.pages.set('/articles/us-russia-intel.json', { body: readFileSync(ARTICLE), headers: { 'content-type': 'application/json' } });
  Object.assign(contender, { server, base: `http://127.0.0.1:${server.port}/` });
}

const browser = await launchChromium();
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function measure(contender, path, count, profile) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
  if (profile.network) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', profile.network);
  }
  // The page reports its last headline through a binding: polling it with
  // waitForFunction injects Playwright's script into the page, 10-40 ms of main
  // thread that fell on the widget's critical path (measured).
  let reportDone;
  let timer;
  const done = new Promise((resolve, reject) => {
    reportDone = resolve;
    timer = setTimeout(() => reject(new Error(`${contender.name} ${path}: no ${count} headlines in 60 s`)), 60_000);
  });
  await tab.exposeFunction('__benchDone', () => reportDone());
  await tab.addInitScript((count) => {
    window.__bench = { headlines: [], cls: 0, longTasks: [], scrolledAt: 0 };
    document.addEventListener('article-widget:load', () => {
      window.__bench.headlines.push(performance.now());
      if (window.__bench.headlines.length === count) window.__benchDone();
    });
    new PerformanceObserver((list) => list.getEntries().forEach((e) => { if (!e.hadRecentInput) window.__bench.cls += e.value; })).observe({ type: 'layout-shift', buffered: true });
    new PerformanceObserver((list) => list.getEntries().forEach((e) => window.__bench.longTasks.push(e.duration))).observe({ type: 'longtask', buffered: true });
  }, count);
  await tab.goto(contender.base + path.slice(1));
  // A lazy widget below the fold starts as the reader scrolls towards it (the other
  // pages stay at the top: their figures are above the fold).
  if (path === '/bench-below.html') await tab.mouse.wheel(0, 700);
  if (path === '/bench-lazy.html') {
    await tab.waitForLoadState('load');
    await tab.waitForTimeout(3000);
    await tab.evaluate(() => {
      window.__bench.scrolledAt = performance.now();
      document.querySelector('article-widget').scrollIntoView();
    });
  }
  await done;
  clearTimeout(timer);
  await tab.waitForTimeout(300);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const result = await tab.evaluate(async (glue) => ({
    ...window.__bench,
    wasm: glue ? (await (await import(glue)).default()).memory.buffer.byteLength : 0,
  }), contender.files ? `${contender.base}${contender.files.glue}` : null);
  await context.close();
  return {
    first: Math.min(...result.headlines) - result.scrolledAt,
    last: Math.max(...result.headlines) - result.scrolledAt,
    cls: result.cls,
    longTasks: result.longTasks.filter((d) => d > 50).length,
    longTaskMs: result.longTasks.filter((d) => d > 50).reduce((a, b) => a + b, 0),
    heap: usedSize,
    wasm: result.wasm,
  };
}

console.log(`article-widget benchmark: medians of ${RUNS} runs, ${new Date().toISOString().slice(0, 10)}, ${process.platform} ${process.arch}`);
console.log(`contenders: ${CONTENDERS.map((c) => `${c.name} (${c.dir})`).join(', ')}\n`);
console.log('bytes on the wire (each fetched once per page):');
for (const contender of CONTENDERS) {
  const files = contender.files
    ? [['embed.js', 'embed.js'], ['glue', contender.files.glue], ['wasm (CSS inside)', contender.files.wasm],
      ...contender.files.pieces.map((piece) => [piece.replace(/-[0-9a-f]{16}\.wasm$/, ''), piece])]
    : [['embed.js', 'embed.js']];
  let total = 0;
  for (const [kind, file] of files) {
    const bytes = readFileSync(join(contender.dir, file));
    const gzip = gzipSync(bytes, { level: 9 }).length;
    total += gzip;
    console.log(`  ${contender.name.padEnd(12)} ${kind.padEnd(18)} ${String(bytes.length).padStart(8)} raw ${String(gzip).padStart(8)} gzip ${String(brotliCompressSync(bytes).length).padStart(8)} brotli`);
  }
  console.log(`  ${contender.name.padEnd(12)} ${'total'.padEnd(18)} ${''.padStart(8)}     ${String(total).padStart(8)} gzip`);
}

const baseline = CONTENDERS[0];
console.log(`\npage                            profile     contender     first headline  last headline  ${baseline.name} ÷ this (first, last)    CLS  long tasks >50ms  runs with one  JS heap  wasm memory`);
// PROFILES="loopback 4×,mobile 4×" and PAGES="/bench-1.html" pick some of them.
const picked = (list, name) => !list || list.split(',').includes(name);
for (const profile of PROFILES) {
  if (!picked(process.env.PROFILES, `${profile.name} ${profile.cpu}×`)) continue;
  for (const [name, path, count] of SCENARIOS) {
    if (profile.skip?.includes(path) || !picked(process.env.PAGES, path)) continue;
    const runs = new Map(CONTENDERS.map((c) => [c, []]));
    for (let i = 0; i < RUNS; i++) {
      for (const contender of CONTENDERS) runs.get(contender).push(await measure(contender, path, count, profile));
    }
    const m = (contender, key) => median(runs.get(contender).map((r) => r[key]));
    for (const contender of CONTENDERS) {
      const ratio = (key) => (m(baseline, key) / m(contender, key)).toFixed(2);
      const all = runs.get(contender);
      console.log(`${name.padEnd(31)} ${`${profile.name} ${profile.cpu}×`.padEnd(11)} ${contender.name.padEnd(12)} ${m(contender, 'first').toFixed(0).padStart(11)} ms  ${m(contender, 'last').toFixed(0).padStart(10)} ms  ${`${ratio('first')}, ${ratio('last')}`.padStart(27)}  ${m(contender, 'cls').toFixed(3)}  ${String(m(contender, 'longTasks')).padStart(3)} (${m(contender, 'longTaskMs').toFixed(0).padStart(3)} ms)  ${`${all.filter((r) => r.longTasks).length} of ${RUNS}`.padStart(13)}  ${(m(contender, 'heap') / 1e6).toFixed(1).padStart(5)} MB  ${(m(contender, 'wasm') / 1e6).toFixed(1).padStart(6)} MB`);
    }
  }
}
await browser.close();
for (const contender of CONTENDERS) contender.server.server.close();
