// Writes what partners' tools read about <article-widget>, from its one
// description (src/embed/element.json): article-widget.d.ts (TypeScript: the
// DOM's maps and React 19's JSX) and custom-elements.json (a Custom Elements
// Manifest, schema 2.x). The release step calls it; `node scripts/element.mjs DIR`
// writes both into DIR.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const description = () => JSON.parse(readFileSync(new URL('../src/embed/element.json', import.meta.url), 'utf8'));

const camel = (name) => name.replace(/-(\w)/g, (_, letter) => letter.toUpperCase());
const pascal = (name) => camel(`-${name}`);
const quote = (value) => `'${value}'`;
/** The properties: every attribute but `lang` (the built-in one). */
export const properties = (element) => element.attributes.filter((a) => a.property !== false).map((a) => ({ ...a, property: camel(a.name) }));
/** Both names of each event: colon first, then dash. */
export const eventNames = (element) => element.events.flatMap((e) => [`${element.tag}:${e.name}`, `${element.tag}-${e.name}`]);

const comment = (text, indent = '') => `${indent}/** ${text.replace(/\*\//g, '*\\/')} */\n`;

export function typescript(element) {
  const detail = (event) => `ArticleWidget${pascal(event.name)}Detail`;
  const attributeType = (a) => (a.values ? a.values.map(quote).join(' | ') : a.type === 'number' ? 'string | number' : 'string');
  let out = `// Generated from src/embed/element.json by scripts/element.mjs: do not edit.\n`;
  out += `// Types for <${element.tag}>: the element, its events under both names, and React 19's JSX.\n\n`;
  out += comment(element.state.description);
  out += `export type ArticleWidgetState = ${element.state.values.map(quote).join(' | ')};\n\n`;
  for (const event of element.events) {
    out += comment(event.description);
    out += `export interface ${detail(event)} {\n${Object.entries(event.detail).map(([k, t]) => `  ${k}: ${t};\n`).join('')}}\n\n`;
  }
  out += `/** Every event of the element, under both its names. */\nexport interface ArticleWidgetEventMap {\n`;
  for (const event of element.events) {
    for (const mark of [':', '-']) out += `  '${element.tag}${mark}${event.name}': CustomEvent<${detail(event)}>;\n`;
  }
  out += `}\n\n`;
  for (const a of element.attributes.filter((a) => a.values)) {
    out += `export type ArticleWidget${pascal(a.name)} = ${a.values.map(quote).join(' | ')};\n`;
  }
  out += `\n${comment(element.description)}export interface ArticleWidgetElement extends HTMLElement {\n`;
  for (const p of properties(element)) {
    out += comment(`${p.description} Reflects the \`${p.name}\` attribute (null when absent; null or undefined removes it).`, '  ');
    out += `  get ${p.property}(): string | null;\n  set ${p.property}(value: string | null | undefined);\n`;
  }
  out += comment(element.state.description, '  ');
  out += `  readonly state: ArticleWidgetState;\n`;
  for (const method of ['addEventListener', 'removeEventListener']) {
    const options = method === 'addEventListener' ? 'AddEventListenerOptions' : 'EventListenerOptions';
    out += `  ${method}<K extends keyof ArticleWidgetEventMap>(type: K, listener: (this: ArticleWidgetElement, event: ArticleWidgetEventMap[K]) => unknown, options?: boolean | ${options}): void;\n`;
    out += `  ${method}<K extends keyof HTMLElementEventMap>(type: K, listener: (this: ArticleWidgetElement, event: HTMLElementEventMap[K]) => unknown, options?: boolean | ${options}): void;\n`;
    out += `  ${method}(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | ${options}): void;\n`;
  }
  out += `}\n\n`;
  // React 19 sets the properties and listens to `on` + the event's name.
  out += `/** The element's props in React 19's JSX: its attributes, and a listener per event (\`onarticle-widget-load\`). */\n`;
  out += `export interface ArticleWidgetJSXProps {\n`;
  for (const a of element.attributes) out += comment(a.description, '  ') + `  '${a.name}'?: ${attributeType(a)};\n`;
  for (const event of element.events) out += `  'on${element.tag}-${event.name}'?: (event: CustomEvent<${detail(event)}>) => void;\n`;
  out += `  id?: string;\n  class?: string;\n  className?: string;\n  hidden?: boolean;\n  style?: unknown;\n  slot?: string;\n  key?: string | number | bigint | null;\n  ref?: unknown;\n  children?: unknown;\n}\n\n`;
  out += `declare global {\n  interface HTMLElementTagNameMap {\n    '${element.tag}': ArticleWidgetElement;\n  }\n`;
  out += `  interface HTMLElementEventMap extends ArticleWidgetEventMap {}\n  interface GlobalEventHandlersEventMap extends ArticleWidgetEventMap {}\n}\n\n`;
  out += `declare module 'react' {\n  namespace JSX {\n    interface IntrinsicElements {\n      '${element.tag}': ArticleWidgetJSXProps;\n    }\n  }\n}\n\n`;
  out += `/** Adds embed.js from \`url\` to the page once; resolves when <${element.tag}> is defined (null on a server). */\n`;
  out += `export function loadArticleWidget(url: string): Promise<CustomElementConstructor | null>;\n`;
  return out;
}

export function manifest(element) {
  const events = element.events.flatMap((event) => [':', '-'].map((mark) => ({
    name: `${element.tag}${mark}${event.name}`,
    type: { text: `CustomEvent<{ ${Object.entries(event.detail).map(([k, t]) => `${k}: ${t}`).join('; ')} }>` },
    description: event.description,
  })));
  const declaration = {
    kind: 'class',
    name: 'ArticleWidgetElement',
    tagName: element.tag,
    customElement: true,
    description: element.description,
    superclass: { name: 'HTMLElement' },
    attributes: element.attributes.map((a) => ({
      name: a.name,
      description: a.description,
      type: { text: a.values ? a.values.map((v) => `"${v}"`).join(' | ') : 'string' },
      ...(a.default ? { default: `"${a.default}"` } : {}),
      ...(a.property !== false ? { fieldName: camel(a.name) } : {}),
    })),
    members: [
      ...properties(element).map((p) => ({
        kind: 'field',
        name: p.property,
        type: { text: 'string | null' },
        description: `${p.description} Reflects the ${p.name} attribute.`,
        attribute: p.name,
        reflects: true,
      })),
      { kind: 'field', name: 'state', type: { text: element.state.values.map((v) => `"${v}"`).join(' | ') }, readonly: true, description: element.state.description },
    ],
    events,
    cssParts: element.parts.map((p) => ({ name: p.name, description: p.description })),
    cssProperties: element.cssProperties.map((p) => ({ name: p.name, description: p.description, ...(p.default ? { default: p.default } : {}) })),
    cssStates: element.state.values.map((v) => ({ name: v, description: `state is "${v}".` })),
    slots: [{ name: '', description: 'The partner\'s fallback (a link to the article), shown until the article renders and again with the error state.' }],
  };
  return {
    schemaVersion: '2.1.0',
    readme: '',
    modules: [
      {
        kind: 'javascript-module',
        path: 'embed.js',
        declarations: [declaration],
        exports: [{ kind: 'custom-element-definition', name: element.tag, declaration: { name: 'ArticleWidgetElement', module: 'embed.js' } }],
      },
      {
        kind: 'javascript-module',
        path: 'index.js',
        declarations: [{ kind: 'function', name: 'loadArticleWidget', parameters: [{ name: 'url', type: { text: 'string' } }], return: { type: { text: 'Promise<CustomElementConstructor | null>' } } }],
        exports: [{ kind: 'js', name: 'loadArticleWidget', declaration: { name: 'loadArticleWidget', module: 'index.js' } }],
      },
    ],
  };
}

/** Writes article-widget.d.ts and custom-elements.json into `dir`. */
export function writeElementFiles(dir) {
  const element = description();
  writeFileSync(join(dir, 'article-widget.d.ts'), typescript(element));
  writeFileSync(join(dir, 'custom-elements.json'), `${JSON.stringify(manifest(element), null, 2)}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) writeElementFiles(process.argv[2] || '.');
