/*! article-widget embed.js: defines <article-widget> and loads the widget once per page. */
(function () {
  'use strict';
  var registry = window.customElements;
  // Included twice (or already defined): the first copy does the work.
  if (!registry || registry.get('article-widget')) return;

  // Everything else is found next to this script, wherever it is hosted.
  var script = document.currentScript || document.querySelector('script[src*="embed.js"]');
  var base = new URL('.', (script && script.src) || document.baseURI).href;
  var ATTRIBUTES = ['src', 'lang', 'share', 'share-url', 'timeout', 'heading-level', 'preview', 'continue', 'promotions'];
  // The build rewrites these to the content-hashed names (scripts/hash-names.mjs).
  var GLUE = 'article-widget.js', WASM = 'article-widget_bg.wasm', FRAME_HOST = 'frame-host.js';

  // A host whose CSP forbids WebAssembly ('wasm-unsafe-eval') refuses even the
  // empty module: then each widget renders in a frame from our own origin. Asked
  // of instantiation, which is what the widget needs: WebKit compiles under such
  // a CSP and refuses only to instantiate.
  var wasmAllowed = (function () {
    try { return !!new WebAssembly.Instance(new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]))); } catch (e) { return false; }
  })();

  // One module instance per page, however many widgets there are. The glue and
  // the wasm download side by side; the wasm streams into instantiateStreaming.
  // A task after it is instantiated (once the first screenful's widgets have
  // mounted), the module's later pieces (share controls, error panel,
  // publishers' formats) start downloading side by side. A load that
  // failed is tried afresh by the next widget that needs it.
  var module;
  function quiet() {}
  function load() {
    if (!module) {
      var wasm = fetch(base + WASM);
      wasm.catch(quiet); // a failure is reported through the glue's init
      var loading = module = import(base + GLUE).then(function (glue) {
        return glue.default({ module_or_path: wasm }).then(function () {
          setTimeout(glue.preload);
          return glue;
        });
      });
      loading.catch(function () { if (module === loading) module = null; });
    }
    return module;
  }

  // A lazy widget's module is ready before the reader gets there: once the page
  // has loaded and its main thread is idle, the module is fetched and compiled if
  // a widget is on the page (its article still waits until it is near the
  // viewport), and the language data their dates need. Not for a reader who
  // asked to save data.
  function warmModule() {
    (window.requestIdleCallback || setTimeout)(function () {
      var widgets = document.querySelectorAll('article-widget');
      if (widgets.length) load().catch(quiet);
      // Their language data too (the first date formatted loads it).
      [].forEach.call(widgets, warm);
    });
  }
  if (wasmAllowed && !(navigator.connection && navigator.connection.saveData)) {
    if (document.readyState === 'complete') warmModule();
    else addEventListener('load', warmModule);
  }

  // Each widget's article downloads alongside the wasm, not after it: the widget
  // takes this fetch over (its controller serves timeouts and removal).
  function prefetch(element) {
    var src = (element.getAttribute('src') || '').trim();
    if (!src || element.querySelector(':scope > script[type="application/json"]')) return;
    try {
      var controller = new AbortController();
      var url = new URL(src, document.baseURI).href;
      var response = fetch(url, { signal: controller.signal });
      response.catch(function () {}); // the widget reports failures itself
      return { url: url, response: response, controller: controller };
    } catch (e) { /* the widget reports a bad src itself */ }
  }

  // Starting many widgets at once would be one long task: their fetches and
  // mounts run in slices of at most 8 ms, in order, yielding to the page between.
  var queue = [];
  function schedule(work) {
    if (queue.push(work) === 1) setTimeout(drain, 0);
  }
  function drain() {
    var start = performance.now();
    while (queue.length && performance.now() - start < 8) queue.shift()();
    if (queue.length) setTimeout(drain, 0);
  }

  // Whether a box shows in the first screenful: such widgets (and one starting
  // alone) are urgent: they start at once and render as soon as their article and
  // the module are both here.
  function onScreen(box) {
    return box.bottom > 0 && box.right > 0 && box.top < innerHeight && box.left < innerWidth;
  }
  function now(work) { work(); }

  // Eager widgets start together once every element on the page has connected
  // (a microtask later), their boxes read in one go: read one by one between the
  // writes that reserve their space, fifty of them were fifty layouts.
  var starting = [];
  function startSoon(element) {
    if (starting.push(element) === 1) {
      Promise.resolve().then(function () {
        var batch = starting;
        starting = [];
        // The module downloads while the boxes are measured (a layout of the page).
        if (wasmAllowed) load();
        var urgent = batch.map(function (element) { return batch.length === 1 || onScreen(element.getBoundingClientRect()); });
        batch.forEach(function (element, i) { element._render(urgent[i]); });
      });
    }
  }

  // The reader's language data loads while the module does (15–40 ms the first
  // time a page formats a date), in a task of its own, once per language.
  var warmed = {};
  function warm(element) {
    var holder = element.closest('[lang]');
    var lang = (holder && holder.getAttribute('lang')) || 'en';
    if (warmed[lang]) return;
    warmed[lang] = 1;
    setTimeout(function () {
      try {
        new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(0);
        new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }).format(1, 'day');
        new Intl.PluralRules(lang).select(1);
        new Intl.NumberFormat(lang).format(1);
      } catch (e) { /* the widget formats in English then */ }
    }, 0);
  }

  function emit(element, type, detail) {
    element.dispatchEvent(new CustomEvent('article-widget:' + type, { bubbles: true, composed: true, detail: detail }));
  }

  function fail(element, message) {
    emit(element, 'error', { kind: 'network', message: 'the widget could not start: ' + message });
  }

  // Until the widget mounts, its shadow root shows the partner's children in a box
  // of the skeleton's height (20em, as in widget.css): the swap moves nothing.
  var reserve;
  function reserveSpace(element) {
    var root = element.shadowRoot;
    // Already showing something (or a browser without constructed stylesheets).
    if ((root && root.firstChild) || !('adoptedStyleSheets' in Document.prototype)) return;
    try {
      if (!reserve) {
        reserve = new CSSStyleSheet();
        reserve.replaceSync(':host{display:block!important;font-size:var(--article-widget-font-size,17px)!important}:host([hidden]){display:none!important}div{min-height:20em}');
      }
      root = root || element.attachShadow({ mode: 'open' });
      root.adoptedStyleSheets = [reserve];
      root.appendChild(document.createElement('div')).appendChild(document.createElement('slot'));
    } catch (e) { /* the fallback shows as it is */ }
  }

  // `loading="lazy"`: start when the element comes within 600px of the viewport.
  // One coming alone starts at once, as the first screenful does: the slices are
  // for many starting together.
  var nearViewport = 'IntersectionObserver' in window && new IntersectionObserver(function (entries) {
    var due = entries.filter(function (entry) { return entry.isIntersecting; });
    due.forEach(function (entry) {
      nearViewport.unobserve(entry.target);
      entry.target._render(due.length === 1 || onScreen(entry.boundingClientRect));
    });
  }, { rootMargin: '600px 0px' });

  class ArticleWidget extends HTMLElement {
    static get observedAttributes() {
      // `theme` is pure CSS (:host([theme])): changing it needs no update.
      return ATTRIBUTES;
    }

    connectedCallback() {
      reserveSpace(this);
      if (this.getAttribute('loading') === 'eager' || !nearViewport) startSoon(this);
      else nearViewport.observe(this);
    }

    disconnectedCallback() {
      if (nearViewport) nearViewport.unobserve(this);
      this._unmount();
    }

    attributeChangedCallback(name, before, after) {
      if (before === after) return;
      if (this._widget) {
        // The mounted widget follows the change through its signals; a new src
        // starts downloading here at once, as at the first render.
        var early = name === 'src' ? prefetch(this) : undefined;
        try {
          this._widget.update(early);
        } catch (error) {
          if (early) early.controller.abort();
          fail(this, (error && error.message) || error);
        }
      } else if (this._frame) this._render();
    }

    // `urgent`: the element shows in the first screenful, or starts alone.
    _render(urgent) {
      var element = this;
      var generation = (element._generation || 0) + 1;
      element._generation = generation;
      if (!wasmAllowed) return element._renderInFrame();
      // Urgent widgets start now; the others in the slices (fifty fetches and
      // mounts at once would be one long task).
      var start = urgent ? now : schedule;
      start(function () {
        if (!element.isConnected || element._generation !== generation) return;
        element._dropEarly();
        element._early = prefetch(element);
      });
      warm(element);
      function failed(error) {
        element._dropEarly();
        // A CSP refusal the probe did not foresee: the frame works where this fails.
        if (/unsafe-eval/.test(error)) {
          wasmAllowed = false;
          return element._renderInFrame();
        }
        fail(element, (error && error.message) || error);
      }
      load().then(function (glue) {
        start(function () {
          // Removed (which aborted the early fetch) or re-rendered while waiting.
          if (!element.isConnected || element._generation !== generation) return;
          var early = element._early;
          element._early = null;
          element._unmount();
          try {
            element._widget = glue.mount(element, early, urgent);
          } catch (error) {
            if (early) early.controller.abort();
            failed(error);
          }
        });
      }).catch(failed);
    }

    // On a host that refuses WebAssembly: the widget in a frame from our origin
    // (frame-host.js, loaded only there).
    _renderInFrame() {
      var element = this;
      var generation = element._generation;
      import(base + FRAME_HOST).then(function (host) {
        if (!element.isConnected || element._generation !== generation) return;
        element._unmount();
        element._frame = host.renderInFrame(element, base, ATTRIBUTES, emit, fail);
      }).catch(function (error) { fail(element, (error && error.message) || error); });
    }

    // The early fetch of an element that will not mount (removed, or re-rendered).
    _dropEarly() {
      if (this._early) this._early.controller.abort();
      this._early = null;
    }

    _unmount() {
      this._generation = (this._generation || 0) + 1;
      this._dropEarly();
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
