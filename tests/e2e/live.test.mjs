// The article stays current (contract §8): checks by conditional requests,
// updates in place or behind the bar, a withdrawal found by a check, failures
// that change nothing, shared checks, and checks that stop.
//
// The contract's shortest interval is 10 s. The test pages shorten every wait
// of 10 s or more a hundredfold with a wrapper of their own around
// `window.setTimeout` (the widget's timers are the page's, as any script's
// are): nothing in the widget knows of it. The widgets' own `timeout` stays
// under 10 s so that it is not shortened.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { axeViolations, BROWSER, environment, events, shadowText, until, waitForPart, widget } from './helpers.mjs';

let env;
before(async () => { env = await environment(); });
after(() => env.stop());

const SAMPLE = JSON.parse(readFileSync('demo/articles/us-russia-intel.json', 'utf8'));
const WARP = `<script>(() => {
  const setTimeoutAsUsual = window.__setTimeoutAsUsual = window.setTimeout;
  window.setTimeout = function (callback, ms, ...rest) {
    return setTimeoutAsUsual.call(window, callback, ms >= 10000 ? ms / 100 : ms, ...rest);
  };
})();</script>`;
// A check every 100 ms of the test's time.
const LIVE = { live: '10', timeout: '5000', loading: 'eager' };

let served = 0;
/** A publisher's article that the test changes: `{ path, set(value, extra), requests() }`. */
function publish(value, extra = {}) {
  const path = `/live-${++served}.json`;
  const set = (next, more = {}) => env.partnerPages.set(path, {
    body: JSON.stringify(next),
    headers: { 'content-type': 'application/json', 'cache-control': 'no-cache', ...(more.headers || {}) },
    validators: more.validators ?? true,
    status: more.status,
  });
  set(value, extra);
  // Every request is logged by its path; one answered 304 also as `304 PATH`.
  const requests = () => env.partnerLog.filter((entry) => entry === path);
  const notModified = () => env.partnerLog.filter((entry) => entry === `304 ${path}`);
  return { src: path.slice(1), path, set, requests, notModified };
}

const changed = (text) => ({ ...SAMPLE, updated: '2014-10-14T12:00:00Z', body: [{ type: 'paragraph', text }, ...SAMPLE.body.slice(1)] });
const paragraphs = (page) => page.evaluate(() => [...document.querySelector('article-widget').shadowRoot.querySelectorAll('[part=body] > p')].map((p) => p.textContent));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

test('an unchanged article costs a 304 a check, and nothing re-renders', async () => {
  const article = publish(SAMPLE);
  const page = await env.open(widget({ src: article.src, ...LIVE }) + env.embed, { head: WARP });
  await waitForPart(page, '[part=headline]');
  // Mark the rendered nodes: a re-render would replace them.
  await page.evaluate(() => { document.querySelector('article-widget').shadowRoot.querySelector('[part=body] > p').marked = true; });
  await until(() => article.requests().length >= 6, 10_000);
  // The first load downloads it; every check after it is answered 304. (Not in
  // WebKitGTK under WebDriver: its automation session keeps no HTTP cache, so
  // each check downloads the document again, measured; what the widget does
  // with it, nothing, is asserted below all the same.)
  const [requests, notModified] = [article.requests().length, article.notModified().length];
  if (BROWSER !== 'webkit') assert.ok(requests - notModified <= 2 && notModified >= 4, `${requests} requests, ${notModified} of them 304`);
  assert.ok(!env.partnerLog.includes(`OPTIONS ${article.path}`), 'no preflight');
  assert.equal(await page.evaluate(() => document.querySelector('article-widget').shadowRoot.querySelector('[part=body] > p').marked), true);
  assert.deepEqual((await events(page)).filter((e) => e.type === 'article-widget:update'), []);
  assert.equal(await shadowText(page, '[part=update]'), null);
  await page.context().close();
});

test('an update while the reader may be reading waits behind the bar, which moves nothing; "Show latest" shows it', async () => {
  const article = publish(SAMPLE);
  const page = await env.open(`${widget({ src: article.src, ...LIVE, promotions: 'promotions.json' })}<p id="after">What follows.</p>${env.embed}`, { head: WARP });
  // Whole (what follows the body comes with a later piece), then read at 300 px
  // down once the page has settled there.
  await waitForPart(page, '[part=attribution]');
  await page.evaluate(() => window.scrollTo(0, 300));
  // (Waited for here, not in the page: WebKit's WebDriver times a page's async
  // script with the page's setTimeout, which the WARP makes 300 ms.)
  await sleep(200);
  const place = () => page.evaluate(() => [document.getElementById('after').getBoundingClientRect().top, document.querySelector('article-widget').shadowRoot.querySelector('[part=body]').getBoundingClientRect().top]);
  const before = await place();
  article.set(changed('The publisher changed the first paragraph.'));
  await waitForPart(page, '[part=update]');
  assert.equal(await shadowText(page, '[part=update] .update-text'), 'This article has been updated');
  assert.deepEqual(await place(), before, 'nothing in or around the article moved');
  assert.notEqual((await paragraphs(page))[0], 'The publisher changed the first paragraph.', 'the shown version stays');
  // The bar is in view where the reader is.
  const bar = await page.evaluate(() => document.querySelector('article-widget').shadowRoot.querySelector('[part=update]').getBoundingClientRect().top);
  assert.ok(bar >= 0 && bar < 100, `the bar at the top of the viewport: ${bar}`);
  const updates = (await events(page)).filter((e) => e.type === 'article-widget:update');
  assert.equal(updates.length, 1);
  assert.deepEqual(updates[0].detail, { id: SAMPLE.id ?? null, url: updates[0].detail.url, updated: '2014-10-14T12:00:00Z' });
  // Newer versions leave one bar, which shows the newest.
  article.set(changed('Changed again.'));
  await page.waitForFunction(() => window.__events.filter((e) => e.type === 'article-widget:update').length === 2);
  assert.equal(await page.evaluate(() => document.querySelector('article-widget').shadowRoot.querySelectorAll('[part=update]').length), 1);
  // What the reader did, and the blocks the new version keeps.
  await page.evaluate(() => {
    const root = document.querySelector('article-widget').shadowRoot;
    root.querySelectorAll('[part=body] > *')[2].marked = 'kept';
  });
  await page.locator('article-widget').locator('[part=newsletter-email]').fill('reader@example.com');
  await page.locator('article-widget').locator('[part=update-show]').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => !document.querySelector('article-widget').shadowRoot.querySelector('[part=update]'));
  assert.equal((await paragraphs(page))[0], 'Changed again.');
  // Shown from its top, focus on the headline.
  const shown = await page.evaluate(() => {
    const root = document.querySelector('article-widget').shadowRoot;
    return { top: root.querySelector('[part=article]').getBoundingClientRect().top, focused: root.activeElement && root.activeElement.getAttribute('part') };
  });
  assert.ok(Math.abs(shown.top) <= 1, `the article's top at the viewport's: ${shown.top}`);
  // Only what changed rendered anew: an unchanged block keeps its element; the
  // typed address stays typed.
  const kept = await page.evaluate(() => {
    const root = document.querySelector('article-widget').shadowRoot;
    return {
      block: root.querySelectorAll('[part=body] > *')[2].marked,
      email: root.querySelector('[part=newsletter-email]').value,
    };
  });
  assert.deepEqual(kept, { block: 'kept', email: 'reader@example.com' });
  assert.equal(shown.focused, 'headline');
  // No second load, no view or read again for the same article.
  const types = (await events(page)).map((e) => e.type);
  assert.equal(types.filter((t) => t === 'article-widget:load').length, 1);
  await page.context().close();
});

test('an update before the reader has seen the article replaces it in place at once', async () => {
  const article = publish(SAMPLE);
  const page = await env.open(`<div style="height: 3000px">Above.</div>${widget({ src: article.src, ...LIVE })}${env.embed}`, { head: WARP });
  await page.waitForFunction(() => window.__events.some((e) => e.type === 'article-widget:load'));
  await page.evaluate(() => { document.querySelector('article-widget').shadowRoot.querySelectorAll('[part=body] > *')[2].marked = 'kept'; });
  article.set(changed('Replaced before anyone saw it.'));
  await page.waitForFunction(() => window.__events.some((e) => e.type === 'article-widget:update'));
  await page.waitForFunction(() => document.querySelector('article-widget').shadowRoot.querySelector('[part=body] > p').textContent === 'Replaced before anyone saw it.');
  assert.equal(await shadowText(page, '[part=update]'), null, 'no bar');
  assert.equal(await page.evaluate(() => document.querySelector('article-widget').shadowRoot.querySelectorAll('[part=body] > *')[2].marked), 'kept', 'an unchanged block keeps its element');
  await page.context().close();
});

test('a withdrawal found by a check replaces the article at once, and no check follows', async () => {
  const article = publish(SAMPLE);
  const page = await env.open(widget({ src: article.src, ...LIVE }) + env.embed, { head: WARP });
  await waitForPart(page, '[part=headline]');
  article.set({ status: 'withdrawn', notice: 'Withdrawn for legal reasons.' });
  await waitForPart(page, '[part=withdrawn]');
  assert.equal(await shadowText(page, '.withdrawn-notice'), 'Withdrawn for legal reasons.');
  assert.equal(await shadowText(page, '[part=article]'), null, 'nothing of the article stays');
  assert.equal(await page.locator('article-widget > a').isVisible(), false, 'the fallback stays hidden');
  const withdrawn = (await events(page)).filter((e) => e.type === 'article-widget:withdrawn');
  assert.equal(withdrawn.length, 1);
  const count = article.requests().length;
  await sleep(800);
  assert.equal(article.requests().length, count, 'no check after a withdrawal');
  await page.context().close();
});

test('a 410 found by a check is a withdrawal too', async () => {
  const article = publish(SAMPLE);
  const page = await env.open(widget({ src: article.src, ...LIVE }) + env.embed, { head: WARP });
  await waitForPart(page, '[part=headline]');
  article.set('gone', { status: 410, validators: false });
  await waitForPart(page, '[part=withdrawn]');
  assert.equal(await shadowText(page, '[part=withdrawn]'), 'This article has been withdrawn');
  await page.context().close();
});

test('failed checks change nothing, warn once, and back off; the first success restores the interval', async () => {
  const article = publish(SAMPLE);
  const page = await env.open(widget({ src: article.src, ...LIVE }) + env.embed, { head: WARP });
  await waitForPart(page, '[part=headline]');
  const start = article.requests().length;
  article.set('oops', { status: 500, validators: false });
  // (Bounds only from above: a slower machine makes fewer checks, never more.)
  await until(() => article.requests().length >= start + 3, 10_000);
  const from = article.requests().length;
  await sleep(1_600);
  // Waits doubling from 800 ms: one or two checks in 1.6 s; without backing off, sixteen.
  const failed = article.requests().length - from;
  assert.ok(failed <= 3, `backed off: ${failed} checks in 1.6 s`);
  assert.equal(await shadowText(page, '[part=error]'), null);
  assert.ok(await shadowText(page, '[part=headline]'));
  assert.deepEqual((await events(page)).filter((e) => e.type === 'article-widget:error'), []);
  await page.evaluate(() => 0);
  const warnings = page.consoleMessages.filter((m) => m.type === 'warning' && /newer version/.test(m.text));
  assert.equal(warnings.length, 1);
  article.set(changed('Back again, changed.'));
  await page.waitForFunction(() => window.__events.some((e) => e.type === 'article-widget:update'), null, { timeout: 10_000 });
  await page.context().close();
});

test('widgets with the same src share their checks; live="off" and removal stop them', async () => {
  const article = publish(SAMPLE);
  const two = widget({ src: article.src, ...LIVE }) + widget({ src: article.src, ...LIVE, live: '20' });
  const page = await env.open(two + env.embed, { head: WARP });
  await page.waitForFunction(() => window.__events.filter((e) => e.type === 'article-widget:load').length === 2);
  // (Bounds only from above: a slower machine makes fewer checks, never more.)
  const start = article.requests().length;
  await until(() => article.requests().length >= start + 3, 10_000);
  const from = article.requests().length;
  await sleep(1_000);
  const shared = article.requests().length - from;
  // One request a check, every 100 ms (the shorter interval): ten at most, not twenty.
  assert.ok(shared <= 12, `${shared} requests in 1 s for two widgets`);
  // Off for the first: the second's 200 ms interval remains.
  await page.evaluate(() => document.querySelector('article-widget').setAttribute('live', 'off'));
  const off = article.requests().length;
  await until(() => article.requests().length >= off + 3, 10_000);
  const second = article.requests().length;
  await sleep(1_000);
  const alone = article.requests().length - second;
  assert.ok(alone <= 6, `${alone} requests in 1 s at the 200 ms interval`);
  // Removed: no more checks.
  await page.evaluate(() => document.querySelectorAll('article-widget').forEach((w) => w.remove()));
  await sleep(300);
  const removed = article.requests().length;
  await sleep(800);
  assert.equal(article.requests().length, removed);
  await page.context().close();
});

/** axe-core on the widget, in real time again: WebKit's WebDriver times its
 * async scripts with the page's setTimeout (30 s, which the shortened one made 300 ms). */
async function violations(page) {
  await page.evaluate(() => { window.setTimeout = window.__setTimeoutAsUsual; });
  return axeViolations(page);
}

for (const [state, attributes, said] of [
  ['light', {}, 'This article has been updated'],
  ['dark', { theme: 'dark' }, 'This article has been updated'],
  ['right to left (Arabic)', { lang: 'ar' }, 'تم تحديث هذا المقال'],
  ['German', { lang: 'de' }, 'Dieser Artikel wurde aktualisiert'],
]) {
  test(`the update bar, ${state}: its words, and no axe-core violations`, async () => {
    const article = publish(SAMPLE);
    const page = await env.open(widget({ src: article.src, ...LIVE, ...attributes }) + env.embed, { head: WARP });
    await waitForPart(page, '[part=headline]');
    article.set(changed('Changed.'));
    await waitForPart(page, '[part=update-show]');
    assert.equal(await shadowText(page, '[part=update] .update-text'), said);
    assert.deepEqual(await violations(page), []);
    await page.context().close();
  });
}

test('no check while the page is hidden; one at once when it shows again', async () => {
  const article = publish(SAMPLE);
  const page = await env.open(widget({ src: article.src, ...LIVE }) + env.embed, { head: WARP });
  await waitForPart(page, '[part=headline]');
  // The page hidden, as a background tab's is (the widget reads document.hidden).
  await page.evaluate(() => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await sleep(300);
  const hidden = article.requests().length;
  await sleep(1_000);
  assert.ok(article.requests().length - hidden <= 1, 'no check while hidden (one may have been under way)');
  await page.evaluate(() => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => false });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await until(() => article.requests().length > hidden + 1, 5_000);
  assert.ok(article.requests().length > hidden + 1, 'the check that fell due runs when the page shows');
  await page.context().close();
});

test('the publisher\'s max-age slows every copy down', async () => {
  // max-age=30 against live="10": a check every 300 ms of the test's time, not 100.
  const article = publish(SAMPLE, { headers: { 'cache-control': 'max-age=30' } });
  const page = await env.open(widget({ src: article.src, ...LIVE }) + env.embed, { head: WARP });
  await waitForPart(page, '[part=headline]');
  await until(() => article.requests().length >= 3, 10_000);
  const from = article.requests().length;
  await sleep(1_200);
  // (Bounds only from above: a slower machine makes fewer checks, never more.)
  const checks = article.requests().length - from;
  assert.ok(checks <= 5, `${checks} checks in 1.2 s at max-age=30 (live="10" alone: 12)`);
  await page.context().close();
});

test('a document that turns invalid or enormous changes nothing; a version the publisher goes back on takes the bar away', async () => {
  const article = publish(SAMPLE);
  const page = await env.open(widget({ src: article.src, ...LIVE }) + env.embed, { head: WARP });
  await waitForPart(page, '[part=headline]');
  env.partnerPages.set(article.path, { body: '{"headline": "broken', headers: { 'content-type': 'application/json' } });
  await until(() => article.requests().length >= 4, 10_000);
  env.partnerPages.set(article.path, { body: `{"headline":"H","body":[{"type":"paragraph","text":"${'x'.repeat(3 * 1024 * 1024)}"}]}`, headers: { 'content-type': 'application/json' } });
  const big = article.requests().length;
  await until(() => article.requests().length >= big + 2, 10_000);
  assert.equal(await shadowText(page, '[part=headline]'), SAMPLE.headline, 'the shown article stays');
  assert.equal(await shadowText(page, '[part=error]'), null);
  // An update, then the original again: the bar goes.
  article.set(changed('A change the publisher took back.'));
  await waitForPart(page, '[part=update]');
  article.set(SAMPLE);
  await page.waitForFunction(() => !document.querySelector('article-widget').shadowRoot.querySelector('[part=update]'));
  assert.equal((await paragraphs(page))[0], SAMPLE.body[0].text);
  await page.context().close();
});

// What the page holds for the widgets: timers not yet run or cleared, and
// listeners on window and document (a page script of the test's own, wrapping
// the page's functions as the WARP does).
const COUNTERS = `<script>(() => {
  const pending = window.__timers = new Set();
  const set = window.setTimeout, clear = window.clearTimeout;
  window.setTimeout = function (callback, ms, ...rest) {
    const id = set.call(window, (...args) => { pending.delete(id); if (typeof callback === 'function') callback(...args); }, ms, ...rest);
    pending.add(id);
    return id;
  };
  window.clearTimeout = function (id) { pending.delete(id); return clear.call(window, id); };
  const listeners = window.__listeners = new Set();
  const key = (target, type, listener, options) => [target === window ? 'window' : 'document', type, listener, !!(options === true || (options && options.capture))];
  const add = EventTarget.prototype.addEventListener, remove = EventTarget.prototype.removeEventListener;
  const find = (k) => [...listeners].find((l) => l.every((part, i) => part === k[i]));
  EventTarget.prototype.addEventListener = function (type, listener, options) {
    if ((this === window || this === document) && listener) { const k = key(this, type, listener, options); if (!find(k)) listeners.add(k); }
    return add.call(this, type, listener, options);
  };
  EventTarget.prototype.removeEventListener = function (type, listener, options) {
    if (this === window || this === document) { const found = find(key(this, type, listener, options)); if (found) listeners.delete(found); }
    return remove.call(this, type, listener, options);
  };
})();</script>`;

const holdings = (page) => page.evaluate(() => ({
  timers: window.__timers.size,
  listeners: window.__listeners.size,
  nodes: [...document.querySelectorAll('article-widget')].reduce((sum, w) => sum + w.shadowRoot.querySelectorAll('*').length, 0),
}));

test('fifty widgets through a quarter of an hour of checks hold no more timers, listeners or nodes than at the start; removed, they hold none', async () => {
  // Five sources, ten widgets each: one unchanged, one whose publisher flips
  // between two versions, one failing (backing off), one answered without
  // validators, one that turns invalid now and then.
  const unchanged = publish(SAMPLE);
  const flipping = publish(SAMPLE);
  const failing = publish(SAMPLE);
  const bare = publish(SAMPLE, { validators: false });
  const invalid = publish(SAMPLE);
  const sources = [unchanged, flipping, failing, bare, invalid];
  const widgets = sources.flatMap((s) => Array.from({ length: 10 }, () => widget({ src: s.src, ...LIVE, style: '--article-widget-reserve: 20em' })));
  const page = await env.open(`${widgets.join('')}${env.embed}`, { head: WARP + COUNTERS });
  await page.waitForFunction(() => window.__events.filter((e) => e.type === 'article-widget:load').length === 50, null, { timeout: 60_000 });
  failing.set('oops', { status: 500, validators: false });
  // What follows the bodies, and the checks, come with a later piece: the
  // baseline is taken once every source has been checked a few times.
  await until(() => sources.every((s) => s.requests().length >= 4), 15_000);
  await sleep(1_000);
  const baseline = await holdings(page);
  const started = sources.map((s) => s.requests().length);
  // A check every 100 ms of the test's time is one every 10 s of the page's:
  // 10 s are a quarter of an hour of checks, some 100 a source.
  for (let step = 0; step < 10; step += 1) {
    flipping.set(step % 2 ? SAMPLE : changed(`Version ${step}.`));
    if (step % 6 === 3) env.partnerPages.set(invalid.path, { body: '{"headline": "broken', headers: { 'content-type': 'application/json' } });
    if (step % 6 === 4) invalid.set(SAMPLE);
    await sleep(1_000);
  }
  const after = await holdings(page);
  const checks = sources.map((s, i) => s.requests().length - started[i]);
  console.log(`checks per source in 10 s: ${checks.join(', ')}; held at the start ${JSON.stringify(baseline)}, after ${JSON.stringify(after)}`);
  // (Bounds from above only: a slower machine makes fewer checks, never more.)
  assert.ok(checks[0] <= 110, `shared checks: ${checks[0]} for ten widgets`);
  assert.ok(checks[2] <= 15, `a failing source backs off: ${checks[2]} checks`);
  // Bounded: one pending check per source, the page's own few; no listener or node
  // more than after the first render (the bars come and go with the flipping source).
  assert.ok(after.timers <= baseline.timers + 2 && after.timers <= sources.length + 6, `timers: ${baseline.timers} → ${after.timers}`);
  assert.ok(after.listeners <= baseline.listeners, `listeners: ${baseline.listeners} → ${after.listeners}`);
  assert.ok(after.nodes <= baseline.nodes + 20, `nodes: ${baseline.nodes} → ${after.nodes}`);
  // Removed: no timer of theirs left, no check after.
  await page.evaluate(() => document.querySelectorAll('article-widget').forEach((w) => w.remove()));
  await sleep(500);
  const gone = await holdings(page);
  const last = sources.map((s) => s.requests().length);
  await sleep(1_000);
  assert.deepEqual(sources.map((s) => s.requests().length), last, 'no check after removal');
  assert.ok(gone.timers <= 1, `timers after removal: ${gone.timers}`);
  await page.context().close();
});
