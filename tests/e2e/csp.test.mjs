// A strict host page: the README's CSP line is enough, and the widget needs no
// inline script, no inline style and no eval.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { FALLBACK, SAMPLE_HEADLINE, sameOrigin } from './helpers.mjs';

const STRICT = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'";

let env;
before(async () => { env = await sameOrigin(); });
after(() => env.stop());

for (const [name, policy] of [['a strict CSP', STRICT], ['a strict CSP with Trusted Types', `${STRICT}; require-trusted-types-for 'script'`]]) {
  test(`the widget renders, styled, under ${name}`, async () => {
    env.pages.set('/strict.html', {
      headers: { 'content-security-policy': policy },
      html: `<!doctype html><html lang="en"><head><link rel="icon" href="data:,"></head><body>
        <article-widget src="articles/us-russia-intel.json">${FALLBACK}</article-widget>
        <script src="embed.js"></script></body></html>`,
    });
    const page = await env.browser.newPage();
    const violations = [];
    page.on('console', (m) => { if (m.type() === 'error') violations.push(m.text()); });
    page.on('pageerror', (e) => violations.push(e.message));
    await page.goto(`${env.url}strict.html`);
    await page.waitForFunction(() => document.querySelector('article-widget').shadowRoot?.querySelector('[part=headline]'));
    const [headline, weight] = await page.evaluate(() => {
      const h = document.querySelector('article-widget').shadowRoot.querySelector('[part=headline]');
      return [h.textContent, getComputedStyle(h).fontWeight];
    });
    assert.equal(headline, SAMPLE_HEADLINE);
    assert.equal(weight, '700', 'the stylesheet applied');
    assert.deepEqual(violations, []);
    await page.close();
  });
}
