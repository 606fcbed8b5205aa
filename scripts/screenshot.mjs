// The README's picture of the demo (docs/demo.png): the release dist/ served as
// scripts/demo serves it, the demo page opened in headless Chromium at a
// laptop's width, the first widget's article once its later pieces are in.
//   node scripts/screenshot.mjs   (after a release build: scripts/demo or trunk build --release)
import { launchChromium } from '../tests/e2e/helpers.mjs';
import { start } from '../tests/e2e/server.mjs';

const server = await start({ root: 'dist', compress: true });
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 }, deviceScaleFactor: 1, colorScheme: 'light' });
  await page.goto(`http://127.0.0.1:${server.port}/`);
  await page.waitForFunction(() => document.querySelector('article-widget')?.shadowRoot?.querySelector('[part=share] .share-list'), null, { timeout: 20_000 });
  // The partner's header and the first widget's head and first paragraphs.
  await page.waitForTimeout(500);
  await page.screenshot({ path: 'docs/demo.png', clip: { x: 0, y: 0, width: 1100, height: 900 } });
  console.log('wrote docs/demo.png');
} finally {
  await browser.close();
  server.server.close();
}
