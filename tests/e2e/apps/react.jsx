// A React 19 app that renders <article-widget> the React way: a bound src, a
// listener as an `on…` prop, a src that changes with state, and an unmount.
import { useState } from 'react';
import { createRoot } from 'react-dom/client';

function App({ first }) {
  const [src, setSrc] = useState(first);
  const [shown, setShown] = useState(true);
  window.app = { setSrc, setShown };
  if (!shown) return <p id="gone">No article.</p>;
  return (
    <article-widget src={src} loading="eager" onarticle-widget-load={(event) => window.loads.push(event.detail.headline)}>
      <a href={src}>Read the article</a>
    </article-widget>
  );
}

window.loads = [];
createRoot(document.getElementById('root')).render(<App first={window.FIRST_SRC} />);
