// Caching for a CDN: content-hashed names that embed.js knows, the
// README's Cache-Control recipe, and the article JSON left to normal HTTP caching.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { distFiles } from '../dist-files.mjs';
import { BROWSER, launchBrowser, SAMPLE_HEADLINE, shadowText, waitForPart, widget } from './helpers.mjs';
import { start } from './server.mjs';

let cdn, partner, browser;
const cdnLog = [];
const partnerLog = [];
before(async () => {
  cdn = await start({ root: 'dist', log: cdnLog, cache: true });
  partner = await start({ root: 'demo', log: partnerLog, cache: true });
  browser = await launchBrowser();
});
after(async () => {
  await browser.close();
  cdn.server.close();
  partner.server.close();
});

test('every file embed.js loads is named after its content, and embed.js names them', () => {
  const files = distFiles();
  for (const name of Object.values(files).flat().filter((n) => n !== 'embed.js')) {
    const hash = createHash('sha256').update(readFileSync(`dist/${name}`)).digest('hex').slice(0, 16);
    assert.ok(name.includes(`-${hash}`), `${name} carries its content hash ${hash}`);
  }
  const embed = readFileSync('dist/embed.js', 'utf8');
  for (const name of [files.glue, files.wasm, files.frameHost]) assert.ok(embed.includes(name), `embed.js names ${name}`);
  const glue = readFileSync(`dist/${files.glue}`, 'utf8');
  assert.ok(glue.includes(files.wasm), 'the glue names the hashed wasm');
  assert.ok(files.pieces.length > 0, 'the module comes in pieces');
  for (const piece of files.pieces) assert.ok(glue.includes(piece), `the glue names the piece ${piece}`);
  assert.ok(readFileSync(`dist/${files.frameHost}`, 'utf8').includes(files.frameHtml), 'the frame host names the hashed frame');
});

// WebKitGTK's automation session keeps no HTTP cache for what `fetch()` loads
// across navigations (measured: the .wasm files and the article fetched again in
// full, with no conditional request), so there this cannot be seen.
test('a second visit takes the widget from the cache and revalidates the article with its ETag', {
  skip: BROWSER === 'webkit' && 'WebKitGTK: its automation session keeps no HTTP cache for fetch() across navigations',
}, async () => {
  const { glue, wasm, pieces } = distFiles();
  const cdnUrl = `http://localhost:${cdn.port}/`;
  partner.pages.set('/cached.html', `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body>${widget({ src: 'articles/us-russia-intel.json' })}<script async src="${cdnUrl}embed.js"></script></body></html>`);
  const context = await browser.newContext();
  const page = await context.newPage();
  // What the CDN sends with each file (asked of it directly: WebDriver shows no responses).
  const cacheControl = async (file) => (await fetch(`${cdnUrl}${file}`)).headers.get('cache-control');
  const visit = async () => {
    await page.goto(`http://127.0.0.1:${partner.port}/cached.html`);
    await waitForPart(page, '[part=headline]');
    assert.equal(await shadowText(page, '[part=headline]'), SAMPLE_HEADLINE);
    // Every piece in too (they come after the headline), so none is cut short.
    await page.waitForFunction((n) => performance.getEntriesByType('resource')
      .filter((r) => /(split|chunk)_\w+-[0-9a-f]{16}\.wasm$/.test(r.name)).length >= n, pieces.length);
  };
  await visit();
  assert.equal(await cacheControl(wasm), 'public, max-age=31536000, immutable');
  assert.equal(await cacheControl(glue), 'public, max-age=31536000, immutable');
  assert.equal(await cacheControl('embed.js'), 'public, max-age=300');

  const cdnBefore = cdnLog.length;
  const partnerBefore = partnerLog.length;
  // A new navigation (not a reload, which would revalidate everything).
  await page.goto('about:blank');
  await visit();
  assert.deepEqual(cdnLog.slice(cdnBefore), [], 'embed.js, the glue and the wasm all come from the cache');
  assert.ok(partnerLog.slice(partnerBefore).includes('304 /articles/us-russia-intel.json'),
    'the article is revalidated with its ETag (the publisher\'s no-cache), not refetched or bypassed');
  await context.close();
});
