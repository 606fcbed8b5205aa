// Shared set-up for the end-to-end tests: the release dist/ on a "CDN" origin,
// partner pages on another origin, and headless Chromium driven by Playwright.
import { chromium } from 'playwright-core';
import { start } from './server.mjs';

export const CHROMIUM_ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
  '--disable-background-networking', '--no-first-run', '--disable-quic',
  '--disable-component-update', '--disable-sync',
];

export const SAMPLE_HEADLINE = 'US, Russia to step up intel sharing on IS';
export const FALLBACK = `<a href="https://news.example.com/us-russia-intel">${SAMPLE_HEADLINE}</a>`;

/** Debian's Chromium, headless, with no background traffic. */
export const launchChromium = () => chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });

/** dist/ alone on one origin (pages served beside it), and the browser. */
export async function sameOrigin() {
  const server = await start({ root: 'dist' });
  const browser = await launchChromium();
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
  const browser = await launchChromium();
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
    /** Every path the partner origin served (and `aborted PATH` for requests given up). */
    partnerLog,
    /** Extra routes on the partner origin: path → HTML or `{ body, headers }`. */
    partnerPages: partner.pages,
    /** Serves `body` as a partner page and opens it in a fresh page (`beforeGoto`
     * may set up routes on it first). */
    async open(body, { lang = 'en', head = '', viewport = { width: 1000, height: 800 }, deviceScaleFactor = 1, beforeGoto } = {}) {
      const path = `/page-${++pageCount}.html`;
      partner.pages.set(path, `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><link rel="icon" href="data:,">${RECORDER}${head}</head><body>${body}</body></html>`);
      const context = await browser.newContext({ viewport, deviceScaleFactor });
      const page = await context.newPage();
      page.consoleMessages = [];
      page.on('console', (m) => page.consoleMessages.push({ type: m.type(), text: m.text() }));
      page.on('pageerror', (e) => page.consoleMessages.push({ type: 'pageerror', text: e.message }));
      if (beforeGoto) await beforeGoto(page);
      await page.goto(partnerUrl + path.slice(1));
      return page;
    },
    async stop() {
      await browser.close();
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
  for (const name of ['article-widget:load', 'article-widget:error', 'article-widget:share', 'article-widget:expand', 'article-widget:view', 'article-widget:read']) {
    document.addEventListener(name, (e) => window.__events.push({
      type: e.type, detail: e.detail, index: [...document.querySelectorAll('article-widget')].indexOf(e.target), at: performance.now(),
    }));
  }
</script>`;

/** The contract events seen so far: `{ type, detail, index, at }` (`at`: `performance.now()`). */
export const events = (page) => page.evaluate(() => window.__events);

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
