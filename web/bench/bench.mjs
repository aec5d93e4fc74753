// bench.mjs — `make bench` (issue 5): the viewer beside MapLibre GL JS, Leaflet (canvas
// renderer) and an empty WebGL2 page (the floor of this browser), on the Sóc Trăng communes and on all 11,163 communes of Vietnam,
// in Debian's headless Chromium with the end-to-end tests' flags (web/e2e/harness.mjs).
//
// Every measurement is a cold run: a fresh browser (hence a fresh context, empty HTTP and code
// caches, a new renderer and GPU process whose peak memory belongs to this page alone), warmed
// only by one throw-away WebGL2 context so that the GPU process start-up is not charged to the
// page. Per run and page it records
//   - first complete frame: navigation start → ntmMap.ready (viewer), the first `idle` after
//     `load` with labels placed (MapLibre), the second animation frame after the layer and its
//     labels were added (Leaflet), the animation frame after the first clear (floor);
//   - bytes shipped: every response the page's origin served (worker scripts included), raw and
//     gzip as served (the site's .gz twins; gzip -9 where there is none), by kind (wasm, js,
//     data, font, page);
//   - the flight: 3 s of per-animation-frame setView/jumpTo along one path, rAF intervals;
//   - pick: ntmMap.pick vs queryRenderedFeatures at the projected points, ms per call (Leaflet
//     has no hit-test API: its canvas renderer tests paths privately, on mouse events);
//   - memory: JS heap (CDP Performance.getMetrics, main thread), WebAssembly heap, peak resident
//     memory (VmHWM) of the page's renderer process and of the GPU process (SwiftShader).
// and writes results.json (every run) and results.md (medians with min–max, ratios, targets).
//
//   node web/bench/bench.mjs [--runs 7] [--datasets soc-trang,vietnam] [--pages viewer,maplibre,leaflet,floor]
//                            [--flight-ms 3000] [--profile] [--shots] [--out DIR]
//   --profile: CPU profile of the viewer's flight; --shots: a screenshot of each page at the start
//   view in its first run (DIR/<dataset>-<page>.png), to see that every page drew the same map.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import os from 'node:os';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../serve.mjs';
import { CHROMIUM_ARGS } from '../e2e/harness.mjs';
import { chromiumProcesses, memoryOf } from './processes.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(here, '../..');
const DIST_SRC = process.env.DIST_DIR || path.join(ROOT, 'dist');
const WORK_SITE = path.join(ROOT, 'build/bench/site');
let DIST = DIST_SRC;  // becomes the snapshot (see snapshotSite)
const GEODATA = process.env.GEODATA || path.resolve(ROOT, '../shared/geodata');
const WORK = path.join(ROOT, 'build/bench');
const MAPLIBRE_DIST = path.join(here, 'node_modules/maplibre-gl/dist');
const LEAFLET_DIST = path.join(here, 'node_modules/leaflet/dist');
const WIDTH = 1280, HEIGHT = 800;

// [SECTION] Options
function parseArgs(argv) {
  const o = { runs: 7, datasets: ['soc-trang', 'vietnam'], pages: ['viewer', 'maplibre', 'leaflet', 'floor'], flightMs: 3000,
    profile: false, shots: false, out: here };
  for (let i = 0; i < argv.length; ++i) {
    const a = argv[i], next = () => argv[++i];
    if (a === '--runs') o.runs = Math.max(1, Number(next()));
    else if (a === '--datasets') o.datasets = next().split(',');
    else if (a === '--pages') o.pages = next().split(',');
    else if (a === '--flight-ms') o.flightMs = Number(next());
    else if (a === '--profile') o.profile = true;
    else if (a === '--shots') o.shots = true;
    else if (a === '--out') o.out = path.resolve(next());
    else if (a === '--help' || a === '-h') {
      console.log(fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(0, 23).join('\n'));
      process.exit(0);
    } else throw new Error(`unknown option ${a}`);
  }
  return o;
}

// [SECTION] Datasets and the flight path
// The flight starts and ends at the view the viewer opens with (read from it in the first run),
// and visits a few places in between; the same keyframes drive every page.
const DATASETS = {
  'soc-trang': {
    title: 'Sóc Trăng, 109 communes', communes: 109, query: '',
    geojson: () => path.join(GEODATA, 'soc_trang_communes.geojson'),
    fallbackView: { lon: 105.94, lat: 9.59, zoom: 10.5 },
    stops: [[0.30, 105.972, 9.603, 2.2], [0.60, 105.98, 9.33, 1.8], [0.85, 106.18, 9.62, 1.2]],
  },
  vietnam: {
    title: 'Vietnam, 11,163 communes', communes: 11163, query: 'data=vietnam',
    geojson: () => path.join(WORK, 'vietnam_communes.geojson'),
    fallbackView: { lon: 105.81, lat: 16.04, zoom: 6.1 },
    stops: [[0.25, 105.85, 21.03, 2.5], [0.50, 108.2, 16.05, 1.5], [0.75, 106.7, 10.78, 2.5]],
  },
};
function flightKeys(ds, start) {
  return [{ u: 0, ...start }, ...ds.stops.map(([u, lon, lat, dz]) => ({ u, lon, lat, zoom: start.zoom + dz })),
    { u: 1, ...start }];
}

// The national GeoJSON for MapLibre, converted from the GeoPackage at bench time (never committed).
function ensureVietnamGeoJSON() {
  const out = DATASETS.vietnam.geojson();
  const src = path.join(GEODATA, 'vietnam_communes.gpkg');
  if (fs.existsSync(out) && fs.statSync(out).mtimeMs >= fs.statSync(src).mtimeMs) return;
  fs.mkdirSync(WORK, { recursive: true });
  console.log(`bench: converting ${src} → ${out} (ogr2ogr)`);
  execFileSync('ogr2ogr', ['-f', 'GeoJSON', '-lco', 'COORDINATE_PRECISION=6', '-lco', 'RFC7946=YES',
    '-select', 'commune_vn,district_vn', out + '.tmp', src, 'vietnam_communes'], { stdio: 'inherit' });
  fs.renameSync(out + '.tmp', out);
}

// The bench serves a copy of dist/ taken when it starts, so that a `make dist` run by someone
// else meanwhile (it deletes and refills dist/) cannot break runs halfway. A copy is taken only
// of a complete site: every file with its .gz and .br twins.
function siteComplete(dir) {
  const files = [];
  const walk = (d) => { for (const e of fs.readdirSync(d, { withFileTypes: true })) { const f = path.join(d, e.name); if (e.isDirectory()) walk(f); else files.push(f); } };
  try { walk(dir); } catch { return false; }
  const plain = files.filter((f) => !/\.(gz|br)$/.test(f));
  return plain.some((f) => f.endsWith('index.html')) && plain.every((f) =>
    ['.gz', '.br'].every((z) => fs.existsSync(f + z) && fs.statSync(f + z).size > 0));
}
async function snapshotSite(needVietnam) {
  for (let attempt = 0; attempt < 12; ++attempt) {
    if (siteComplete(DIST_SRC) && (!needVietnam || fs.existsSync(path.join(DIST_SRC, 'data/vietnam.ntm')))) {
      fs.rmSync(WORK_SITE, { recursive: true, force: true });
      fs.mkdirSync(path.dirname(WORK_SITE), { recursive: true });
      fs.cpSync(DIST_SRC, WORK_SITE, { recursive: true });
      if (siteComplete(WORK_SITE)) return WORK_SITE;
    }
    console.log(`bench: ${DIST_SRC} is incomplete (being rebuilt?); waiting 10 s`);
    await new Promise((r) => setTimeout(r, 10000));
  }
  throw new Error(`no complete site in ${DIST_SRC}: run make dist`);
}

// [SECTION] Servers: the built site (web/serve.mjs, as in production) and the bench pages
// Every response is logged so that a run knows what its page downloaded.
let requestLog = [];
const gzipCache = new Map();
// Compressed sizes of a file: gzip as served (issue 5's measure: dist/'s .gz twin, made with
// zopfli, which web/serve.mjs sends to a browser that accepts gzip; gzip -9 for a file without
// one, as the bench server sends MapLibre's and Leaflet's) and brotli at its maximum quality
// (what web/serve.mjs sends to a browser that accepts it, from dist/'s .br twins).
function compressedSizes(file) {
  const st = fs.statSync(file);
  const key = `${file}:${st.mtimeMs}:${st.size}`;
  if (!gzipCache.has(key)) {
    const body = fs.readFileSync(file);
    const twin = file + '.gz';
    gzipCache.set(key, { gzip: fs.existsSync(twin) ? fs.statSync(twin).size : zlib.gzipSync(body, { level: 9 }).length,
      br: zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length });
  }
  return gzipCache.get(key);
}
function logResponses(server, resolveFile) {
  server.on('request', (req, res) => {
    res.on('finish', () => {
      let rel;
      try { rel = decodeURIComponent(new URL(req.url, 'http://x').pathname); } catch { return; }
      // Sizes are read once the run is over (sizeRequests): compressing a file the first time
      // (brotli at quality 11, ~1 s for viewer.wasm) blocked this process, which also serves the
      // page, and held back the first run's remaining responses by as much.
      requestLog.push({ path: rel, status: res.statusCode, encoding: res.getHeader('content-encoding') || 'identity',
        file: resolveFile(rel), raw: 0, gzip: 0, br: 0 });
    });
  });
}
function sizeRequests(log) {
  for (const e of log) {
    if (e.status === 200 && e.file && fs.existsSync(e.file)) { e.raw = fs.statSync(e.file).size; Object.assign(e, compressedSizes(e.file)); }
  }
  return log;
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.geojson': 'application/geo+json', '.ttf': 'font/ttf' };
// Bench pages, MapLibre's and Leaflet's files, the GeoJSON and the viewer's font, gzip-encoded
// (level 9, made once).
function benchFile(rel) {
  const m = rel.match(/^\/(pages|maplibre|leaflet|fonts|geo)\/([\w.-]+)$/);
  if (!m) return null;
  const [, dir, name] = m;
  if (dir === 'pages') return path.join(here, 'pages', name);
  if (dir === 'maplibre') return path.join(MAPLIBRE_DIST, name);
  if (dir === 'leaflet') return path.join(LEAFLET_DIST, name);
  if (dir === 'fonts') return path.join(DIST, 'fonts', name);
  if (name === 'soc-trang.geojson') return DATASETS['soc-trang'].geojson();
  if (name === 'vietnam.geojson') return DATASETS.vietnam.geojson();
  return null;
}
const encoded = new Map();
function startBenchServer() {
  const server = http.createServer((req, res) => {
    let rel;
    try { rel = decodeURIComponent(new URL(req.url, 'http://x').pathname); } catch { res.writeHead(400).end(); return; }
    const file = benchFile(rel);
    if (!file || !fs.existsSync(file)) { res.writeHead(404).end('404'); return; }
    const headers = { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-cache',
      'Vary': 'Accept-Encoding' };
    let body = fs.readFileSync(file);
    if (String(req.headers['accept-encoding'] || '').includes('gzip')) {
      if (!encoded.has(file)) encoded.set(file, zlib.gzipSync(body, { level: 9 }));
      body = encoded.get(file);
      headers['Content-Encoding'] = 'gzip';
    }
    headers['Content-Length'] = body.length;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  logResponses(server, benchFile);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () =>
    resolve({ server, url: `http://127.0.0.1:${server.address().port}/` })));
}

function kindOf(p) {
  if (p.endsWith('.wasm')) return 'wasm';
  if (/\.m?js$/.test(p)) return 'js';
  if (/\.(ttf|otf|woff2?|pbf)$/.test(p)) return 'font';
  if (/\.(ntm|json|geojson)$/.test(p)) return 'data';
  return 'page';
}
function summariseBytes(log) {
  const by = {};
  for (const k of ['wasm', 'js', 'data', 'font', 'page', 'total']) by[k] = { raw: 0, gzip: 0, br: 0, files: 0 };
  for (const e of log) {
    if (e.status !== 200) continue;
    for (const k of [kindOf(e.path), 'total']) {
      by[k].raw += e.raw; by[k].gzip += e.gzip; by[k].br += e.br; by[k].files += 1;
    }
  }
  return by;
}

// [SECTION] Processes: the page's renderer and the GPU process (processes.mjs)

// [SECTION] The viewer's adapter: the same window.__bench the bench pages define for themselves
function viewerAdapter() {
  let api, resolveReady;
  const ready = new Promise((r) => { resolveReady = r; });
  Object.defineProperty(window, 'ntmMap', {
    configurable: true, enumerable: true,
    get() { return api; },
    set(v) {
      api = v;
      // ntmMap.ready resolves right after the first complete frame; note when.
      if (v && v.ready) v.ready.then(() => resolveReady(performance.now()), () => resolveReady(-1));
    },
  });
  window.__bench = {
    ready,
    setView: (lon, lat, zoom) => api.setView(lon, lat, zoom),
    async goto(v) { api.setView(v.lon, v.lat, v.zoom); await api.whenIdle(); },
    idle: () => api.whenIdle(),
    state: () => ({ view: api.state().view, communeCount: api.state().communeCount }),
    units: () => api.units(),
    pickMany(points, minMs) {
      let hits = 0, n = 0;
      const t0 = performance.now();
      for (let pass = 0; pass === 0 || performance.now() - t0 < minMs; ++pass) {
        for (const p of points) {
          const r = api.pick(p.lon, p.lat);
          if (pass === 0 && r && r.commune === p.commune && r.district === p.district) ++hits;
          ++n;
        }
      }
      return { msPerCall: (performance.now() - t0) / n, calls: n, hitRate: hits / points.length };
    },
    memory: () => ({ wasmHeapBytes: window.Module && window.Module.HEAPU8 ? window.Module.HEAPU8.length : null }),
  };
}

// Runs in the page: one setView/jumpTo per animation frame along the keyframes for `ms`,
// recording the frames' timestamps (rAF time) and, where the page can tell, whether each frame
// had everything it needed.
async function flyInPage({ keys, ms }) {
  const mx = (lon) => (lon + 180) / 360;
  const my = (lat) => { const s = Math.sin(lat * Math.PI / 180); return 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI); };
  const lonOf = (x) => x * 360 - 180;
  const latOf = (y) => 360 / Math.PI * Math.atan(Math.exp((0.5 - y) * 2 * Math.PI)) - 90;
  const at = (u) => {
    let i = 0;
    while (i < keys.length - 2 && u > keys[i + 1].u) ++i;
    const a = keys[i], b = keys[i + 1], f = Math.min(1, Math.max(0, (u - a.u) / (b.u - a.u)));
    return { lon: lonOf(mx(a.lon) + f * (mx(b.lon) - mx(a.lon))), lat: latOf(my(a.lat) + f * (my(b.lat) - my(a.lat))),
      zoom: a.zoom + f * (b.zoom - a.zoom) };
  };
  const stamps = [];
  let complete = 0, checked = 0;
  await new Promise((resolve) => {
    let t0 = null;
    const step = (now) => {
      if (t0 === null) t0 = now;
      const u = Math.min(1, (now - t0) / ms);
      stamps.push(now);
      if (window.__bench.complete) { ++checked; if (window.__bench.complete()) ++complete; }
      const v = at(u);
      window.__bench.setView(v.lon, v.lat, v.zoom);
      if (u < 1) requestAnimationFrame(step); else resolve();
    };
    requestAnimationFrame(step);
  });
  return { stamps, complete, checked };
}

// [SECTION] Statistics
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const n = s.length; return n ? (n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2) : null; };
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.min(s.length - 1, Math.ceil(p / 100 * s.length) - 1)] : null; };
const mean = (xs) => xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;

// [SECTION] One cold run
const SETTLE_CAP_MS = 5000;
const withTimeout = (p, ms, what) => Promise.race([p, new Promise((_, rej) => setTimeout(() => rej(new Error(what)), ms))]);
async function jsHeap(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
  return m.JSHeapUsedSize || 0;
}

async function warmUp(browser) {
  // One WebGL2 context in a throw-away context: starts SwiftShader in the GPU process.
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.evaluate(() => new Promise((r) => {
    const gl = document.createElement('canvas').getContext('webgl2');
    gl.clearColor(1, 1, 1, 1); gl.clear(gl.COLOR_BUFFER_BIT);
    requestAnimationFrame(() => requestAnimationFrame(r));
  }));
  await ctx.close();
}

async function measure({ pageKind, dsName, urls, start, points, opts, run }) {
  const ds = DATASETS[dsName];
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const r = { page: pageKind, dataset: dsName, errors: [] };
  try {
    await warmUp(browser);
    const rendererBefore = new Set(chromiumProcesses('renderer'));
    const context = await browser.newContext({ viewport: { width: WIDTH, height: HEIGHT }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    page.on('pageerror', (e) => r.errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') r.errors.push(m.text()); });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    if (pageKind === 'viewer') await page.addInitScript(viewerAdapter);
    let url;
    if (pageKind === 'viewer') url = urls.dist + (ds.query ? `?${ds.query}` : '');
    else if (pageKind === 'floor') url = urls.bench + 'pages/empty.html';
    else url = urls.bench + `pages/${pageKind}.html?data=${dsName}&lon=${start.lon}&lat=${start.lat}&zoom=${start.zoom}`;
    requestLog = [];
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__bench, null, { timeout: 60000 });
    r.firstFrameMs = await withTimeout(page.evaluate(() => window.__bench.ready), 120000, 'no first frame in 120 s');
    if (r.firstFrameMs < 0) {
      const shown = await page.evaluate(() => (document.getElementById('error-text') || {}).textContent || '');
      throw new Error(`the page failed before its first frame: ${shown || 'no message'}`);
    }
    const heap = [await jsHeap(cdp)];
    r.state = await page.evaluate(() => window.__bench.state());
    if (pageKind === 'viewer' && !points) {
      // The places to pick at: every commune's interior point, at most 2,000 spread over the list.
      const units = await page.evaluate(() => window.__bench.units());
      const step = Math.max(1, units.length / 2000);
      r.points = [];
      for (let i = 0; i < units.length; i += step) r.points.push(units[Math.floor(i)]);
    }

    // Everything below starts from the start view, completely drawn: every page opened there
    // (the viewer at its own opening view, which MapLibre gets in its URL).
    const idleWithin = async (ms) => { const t = Date.now();
      const ok = await Promise.race([page.evaluate(() => window.__bench.idle()).then(() => true),
        new Promise((res) => setTimeout(() => res(false), ms))]);  // timed from here: a blocked page cannot time out
      return ok ? Date.now() - t : null; };
    if (pageKind !== 'floor') await idleWithin(30000);
    if (opts.shots && run === 1) await page.screenshot({ path: path.join(opts.out, `${dsName}-${pageKind}.png`) });

    // Hit tests there, where every commune is on screen (MapLibre answers from what it has drawn;
    // the viewer's pick does not depend on the view).
    const pts = points || r.points;
    if (pts && await page.evaluate(() => !!window.__bench.pickMany))
      r.pick = await page.evaluate(([p, ms]) => window.__bench.pickMany(p, ms), [pts, 400]);
    heap.push(await jsHeap(cdp));

    // The flight.
    if (opts.profile && pageKind === 'viewer') { await cdp.send('Profiler.enable'); await cdp.send('Profiler.start'); }
    const f = await page.evaluate(flyInPage, { keys: flightKeys(ds, start), ms: opts.flightMs });
    // The viewer's count of frames drawn from its raster tiles (src/render/tile_cache.hpp), read
    // after the flight: nothing before it moves the camera two frames running, so every one of
    // them is the flight's.
    const tiled = pageKind === 'viewer' ? await page.evaluate(() => {
      const s = window.ntmMap && window.ntmMap.stats ? window.ntmMap.stats() : null;
      return s && s.framesTiled != null ? s.framesTiled : null;
    }) : null;
    if (opts.profile && pageKind === 'viewer') r.profile = summariseProfile((await cdp.send('Profiler.stop')).profile);
    const iv = f.stamps.slice(1).map((t, i) => t - f.stamps[i]);
    r.flight = { frames: iv.length, meanMs: mean(iv), p95Ms: pct(iv, 95), maxMs: Math.max(...iv),
      completeShare: f.checked ? f.complete / f.checked : null,
      tiledShare: tiled != null && iv.length ? Math.min(1, tiled / iv.length) : null };
    if (pageKind !== 'floor') {
      // Until the last view is completely drawn; capped so that a slow page cannot stall the bench.
      r.flight.settleMs = await idleWithin(SETTLE_CAP_MS);
      if (r.flight.settleMs == null) r.flight.settleOverMs = SETTLE_CAP_MS;
    }
    heap.push(await jsHeap(cdp));

    const mem = await page.evaluate(() => window.__bench.memory());
    const renderers = chromiumProcesses('renderer').filter((p) => !rendererBefore.has(p)).map(memoryOf).filter(Boolean);
    const gpu = chromiumProcesses('gpu-process').map(memoryOf).filter(Boolean);
    r.memory = { jsHeapPeakBytes: Math.max(...heap), wasmHeapBytes: mem.wasmHeapBytes,
      rendererPeakBytes: renderers.length ? Math.max(...renderers.map((m) => m.peakBytes)) : null,
      gpuPeakBytes: gpu.length ? Math.max(...gpu.map((m) => m.peakBytes)) : null };
    r.bytes = summariseBytes(sizeRequests(requestLog));
    r.requests = requestLog.map((e) => ({ path: e.path, status: e.status, raw: e.raw, gzip: e.gzip, br: e.br }));
    await context.close();
  } catch (e) {
    r.errors.push(String(e && e.stack || e));
  } finally {
    await browser.close();
  }
  return r;
}

// Top self-time functions of a CDP CPU profile (wasm functions appear under their names if the
// module has a name section, else as wasm-function[n]).
function summariseProfile(profile) {
  const self = new Map();
  const dt = profile.timeDeltas || [];
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  (profile.samples || []).forEach((id, i) => {
    const n = byId.get(id);
    const cf = n.callFrame;
    const key = `${cf.functionName || '(anonymous)'} ${cf.url ? path.basename(cf.url) : ''}`.trim();
    self.set(key, (self.get(key) || 0) + (dt[i] || 0) / 1000);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  return { totalMs: total, top: [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25)
    .map(([fn, ms]) => ({ fn, ms: Math.round(ms * 10) / 10, share: Math.round(1000 * ms / total) / 10 })) };
}

// [SECTION] Aggregation and the Markdown table
const METRICS = {
  firstFrameMs: (r) => r.firstFrameMs,
  gzipKiB: (r) => r.bytes && r.bytes.total.gzip / 1024,
  rawKiB: (r) => r.bytes && r.bytes.total.raw / 1024,
  brKiB: (r) => r.bytes && r.bytes.total.br / 1024,
  wasmGzipKiB: (r) => r.bytes && r.bytes.wasm.gzip / 1024,
  jsGzipKiB: (r) => r.bytes && r.bytes.js.gzip / 1024,
  dataGzipKiB: (r) => r.bytes && r.bytes.data.gzip / 1024,
  fontGzipKiB: (r) => r.bytes && r.bytes.font.gzip / 1024,
  pageGzipKiB: (r) => r.bytes && r.bytes.page.gzip / 1024,
  wasmRawKiB: (r) => r.bytes && r.bytes.wasm.raw / 1024,
  jsRawKiB: (r) => r.bytes && r.bytes.js.raw / 1024,
  dataRawKiB: (r) => r.bytes && r.bytes.data.raw / 1024,
  fontRawKiB: (r) => r.bytes && r.bytes.font.raw / 1024,
  flightMeanMs: (r) => r.flight && r.flight.meanMs,
  flightP95Ms: (r) => r.flight && r.flight.p95Ms,
  flightFrames: (r) => r.flight && r.flight.frames,
  flightCompleteShare: (r) => r.flight && r.flight.completeShare,
  flightTiledShare: (r) => r.flight && r.flight.tiledShare,
  settleMs: (r) => r.flight && (r.flight.settleMs ?? r.flight.settleOverMs),
  pickMs: (r) => r.pick && r.pick.msPerCall,
  pickHitRate: (r) => r.pick && r.pick.hitRate,
  jsHeapMiB: (r) => r.memory && r.memory.jsHeapPeakBytes / 1048576,
  wasmHeapMiB: (r) => r.memory && r.memory.wasmHeapBytes != null ? r.memory.wasmHeapBytes / 1048576 : null,
  rendererPeakMiB: (r) => r.memory && r.memory.rendererPeakBytes != null ? r.memory.rendererPeakBytes / 1048576 : null,
  gpuPeakMiB: (r) => r.memory && r.memory.gpuPeakBytes != null ? r.memory.gpuPeakBytes / 1048576 : null,
};
function aggregate(runs) {
  const out = {};
  for (const [name, get] of Object.entries(METRICS)) {
    const xs = runs.filter((r) => !r.failed).map(get).filter((x) => x != null && Number.isFinite(x));
    out[name] = xs.length ? { median: median(xs), min: Math.min(...xs), max: Math.max(...xs), n: xs.length } : null;
  }
  return out;
}

function fmt(x, digits) {
  if (x == null) return '–';
  const d = digits ?? (Math.abs(x) >= 100 ? 0 : Math.abs(x) >= 10 ? 1 : Math.abs(x) >= 1 ? 2 : 3);
  return x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
}
const cell = (a, d) => a ? `${fmt(a.median, d)} (${fmt(a.min, d)}–${fmt(a.max, d)})` : '–';
const ratio = (a, b) => a && b && b.median ? a.median / b.median : null;
const rfmt = (x) => x == null ? '–' : `${x < 0.1 ? x.toFixed(3) : x.toFixed(2)}×`;
const verdict = (ok) => ok == null ? '' : ok ? ' ✅' : ' ❌';

// Issue 5's targets, as ratios measured in the same run.
const TARGETS = {
  // Also "no slower than Leaflet" to the first frame and "renderer memory no more than Leaflet's".
  'soc-trang': { firstFrame: 0.3, flightFloor: 1.25, pickMs: 0.05, gzipKiB: 250, leafletFirstFrame: 1, leafletRenderer: 1 },
  vietnam: { firstFrame: 0.33, flightFloor: 2, pickMs: 0.05 },
};

function markdown(results) {
  const L = [];
  L.push(`Command: \`${results.command}\` · ${results.date} · ${results.browser} · ${results.machine}` +
    (results.loadAverage ? ` · load average ${results.loadAverage.start} at the start, ${results.loadAverage.end} at the end (shared machine)` : '') +
    (results.elapsedS ? ` · bench took ${(results.elapsedS / 60).toFixed(1)} min` : ''));
  L.push(`Medians of ${results.runs} cold runs (fresh browser each), min–max in brackets, ${WIDTH}×${HEIGHT}, deviceScaleFactor 1. ` +
    `Ratios are of medians; ✅/❌ against issue 5's targets.`);
  for (const ds of Object.keys(results.datasets)) {
    const a = results.datasets[ds].aggregate;
    const v = a.viewer || {}, m = a.maplibre || {}, lf = a.leaflet || {}, fl = a.floor || {};
    const t = TARGETS[ds] || {};
    L.push('', `#### ${DATASETS[ds].title}`, '');
    L.push(`| measure | viewer (ours) | MapLibre GL JS ${results.maplibreVersion} | Leaflet ${results.leafletVersion || ''} (canvas) | ` +
      'floor (empty WebGL2) | ours ÷ MapLibre | ours ÷ Leaflet | target |');
    L.push('|---|---:|---:|---:|---:|---:|---:|---|');
    const row = (label, key, { d, target = '', floor = true } = {}) => {
      L.push(`| ${label} | ${cell(v[key], d)} | ${cell(m[key], d)} | ${cell(lf[key], d)} | ${floor ? cell(fl[key], d) : '–'} | ` +
        `${rfmt(ratio(v[key], m[key]))} | ${rfmt(ratio(v[key], lf[key]))} | ${target} |`);
    };
    // A target "≤ k× page", with its verdict; empty when the target or the page's figure is missing.
    const against = (key, k, page, name) => {
      const r = ratio(v[key], page[key]);
      return k && r != null ? `≤ ${k === 1 ? '' : `${k}× `}${name}${verdict(r <= k)}` : '';
    };
    const both = (...parts) => parts.filter(Boolean).join(', ');
    row('first complete frame, ms', 'firstFrameMs', { d: 0,
      target: both(against('firstFrameMs', t.firstFrame, m, 'MapLibre'), against('firstFrameMs', t.leafletFirstFrame, lf, 'Leaflet')) });
    const gz = v.gzipKiB && v.gzipKiB.median;
    row('bytes shipped, gzip KiB', 'gzipKiB', { d: 1, target: t.gzipKiB ? `≤ ${t.gzipKiB} KiB${verdict(gz == null ? null : gz <= t.gzipKiB)}` : 'loaded only when asked for' });
    row('  wasm · gzip KiB', 'wasmGzipKiB', { d: 1 });
    row('  JS · gzip KiB', 'jsGzipKiB', { d: 1 });
    row('  data · gzip KiB', 'dataGzipKiB', { d: 1 });
    row('  font · gzip KiB', 'fontGzipKiB', { d: 1 });
    row('  page (HTML, CSS) · gzip KiB', 'pageGzipKiB', { d: 1 });
    row('bytes shipped, brotli KiB (what the viewer\'s server sends)', 'brKiB', { d: 1 });
    row('bytes shipped, raw KiB', 'rawKiB', { d: 1 });
    row('flight: frames in 3 s', 'flightFrames', { d: 0 });
    row('flight: frame interval mean, ms', 'flightMeanMs', { d: 1 });
    const p95f = ratio(v.flightP95Ms, fl.flightP95Ms), mp95f = ratio(m.flightP95Ms, fl.flightP95Ms);
    row('flight: frame interval p95, ms', 'flightP95Ms', { d: 1,
      target: t.flightFloor ? `≤ ${t.flightFloor}× floor: ours ${rfmt(p95f)}${verdict(p95f == null ? null : p95f <= t.flightFloor)}, MapLibre ${rfmt(mp95f)}` : '' });
    row('flight: frames with every tile loaded', 'flightCompleteShare', { d: 2, floor: false });
    row('flight: frames drawn from raster tiles (then sharp when stopped)', 'flightTiledShare', { d: 2, floor: false });
    row('settle after the flight, ms (capped at 5,000)', 'settleMs', { d: 0, floor: false });
    const pk = v.pickMs && v.pickMs.median;
    row('pick, ms per call', 'pickMs', { d: 4, floor: false, target: t.pickMs ? `≤ ${t.pickMs} ms${verdict(pk == null ? null : pk <= t.pickMs)}` : '' });
    row('pick: right commune at its interior point', 'pickHitRate', { d: 3, floor: false });
    row('JS heap (main thread), peak MiB', 'jsHeapMiB', { d: 1 });
    row('WebAssembly heap, MiB', 'wasmHeapMiB', { d: 1 });
    row('renderer process, peak RSS MiB', 'rendererPeakMiB', { d: 0, target: against('rendererPeakMiB', t.leafletRenderer, lf, 'Leaflet') });
    row('GPU process (SwiftShader), peak RSS MiB', 'gpuPeakMiB', { d: 0 });
    const failed = Object.values(results.datasets[ds].runs).flat().filter((r) => r.errors && r.errors.length);
    if (failed.length) L.push('', `Runs with errors: ${failed.map((r) => `${r.page} run ${r.run}: ${r.errors[0].split('\n')[0]}`).join('; ')}`);
  }
  return L.join('\n') + '\n';
}

// [SECTION] Main
async function main() {
  // Ctrl+C or a kill ends the bench (and, through playwright-core, its browser) at once, rather
  // than letting the next measurement start on a killed browser.
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => { console.error(`bench: ${sig}, stopping`); process.exit(130); });
  const opts = parseArgs(process.argv.slice(2));
  for (const ds of opts.datasets) if (!DATASETS[ds]) throw new Error(`unknown dataset ${ds}`);
  DIST = await snapshotSite(opts.datasets.includes('vietnam'));
  if (opts.datasets.includes('vietnam')) ensureVietnamGeoJSON();
  if (!fs.existsSync(path.join(MAPLIBRE_DIST, 'maplibre-gl.mjs'))) throw new Error('maplibre-gl is not installed: cd web/bench && npm ci');
  if (!fs.existsSync(path.join(LEAFLET_DIST, 'leaflet.js'))) throw new Error('leaflet is not installed: cd web/bench && npm ci');

  const dist = await serve(DIST, 0);
  logResponses(dist.server, (rel) => path.join(DIST, rel.endsWith('/') ? rel + 'index.html' : rel));
  const bench = await startBenchServer();
  const urls = { dist: dist.url, bench: bench.url };
  const probe = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const browserVersion = `Chromium ${probe.version()}`;
  await probe.close();
  const version = (pkg) => JSON.parse(fs.readFileSync(path.join(here, 'node_modules', pkg, 'package.json'), 'utf8')).version;
  const maplibreVersion = version('maplibre-gl'), leafletVersion = version('leaflet');
  const cpu = (os.cpus()[0] || {}).model || 'unknown CPU';
  const results = {
    command: process.env.BENCH_COMMAND || `node web/bench/bench.mjs ${process.argv.slice(2).join(' ')}`.trim(),
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    browser: `${browserVersion} headless, SwiftShader WebGL`, machine: `${os.cpus().length} × ${cpu.trim()}`,
    maplibreVersion, leafletVersion, runs: opts.runs, flightMs: opts.flightMs, viewport: [WIDTH, HEIGHT], datasets: {},
    loadAverage: { start: os.loadavg()[0].toFixed(1) },
  };
  const t0 = Date.now();
  for (const dsName of opts.datasets) {
    const ds = DATASETS[dsName];
    let start = null, points = null;
    const runs = Object.fromEntries(opts.pages.map((p) => [p, []]));
    // The viewer first in every round: its first run gives the start view and the pick points.
    const order = ['viewer', 'maplibre', 'leaflet', 'floor'].filter((p) => opts.pages.includes(p));
    for (let i = 0; i < opts.runs; ++i) {
      for (const pageKind of order) {
        fs.mkdirSync(opts.out, { recursive: true });
        const r = await measure({ pageKind, dsName, urls, start: start || ds.fallbackView, points, opts, run: i + 1 });
        r.run = i + 1;
        if (pageKind === 'viewer' && !start && r.state && r.state.view) start = r.state.view;
        if (r.points) { points = r.points; delete r.points; }
        r.failed = !(r.firstFrameMs >= 0);
        runs[pageKind].push(r);
        const s = (x, d = 0) => x == null ? '–' : x.toFixed(d);
        console.log(`bench: ${dsName} ${pageKind.padEnd(8)} run ${i + 1}/${opts.runs}: first frame ${s(r.firstFrameMs)} ms, ` +
          `flight p95 ${s(r.flight && r.flight.p95Ms, 1)} ms, pick ${s(r.pick && r.pick.msPerCall, 4)} ms, ` +
          `gzip ${s(r.bytes && r.bytes.total.gzip / 1024, 1)} KiB${r.errors.length ? ', ERRORS: ' + r.errors[0].split('\n')[0] : ''}`);
      }
    }
    const aggregateByPage = Object.fromEntries(Object.entries(runs).map(([p, rs]) => [p, aggregate(rs)]));
    results.datasets[dsName] = { startView: start, pickPoints: points ? points.length : 0,
      flightKeys: flightKeys(ds, start || ds.fallbackView), aggregate: aggregateByPage, runs };
  }
  results.elapsedS = Math.round((Date.now() - t0) / 1000);
  results.loadAverage.end = os.loadavg()[0].toFixed(1);
  await new Promise((r) => dist.server.close(r));
  await new Promise((r) => bench.server.close(r));

  const md = markdown(results);
  fs.mkdirSync(opts.out, { recursive: true });
  fs.writeFileSync(path.join(opts.out, 'results.json'), JSON.stringify(results, null, 1) + '\n');
  fs.writeFileSync(path.join(opts.out, 'results.md'), md);
  console.log('\n' + md);
  console.log(`bench: ${results.elapsedS} s; wrote ${path.join(opts.out, 'results.json')} and results.md`);
}

main().catch((e) => { console.error(e.stack || String(e)); process.exit(1); });
