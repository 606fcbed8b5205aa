// Shared set-up for the end-to-end tests: the release dist/ on a "CDN" origin,
// partner pages on another origin, and the browser under test: headless Chromium
// or Firefox (BROWSER=firefox) driven by Playwright, or WebKitGTK (BROWSER=webkit)
// through the WebDriver layer in webkit.mjs, which gives the tests the same calls.
import { chromium, firefox } from 'playwright-core';
import { start } from './server.mjs';
import { CONSOLE_RECORDER, launchWebKit } from './webkit.mjs';

export const CHROMIUM_ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
  '--disable-background-networking', '--no-first-run', '--disable-quic',
  '--disable-component-update', '--disable-sync',
];

export const SAMPLE_HEADLINE = 'US, Russia to step up intel sharing on IS';
export const FALLBACK = `<a href="https://news.example.com/us-russia-intel">${SAMPLE_HEADLINE}</a>`;

/** Debian's Chromium, headless, with no background traffic. */
export const launchChromium = () => chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });

/** The browser under test: `BROWSER=firefox` runs the suite in Debian's Firefox
 * ESR, `BROWSER=webkit` in WebKitGTK. */
export const BROWSER = ['firefox', 'webkit'].includes(process.env.BROWSER) ? process.env.BROWSER : 'chromium';

/** For `test(name, { skip: chromiumOnly(why) }, …)`: a test that needs what only
 * Chromium offers (CDP, permissions) is skipped elsewhere, saying why. */
export const chromiumOnly = (why) => (BROWSER !== 'chromium' ? `Chromium only: ${why}` : false);

/** For `test(name, { skip: playwrightOnly(why) }, …)`: a test that needs what
 * Playwright offers and W3C WebDriver does not (request interception, init
 * scripts, frames, a fresh profile per context, pointer-level input) is skipped
 * in WebKit, saying why. */
export const playwrightOnly = (why) => (BROWSER === 'webkit' ? `Playwright only (not over WebDriver): ${why}` : false);

/** Firefox through WebDriver BiDi, where Playwright's emulation of media features
 * does nothing: the colour scheme and reduced motion are preferences of the launch. */
const launchFirefox = ({ colorScheme, reducedMotion } = {}) => firefox.launch({
  channel: 'moz-firefox',
  executablePath: process.env.FIREFOX || '/usr/bin/firefox-esr',
  headless: true,
  firefoxUserPrefs: {
    ...(colorScheme ? { 'layout.css.prefers-color-scheme.content-override': colorScheme === 'dark' ? 0 : 1 } : {}),
    ...(reducedMotion === 'reduce' ? { 'ui.prefersReducedMotion': 1 } : {}),
  },
});

/** The browser under test, with the media features asked for. */
export const launchBrowser = (media = {}) => {
  if (BROWSER === 'webkit') return launchWebKit();
  return BROWSER === 'firefox' ? launchFirefox(media) : launchChromium();
};

/** dist/ alone on one origin (pages served beside it), and the browser. */
export async function sameOrigin() {
  const server = await start({ root: 'dist' });
  const browser = await launchBrowser();
  return {
    browser,
    pages: server.pages,
    url: `http://127.0.0.1:${server.port}/`,
    async stop() { await browser.close(); server.server.close(); },
  };
}

/** Starts both servers and the browser; call `stop()` when done. */
export async function environment() {
  const cdnLog = [];
  const cdn = await start({ root: 'dist', log: cdnLog });
  const partnerLog = [];
  const partner = await start({ root: 'demo', host: '127.0.0.1', log: partnerLog });
  const browser = await launchBrowser();
  // Firefox takes media features at launch: one more browser per combination asked for.
  const mediaBrowsers = new Map();
  const browserFor = async (media) => {
    if (BROWSER !== 'firefox' || (!media.colorScheme && !media.reducedMotion)) return browser;
    const key = `${media.colorScheme}|${media.reducedMotion}`;
    if (!mediaBrowsers.has(key)) mediaBrowsers.set(key, await launchFirefox(media));
    return mediaBrowsers.get(key);
  };
  // "localhost" and "127.0.0.1" are different origins: the widget is cross-origin, like a CDN.
  const cdnUrl = `http://localhost:${cdn.port}/`;
  const partnerUrl = `http://127.0.0.1:${partner.port}/`;
  const embed = `<script async src="${cdnUrl}embed.js"></script>`;
  let pageCount = 0;

  return {
    cdnUrl,
    partnerUrl,
    embed,
    cdnLog,
    /** Paths on the widget's origin that answer slowly: path → milliseconds. */
    cdnDelays: cdn.delays,
    /** Paths on the widget's origin served otherwise: path → `{ body, headers }`. */
    cdnPages: cdn.pages,
    /** Every path the partner origin served (and `aborted PATH` for requests given up). */
    partnerLog,
    /** What the partner origin's newsletter endpoint received (server.mjs). */
    signups: partner.signups,
    /** Extra routes on the partner origin: path → HTML or `{ body, headers }`. */
    partnerPages: partner.pages,
    /** Serves `body` as a partner page and opens it in a fresh page (`beforeGoto`
     * may set up routes on it first). */
    async open(body, { lang = 'en', head = '', viewport = { width: 1000, height: 800 }, deviceScaleFactor = 1, beforeGoto, colorScheme, reducedMotion } = {}) {
      if (BROWSER === 'webkit' && (colorScheme || reducedMotion || beforeGoto)) {
        throw new Error('WebDriver cannot emulate media features or intercept requests: skip with playwrightOnly()');
      }
      const path = `/page-${++pageCount}.html`;
      const recorders = BROWSER === 'webkit' ? CONSOLE_RECORDER + RECORDER : RECORDER;
      partner.pages.set(path, `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><link rel="icon" href="data:,">${recorders}${head}</head><body>${body}</body></html>`);
      const context = await (await browserFor({ colorScheme, reducedMotion })).newContext({ viewport, deviceScaleFactor });
      const page = await context.newPage();
      if (BROWSER === 'chromium' && (colorScheme || reducedMotion)) await page.emulateMedia({ colorScheme, reducedMotion });
      page.consoleMessages = [];
      page.on('console', (m) => page.consoleMessages.push({ type: m.type(), text: m.text() }));
      page.on('pageerror', (e) => page.consoleMessages.push({ type: isSecurityReport(e.message) ? 'error' : 'pageerror', text: e.message }));
      if (beforeGoto) await beforeGoto(page);
      await page.goto(partnerUrl + path.slice(1));
      return page;
    },
    async stop() {
      await browser.close();
      for (const other of mediaBrowsers.values()) await other.close();
      cdn.server.close();
      partner.server.close();
    },
  };
}

/** A widget element as a partner writes it. */
export function widget(attributes = {}, inner = FALLBACK) {
  const attrs = Object.entries(attributes).map(([k, v]) => ` ${k}="${v}"`).join('');
  return `<article-widget${attrs}>${inner}</article-widget>`;
}

/** Text of the first element matching `selector` in the nth widget's shadow root. */
export function shadowText(page, selector, nth = 0) {
  return page.evaluate(([selector, nth]) => {
    const host = document.querySelectorAll('article-widget')[nth];
    const el = host && host.shadowRoot && host.shadowRoot.querySelector(selector);
    return el ? el.textContent.trim() : null;
  }, [selector, nth]);
}

/** Polls a test-side condition (a server log, say) until it holds or `ms` pass. */
export async function until(condition, ms) {
  const deadline = Date.now() + ms;
  while (!condition() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
}

/** Waits until the nth widget's shadow root has `selector`. */
export function waitForPart(page, selector, nth = 0, timeout = 10_000) {
  return page.waitForFunction(([selector, nth]) => {
    const host = document.querySelectorAll('article-widget')[nth];
    return !!(host && host.shadowRoot && host.shadowRoot.querySelector(selector));
  }, [selector, nth], { timeout });
}

/** Waits until every widget's shadow root has `selector`. */
export function waitForAll(page, selector, timeout = 10_000) {
  return page.waitForFunction((selector) => [...document.querySelectorAll('article-widget')]
    .every((host) => host.shadowRoot && host.shadowRoot.querySelector(selector)), selector, { timeout });
}

/** Every partner page records the contract events from the start (they bubble to the document). */
const RECORDER = `<script>
  window.__events = [];
  for (const name of ['article-widget:load', 'article-widget:error', 'article-widget:share', 'article-widget:expand', 'article-widget:view', 'article-widget:read', 'article-widget:subscribe', 'article-widget:promotion', 'article-widget:update', 'article-widget:withdrawn']) {
    document.addEventListener(name, (e) => window.__events.push({
      type: e.type, detail: e.detail, index: [...document.querySelectorAll('article-widget')].indexOf(e.target), at: performance.now(),
    }));
  }
</script>`;

/** The contract events seen so far: `{ type, detail, index, at }` (`at`: `performance.now()`). */
export const events = (page) => page.evaluate(() => window.__events);

/** Waits for the contract event `type` (`load` comes once the whole body is built,
 * a few tasks after the headline shows). */
export const waitForEvent = (page, type) => page.waitForFunction((t) => window.__events.some((e) => e.type === t), type);

/** Holds the responses to URLs matching `pattern` until `release()`: a page whose
 * article arrives exactly when the test says, however fast or slow the machine. */
export function held(pattern) {
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  return {
    release,
    beforeGoto: (page) => page.route(pattern, async (route) => {
      await released;
      await route.continue().catch(() => {});
    }),
  };
}

/** Clipboard permissions for a page: Playwright grants them in Chromium only; in
 * Firefox `clipboard.writeText` needs none after a click, which the tests make. */
export async function allowClipboard(page) {
  if (BROWSER === 'chromium') await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
}

/** Firefox (through BiDi) hands the browser's own CSP, CORS and integrity reports over as page
 * errors; Chromium logs them as console errors. They are the browser's, not a
 * script's: the tests treat them as Chromium's. */
export const isSecurityReport = (text) => /^The page’s settings blocked|^The Same Origin Policy disallows|^None of the “sha\d+” hashes in the integrity attribute match/.test(text);

/** axe-core on the widgets (shadow DOM included), WCAG 2.2 AA and best practice;
 * page-level rules are the partner's business. */
export async function axeViolations(page) {
  await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' });
  const result = await page.evaluate(() => window.axe.run({ include: [['article-widget']] }, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    rules: { region: { enabled: false }, 'landmark-one-main': { enabled: false }, 'page-has-heading-one': { enabled: false } },
  }));
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' > ')).join(', ')}`);
}
