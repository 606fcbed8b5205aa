// Contract §4: every error kind, a working retry, the links, and isolation.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { environment, events, shadowText, waitForEvent, waitForPart, widget } from './helpers.mjs';

let env;
before(async () => { env = await environment(); });
after(() => env.stop());

async function errorFor(attributes) {
  const page = await env.open(widget(attributes) + env.embed);
  // The panel's retry comes with its piece, which may land after the event.
  await waitForPart(page, '[part=error] [part=retry]', 0, 15_000);
  await page.waitForFunction(() => window.__events.some((e) => e.type === 'article-widget:error'));
  const [error] = (await events(page)).filter((e) => e.type === 'article-widget:error');
  return { page, error };
}

for (const [name, attributes, kind] of [
  ['404', { src: '/fault/404' }, 'http'],
  ['500', { src: '/fault/500' }, 'http'],
  ['a server that never answers', { src: '/fault/hang', timeout: '800' }, 'timeout'],
  ['a refused connection', { src: 'http://127.0.0.1:9/article.json' }, 'network'],
  ['a declared 3 MiB body', { src: '/fault/too-large' }, 'too-large'],
  ['a 3 MiB body with no Content-Length', { src: '/fault/too-large-chunked' }, 'too-large'],
  ['HTML instead of JSON', { src: '/fault/not-json' }, 'invalid'],
  ['no src at all', {}, 'invalid'],
]) {
  test(`${name} is a "${kind}" error with a message, retry, fallback and event`, async () => {
    const { page, error } = await errorFor(attributes);
    assert.equal(error.detail.kind, kind);
    assert.equal(typeof error.detail.message, 'string');
    assert.ok(error.detail.message.length > 0);
    assert.ok((await shadowText(page, '[part=error] .error-message')).length > 10, 'a plain-language message');
    assert.ok(await shadowText(page, '[part=retry]'));
    assert.equal(await page.locator('article-widget > a').isVisible(), true, 'the fallback stays beside the error');
    // No canonical URL could be read, so the error links to the fallback's link.
    const href = await page.evaluate(() => document.querySelector('article-widget').shadowRoot.querySelector('[part=error] a').href);
    assert.equal(href, 'https://news.example.com/us-russia-intel');
    await page.context().close();
  });
}

test('retry fetches again and renders the article when the server recovers', async () => {
  const { page, error } = await errorFor({ src: 'articles/us-russia-intel.json?fail-once=retry-test' });
  assert.equal(error.detail.kind, 'http');
  await page.locator('article-widget').locator('[part=retry]').click();
  await waitForPart(page, '[part=headline]');
  assert.equal(await shadowText(page, '[part=error]'), null);
  await waitForEvent(page, 'article-widget:load');
  assert.deepEqual((await events(page)).map((e) => e.type), ['article-widget:error', 'article-widget:load']);
  await page.context().close();
});

test('a retry from the keyboard that fails again keeps focus on retry', async () => {
  const { page } = await errorFor({ src: '/fault/500' });
  await page.locator('article-widget').locator('[part=retry]').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.__events.filter((e) => e.type === 'article-widget:error').length === 2);
  const focused = await page.evaluate(() => {
    const root = document.querySelector('article-widget').shadowRoot;
    return root.activeElement && root.activeElement.getAttribute('part');
  });
  assert.equal(focused, 'retry', 'the new panel\'s retry button has focus');
  await page.context().close();
});

test('an invalid document links the error to its canonical url', async () => {
  const doc = encodeURIComponent(JSON.stringify({ url: 'https://publisher.example/story', headline: 'H', body: [] }));
  const { page, error } = await errorFor({ src: `data:application/json,${doc}` });
  assert.equal(error.detail.kind, 'invalid');
  const href = await page.evaluate(() => document.querySelector('article-widget').shadowRoot.querySelector('[part=error] a').href);
  assert.equal(href, 'https://publisher.example/story');
  await page.context().close();
});

test('failing widgets never affect the others, however many load at once', async () => {
  // Regression: errors thrown from concurrent Suspends used to land in another
  // widget's ErrorBoundary, leaving the failing widget an empty box.
  const sources = ['/fault/500', 'articles/us-russia-intel.json', '/fault/not-json', '/fault/404'];
  const all = Array.from({ length: 12 }, (_, i) => sources[i % sources.length]);
  const page = await env.open(all.map((src) => widget({ src, loading: 'eager' })).join('') + env.embed);
  await page.waitForFunction((n) => window.__events.length >= n, all.length);
  await page.waitForTimeout(200);
  const states = await page.evaluate(() => [...document.querySelectorAll('article-widget')]
    .map((w) => (w.shadowRoot.querySelector('[part=article]') ? 'article' : w.shadowRoot.querySelector('[part=error]') ? 'error' : 'empty')));
  assert.deepEqual(states, all.map((src) => (src.startsWith('articles/') ? 'article' : 'error')));
  const seen = (await events(page)).map((e) => [e.index, e.type]).sort((a, b) => a[0] - b[0]);
  assert.deepEqual(seen, all.map((src, i) => [i, src.startsWith('articles/') ? 'article-widget:load' : 'article-widget:error']));
  assert.deepEqual(page.consoleMessages.filter((m) => m.type === 'pageerror'), []);
  await page.context().close();
});
