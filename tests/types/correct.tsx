// Correct use of <article-widget> in React 19's JSX (tests/element.test.mjs: accepted).
import type { ArticleWidgetLoadDetail } from './article-widget';
import { useState } from 'react';

export function Article({ url }: { url: string }) {
  const [headline, setHeadline] = useState('');
  const onLoad = (event: CustomEvent<ArticleWidgetLoadDetail>) => setHeadline(event.detail.headline);
  return (
    <section title={headline}>
      <article-widget src={url} theme="dark" loading="eager" heading-level="3" share="x,email" live="60"
        onarticle-widget-load={onLoad}
        onarticle-widget-error={(event) => console.log(event.detail.kind)}>
        <a href={url}>Read the article</a>
      </article-widget>
    </section>
  );
}
