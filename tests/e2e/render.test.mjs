// Contract §2–§4: what the widget renders for each attribute, and its load event.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { environment, events, SAMPLE_HEADLINE, shadowText, waitForAll, waitForPart, widget, chromiumOnly, playwrightOnly } from './helpers.mjs';

let env;
before(async () => { env = await environment(); });
after(() => env.stop());

const SRC = 'articles/us-russia-intel.json';

/** Everything a reader sees, read from the shadow root of the first widget. */
const snapshot = (page) => page.evaluate(() => {
  const root = document.querySelector('article-widget').shadowRoot;
  const part = (name) => root.querySelector(`[part~="${name}"]`);
  return {
    shadowMode: root.mode,
    articleTag: part('article')?.tagName,
    headlineTag: part('headline')?.tagName,
    headline: part('headline')?.textContent,
    standfirst: part('standfirst')?.textContent,
    byline: part('byline')?.textContent,
    published: part('published') && { tag: part('published').tagName, datetime: part('published').getAttribute('datetime'), text: part('published').textContent },
    updated: part('updated') && { datetime: part('updated').getAttribute('datetime'), text: part('updated').textContent },
    readingTime: part('reading-time')?.textContent,
    paragraphs: part('body')?.querySelectorAll(':scope > p').length,
    quotes: [...(part('body')?.querySelectorAll('blockquote') || [])].map((q) => q.querySelector('cite')?.textContent),
    lang: part('article')?.getAttribute('lang'),
    dir: part('article')?.getAttribute('dir'),
    background: getComputedStyle(document.querySelector('article-widget')).backgroundColor,
    color: getComputedStyle(document.querySelector('article-widget')).color,
  };
});

test('the sample article renders every part, in an open shadow root', async () => {
  const page = await env.open(widget({ src: SRC }) + env.embed);
  await waitForPart(page, '[part=headline]');
  const s = await snapshot(page);
  assert.equal(s.shadowMode, 'open');
  assert.equal(s.articleTag, 'ARTICLE');
  assert.equal(s.headlineTag, 'H2');
  assert.equal(s.headline, SAMPLE_HEADLINE);
  assert.match(s.standfirst, /^The US and Russia have agreed to step up intelligence sharing/);
  assert.equal(s.byline, 'SBS News');
  assert.deepEqual(s.published, { tag: 'TIME', datetime: '2014-10-14T09:30:00Z', text: s.published.text });
  assert.match(s.published.text, /Oct 14, 2014/);
  assert.equal(s.updated.datetime, '2014-10-14T11:05:00Z');
  assert.equal(s.readingTime, '2 min read');
  assert.equal(s.paragraphs, 7);
  assert.deepEqual(s.quotes, ['John Kerry', 'Sergei Lavrov']);
  assert.equal(s.lang, 'en');
  assert.equal(s.dir, 'ltr');
  const [{ at, ...load }] = await events(page);
  assert.ok(at > 0);
  assert.deepEqual(load, {
    type: 'article-widget:load', index: 0,
    detail: { id: 'us-russia-intel-sharing', url: 'https://news.example.com/us-russia-intel', headline: SAMPLE_HEADLINE },
  });
  await page.context().close();
});

// Eager: each widget holds a screenful until its article is in, so lazy ones
// below the first would wait for the reader to scroll.
const THEMES = `<div style="color: rgb(0, 0, 128); background: rgb(255, 255, 224)">${widget({ src: SRC, theme: 'host', loading: 'eager' })}</div>`
  + widget({ src: SRC, theme: 'light', loading: 'eager' }) + widget({ src: SRC, theme: 'dark', loading: 'eager' }) + widget({ src: SRC, loading: 'eager' });
const LIGHT = ['rgb(26, 26, 26)', 'rgb(255, 255, 255)'];
const DARK = ['rgb(236, 236, 236)', 'rgb(22, 24, 28)'];
const colours = (page) => page.evaluate(() => [...document.querySelectorAll('article-widget')]
  .map((w) => [getComputedStyle(w).color, getComputedStyle(w).backgroundColor]));

test('theme: light and dark are fixed, auto follows prefers-color-scheme, host takes the host colours', { skip: playwrightOnly('emulating prefers-color-scheme') }, async () => {
  for (const colorScheme of ['light', 'dark']) {
    const page = await env.open(THEMES + env.embed, { colorScheme });
    for (let i = 0; i < 4; i++) await waitForPart(page, '[part=headline]', i);
    const [host, light, dark, auto] = await colours(page);
    assert.deepEqual(host, ['rgb(0, 0, 128)', 'rgba(0, 0, 0, 0)']);
    assert.deepEqual(light, LIGHT);
    assert.deepEqual(dark, DARK);
    assert.deepEqual(auto, colorScheme === 'dark' ? DARK : LIGHT, colorScheme);
    await page.context().close();
  }
});

test('theme auto follows the OS live, without a reload', { skip: chromiumOnly('changing the colour scheme of an open page (emulateMedia)') }, async () => {
  const page = await env.open(THEMES + env.embed, { colorScheme: 'light' });
  for (let i = 0; i < 4; i++) await waitForPart(page, '[part=headline]', i);
  assert.deepEqual((await colours(page))[3], LIGHT);
  await page.emulateMedia({ colorScheme: 'dark' });
  const [, light, , auto] = await colours(page);
  assert.deepEqual(auto, DARK);
  assert.deepEqual(light, LIGHT);
  await page.context().close();
});

test('host CSS does not reach into the widget', async () => {
  const head = '<style>p, h2, article, time { color: rgb(255, 0, 0) !important; font-size: 40px !important; } article-widget * { display: none }</style>';
  const page = await env.open(widget({ src: SRC, theme: 'light' }) + env.embed, { head });
  await waitForPart(page, '[part=headline]');
  const style = await page.evaluate(() => {
    const p = document.querySelector('article-widget').shadowRoot.querySelector('[part=body] p');
    return [getComputedStyle(p).color, getComputedStyle(p).fontSize, getComputedStyle(p).display];
  });
  assert.deepEqual(style, ['rgb(26, 26, 26)', '17px', 'block']);
  await page.context().close();
});

test('heading-level sets the headline element and the subheadings follow', async () => {
  const page = await env.open(widget({ src: SRC, 'heading-level': '1' }) + widget({ src: SRC, 'heading-level': '6' }) + env.embed);
  await waitForAll(page, '[part=headline]');
  const tags = await page.evaluate(() => [...document.querySelectorAll('article-widget')].map((w) => w.shadowRoot.querySelector('[part=headline]').tagName));
  assert.deepEqual(tags, ['H1', 'H6']);
  await page.context().close();
});

test('lang: from the attribute or the host tree; dates, lang and dir follow it', async () => {
  const page = await env.open(`<div lang="de">${widget({ src: SRC })}</div>` + widget({ src: SRC, lang: 'ar' }) + env.embed, { lang: 'fr' });
  await waitForAll(page, '[part=headline]');
  const result = await page.evaluate(() => [...document.querySelectorAll('article-widget')].map((w) => {
    const root = w.shadowRoot;
    return [root.querySelector('article').lang, root.querySelector('article').dir, root.querySelector('[part=published]').textContent];
  }));
  assert.equal(result[0][0], 'de');
  assert.equal(result[0][1], 'ltr');
  assert.match(result[0][2], /14\.10\.2014/, 'German date format');
  assert.equal(result[1][0], 'ar');
  assert.equal(result[1][1], 'rtl');
  await page.context().close();
});

test('unknown attribute values fall back to defaults with one console warning per widget', async () => {
  const page = await env.open(widget({ src: SRC, theme: 'purple', 'heading-level': '9', timeout: 'soon' }) + env.embed);
  await waitForPart(page, '[part=headline]');
  assert.equal(await shadowText(page, '[part=reading-time]'), '2 min read');
  assert.equal(await page.evaluate(() => document.querySelector('article-widget').shadowRoot.querySelector('[part=headline]').tagName), 'H2');
  const warnings = page.consoleMessages.filter((m) => m.type === 'warning');
  assert.equal(warnings.length, 1, JSON.stringify(warnings));
  for (const problem of ['theme="purple"', 'heading-level="9"', 'timeout="soon"']) assert.ok(warnings[0].text.includes(problem), problem);
  await page.context().close();
});

test('the widget reads well from 320px to 1200px wide without horizontal overflow', async () => {
  for (const width of [320, 768, 1200]) {
    const page = await env.open(widget({ src: SRC }) + env.embed, { viewport: { width, height: 800 } });
    await waitForPart(page, '[part=headline]');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    assert.equal(overflow, false, `no horizontal scroll at ${width}px`);
    await page.context().close();
  }
});
