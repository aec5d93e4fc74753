// serve.mjs — a small static file server for the built site (dist/), used by `make run` and the
// end-to-end tests. Correct MIME types (application/wasm for streaming compilation), and the
// precompressed .br/.gz twins in dist/ when the browser accepts them. Loopback only by default.
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
};

export function serve(root, port = 0, host = '127.0.0.1') {
  const base = path.resolve(root);
  const server = http.createServer((req, res) => {
    let rel;
    try { rel = decodeURIComponent(new URL(req.url, 'http://x').pathname); } catch { res.writeHead(400).end(); return; }
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.join(base, rel);
    if (!file.startsWith(base + path.sep)) { res.writeHead(403).end(); return; }
    fs.stat(file, (err, st) => {
      if (err || !st.isFile()) { res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('404'); return; }
      const headers = { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-cache' };
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
