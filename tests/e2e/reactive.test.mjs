// What is live state of the Leptos component changes in place, through
// its signals: the same mounted widget and view container, no new mount, no
// refetch, no skeleton in between.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { environment, events, until, waitForEvent, waitForPart, widget, allowClipboard, shadowText } from './helpers.mjs';

let env;
before(async () => { env = await environment(); });
after(() => env.stop());

const SRC = 'articles/us-russia-intel.json';

/** Marks the widget's mounted state and view container, to tell later whether they are the same. */
const mark = (page) => page.evaluate(() => {
  const element = document.querySelector('article-widget');
  window.__mounted = element._widget;
  window.__container = element.shadowRoot.querySelector('.widget');
  window.__skeletons = 0;
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (node.nodeType === 1 && node.matches('[part=skeleton]')) window.__skeletons += 1;
    }
  }).observe(element.shadowRoot, { childList: true, subtree: true });
});

/** Whether the widget is still the one marked: same mount, same container, no skeleton since. */
const samePlace = (page) => page.evaluate(() => {
  const element = document.querySelector('article-widget');
  return element._widget === window.__mounted
    && element.shadowRoot.querySelector('.widget') === window.__container
    && window.__container.isConnected
    && window.__skeletons === 0;
});

const articleRequests = () => env.partnerLog.filter((path) => path === `/${SRC}`).length;

test('changing lang re-renders the strings, dates and direction in place', async () => {
  const page = await env.open(widget({ src: SRC, loading: 'eager' }) + env.embed);
  await waitForPart(page, '[part=share]');
  await mark(page);
  const fetched = articleRequests();
  await page.evaluate(() => document.querySelector('article-widget').setAttribute('lang', 'ar'));
  await page.waitForFunction(() => document.querySelector('article-widget').shadowRoot.querySelector('[part=reading-time]').textContent === 'دقيقتان للقراءة');
  const seen = await page.evaluate(() => {
    const root = document.querySelector('article-widget').shadowRoot;
    return {
      dir: root.querySelector('article').dir,
      share: root.querySelector('.share-label').textContent,
      published: root.querySelector('.published .label').textContent.trim(),
    };
  });
  assert.deepEqual(seen, { dir: 'rtl', share: 'شاركه مع العائلة والأصدقاء', published: 'نُشر' });
  assert.equal(await samePlace(page), true, 'same mount and container, no skeleton');
  assert.equal(articleRequests(), fetched, 'no refetch');
  assert.equal((await events(page)).filter((e) => e.type === 'article-widget:load').length, 1, 'no second load');
  await page.context().close();
});

test('changing theme re-themes in place, the same nodes', async () => {
  const page = await env.open(widget({ src: SRC, loading: 'eager', theme: 'light' }) + env.embed);
  await waitForPart(page, '[part=headline]');
  await mark(page);
  const before = await page.evaluate(() => {
    const element = document.querySelector('article-widget');
    window.__headline = element.shadowRoot.querySelector('[part=headline]');
    return getComputedStyle(element).backgroundColor;
  });
  await page.evaluate(() => document.querySelector('article-widget').setAttribute('theme', 'dark'));
  const after = await page.evaluate(() => getComputedStyle(document.querySelector('article-widget')).backgroundColor);
  assert.notEqual(after, before);
  assert.equal(after, 'rgb(22, 24, 28)');
  assert.equal(await page.evaluate(() => document.querySelector('article-widget').shadowRoot.querySelector('[part=headline]') === window.__headline), true);
  assert.equal(await samePlace(page), true);
  await page.context().close();
});

test('a retry from the error state renders the article in place', async () => {
  const page = await env.open(widget({ src: `${SRC}?fail-once=reactive-retry`, loading: 'eager' }) + env.embed);
  await waitForPart(page, '[part=retry]');
  await mark(page);
  await page.locator('article-widget').locator('[part=retry]').click();
  await waitForPart(page, '[part=headline]');
  assert.equal(await samePlace(page), true, 'the retry is not a remount, and shows no skeleton');
  await waitForEvent(page, 'article-widget:load');
  assert.deepEqual((await events(page)).map((e) => e.type), ['article-widget:error', 'article-widget:load']);
  await page.context().close();
});

test('the copy confirmation appears on the focused button and goes, in place', async () => {
  const page = await env.open(widget({ src: SRC, loading: 'eager' }) + env.embed);
  await allowClipboard(page);
  await waitForPart(page, '[part=share]');
  await mark(page);
  await page.evaluate(() => { window.__copy = document.querySelector('article-widget').shadowRoot.querySelector('[data-network=copy]'); });
  await page.locator('article-widget [data-network=copy]').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.__copy.textContent.trim() === 'Link copied'
    && window.__copy.getRootNode().activeElement === window.__copy
    && window.__copy.querySelector('path').getAttribute('d') === 'M20 6L9 17l-5-5');
  await page.waitForFunction(() => window.__copy.textContent.trim() === 'Copy link', null, { timeout: 5000 });
  assert.equal(await page.evaluate(() => window.__copy.isConnected && window.__copy.getRootNode().activeElement === window.__copy), true,
    'the same button, still focused');
  assert.equal(await samePlace(page), true);
  await page.context().close();
});

test('a changed src loads afresh inside the same mount', async () => {
  const page = await env.open(widget({ src: SRC, loading: 'eager' }) + env.embed);
  await waitForPart(page, '[part=headline]');
  await page.evaluate(() => {
    const element = document.querySelector('article-widget');
    window.__mounted = element._widget;
    window.__container = element.shadowRoot.querySelector('.widget');
  });
  await page.evaluate(() => document.querySelector('article-widget').setAttribute('src', 'articles/us-russia-intel.json?again'));
  await until(() => env.partnerLog.includes(`/${SRC}`) && env.partnerLog.filter((p) => p === `/${SRC}`).length >= 2, 5000);
  await page.waitForFunction(() => window.__events.filter((e) => e.type === 'article-widget:load').length === 2);
  assert.equal(await page.evaluate(() => {
    const element = document.querySelector('article-widget');
    return element._widget === window.__mounted && element.shadowRoot.querySelector('.widget') === window.__container;
  }), true);
  await page.context().close();
});

// A change updates only what changed. Node identity before and after,
// the reader's place with the browser's default scroll anchoring, a selection.

/** Marks the article's nodes shown now (the article, its headline, body and blocks), and returns how many blocks. */
const markNodes = (page) => page.evaluate(() => {
  const root = document.querySelector('article-widget').shadowRoot;
  window.__nodes = [root.querySelector('article'), root.querySelector('[part=headline]'), root.querySelector('[part=body]'),
    ...root.querySelectorAll('[part=body] > *')];
  return root.querySelectorAll('[part=body] > *').length;
});

/** How many of the marked nodes are still the widget's, in place. */
const nodesKept = (page) => page.evaluate(() => {
  const root = document.querySelector('article-widget').shadowRoot;
  const now = [root.querySelector('article'), root.querySelector('[part=headline]'), root.querySelector('[part=body]'),
    ...root.querySelectorAll('[part=body] > *')];
  return window.__nodes.filter((node, i) => node.isConnected && now[i] === node).length;
});

test('expanding a preview keeps every node shown and adds the rest after them; the reader does not move', async () => {
  // Content above and below, the page scrolled into the article: the browser's
  // default scroll anchoring is on (nothing here turns it off).
  const page = await env.open('<div style="height:400px">Above</div>'
    + widget({ src: SRC, loading: 'eager', preview: '3' }) + env.embed + '<div style="height:3000px">Below</div>');
  await waitForPart(page, '[part=continue]');
  await page.evaluate(() => window.scrollTo(0, 239));
  const shown = await markNodes(page);
  assert.equal(shown, 3);
  const before = await page.evaluate(() => ({
    y: window.scrollY,
    tops: [...document.querySelector('article-widget').shadowRoot.querySelectorAll('[part=body] > *')].map((b) => b.getBoundingClientRect().top),
  }));
  assert.equal(before.y, 239);
  // Clicked as a pointer would, without Playwright scrolling it into view first.
  await page.evaluate(() => document.querySelector('article-widget').shadowRoot.querySelector('[part=continue]').click());
  await page.waitForFunction(() => document.querySelector('article-widget').shadowRoot.querySelectorAll('[part=body] > *').length > 3);
  // A frame for scroll anchoring to act, if it were going to.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const after = await page.evaluate(() => ({
    y: window.scrollY,
    tops: [...document.querySelector('article-widget').shadowRoot.querySelectorAll('[part=body] > *')].slice(0, 3).map((b) => b.getBoundingClientRect().top),
    continues: !!document.querySelector('article-widget').shadowRoot.querySelector('[part=continue]'),
  }));
  assert.equal(await nodesKept(page), 3 + shown, 'the article, headline, body and the three blocks shown are the same nodes');
  assert.ok(Math.abs(after.y - before.y) <= 1, `scrollY ${before.y} → ${after.y}`);
  after.tops.forEach((top, i) => assert.ok(Math.abs(top - before.tops[i]) <= 1, `block ${i}: ${before.tops[i]} → ${top}`));
  assert.equal(after.continues, false, 'the control is gone');
  await page.context().close();
});

test('a text selection in the body survives expanding the preview', async () => {
  const page = await env.open(widget({ src: SRC, loading: 'eager', preview: '3' }) + env.embed);
  await waitForPart(page, '[part=continue]');
  const selected = await page.evaluate(() => {
    const root = document.querySelector('article-widget').shadowRoot;
    const text = root.querySelector('[part=body] > p:nth-child(2)').firstChild;
    window.getSelection().setBaseAndExtent(text, 0, text, 20);
    window.__selected = text;
    return window.getSelection().toString();
  });
  assert.equal(selected.length, 20);
  await page.evaluate(() => document.querySelector('article-widget').shadowRoot.querySelector('[part=continue]').click());
  await page.waitForFunction(() => document.querySelector('article-widget').shadowRoot.querySelectorAll('[part=body] > *').length > 3);
  const kept = await page.evaluate(() => {
    const selection = window.getSelection();
    return { text: selection.toString(), connected: window.__selected.isConnected, anchored: selection.anchorNode === window.__selected || selection.rangeCount > 0 };
  });
  assert.deepEqual(kept, { text: selected, connected: true, anchored: true });
  await page.context().close();
});

test('a lang change updates the strings in place: the article, headline and body are the same nodes', async () => {
  const page = await env.open(widget({ src: SRC, loading: 'eager' }) + env.embed);
  await waitForPart(page, '[part=share]');
  const shown = await markNodes(page);
  const labels = await page.evaluate(() => {
    const root = document.querySelector('article-widget').shadowRoot;
    window.__labels = [root.querySelector('[part=reading-time]'), root.querySelector('.share-label'), root.querySelector('[data-network=copy]')];
  });
  void labels;
  await page.evaluate(() => document.querySelector('article-widget').setAttribute('lang', 'de'));
  await page.waitForFunction(() => document.querySelector('article-widget').shadowRoot.querySelector('article').lang === 'de');
  assert.equal(await nodesKept(page), 3 + shown);
  assert.equal(await page.evaluate(() => window.__labels.every((node) => node.isConnected)), true, 'the labels are the same elements, with new text');
  assert.equal(await shadowText(page, '[data-network=copy]'), 'Link kopieren');
  await page.context().close();
});

test('a copy confirmation changes the button and the live region in place, nothing else', async () => {
  const page = await env.open(widget({ src: SRC, loading: 'eager' }) + env.embed);
  await allowClipboard(page);
  await waitForPart(page, '[part=share]');
  const shown = await markNodes(page);
  await page.evaluate(() => {
    const root = document.querySelector('article-widget').shadowRoot;
    window.__share = [root.querySelector('[part=share]'), root.querySelector('[part=share] [role=status]'), ...root.querySelectorAll('.share-control')];
  });
  await page.locator('article-widget [data-network=copy]').click();
  await page.waitForFunction(() => document.querySelector('article-widget').shadowRoot.querySelector('[part=share] [role=status]').textContent === 'Link copied');
  assert.equal(await page.evaluate(() => window.__share.every((node) => node.isConnected)), true, 'the group, its live region and every control are the same');
  assert.equal(await nodesKept(page), 3 + shown);
  await page.context().close();
});
