/*! article-widget embed.js: defines <article-widget> and loads the widget once per page. */
(function () {
  'use strict';
  var registry = window.customElements;
  // Included twice (or already defined): the first copy does the work.
  if (!registry || registry.get('article-widget')) return;

  // Everything else is found next to this script, wherever it is hosted.
  var script = document.currentScript || document.querySelector('script[src*="embed.js"]');
  var base = new URL('.', (script && script.src) || document.baseURI).href;
  var ATTRIBUTES = ['src', 'lang', 'share', 'share-url', 'timeout', 'heading-level'];

  // A host whose CSP forbids WebAssembly ('wasm-unsafe-eval') refuses even the
  // empty module: then each widget renders in a frame from our own origin.
  var wasmAllowed = (function () {
    try { return !!new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])); } catch (e) { return false; }
  })();

  // One module instance per page, however many widgets there are.
  var module;
  function load() {
    return module || (module = import(base + 'article-widget.js').then(function (glue) {
      return glue.default({ module_or_path: base + 'article-widget_bg.wasm' }).then(function () { return glue; });
    }));
  }

  // Mounting many widgets at once would be one long task: mount them in slices
  // of at most 8 ms, yielding to the page in between.
  var queue = [];
  function schedule(mount) {
    if (queue.push(mount) === 1) setTimeout(drain, 0);
  }
  function drain() {
    var start = performance.now();
    while (queue.length && performance.now() - start < 8) queue.shift()();
    if (queue.length) setTimeout(drain, 0);
  }

  function emit(element, type, detail) {
    element.dispatchEvent(new CustomEvent('article-widget:' + type, { bubbles: true, composed: true, detail: detail }));
  }

  function fail(element, message) {
    emit(element, 'error', { kind: 'network', message: 'the widget could not start: ' + message });
  }

  // `loading="lazy"`: start when the element comes within 600px of the viewport.
  var nearViewport = 'IntersectionObserver' in window && new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      if (entry.isIntersecting) {
        nearViewport.unobserve(entry.target);
        entry.target._render();
      }
    });
  }, { rootMargin: '600px 0px' });

  class ArticleWidget extends HTMLElement {
    static get observedAttributes() {
      // `theme` is pure CSS (:host([theme])): changing it needs no re-render.
      return ATTRIBUTES;
    }

    connectedCallback() {
      if (this.getAttribute('loading') === 'eager' || !nearViewport) this._render();
      else nearViewport.observe(this);
    }

    disconnectedCallback() {
      if (nearViewport) nearViewport.unobserve(this);
      this._unmount();
    }

    attributeChangedCallback(name, before, after) {
      if (before !== after && (this._widget || this._frame)) this._render();
    }

    _render() {
      var element = this;
      var generation = (element._generation || 0) + 1;
      element._generation = generation;
      if (!wasmAllowed) return element._renderInFrame();
      load().then(function (glue) {
        schedule(function () {
          // Removed or re-rendered while waiting: nothing to do.
          if (!element.isConnected || element._generation !== generation) return;
          element._unmount();
          try {
            element._widget = glue.mount(element);
          } catch (error) {
            fail(element, (error && error.message) || error);
          }
        });
      }).catch(function (error) { fail(element, (error && error.message) || error); });
    }

    // On a host that refuses WebAssembly: the widget in a frame from our origin
    // (frame-host.js, loaded only there).
    _renderInFrame() {
      var element = this;
      var generation = element._generation;
      import(base + 'frame-host.js').then(function (host) {
        if (!element.isConnected || element._generation !== generation) return;
        element._unmount();
        element._frame = host.renderInFrame(element, base, ATTRIBUTES, emit, fail);
      }).catch(function (error) { fail(element, (error && error.message) || error); });
    }

    _unmount() {
      this._generation = (this._generation || 0) + 1;
      if (this._widget) {
        this._widget.free();
        this._widget = null;
      }
      if (this._frame) {
        this._frame();
        this._frame = null;
      }
    }
  }

  registry.define('article-widget', ArticleWidget);
})();
