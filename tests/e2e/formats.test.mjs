// Pointing src at the formats publishers already publish renders a
// complete article: JSON-LD, JSON Feed and WordPress, real documents all.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { environment, events, waitForAll, waitForPart, widget } from './helpers.mjs';

let env;
before(async () => { env = await environment(); });
after(() => env.stop());

const ROOT = 'tests/fixtures/formats';
const fixtures = ['jsonld', 'jsonfeed', 'wordpress'].flatMap((dir) => readdirSync(`${ROOT}/${dir}`).map((file) => `${dir}/${file}`));

for (const fixture of fixtures) {
  test(`${fixture} renders a complete article`, async () => {
    const expected = JSON.parse(readFileSync(`${ROOT}/${fixture}`, 'utf8'));
    env.partnerPages.set(`/formats/${fixture}`, { body: JSON.stringify(expected), headers: { 'content-type': 'application/json' } });
    const page = await env.open(widget({ src: `/formats/${fixture}` }) + env.embed);
    // The load event comes once the whole body is built (a long one, a few blocks a task).
    await page.waitForFunction(() => window.__events.some((e) => e.type === 'article-widget:load'));
    const seen = await page.evaluate(() => {
      const root = document.querySelector('article-widget').shadowRoot;
      const text = (s) => root.querySelector(s)?.textContent.trim() ?? null;
      return {
        headline: text('[part=headline]'),
        published: root.querySelector('[part=published]')?.getAttribute('datetime') ?? null,
        readingTime: text('[part=reading-time]'),
        blocks: root.querySelector('[part=body]').children.length,
        markup: root.querySelector('[part=body]').innerHTML.includes('&lt;'),
      };
    });
    assert.ok(seen.headline && !/&#|&amp;|<\//.test(seen.headline), `headline: ${seen.headline}`);
    assert.ok(seen.published, 'a published time');
    assert.match(seen.readingTime, /min read/);
    assert.ok(seen.blocks >= 1);
    assert.equal(seen.markup, false, 'no HTML shown as text');
    const [load] = await events(page);
    assert.equal(load.type, 'article-widget:load');
    assert.equal(load.detail.headline, seen.headline);
    await page.context().close();
  });
}

test('a JSON Feed src with #item-id renders that item, eager or lazy', async () => {
  const feed = readFileSync(`${ROOT}/jsonfeed/curtclifton-feed.json`, 'utf8');
  env.partnerPages.set('/formats/feed-by-id.json', { body: feed, headers: { 'content-type': 'application/json' } });
  const page = await env.open(widget({ src: '/formats/feed-by-id.json#next-actions', loading: 'eager' })
    + widget({ src: '/formats/feed-by-id.json#these-are-a-few-of-my-stateful-machines' })
    + widget({ src: '/formats/feed-by-id.json' }) + env.embed);
  await waitForAll(page, '[part=headline]', 20_000);
  const headlines = await page.evaluate(() => [...document.querySelectorAll('article-widget')]
    .map((w) => w.shadowRoot.querySelector('[part=headline]').textContent.trim()));
  // Without a fragment, the feed's first item.
  assert.deepEqual(headlines, ['Next Actions', 'These are a Few of My Stateful Machines', 'Twitter Quitter']);
  await page.context().close();
});

test('publishers\' inline HTML becomes strong, em, links to a new tab and line breaks', async () => {
  const feed = {
    version: 'https://jsonfeed.org/version/1.1', title: 'Feed',
    items: [{ id: '1', title: 'Q&amp;A', url: 'https://n.example/q', date_published: '2024-05-01T10:00:00Z',
      content_html: '<p><strong>Bold</strong> <em>it</em> <a href="/more" onclick="window.pwned=1">more</a><br>next<script>window.pwned=1</script></p><blockquote><p>Said.</p><cite>Someone</cite></blockquote><ul><li>one</li><li>two</li></ul><figure><img src="/a.jpg" alt="A"><figcaption>Cap</figcaption></figure>' }],
  };
  env.partnerPages.set('/formats/inline.json', { body: JSON.stringify(feed), headers: { 'content-type': 'application/json' } });
  const page = await env.open(widget({ src: '/formats/inline.json' }) + env.embed);
  await waitForPart(page, '[part=article]');
  const seen = await page.evaluate(() => {
    const root = document.querySelector('article-widget').shadowRoot;
    const body = root.querySelector('[part=body]');
    const a = body.querySelector('p a');
    return {
      headline: root.querySelector('[part=headline]').textContent,
      strong: body.querySelector('p strong')?.textContent, em: body.querySelector('p em')?.textContent,
      href: a?.getAttribute('href'), target: a?.target, rel: a?.rel, onclick: a?.getAttribute('onclick'),
      br: body.querySelectorAll('p br').length, quote: body.querySelector('blockquote cite')?.textContent,
      items: body.querySelectorAll('ul li').length, img: body.querySelector('figure img')?.getAttribute('src'),
      caption: body.querySelector('figcaption')?.textContent, pwned: typeof window.pwned, scripts: root.querySelectorAll('script').length,
    };
  });
  assert.deepEqual(seen, {
    headline: 'Q&A', strong: 'Bold', em: 'it', href: `${env.partnerUrl}more`, target: '_blank', rel: 'noopener noreferrer',
    onclick: null, br: 1, quote: 'Someone', items: 2, img: `${env.partnerUrl}a.jpg`, caption: 'Cap', pwned: 'undefined', scripts: 0,
  });
  await page.context().close();
});
