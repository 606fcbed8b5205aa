// Real framework hosts (contract §9): a React 19 app and a Vue 3 app, bundled
// by esbuild from npm as a partner's build would, render the element with a
// bound src and a listener written the framework's way, change src, and unmount.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { environment, SAMPLE_HEADLINE } from './helpers.mjs';

let env;
const bundles = {};
before(async () => {
  env = await environment();
  const common = { bundle: true, write: false, format: 'iife', target: 'es2020', minify: true, logLevel: 'silent' };
  const [react, vue] = await Promise.all([
    build({ ...common, entryPoints: ['tests/e2e/apps/react.jsx'], jsx: 'automatic', define: { 'process.env.NODE_ENV': '"production"' } }),
    build({
      ...common,
      entryPoints: ['tests/e2e/apps/vue.js'],
      // The build with the template compiler: the app's template is compiled in the page.
      alias: { vue: 'vue/dist/vue.esm-bundler.js' },
      define: { 'process.env.NODE_ENV': '"production"', __VUE_OPTIONS_API__: 'true', __VUE_PROD_DEVTOOLS__: 'false', __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false' },
    }),
  ]);
  bundles.React = react.outputFiles[0].text;
  bundles.Vue = vue.outputFiles[0].text;
  const second = { ...JSON.parse(readFileSync('demo/articles/us-russia-intel.json', 'utf8')), id: 'second', headline: 'A second article' };
  env.partnerPages.set('/articles/second.json', { body: JSON.stringify(second), headers: { 'content-type': 'application/json' } });
});
after(() => env.stop());

for (const framework of ['React', 'Vue']) {
  test(`a ${framework} app binds src, listens its own way, changes src and unmounts the element`, async () => {
    const path = `/${framework.toLowerCase()}-app.js`;
    env.partnerPages.set(path, { body: bundles[framework], headers: { 'content-type': 'text/javascript; charset=utf-8' } });
    const page = await env.open(`<div id="root"></div><script>window.FIRST_SRC = 'articles/us-russia-intel.json';</script><script src="${path}"></script>${env.embed}`);
    await page.waitForFunction(() => window.loads && window.loads.length === 1, null, { timeout: 15_000 });
    assert.deepEqual(await page.evaluate(() => window.loads), [SAMPLE_HEADLINE], 'the framework\'s listener heard the dash-named load');
    const element = () => page.evaluate(() => {
      const el = document.querySelector('article-widget');
      return el && { src: el.getAttribute('src'), state: el.state, headline: el.shadowRoot.querySelector('[part=headline]')?.textContent };
    });
    assert.deepEqual(await element(), { src: 'articles/us-russia-intel.json', state: 'loaded', headline: SAMPLE_HEADLINE });
    await page.evaluate(() => { window.__element = document.querySelector('article-widget'); window.app.setSrc('/articles/second.json'); });
    await page.waitForFunction(() => window.loads.length === 2, null, { timeout: 15_000 });
    assert.equal((await page.evaluate(() => window.loads))[1], 'A second article');
    assert.deepEqual(await element(), { src: '/articles/second.json', state: 'loaded', headline: 'A second article' });
    assert.equal(await page.evaluate(() => document.querySelector('article-widget') === window.__element), true, 'the same element, updated in place');
    await page.evaluate(() => window.app.setShown(false));
    await page.waitForFunction(() => document.getElementById('gone') && !document.querySelector('article-widget'));
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => window.loads.length), 2);
    assert.deepEqual(page.consoleMessages.filter((m) => m.type === 'pageerror' || m.type === 'error'), []);
    await page.context().close();
  });
}
