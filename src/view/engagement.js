/*! article-widget engagement.js: the page's side of the view and read events. */
// The widget counts (src/article/engagement.rs); this only observes and reports:
// the article's visibility and the end of its body (`IntersectionObserver`), the
// page's (`visibilitychange`), and the one-second timer. Written in JavaScript
// rather than through web-sys bindings: the same in a quarter of the bytes.
//
// report(what, a, b): 0 the article (visible share of its area, visible height in
// px, viewport height in px), 1 the end of the body (1 on screen, 0 not),
// 2 the page (1 visible, 0 hidden), 3 the timer fired.
export function observe(report) {
  var observer, timer, article, end;
  // Fine steps: half the viewport covered by a tall article is a small share of
  // its area, and the observer reports only at thresholds.
  var steps = Array.from({ length: 101 }, function (_, i) { return i / 100; });
  function visibility() { report(2, document.hidden ? 0 : 1, 0, 0); }
  document.addEventListener('visibilitychange', visibility);
  return {
    watch: function (a, e) {
      visibility();
      if (observer) observer.disconnect();
      article = a;
      end = e;
      observer = new IntersectionObserver(function (entries) {
        entries.forEach(function (entry) {
          // The viewport's height: in a frame sized to the article, the article's,
          // which leaves the rule of half its area.
          if (entry.target === article) report(0, entry.intersectionRatio, entry.intersectionRect.height, innerHeight);
          if (entry.target === end) report(1, entry.isIntersecting ? 1 : 0, 0, 0);
        });
      }, { threshold: steps });
      if (a) observer.observe(a);
      if (e) observer.observe(e);
    },
    timer: function (on, ms) {
      clearTimeout(timer);
      if (on) timer = setTimeout(function () { report(3, 0, 0, 0); }, ms);
    },
    stop: function () {
      if (observer) observer.disconnect();
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', visibility);
    },
  };
}
