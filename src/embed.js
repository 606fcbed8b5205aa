/*! article-widget embed.js: defines <article-widget> and loads the widget once per page. */
(function () {
  'use strict';
  var registry = window.customElements;
  // Included twice (or already defined): the first copy does the work.
  if (!registry || registry.get('article-widget')) return;

  // Everything else is found next to this script, wherever it is hosted.
  var script = document.currentScript || document.querySelector('script[src*="embed.js"]');
  var base = new URL('.', (script && script.src) || document.baseURI).href;
  var GLUE = base + 'article-widget.js';
  var WASM = base + 'article-widget_bg.wasm';

  // One module instance per page, however many widgets there are.
  var module;
  function load() {
    return module || (module = import(GLUE).then(function (glue) {
      return glue.default({ module_or_path: WASM }).then(function () { return glue; });
    }));
  }

  function fail(element, error) {
    element.dispatchEvent(new CustomEvent('article-widget:error', {
      bubbles: true,
      composed: true,
      detail: { kind: 'network', message: 'the widget could not start: ' + ((error && error.message) || error) },
    }));
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
      return ['src', 'lang', 'share', 'share-url', 'timeout', 'heading-level'];
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
      if (before !== after && this._widget) this._render();
    }

    _render() {
      var element = this;
      var generation = (element._generation || 0) + 1;
      element._generation = generation;
      load().then(function (glue) {
        // Removed or re-rendered while the module loaded: nothing to do.
        if (!element.isConnected || element._generation !== generation) return;
        element._unmount();
        element._widget = glue.mount(element);
      }).catch(function (error) { fail(element, error); });
    }

    _unmount() {
      this._generation = (this._generation || 0) + 1;
      if (this._widget) {
        this._widget.free();
        this._widget = null;
      }
    }
  }

  registry.define('article-widget', ArticleWidget);
})();
