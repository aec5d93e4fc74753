// Security of the page (issue 6): the Content-Security-Policy (a header from web/serve.mjs and the
// same policy in index.html's <meta>), nosniff, the Referrer-Policy and MIME types; nothing inline
// in the page and no HTML built from strings in its scripts; not one request to another origin and
// not one policy violation through a whole session (map, panels, presentation mode, PNG export,
// the national map, a failed file and "Thử lại"); URL hashes of any size handled safely.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { start, stop, openPage, waitReady, DIST } from './harness.mjs';
import { CSP, SECURITY_HEADERS } from '../serve.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const WEB = path.resolve(here, '..');

let ctx;
before(async () => { ctx = await start(); });
after(async () => { await stop(ctx); });

const directives = (policy) => new Map(policy.split(';').map((d) => d.trim()).filter(Boolean)
  .map((d) => { const [name, ...v] = d.split(/\s+/); return [name, v]; }));

// A raw GET (no URL normalisation, chosen Accept-Encoding): {status, headers, bytes}.
function get(urlPath, headers = {}) {
  const u = new URL(ctx.url);
  return new Promise((resolve, reject) => {
    http.get({ host: u.hostname, port: u.port, path: urlPath, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, bytes: Buffer.concat(chunks).length }));
    }).on('error', reject);
  });
}

test('the server sends the policy, nosniff, a Referrer-Policy, application/wasm and the compressed twins', async () => {
  for (const p of ['/', '/viewer.wasm', '/js/ntm-map.js', '/data/soc-trang.ntm', '/no-such-file', '/%2e%2e/package.json']) {
    const r = await get(p, { 'Accept-Encoding': 'br, gzip' });
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) assert.equal(r.headers[k.toLowerCase()], v, `${p}: ${k}`);
    if (p.includes('no-such') || p.includes('%2e')) assert.ok(r.status === 404 || r.status === 403, `${p}: ${r.status}`);
    else assert.equal(r.status, 200, p);
  }
  const types = { '/': 'text/html; charset=utf-8', '/viewer.wasm': 'application/wasm', '/viewer.js': 'text/javascript; charset=utf-8',
    '/css/ntm-map.css': 'text/css; charset=utf-8', '/plan/soc-trang-2024.json': 'application/json; charset=utf-8',
    '/fonts/NotoSans-vi.ttf': 'font/ttf', '/favicon.svg': 'image/svg+xml' };
  const size = (f) => fs.statSync(path.join(DIST, f)).size;
  for (const [p, type] of Object.entries(types)) {
    const file = p === '/' ? 'index.html' : p.slice(1);
    // Brotli first, then gzip, then the file itself; the type is always the original's.
    for (const [accept, encoding, bytes] of [['br, gzip', 'br', size(file + '.br')], ['gzip', 'gzip', size(file + '.gz')],
      ['identity', undefined, size(file)]]) {
      const r = await get(p, { 'Accept-Encoding': accept });
      assert.equal(r.headers['content-type'], type, `${p} (${accept})`);
      assert.equal(r.headers['content-encoding'], encoding, `${p} (${accept})`);
      assert.equal(r.bytes, bytes, `${p} (${accept})`);
      assert.equal(r.headers.vary, 'Accept-Encoding');
    }
  }
  const post = await new Promise((resolve) => {
    const u = new URL(ctx.url);
    http.request({ host: u.hostname, port: u.port, path: '/', method: 'POST' }, (res) => { res.resume(); resolve(res.statusCode); }).end();
  });
  assert.equal(post, 405);
});

test('index.html: the same policy in a <meta>, only the site itself, nothing inline', () => {
  const html = fs.readFileSync(path.join(WEB, 'index.html'), 'utf8');
  // dist/ has this index.html, with the files' sizes filled in for the loading bar
  // (scripts/make-dist.sh): each the size of that file in dist/.
  const built = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const sizes = built.match(/<meta name="ntm-file-sizes" content="([^"]*)">/);
  assert.ok(sizes, 'the file sizes <meta>');
  assert.equal(built.replace(sizes[0], '<meta name="ntm-file-sizes" content="">'), html, 'dist/ has this index.html');
  const listed = sizes[1].split(' ').map((pair) => pair.split('='));
  for (const f of ['viewer.wasm', 'data/soc-trang.ntm', 'fonts/NotoSans-vi.ttf', 'plan/soc-trang-2024.json'])
    assert.ok(listed.some(([name]) => name === f), `${f} is listed`);
  for (const [name, bytes] of listed) assert.equal(Number(bytes), fs.statSync(path.join(DIST, name)).size, name);
  const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/);
  assert.ok(meta, 'a Content-Security-Policy <meta>');
  assert.ok(html.indexOf(meta[0]) < html.search(/<script|<link rel="stylesheet"/), 'the policy comes before any script or style');
  // Header and meta agree; frame-ancestors only in the header (browsers ignore it in a <meta>).
  const header = directives(CSP);
  const page = directives(meta[1]);
  assert.deepEqual([...page.keys()].sort(), [...header.keys()].filter((k) => k !== 'frame-ancestors').sort());
  for (const [k, v] of page) assert.deepEqual(v, header.get(k), k);
  // Nothing broader than the site: no wildcard, scheme, host, inline or eval source.
  for (const [k, v] of header) {
    for (const source of v) {
      assert.ok(["'self'", "'none'", "'wasm-unsafe-eval'"].includes(source), `${k} allows ${source}`);
      if (source === "'wasm-unsafe-eval'") assert.equal(k, 'script-src');
    }
  }
  assert.equal(header.get('default-src')[0], "'self'");
  assert.deepEqual(header.get('object-src'), ["'none'"]);
  // No inline script, style, style attribute, event handler or javascript: URL.
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    assert.match(m[1], /\bsrc="[^"]+"/, 'every script is a file');
    assert.equal(m[2].trim(), '', 'no inline script');
  }
  assert.doesNotMatch(html, /<style\b/i, 'no <style> block');
  assert.doesNotMatch(html, /\sstyle\s*=/i, 'no style attribute');
  assert.doesNotMatch(html, /\son[a-z]+\s*=/i, 'no inline event handler');
  assert.doesNotMatch(html, /javascript:/i);
  assert.doesNotMatch(html, /(src|href)="(https?:)?\/\//i, 'no address on another site');
});

test('the page\'s scripts build no HTML from strings and evaluate no code', () => {
  const files = fs.readdirSync(path.join(WEB, 'js')).filter((f) => f.endsWith('.js')).map((f) => path.join(WEB, 'js', f));
  assert.ok(files.length > 0);
  for (const f of files) {
    const src = fs.readFileSync(f, 'utf8').replace(/^\s*\/\/.*$/gm, '');
    for (const bad of [/\.innerHTML\b/, /\.outerHTML\b/, /insertAdjacentHTML/, /document\.write/, /\beval\s*\(/,
      /new\s+Function\b/, /setAttribute\(\s*['"](on|style)/, /setTimeout\(\s*['"`]/, /https?:\/\//]) {
      assert.doesNotMatch(src, bad, `${path.basename(f)}: ${bad}`);
    }
  }
  // Emscripten's generated glue, built with -sDYNAMIC_EXECUTION=0, evaluates no code either.
  const viewer = fs.readFileSync(path.join(DIST, 'viewer.js'), 'utf8');
  assert.doesNotMatch(viewer, /\beval\s*\(|new Function\b/);
});

// A page that records every request it makes, every policy violation (the event and the
// console's report of it) and every page error.
async function recordedPage(query = '', options = {}) {
  return openPage(ctx, {
    query,
    ...options,
    init: () => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        window.__violations.push(`${e.violatedDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`);
      });
    },
    setup: (page) => {
      page.requested = [];
      page.on('request', (r) => page.requested.push(r.url()));
      page.cspConsole = [];
      page.on('console', (m) => { if (/Content.Security.Policy|Refused to/i.test(m.text())) page.cspConsole.push(m.text()); });
    },
  });
}
async function checkClean(page, what) {
  const origin = new URL(ctx.url).origin;
  const foreign = page.requested.filter((u) => !u.startsWith(origin + '/') && !u.startsWith('data:') && !u.startsWith('blob:'));
  assert.deepEqual(foreign, [], `${what}: requests outside the site`);
  assert.deepEqual(await page.evaluate(() => window.__violations), [], `${what}: policy violations`);
  assert.deepEqual(page.cspConsole, [], `${what}: policy messages in the console`);
  assert.deepEqual(page.consoleErrors, [], `${what}: page errors`);
  console.log(`${what}: ${page.requested.length} requests, all to ${origin}; no policy violation`);
}

test('a whole session stays on the site with no policy violation: map, panels, tour, export, language', async () => {
  const page = await recordedPage('', { width: 1366, height: 768 });
  await waitReady(page);
  const box = await page.locator('#canvas').boundingBox();
  const idle = () => page.evaluate(() => window.ntmMap.whenIdle());
  // Map: hover, click, wheel, drag, layers, search, help, language.
  const u = (await page.evaluate(() => window.ntmMap.units())).find((x) => x.commune === 'Xã Hòa Tú 1');
  const p = await page.evaluate(([lon, lat]) => window.ntmMap.project(lon, lat), [u.lon, u.lat]);
  await page.mouse.move(box.x + p.x, box.y + p.y);
  await page.mouse.click(box.x + p.x, box.y + p.y);
  await page.mouse.wheel(0, -300);
  await idle();
  for (const key of ['2', '3', '1', '?', 'Escape', 'l', 'l']) { await page.keyboard.press(key); await idle(); }
  await page.keyboard.press('/');
  await page.keyboard.type('hoa tu');
  await page.keyboard.press('Enter');
  await idle();
  // Presentation mode through every step of the tour.
  await page.keyboard.press('p');
  await idle();
  const steps = (await page.evaluate(() => window.ntmMap.state())).tourSteps;
  for (let i = 1; i < steps; ++i) { await page.keyboard.press('PageDown'); await idle(); }
  assert.equal((await page.evaluate(() => window.ntmMap.state())).tourStep, steps - 1);
  await page.keyboard.press('Escape');
  await idle();
  // PNG export: the API and the panel's save path (a download of a data: URL).
  const png = await page.evaluate(() => window.ntmMap.exportPng({ scale: 2 }));
  assert.match(png, /^data:image\/png;base64,/);
  const download = page.waitForEvent('download');
  await page.evaluate(() => window.Module.onNtmExport(1));
  assert.match((await download).suggestedFilename(), /^ban-do-ntm-soc-trang-.*@1x\.png$/);
  await idle();
  await checkClean(page, 'Sóc Trăng session');
  await page.close();
});

test('the national map and a failed file with "Thử lại" stay on the site with no policy violation', async () => {
  const national = await recordedPage('data=vietnam');
  await national.waitForFunction(() => window.ntmMap && window.ntmMap.ready, null, { timeout: 120000, polling: 250 });
  await national.evaluate(() => window.ntmMap.ready);
  assert.ok((await national.evaluate(() => window.ntmMap.state())).communeCount > 10000);
  await checkClean(national, 'national map');
  await national.close();

  let fixed = false;
  const page = await recordedPage('', {
    route: { pattern: '**/data/soc-trang.ntm', handler: (r) => (fixed ? r.continue() : r.fulfill({ status: 404, body: '' })) },
  });
  await page.locator('#retry').waitFor({ state: 'visible', timeout: 30000 });
  fixed = true;
  await page.locator('#retry').click();
  await page.waitForFunction(() => window.ntmMap.state().communeCount === 109, null, { timeout: 30000 });
  page.consoleErrors = page.consoleErrors.filter((e) => !/404/.test(e));
  await checkClean(page, 'missing map and retry');
  await page.close();
});

test('the policy is no wider than needed: without \'wasm-unsafe-eval\' the viewer is refused', async () => {
  // The same page with the <meta> policy lacking 'wasm-unsafe-eval' (both the header's and the
  // meta's policies apply, so the narrower one decides).
  const page = await recordedPage('', {
    route: {
      pattern: (u) => u.pathname === '/' || u.pathname === '/index.html',
      handler: async (route) => {
        const res = await route.fetch();
        const body = (await res.text()).replaceAll(" 'wasm-unsafe-eval'", '');
        assert.doesNotMatch(body, /wasm-unsafe-eval/);
        await route.fulfill({ status: 200, body, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/html; charset=utf-8' } });
      },
    },
  });
  await page.locator('#error').waitFor({ state: 'visible', timeout: 30000 });
  assert.match(await page.locator('#error').innerText(), /Không khởi động được chương trình vẽ bản đồ \(viewer\.wasm\)/);
  const violations = await page.evaluate(() => window.__violations);
  assert.ok(violations.some((v) => /script-src.*wasm-eval/.test(v)), JSON.stringify(violations));
  assert.equal(await page.evaluate(() => window.ntmMap.state().communeCount), 0);
  await page.close();
});

test('URL hashes of any size are handed to the viewer\'s parser safely, never used raw', async () => {
  // 200 KB at load, 2 MB later: no crash (strings go to the viewer on the heap, not the stack).
  const big = '#d=' + 'Huyện%20'.repeat(25000) + '&l=hien-trang';
  const page = await openPage(ctx);
  await page.goto(ctx.url + big);
  await waitReady(page);
  let s = await page.evaluate(() => window.ntmMap.state());
  assert.equal(s.communeCount, 109);
  assert.equal(s.layer, 'muc-tieu-2024', 'an over-long hash is ignored whole');
  await page.evaluate(() => { location.hash = '#c=' + 'x'.repeat(2_000_000); });
  await page.waitForTimeout(500);
  await page.evaluate(() => { location.hash = '#d=Huyện%20Mỹ%20Xuyên&c=Xã%20Hòa%20Tú%201&l=hien-trang'; });
  await page.waitForFunction(() => window.ntmMap.state().selected?.commune === 'Xã Hòa Tú 1', null, { timeout: 15000 });
  s = await page.evaluate(() => window.ntmMap.state());
  assert.equal(s.layer, 'hien-trang');
  // Nothing of a hash reaches the document as markup.
  await page.evaluate(() => { location.hash = '#d=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E'; });
  await page.waitForTimeout(500);
  assert.equal(await page.evaluate(() => document.querySelectorAll('img').length), 0);
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});
