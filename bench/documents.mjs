// Hostile documents: how long the widget blocks the page on articles that are
// valid and under its 2 MiB cap but built to be expensive to read (huge
// attributes, thousands of unmatched or empty tags, deep HTML nesting, big
// JSON-LD @graphs, one 1.9 MB word, character references by the hundred
// thousand), against a normal article as the control. A benchmark, not a test:
// it prints figures and asserts nothing.
//
// Each document is built by the code below (each ≤ 2,000,000 bytes; sizes are
// printed), served with `Timing-Allow-Origin: *` from the widget's origin
// (dist/ on http://localhost:PORT, tests/e2e/server.mjs), and read by a partner
// page on http://127.0.0.1:PORT (another origin, as in the end-to-end tests):
//
//   widget 1  <article-widget src="DOC_URL" loading="eager">
//   widget 2  <article-widget loading="eager"> with an inline small native article
//             ("Second"), added by the page once widget 1 has sent its load or
//             error event: it must render however hostile widget 1's document was
//   <script async src="CDN/embed.js">
//
// in headless Chromium (Playwright), once per document at each CPU rate
// (CDP Emulation.setCPUThrottlingRate). Per row:
//
//   event      widget 1's `article-widget:load`, or `error:KIND` (detail.kind), or
//              `timeout` when neither came within 60 s of navigation
//   nav→event  ms from navigation start to widget 1's event
//   resp→event ms from the document's responseEnd (its PerformanceResourceTiming
//              entry) to widget 1's event (`> N` on a timeout: how long it waited);
//              `—` if there is no entry (the longest long task is then over the
//              whole page). On a small document, notably at 4×, the document
//              arrives before the widget's module is ready, so this includes the
//              module's compilation (the control's row shows how much)
//   long task  the longest main-thread long task (PerformanceObserver 'longtask',
//              buffered) overlapping responseEnd → event; `blocked` if the page's
//              main thread never answered again within the time allowed
//   widget 2   `ok` if widget 2's shadow root showed [part=headline] "Second"
//              within 20 s of navigation
//   errors     page errors and console errors (`UNREACHABLE` when one says
//              "unreachable": a wasm trap); their text is listed below the table
//
// then "worst blocking at CPU 1×: N ms (limit 250 ms)", the longest of those long
// tasks at 1×. One run per row (no medians): figures move by tens of percent with
// the machine's load. Each row notes which build of dist/ it ran on (the first
// module's hash in embed.js); if dist/ was rebuilt during the run, a warning says
// which rows ran on which build. Widget 2's data is inline, so it usually renders
// before widget 1's document has even arrived: its column catches a widget that
// breaks its neighbour (a trap, a poisoned shared state), not one that merely
// blocks the page after widget 2 has rendered (the long task column shows that).
//
// Run:   node bench/documents.mjs          (from the repository root; uses dist/ as built)
//        RATES=1,4   CPU throttling rates to run (default 1,4)
//        ONLY=name   only the documents whose name contains one of these
//                    comma-separated words (e.g. ONLY=graph,control)
//        CHROMIUM=/path/to/chromium   as for the end-to-end tests
import { readFileSync } from 'node:fs';
import { launchChromium } from '../tests/e2e/helpers.mjs';
import { start } from '../tests/e2e/server.mjs';

const RATES = (process.env.RATES || '1,4').split(',').map(Number).filter((rate) => rate >= 1);
const ONLY = (process.env.ONLY || '').split(',').map((word) => word.trim()).filter(Boolean);
const PAGE_TIMEOUT = 60_000; // widget 1's event, from navigation
const SECOND_WITHIN = 20_000; // widget 2's headline, from navigation
const GRACE = 5_000; // for the page to answer once the wait is over
const MAX_BYTES = 2_000_000; // each document's budget (the widget's cap is 2 MiB)
const LIMIT = 250; // the blocking the summary line compares with

// ---- The documents -------------------------------------------------------------

const jsonLd = (articleBody) => JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'H', articleBody });
const jsonFeed = (contentHtml) => JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'F', items: [{ id: '1', title: 'H', content_html: contentHtml }] });
const graph = (n) => {
  const people = Array.from({ length: n }, (_, i) => ({ '@id': `#p${i}`, '@type': 'Person', name: `P${i}` }));
  const author = Array.from({ length: n }, (_, i) => ({ '@id': `#p${i}` }));
  return JSON.stringify({ '@context': 'https://schema.org', '@graph': [...people, { '@type': 'NewsArticle', headline: 'H', articleBody: 'Text.', author }] });
};

/** The largest n whose document `build(n)` is at most `target` bytes (documents grow with n). */
function sized(build, target) {
  let lo = 1;
  let hi = 2;
  while (Buffer.byteLength(build(hi)) <= target) hi *= 2;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (Buffer.byteLength(build(mid)) <= target) lo = mid;
    else hi = mid;
  }
  return { n: lo, body: build(lo) };
}

// [name, what, build(n) or a fixed body, target bytes]
const DOCUMENTS = [
  ['1-long-href', 'JSON-LD: <a href> of 150,000 chars around 16,000 <b>x</b>y runs',
    () => jsonLd(`<p><a href="https://x.example/${'a'.repeat(150_000)}">${'<b>x</b>y'.repeat(16_000)}</a></p>`)],
  ['2-br-flood', 'JSON Feed: <br> × n, then <p>text</p>', (n) => jsonFeed(`${'<br>'.repeat(n)}<p>text</p>`), 1_000_000],
  ['3-a-no-href', 'JSON Feed: <a>x × n (links without href, never closed)', (n) => jsonFeed('<a>x'.repeat(n)), 1_000_000],
  ['4-title-pairs', 'JSON-LD: <title></title> × n, then <p>text</p>', (n) => jsonLd(`${'<title></title>'.repeat(n)}<p>text</p>`), 1_000_000],
  ['5-unmatched-end', 'JSON-LD: <div> × n, </span> × n, then <p>text</p>', (n) => jsonLd(`${'<div>'.repeat(n)}${'</span>'.repeat(n)}<p>text</p>`), 1_000_000],
  ['6-graph-100k', 'JSON-LD @graph: n Person nodes, the article citing all n by @id', graph, 100_000],
  ['6-graph-1m', 'JSON-LD @graph: n Person nodes, the article citing all n by @id', graph, 1_000_000],
  ['7-long-word', 'JSON-LD: <p> one word of n letters </p>', (n) => jsonLd(`<p>${'x'.repeat(n)}</p>`), 1_900_000],
  ['8-ampersands', 'JSON-LD: <p> &amp; × n </p><p> & × n </p>', (n) => jsonLd(`<p>${'&amp;'.repeat(n)}</p><p>${'&'.repeat(n)}</p>`), 1_900_000],
  ['9-nested-ul', 'JSON-LD: <ul><li> × n (nested n deep), then text', (n) => jsonLd(`${'<ul><li>'.repeat(n)}text`), 1_900_000],
  ['10-control', 'native: demo/articles/us-russia-intel.json', () => readFileSync('demo/articles/us-russia-intel.json', 'utf8')],
].map(([name, what, build, target]) => {
  const { n, body } = target ? sized(build, target) : { n: null, body: build() };
  const bytes = Buffer.byteLength(body);
  if (bytes > MAX_BYTES) throw new Error(`${name} is ${bytes} bytes, over ${MAX_BYTES}`);
  JSON.parse(body); // valid JSON, whatever else it is
  return { name, what, n, body, bytes };
}).filter((doc) => !ONLY.length || ONLY.some((word) => doc.name.includes(word)));

if (!DOCUMENTS.length) throw new Error(`ONLY=${process.env.ONLY} matches no document`);

// ---- The servers and the page --------------------------------------------------

// The widget's origin serves dist/ and the documents; the partner's serves the pages.
const cdn = await start({ root: 'dist' });
const partner = await start({ root: 'demo', host: '127.0.0.1' });
// "localhost" and "127.0.0.1" are different origins: the document is fetched cross-origin.
const cdnUrl = `http://localhost:${cdn.port}/`;
const partnerUrl = `http://127.0.0.1:${partner.port}/`;
const DOC_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'timing-allow-origin': '*' };
// The control's logo is relative to its document.
cdn.pages.set('/documents/news-logo.svg', { body: readFileSync('demo/articles/news-logo.svg'), headers: { 'content-type': 'image/svg+xml' } });
for (const doc of DOCUMENTS) {
  cdn.pages.set(`/documents/${doc.name}.json`, { body: doc.body, headers: DOC_HEADERS });
  doc.url = `${cdnUrl}documents/${doc.name}.json`;
  partner.pages.set(`/${doc.name}.html`, `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body>
  <h1>Partner page</h1>
  <article-widget src="${doc.url}" loading="eager"></article-widget>
  <p>The host's content after the widgets.</p>
  <script>
    // Widget 2 comes once widget 1 has read its document: it must still render.
    const addSecond = (event) => {
      if (event.target !== document.querySelector('article-widget')) return;
      document.removeEventListener('article-widget:load', addSecond);
      document.removeEventListener('article-widget:error', addSecond);
      document.body.insertAdjacentHTML('beforeend', '<article-widget loading="eager"><script type="application/json">{"headline":"Second","body":[{"type":"paragraph","text":"Still here."}]}<\\/script></article-widget>');
    };
    document.addEventListener('article-widget:load', addSecond);
    document.addEventListener('article-widget:error', addSecond);
  </script>
  <script async src="${cdnUrl}embed.js"></script></body></html>`);
}

// Runs before the page's own scripts: the contract events (they bubble to the
// document) reported through a binding as they happen, so that nothing polls the
// page, and the long tasks from the start.
const RECORDER = () => {
  window.__longTasks = [];
  window.__longTaskObserver = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  });
  window.__longTaskObserver.observe({ type: 'longtask', buffered: true });
  for (const type of ['article-widget:load', 'article-widget:error']) {
    document.addEventListener(type, (e) => {
      const host = e.target;
      const headline = host.shadowRoot && host.shadowRoot.querySelector('[part=headline]');
      window.__benchEvent({
        type,
        at: performance.now(),
        index: [...document.querySelectorAll('article-widget')].indexOf(host),
        kind: (e.detail && e.detail.kind) || null,
        headline: headline ? headline.textContent.trim() : null,
      });
    });
  }
};

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
const TIMED_OUT = Symbol('timed out');
/** `promise`, or TIMED_OUT after `ms` (a hung page's answer is never waited for). */
const within = (ms, promise) => Promise.race([promise, sleep(ms).then(() => TIMED_OUT)]);

let browser = await launchChromium();

/** Which build of dist/ a page gets: the first module's name in embed.js (another
 * engineer may rebuild dist/ during a run; rows on different builds are flagged). */
const build = () => {
  try {
    return readFileSync('dist/embed.js', 'utf8').match(/article-widget-([0-9a-f]{16})_bg\.wasm/)[1];
  } catch {
    return 'unreadable';
  }
};

async function measure(doc, rate) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });

  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const where = m.location() && m.location().url;
    errors.push(`console error: ${m.text()}${where ? ` (${where})` : ''}`);
  });
  // Which URL a "Failed to load resource" was (the console message does not always say).
  page.on('response', (r) => { if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`); });

  let first; // widget 1's event
  let second; // widget 2's load
  let onFirst;
  let onSecond;
  const firstCame = new Promise((resolve) => { onFirst = resolve; });
  const secondCame = new Promise((resolve) => { onSecond = resolve; });
  await page.exposeFunction('__benchEvent', (event) => {
    if (event.index === 0 && !first) onFirst((first = event));
    if (event.index === 1 && event.type === 'article-widget:load' && !second) onSecond((second = event));
  });
  await page.addInitScript(RECORDER);

  const started = Date.now();
  const builtBefore = build();
  const navigated = await within(PAGE_TIMEOUT, page.goto(`${partnerUrl}${doc.name}.html`, { waitUntil: 'commit', timeout: PAGE_TIMEOUT }).catch((e) => e));
  if (navigated instanceof Error) errors.push(`navigation: ${navigated.message.split('\n')[0]}`);
  await within(started + PAGE_TIMEOUT - Date.now(), firstCame);
  await within(started + SECOND_WITHIN - Date.now(), secondCame);
  // Long-task entries are delivered a task after the task ends: give them a moment.
  await sleep(300);

  const seen = await within(GRACE, page.evaluate((url) => {
    window.__longTasks.push(...window.__longTaskObserver.takeRecords().map((e) => ({ start: e.startTime, duration: e.duration })));
    const entry = performance.getEntriesByName(url, 'resource')[0];
    const hosts = document.querySelectorAll('article-widget');
    const headline = hosts[1] && hosts[1].shadowRoot && hosts[1].shadowRoot.querySelector('[part=headline]');
    return {
      now: performance.now(),
      responseEnd: entry && entry.responseEnd > 0 ? entry.responseEnd : null,
      longTasks: window.__longTasks,
      secondHeadline: headline ? headline.textContent.trim() : null,
    };
  }, doc.url).catch((e) => e));

  const row = { doc, rate, errors, first, second, build: builtBefore === build() ? builtBefore : `${builtBefore}→${build()}` };
  if (seen === TIMED_OUT || seen instanceof Error) {
    // The page never answered again (its main thread is still busy), or crashed.
    row.blocked = true;
    if (seen instanceof Error) errors.push(`evaluate: ${seen.message.split('\n')[0]}`);
  } else {
    row.responseEnd = seen.responseEnd;
    const from = seen.responseEnd ?? 0;
    const to = first ? first.at : seen.now;
    const overlapping = seen.longTasks.filter((t) => t.start < to && t.start + t.duration > from);
    row.longestTask = overlapping.reduce((longest, t) => Math.max(longest, t.duration), 0);
    row.longTaskCount = overlapping.length;
    if (first && seen.responseEnd !== null) row.elapsed = first.at - seen.responseEnd;
    if (!first && seen.responseEnd !== null) row.waited = seen.now - seen.responseEnd;
    row.secondOk = !!second && second.at <= SECOND_WITHIN
      && (second.headline === 'Second' || seen.secondHeadline === 'Second');
  }
  if (row.secondOk === undefined) row.secondOk = !!second && second.at <= SECOND_WITHIN && second.headline === 'Second';

  // A hung renderer may not close politely: start a fresh browser then.
  if ((await within(15_000, context.close().catch(() => {}))) === TIMED_OUT) {
    errors.push('the page would not close: browser restarted');
    await within(15_000, browser.close().catch(() => {}));
    browser = await launchChromium();
  }
  return row;
}

// ---- Run and print -------------------------------------------------------------

console.log(`article-widget hostile documents: ${new Date().toISOString().slice(0, 10)}, ${process.platform} ${process.arch}, dist/ as built, CPU ${RATES.map((r) => `${r}×`).join(' and ')}`);
console.log('\ndocuments:');
for (const doc of DOCUMENTS) {
  console.log(`  ${doc.name.padEnd(16)} ${String(doc.bytes).padStart(9)} bytes  ${doc.what}${doc.n ? ` (n = ${doc.n.toLocaleString('en')})` : ''}`);
}

const rows = [];
for (const doc of DOCUMENTS) {
  for (const rate of RATES) {
    process.stderr.write(`  … ${doc.name} at ${rate}×\n`);
    rows.push(await measure(doc, rate));
  }
}

const eventOf = (row) => {
  if (!row.first) return 'timeout';
  return row.first.type === 'article-widget:load' ? 'load' : `error:${row.first.kind}`;
};
const errorsOf = (row) => {
  if (!row.errors.length) return 'none';
  const unreachable = row.errors.some((text) => /unreachable/i.test(text));
  return `${unreachable ? 'UNREACHABLE ' : ''}${row.errors.length} error${row.errors.length > 1 ? 's' : ''}`;
};
const ms = (value) => (value === undefined || value === null ? '—' : `${Math.round(value).toLocaleString('en')}`);

const header = ['document', 'CPU', 'bytes', 'event', 'nav→event ms', 'resp→event ms', 'longest task ms', 'widget 2', 'errors'];
const table = rows.map((row) => [
  row.doc.name,
  `${row.rate}×`,
  row.doc.bytes.toLocaleString('en'),
  eventOf(row),
  row.first ? ms(row.first.at) : `> ${ms(PAGE_TIMEOUT)}`,
  row.waited !== undefined ? `> ${ms(row.waited)}` : ms(row.elapsed),
  row.blocked ? 'blocked' : `${ms(row.longestTask)}${row.longTaskCount > 1 ? ` (${row.longTaskCount} tasks)` : ''}`,
  row.secondOk ? 'ok' : 'NO',
  errorsOf(row),
]);
const widths = header.map((title, i) => Math.max(title.length, ...table.map((cells) => cells[i].length)));
const line = (cells) => cells.map((cell, i) => (i === 0 || i === 3 || i >= 7 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ').trimEnd();
console.log(`\n${line(header)}`);
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const cells of table) console.log(line(cells));

const withErrors = rows.filter((row) => row.errors.length);
if (withErrors.length) {
  console.log('\nerrors:');
  for (const row of withErrors) {
    for (const text of [...new Set(row.errors)]) console.log(`  ${row.doc.name} ${row.rate}×: ${text.length > 300 ? `${text.slice(0, 300)}…` : text}`);
  }
}

const builds = [...new Set(rows.map((row) => row.build))];
if (builds.length > 1) {
  console.log('\nWARNING: dist/ changed during the run; rows by build (first module hash):');
  for (const b of builds) console.log(`  ${b}: ${rows.filter((row) => row.build === b).map((row) => `${row.doc.name} ${row.rate}×`).join(', ')}`);
} else {
  console.log(`\nbuild: first module article-widget-${builds[0]}_bg.wasm throughout`);
}

const atOne = rows.filter((row) => row.rate === 1);
if (atOne.length) {
  const worst = atOne.reduce((w, row) => (row.longestTask > (w?.longestTask ?? -1) ? row : w), null);
  const blocked = atOne.filter((row) => row.blocked).map((row) => row.doc.name);
  const figure = worst ? `${Math.round(worst.longestTask)} ms (limit ${LIMIT} ms), in ${worst.doc.name}` : `n/a (limit ${LIMIT} ms)`;
  console.log(`\nworst blocking at CPU 1×: ${figure}${blocked.length ? `; and ${blocked.join(', ')} never answered again (blocked over ${(PAGE_TIMEOUT + GRACE) / 1000} s)` : ''}`);
} else {
  console.log('\nworst blocking at CPU 1×: not run (RATES has no 1)');
}

await browser.close();
cdn.server.close();
partner.server.close();
