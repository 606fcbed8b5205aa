/*! article-widget frame.js: one widget in a frame, for hosts whose CSP forbids WebAssembly. */
(function () {
  'use strict';
  // The embedding page passes its attributes and its origin in the fragment;
  // messages go to that origin only, and are taken from the parent only.
  var params = new URLSearchParams(location.hash.slice(1));
  var parentOrigin = params.get('origin');
  if (!parentOrigin || window.parent === window) return;
  function post(message) { window.parent.postMessage(message, parentOrigin); }

  var widget = document.createElement('article-widget');
  ['src', 'lang', 'theme', 'share', 'timeout', 'heading-level', 'preview', 'continue', 'promotions', 'live'].forEach(function (name) {
    if (params.has(name)) widget.setAttribute(name, params.get(name));
  });
  widget.setAttribute('loading', 'eager');
  // share-url="page" shares the embedding page, not this frame.
  if (params.get('share-url') === 'page') widget.setAttribute('share-url', 'article');

  ['load', 'error', 'share', 'expand', 'view', 'read', 'subscribe', 'promotion', 'update', 'withdrawn'].forEach(function (type) {
    widget.addEventListener('article-widget:' + type, function (event) {
      post({ type: type, detail: JSON.parse(JSON.stringify(event.detail)) });
    });
  });
  new ResizeObserver(function () {
    post({ type: 'height', height: document.documentElement.scrollHeight });
  }).observe(document.body);

  window.addEventListener('message', function (event) {
    if (event.source !== window.parent || event.origin !== parentOrigin || !event.data) return;
    if (event.data.type === 'article' && !widget.isConnected) {
      var json = document.createElement('script');
      json.type = 'application/json';
      json.textContent = String(event.data.json);
      widget.append(json);
      document.body.append(widget);
    }
  });
  // Inline JSON arrives by message; otherwise the widget fetches its src.
  if (params.has('src')) document.body.append(widget);
  post({ type: 'ready' });
})();
