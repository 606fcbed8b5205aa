// The demo page in dist/ is what a newcomer sees first: it must show the sample
// article, a preview with its event log, the dark one and the broken one, with no
// script errors.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { SAMPLE_HEADLINE, sameOrigin } from './helpers.mjs';

let env;
before(async () => { env = await sameOrigin(); });
after(() => env.stop());

test('the demo page renders the sample, the preview and its event log, the dark widget and the broken one', async () => {
  const page = await env.browser.newPage({ viewport: { width: 1000, height: 900 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(env.url);
  assert.equal(await page.locator('script[src="embed.js"]').count(), 1, 'the snippet, verbatim');
  // (As served: embed.js itself adds a module script for the glue, and removes it.)
  const served = await (await fetch(env.url)).text();
  assert.doesNotMatch(served, /<script[^>]*type="?module/, 'no injected init script');
  const widgets = page.locator('article-widget');
  // Each lazy widget is scrolled to and starts before the next (a scroll past it
  // before the page's next frame would not count as having come near).
  for (const nth of [1, 2, 3, 4]) {
    await widgets.nth(nth).scrollIntoViewIfNeeded();
    await page.waitForFunction((nth) => document.querySelectorAll('article-widget')[nth].shadowRoot?.querySelector('[part=headline], [part=error]'), nth);
  }
  await page.waitForFunction(() => [...document.querySelectorAll('article-widget')]
    .every((w) => w.shadowRoot && w.shadowRoot.querySelector('[part=headline], [part=error]')));
  // The attribution and "Continue reading" come with a later piece, after the headline.
  await page.waitForFunction(() => document.querySelector('article-widget').shadowRoot.querySelector('[part=attribution] p')
    && document.querySelectorAll('article-widget')[1].shadowRoot.querySelector('[part=continue]'), null, { timeout: 15_000 });
  const state = await page.evaluate(() => [...document.querySelectorAll('article-widget')].map((w) => ({
    headline: w.shadowRoot.querySelector('[part=headline]')?.textContent ?? null,
    readingTime: w.shadowRoot.querySelector('[part=reading-time]')?.textContent ?? null,
    error: !!w.shadowRoot.querySelector('[part=error]'),
    continue: !!w.shadowRoot.querySelector('[part=continue]'),
    attribution: w.shadowRoot.querySelector('[part=attribution] p')?.textContent ?? null,
    background: getComputedStyle(w).backgroundColor,
  })));
  assert.equal(state[0].headline, SAMPLE_HEADLINE);
  assert.equal(state[0].readingTime, '2 min read');
  assert.equal(state[0].attribution, 'Originally published by SBS News');
  assert.equal(state[1].continue, true, 'the second widget is a preview');
  assert.equal(state[2].headline, SAMPLE_HEADLINE);
  assert.equal(state[2].background, 'rgb(22, 24, 28)', 'the third widget is dark');
  assert.equal(state[3].error, true, 'the fourth widget shows the error state');
  // The log shows what analytics would receive, as it happens.
  await page.waitForFunction(() => /widget 1 · load ·/.test(document.getElementById('event-log').textContent));
  await page.evaluate(() => scrollTo(0, 0));
  await page.waitForFunction(() => /widget 1 · view · \{"id":"us-russia-intel-sharing"/.test(document.getElementById('event-log').textContent), null, { timeout: 10_000 });
  assert.deepEqual(errors, []);
  await page.close();
});

test('the newsroom control withdraws the live widget\'s article, and restores it', async () => {
  const page = await env.browser.newPage({ viewport: { width: 1000, height: 900 } });
  await page.goto(env.url);
  const live = page.locator('article-widget[live]');
  await live.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelector('article-widget[live]').shadowRoot?.querySelector('[part=headline]'));
  // The publisher withdraws it: the demo server has it so once the click's POST
  // arrived (asked of the server itself; clicked again if it did not).
  const withdrawn = async () => (await (await fetch(`${env.url}newsroom/article.json`)).json()).status === 'withdrawn';
  for (let attempt = 0; attempt < 3 && !(await withdrawn()); attempt++) {
    await page.locator('[data-newsroom=withdraw]').click();
    for (let wait = 0; wait < 20 && !(await withdrawn()); wait++) await new Promise((r) => setTimeout(r, 100));
  }
  assert.equal(await withdrawn(), true);
  // Found by the next check, within its 10 s (a bound only on the wait).
  await page.waitForFunction(() => document.querySelector('article-widget[live]').shadowRoot.querySelector('[part=withdrawn]'), null, { timeout: 40_000 });
  await page.locator('[data-newsroom=restore]').click();
  await page.close();
});
