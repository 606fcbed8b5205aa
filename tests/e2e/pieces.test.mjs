// The module's later pieces: the first headline needs only the first
// module; share controls, continue, attribution, the error panel and the
// publishers' readers come in pieces fetched as the module starts, and a piece
// that fails to load says so where it would be, with a retry.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { environment, events, held, SAMPLE_HEADLINE, shadowText, waitForPart, widget, playwrightOnly } from './helpers.mjs';

let env;
before(async () => { env = await environment(); });
after(async () => { await env.stop(); });

const SRC = 'articles/us-russia-intel.json';
const JSONLD = 'formats/jsonld/thelocal-hamburg-words.json';

/** Fails the piece matching `pattern` until `heal()`; `hits()` counts its requests. */
function failing(pattern) {
  let broken = true;
  let count = 0;
  return {
    heal() { broken = false; },
    hits: () => count,
    beforeGoto: (page) => page.route(pattern, (route) => {
      count += 1;
      return broken ? route.fulfill({ status: 503, body: 'down' }) : route.continue();
    }),
  };
}

const parts = (page) => page.evaluate(() => [...document.querySelector('article-widget').shadowRoot.querySelectorAll('[part]')]
  .map((e) => e.getAttribute('part')));

test('the first headline renders while what follows the body is still on its way', { skip: playwrightOnly("holding or failing a piece's response (request interception)") }, async () => {
  const extras = held('**/split_extras-*.wasm');
  const page = await env.open(widget({ src: SRC, preview: '3' }) + env.embed, { beforeGoto: extras.beforeGoto });
  await waitForPart(page, '[part=headline]');
  assert.equal(await shadowText(page, '[part=headline]'), SAMPLE_HEADLINE);
  assert.equal(await shadowText(page, '[part=reading-time]'), '2 min read');
  const early = await parts(page);
  for (const part of ['share', 'continue', 'attribution']) assert.ok(!early.includes(part), `no ${part} yet`);
  // Their place is held: the share group's label and a row of its controls' height.
  const held_ = await page.evaluate(() => {
    const pending = document.querySelector('article-widget').shadowRoot.querySelector('.share-pending');
    return pending && pending.getBoundingClientRect().height;
  });
  assert.ok(held_ >= 44, `the share row's place is held (${held_} px)`);
  assert.deepEqual((await events(page)).map((e) => e.type), ['article-widget:load']);
  extras.release();
  await waitForPart(page, '[part=share] [data-network=copy]');
  await waitForPart(page, '[part=continue]');
  await waitForPart(page, '[part=attribution] [part=canonical]');
  assert.equal(await page.evaluate(() => document.querySelector('article-widget').shadowRoot.querySelector('.share-pending')), null);
  assert.deepEqual(page.consoleMessages, []);
  await page.context().close();
});

test('share controls that fail to load say so where they would be, and load on retry', { skip: playwrightOnly("holding or failing a piece's response (request interception)") }, async () => {
  const extras = failing('**/split_extras-*.wasm');
  const page = await env.open(widget({ src: SRC }) + env.embed, { beforeGoto: extras.beforeGoto });
  await waitForPart(page, '[part=body]');
  await waitForPart(page, '.piece-failed [part=piece-retry]');
  assert.equal(await shadowText(page, '.piece-failed'), 'This part of the article could not be loaded. Try again');
  assert.equal(await shadowText(page, '[part=headline]'), SAMPLE_HEADLINE, 'the article stays readable');
  assert.deepEqual((await events(page)).map((e) => e.type), ['article-widget:load'], 'no error event: the article is there');
  assert.ok(page.consoleMessages.some((m) => m.type === 'warning' && m.text.includes('could not be loaded')), 'a console warning');
  assert.ok(!page.consoleMessages.some((m) => m.type === 'pageerror'), `no page error, no panic: ${JSON.stringify(page.consoleMessages)}`);
  extras.heal();
  await page.evaluate(() => document.querySelector('article-widget').shadowRoot.querySelector('[part=piece-retry]').click());
  await waitForPart(page, '[part=share] [data-network=facebook]');
  await waitForPart(page, '[part=attribution]');
  assert.equal(await page.evaluate(() => document.querySelector('article-widget').shadowRoot.querySelector('.piece-failed')), null);
  await page.context().close();
});

test('an error panel whose piece fails still shows the error, the fallback and a retry', { skip: playwrightOnly("holding or failing a piece's response (request interception)") }, async () => {
  const panel = failing('**/split_error_panel-*.wasm');
  const page = await env.open(widget({ src: 'articles/does-not-exist.json' }) + env.embed, { beforeGoto: panel.beforeGoto });
  await waitForPart(page, '[part=error] .piece-failed');
  assert.equal(await shadowText(page, '.error-title'), 'This article can’t be shown right now');
  assert.deepEqual((await events(page)).map((e) => [e.type, e.detail.kind]), [['article-widget:error', 'http']]);
  panel.heal();
  await page.evaluate(() => document.querySelector('article-widget').shadowRoot.querySelector('[part=piece-retry]').click());
  await waitForPart(page, '[part=error] [part=retry]');
  await page.context().close();
});

test('a publisher\'s format does not wait for its readers after the article: they are fetched as the module starts', { skip: playwrightOnly("holding or failing a piece's response (request interception)") }, async () => {
  // The article is held until the readers have been requested: were they asked
  // for only once the article is read, this would never render.
  const article = held('**/thelocal-hamburg-words.json');
  const page = await env.open(widget({ src: `${env.cdnUrl}${JSONLD}` }) + env.embed, { beforeGoto: article.beforeGoto });
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((r) => /split_formats-[0-9a-f]{16}\.wasm$/.test(r.name)));
  article.release();
  await waitForPart(page, '[part=headline]');
  await page.context().close();
});

test('when the publishers\' readers fail to load, the article is a network error that retry mends', { skip: playwrightOnly("holding or failing a piece's response (request interception)") }, async () => {
  const formats = failing('**/split_formats-*.wasm');
  const page = await env.open(widget({ src: `${env.cdnUrl}${JSONLD}` }) + env.embed, { beforeGoto: formats.beforeGoto });
  await waitForPart(page, '[part=error] [part=retry]');
  assert.deepEqual((await events(page)).map((e) => [e.type, e.detail.kind]), [['article-widget:error', 'network']]);
  formats.heal();
  await page.evaluate(() => document.querySelector('article-widget').shadowRoot.querySelector('[part=retry]').click());
  await waitForPart(page, '[part=headline]');
  assert.ok(!page.consoleMessages.some((m) => m.type === 'pageerror'), `no page error, no panic: ${JSON.stringify(page.consoleMessages)}`);
  await page.context().close();
});

test('a preview whose continue control fails to load says so in its place (once), and retry brings the control', { skip: playwrightOnly("holding or failing a piece's response (request interception)") }, async () => {
  const extras = failing('**/split_extras-*.wasm');
  const page = await env.open(widget({ src: SRC, preview: '3' }) + env.embed, { beforeGoto: extras.beforeGoto });
  await waitForPart(page, '.piece-failed [part=piece-retry]');
  const place = await page.evaluate(() => {
    const root = document.querySelector('article-widget').shadowRoot;
    const failed = root.querySelectorAll('.piece-failed');
    return { count: failed.length, afterBody: failed[0].previousElementSibling.getAttribute('part') };
  });
  assert.deepEqual(place, { count: 1, afterBody: 'body' }, 'one message, right after the preview\'s blocks');
  extras.heal();
  await page.evaluate(() => document.querySelector('article-widget').shadowRoot.querySelector('[part=piece-retry]').click());
  await waitForPart(page, '[part=continue]');
  await page.evaluate(() => document.querySelector('article-widget').shadowRoot.querySelector('[part=continue]').click());
  await page.waitForFunction(() => document.querySelector('article-widget').shadowRoot.querySelector('[part=body]').children.length > 3);
  await page.context().close();
});
