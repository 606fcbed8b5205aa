// The widget's files in a release dist/, found by their content-hashed names.
import { readdirSync } from 'node:fs';

export function distFiles(dir = 'dist') {
  const names = readdirSync(dir);
  const find = (pattern) => {
    const found = names.filter((n) => pattern.test(n));
    if (found.length !== 1) throw new Error(`expected one ${pattern} in ${dir}, found ${found.join(', ') || 'none'}`);
    return found[0];
  };
  return {
    // The module's later pieces (src/split.rs), and the chunks they share.
    pieces: names.filter((n) => /^(split|chunk)_\w+-[0-9a-f]{16}\.wasm$/.test(n)).sort(),
    embed: 'embed.js',
    glue: find(/^article-widget-[0-9a-f]{16}\.js$/),
    wasm: find(/^article-widget-[0-9a-f]{16}_bg\.wasm$/),
    frameHost: find(/^frame-host-[0-9a-f]{16}\.js$/),
    frameHtml: find(/^frame-[0-9a-f]{16}\.html$/),
    frameJs: find(/^frame-[0-9a-f]{16}\.js$/),
    frameCss: find(/^frame-[0-9a-f]{16}\.css$/),
  };
}
