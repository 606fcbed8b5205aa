// Correct use of <article-widget> from TypeScript (tests/element.test.mjs: accepted).
import type { ArticleWidgetElement, ArticleWidgetLoadDetail, ArticleWidgetState } from './article-widget';
import { loadArticleWidget } from './article-widget';

const element = document.querySelector('article-widget');
if (element) {
  element.src = 'https://news.example.com/article.json';
  element.theme = 'dark';
  element.headingLevel = '3';
  element.live = null;
  element.preview = undefined;
  const src: string | null = element.src;
  const state: ArticleWidgetState = element.state;
  element.addEventListener('article-widget-load', (event) => {
    const detail: ArticleWidgetLoadDetail = event.detail;
    console.log(detail.headline.toUpperCase(), detail.id ?? 'no id');
  });
  element.addEventListener('article-widget:error', (event) => console.log(event.detail.kind === 'timeout', event.detail.message));
  element.addEventListener('click', (event) => console.log(event.clientX));
  console.log(src, state);
}
document.addEventListener('article-widget-read', (event) => console.log(event.detail.seconds + 1));
document.addEventListener('article-widget:withdrawn', (event) => console.log(event.detail.url));
const made: ArticleWidgetElement = document.createElement('article-widget');
made.loading = 'eager';
loadArticleWidget('https://cdn.example.com/article-widget/1.4.0/embed.js').then((defined) => console.log(defined !== null));
