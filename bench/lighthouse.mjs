// What partners measure: Lighthouse's mobile audit (LCP, TBT, CLS, score) of the
// partner's page (bench/partner.mjs), for each contender, bare (the snippet
// alone) and with `article-widget.css`'s rules on the page, the contenders
// alternating run by run. Then the lazy widget as a reader meets it: scrolled to
// 3 s after the page loaded, on the phone profile, and every layout shift from the
// scroll to 5 s after its headline, summed. A benchmark, not a test.
//
// Lighthouse 12 (bench/lighthouse/, installed by scripts/bench on first use),
// its mobile preset with `throttlingMethod: devtools`: 412 × 823 at DPR 1.75,
// 150 ms round trip (devtools applies 562.5 ms to each request), 1.6 Mbps, CPU 4×.
//   BENCH="widget=dist,handwritten=bench/handwritten" RUNS=3 node bench/lighthouse.mjs
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from './lighthouse/node_modules/lighthouse/core/index.js';
import * as chromeLauncher from './lighthouse/node_modules/chrome-launcher/dist/index.js';
import { launchChromium } from '../tests/e2e/helpers.mjs';
import { start } from '../tests/e2e/server.mjs';
import { benchArticle, partnerPage, PHONE } from './partner.mjs';

const RUNS = Number(process.env.RUNS || 3);
const CHROME = process.env.CHROMIUM || '/usr/bin/chromium';
const CONTENDERS = (process.env.BENCH || 'widget=dist,handwritten=bench/handwritten').split(',').map((entry) => {
  const [name, dir] = entry.split('=');
  return { name, dir };
});
// The rules a partner copies from the release's article-widget.css; the
// yardstick gets the same reservation.
const CSS = (() => {
  for (const { dir } of CONTENDERS) {
    try { return readFileSync(join(dir, 'article-widget.css'), 'utf8'); } catch { /* not a build of the widget */ }
  }
  return '';
})();
const ARTICLE = benchArticle(readFileSync('demo/articles/us-russia-intel.json', 'utf8'));
for (const contender of CONTENDERS) {
  const server = await start({ root: contender.dir, compress: true });
  server.pages.set('/bare.html', partnerPage());
  server.pages.set('/css.html', partnerPage({ css: CSS }));
  server.pages.set('/lazy.html', partnerPage({ lazy: true }));
  server.pages.set('/articles/us-russia-intel.json', { body: ARTICLE, headers: { 'content-type': 'application/json' } });
  Object.assign(contender, { server, base: `http://127.0.0.1:${server.port}/` });
}

const median = (values) => {
  const sorted = values.filter((v) => typeof v === 'number').sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : NaN;
};

async function audit(url) {
  const userDataDir = mkdtempSync(join(tmpdir(), 'lighthouse-'));
  const chrome = await chromeLauncher.launch({
    chromePath: CHROME,
    userDataDir,
    port: 0,
    logLevel: 'silent',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  try {
    const { lhr } = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance'],
      throttlingMethod: 'devtools',
      formFactor: 'mobile',
      screenEmulation: { mobile: true, width: PHONE.width, height: PHONE.height, deviceScaleFactor: PHONE.deviceScaleFactor, disabled: false },
      locale: 'en-US',
    });
    if (lhr.runtimeError) throw new Error(lhr.runtimeError.code);
    const a = lhr.audits;
    const items = (id) => a[id]?.details?.items ?? [];
    return {
      lcp: a['largest-contentful-paint'].numericValue,
      tbt: a['total-blocking-time'].numericValue,
      cls: a['cumulative-layout-shift'].numericValue,
      score: Math.round(lhr.categories.performance.score * 100),
      bootup: items('bootup-time').reduce((sum, item) => sum + item.total, 0),
      bytes: a['total-byte-weight'].numericValue,
      longTasks: items('long-tasks').map((t) => `${Math.round(t.duration)} ms ${String(t.url).split('/').pop()}`),
      shifts: items('layout-shifts').map((s) => `${s.score.toFixed(3)} ${s.node?.selector ?? ''}`),
    };
  } finally {
    chrome.kill();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

console.log(`Lighthouse ${JSON.parse(readFileSync(new URL('./lighthouse/node_modules/lighthouse/package.json', import.meta.url))).version}, mobile, devtools throttling: medians of ${RUNS}, ${new Date().toISOString().slice(0, 10)}`);
console.log(`contenders: ${CONTENDERS.map((c) => `${c.name} (${c.dir})`).join(', ')}\n`);
console.log(`${'page'.padEnd(28)} ${'contender'.padEnd(12)} ${'LCP'.padStart(8)} ${'TBT'.padStart(7)} ${'CLS'.padStart(6)} score  bootup   bytes   long tasks (median run) · shifts`);
for (const page of ['bare', 'css']) {
  const runs = new Map(CONTENDERS.map((c) => [c, []]));
  for (let i = 0; i < RUNS; i++) {
    for (const contender of CONTENDERS) {
      try {
        runs.get(contender).push(await audit(`${contender.base}${page}.html`));
      } catch (error) {
        console.log(`  ${contender.name} ${page}: run failed (${error.message})`);
      }
    }
  }
  for (const contender of CONTENDERS) {
    const all = runs.get(contender);
    const m = (key) => median(all.map((r) => r[key]));
    const typical = [...all].sort((a, b) => a.lcp - b.lcp)[Math.floor((all.length - 1) / 2)];
    const label = page === 'bare' ? 'partner page, bare snippet' : 'partner page, with the CSS';
    console.log(`${label.padEnd(28)} ${contender.name.padEnd(12)} ${m('lcp').toFixed(0).padStart(6)} ms ${m('tbt').toFixed(0).padStart(4)} ms ${m('cls').toFixed(3).padStart(6)} ${String(m('score')).padStart(5)} ${m('bootup').toFixed(0).padStart(4)} ms ${(m('bytes') / 1000).toFixed(1).padStart(6)} KB   ${typical ? `${typical.longTasks.join(', ') || 'none'} · ${typical.shifts.join(', ') || 'none'}` : ''}`);
  }
}

// The lazy widget: the phone profile through CDP (as bench/run.mjs does).
const browser = await launchChromium();
async function lazyShift(contender) {
  const context = await browser.newContext({ viewport: { width: PHONE.width, height: PHONE.height }, deviceScaleFactor: PHONE.deviceScaleFactor, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 });
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => { if (!e.hadRecentInput) window.__shifts.push([e.startTime, e.value]); })).observe({ type: 'layout-shift', buffered: true });
    document.addEventListener('article-widget:load', () => { window.__headline = performance.now(); });
  });
  await page.goto(`${contender.base}lazy.html`);
  await page.waitForLoadState('load');
  await page.waitForTimeout(3000);
  const scrolledAt = await page.evaluate(() => {
    document.querySelector('article-widget').scrollIntoView();
    return performance.now();
  });
  await page.waitForFunction(() => window.__headline, null, { timeout: 30_000 });
  await page.waitForTimeout(5000);
  const { shifts, headline } = await page.evaluate(() => ({ shifts: window.__shifts, headline: window.__headline }));
  await context.close();
  return { shift: shifts.filter(([at]) => at >= scrolledAt).reduce((sum, [, value]) => sum + value, 0), headline: headline - scrolledAt };
}
const lazy = new Map(CONTENDERS.map((c) => [c, []]));
for (let i = 0; i < RUNS; i++) for (const contender of CONTENDERS) lazy.get(contender).push(await lazyShift(contender));
console.log('');
for (const contender of CONTENDERS) {
  const all = lazy.get(contender);
  console.log(`${'lazy widget, scrolled to'.padEnd(28)} ${contender.name.padEnd(12)} layout shift ${median(all.map((r) => r.shift)).toFixed(3)}, scroll → headline ${median(all.map((r) => r.headline)).toFixed(0)} ms`);
}
await browser.close();
for (const contender of CONTENDERS) contender.server.server.close();
