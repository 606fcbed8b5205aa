// Contract §1: the snippet, the loader, one module per page, elements that come
// and go, attribute changes, the fallback children.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { distFiles } from '../dist-files.mjs';
import { environment, events, FALLBACK, held, SAMPLE_HEADLINE, shadowText, waitForEvent, waitForPart, widget, playwrightOnly } from './helpers.mjs';

let env;
before(async () => { env = await environment(); });
after(() => env.stop());

const SRC = 'articles/us-russia-intel.json';
// Fetches of the first module (the later pieces are counted by their own names).
const wasmFetches = () => env.cdnLog.filter((p) => /article-widget-[0-9a-f]{16}_bg\.wasm$/.test(p)).length;

for (const mode of ['async', 'defer', '']) {
  for (const where of ['before', 'after']) {
    test(`the snippet works with a ${mode || 'plain'} script ${where} the element, from another origin`, async () => {
      const script = `<script ${mode} src="${env.cdnUrl}embed.js"></script>`;
      const element = widget({ src: SRC });
      const page = await env.open(where === 'before' ? script + element : element + script);
      await waitForPart(page, '[part=headline]');
      assert.equal(await shadowText(page, '[part=headline]'), SAMPLE_HEADLINE);
      await page.context().close();
    });
  }
}

test('50 widgets and a doubly included script: one definition, one wasm fetch, 50 articles', { skip: playwrightOnly('an init script counting instantiations') }, async () => {
  const before = wasmFetches();
  const widgets = Array.from({ length: 50 }, () => widget({ src: SRC, loading: 'eager' })).join('\n');
  // Counts how the page instantiates WebAssembly.
  const countInstantiations = (page) => page.addInitScript(() => {
    window.__instantiations = [];
    for (const name of ['instantiateStreaming', 'instantiate', 'compileStreaming', 'compile']) {
      const original = WebAssembly[name];
      WebAssembly[name] = function (...args) {
        window.__instantiations.push(args[0] instanceof WebAssembly.Module ? `${name}(module)` : name);
        return original.apply(this, args);
      };
    }
  });
  const page = await env.open(env.embed + widgets + env.embed, { beforeGoto: countInstantiations });
  await page.waitForFunction(() => window.__events.filter((e) => e.type === 'article-widget:load').length === 50, null, { timeout: 30_000 });
  // The first module once, then each later piece (and the chunks they share) once.
  const pieces = distFiles().pieces.length;
  // (The pieces may still be on their way when the last headline is in.)
  await page.waitForFunction((n) => window.__instantiations.length >= n, 2 + pieces, { timeout: 10_000 }).catch(() => {});
  // The first module is compiled from its bytes while its hash is checked, and
  // instantiated from that compiled module; each piece streams.
  assert.deepEqual((await page.evaluate(() => window.__instantiations)).sort(),
    ['compile', 'instantiate(module)', ...Array(pieces).fill('instantiateStreaming')],
    'one compilation and instantiation of the module, one streaming instantiation of each piece, no fallback');
  const rendered = await page.evaluate(() => [...document.querySelectorAll('article-widget')]
    .filter((w) => w.shadowRoot && w.shadowRoot.querySelector('[part=headline]')).length);
  assert.equal(rendered, 50);
  assert.equal(wasmFetches() - before, 1, 'the .wasm is fetched once per page');
  assert.equal(await page.evaluate(() => typeof customElements.get('article-widget')), 'function');
  assert.deepEqual(page.consoleMessages.filter((m) => m.type === 'error' || m.type === 'pageerror' || m.type === 'warning'), []);
  await page.context().close();
});

test('the glue, the wasm and the article download side by side, each once', async () => {
  const { glue, wasm } = distFiles();
  // A slow CDN: sequential loading would start each download after the last one ended.
  env.cdnDelays.set(`/${glue}`, 700).set(`/${wasm}`, 700);
  const src = `${SRC}?side-by-side`;
  const articleFetches = () => env.partnerLog.filter((p) => p === '/articles/us-russia-intel.json').length;
  const before = articleFetches();
  try {
    const page = await env.open(widget({ src }) + env.embed);
    await waitForPart(page, '[part=headline]');
    const timing = await page.evaluate(() => performance.getEntriesByType('resource')
      .map(({ name, startTime, responseEnd }) => ({ name, startTime, responseEnd })));
    const entry = (suffix) => {
      const found = timing.filter((t) => new URL(t.name).pathname.endsWith(suffix) || t.name.endsWith(suffix));
      assert.equal(found.length, 1, `${suffix} is fetched once`);
      return found[0];
    };
    const [g, w, json] = [entry(glue), entry(wasm), entry(src)];
    assert.ok(w.startTime < g.responseEnd, 'the wasm is requested before the glue has arrived');
    assert.ok(json.startTime < w.responseEnd, 'the article is requested before the wasm has arrived');
    assert.ok(json.startTime < g.responseEnd, 'the article is requested before the glue has arrived');
    assert.equal(articleFetches() - before, 1, 'the widget takes over the early fetch rather than fetching again');
  } finally {
    env.cdnDelays.clear();
  }
});

test('the fallback children show until the article renders, then give way', { skip: playwrightOnly("holding the article's response (request interception)") }, async () => {
  const article = held('**/us-russia-intel.json?held');
  const page = await env.open(widget({ src: `${SRC}?held` }) + env.embed, { beforeGoto: article.beforeGoto });
  // While loading: the skeleton, with the partner's link slotted inside it.
  await waitForPart(page, '[part=skeleton] slot');
  assert.equal(await page.locator('article-widget a').isVisible(), true);
  article.release();
  await waitForPart(page, '[part=headline]');
  assert.equal(await page.locator('article-widget > a').isVisible(), false, 'the rendered article replaces the fallback');
  assert.equal(await shadowText(page, '[part=skeleton]'), null);
  await page.context().close();
});

test('before the wasm arrives the widget already holds its space, so the swap moves nothing', { skip: playwrightOnly("holding the module's response (request interception)") }, async () => {
  const wasm = held('**/*_bg.wasm');
  const article = held('**/us-russia-intel.json?reserved');
  const page = await env.open(widget({ src: `${SRC}?reserved` }) + '<p id="after">After.</p>' + env.embed, {
    beforeGoto: async (page) => { await wasm.beforeGoto(page); await article.beforeGoto(page); },
  });
  const height = () => page.evaluate(() => document.querySelector('article-widget').getBoundingClientRect().height);
  const after = () => page.evaluate(() => document.getElementById('after').getBoundingClientRect().top);
  const reserved = await height();
  // The partner's link alone is one line (about 18px); the reservation is a screenful.
  assert.ok(reserved >= 792, `reserved ${reserved}px`);
  assert.ok((await after()) >= 800, 'what follows the widget is off screen');
  assert.equal(await page.locator('article-widget a').isVisible(), true, 'the fallback shows meanwhile');
  wasm.release();
  await waitForPart(page, '[part=skeleton]');
  assert.ok((await after()) >= 800, 'and stays off screen with the skeleton');
  article.release();
  await waitForPart(page, '[part=headline]');
  assert.ok((await after()) >= 800, 'and with the article');
  await page.context().close();
});

test('elements added later render by themselves and removed ones are unmounted', async () => {
  const page = await env.open(env.embed);
  await page.waitForFunction(() => customElements.get('article-widget'));
  await page.evaluate((fallback) => {
    const el = document.createElement('article-widget');
    el.setAttribute('src', 'articles/us-russia-intel.json');
    el.innerHTML = fallback;
    document.body.append(el);
  }, FALLBACK);
  await waitForPart(page, '[part=headline]');
  const emptied = await page.evaluate(() => {
    const el = document.querySelector('article-widget');
    el.remove();
    return el.shadowRoot.childElementCount;
  });
  assert.equal(emptied, 0, 'removing the element unmounts its view');
  await page.context().close();
});

test('changing src renders the new article', async () => {
  const page = await env.open(widget({ src: SRC }) + env.embed);
  await waitForEvent(page, 'article-widget:load');
  const second = encodeURIComponent(JSON.stringify({ id: 'second', headline: 'A second story', body: [{ type: 'paragraph', text: 'P' }] }));
  await page.evaluate((src) => document.querySelector('article-widget').setAttribute('src', src), `data:application/json,${second}`);
  await page.waitForFunction(() => document.querySelector('article-widget').shadowRoot.querySelector('[part=headline]')?.textContent === 'A second story');
  assert.equal(await page.evaluate(() => document.querySelector('article-widget').shadowRoot.querySelectorAll('article').length), 1);
  const loads = (await events(page)).filter((e) => e.type === 'article-widget:load').map((e) => e.detail.id);
  assert.deepEqual(loads, ['us-russia-intel-sharing', 'second']);
  await page.context().close();
});

test('loading="lazy" waits until the widget is near the viewport; eager does not', async () => {
  const spacer = '<div style="height: 5000px"></div>';
  const page = await env.open(spacer + widget({ src: `${SRC}?lazy` }) + widget({ src: `${SRC}?eager`, loading: 'eager' }) + env.embed);
  await waitForPart(page, '[part=headline]', 1);
  // It holds its space (embed.js's placeholder) but has not mounted: no part yet.
  assert.equal(await page.evaluate(() => !!document.querySelector('article-widget').shadowRoot.querySelector('[part]')), false, 'the lazy widget has not started');
  assert.equal(await page.locator('article-widget >> nth=0 >> a').isVisible(), true, 'off screen, its fallback is in place');
  await page.evaluate(() => document.querySelector('article-widget').scrollIntoView());
  await waitForPart(page, '[part=headline]', 0);
  await page.context().close();
});

test('inline JSON is used instead of fetching', async () => {
  const json = JSON.stringify({ headline: 'Inline story', body: [{ type: 'paragraph', text: 'From the page itself.' }] });
  const page = await env.open(widget({}, `${FALLBACK}<script type="application/json">${json}</script>`) + env.embed);
  await waitForPart(page, '[part=headline]');
  assert.equal(await shadowText(page, '[part=headline]'), 'Inline story');
  await page.context().close();
});

test('a widget whose module cannot load keeps its fallback and fires a network error', async () => {
  const page = await env.open(widget({ src: SRC }) + `<script src="${env.cdnUrl}missing/embed.js"></script>`
    + `<script>${await (await fetch(env.cdnUrl + 'embed.js')).text()}</script>`);
  // embed.js inlined on the page finds its glue relative to the page: there is none.
  await page.waitForFunction(() => window.__events.some((e) => e.type === 'article-widget:error'));
  const [error] = (await events(page)).filter((e) => e.type === 'article-widget:error');
  assert.equal(error.detail.kind, 'network');
  assert.equal(await page.locator('article-widget a').isVisible(), true);
  await page.context().close();
});

test('lazy widgets far below the fold: the module is ready once the page idles, their articles wait for the viewport', async () => {
  const before = { wasm: wasmFetches(), json: env.partnerLog.filter((p) => p.endsWith('lazy-only.json')).length };
  env.partnerPages.set('/articles/lazy-only.json', { body: '{"headline":"Lazy","body":[{"type":"paragraph","text":"P"}]}', headers: { 'content-type': 'application/json' } });
  const page = await env.open('<div style="height: 4000px"></div>' + widget({ src: 'articles/lazy-only.json' }) + widget({ src: 'articles/lazy-only.json' }) + env.embed);
  await page.waitForFunction(() => customElements.get('article-widget'));
  // Loaded and idle: the module comes, compiled and instantiated, and the
  // publishers' readers with it (the view's pieces wait for a first headline).
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((r) => /split_formats-[0-9a-f]+\.wasm$/.test(r.name)));
  assert.equal(wasmFetches() - before.wasm, 1, 'the module is fetched once the page idles');
  assert.equal(env.partnerLog.filter((p) => p.endsWith('lazy-only.json')).length - before.json, 0, 'no article fetched');
  assert.equal(await page.evaluate(() => document.querySelector('article-widget').shadowRoot.querySelector('[part=headline]')), null);
  await page.evaluate(() => window.scrollTo(0, 3000));
  await waitForPart(page, '[part=headline]', 1);
  assert.equal(wasmFetches() - before.wasm, 1, 'still one wasm fetch once the widgets render');
  await page.context().close();
});

test('no module is fetched ahead for a reader who saves data, nor on a page without a widget', { skip: playwrightOnly('an init script setting navigator.connection.saveData') }, async () => {
  const before = wasmFetches();
  const saveData = (page) => page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'connection', { get: () => ({ saveData: true }) });
  });
  const saving = await env.open('<div style="height: 4000px"></div>' + widget({ src: SRC }) + env.embed, { beforeGoto: saveData });
  const empty = await env.open('<p>No widget here.</p>' + env.embed);
  for (const page of [saving, empty]) {
    await page.waitForFunction(() => customElements.get('article-widget') && document.readyState === 'complete');
    await page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => setTimeout(resolve, 500))));
  }
  assert.equal(wasmFetches() - before, 0, 'no wasm fetched');
  // The reader who saves data still gets the widget when they get there.
  await saving.evaluate(() => window.scrollTo(0, 3600));
  await waitForPart(saving, '[part=headline]');
  assert.equal(wasmFetches() - before, 1);
  await saving.context().close();
  await empty.context().close();
});

test('a widget below the first screen causes no layout shift the reader sees (CLS ≤ 0.01)', { skip: playwrightOnly("holding the article's response (request interception); WebKit has no layout-shift entries either") }, async () => {
  // The host's own text goes on below the widget, where a shift would show. The
  // article arrives only once the reader has scrolled the widget into view.
  const hostText = '<p>The host\'s own text, which goes on below the widget.</p>'.repeat(60);
  const article = held('**/us-russia-intel.json?below');
  const page = await env.open('<div style="height: 1200px">The host\'s first screen.</div>' + widget({ src: `${SRC}?below` }) + hostText + env.embed, { beforeGoto: article.beforeGoto });
  await page.evaluate(() => {
    window.__cls = 0;
    new PerformanceObserver((list) => list.getEntries().forEach((e) => { if (!e.hadRecentInput) window.__cls += e.value; })).observe({ type: 'layout-shift', buffered: true });
  });
  await page.evaluate(() => window.scrollBy(0, 700));
  await waitForPart(page, '[part=skeleton]');
  await page.waitForTimeout(200);
  article.release();
  await waitForPart(page, '[part=share]');
  await page.waitForTimeout(300);
  const cls = await page.evaluate(() => window.__cls);
  assert.ok(cls <= 0.01, `CLS ${cls}`);
  await page.context().close();
});
