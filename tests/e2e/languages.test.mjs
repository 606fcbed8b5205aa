// Six languages, plurals, dates, relative times and direction.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { environment, waitForAll, waitForPart, widget } from './helpers.mjs';

let env;
before(async () => { env = await environment(); });
after(() => env.stop());

const SRC = 'articles/us-russia-intel.json';
const EXPECTED = {
  en: { reading: '2 min read', share: 'Share this with family and friends', copy: 'Copy link', dir: 'ltr' },
  es: { reading: '2 min de lectura', share: 'Compártelo con familiares y amigos', copy: 'Copiar enlace', dir: 'ltr' },
  fr: { reading: '2 min de lecture', share: 'Partagez-le avec votre famille et vos amis', copy: 'Copier le lien', dir: 'ltr' },
  de: { reading: '2 Min. Lesezeit', share: 'Mit Familie und Freunden teilen', copy: 'Link kopieren', dir: 'ltr' },
  ar: { reading: 'دقيقتان للقراءة', share: 'شاركه مع العائلة والأصدقاء', copy: 'نسخ الرابط', dir: 'rtl' },
  zh: { reading: '阅读需 2 分钟', share: '分享给家人和朋友', copy: '复制链接', dir: 'ltr' },
};

const read = (page) => page.evaluate(() => {
  const root = document.querySelector('article-widget').shadowRoot;
  const text = (selector) => root.querySelector(selector)?.textContent.trim();
  return {
    reading: text('[part=reading-time]'),
    share: text('.share-label'),
    copy: text('[data-network=copy]'),
    published: text('[part=published]'),
    publishedLabel: text('.published .label'),
    dir: root.querySelector('article').dir,
    lang: root.querySelector('article').lang,
    direction: getComputedStyle(root.querySelector('article')).direction,
    // What the browser itself says the date is in this language.
    expectedDate: new Intl.DateTimeFormat(root.querySelector('article').lang, { dateStyle: 'medium', timeStyle: 'short' })
      .format(new Date('2014-10-14T09:30:00Z')),
  };
});

test('switching lang among the six languages changes strings, dates and direction', async () => {
  const page = await env.open(widget({ src: SRC, loading: 'eager' }) + env.embed);
  await waitForPart(page, '[part=share]');
  for (const [lang, expected] of Object.entries(EXPECTED)) {
    await page.evaluate((lang) => document.querySelector('article-widget').setAttribute('lang', lang), lang);
    await page.waitForFunction((lang) => document.querySelector('article-widget').shadowRoot?.querySelector(`article[lang="${lang}"] [part=share]`), lang);
    const seen = await read(page);
    assert.equal(seen.reading, expected.reading, lang);
    assert.equal(seen.share, expected.share, lang);
    assert.equal(seen.copy, expected.copy, lang);
    assert.equal(seen.dir, expected.dir, lang);
    assert.equal(seen.direction, expected.dir, lang);
    assert.equal(seen.published, seen.expectedDate, `${lang}: the date in the reader's language`);
  }
  await page.context().close();
});

test('a regional tag falls back to its base language, an unknown one to English', async () => {
  const page = await env.open(widget({ src: SRC, lang: 'fr-CA', loading: 'eager' }) + widget({ src: SRC, lang: 'sw', loading: 'eager' }) + env.embed);
  await waitForAll(page, '[part=reading-time]');
  const texts = await page.evaluate(() => [...document.querySelectorAll('article-widget')].map((w) => w.shadowRoot.querySelector('[part=reading-time]').textContent));
  assert.deepEqual(texts, ['2 min de lecture', '2 min read']);
  await page.context().close();
});

test('reading time is plural-correct (Arabic has six forms)', async () => {
  const doc = (minutes) => `data:application/json,${encodeURIComponent(JSON.stringify({ headline: 'H', reading_time_minutes: minutes, body: [{ type: 'paragraph', text: 'P' }] }))}`;
  const counts = [1, 2, 3, 11, 100];
  const page = await env.open(counts.map((n) => widget({ src: doc(n), lang: 'ar', loading: 'eager' })).join('') + widget({ src: doc(1), loading: 'eager' }) + env.embed);
  await waitForAll(page, '[part=reading-time]');
  const texts = await page.evaluate(() => [...document.querySelectorAll('article-widget')].map((w) => w.shadowRoot.querySelector('[part=reading-time]').textContent));
  // The browser's own digits: WebKit writes Arabic numbers in Arabic-Indic
  // digits (٣), Chromium and Firefox in Latin ones (3).
  const digits = await page.evaluate(() => Object.fromEntries([3, 11, 100].map((n) => [n, new Intl.NumberFormat('ar').format(n)])));
  const number = (n) => digits[n];
  assert.deepEqual(texts, [
    'دقيقة واحدة للقراءة',
    'دقيقتان للقراءة',
    `${number(3)} دقائق للقراءة`,
    `${number(11)} دقيقة للقراءة`,
    `${number(100)} دقيقة للقراءة`,
    '1 min read',
  ]);
  await page.context().close();
});

test('recent times read "3 hours ago" in the reader\'s language; the exact time stays on hover', async () => {
  const now = Date.now();
  const iso = (ms) => new Date(ms).toISOString();
  const doc = `data:application/json,${encodeURIComponent(JSON.stringify({
    headline: 'H', published: iso(now - 3 * 3600e3 - 60e3), updated: iso(now - 90e3), body: [{ type: 'paragraph', text: 'P' }],
  }))}`;
  const page = await env.open(widget({ src: doc, loading: 'eager' }) + widget({ src: doc, lang: 'de', loading: 'eager' }) + env.embed);
  await waitForAll(page, '[part=updated]');
  const times = await page.evaluate(() => [...document.querySelectorAll('article-widget')].map((w) => {
    const root = w.shadowRoot;
    return [root.querySelector('[part=published]').textContent, root.querySelector('[part=updated]').textContent, root.querySelector('[part=published]').title];
  }));
  assert.deepEqual(times[0].slice(0, 2), ['3 hours ago', '1 minute ago']);
  assert.deepEqual(times[1].slice(0, 2), ['vor 3 Stunden', 'vor 1 Minute']);
  assert.match(times[0][2], /\d{4}/, 'the absolute date and time on hover');
  await page.context().close();
});

test('a Chinese article reads at 500 characters a minute', async () => {
  const text = '美国国务卿约翰·克里表示他和俄罗斯外长谢尔盖·拉夫罗夫同意加强有关伊斯兰国组织的情报共享。'.repeat(15);
  const doc = `data:application/json,${encodeURIComponent(JSON.stringify({ headline: '美俄将加强情报共享', body: [{ type: 'paragraph', text }] }))}`;
  const page = await env.open(widget({ src: doc, lang: 'zh' }) + env.embed);
  await waitForPart(page, '[part=reading-time]');
  // 15 × 44 Han characters (plus punctuation) = 660+ characters: 2 minutes, not 1.
  assert.equal(await page.evaluate(() => document.querySelector('article-widget').shadowRoot.querySelector('[part=reading-time]').textContent), '阅读需 2 分钟');
  await page.context().close();
});

test('Arabic article text is laid out right to left even under an English UI', async () => {
  const doc = `data:application/json,${encodeURIComponent(JSON.stringify({ headline: 'اتفاق أمريكي روسي', body: [{ type: 'paragraph', text: 'قال وزير الخارجية الأمريكي جون كيري' }, { type: 'paragraph', text: 'English paragraph.' }] }))}`;
  const page = await env.open(widget({ src: doc }) + env.embed);
  await waitForPart(page, '[part=headline]');
  const directions = await page.evaluate(() => {
    const root = document.querySelector('article-widget').shadowRoot;
    return ['[part=headline]', '[part=body] p:nth-child(1)', '[part=body] p:nth-child(2)'].map((s) => getComputedStyle(root.querySelector(s)).direction);
  });
  assert.deepEqual(directions, ['rtl', 'rtl', 'ltr']);
  await page.context().close();
});
