// WCAG 2.2 AA in every state, checked by axe-core inside the shadow roots.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, environment, waitForAll, waitForPart, widget, playwrightOnly } from './helpers.mjs';

let env;
before(async () => { env = await environment(); });
after(() => env.stop());

const SRC = 'articles/us-russia-intel.json';

const violations = axeViolations;

for (const [state, attributes, part, options = {}] of [
  ['the rendered article', { src: SRC }, '[part=share]'],
  ['the loading state', { src: `${SRC}?delay=20000` }, '[part=skeleton]'],
  ['the error state', { src: '/fault/404' }, '[part=error]'],
  ['dark theme', { src: SRC, theme: 'dark' }, '[part=share]'],
  ['dark theme, following the OS', { src: SRC }, '[part=share]', { colorScheme: 'dark' }],
  ['right to left (Arabic)', { src: SRC, lang: 'ar' }, '[part=share]'],
  ['Chinese', { src: SRC, lang: 'zh' }, '[part=share]'],
  // Contract §6: the Continue control and the attribution, light, dark and right to left.
  ['a preview with its attribution', { src: SRC, preview: '3' }, '[part=attribution]'],
  ['a preview with its attribution, dark', { src: SRC, preview: '3', theme: 'dark' }, '[part=attribution]'],
  ['a preview with its attribution, right to left', { src: SRC, preview: '3', lang: 'ar' }, '[part=attribution]'],
  ['a link preview with its attribution', { src: SRC, preview: '3', continue: 'link' }, '[part=attribution]'],
  // Contract §7: the promotions and the sign-up form, light, dark and right to left.
  ['the promotions and the sign-up form', { src: SRC, promotions: 'promotions.json' }, '[part=promotion-group]'],
  ['the promotions and the sign-up form, dark', { src: SRC, promotions: 'promotions.json', theme: 'dark' }, '[part=promotion-group]'],
  ['the promotions and the sign-up form, right to left', { src: SRC, promotions: 'promotions.json', lang: 'ar' }, '[part=promotion-group]'],
]) {
  test(`axe-core finds no violations in ${state}`, { skip: options.colorScheme && playwrightOnly('emulating prefers-color-scheme') }, async () => {
    const page = await env.open(widget(attributes) + env.embed, options);
    await waitForPart(page, part);
    assert.deepEqual(await violations(page), []);
    await page.context().close();
  });
}

test('axe-core finds no violations on a page with three widgets of one source', async () => {
  const three = [0, 1, 2].map(() => widget({ src: SRC, loading: 'eager' })).join('');
  const page = await env.open(three + env.embed);
  await waitForAll(page, '[part=share]');
  assert.equal(await page.evaluate(() => document.querySelectorAll('article-widget').length), 3);
  assert.deepEqual(await violations(page), []);
  await page.context().close();
});

test('axe-core does see inside the shadow root: a low-contrast override is caught', async () => {
  const head = '<style>article-widget { --article-widget-muted: #d0d0d0 }</style>';
  const page = await env.open(widget({ src: SRC, theme: 'light' }) + env.embed, { head });
  await waitForPart(page, '[part=share]');
  const found = await violations(page);
  assert.ok(found.some((v) => v.startsWith('color-contrast') && v.includes('reading-time')), found.join('\n'));
  await page.context().close();
});

test('the article is an article named by its headline, under the host outline', { skip: playwrightOnly('the accessibility tree (ariaSnapshot)') }, async () => {
  const page = await env.open(widget({ src: SRC, 'heading-level': '3' }) + env.embed);
  await waitForPart(page, '[part=headline]');
  const snapshot = await page.locator('article-widget').ariaSnapshot();
  assert.match(snapshot, /article "US, Russia to step up intel sharing on IS"/);
  assert.match(snapshot, /heading "US, Russia to step up intel sharing on IS" \[level=3\]/);
  await page.context().close();
});

test('images without alt text are decorative', async () => {
  const doc = `data:application/json,${encodeURIComponent(JSON.stringify({
    headline: 'H', body: [{ type: 'image', src: 'https://img.example/a.jpg' }, { type: 'paragraph', text: 'P' }],
  }))}`;
  const page = await env.open(widget({ src: doc }) + env.embed);
  await waitForPart(page, 'img');
  assert.equal(await page.evaluate(() => document.querySelector('article-widget').shadowRoot.querySelector('img').getAttribute('alt')), '');
  await page.context().close();
});

test('prefers-reduced-motion stops the skeleton animation', { skip: playwrightOnly('emulating prefers-reduced-motion') }, async () => {
  const animation = async (options) => {
    const page = await env.open(widget({ src: `${SRC}?delay=20000` }) + env.embed, options);
    await waitForPart(page, '.bone');
    const name = await page.evaluate(() => getComputedStyle(document.querySelector('article-widget').shadowRoot.querySelector('.bone')).animationName);
    await page.context().close();
    return name;
  };
  assert.equal(await animation({}), 'pulse');
  assert.equal(await animation({ reducedMotion: 'reduce' }), 'none');
});

test('text scales to 200% zoom without clipping or horizontal scrolling', async () => {
  // 200% zoom of a 1280px window: a 640px-wide viewport at device scale 2.
  const page = await env.open(widget({ src: SRC }) + env.embed, { viewport: { width: 640, height: 800 }, deviceScaleFactor: 2 });
  await waitForPart(page, '[part=share]');
  const result = await page.evaluate(() => {
    const root = document.querySelector('article-widget').shadowRoot;
    const clipped = [...root.querySelectorAll('*')].filter((el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible');
    return { overflow: document.documentElement.scrollWidth > window.innerWidth, clipped: clipped.map((el) => el.className || el.tagName) };
  });
  assert.equal(result.overflow, false);
  assert.deepEqual(result.clipped, []);
  await page.context().close();
});

test('a partner sets the text size through --article-widget-font-size', async () => {
  const page = await env.open(widget({ src: SRC }) + env.embed, { head: '<style>article-widget { --article-widget-font-size: 22px }</style>' });
  await waitForPart(page, '[part=body] p');
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('article-widget').shadowRoot.querySelector('[part=body] p')).fontSize), '22px');
  await page.context().close();
});

for (const theme of ['light', 'dark']) {
  for (const [outcome, action, status] of [['confirmation', 'api/newsletter', 'Thanks! Check your inbox to confirm.'], ['failure', 'api/newsletter/500', 'That didn’t work. Please try again.']]) {
    test(`axe-core finds no violations in the sign-up's ${outcome} (${theme})`, async () => {
      const path = `/promotions-${outcome}.json`;
      env.partnerPages.set(path, { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ newsletter: { title: 'Get SBS News daily', action, consent: 'By subscribing, you agree.' } }) });
      const page = await env.open(widget({ src: SRC, promotions: path.slice(1), theme }) + env.embed);
      await waitForPart(page, '[part=newsletter-email]');
      const field = page.locator('article-widget [part=newsletter-email]');
      await field.fill('reader@example.org');
      await field.press('Enter');
      await page.waitForFunction((status) => document.querySelector('article-widget').shadowRoot.querySelector('[part=newsletter-status]').textContent === status, status);
      assert.deepEqual(await violations(page), []);
      await page.context().close();
    });
  }
}
