// The demo's newsroom controls (the publisher's side, not a partner's): each
// button changes the article the demo server serves at newsroom/article.json;
// the widget below them finds the change at its next check (every 10 s).
document.addEventListener('click', (event) => {
  const button = event.target.closest('[data-newsroom]');
  if (!button) return;
  button.disabled = true;
  fetch(`newsroom/${button.dataset.newsroom}`, { method: 'POST' })
    .finally(() => { button.disabled = false; });
});
