/*! article-widget embed.js */
// Defines <article-widget> and loads the widget once per page.
(function () {
  'use strict';
  var registry = window.customElements;
  // Included twice (or already defined): the first copy does the work.
  if (!registry || registry.get('article-widget')) return;

  // Everything else is found next to this script, wherever it is hosted.
  var script = document.currentScript || document.querySelector('script[src*="embed.js"]');
  var base = new URL('.', (script && script.src) || document.baseURI).href;
  var ATTRIBUTES = ['src', 'lang', 'share', 'share-url', 'timeout', 'heading-level', 'preview', 'continue', 'promotions', 'live'];
  // The build rewrites these to the content-hashed names (scripts/release.mjs).
  var GLUE = 'article-widget.js', WASM = 'article-widget_bg.wasm', FRAME_HOST = 'frame-host.js';
  // And writes here the Subresource Integrity hash of each: a file that is not
  // the release's is refused, so the one hash on a pinned script tag covers all.
  var INTEGRITY = {};

  // `import()` has no integrity option: the module runs first from a module
  // script carrying its hash (a module preload's hash is not checked in every
  // engine: WebKit's loads whatever comes), and is imported, already
  // evaluated, once that script has loaded. Under Trusted Types, its URL comes
  // from the policy "article-widget". (A module script is fetched with CORS,
  // without credentials, as `import()` fetches it.)
  function refused(name) {
    return new Error(name + ' could not be loaded, or is not the release\'s');
  }
  var policy;
  function importChecked(name) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement('script');
      var url = base + name;
      script.type = 'module';
      script.integrity = INTEGRITY[name] || '';
      script.onload = function () { script.remove(); resolve(import(url)); };
      script.onerror = function () { script.remove(); reject(refused(name)); };
      try {
        policy = policy || trustedTypes.createPolicy('article-widget', { createScriptURL: String });
      } catch (e) { /* no Trusted Types here */ }
      script.src = policy ? policy.createScriptURL(url) : url;
      document.head.appendChild(script);
    });
  }

  // A host whose CSP forbids WebAssembly ('wasm-unsafe-eval') refuses even the
  // empty module: then each widget renders in a frame from our own origin. Asked
  // of instantiation, which is what the widget needs: WebKit compiles under such
  // a CSP and refuses only to instantiate.
  var wasmAllowed = (function () {
    try { return !!new WebAssembly.Instance(new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]))); } catch (e) { return false; }
  })();

  // One module instance per page, however many widgets there are. The glue and
  // the wasm download side by side; the wasm streams into instantiateStreaming.
  // (The module's later pieces start after the first headline: see
  // src/view/pieces.rs.) A load that failed is tried afresh by the next widget
  // that needs it.
  var module;
  function quiet() {}
  // The module compiles as soon as its bytes are here, beside the glue, while
  // their hash is computed, and is run only if that is the release's hash: a
  // fetch with `integrity` handed it to the glue later (measured: the first
  // headline 32 ms later on loopback). Without WebCrypto (a page not served
  // over HTTPS) the fetch checks it.
  function fetchWasm() {
    var hash = INTEGRITY[WASM];
    var subtle = window.crypto && crypto.subtle;
    if (!hash || !subtle) return fetch(base + WASM, { integrity: hash || '' });
    return fetch(base + WASM).then(function (response) { return response.arrayBuffer(); }).then(function (bytes) {
      return Promise.all([WebAssembly.compile(bytes), subtle.digest('SHA-256', bytes)]);
    }).then(function (done) {
      if ('sha256-' + btoa(String.fromCharCode.apply(null, new Uint8Array(done[1]))) !== hash) throw refused(WASM);
      return done[0];
    });
  }

  function load() {
    if (!module) {
      var wasm = fetchWasm();
      wasm.catch(quiet); // a failure is reported through the glue's init
      var loading = module = importChecked(GLUE).then(function (glue) {
        return glue.default({ module_or_path: wasm }).then(function () { return glue; });
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
  // A task soon: ahead of others where the browser schedules by priority.
  function soon(work) {
    if (window.scheduler && scheduler.postTask) scheduler.postTask(work, { priority: 'user-blocking' });
    else setTimeout(work);
  }

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
        var boxes = batch.map(function (element) { return element.getBoundingClientRect(); });
        batch.forEach(function (element, i) {
          element._reserved = boxes[i].height;
          element._render(batch.length === 1 || onScreen(boxes[i]));
        });
      });
    }
  }

  // The reader's language data loads while the module does (15–40 ms the first
  // time a page formats a date or a number; the plural rules and relative times
  // cost little after them), in a task of its own, once per language.
  var warmed = {};
  function warm(element) {
    var holder = element.closest('[lang]');
    var lang = (holder && holder.getAttribute('lang')) || 'en';
    if (warmed[lang]) return;
    warmed[lang] = 1;
    setTimeout(function () {
      try {
        new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(0);
        new Intl.NumberFormat(lang).format(1);
      } catch (e) { /* the widget formats in English then */ }
    }, 0);
  }

  // Every event goes out under both its names, `article-widget:NAME` and at once
  // `article-widget-NAME` (JSX and Angular templates cannot spell a colon), with
  // the same detail: the view's events come through here too (the element's
  // `_emit`). The events that settle a load set `state` first.
  var SETTLED = { load: 'loaded', error: 'error', withdrawn: 'withdrawn' };
  function emit(element, type, detail) {
    if (SETTLED[type]) setState(element, SETTLED[type]);
    [':', '-'].forEach(function (mark) {
      element.dispatchEvent(new CustomEvent('article-widget' + mark + type, { bubbles: true, composed: true, detail: detail }));
    });
  }

  // `state`, and the custom state `:state(NAME)` where the browser has them.
  function setState(element, state) {
    element._state = state;
    try {
      var states = element._internals.states;
      states.clear();
      states.add(state);
    } catch (e) { /* no custom states here: `state` says it */ }
  }

  // Each attribute but `lang` (the built-in property) has a property of its name
  // in camelCase that reflects it as a string: null when absent; null or
  // undefined removes it.
  var PROPERTIES = ATTRIBUTES.concat('theme', 'loading').filter(function (name) { return name !== 'lang'; });
  function camel(name) {
    return name.replace(/-(\w)/g, function (_, letter) { return letter.toUpperCase(); });
  }

  function fail(element, message) {
    emit(element, 'error', { kind: 'network', message: 'the widget could not start: ' + message });
  }

  // Keeping the partner's page still. From the moment this script sees an
  // element, its box is a block of the reserved height (one screenful unless the
  // page sets --article-widget-reserve, as article-widget.css does before this
  // script runs), with the partner's children inside. Once the widget has
  // mounted, its height changes only where no reader sees it: while its bottom
  // edge is below the viewport it takes its content's height, but never less than
  // reaches the viewport's bottom; while its bottom edge is on screen or above it,
  // its height holds, and what does not fit waits behind a "Show more" button.
  // The reader's own click or key frees it, as the browser expects of a change
  // that follows input.
  var RESERVE = 'min-height:var(--article-widget-reserve,100vh)';
  var framed = document.documentElement.hasAttribute('data-article-widget-frame');
  var reserve;
  var keeping = [];
  var resized = window.ResizeObserver && new ResizeObserver(function (entries) {
    entries.forEach(function (entry) { keep(entry.target.getRootNode().host); });
    watchScroll();
  });
  var MORE = { en: 'Show more', fr: 'Afficher la suite', de: 'Mehr anzeigen', es: 'Mostrar más', ar: 'عرض المزيد', zh: '显示更多' };

  function div(className) {
    var element = document.createElement('div');
    element.className = className;
    return element;
  }

  function reserveSpace(element) {
    var root = element.shadowRoot;
    // Already showing something (or a browser without constructed stylesheets).
    if ((root && root.firstChild) || !('adoptedStyleSheets' in Document.prototype)) return;
    try {
      if (!reserve) {
        reserve = new CSSStyleSheet();
        reserve.replaceSync(':host{display:flex!important;flex-direction:column;' + RESERVE + ';font-size:var(--article-widget-font-size,17px)!important}:host([hidden]){display:none!important}');
      }
      root = root || element.attachShadow({ mode: 'open' });
      root.adoptedStyleSheets = [reserve];
      root.appendChild(document.createElement('div')).appendChild(document.createElement('slot'));
    } catch (e) { /* the fallback shows as it is */ }
  }

  // After the view mounted: the height follows the rules above.
  function track(element) {
    var root = element.shadowRoot;
    var content = root && root.querySelector('.widget');
    // In our frame (frame.html) the frame takes its content's height: the
    // partner's page around it is kept still by the frame host.
    if (!resized || !content || !reserve || framed) return;
    var k = element._keep;
    if (!k) {
      k = element._keep = { sheet: new CSSStyleSheet(), acted: -1e9, css: '' };
      var act = function () { k.acted = performance.now(); keep(element); watchScroll(); };
      ['pointerdown', 'keydown', 'focusin'].forEach(function (type) { element.addEventListener(type, act, true); });
      // (Its click frees the widget as any input in it does: the listeners above.)
      k.fill = div('fill');
      k.more = div('more');
      // Hidden until keep() has measured: shown at the foot of a widget not yet
      // held (below the viewport), it would count as moving when the hold brings it up.
      k.more.hidden = true;
      var holder = element.closest('[lang]');
      var lang = ((holder && holder.getAttribute('lang')) || '').toLowerCase().split('-')[0];
      k.more.appendChild(document.createElement('button')).textContent = MORE[lang] || MORE.en;
    }
    k.content = content;
    // The reserved height, as measured when the widget was due (else at the
    // first check).
    k.height = element._reserved;
    // The mount replaced the root's sheets: the reservation comes back with them,
    // in the same task, until the first measurement (the content may have no
    // size yet, which a ResizeObserver does not report): without it the host
    // collapsed to the skeleton for a frame, a shift of the partner's text.
    // (The widget's own stylesheet has the rest: the fill and "Show more".)
    root.adoptedStyleSheets = root.adoptedStyleSheets.concat([reserve, k.sheet]);
    root.appendChild(k.fill);
    root.appendChild(k.more);
    resized.observe(content);
    if (keeping.indexOf(element) < 0) keeping.push(element);
  }

  function untrack(element) {
    var k = element._keep;
    if (!k) return;
    if (k.content) resized.unobserve(k.content);
    k.content = null;
    k.fill.remove();
    k.more.remove();
    var at = keeping.indexOf(element);
    if (at >= 0) keeping.splice(at, 1);
  }

  function keep(element) {
    var k = element && element._keep;
    if (!k || !k.content || !element.isConnected) return;
    var box = element.getBoundingClientRect();
    if (!box.width && !box.height) return;
    var natural = k.natural = k.content.offsetHeight;
    var bottom = innerHeight;
    if (!k.height) k.height = box.height;
    var css = ':host{min-height:';
    if (performance.now() - k.acted < 500) {
      // The reader acted: free.
      css += '0!important}';
      k.height = natural;
    } else if (box.top + k.height < bottom) {
      // The bottom edge was on screen (or above it): it stays where it was.
      css += k.height + 'px!important;height:' + k.height + 'px!important;overflow:clip!important}';
    } else {
      // What follows the widget is below the viewport, and stays there.
      var floor = Math.max(0, bottom - box.top);
      css += floor + 'px!important}';
      k.height = Math.max(natural, floor);
    }
    k.clipped = natural > k.height + 1;
    k.more.hidden = !k.clipped;
    if (css !== k.css) k.sheet.replaceSync(k.css = css);
  }

  // While a widget holds more height than its content, or less, a scroll up may
  // let it take its content's height out of sight.
  var scrolling, frame;
  function watchScroll() {
    var due = keeping.some(function (element) { var k = element._keep; return k.clipped || k.natural < k.height - 1; });
    if (due === !!scrolling) return;
    scrolling = due;
    window[due ? 'addEventListener' : 'removeEventListener']('scroll', onScroll, { passive: true });
  }
  function onScroll() {
    if (!frame) frame = requestAnimationFrame(function () { frame = 0; keeping.slice().forEach(keep); watchScroll(); });
  }
  addEventListener('resize', onScroll);

  // `loading="lazy"`: start when the element comes within 600px of the viewport.
  // One coming alone starts at once, as the first screenful does: the slices are
  // for many starting together.
  var nearViewport = 'IntersectionObserver' in window && new IntersectionObserver(function (entries) {
    var due = entries.filter(function (entry) { return entry.isIntersecting; });
    due.forEach(function (entry) {
      nearViewport.unobserve(entry.target);
      entry.target._reserved = entry.boundingClientRect.height;
      entry.target._render(due.length === 1 || onScreen(entry.boundingClientRect));
    });
  }, { rootMargin: '600px 0px' });

  class ArticleWidget extends HTMLElement {
    static get observedAttributes() {
      // `theme` is pure CSS (:host([theme])): changing it needs no update.
      return ATTRIBUTES;
    }

    constructor() {
      super();
      try { this._internals = this.attachInternals(); } catch (e) { /* `state` alone */ }
    }

    get state() {
      return this._state || 'loading';
    }

    _emit(type, detail) {
      emit(this, type, detail);
    }

    connectedCallback() {
      var element = this;
      // Set on the element before this script defined it (a framework rendered it
      // first): the plain property gives way to ours, and takes effect as ours.
      PROPERTIES.forEach(function (name) {
        var property = camel(name);
        if (element.hasOwnProperty(property)) {
          var value = element[property];
          delete element[property];
          element[property] = value;
        }
      });
      setState(this, 'loading');
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
      if (name === 'src') setState(this, 'loading');
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
      var prefetchNow = function () {
        if (!element.isConnected || element._generation !== generation) return;
        element._dropEarly();
        element._early = prefetch(element);
      };
      if (urgent) prefetchNow();
      else schedule(prefetchNow);
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
        // Mounted in a task after the one that instantiated the module.
        (urgent ? soon : schedule)(function () {
          // Removed (which aborted the early fetch) or re-rendered while waiting.
          if (!element.isConnected || element._generation !== generation) return;
          var early = element._early;
          element._early = null;
          element._unmount();
          try {
            element._widget = glue.mount(element, early, urgent);
            track(element);
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
      importChecked(FRAME_HOST).then(function (host) {
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
      untrack(this);
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

  PROPERTIES.forEach(function (name) {
    Object.defineProperty(ArticleWidget.prototype, camel(name), {
      configurable: true,
      enumerable: true,
      get: function () { return this.getAttribute(name); },
      set: function (value) {
        if (value == null) this.removeAttribute(name);
        else this.setAttribute(name, String(value));
      },
    });
  });
  registry.define('article-widget', ArticleWidget);
})();
