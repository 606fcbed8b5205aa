// The article stays current: corrections, and a withdrawal honoured on a first
// load, in every engine.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { axeViolations, environment, events, shadowText, waitForPart, widget } from './helpers.mjs';

let env;
before(async () => { env = await environment(); });
after(() => env.stop());

const SAMPLE = JSON.parse(readFileSync('demo/articles/us-russia-intel.json', 'utf8'));
const json = (value) => ({ body: JSON.stringify(value), headers: { 'content-type': 'application/json' } });

/** Serves `value` as a JSON document on the partner's origin; returns its path. */
function serve(name, value) {
  env.partnerPages.set(`/${name}.json`, json(value));
  return `${name}.json`;
}

const corrected = () => serve('corrected', {
  ...SAMPLE,
  corrections: [
    { date: '2014-10-15T08:00:00Z', text: 'An earlier version of this article misstated the length of the meeting.' },
    { text: 'An earlier version misspelled a name.' },
  ],
});

test('a 410 on the first load shows the withdrawal notice, hides the fallback, and is no error', async () => {
  const page = await env.open(widget({ src: '/fault/410' }) + env.embed);
  await waitForPart(page, '[part=withdrawn]');
  await page.waitForFunction(() => window.__events.some((e) => e.type === 'article-widget:withdrawn'));
  assert.equal(await shadowText(page, '[part=withdrawn]'), 'This article has been withdrawn');
  assert.equal(await page.locator('article-widget > a').isVisible(), false, 'the fallback is hidden');
  assert.equal(await page.locator('article-widget > a').count(), 1, 'and still there: it is the partner\'s');
  // Give a stray load or error event the time to arrive.
  await new Promise((r) => setTimeout(r, 300));
  const seen = await events(page);
  assert.deepEqual(seen.map((e) => e.type), ['article-widget:withdrawn']);
  assert.deepEqual(seen[0].detail, { id: null, url: null });
  await page.context().close();
});

test('a document that says it is withdrawn shows its notice, by its publisher, with its link', async () => {
  const src = serve('withdrawn', {
    id: 'a-1',
    url: 'https://news.example.com/us-russia-intel',
    status: 'withdrawn',
    notice: 'This article has been withdrawn for legal reasons.',
    source: { name: 'SBS News' },
  });
  const page = await env.open(widget({ src }) + env.embed);
  await waitForPart(page, '[part=withdrawn]');
  await page.waitForFunction(() => window.__events.some((e) => e.type === 'article-widget:withdrawn'));
  assert.equal(await shadowText(page, '.withdrawn-title'), 'This article has been withdrawn by SBS News');
  assert.equal(await shadowText(page, '.withdrawn-notice'), 'This article has been withdrawn for legal reasons.');
  const href = await page.evaluate(() => document.querySelector('article-widget').shadowRoot.querySelector('[part=withdrawn] a').href);
  assert.equal(href, 'https://news.example.com/us-russia-intel');
  assert.equal(await page.locator('article-widget > a').isVisible(), false);
  const [withdrawn] = await events(page);
  assert.deepEqual(withdrawn.detail, { id: 'a-1', url: 'https://news.example.com/us-russia-intel' });
  await page.context().close();
});

test('corrections show with the first render, between the times and the body', async () => {
  const page = await env.open(widget({ src: corrected() }) + env.embed);
  await waitForPart(page, '[part=headline]');
  // In the same render as the headline: nothing arrives after it to move the body.
  const order = await page.evaluate(() => {
    const article = document.querySelector('article-widget').shadowRoot.querySelector('[part=article]');
    return [...article.children].map((child) => child.getAttribute('part') || child.className)
      .filter((name) => name !== 'update-place'); // the place of §8's bar, of no height
  });
  assert.deepEqual(order.slice(0, 3), ['head', 'corrections', 'body']);
  assert.equal(await shadowText(page, '[part=corrections] h3'), 'Corrections');
  const dates = await page.evaluate(() => [...document.querySelector('article-widget').shadowRoot.querySelectorAll('[part=corrections] time')].map((t) => t.getAttribute('datetime')));
  assert.deepEqual(dates, ['2014-10-15T08:00:00Z']);
  assert.match(await shadowText(page, '[part=corrections]'), /misstated the length of the meeting.*misspelled a name/s);
  await page.context().close();
});

const violations = axeViolations;

for (const [state, attributes, part] of [
  ['corrections', {}, '[part=corrections]'],
  ['corrections, dark', { theme: 'dark' }, '[part=corrections]'],
  ['corrections, right to left', { lang: 'ar' }, '[part=corrections]'],
  ['a withdrawal', { src: '/fault/410' }, '[part=withdrawn]'],
  ['a withdrawal, dark', { src: '/fault/410', theme: 'dark' }, '[part=withdrawn]'],
  ['a withdrawal, right to left', { src: '/fault/410', lang: 'ar' }, '[part=withdrawn]'],
]) {
  test(`axe-core finds no violations in ${state}`, async () => {
    const page = await env.open(widget({ src: corrected(), ...attributes }) + env.embed);
    await waitForPart(page, part);
    if (part === '[part=corrections]') await waitForPart(page, '[part=share]');
    assert.deepEqual(await violations(page), []);
    await page.context().close();
  });
}
