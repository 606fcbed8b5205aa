// The demo page's event log (a partner's script, not the widget's): every event
// the widgets send, as an analytics call would receive it.
const log = document.getElementById('event-log');
for (const type of ['load', 'error', 'share', 'expand', 'view', 'read', 'subscribe', 'promotion', 'update', 'withdrawn']) {
  document.addEventListener(`article-widget:${type}`, (event) => {
    const widgets = [...document.querySelectorAll('article-widget')];
    const item = document.createElement('li');
    item.textContent = `widget ${widgets.indexOf(event.target) + 1} · ${type} · ${JSON.stringify(event.detail)}`;
    log.append(item);
    log.scrollTop = log.scrollHeight;
  });
}
