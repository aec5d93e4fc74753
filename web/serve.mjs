// serve.mjs — a small static file server for the built site (dist/), used by `make run` and the
// end-to-end tests. Correct MIME types (application/wasm for streaming compilation), the
// precompressed .br/.gz twins in dist/ when the browser accepts them, and the security headers
// every server of the site should send (README, "Serving / Máy chủ web"). Loopback only by default.
//
//   node web/serve.mjs dist 8080            # serves http://127.0.0.1:8080
//   const { server, url } = await serve('dist', 0);   // from a test: a free port
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json; charset=utf-8', '.ttf': 'font/ttf',
  '.ntm': 'application/octet-stream', '.png': 'image/png', '.css': 'text/css; charset=utf-8', '.md': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml', '.ico': 'image/x-icon',
};

// The Content-Security-Policy: the page, its script, styles, fonts, data and WebAssembly all come
// from this site; nothing inline, no eval. 'wasm-unsafe-eval' is the one exception: without it a
// browser refuses to compile viewer.wasm (it allows WebAssembly compilation, not JavaScript
// eval). The PNG export draws to a canvas and saves a data: URL through a download link: it
// loads no image, so img-src needs no data:. index.html carries the same policy in a <meta>
// (for servers that send no header) minus frame-ancestors, which only a header can set.
export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
].join('; ');

export const SECURITY_HEADERS = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',          // a file is only ever what its Content-Type says
  'Referrer-Policy': 'no-referrer',              // the page links nowhere; leak nothing if it ever does
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin', // other sites cannot embed the data files
};

export function serve(root, port = 0, host = '127.0.0.1') {
  const base = path.resolve(root);
  const server = http.createServer((req, res) => {
    const fail = (status, text) => res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' }).end(text);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      fail(405, '405');
      return;
    }
    let rel;
    try { rel = decodeURIComponent(new URL(req.url, 'http://x').pathname); } catch { fail(400, '400'); return; }
    if (rel.includes('\0')) { fail(400, '400'); return; }
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.join(base, rel);
    if (!file.startsWith(base + path.sep)) { fail(403, '403'); return; }
    fs.stat(file, (err, st) => {
      if (err || !st.isFile()) { fail(404, '404'); return; }
      const headers = { ...SECURITY_HEADERS, 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream',
        'Cache-Control': 'no-cache' };
      // The .br/.gz twin is sent with Content-Encoding and the original's Content-Type (never
      // application/gzip), so that the browser decompresses it and still compiles a .wasm while
      // it streams in.
      const accept = String(req.headers['accept-encoding'] || '');
      let send = file, size = st.size;
      for (const [enc, ext] of [['br', '.br'], ['gzip', '.gz']]) {
        if (!accept.includes(enc)) continue;
        try { size = fs.statSync(file + ext).size; send = file + ext; headers['Content-Encoding'] = enc; break; } catch { /* none */ }
      }
      headers['Content-Length'] = size;
      headers.Vary = 'Accept-Encoding';
      res.writeHead(200, headers);
      if (req.method === 'HEAD') { res.end(); return; }
      fs.createReadStream(send).pipe(res);
    });
  });
  return new Promise((resolve) => server.listen(port, host, () => {
    resolve({ server, url: `http://${host}:${server.address().port}/` });
  }));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = process.argv[2] || 'dist';
  const port = Number(process.argv[3] || 8080);
  serve(root, port).then(({ url }) => console.log(`Bản đồ Nông thôn mới Sóc Trăng: ${url}  (Ctrl+C để dừng)`));
}
