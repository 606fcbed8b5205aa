/*! The benchmark's yardstick: the embed a partner could write by hand, in plain
 * JavaScript. It fetches the article JSON and builds the headline, standfirst,
 * meta, body and share links in a shadow root, then fires article-widget:load.
 * Not product code: no formats, no errors, no languages, no security review. */
(function () {
  'use strict';
  if (customElements.get('article-widget')) return;
  var sheet = new CSSStyleSheet();
  sheet.replaceSync(':host{display:block;font-size:17px;line-height:1.6;color:#1a1a1a;background:#fff}'
    + 'article{max-width:44em;margin:auto;padding:1em}h2{font-size:2em;line-height:1.15;margin:0 0 .75em}'
    + '.meta{color:#595959;font-size:.875em}blockquote{border-inline-start:3px solid #b3261e;margin:1em 0;padding-inline-start:1em}'
    + 'ul.share{display:flex;gap:.5em;list-style:none;padding:0}ul.share a{display:inline-block;min-width:44px;min-height:44px}');
  var NETWORKS = [
    ['facebook', 'https://www.facebook.com/sharer/sharer.php?u={u}'],
    ['x', 'https://twitter.com/intent/tweet?url={u}&text={t}'],
    ['linkedin', 'https://www.linkedin.com/sharing/share-offsite/?url={u}'],
    ['whatsapp', 'https://wa.me/?text={t}%20{u}'],
    ['email', 'mailto:?subject={t}&body={u}'],
  ];
  function el(parent, tag, text, part) {
    var node = document.createElement(tag);
    if (text != null) node.textContent = text;
    if (part) node.setAttribute('part', part);
    parent.appendChild(node);
    return node;
  }
  function render(host, article) {
    var root = host.shadowRoot || host.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [sheet];
    root.textContent = '';
    var a = el(root, 'article', null, 'article');
    el(a, 'h2', article.headline, 'headline');
    if (article.standfirst) el(a, 'p', article.standfirst, 'standfirst');
    var meta = el(a, 'p', null);
    meta.className = 'meta';
    if (article.byline) el(meta, 'span', article.byline + ' · ', 'byline');
    var format = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });
    if (article.published) {
      var time = el(meta, 'time', format.format(new Date(article.published)), 'published');
      time.dateTime = article.published;
    }
    var words = (article.standfirst || '').split(/\s+/).length;
    var body = el(a, 'div', null, 'body');
    (article.body || []).forEach(function (block) {
      if (block.type === 'paragraph') el(body, 'p', block.text);
      else if (block.type === 'heading') el(body, 'h3', block.text);
      else if (block.type === 'quote') {
        var q = el(body, 'blockquote');
        el(q, 'p', block.text);
        if (block.cite) el(q, 'cite', block.cite);
      } else if (block.type === 'list') {
        var list = el(body, block.ordered ? 'ol' : 'ul');
        (block.items || []).forEach(function (item) { el(list, 'li', item); });
      }
      if (block.text) words += block.text.split(/\s+/).length;
    });
    el(meta, 'span', ' · ' + Math.max(1, Math.ceil(words / 230)) + ' min read', 'reading-time');
    if (article.url) {
      var share = el(a, 'ul', null, 'share');
      share.className = 'share';
      NETWORKS.forEach(function (network) {
        var link = el(el(share, 'li'), 'a', network[0]);
        link.href = network[1].replace('{u}', encodeURIComponent(article.url)).replace('{t}', encodeURIComponent(article.headline));
        link.target = '_blank';
        link.rel = 'noopener noreferrer';
      });
    }
    host.dispatchEvent(new CustomEvent('article-widget:load', { bubbles: true, composed: true, detail: { id: article.id, url: article.url, headline: article.headline } }));
  }
  function start(host) {
    fetch(new URL(host.getAttribute('src'), document.baseURI)).then(function (r) { return r.json(); })
      .then(function (article) { render(host, article); });
  }
  var near = new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      if (entry.isIntersecting) { near.unobserve(entry.target); start(entry.target); }
    });
  }, { rootMargin: '600px 0px' });
  customElements.define('article-widget', class extends HTMLElement {
    connectedCallback() {
      if (this.getAttribute('loading') === 'eager') start(this);
      else near.observe(this);
    }
  });
})();
