// Keeping the partner's page still (contract §1): from the moment embed.js runs,
// nothing the widget does moves what is on screen; with article-widget.css on
// the page, nothing moves from the first paint. The page paints before embed.js
// runs (the CDN answers it late), and a script of the page's own records, every
// frame, where the partner's text is: an element that moved in the page while it
// was on screen is a shift. Chromium also reports its own layout-shift entries.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { environment, waitForPart, widget } from './helpers.mjs';

let env;
before(async () => {
  env = await environment();
  // The page paints first, as on a phone: embed.js arrives 600 ms later.
  env.cdnDelays.set('/embed.js', 600);
});
after(() => env.stop());

const PHONE = { viewport: { width: 412, height: 823 } };
const SRC = 'articles/us-russia-intel.json';

// Every frame, the document position of each `.partner` element as painted, and
// the frames in which one moved while on screen (before or after the move). Read
// in a requestAnimationFrame callback until embed.js has defined the element;
// from then on in a ResizeObserver callback that runs after embed.js's own (which
// holds the widget's height before the frame is painted, as a layout read in a
// requestAnimationFrame callback would not yet show): a new observer of a probe
// each frame, so that it comes after embed.js's in every engine's order.
const RECORDER = `<script>
  window.__moves = [];
  window.__shifts = [];
  try {
    new PerformanceObserver((list) => list.getEntries().forEach((e) => window.__shifts.push(e.value)))
      .observe({ type: 'layout-shift', buffered: true });
  } catch (e) { window.__shifts = null; }
  (function () {
    let last = null;
    const visible = (top, bottom) => bottom > 0 && top < innerHeight;
    function sample() {
      const now = [...document.querySelectorAll('.partner')].map((el) => {
        const box = el.getBoundingClientRect();
        return { top: box.top, bottom: box.bottom, page: box.top + scrollY };
      });
      if (last && now.length === last.length) {
        const moved = now.map((n, i) => [n, last[i], i])
          .filter(([n, l]) => Math.abs(n.page - l.page) > 0.5 && (visible(n.top, n.bottom) || visible(l.top, l.bottom)))
          .map(([n, l, i]) => i + ': ' + Math.round(l.page) + ' → ' + Math.round(n.page));
        if (moved.length) window.__moves.push(moved.join(', '));
      }
      last = now;
    }
    const probe = document.createElement('div');
    let defined = false;
    let observer = null;
    (function frame() {
      if (defined) {
        if (observer) observer.disconnect();
        observer = new ResizeObserver(sample);
        observer.observe(probe);
      } else sample();
      requestAnimationFrame(frame);
    })();
    customElements.whenDefined('article-widget').then(() => {
      probe.style.cssText = 'position:absolute;top:0;left:0;height:0;width:1px';
      document.body.append(probe);
      defined = true;
    });
  })();
</script>`;

const CSS = () => `<link rel="stylesheet" href="${env.cdnUrl}article-widget.css">`;
const paragraphs = Array.from({ length: 14 }, (_, i) => `<p class="partner">${i + 1}. The partner’s own reporting continues here.</p>`).join('');
const page = (element, { lazy = false } = {}) => `<h1 class="partner">Partner News</h1><p class="partner">The partner’s introduction.</p>
  ${lazy ? '<div class="partner" style="height:3000px">The partner’s own article.</div>' : ''}${element}${paragraphs}${env.embed}`;

/** Opens `body`, waits for the widget's load (or error) event and for what
 * follows it, and returns the moves seen and Chromium's layout shifts. */
async function watch(body, { css = true, event = 'article-widget:load', scroll = false, extra } = {}) {
  const tab = await env.open(body, { ...PHONE, head: RECORDER + (css ? CSS() : '') });
  if (scroll) {
    await tab.waitForFunction(() => document.readyState === 'complete');
    await tab.waitForTimeout(1000);
    await tab.evaluate(() => document.querySelector('article-widget').scrollIntoView());
  }
  await tab.waitForFunction((type) => window.__events.some((e) => e.type === type), event, { timeout: 15_000 });
  // The later pieces (share controls, attribution) arrive after the headline.
  await tab.waitForTimeout(1500);
  if (extra) await extra(tab);
  const seen = await tab.evaluate(() => ({ moves: window.__moves, shifts: window.__shifts }));
  await tab.context().close();
  return seen;
}

const still = (seen, what) => {
  assert.deepEqual(seen.moves, [], `${what}: the partner's text moved on screen`);
  if (seen.shifts) assert.deepEqual(seen.shifts, [], `${what}: layout shifts`);
};

test('with article-widget.css, an eager widget at the top of a phone page moves nothing from the first paint', async () => {
  still(await watch(page(widget({ src: SRC, loading: 'eager' }))), 'eager');
});

test('with article-widget.css, a lazy widget the reader scrolls to moves nothing', async () => {
  still(await watch(page(widget({ src: SRC }), { lazy: true }), { scroll: true }), 'lazy');
});

test('with article-widget.css, a preview moves nothing', async () => {
  still(await watch(page(widget({ src: SRC, loading: 'eager', preview: '3' }))), 'preview');
});

test('with article-widget.css, the error state moves nothing', async () => {
  const seen = await watch(page(widget({ src: '/fault/404', loading: 'eager' })), { event: 'article-widget:error' });
  still(seen, 'error');
});

test('with the bare snippet, the reservation when embed.js runs is the one shift', async () => {
  const seen = await watch(page(widget({ src: SRC, loading: 'eager' })), { css: false });
  assert.ok(seen.moves.length <= 1, `frames with moves: ${seen.moves.join(' | ')}`);
  if (seen.shifts) assert.ok(seen.shifts.length <= 1, `layout shifts: ${seen.shifts}`);
});

// The article late (the skeleton shows for a while): the reservation holds
// through the mount, which replaces the shadow root's sheets, until the height
// keeper has measured.
for (const css of [false, true]) {
  test(`${css ? 'with article-widget.css' : 'with the bare snippet'}, an article that comes late moves nothing more`, async () => {
    env.cdnDelays.set('/articles/us-russia-intel.json', 1500);
    try {
      const seen = await watch(page(widget({ src: `${env.cdnUrl}articles/us-russia-intel.json`, loading: 'eager' })), { css });
      if (css) still(seen, 'late');
      else {
        assert.ok(seen.moves.length <= 1, `frames with moves: ${seen.moves.join(' | ')}`);
        if (seen.shifts) assert.ok(seen.shifts.length <= 1, `layout shifts: ${seen.shifts}`);
      }
    } finally {
      env.cdnDelays.delete('/articles/us-russia-intel.json');
    }
  });
}

test('a widget given less room holds it while what follows is on screen, until the reader asks for more', async () => {
  const tab = await env.open(page(widget({ src: SRC, loading: 'eager', style: '--article-widget-reserve: 12em' })), { ...PHONE, head: RECORDER + CSS() });
  await waitForPart(tab, '[part=headline]');
  await tab.waitForTimeout(1000);
  const height = () => tab.evaluate(() => document.querySelector('article-widget').getBoundingClientRect().height);
  const held = await height();
  assert.ok(held < 12 * 17 + 2, `held at ${held}px`);
  const more = () => tab.evaluate(() => {
    const more = document.querySelector('article-widget').shadowRoot.querySelector('.more');
    return more && !more.hidden && more.getBoundingClientRect().height > 0;
  });
  assert.equal(await more(), true, 'the rest waits behind "Show more"');
  assert.deepEqual(await tab.evaluate(() => window.__moves), []);
  // The reader's press (a pointer's, as a tap or a click starts).
  await tab.evaluate(() => {
    const button = document.querySelector('article-widget').shadowRoot.querySelector('.more button');
    button.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    button.click();
  });
  await tab.waitForFunction(() => document.querySelector('article-widget').getBoundingClientRect().height > 600);
  assert.equal(await more(), false);
  await tab.context().close();
});
