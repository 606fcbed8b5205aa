// Wrong use of <article-widget> from TypeScript: each line marked is rejected.
import type {} from './article-widget';

const element = document.querySelector('article-widget')!;
element.state = 'loaded'; // rejected: state is read-only
const timeout: number = element.timeout; // rejected: a property is a string or null
element.src = 42; // rejected: a property is set to a string, null or undefined
element.addEventListener('article-widget-load', (event) => console.log(event.detail.nope)); // rejected: no such field
document.addEventListener('article-widget:share', (event) => console.log(event.detail.headline)); // rejected: share has no headline
const kind: 'http' = document.querySelector('article-widget')!.state; // rejected: a state is not an error kind
console.log(timeout, kind);
