// By hand (not part of scripts/test): the widget in WPE WebKit 2.38, an engine of
// Safari 16.0's generation (Debian bookworm's wpewebkit-driver and cog, headless):
//   apt-get install wpewebkit-driver cog && node tests/e2e/wpe-by-hand.mjs
// after a release build. Prints what it sees: the headline's computed style, how
// the stylesheet arrived (<style> or adopted), the colours.
import { spawn } from 'node:child_process';
import { Builder } from 'selenium-webdriver';
import { start } from './server.mjs';
const cdn = await start({ root: 'dist' });
const partner = await start({ root: 'demo', host: '127.0.0.1' });
const cdnUrl = `http://localhost:${cdn.port}/`;
partner.pages.set('/wpe.html', `<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body><article-widget src="articles/us-russia-intel.json" loading="eager"><a href="https://news.example.com/x">Fallback</a></article-widget><script async src="${cdnUrl}embed.js"></script></body></html>`);
const port = 4499;
const driver = spawn('/usr/bin/WPEWebDriver', [`--port=${port}`], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 500));
const web = await new Builder().usingServer(`http://127.0.0.1:${port}`).withCapabilities({
  browserName: 'cog', 'wpe:browserOptions': { binary: '/usr/bin/cog', args: ['--automation', '--platform=headless'] },
}).build();
try {
  console.log('UA', await web.executeScript('return navigator.userAgent'));
  await web.get(`http://127.0.0.1:${partner.port}/wpe.html`);
  let seen;
  for (let i = 0; i < 100; i++) {
    seen = await web.executeScript(`const r = document.querySelector('article-widget').shadowRoot; const h = r && r.querySelector('[part=headline]');
      return { headline: h && h.textContent, weight: h && getComputedStyle(h).fontWeight, size: h && getComputedStyle(h).fontSize,
        styles: r ? r.querySelectorAll('style').length : -1, adopted: r && r.adoptedStyleSheets ? r.adoptedStyleSheets.length : null,
        error: !!(r && r.querySelector('[part=error]')), share: !!(r && r.querySelector('[part=share]')), color: h && getComputedStyle(h).color,
        bg: getComputedStyle(document.querySelector('article-widget')).backgroundColor,
        sheetCtor: (() => { try { new CSSStyleSheet(); return 'ok'; } catch (e) { return String(e); } })() }`);
    if (seen.headline && seen.share) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  console.log(JSON.stringify(seen, null, 1));
} finally { await web.quit().catch(() => {}); driver.kill(); cdn.server.close(); partner.server.close(); }
