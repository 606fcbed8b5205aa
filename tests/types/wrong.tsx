// Wrong use of <article-widget> in React 19's JSX: each line marked is rejected.
import type {} from './article-widget';

export const misspelled = <article-widget theme="drak" />; // rejected: not one of the themes
export const unknown = <article-widget srcc="a.json" />; // rejected: no such attribute
export const level = <article-widget heading-level="7" />; // rejected: levels are 1 to 6
export const field = <article-widget onarticle-widget-load={(event) => event.detail.nope} />; // rejected: no such field
