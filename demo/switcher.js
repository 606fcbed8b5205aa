// The demo page's own controls (a partner's script, not the widget's): switch the
// first widget's language and theme through its attributes, as a partner would.
document.addEventListener('change', (event) => {
  const control = event.target.closest('[data-widget-attribute]');
  const widget = document.querySelector('article-widget');
  if (control && widget) widget.setAttribute(control.dataset.widgetAttribute, control.value);
});
