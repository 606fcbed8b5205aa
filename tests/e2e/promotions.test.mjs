// The publisher's promotions (contract §7): where they come from, the
// parts, signing up against a local endpoint (the exact request; success, 500,
// timeout, a CORS refusal), that the reader's address goes nowhere else, and
// bad promotions that leave the article as it was.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { environment, events, waitForPart, widget } from './helpers.mjs';

let env;
before(async () => { env = await environment(); });
after(() => env.stop());

const SRC = 'articles/us-russia-intel.json';
const ADDRESS = 'reader.test+promo@example.org';
const root = (nth = 0) => `document.querySelectorAll('article-widget')[${nth}].shadowRoot`;

/** An article of the sample's shape with its own `promotions`, served by the partner. */
function articleWithPromotions(promotions, name = `own-${Math.random().toString(36).slice(2)}`) {
  const path = `/articles/${name}.json`;
  env.partnerPages.set(path, {
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      id: 'promo-article', url: 'https://news.example.com/promo', headline: 'A headline', byline: 'SBS News',
      source: { name: 'SBS News', url: 'https://news.example.com' },
      body: [{ type: 'paragraph', text: 'One paragraph.' }], promotions,
    }),
  });
  return path.slice(1);
}

/** A promotions document served by the partner. */
function document_(body, name = `promo-${Math.random().toString(36).slice(2)}`) {
  const path = `/${name}.json`;
  env.partnerPages.set(path, { headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return path.slice(1);
}

const NEWSLETTER = (action) => ({
  title: 'Get SBS News daily', text: 'Sign up now.', action, consent: 'By subscribing, you agree.',
  terms_url: 'https://news.example.com/terms', privacy_url: 'https://news.example.com/privacy',
});

const signUp = async (page, address = ADDRESS) => {
  const field = page.locator('article-widget [part=newsletter-email]');
  await field.fill(address);
  // Enter in the field submits the form, as a keyboard reader does.
  await field.press('Enter');
};

const statusText = (page) => page.evaluate(`${root()}.querySelector('[part=newsletter-status]').textContent`);

test('the article\'s own promotions render after the share controls and before the attribution', async () => {
  const src = articleWithPromotions({
    newsletter: NEWSLETTER('/api/newsletter'),
    groups: [{ title: 'Download our apps', links: [{ name: 'SBS News', url: 'https://apps.example.com/sbs-news', description: 'The app' }] }],
  });
  const page = await env.open(widget({ src, loading: 'eager' }) + env.embed);
  await waitForPart(page, '[part=promotions]');
  const seen = await page.evaluate((r) => {
    const root = eval(r);
    const aside = root.querySelector('[part=promotions]');
    const input = root.querySelector('[part=newsletter-email]');
    const label = root.querySelector(`label[for="${input.id}"]`);
    const order = [...root.querySelector('article').children].map((c) => c.getAttribute('part') || c.className);
    const link = root.querySelector('[part=promotion-group] a');
    return {
      tag: aside.tagName, label: aside.getAttribute('aria-label'), inArticle: aside.parentElement.matches('[part=article]'),
      order: order.slice(-3),
      input: { type: input.type, autocomplete: input.getAttribute('autocomplete'), required: input.required, label: label && label.textContent },
      button: root.querySelector('[part=newsletter-submit]').textContent,
      consent: root.querySelector('.newsletter-consent').textContent,
      status: { live: root.querySelector('[part=newsletter-status]').getAttribute('aria-live') },
      group: root.querySelector('[part=promotion-group] h3, [part=promotion-group] h4').textContent,
      link: { href: link.href, target: link.target, rel: link.rel, text: link.textContent },
    };
  }, root());
  assert.deepEqual(seen, {
    tag: 'ASIDE', label: 'More from SBS News', inArticle: true,
    order: ['share', 'promotions', 'attribution'],
    input: { type: 'email', autocomplete: 'email', required: true, label: 'Email address' },
    button: 'Sign up',
    consent: 'By subscribing, you agree. Terms of service Privacy policy',
    status: { live: 'polite' },
    group: 'Download our apps',
    link: { href: 'https://apps.example.com/sbs-news', target: '_blank', rel: 'noopener', text: 'SBS News' },
  });
  await page.context().close();
});

test('a promotions document replaces the article\'s, fetched once for every widget on the page', async () => {
  const before = env.partnerLog.filter((p) => p === '/promotions.json').length;
  const page = await env.open([1, 2, 3].map(() => widget({ src: SRC, loading: 'eager', promotions: 'promotions.json' })).join('') + env.embed);
  await page.waitForFunction(() => [...document.querySelectorAll('article-widget')].every((w) => w.shadowRoot?.querySelector('[part=promotions]')));
  assert.equal(env.partnerLog.filter((p) => p === '/promotions.json').length - before, 1, 'one request for three widgets');
  const groups = await page.evaluate(`[...${root(2)}.querySelectorAll('[part=promotion-group]')].map((g) => g.querySelector('.promotion-title').textContent)`);
  assert.deepEqual(groups, ['Download our apps', 'Listen to our podcasts', 'Watch on SBS']);
  await page.context().close();
});

test('promotions="none" shows none, even the article\'s own', async () => {
  const src = articleWithPromotions({ groups: [{ title: 'G', links: [{ name: 'L', url: 'https://l.example' }] }] });
  const page = await env.open(widget({ src, loading: 'eager', promotions: 'none' }) + env.embed);
  await waitForPart(page, '[part=share]');
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate(`!!${root()}.querySelector('[part=promotions]')`), false);
  await page.context().close();
});

test('signing up from the keyboard posts exactly the address, the article and its URL, without credentials; the confirmation replaces the form', async () => {
  const src = articleWithPromotions({ newsletter: NEWSLETTER('/api/newsletter') });
  const page = await env.open(widget({ src, loading: 'eager' }) + env.embed);
  await waitForPart(page, '[part=newsletter-email]');
  // A cookie of the endpoint's origin: credentials "omit" must not send it.
  await page.evaluate(() => { document.cookie = 'session=secret; path=/'; });
  const before = env.signups.length;
  await signUp(page);
  await page.waitForFunction(`${root()}.querySelector('[part=newsletter-status]').textContent === 'Thanks! Check your inbox to confirm.'`);
  const posts = env.signups.slice(before).filter((s) => s.method === 'POST');
  assert.equal(posts.length, 1);
  assert.equal(posts[0].path, '/api/newsletter');
  assert.equal(posts[0].contentType, 'application/json');
  assert.equal(posts[0].cookie, null, 'no credentials');
  assert.deepEqual(JSON.parse(posts[0].body), { email: ADDRESS, article: 'promo-article', url: 'https://news.example.com/promo' });
  assert.equal(await page.evaluate(`!!${root()}.querySelector('.newsletter-form')`), false, 'the form gave way to the confirmation');
  const subscribe = (await events(page)).filter((e) => e.type === 'article-widget:subscribe');
  assert.deepEqual(subscribe.map((e) => e.detail), [{ id: 'promo-article', url: 'https://news.example.com/promo', ok: true }]);
  // The address went nowhere else: not into events, the console, the URL, storage or any other request.
  const elsewhere = await page.evaluate((address) => ({
    events: JSON.stringify(window.__events).includes(address),
    url: location.href.includes(address) || location.href.includes(encodeURIComponent(address)),
    storage: JSON.stringify({ ...localStorage }).includes(address) || JSON.stringify({ ...sessionStorage }).includes(address),
  }), ADDRESS);
  assert.deepEqual(elsewhere, { events: false, url: false, storage: false });
  assert.equal(page.consoleMessages.some((m) => m.text.includes(ADDRESS)), false, 'not in the console');
  const leaked = [...env.partnerLog, ...env.cdnLog].filter((p) => p.includes('reader.test') || p.includes(encodeURIComponent(ADDRESS)));
  assert.deepEqual(leaked, [], 'in no URL requested');
  assert.equal(env.signups.slice(before).filter((s) => s.body.includes(ADDRESS)).length, 1, 'in one request only');
  await page.context().close();
});

for (const [name, action, attributes, text] of [
  ['a 500', '/api/newsletter/500', {}, 'a 500 answer'],
  ['a timeout', '/api/newsletter/slow', { timeout: '1500' }, 'no answer within the timeout'],
  ['a CORS refusal', 'CDN/api/newsletter/no-cors', {}, 'an endpoint that sends no CORS headers'],
]) {
  test(`a sign-up that fails (${name}) says so, keeps the address in the field and reports ok: false`, async () => {
    const src = articleWithPromotions({ newsletter: NEWSLETTER(action.replace('CDN/', env.cdnUrl)) });
    const page = await env.open(widget({ src, loading: 'eager', ...attributes }) + env.embed);
    await waitForPart(page, '[part=newsletter-email]');
    await signUp(page);
    await page.waitForFunction(`${root()}.querySelector('[part=newsletter-status]').textContent !== ''`, null, { timeout: 10_000 });
    assert.equal(await statusText(page), 'That didn’t work. Please try again.', text);
    const field = await page.evaluate(`(() => { const r = ${root()}; return { value: r.querySelector('[part=newsletter-email]').value, busy: r.querySelector('[part=newsletter-submit]').getAttribute('aria-busy'), disabled: r.querySelector('[part=newsletter-submit]').disabled }; })()`);
    assert.deepEqual(field, { value: ADDRESS, busy: 'false', disabled: false });
    const subscribe = (await events(page)).filter((e) => e.type === 'article-widget:subscribe');
    assert.deepEqual(subscribe.map((e) => e.detail.ok), [false]);
    assert.equal(JSON.stringify(await events(page)).includes(ADDRESS), false);
    assert.equal(await page.evaluate(`!!${root()}.querySelector('[part=error]')`), false, 'never the error state');
    await page.context().close();
  });
}

test('an address the browser\'s validation refuses is not sent', async () => {
  const src = articleWithPromotions({ newsletter: NEWSLETTER('/api/newsletter') });
  const page = await env.open(widget({ src, loading: 'eager' }) + env.embed);
  await waitForPart(page, '[part=newsletter-email]');
  const before = env.signups.length;
  await signUp(page, 'not an address');
  await page.waitForTimeout(500);
  assert.equal(env.signups.length, before, 'nothing sent');
  assert.equal(await page.evaluate(`${root()}.querySelector('[part=newsletter-email]').validity.valid`), false);
  await page.context().close();
});

test('with only a url, the newsletter is a "Sign up" link; following a group\'s link reports it', async () => {
  const src = articleWithPromotions({
    newsletter: { title: 'Get SBS News daily', url: 'https://news.example.com/newsletter' },
    groups: [{ title: 'Apps', links: [{ name: 'SBS News', url: 'https://apps.example.com/sbs-news' }] }],
  });
  const page = await env.open(widget({ src, loading: 'eager' }) + env.embed);
  await waitForPart(page, '[part=promotions]');
  const link = await page.evaluate(`(() => { const a = ${root()}.querySelector('.newsletter-link'); return { href: a.href, target: a.target, rel: a.rel, text: a.textContent, form: !!${root()}.querySelector('form') }; })()`);
  assert.deepEqual(link, { href: 'https://news.example.com/newsletter', target: '_blank', rel: 'noopener', text: 'Sign up', form: false });
  // Clicked in the page, with the new tab prevented: the event is what counts here.
  await page.evaluate(`(() => { const a = ${root()}.querySelector('[part=promotion-group] a'); a.addEventListener('click', (e) => e.preventDefault()); a.click(); })()`);
  const promotion = (await events(page)).filter((e) => e.type === 'article-widget:promotion');
  assert.deepEqual(promotion.map((e) => e.detail), [{ id: 'promo-article', url: 'https://news.example.com/promo', href: 'https://apps.example.com/sbs-news' }]);
  await page.context().close();
});

for (const [name, make, warns, attributes = {}] of [
  ['missing (404)', () => 'no-such-promotions.json', true],
  ['slow (no answer within the timeout)', () => `promotions.json?delay=20000&slow=${Math.random()}`, true, { timeout: '1500' }],
  ['too large (3 MiB)', () => '/fault/too-large-chunked', true],
  ['malformed', () => document_('{"groups": [', 'malformed-promotions'), true],
  ['not an object', () => document_('[1, 2, 3]', 'array-promotions'), true],
  ['hostile', () => document_({
    newsletter: { title: '<img src=x onerror="window.pwned=1">', action: 'http://news.example.com/insecure' },
    groups: [{ title: '<b>Apps</b>', links: [
      ...Array.from({ length: 500 }, (_, i) => ({ name: `L${i}`, url: `https://l.example/${i}` })),
      { name: 'JS', url: 'javascript:window.pwned=1' }] }, ...Array.from({ length: 20 }, () => ({ title: 'More', links: [{ name: 'x', url: 'https://x.example' }] }))],
  }, 'hostile-promotions'), false],
]) {
  test(`a promotions document that is ${name} leaves the article rendered, with no error`, async () => {
    const promotions = make();
    const page = await env.open([1, 2].map(() => widget({ src: SRC, loading: 'eager', promotions, ...attributes })).join('') + env.embed);
    await page.waitForFunction(() => [...document.querySelectorAll('article-widget')].every((w) => w.shadowRoot?.querySelector('[part=share]')), null, { timeout: 15_000 });
    await page.waitForTimeout(200);
    const seen = await page.evaluate(() => [...document.querySelectorAll('article-widget')].map((w) => {
      const r = w.shadowRoot;
      return {
        error: !!r.querySelector('[part=error]'),
        groups: r.querySelectorAll('[part=promotion-group]').length,
        links: [...r.querySelectorAll('[part=promotion-group] a')].length,
        hrefs: [...r.querySelectorAll('[part=promotions] a')].every((a) => /^https:/.test(a.href)),
        form: !!r.querySelector('[part=promotions] form'),
      };
    }));
    for (const widgetSeen of seen) assert.equal(widgetSeen.error, false);
    assert.equal((await events(page)).some((e) => e.type === 'article-widget:error'), false, 'no error event');
    assert.equal(await page.evaluate(() => typeof window.pwned), 'undefined');
    const promotionWarnings = () => page.consoleMessages.filter((m) => m.type === 'warning' && /promotions/.test(m.text));
    // (A slow document's warning comes when its timeout is up.)
    for (const deadline = Date.now() + 8000; warns && promotionWarnings().length < 2 && Date.now() < deadline;) await page.waitForTimeout(100);
    const warnings = promotionWarnings();
    if (warns) {
      assert.equal(warnings.length, 2, `one warning per widget: ${JSON.stringify(page.consoleMessages)}`);
      for (const widgetSeen of seen) assert.equal(widgetSeen.groups, 0);
    } else {
      // The rules hold: at most 6 groups of 12 links, http(s) only, no form to an http: action.
      assert.deepEqual(seen[0], { error: false, groups: 6, links: 12 + 5, hrefs: true, form: false });
    }
    await page.context().close();
  });
}

test('a publisher\'s format gets promotions from a promotions document', async () => {
  const page = await env.open(widget({ src: `${env.cdnUrl}formats/jsonld/thelocal-hamburg-words.json`, loading: 'eager', promotions: 'promotions.json' }) + env.embed);
  await waitForPart(page, '[part=promotions]', 0, 15_000);
  assert.equal(await page.evaluate(`${root()}.querySelectorAll('[part=promotion-group]').length`), 3);
  await page.context().close();
});

test('right to left and in every language: the form speaks the reader\'s language', async () => {
  const src = articleWithPromotions({ newsletter: NEWSLETTER('/api/newsletter') });
  const page = await env.open(['ar', 'es', 'fr', 'de', 'zh'].map((lang) => widget({ src, loading: 'eager', lang })).join('') + env.embed);
  await page.waitForFunction(() => [...document.querySelectorAll('article-widget')].every((w) => w.shadowRoot?.querySelector('[part=newsletter-submit]')));
  const seen = await page.evaluate(() => [...document.querySelectorAll('article-widget')].map((w) => {
    const r = w.shadowRoot;
    return [r.querySelector('article').dir, r.querySelector('[part=newsletter-submit]').textContent, r.querySelector('.newsletter-label').textContent];
  }));
  assert.deepEqual(seen, [
    ['rtl', 'اشترك', 'البريد الإلكتروني'],
    ['ltr', 'Suscribirse', 'Correo electrónico'],
    ['ltr', 'S’inscrire', 'Adresse e-mail'],
    ['ltr', 'Anmelden', 'E-Mail-Adresse'],
    ['ltr', '订阅', '电子邮件地址'],
  ]);
  await page.context().close();
});

test('a slow promotions document never holds the article back: it shows when it arrives', async () => {
  const page = await env.open(widget({ src: SRC, loading: 'eager', promotions: 'promotions.json?delay=2500' }) + env.embed);
  await page.waitForFunction(() => window.__events.some((e) => e.type === 'article-widget:load'));
  assert.equal(await page.evaluate(`!!${root()}.querySelector('[part=promotions]')`), false, 'the article first');
  await waitForPart(page, '[part=promotion-group]', 0, 10_000);
  await page.context().close();
});
