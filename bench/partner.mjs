// The partner's page of the benchmarks: an article page on a phone (412 × 823,
// DPR 1.75) with the partner's headline, an introduction, one widget, and 14
// paragraphs of the partner's own text after it; `embed.js` async at the end of
// the body. `css`: the page also has `article-widget.css`'s rules (inlined in
// its <head>, as a partner copies them into its stylesheet). `lazy`: the
// default lazy widget 3,000 px down, which the reader scrolls to.
const PARAGRAPH = 'The partner’s own reporting continues here, with the context its readers come for.';

export const PHONE = { width: 412, height: 823, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true };

/** The sample article as the benchmarks serve it: without its logo (no promotions either). */
export function benchArticle(json) {
  const article = JSON.parse(json);
  if (article.source) delete article.source.logo;
  delete article.promotions;
  return JSON.stringify(article);
}

export function partnerPage({ css = '', lazy = false, src = 'articles/us-russia-intel.json', attributes = '', script = 'embed.js' } = {}) {
  const paragraphs = (n) => Array.from({ length: n }, (_, i) => `<p class="partner">${i + 1}. ${PARAGRAPH}</p>`).join('\n');
  const widget = `<article-widget src="${src}" loading="${lazy ? 'lazy' : 'eager'}"${attributes}><a href="https://news.example.com/us-russia-intel">US, Russia to step up intel sharing on IS</a></article-widget>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Partner article</title><link rel="icon" href="data:,">
<style>body{max-width:40rem;padding:1rem;margin:0 auto;font:17px/1.5 system-ui,sans-serif}${css}</style>
</head><body>
<h1>Partner News</h1>
<p class="partner intro">An introduction by the partner, above the article it syndicates from a publisher.</p>
${lazy ? `<div class="partner" style="height:3000px">The partner’s own article, read before the widget.</div>` : ''}
${widget}
${paragraphs(14)}
<script async src="${script}"></script>
</body></html>`;
}
