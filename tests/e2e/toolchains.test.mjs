// At home in partners' toolchains (contract §9): properties that reflect the
// attributes (set before embed.js ran, too), `state` and `:state()`, every
// event under both its names, and a release that refuses what is not its own.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { distFiles } from '../dist-files.mjs';
import { environment, FALLBACK, shadowText, waitForEvent, waitForPart, widget } from './helpers.mjs';

let env;
before(async () => { env = await environment(); });
after(() => env.stop());

const SRC = 'articles/us-russia-intel.json';
const NAMES = ['load', 'error', 'share', 'expand', 'view', 'read', 'subscribe', 'promotion', 'update', 'withdrawn'];

// Every event under either name, in the order the page saw them, each detail
// numbered so that "the same detail" is the same object.
const BOTH = `<script>
  window.__both = [];
  const details = [];
  for (const name of ${JSON.stringify(NAMES)}) {
    for (const mark of [':', '-']) {
      document.addEventListener('article-widget' + mark + name, (e) => {
        let n = details.indexOf(e.detail);
        if (n < 0) n = details.push(e.detail) - 1;
        window.__both.push({ type: e.type, detail: n, bubbles: e.bubbles, composed: e.composed,
          index: [...document.querySelectorAll('article-widget')].indexOf(e.target) });
      });
    }
  }
</script>`;

test('every event goes out under both names, colon first, at once the dash, with the same detail', async () => {
  const widgets = widget({ src: SRC, loading: 'eager', preview: '1' })
    + widget({ src: '/fault/404', loading: 'eager' })
    + widget({ src: '/fault/410', loading: 'eager' });
  const page = await env.open(widgets + env.embed, { head: BOTH });
  await waitForPart(page, '[part=continue]');
  await page.locator('article-widget').first().locator('[part=continue]').click();
  await page.waitForFunction(() => ['load', 'error', 'withdrawn', 'expand'].every((n) => window.__both.some((e) => e.type === `article-widget-${n}`)));
  const seen = await page.evaluate(() => window.__both);
  assert.equal(seen.length % 2, 0, JSON.stringify(seen));
  for (let i = 0; i < seen.length; i += 2) {
    const [colon, dash] = [seen[i], seen[i + 1]];
    const name = colon.type.slice('article-widget:'.length);
    assert.equal(colon.type, `article-widget:${name}`);
    assert.equal(dash.type, `article-widget-${name}`, `${colon.type} is followed at once by its dash name`);
    assert.equal(dash.detail, colon.detail, 'the same detail');
    assert.equal(dash.index, colon.index);
    assert.ok(dash.bubbles && dash.composed);
  }
  await page.context().close();
});

test('each attribute has a property of its name in camelCase that reflects it as a string; lang stays the built-in one', async () => {
  const page = await env.open(widget({ src: '/fault/404', loading: 'eager', 'share-url': 'page' }) + env.embed);
  await waitForEvent(page, 'article-widget:error');
  const seen = await page.evaluate(() => {
    const el = document.querySelector('article-widget');
    const read = (p) => el[p];
    const before = { src: read('src'), shareUrl: read('shareUrl'), theme: read('theme'), live: read('live') };
    el.headingLevel = 3;
    el.theme = 'dark';
    el.live = undefined;
    el.shareUrl = null;
    el.continue = 'link';
    return {
      before,
      headingLevel: [el.getAttribute('heading-level'), el.headingLevel],
      theme: el.getAttribute('theme'),
      shareUrl: el.hasAttribute('share-url'),
      continue: el.getAttribute('continue'),
      names: ['src', 'theme', 'share', 'loading', 'shareUrl', 'timeout', 'headingLevel', 'preview', 'continue', 'promotions', 'live']
        .filter((p) => !(p in el)),
      lang: Object.getOwnPropertyDescriptor(Object.getPrototypeOf(el), 'lang') === undefined && 'lang' in el,
      ownProperties: Object.keys(el).filter((k) => !k.startsWith('_')),
    };
  });
  assert.deepEqual(seen.before, { src: '/fault/404', shareUrl: 'page', theme: null, live: null });
  assert.deepEqual(seen.headingLevel, ['3', '3']);
  assert.equal(seen.theme, 'dark');
  assert.equal(seen.shareUrl, false, 'null removes the attribute');
  assert.equal(seen.continue, 'link');
  assert.deepEqual(seen.names, [], 'every property is there');
  assert.equal(seen.lang, true, 'lang is HTMLElement\'s own');
  await page.context().close();
});

test('a new src set as a property renders the new article, as the attribute does', async () => {
  const page = await env.open(widget({ src: '/fault/404', loading: 'eager' }) + env.embed);
  await waitForEvent(page, 'article-widget:error');
  await page.evaluate((src) => { document.querySelector('article-widget').src = src; }, SRC);
  await waitForEvent(page, 'article-widget:load');
  assert.equal(await page.evaluate(() => document.querySelector('article-widget').state), 'loaded');
  await page.context().close();
});

test('properties set before embed.js defined the element take effect, and leave no own property behind', async () => {
  // A framework renders the element and sets its properties; embed.js comes later.
  const early = `<div id="app"></div><script>
    const el = document.createElement('article-widget');
    el.src = ${JSON.stringify(SRC)};
    el.loading = 'eager';
    el.headingLevel = 4;
    el.innerHTML = ${JSON.stringify(FALLBACK)};
    document.getElementById('app').append(el);
  </script>`;
  const page = await env.open(early + env.embed);
  await waitForEvent(page, 'article-widget:load');
  const seen = await page.evaluate(() => {
    const el = document.querySelector('article-widget');
    return {
      own: ['src', 'loading', 'headingLevel'].filter((p) => Object.prototype.hasOwnProperty.call(el, p)),
      attributes: [el.getAttribute('src'), el.getAttribute('loading'), el.getAttribute('heading-level')],
      headline: el.shadowRoot.querySelector('[part=headline]').tagName,
    };
  });
  assert.deepEqual(seen.own, []);
  assert.deepEqual(seen.attributes, [SRC, 'eager', '4']);
  assert.equal(seen.headline, 'H4');
  await page.context().close();
});

test('state and :state() say loading, then loaded, error or withdrawn; a new src starts again at loading', async () => {
  const page = await env.open(widget({ src: SRC, loading: 'eager', timeout: '5000' }) + widget({ src: '/fault/500', loading: 'eager' })
    + widget({ src: '/fault/410', loading: 'eager' }) + widget({ src: '/fault/hang', loading: 'eager' }) + env.embed);
  await page.waitForFunction(() => window.__events.filter((e) => /:(load|error|withdrawn)$/.test(e.type)).length === 3);
  const states = () => page.evaluate(() => [...document.querySelectorAll('article-widget')].map((el) => {
    let custom = null;
    try {
      custom = ['loading', 'loaded', 'error', 'withdrawn'].filter((s) => el.matches(`:state(${s})`));
    } catch (e) { /* no :state() here */ }
    return { state: el.state, custom };
  }));
  const seen = await states();
  assert.deepEqual(seen.map((s) => s.state), ['loaded', 'error', 'withdrawn', 'loading']);
  for (const { state, custom } of seen) if (custom) assert.deepEqual(custom, [state], 'exactly one custom state, the same');
  // A listener attached after the load knows what it missed.
  assert.equal(await page.evaluate(() => { const el = document.querySelector('article-widget'); try { el.state = 'error'; } catch (e) { /* read-only */ } return el.state; }), 'loaded');
  await page.evaluate(() => { document.querySelector('article-widget').src = '/fault/hang-2'; });
  assert.deepEqual((await states())[0].state, 'loading');
  await page.context().close();
});

/** Serves `file` with one byte changed, where what the code does does not hang
 * on it (a letter of a message): unchecked, it would run as if nothing had
 * happened. Returns the function that serves the release's file again. */
function tampered(file, [from, to]) {
  const bytes = Buffer.from(readFileSync(`dist/${file}`));
  const at = bytes.indexOf(from);
  assert.ok(at >= 0 && from.length === to.length, `${file} has "${from}"`);
  Buffer.from(to).copy(bytes, at);
  env.cdnPages.set(`/${file}`, { body: bytes, headers: { 'content-type': file.endsWith('.wasm') ? 'application/wasm' : 'text/javascript; charset=utf-8' } });
  return () => env.cdnPages.delete(`/${file}`);
}

const { glue, wasm, pieces } = distFiles();
const formats = pieces.find((p) => p.startsWith('split_formats'));
for (const [what, file, change, src] of [
  ['the module', wasm, ['recursion limit exceeded', 'recursion limit exceedeD'], SRC],
  ['the glue', glue, ['}: ${', '}; ${'], SRC],
  ['a later piece (the publishers\' formats)', formats, ['cannot remove a char', 'Cannot remove a char'], 'jsonld.json'],
]) {
  test(`${what} changed by one byte is refused: the error state, with the fallback`, async () => {
    const restore = tampered(file, change);
    env.partnerPages.set('/jsonld.json', { body: readFileSync('tests/fixtures/formats/jsonld/dailymail-victoria-floods.json', 'utf8'), headers: { 'content-type': 'application/json' } });
    try {
      const page = await env.open(widget({ src, loading: 'eager' }) + env.embed);
      await waitForEvent(page, 'article-widget:error');
      const error = (await page.evaluate(() => window.__events)).find((e) => e.type === 'article-widget:error');
      assert.equal(error.detail.kind, 'network');
      assert.equal(await page.evaluate(() => document.querySelector('article-widget').state), 'error');
      assert.equal(await page.locator('article-widget > a').isVisible(), true, 'the partner\'s fallback shows');
      assert.equal(await shadowText(page, '[part=headline]'), null, 'nothing of the tampered release ran');
      await page.context().close();
    } finally {
      restore();
    }
  });
}
