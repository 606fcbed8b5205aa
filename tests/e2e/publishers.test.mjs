// Contract §6: previews and "Continue reading", attribution, and the
// view, read and expand events. Timing waits for events, never for fixed times:
// where nothing may happen, a widget on the same page that is counted shows how
// long the other had.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { environment, events, waitForAll, waitForPart, widget, playwrightOnly } from './helpers.mjs';

let env;
before(async () => {
  env = await environment();
  const json = (value) => ({ body: JSON.stringify(value), headers: { 'content-type': 'application/json' } });
  const paragraphs = (n) => Array.from({ length: n }, (_, i) => ({ type: 'paragraph', text: `Paragraph ${i + 1}: ${'a few words to make a line of text. '.repeat(6)}` }));
  env.partnerPages.set('/long.json', json({
    id: 'long', url: 'https://news.example.com/long', headline: 'A long read', byline: 'Jane Doe',
    source: { name: 'SBS News', url: 'https://www.sbs.com.au/news', logo: '/logo.svg' },
    body: paragraphs(30),
  }));
  env.partnerPages.set('/second.json', json({ id: 'second', url: 'https://news.example.com/second', headline: 'Second', body: paragraphs(2) }));
  env.partnerPages.set('/logo.svg', { body: '<svg xmlns="http://www.w3.org/2000/svg" width="80" height="20"><rect width="80" height="20" fill="#c00"/></svg>', headers: { 'content-type': 'image/svg+xml' } });
  env.partnerPages.set('/bad-logo.json', json({ headline: 'H', source: { name: 'X', logo: 'javascript:alert(1)' }, body: paragraphs(1) }));
});
after(() => env.stop());

const SRC = 'articles/us-russia-intel.json';
const count = (page, type) => page.evaluate((type) => window.__events.filter((e) => e.type === `article-widget:${type}`).length, type);
const waitFor = (page, type, n = 1, timeout = 15_000) => page.waitForFunction(([type, n]) => window.__events.filter((e) => e.type === `article-widget:${type}`).length >= n, [type, n], { timeout });
const blocks = (page, nth = 0) => page.evaluate((nth) => document.querySelectorAll('article-widget')[nth].shadowRoot.querySelector('[part=body]').childElementCount, nth);

test('preview shows exactly N blocks and Continue reading; the reading time stays the whole article\'s', async () => {
  const page = await env.open(widget({ src: SRC, preview: '2', loading: 'eager' }) + env.embed);
  await waitForPart(page, '[part=continue]');
  assert.equal(await blocks(page), 2);
  const control = await page.evaluate(() => {
    const c = document.querySelector('article-widget').shadowRoot.querySelector('[part=continue]');
    return { tag: c.tagName, expanded: c.getAttribute('aria-expanded'), text: c.textContent };
  });
  assert.deepEqual(control, { tag: 'BUTTON', expanded: 'false', text: 'Continue reading' });
  assert.equal(await page.evaluate(() => document.querySelector('article-widget').shadowRoot.querySelector('[part=reading-time]').textContent), '2 min read');
  await page.context().close();
});

test('expanding from the keyboard reveals the rest below, keeps the reader in place and moves focus to the first new block', async () => {
  const page = await env.open(widget({ src: SRC, preview: '3', loading: 'eager' }) + env.embed + '<div style="height:3000px"></div>');
  await waitForPart(page, '[part=continue]');
  await page.locator('article-widget [part=continue]').scrollIntoViewIfNeeded();
  const before = await page.evaluate(() => {
    const root = document.querySelector('article-widget').shadowRoot;
    return { scroll: scrollY, third: root.querySelector('[part=body]').children[2].getBoundingClientRect().top, control: root.querySelector('[part=continue]').getBoundingClientRect().top };
  });
  await page.locator('article-widget [part=continue]').focus();
  await page.keyboard.press('Enter');
  await waitFor(page, 'expand');
  const after = await page.evaluate(() => {
    const root = document.querySelector('article-widget').shadowRoot;
    const body = root.querySelector('[part=body]');
    const fourth = body.children[3];
    return {
      scroll: scrollY,
      third: body.children[2].getBoundingClientRect().top,
      fourthTop: fourth.getBoundingClientRect().top,
      blocks: body.childElementCount,
      control: !!root.querySelector('[part=continue]'),
      focused: root.activeElement === fourth,
      tabindex: fourth.getAttribute('tabindex'),
    };
  });
  assert.equal(after.control, false, 'the control goes');
  assert.equal(after.blocks, 9, 'the whole sample body');
  assert.equal(after.scroll, before.scroll, 'the page did not scroll');
  assert.equal(after.third, before.third, 'what the reader was looking at did not move');
  assert.ok(Math.abs(after.fourthTop - before.control) < 40, `the revealed block appears where the control was (${after.fourthTop} vs ${before.control})`);
  assert.equal(after.focused, true);
  assert.equal(after.tabindex, '-1');
  const expand = (await events(page)).find((e) => e.type === 'article-widget:expand');
  assert.deepEqual(expand.detail, { id: 'us-russia-intel-sharing', url: 'https://news.example.com/us-russia-intel', action: 'expand' });
  await page.context().close();
});

test('continue="link" is a real link to the original in a new tab, and expand without a canonical url', { skip: playwrightOnly("routing the original's URL and catching the new tab") }, async () => {
  const noUrl = encodeURIComponent(JSON.stringify({ headline: 'H', body: [{ type: 'paragraph', text: 'A' }, { type: 'paragraph', text: 'B' }] }));
  const page = await env.open(widget({ src: SRC, preview: '1', continue: 'link', loading: 'eager' })
    + widget({ src: `data:application/json,${noUrl}`, preview: '1', continue: 'link', loading: 'eager' }) + env.embed);
  await waitForAll(page, '[part=continue]');
  const controls = await page.evaluate(() => [...document.querySelectorAll('article-widget')].map((w) => {
    const c = w.shadowRoot.querySelector('[part=continue]');
    return { tag: c.tagName, href: c.getAttribute('href'), target: c.getAttribute('target'), rel: c.getAttribute('rel') };
  }));
  assert.deepEqual(controls[0], { tag: 'A', href: 'https://news.example.com/us-russia-intel', target: '_blank', rel: 'noopener' });
  assert.equal(controls[1].tag, 'BUTTON');
  // The original, as the publisher would serve it.
  await page.context().route('https://news.example.com/**', (route) => route.fulfill({ body: 'The original' }));
  const [popup] = await Promise.all([
    page.context().waitForEvent('page'),
    page.locator('article-widget').first().locator('[part=continue]').click(),
  ]);
  await popup.waitForLoadState();
  assert.equal(popup.url(), 'https://news.example.com/us-russia-intel');
  await popup.close();
  await waitFor(page, 'expand');
  const expand = (await events(page)).find((e) => e.type === 'article-widget:expand');
  assert.deepEqual(expand.detail, { id: 'us-russia-intel-sharing', url: 'https://news.example.com/us-russia-intel', action: 'link' });
  assert.equal(await blocks(page), 1, 'a link does not expand');
  await page.context().close();
});

test('invalid preview and continue values fall back with one warning per widget', async () => {
  const page = await env.open(widget({ src: SRC, preview: '0', continue: 'tab', loading: 'eager' }) + widget({ src: SRC, preview: '51', loading: 'eager' }) + env.embed);
  await waitForAll(page, '[part=headline]');
  assert.equal(await blocks(page), 9, 'the whole body');
  assert.equal(await page.evaluate(() => !!document.querySelector('article-widget').shadowRoot.querySelector('[part=continue]')), false);
  const warnings = page.consoleMessages.filter((m) => m.type === 'warning' && m.text.includes('<article-widget>'));
  assert.equal(warnings.length, 2, warnings.map((w) => w.text).join('\n'));
  assert.match(warnings[0].text, /preview="0".*continue="tab"|continue="tab".*preview="0"/);
  await page.context().close();
});

const LANGS = {
  en: 'Originally published by SBS News', es: 'Publicado originalmente por SBS News', fr: 'Publié à l’origine par SBS News',
  de: 'Ursprünglich veröffentlicht von SBS News', ar: 'نُشر أصلًا لدى SBS News', zh: '原文由SBS News发布',
};
const READ_ORIGINAL = { en: 'Read the original', es: 'Leer el original', fr: 'Lire l’original', de: 'Zum Original', ar: 'اقرأ المقال الأصلي', zh: '阅读原文' };

test('attribution in every language, right to left in Arabic, with the logo named after the publisher', async () => {
  const page = await env.open(Object.keys(LANGS).map((lang) => widget({ src: '/long.json', lang, preview: '1', loading: 'eager' })).join('') + env.embed);
  await waitForAll(page, '[part=attribution]');
  const seen = await page.evaluate(() => [...document.querySelectorAll('article-widget')].map((w) => {
    const root = w.shadowRoot;
    const attribution = root.querySelector('[part=attribution]');
    const logo = attribution.querySelector('[part=logo]');
    return {
      text: attribution.querySelector('p').textContent,
      link: attribution.querySelector('[part=canonical]').textContent,
      href: attribution.querySelector('[part=canonical]').href,
      direction: getComputedStyle(attribution).direction,
      logo: { alt: logo.alt, loading: logo.loading, src: logo.getAttribute('src'), height: logo.getBoundingClientRect().height, font: parseFloat(getComputedStyle(logo).fontSize) },
      afterShare: !!root.querySelector('[part=share] ~ [part=attribution]'),
    };
  }));
  Object.keys(LANGS).forEach((lang, i) => {
    assert.equal(seen[i].text, LANGS[lang], lang);
    assert.equal(seen[i].link, READ_ORIGINAL[lang], lang);
    assert.equal(seen[i].href, 'https://news.example.com/long');
    assert.equal(seen[i].direction, lang === 'ar' ? 'rtl' : 'ltr', lang);
    assert.equal(seen[i].logo.alt, 'SBS News');
    assert.equal(seen[i].logo.loading, 'lazy');
    assert.ok(seen[i].logo.src.endsWith('/logo.svg'));
    assert.ok(seen[i].logo.height <= 2 * seen[i].logo.font + 0.5, `logo at most 2em high: ${seen[i].logo.height}px`);
    assert.equal(seen[i].afterShare, true, 'under the share controls');
  });
  const bad = await env.open(widget({ src: '/bad-logo.json', loading: 'eager' }) + env.embed);
  await waitForPart(bad, '[part=attribution]');
  assert.equal(await bad.evaluate(() => !!document.querySelector('article-widget').shadowRoot.querySelector('[part=logo]')), false, 'a javascript: logo is dropped');
  await page.context().close();
  await bad.context().close();
});

test('view fires after a continuous second in view, once, and never for a widget below 3000px until it is scrolled to', async () => {
  const page = await env.open(widget({ src: SRC, loading: 'eager' }) + '<div style="height:3000px">Host content</div>'
    + widget({ src: '/second.json', loading: 'eager' }) + env.embed);
  await waitForAll(page, '[part=headline]');
  await waitFor(page, 'view');
  const first = (await events(page)).filter((e) => e.type === 'article-widget:view');
  assert.deepEqual(first.map((e) => [e.index, e.detail]), [[0, { id: 'us-russia-intel-sharing', url: 'https://news.example.com/us-russia-intel' }]]);
  const loaded = (await events(page)).find((e) => e.type === 'article-widget:load' && e.index === 0);
  assert.ok(first[0].at - loaded.at >= 990, `a full second after it rendered (${first[0].at - loaded.at} ms)`);
  // The far widget had that second too, and more: nothing.
  assert.equal(await count(page, 'view'), 1);
  await page.evaluate(() => document.querySelectorAll('article-widget')[1].scrollIntoView());
  await waitFor(page, 'view', 2);
  const views = (await events(page)).filter((e) => e.type === 'article-widget:view');
  assert.deepEqual(views[1].detail, { id: 'second', url: 'https://news.example.com/second' });
  assert.equal(views[1].index, 1);
  // Once per article, however often it comes back into view.
  await page.evaluate(() => scrollTo(0, 0));
  await page.evaluate(() => document.querySelectorAll('article-widget')[1].scrollIntoView());
  await page.evaluate(() => new Promise((r) => setTimeout(r, 1500)));
  assert.equal(await count(page, 'view'), 2);
  await page.context().close();
});

const HIDDEN_PAGE = `<script>
  window.__hidden = true;
  Object.defineProperty(Document.prototype, 'hidden', { get: () => window.__hidden });
  Object.defineProperty(Document.prototype, 'visibilityState', { get: () => (window.__hidden ? 'hidden' : 'visible') });
  window.show = () => { window.__hidden = false; window.__shown = performance.now(); document.dispatchEvent(new Event('visibilitychange')); };
</script>`;

test('nothing is counted while the page is hidden: the second starts when it shows', async () => {
  const page = await env.open(widget({ src: SRC, loading: 'eager' }) + env.embed, { head: HIDDEN_PAGE });
  await waitForPart(page, '[part=headline]');
  await page.evaluate(() => new Promise((r) => setTimeout(r, 1500)));
  assert.equal(await count(page, 'view'), 0, 'hidden for 1.5 s in view: no view');
  await page.evaluate(() => window.show());
  await waitFor(page, 'view');
  const waited = await page.evaluate(() => performance.now() - window.__shown);
  assert.ok(waited >= 990, `the second counts from when the page shows (${waited} ms)`);
  await page.context().close();
});

test('read fires on a 30-paragraph article only once its end has been on screen, after the view, with the seconds in view', async () => {
  const page = await env.open(widget({ src: '/long.json', loading: 'eager' }) + '<p>Host text after.</p>' + env.embed, { viewport: { width: 800, height: 600 } });
  await waitForPart(page, '[part=headline]');
  await waitFor(page, 'view');
  assert.equal(await count(page, 'read'), 0, 'the end is far below');
  await page.evaluate(() => document.querySelector('article-widget').shadowRoot.querySelector('[part=body]').lastElementChild.scrollIntoView());
  await waitFor(page, 'read');
  const read = (await events(page)).find((e) => e.type === 'article-widget:read');
  assert.equal(read.detail.id, 'long');
  assert.equal(read.detail.url, 'https://news.example.com/long');
  assert.ok(Number.isInteger(read.detail.seconds) && read.detail.seconds >= 1, `seconds: ${read.detail.seconds}`);
  const order = (await events(page)).map((e) => e.type).filter((t) => /view|read/.test(t));
  assert.deepEqual(order, ['article-widget:view', 'article-widget:read']);
  await page.context().close();
});

test('a collapsed preview is not read; expanded and scrolled to its end, it is', async () => {
  const page = await env.open(widget({ src: '/long.json', preview: '2', loading: 'eager' }) + env.embed, { viewport: { width: 800, height: 900 } });
  await waitForPart(page, '[part=continue]');
  await waitFor(page, 'view');
  // Its two blocks are all on screen; the end of the body is not shown.
  assert.equal(await count(page, 'read'), 0);
  await page.locator('article-widget [part=continue]').click();
  await waitFor(page, 'expand');
  await page.evaluate(() => document.querySelector('article-widget').shadowRoot.querySelector('[part=body]').lastElementChild.scrollIntoView());
  await waitFor(page, 'read');
  await page.context().close();
});

test('a changed src counts afresh', async () => {
  const page = await env.open(widget({ src: SRC, loading: 'eager' }) + env.embed);
  await waitFor(page, 'view');
  await page.evaluate(() => document.querySelector('article-widget').setAttribute('src', '/second.json'));
  await waitFor(page, 'view', 2);
  const views = (await events(page)).filter((e) => e.type === 'article-widget:view').map((e) => e.detail.id);
  assert.deepEqual(views, ['us-russia-intel-sharing', 'second']);
  await page.context().close();
});

test('a retry that renders the article counts it afresh', async () => {
  const page = await env.open(widget({ src: `${SRC}?fail-once=publishers-retry`, loading: 'eager' }) + env.embed);
  await waitForPart(page, '[part=retry]');
  await page.locator('article-widget [part=retry]').click();
  await waitFor(page, 'view');
  assert.deepEqual((await events(page)).map((e) => e.type), ['article-widget:error', 'article-widget:load', 'article-widget:view']);
  await page.context().close();
});
