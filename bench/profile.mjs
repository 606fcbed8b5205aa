// A CPU profile of the partner's page (bench/partner.mjs) with one widget at
// CPU 4×, as the main thread spends it: self time by function, in every task
// over 30 ms. A tool for finding what blocks the main thread, not a test.
//   node bench/profile.mjs [dist-folder] [bare|css|lazy]
import { readFileSync } from 'node:fs';
import { launchChromium } from '../tests/e2e/helpers.mjs';
import { start } from '../tests/e2e/server.mjs';
import { benchArticle, partnerPage, PHONE } from './partner.mjs';

const [root = 'dist', variant = 'css'] = process.argv.slice(2);
const server = await start({ root, compress: true });
let css = '';
try { css = readFileSync(`${root}/article-widget.css`, 'utf8'); } catch { /* an older build */ }
server.pages.set('/partner.html', partnerPage({ lazy: variant === 'lazy', css: variant === 'bare' ? '' : css }));
server.pages.set('/articles/us-russia-intel.json', { body: benchArticle(readFileSync('demo/articles/us-russia-intel.json', 'utf8')), headers: { 'content-type': 'application/json' } });
const browser = await launchChromium();
const context = await browser.newContext({ viewport: { width: PHONE.width, height: PHONE.height }, deviceScaleFactor: PHONE.deviceScaleFactor, isMobile: true });
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
let reportLoaded;
const loaded = new Promise((resolve) => { reportLoaded = resolve; });
await page.exposeFunction('__loaded', () => reportLoaded());
await page.addInitScript(() => {
  window.__tasks = [];
  new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__tasks.push([e.startTime, e.duration]))).observe({ type: 'longtask', buffered: true });
  document.addEventListener('article-widget:load', () => window.__loaded());
});
await page.goto(`http://127.0.0.1:${server.port}/partner.html`);
if (variant === 'lazy') {
  await page.waitForTimeout(3000);
  await page.evaluate(() => document.querySelector('article-widget').scrollIntoView());
}
await loaded;
await page.waitForTimeout(1500);
const { profile } = await cdp.send('Profiler.stop');
const tasks = await page.evaluate(() => ({ tasks: window.__tasks, origin: performance.timeOrigin }));
await browser.close();
server.server.close();

// Sample times in the page's performance.now() (the profile's clock is µs since boot; the
// first sample lines up with the profile's start).
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const name = (n) => `${n.callFrame.functionName || '(anonymous)'} ${(n.callFrame.url || '').split('/').pop()}`.trim();
let t = profile.startTime;
const samples = profile.samples.map((id, i) => { t += profile.timeDeltas[i]; return [t, id]; });
const wall = Date.now() * 1000; // unused: the task list is relative
console.log(`long tasks (performance.now ms): ${tasks.tasks.map(([s, d]) => `${s.toFixed(0)}+${d.toFixed(0)}`).join(', ')}`);
// Map the profile clock to performance.now by the idle gaps: take the long tasks'
// order and attribute samples by their rank in time within busy runs.
const busy = [];
let run = null;
for (const [ts, id] of samples) {
  const idle = nodes.get(id).callFrame.functionName === '(idle)';
  if (!idle) {
    if (run && ts - run.end < 2000) { run.end = ts; run.samples.push(id); } else { run = { start: ts, end: ts, samples: [id] }; busy.push(run); }
  }
}
for (const r of busy.filter((r) => r.end - r.start > 30_000)) {
  const self = new Map();
  for (const id of r.samples) self.set(name(nodes.get(id)), (self.get(name(nodes.get(id))) || 0) + 1);
  const ms = (n) => (n * profile.timeDeltas.reduce((a, b) => a + b, 0) / profile.samples.length / 1000).toFixed(1);
  console.log(`busy ${((r.end - r.start) / 1000).toFixed(0)} ms (${((r.start - profile.startTime) / 1000).toFixed(0)} ms after the profile started):`);
  for (const [fn, n] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`  ${ms(n).padStart(6)} ms ${fn}`);
}
