/*! article-widget: the package's entry */
// `loadArticleWidget(url)` adds the embed.js at `url` to the page once, however
// often it is called, and resolves when <article-widget> is defined. Imported on
// a server (server-side rendering) it touches no browser global and resolves to
// null: the element renders there as plain HTML, the partner's fallback inside.
let loading = null;

export function loadArticleWidget(url) {
  // (Node 21+ has a global `navigator`: a window and a document say "browser".)
  if (typeof window === 'undefined' || typeof document === 'undefined' || !window.customElements) {
    return Promise.resolve(null);
  }
  if (!loading) {
    loading = new Promise((resolve, reject) => {
      if (!customElements.get('article-widget')) {
        const script = document.createElement('script');
        script.src = url;
        script.async = true;
        script.onerror = () => {
          loading = null;
          script.remove();
          reject(new Error(`article-widget: ${url} could not be loaded`));
        };
        document.head.appendChild(script);
      }
      customElements.whenDefined('article-widget').then(() => resolve(customElements.get('article-widget')));
    });
  }
  return loading;
}
