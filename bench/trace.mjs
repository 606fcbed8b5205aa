// A Chromium trace of the partner's page (bench/partner.mjs) with one widget,
// at CPU 4× (and loopback network): prints every main-thread task over 10 ms
// and what it spent its time on, and the layout shifts. A tool for finding what
// blocks the main thread, not a test.
//   node bench/trace.mjs [dist-folder] [eager|lazy|css] [cpu]
import { readFileSync, writeFileSync } from 'node:fs';
import { launchChromium } from '../tests/e2e/helpers.mjs';
import { start } from '../tests/e2e/server.mjs';
import { benchArticle, partnerPage, PHONE } from './partner.mjs';

const [root = 'dist', variant = 'eager', cpu = '4'] = process.argv.slice(2);
const server = await start({ root, compress: true });
let css = '';
try { css = readFileSync(`${root}/article-widget.css`, 'utf8'); } catch { /* an older build */ }
server.pages.set('/partner.html', partnerPage({ lazy: variant === 'lazy', css: variant === 'css' ? css : '' }));
server.pages.set('/articles/us-russia-intel.json', { body: benchArticle(readFileSync('demo/articles/us-russia-intel.json', 'utf8')), headers: { 'content-type': 'application/json' } });
const browser = process.env.NOLAZY ? await (await import('playwright-core')).chromium.launch({ executablePath: '/usr/bin/chromium', args: [...(await import('../tests/e2e/helpers.mjs')).CHROMIUM_ARGS, '--js-flags=--no-wasm-lazy-compilation'] }) : await launchChromium();
const context = await browser.newContext({ viewport: { width: PHONE.width, height: PHONE.height }, deviceScaleFactor: PHONE.deviceScaleFactor, isMobile: true });
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(cpu) });
const events = [];
cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
await cdp.send('Tracing.start', { categories: 'devtools.timeline,v8.execute,disabled-by-default-devtools.timeline,blink.user_timing,loading,v8' + (process.env.SAMPLES ? ',disabled-by-default-v8.cpu_profiler' : ''), transferMode: 'ReportEvents' });
await page.addInitScript(() => {
  window.__shifts = [];
  new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__shifts.push({ value: e.value, at: e.startTime, sources: e.sources.map((s) => s.node?.nodeName + '.' + (s.node?.className || '')) }))).observe({ type: 'layout-shift', buffered: true });
  document.addEventListener('article-widget:load', () => { window.__loaded = performance.now(); });
});
await page.goto(`http://127.0.0.1:${server.port}/partner.html`);
if (variant === 'lazy') {
  await page.waitForTimeout(3000);
  await page.evaluate(() => document.querySelector('article-widget').scrollIntoView());
}
for (let i = 0; i < 300 && !(await page.evaluate(() => window.__loaded)); i++) await page.waitForTimeout(100);
await page.waitForTimeout(1500);
const shifts = await page.evaluate(() => window.__shifts);
const loaded = await page.evaluate(() => window.__loaded);
await cdp.send('Tracing.end');
await done;
await browser.close();
server.server.close();
writeFileSync('target/trace.json', JSON.stringify(events));

// Main thread: the renderer's thread named CrRendererMain.
const names = new Map();
for (const e of events) if (e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args.name);
const main = [...names].filter(([, n]) => n === 'CrRendererMain').map(([k]) => k);
const onMain = events.filter((e) => main.includes(`${e.pid}:${e.tid}`) && e.ph === 'X');
const tasks = onMain.filter((e) => e.name === 'RunTask' && e.dur > 10_000);
const navStart = Math.min(...events.filter((e) => e.name === 'navigationStart' || e.name === 'TracingStartedInBrowser').map((e) => e.ts));
console.log(`${variant} at CPU ${cpu}×: headline at ${loaded.toFixed(0)} ms; tasks over 10 ms:`);
for (const task of tasks) {
  const inside = onMain.filter((e) => e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur && e !== task && e.dur > 1000);
  const top = new Map();
  for (const e of inside) {
    const label = e.name === 'FunctionCall' || e.name === 'EvaluateScript' ? `${e.name} ${(e.args?.data?.url || '').split('/').pop()}:${e.args?.data?.functionName || ''}` : e.name;
    top.set(label, (top.get(label) || 0) + e.dur);
  }
  const summary = [...top].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`).join('; ');
  console.log(`  at ${((task.ts - navStart) / 1000).toFixed(0).padStart(5)} ms: ${(task.dur / 1000).toFixed(1).padStart(6)} ms  ${summary}`);
}
console.log(`layout shifts: ${shifts.length ? shifts.map((s) => `${s.value.toFixed(4)} at ${s.at.toFixed(0)} (${s.sources.join(', ')})`).join('; ') : 'none'}`);
