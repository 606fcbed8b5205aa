/*! article-widget frame-host.js: for hosts whose CSP forbids WebAssembly. */

/**
 * Renders `element`'s article in an iframe from the widget's own origin (`base`),
 * sized to its content through postMessage (origin- and source-checked), with its
 * events (load, error, share, expand, view, read, subscribe, promotion, update,
 * withdrawn) re-dispatched on `element`. The partner's children stay until the framed
 * article has rendered; if frames are forbidden too they stay, with an error event.
 * Returns the clean-up function.
 */
export function renderInFrame(element, base, attributes, emit, fail) {
  const origin = new URL(base).origin;
  const root = element.shadowRoot || element.attachShadow({ mode: 'open' });
  // Sized through a constructed stylesheet: no style attribute for a CSP to refuse.
  const sheet = new CSSStyleSheet();
  // The host a block, as the widget's own stylesheet makes it: an inline host
  // around the frame is a box of no height (Firefox scrolls nothing into view).
  const size = (height) => sheet.replaceSync(`:host { display: block !important } iframe { display: block; width: 100%; height: ${height}px; border: 0 }`);
  size(0);
  root.adoptedStyleSheets = [sheet];
  const slot = document.createElement('slot');
  root.replaceChildren(slot);

  const params = new URLSearchParams({ origin: location.origin, theme: element.getAttribute('theme') || 'auto' });
  for (const name of attributes) if (element.hasAttribute(name)) params.set(name, element.getAttribute(name));
  if (element.hasAttribute('src')) params.set('src', new URL(element.getAttribute('src'), document.baseURI).href);
  // A promotions document's URL, like src, is the host page's to resolve.
  const promotions = (element.getAttribute('promotions') || '').trim();
  if (promotions && !/^(auto|none)$/i.test(promotions)) {
    try { params.set('promotions', new URL(promotions, document.baseURI).href); } catch (e) { params.set('promotions', 'none'); }
  }
  const langHolder = element.closest('[lang]');
  if (langHolder) params.set('lang', langHolder.getAttribute('lang'));
  const inline = element.querySelector(':scope > script[type="application/json"]');

  const frame = document.createElement('iframe');
  frame.src = `${base}frame.html#${params}`;
  frame.title = 'Article';
  frame.setAttribute('part', 'frame');
  frame.setAttribute('allow', 'clipboard-write; web-share');

  let settled = false;
  const giveUp = (message) => {
    if (settled) return;
    settled = true;
    cleanUp();
    fail(element, message);
  };
  const onMessage = (event) => {
    const data = event.data;
    if (event.origin !== origin || event.source !== frame.contentWindow || !data) return;
    if (data.type === 'ready' && inline) frame.contentWindow.postMessage({ type: 'article', json: inline.textContent }, origin);
    if (data.type === 'height') size(Math.ceil(Number(data.height) || 0));
    if (data.type === 'load') frame.title = String(data.detail.headline);
    // The framed article (or its withdrawal notice) shows: the fallback goes
    // (only it: moving the iframe would reload it).
    if (data.type === 'load' || data.type === 'withdrawn') slot.remove();
    if (data.type === 'load' || data.type === 'error' || data.type === 'withdrawn') {
      settled = true;
      clearTimeout(timer);
    }
    if (/^(load|error|share|expand|view|read|subscribe|promotion|update|withdrawn)$/.test(data.type)) emit(element, data.type, data.detail);
  };
  // A CSP that forbids frames as well reports it here.
  const onViolation = (event) => {
    if (/^(frame|child)-src/.test(event.effectiveDirective) && event.blockedURI.startsWith(origin)) giveUp('frames are forbidden on this page');
  };
  const timer = setTimeout(() => giveUp('the article frame did not answer'), 15_000);
  function cleanUp() {
    clearTimeout(timer);
    window.removeEventListener('message', onMessage);
    document.removeEventListener('securitypolicyviolation', onViolation);
    root.replaceChildren(document.createElement('slot'));
  }
  window.addEventListener('message', onMessage);
  document.addEventListener('securitypolicyviolation', onViolation);
  root.append(frame);
  return cleanUp;
}
