// A small static server for the demo and the end-to-end tests: serves a folder
// with CORS (so dist/ can be used from another origin) and, for the tests,
// routes that fail the way real servers fail.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** Fault routes under /fault/: each fails one way. */
const FAULTS = {
  '/fault/404': (req, res) => { res.writeHead(404, { 'content-type': 'text/plain' }); res.end('not found'); },
  '/fault/500': (req, res) => { res.writeHead(500, { 'content-type': 'text/plain' }); res.end('oops'); },
  '/fault/410': (req, res) => { res.writeHead(410, { 'content-type': 'text/plain' }); res.end('gone'); },
  '/fault/hang': () => { /* never answers */ },
  '/fault/hang-2': () => { /* never answers either: a second path to count aborts on */ },
  '/fault/not-json': (req, res) => { res.writeHead(200, { 'content-type': 'text/html' }); res.end('<html>nope</html>'); },
  '/fault/reset': (req) => { req.socket.destroy(); },
  '/fault/loop': (req, res) => { res.writeHead(302, { location: '/fault/loop' }); res.end(); },
  '/fault/no-cors': (req, res) => {
    res.removeHeader('access-control-allow-origin');
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"headline":"H","body":[{"type":"paragraph","text":"P"}]}');
  },
  '/fault/text-plain-json': (req, res) => {
    // Valid JSON under the wrong Content-Type: the body decides, not the header.
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('{"headline":"Served as text/plain","body":[{"type":"paragraph","text":"P"}]}');
  },
  '/fault/trickle': (req, res) => {
    // A byte a second, for a minute: never a whole document in time.
    res.writeHead(200, { 'content-type': 'application/json' });
    let sent = 0;
    const timer = setInterval(() => (++sent > 60 ? (clearInterval(timer), res.end()) : res.write(' ')), 1000);
    res.write('{');
    req.on('close', () => clearInterval(timer));
  },
  '/fault/too-large': (req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(3 * 1024 * 1024) });
    res.end(Buffer.alloc(3 * 1024 * 1024, 0x20));
  },
  '/fault/too-large-chunked': (req, res) => {
    // No Content-Length: the widget must count what arrives.
    res.writeHead(200, { 'content-type': 'application/json' });
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let sent = 0;
    const pump = () => {
      while (sent < 3 * 1024 * 1024) {
        sent += chunk.length;
        if (!res.write(chunk)) return res.once('drain', pump);
      }
      res.end();
    };
    pump();
  },
};

/**
 * The demo's newsroom: the sample article as its publisher keeps it current
 * (contract §8). `GET /newsroom/article.json` is the article, with an ETag (a
 * check of an unchanged article is a `304`); `POST /newsroom/update`, `correct`,
 * `withdraw` and `restore` change it, as a publisher's CMS would.
 */
function newsroom(req, res, url, state, base) {
  const action = url.pathname.slice('/newsroom/'.length);
  if (req.method === 'POST') {
    const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    const article = state.article;
    if (action === 'update') {
      state.updates += 1;
      article.updated = now;
      article.body = [{ type: 'paragraph', text: `Update ${state.updates} (${now}): the publisher added this paragraph after the article was embedded.` }, ...article.body];
    } else if (action === 'correct') {
      article.corrections = [...(article.corrections || []), { date: now, text: 'An earlier version of this article misstated the length of the meeting in Paris.' }];
    } else if (action === 'withdraw') {
      article.status = 'withdrawn';
      article.notice = 'This article has been withdrawn at the request of the publisher.';
    } else if (action === 'restore') {
      state.article = JSON.parse(state.original);
      state.updates = 0;
    } else {
      res.writeHead(404);
      return res.end();
    }
    res.writeHead(204);
    return res.end();
  }
  if (action !== 'article.json') {
    res.writeHead(404);
    return res.end();
  }
  const body = JSON.stringify(state.article);
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 16)}"`;
  const headers = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-cache', etag };
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers);
    return res.end();
  }
  res.writeHead(200, headers);
  res.end(body);
}

/**
 * A publisher's newsletter sign-up endpoint (contract §7): answers the CORS
 * preflight a JSON POST needs, and the POST with 200 `{"ok":true}`. Each request
 * is kept in `signups` (method, path, the headers that matter, the body) for
 * the tests, and nothing is printed: the demo logs no address. `/api/newsletter/500`
 * answers 500, `/api/newsletter/slow` never answers, `/api/newsletter/no-cors`
 * sends no CORS headers (the browser refuses the answer).
 */
function newsletter(req, res, url, signups) {
  const refusing = url.pathname.endsWith('/no-cors');
  if (refusing) res.removeHeader('access-control-allow-origin');
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    signups.push({
      method: req.method,
      path: url.pathname + url.search,
      contentType: req.headers['content-type'] ?? null,
      cookie: req.headers.cookie ?? null,
      origin: req.headers.origin ?? null,
      body: Buffer.concat(chunks).toString('utf8'),
    });
    if (req.method === 'OPTIONS') {
      if (!refusing) {
        res.setHeader('access-control-allow-methods', 'POST');
        res.setHeader('access-control-allow-headers', 'content-type');
      }
      res.writeHead(204);
      return res.end();
    }
    if (url.pathname.endsWith('/slow')) return;
    const status = url.pathname.endsWith('/500') ? 500 : 200;
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ok: status === 200 }));
  });
}

/**
 * The README's caching recipe: content-hashed files are immutable, `embed.js` is
 * cached for five minutes, everything else (pages, article JSON) is revalidated
 * with its ETag every time.
 */
export function cacheControl(path) {
  if (/-[0-9a-f]{16}(_bg)?\.[a-z]+$/.test(path)) return 'public, max-age=31536000, immutable';
  if (path.endsWith('/embed.js')) return 'public, max-age=300';
  return 'no-cache';
}

/**
 * Serves `root`. `pages` maps extra paths to HTML (pages the tests write);
 * `log` collects every path requested, in order (and `304 PATH` when answered
 * from the client's cache); `delays` maps paths to the milliseconds they take to
 * answer (a slow CDN). Without `cache`, nothing is cached (tests count requests);
 * with it, files get the caching recipe and ETags. With `compress`, files are
 * served compressed to clients that accept it, as a CDN serves them (what the
 * benchmark's slow network carries): the build's precompressed `.br` or `.gz`
 * next to the file when there is one, else gzipped here (level 9).
 */
export function start({ root, port = 0, host = '127.0.0.1', log = [], pages = new Map(), delays = new Map(), cache = false, compress = false, signups = [] }) {
  const base = resolve(root);
  const gzipped = new Map();
  const failedOnce = new Set();
  let newsroomState;
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    log.push(url.pathname);
    // A request the client gave up on (aborted fetch, closed page) is logged too.
    res.on('close', () => { if (!res.writableEnded) log.push(`aborted ${url.pathname}`); });
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('cache-control', 'no-store');
    if (FAULTS[url.pathname]) return FAULTS[url.pathname](req, res);
    if (url.pathname.startsWith('/api/newsletter')) return newsletter(req, res, url, signups);
    if (url.pathname.startsWith('/newsroom/')) {
      if (!newsroomState) {
        const original = await readFile(join(base, 'articles/us-russia-intel.json'), 'utf8').catch(() => '{}');
        newsroomState = { original, article: JSON.parse(original), updates: 0 };
      }
      return newsroom(req, res, url, newsroomState, base);
    }
    if (pages.has(url.pathname)) {
      // A page is its HTML, or `{ html | body, headers, status, validators }` (a CSP,
      // a JSON fixture, raw bytes; with `validators`, an ETag and `304` to a
      // request that has it, as a publisher's server answers a check).
      const page = pages.get(url.pathname);
      const body = page.body ?? page.html ?? page;
      const headers = { 'content-type': 'text/html; charset=utf-8', ...(page.headers || {}) };
      if (page.validators) {
        headers.etag = `"${createHash('sha256').update(String(body)).digest('base64url').slice(0, 16)}"`;
        if (req.headers['if-none-match'] === headers.etag) {
          log.push(`304 ${url.pathname}`);
          res.writeHead(304, headers);
          return res.end();
        }
      }
      if (req.method !== 'GET') log.push(`${req.method} ${url.pathname}`);
      res.writeHead(page.status || 200, headers);
      return res.end(body);
    }
    // `?fail-once=KEY`: the first request for KEY answers 503, later ones succeed.
    const key = url.searchParams.get('fail-once');
    if (key && !failedOnce.has(key)) {
      failedOnce.add(key);
      res.writeHead(503, { 'content-type': 'text/plain' });
      return res.end('try again');
    }
    const delay = Number(url.searchParams.get('delay') || delays.get(url.pathname) || 0);
    if (delay) await new Promise((r) => setTimeout(r, Math.min(delay, 30_000)));
    let path = normalize(join(base, decodeURIComponent(url.pathname)));
    if (!path.startsWith(base)) { res.writeHead(403); return res.end(); }
    try {
      if ((await stat(path)).isDirectory()) path = join(path, 'index.html');
      const body = await readFile(path);
      const headers = { 'content-type': TYPES[extname(path)] || 'application/octet-stream' };
      if (cache) {
        const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
        Object.assign(headers, { 'cache-control': cacheControl(url.pathname), etag });
        if (req.headers['if-none-match'] === etag) {
          log.push(`304 ${url.pathname}`);
          res.writeHead(304, headers);
          return res.end();
        }
      }
      const accepted = compress ? req.headers['accept-encoding'] || '' : '';
      for (const [encoding, suffix] of [['br', '.br'], ['gzip', '.gz']]) {
        if (!new RegExp(`\\b${encoding}\\b`).test(accepted)) continue;
        const precompressed = await readFile(path + suffix).catch(() => null);
        if (!precompressed) continue;
        Object.assign(headers, { 'content-encoding': encoding, vary: 'accept-encoding' });
        res.writeHead(200, headers);
        return res.end(precompressed);
      }
      if (/\bgzip\b/.test(accepted) && /\.(js|wasm|json|html|css|svg)$/.test(path)) {
        if (!gzipped.has(path)) gzipped.set(path, gzipSync(body, { level: 9 }));
        Object.assign(headers, { 'content-encoding': 'gzip', vary: 'accept-encoding' });
        res.writeHead(200, headers);
        return res.end(gzipped.get(path));
      }
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  return new Promise((ok) => server.listen(port, host, () => ok({ server, port: server.address().port, log, pages, delays, signups })));
}

// `node tests/e2e/server.mjs --root dist --port 8080 [--cache] [--gzip]`
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const cache = process.argv.includes('--cache');
  const { port } = await start({ root: arg('root', 'dist'), port: Number(arg('port', 8080)), cache, compress: process.argv.includes('--gzip') });
  console.log(`serving ${arg('root', 'dist')} on http://127.0.0.1:${port}/${cache ? ' with the caching recipe' : ''}`);
}
