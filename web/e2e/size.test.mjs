// Issue 5's size budget and the national map: what the default page makes a visitor download
// (gzip, ≤ 250 KiB: the .gz twin dist/ ships of every file Chromium actually requested, which is
// what a server that sends the twins sends; gzip -9 of the same files is printed beside it), and
// the 11,163-commune asset opening with ?data=vietnam, with pick() right at communes sampled
// across the country.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { start, stop, openPage, waitReady, DIST } from './harness.mjs';

// Issue 5's target is 250 KiB, and the budget: today's page is ~248.5 KiB as served (the wasm
// alone is ~192 KiB as served: Dear ImGui, RapidJSON and the UI); the guided tour is fetched only
// when presentation mode is asked for (checked below). History, at gzip -9 until the last step:
// raised once, from 320 to 330, for issue 6
// (the loaders' checks, WebGL context restore, the retry path: ~13 KiB of wasm); lowered to 305
// after ImGui's built-in font was compiled out (-10.5 KiB), the JavaScript minified with terser
// (-6.3) and the viewer built without C++ exceptions and RTTI (-3.6), 324 → 303 KiB; to 302
// after the math symbols were merged into the two Noto Sans files and the Latin-1 symbols no
// text uses were cut (-3.7; the label halo fonts cost +0.6), 305 → 301 KiB; raised to 303 for
// the national map's outlines drawn once per edge and the font atlas's own two-byte upload
// (+0.6 KiB); kept at 303 when the halo cut, the repeated-frame fingerprint and the deferred
// ImGui program check (+1.0 KiB) were paid for by bulk memory and three terser passes (-0.35);
// raised to 307 for the raster tiles a moving national view is drawn from (+3.6 KiB), 306.6
// KiB; kept at 307 when Binaryen's single-caller inlining was capped (-1.6 KiB) and the side
// panel's interior began to stay on the canvas (+0.8 KiB), 306.1 KiB. Lowered to 276 when the
// viewer's JSON moved from nlohmann-json to RapidJSON (-9.3 KiB), ImGui's .ini handlers and
// with them scanf and strtod were left out (-7.9), 306.1 → 288.9 KiB at gzip -9, and the
// measure became the gzip twins dist/ serves, made with zopfli (-14.0): 274.9 KiB; numbers read
// with strtod again, RapidJSON's own conversion being wrong for some (+1.4), and stb_truetype
// without its CFF reader (-2.5): 273.8 KiB, budget 275. Lowered to 257 when the task and
// shortcut lists stopped using ImGui's tables (-12.2 KiB), the arrows were added to the fonts
// (+0.3), districts and the province lost their unused fill triangles (-1.0), the frame loop
// stopped pulling Emscripten's Browser object into viewer.js (-3.9) and ImGuiStyle's dark
// colours were compiled out (-0.7): 256.2 KiB. Down to the target, 250, when ImGui's keyboard and
// gamepad navigation were compiled out (-5.8) and the tour left the default page (-2.4): 248.5
// KiB.
const TARGET_KIB = 250;
const BUDGET_KIB = TARGET_KIB;

let ctx;
before(async () => { ctx = await start(); });
after(async () => { await stop(ctx); });

// The site-relative paths of the requests a page makes while it loads (and for a moment after,
// so a lazy download is counted too).
async function loadAndRecord(query = '', { idle = true } = {}) {
  const requested = [];
  const page = await openPage(ctx, {
    query,
    route: { pattern: '**/*', handler: (route) => { requested.push(route.request().url()); route.continue(); } },
  });
  if (idle) await waitReady(page);
  else {
    // The national map's frames are slow in software WebGL: wait for ready alone, polling by
    // time rather than by animation frame, since pick() does not need the view to be idle.
    await page.waitForFunction(() => window.ntmMap && window.ntmMap.ready, null, { timeout: 120000, polling: 250 });
    await page.evaluate(() => window.ntmMap.ready);
  }
  await page.waitForTimeout(500);
  return { page, requested };
}

test(`the default page downloads at most ${BUDGET_KIB} KiB (gzip; target ${TARGET_KIB} KiB)`, async () => {
  const { page, requested } = await loadAndRecord();
  const origin = new URL(ctx.url).origin;
  const foreign = requested.filter((u) => !u.startsWith(origin) && !u.startsWith('data:'));
  assert.deepEqual(foreign, [], 'the page fetched something from outside the site');
  const rows = [];
  for (const u of new Set(requested.filter((x) => x.startsWith(origin)))) {
    let rel = decodeURIComponent(new URL(u).pathname);
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.join(DIST, rel);
    assert.ok(fs.existsSync(file), `requested ${rel}, which dist/ does not have`);
    const bytes = fs.readFileSync(file);
    assert.ok(fs.existsSync(file + '.gz'), `dist/ has no gzip twin of ${rel}`);
    const gz = fs.readFileSync(file + '.gz');
    assert.ok(zlib.gunzipSync(gz).equals(bytes), `dist/'s gzip twin of ${rel} does not hold the file`);
    const br = fs.existsSync(file + '.br') ? fs.statSync(file + '.br').size : null;
    rows.push({ rel, raw: bytes.length, gzip: gz.length, gzip9: zlib.gzipSync(bytes, { level: 9 }).length, br });
  }
  rows.sort((a, b) => b.gzip - a.gzip);
  const total = rows.reduce((s, r) => s + r.gzip, 0);
  const total9 = rows.reduce((s, r) => s + r.gzip9, 0);
  const kib = (n) => (n / 1024).toFixed(1).padStart(7);
  console.log(`bytes of the default page (${rows.length} files): gzip as served / gzip -9 / raw / brotli as served, KiB`);
  for (const r of rows) console.log(`  ${kib(r.gzip)} ${kib(r.gzip9)} ${kib(r.raw)} ${r.br == null ? '      –' : kib(r.br)}  ${r.rel}`);
  console.log(`  ${kib(total)} ${kib(total9)} total gzip (as served, -9); budget ${BUDGET_KIB} KiB`);
  // The national map is only for ?data=vietnam, the tour only for presentation mode.
  assert.ok(!rows.some((r) => r.rel.includes('vietnam')), 'the default page downloaded the national asset');
  assert.ok(!rows.some((r) => r.rel.includes('tour')), 'the default page downloaded the tour');
  assert.ok(rows.some((r) => r.rel.endsWith('.wasm')) && rows.some((r) => r.rel.endsWith('.ntm')),
    'the recorded requests miss the viewer or the map asset');
  assert.ok(total <= BUDGET_KIB * 1024,
    `the default page downloads ${(total / 1024).toFixed(1)} KiB gzip, ${((total / 1024) - BUDGET_KIB).toFixed(1)} KiB over the ${BUDGET_KIB} KiB budget`);
  // Asking for presentation mode fetches the tour, once, and shows its first step.
  await page.evaluate(() => window.ntmMap.tour(0));
  assert.equal(requested.filter((u) => u.endsWith('/tour/tour-2024.json')).length, 1);
  const s = await page.evaluate(() => window.ntmMap.state());
  assert.equal(s.tourStep, 0);
  assert.ok(s.tourSteps > 0);
  await page.close();
});

test('the default page downloads each file once: every preload of index.html is used', async () => {
  // index.html preloads the viewer, which js/ntm-map.js then fetches (viewer.wasm) and the parser
  // reaches (viewer.js): a preload whose address or mode does not match downloads the file twice.
  // Requests are watched, not intercepted.
  const requested = [];
  const page = await openPage(ctx, { setup: (p) => p.on('request', (r) => requested.push(new URL(r.url()).pathname)) });
  await waitReady(page);
  await page.waitForTimeout(300);
  // (The browser itself may ask for the icon again: not the page's request.)
  const twice = requested.filter((u, i) => requested.indexOf(u) !== i && u !== '/favicon.svg');
  assert.deepEqual(twice, [], `requested more than once: ${twice}`);
  for (const file of ['/viewer.wasm', '/viewer.js', '/data/soc-trang.ntm', '/plan/soc-trang-2024.json',
    '/plan/status-2024.json', '/fonts/NotoSans-vi.ttf', '/fonts/NotoSans-vi-Bold.ttf'])
    assert.ok(requested.includes(file), `${file} was not requested`);
  await page.close();
});

test('the national map opens with ?data=vietnam and pick() is right across the country', { timeout: 300_000 }, async () => {
  const { page, requested } = await loadAndRecord('data=vietnam', { idle: false });
  assert.ok(requested.some((u) => u.endsWith('/data/vietnam.ntm')), 'the national asset was not requested');
  // Few round trips: each waits for a (slow) frame to end.
  const { s, units } = await page.evaluate(() => ({ s: window.ntmMap.state(), units: window.ntmMap.units() }));
  assert.equal(s.communeCount, 11163);
  assert.deepEqual(s.errors, []);
  assert.equal(units.length, 11163);
  // About 200 communes spread over the whole list, whose order runs through every province.
  const sample = [];
  for (let i = 0; i < units.length; i += Math.floor(units.length / 200)) sample.push(units[i]);
  const lats = sample.map((u) => u.lat), lons = sample.map((u) => u.lon);
  assert.ok(Math.max(...lats) - Math.min(...lats) > 10, 'the sample does not span the country north to south');
  assert.ok(Math.min(...lats) > 8 && Math.max(...lats) < 24 && Math.min(...lons) > 102 && Math.max(...lons) < 110,
    'interior points lie outside Vietnam');
  const { picked, sea } = await page.evaluate((pts) => ({ picked: pts.map((u) => window.ntmMap.pick(u.lon, u.lat)),
    sea: window.ntmMap.pick(112, 12) }), sample);
  const wrong = sample.filter((u, i) => !picked[i] || picked[i].commune !== u.commune || picked[i].district !== u.district)
    .map((u) => `${u.commune} (${u.district}) at ${u.lon.toFixed(4)},${u.lat.toFixed(4)} → ${JSON.stringify(picked[sample.indexOf(u)])}`);
  assert.deepEqual(wrong, []);
  // And nothing at sea, east of the coast.
  assert.equal(sea, null);
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});
