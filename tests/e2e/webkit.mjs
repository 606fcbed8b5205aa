// The end-to-end suite's driver layer for WebKitGTK (Safari's engine), which
// Playwright cannot drive: the few Playwright calls the tests make (a browser,
// its contexts and pages, `evaluate`, `waitForFunction`, locators that pierce
// shadow roots, the keyboard), over W3C WebDriver with `selenium-webdriver`
// and Debian's `WebKitWebDriver` driving its MiniBrowser (under Xvfb).
//
// WebDriver gives one session per driver process and no console, so: one
// driver and one browser session per test file, each page a navigation in it
// (a new context clears the origins' storage first); console messages and page
// errors are recorded by a script in the page (`CONSOLE_RECORDER`) and read
// back with every call, so the listeners hear of them as soon as a test looks. What WebDriver cannot do (request interception,
// CDP, init scripts, frames' own contexts, media emulation) is not here: the
// tests that need it say so (`needs()` in helpers.mjs).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { Builder, Key } from 'selenium-webdriver';

const DRIVER = process.env.WEBKIT_DRIVER || '/usr/bin/WebKitWebDriver';
const MINIBROWSER = process.env.MINIBROWSER || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** Put in each page's head in WebKit: what Playwright's console and pageerror events report. */
export const CONSOLE_RECORDER = `<script>
  window.__console = [];
  for (const type of ['log', 'info', 'warn', 'error', 'debug']) {
    const original = console[type];
    console[type] = function (...args) {
      window.__console.push({ type: type === 'warn' ? 'warning' : type, text: args.map(String).join(' ') });
      return original.apply(this, args);
    };
  }
  addEventListener('error', (e) => window.__console.push({ type: 'pageerror', text: e.message }));
  addEventListener('unhandledrejection', (e) => window.__console.push({ type: 'pageerror', text: String(e.reason && e.reason.message || e.reason) }));
</script>`;

const freePort = () => new Promise((resolve, reject) => {
  const server = createServer();
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    server.close(() => resolve(port));
  });
  server.on('error', reject);
});

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts WebKitWebDriver and a MiniBrowser session; a start that hangs (MiniBrowser sometimes does) is tried again. */
async function session(viewport) {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const driver = spawn(DRIVER, [`--port=${port}`], { stdio: 'ignore' });
    try {
      await sleep(300);
      const started = new Builder()
        .usingServer(`http://127.0.0.1:${port}`)
        .withCapabilities({
          browserName: 'MiniBrowser',
          'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
        })
        .build();
      const web = await Promise.race([
        started.then(() => started),
        sleep(20_000).then(() => { throw new Error('MiniBrowser did not start'); }),
      ]);
      await web.manage().window().setRect({ width: viewport.width, height: viewport.height + 80 }).catch(() => {});
      return { web, driver };
    } catch (error) {
      driver.kill();
      if (attempt === 3) throw error;
    }
  }
}

/** Turns a function and its argument into a script WebDriver runs (and whose promise it awaits). */
const script = (fn, arg) => {
  // Playwright takes an expression as a string, or a function and its argument.
  if (typeof fn === 'string') return [`return (${fn})`];
  return arg === undefined ? [`return (${fn})()`] : [`return (${fn})(arguments[0])`, arg];
};

/** Every element a Playwright selector matches, in the page: `a >> b` chains
 * (`nth=N` picks one), and a CSS part matches in the light tree if it can, else
 * in shadow roots too, each descendant step looking inside them. */
function resolve(selector) {
  const deep = (root, css) => {
    const steps = css.trim().split(/\s+/);
    let scopes = [root];
    const within = (node, step) => {
      const found = [...node.querySelectorAll(step)];
      for (const el of node.querySelectorAll('*')) if (el.shadowRoot) found.push(...within(el.shadowRoot, step));
      return found;
    };
    for (const step of steps) {
      scopes = scopes.flatMap((scope) => [scope, ...(scope.shadowRoot ? [scope.shadowRoot] : [])].flatMap((r) => within(r, step)));
    }
    return [...new Set(scopes)];
  };
  let found = [document];
  for (const part of selector.split('>>').map((p) => p.trim())) {
    const nth = /^nth=(-?\d+)$/.exec(part);
    if (nth) {
      const n = Number(nth[1]);
      found = [found.at(n)].filter(Boolean);
      continue;
    }
    found = found.flatMap((scope) => {
      const light = [...scope.querySelectorAll(part)];
      return light.length || /[>+~]/.test(part) ? light : deep(scope, part);
    });
  }
  return found;
}

class Page {
  constructor(browser) {
    this.browser = browser;
    this.listeners = { console: [], pageerror: [] };
  }

  get web() { return this.browser.web; }

  /** Hands what the page recorded since the last call to the `console` and `pageerror` listeners. */
  async drain() {
    const messages = await this.web.executeScript('const m = window.__console || []; window.__console = []; return m;').catch(() => []);
    for (const m of messages) {
      if (m.type === 'pageerror') this.listeners.pageerror.forEach((f) => f({ message: m.text }));
      else this.listeners.console.forEach((f) => f({ type: () => m.type, text: () => m.text }));
    }
  }

  on(event, listener) { (this.listeners[event] ||= []).push(listener); }

  async goto(url) {
    this.current = url;
    await this.web.get(url);
  }

  /** The URL last navigated to (Playwright's `url()` is synchronous too). */
  url() { return this.current; }

  async evaluate(fn, arg) {
    const value = await this.web.executeScript(...script(fn, arg));
    await this.drain();
    return value;
  }

  async waitForFunction(fn, arg, { timeout = 30_000 } = {}) {
    const deadline = Date.now() + timeout;
    for (;;) {
      const value = await this.web.executeScript(...script(fn, arg)).catch(() => false);
      await this.drain();
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`waitForFunction timed out after ${timeout} ms: ${String(fn).slice(0, 200)}`);
      await sleep(50);
    }
  }

  async waitForTimeout(ms) {
    await sleep(ms);
    await this.drain();
  }

  locator(selector) {
    const page = this;
    const all = () => page.web.executeScript(`return (${resolve})(arguments[0])`, selector);
    const element = async () => {
      const [found] = await all();
      if (!found) throw new Error(`no element matches ${selector}`);
      return found;
    };
    return {
      locator: (inner) => page.locator(`${selector} >> ${inner}`),
      nth: (n) => page.locator(`${selector} >> nth=${n}`),
      first: () => page.locator(`${selector} >> nth=0`),
      async count() { return (await all()).length; },
      async isVisible() {
        const [found] = await all();
        return !!found && page.web.executeScript(
          'const e = arguments[0]; return !!(e.offsetWidth || e.offsetHeight || e.getClientRects().length) && getComputedStyle(e).visibility !== "hidden";',
          found,
        );
      },
      async click() {
        // WebDriver's own click: a real pointer click, with the user activation
        // the Clipboard API asks for.
        await (await element()).click();
        await page.drain();
      },
      async scrollIntoViewIfNeeded() {
        await page.web.executeScript('arguments[0].scrollIntoView({ block: "nearest" })', await element());
      },
      async fill(value) {
        const field = await element();
        await field.clear();
        await field.sendKeys(value);
      },
      async press(key) {
        const keys = { Enter: Key.ENTER, Tab: Key.TAB, Escape: Key.ESCAPE };
        await (await element()).sendKeys(keys[key] ?? key);
        await page.drain();
      },
      async inputValue() {
        return page.web.executeScript('return arguments[0].value', await element());
      },
      async focus() {
        await page.web.executeScript('arguments[0].focus()', await element());
      },
      async evaluate(fn, arg) {
        return page.web.executeScript(`return (${fn})(arguments[0], arguments[1])`, await element(), arg);
      },
    };
  }

  /** A script in the page from a file (`{ path }`) or text (`{ content }`). */
  async addScriptTag({ path, content }) {
    const text = content ?? readFileSync(path, 'utf8');
    await this.web.executeScript('const s = document.createElement("script"); s.textContent = arguments[0]; document.head.append(s);', text);
  }

  get keyboard() {
    const page = this;
    const keys = { Enter: Key.ENTER, Tab: Key.TAB, Space: Key.SPACE, ' ': Key.SPACE, Escape: Key.ESCAPE };
    return {
      async press(key) {
        await page.web.actions().sendKeys(keys[key] ?? key).perform();
        await page.drain();
      },
    };
  }

  context() { return this.owner; }

  async close() {
    await this.web.get('about:blank').catch(() => {});
  }
}

class Context {
  constructor(browser) { this.browser = browser; }

  async newPage() {
    const page = new Page(this.browser);
    page.owner = this;
    return page;
  }

  async close() {
    await this.browser.web.get('about:blank').catch(() => {});
  }
}

/** A WebKit "browser" with Playwright's shape: contexts and pages share its one session.
 * A session that WebKit ended (its web process crashed or hung: seen once in
 * a CI run, between two tests) is replaced for the next test, and said so,
 * rather than failing every test after it in the file. */
export async function launchWebKit({ viewport = { width: 1000, height: 800 } } = {}) {
  let { web, driver } = await session(viewport);
  const browser = {
    get web() { return web; },
    async newContext() {
      const alive = await Promise.race([web.getCurrentUrl().then(() => true, () => false), sleep(10_000).then(() => false)]);
      if (!alive) {
        console.warn('WebKit: the MiniBrowser session was lost (page crash or hang); a new one is started');
        await web.quit().catch(() => {});
        driver.kill();
        ({ web, driver } = await session(viewport));
      }
      return new Context(browser);
    },
    async newPage() { return (await browser.newContext()).newPage(); },
    async close() {
      await web.quit().catch(() => {});
      driver.kill();
    },
  };
  return browser;
}
