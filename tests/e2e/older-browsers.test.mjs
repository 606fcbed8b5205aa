// What older and other engines do differently, reproduced in the
// browser under test: constructable stylesheets that throw (WebKit before Safari
// 16.4: "Illegal constructor") or are missing, and a CSP that lets WebAssembly
// compile but not instantiate (WebKit's reading of a missing 'wasm-unsafe-eval').
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { environment, events, SAMPLE_HEADLINE, waitForPart, widget, playwrightOnly } from './helpers.mjs';

let env;
before(async () => { env = await environment(); });
after(() => env.stop());

const SRC = 'articles/us-russia-intel.json';

/** What the widget's styles decide, read from its shadow root. */
const styled = (page) => page.evaluate(() => {
  const root = document.querySelector('article-widget').shadowRoot;
  const style = (selector, property) => getComputedStyle(root.querySelector(selector))[property];
  return {
    styleElements: root.querySelectorAll('style').length,
    adopted: (root.adoptedStyleSheets || []).length,
    shareList: style('.share-list', 'display'),
    headlineWeight: style('[part=headline]', 'fontWeight'),
    maxWidth: style('article', 'maxWidth'),
  };
});

for (const [name, breakSheets] of [
  ['constructable stylesheets throw ("Illegal constructor")', () => {
    const Original = window.CSSStyleSheet;
    window.CSSStyleSheet = function CSSStyleSheet() { throw new TypeError('Illegal constructor'); };
    window.CSSStyleSheet.prototype = Original.prototype;
  }],
  ['adoptedStyleSheets is missing', () => {
    delete ShadowRoot.prototype.adoptedStyleSheets;
    delete Document.prototype.adoptedStyleSheets;
  }],
]) {
  test(`where ${name}, the widget is styled by a <style> in its shadow root`, { skip: playwrightOnly('an init script that breaks stylesheets or WebAssembly before the page runs') }, async () => {
    const normal = await env.open(widget({ src: SRC }) + env.embed);
    await waitForPart(normal, '[part=share] .share-list');
    const expected = await styled(normal);
    const page = await env.open(widget({ src: SRC }) + env.embed, { beforeGoto: (p) => p.addInitScript(breakSheets) });
    await waitForPart(page, '[part=share] .share-list');
    const actual = await styled(page);
    assert.equal(actual.styleElements, 2, 'two <style> elements: the first screen\'s, and the later pieces\'');
    assert.equal(actual.adopted, 0, 'no sheet adopted');
    assert.equal(actual.shareList, 'flex');
    assert.deepEqual({ ...actual, styleElements: 0, adopted: 0 }, { ...expected, styleElements: 0, adopted: 0 }, 'styled as with constructable stylesheets');
    assert.ok(!page.consoleMessages.some((m) => m.type === 'pageerror'));
    await normal.context().close();
    await page.context().close();
  });
}

// On the partner's origin only (the frame, on the widget's origin, may): WebKit's
// refusal, at every step from `new WebAssembly.Instance` (what embed.js asks) on,
// or (`later`) only at the module's own instantiation.
const refusing = (later) => (p) => p.addInitScript((later) => {
  if (location.hostname !== '127.0.0.1') return;
  const refusal = () => new WebAssembly.CompileError("Refused to create a WebAssembly object because 'unsafe-eval' or 'wasm-unsafe-eval' is not an allowed source of script in the following Content Security Policy directive");
  if (!later) WebAssembly.Instance = function Instance() { throw refusal(); };
  WebAssembly.instantiate = () => Promise.reject(refusal());
  WebAssembly.instantiateStreaming = () => Promise.reject(refusal());
}, later);

for (const [when, later] of [['at once', false], ['only when the module instantiates', true]]) test(`a host that lets WebAssembly compile but refuses it ${when} gets the frame, not an error card`, { skip: playwrightOnly('an init script that refuses WebAssembly before the page runs') }, async () => {
  const page = await env.open(widget({ src: SRC }) + env.embed, { beforeGoto: refusing(later) });
  await page.waitForFunction(() => window.__events.some((e) => e.type === 'article-widget:load'), null, { timeout: 15_000 });
  const [load] = await events(page);
  assert.equal(load.detail.headline, SAMPLE_HEADLINE);
  assert.ok(page.frames().some((f) => /\/frame-[0-9a-f]{16}\.html/.test(f.url())), 'rendered in the frame');
  assert.ok(!(await events(page)).some((e) => e.type === 'article-widget:error'), 'no error');
  await page.context().close();
});
