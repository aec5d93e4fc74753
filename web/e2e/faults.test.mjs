// Browser faults (issue 6): a lost WebGL context is restored and the map redrawn; a data file that
// is missing or arrives cut short is named in Vietnamese with a "Thử lại" button that fetches it
// again without reloading the page; tiny and empty window sizes never crash the viewer.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { start, stop, openPage, waitReady, canvasStats, screenshot, DIST } from './harness.mjs';
import { serve } from '../serve.mjs';

let ctx;
before(async () => { ctx = await start(); });
after(async () => { await stop(ctx); });

// Keeps a copy of the canvas's pixels in the page under `name` (read through a 2D copy: the
// harness keeps the drawing buffer); the comparison runs in the page too (4 MB of pixels).
function snapshot(page, name) {
  return page.evaluate((n) => {
    const c = document.getElementById('canvas');
    const copy = document.createElement('canvas');
    copy.width = c.width; copy.height = c.height;
    const g = copy.getContext('2d');
    g.drawImage(c, 0, 0);
    (window.__snaps ||= {})[n] = g.getImageData(0, 0, c.width, c.height);
  }, name);
}
// Share of pixels whose colour differs by more than a few levels in some channel.
function differingShare(page, a, b) {
  return page.evaluate(([a, b]) => {
    const x = window.__snaps[a], y = window.__snaps[b];
    if (x.width !== y.width || x.height !== y.height) return 1;
    let n = 0;
    for (let i = 0; i < x.data.length; i += 4) {
      if (Math.abs(x.data[i] - y.data[i]) > 3 || Math.abs(x.data[i + 1] - y.data[i + 1]) > 3 ||
          Math.abs(x.data[i + 2] - y.data[i + 2]) > 3) ++n;
    }
    return n / (x.data.length / 4);
  }, [a, b]);
}
const stats = (page) => page.evaluate(() => window.ntmMap.stats());
const state = (page) => page.evaluate(() => window.ntmMap.state());

// A real click at a commune's label anchor selects it.
async function clickCommune(page, unit) {
  const p = await page.evaluate(([lon, lat]) => window.ntmMap.project(lon, lat), [unit.lon, unit.lat]);
  const box = await page.locator('#canvas').boundingBox();
  await page.mouse.click(box.x + p.x, box.y + p.y);
  await page.waitForFunction(([d, c]) => {
    const s = window.ntmMap.state().selected;
    return s && s.district === d && s.commune === c;
  }, [unit.district, unit.commune], { timeout: 15000 });
}

test('a lost WebGL context is restored: the same picture, no leaked GL objects, pick and select work', async () => {
  const page = await openPage(ctx);
  await waitReady(page);
  const units = await page.evaluate(() => window.ntmMap.units());
  await snapshot(page, 'before');
  const statsBefore = await stats(page);
  assert.ok((await canvasStats(page)).distinct > 500, 'the map is drawn before the loss');

  for (let round = 1; round <= 2; ++round) {
    await page.evaluate(() => {
      window.__loseExt = document.getElementById('canvas').getContext('webgl2').getExtension('WEBGL_lose_context');
      window.__loseExt.loseContext();
    });
    await page.waitForFunction(() => window.ntmMap.stats().contextLost === true, null, { timeout: 10000 });
    // While lost the API still answers and nothing throws.
    assert.equal((await state(page)).communeCount, 109);
    assert.equal(await page.evaluate(() => window.ntmMap.pick(105.97, 9.6) !== undefined), true);
    if (round === 2) {
      // A context the browser does not give back at once: the page says what happened.
      await page.locator('#error').waitFor({ state: 'visible', timeout: 10000 });
      assert.match(await page.locator('#error-text').innerText(), /đồ họa \(WebGL\).*tự vẽ lại/);
      assert.equal(await page.locator('#retry').isVisible(), false);
    }
    await page.evaluate(() => window.__loseExt.restoreContext());
    await page.waitForFunction((n) => window.ntmMap.stats().contextRestores === n, round, { timeout: 15000 });
    await page.evaluate(() => window.ntmMap.whenIdle());
    await snapshot(page, 'after');
    const share = await differingShare(page, 'before', 'after');
    const s = await stats(page);
    console.log(`context restore ${round}: ${(100 * share).toFixed(3)} % of pixels differ; GL objects ${statsBefore.glObjects} → ${s.glObjects}`);
    assert.ok(share < 0.002, `the restored map differs from the original in ${(100 * share).toFixed(2)} % of pixels`);
    assert.equal(s.glObjects, statsBefore.glObjects, 'every GL object is made again once, none is leaked');
    assert.equal(await page.locator('#error').isVisible(), false, 'no message once the map is back');
    assert.deepEqual((await state(page)).errors, []);
  }
  await screenshot(page, 'context-restored.png');

  // Picking and selecting still work, by API and by a real click.
  const u = units.find((x) => x.commune === 'Xã Hòa Tú 1');
  assert.deepEqual(await page.evaluate(([lon, lat]) => window.ntmMap.pick(lon, lat), [u.lon, u.lat]),
    { district: u.district, commune: u.commune });
  await clickCommune(page, u);
  assert.equal(await page.evaluate(() => window.ntmMap.select('Huyện Trần Đề', 'Xã Lịch Hội Thượng')), true);
  await page.evaluate(() => window.ntmMap.whenIdle());
  assert.equal((await state(page)).selected.commune, 'Xã Lịch Hội Thượng');
  assert.ok((await canvasStats(page)).distinct > 500);
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});

test('resizing to 0×0, 1×1 and 50×30 and back never crashes, and the map comes back as it was', async () => {
  const page = await openPage(ctx);
  await waitReady(page);
  await snapshot(page, 'before');
  const view = (await state(page)).view;
  const frames = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  // 0×0: the window cannot be made that small, so the canvas is (CSSOM: allowed by the policy).
  await page.evaluate(() => { const c = document.getElementById('canvas'); c.style.width = '0px'; c.style.height = '0px'; });
  await frames(); await page.waitForTimeout(300); await frames();
  let s = await state(page);
  assert.equal(s.communeCount, 109);
  await page.evaluate(() => { const c = document.getElementById('canvas'); c.style.width = ''; c.style.height = ''; });
  for (const [w, h] of [[1, 1], [50, 30], [1, 1], [320, 200]]) {
    await page.setViewportSize({ width: w, height: h });
    await frames(); await page.waitForTimeout(300); await frames();
    s = await state(page);
    assert.ok(Number.isFinite(s.view.zoom) && Number.isFinite(s.view.lon) && Number.isFinite(s.view.lat),
      `${w}×${h}: view ${JSON.stringify(s.view)}`);
    // Interaction at that size does not crash either.
    await page.mouse.move(Math.floor(w / 2), Math.floor(h / 2));
    await page.evaluate(() => window.ntmMap.select('Huyện Mỹ Xuyên', 'Xã Hòa Tú 1'));
    await page.evaluate(() => window.ntmMap.select(null));
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.evaluate(([lon, lat, zoom]) => window.ntmMap.setView(lon, lat, zoom), [view.lon, view.lat, view.zoom]);
  await page.evaluate(() => window.ntmMap.whenIdle());
  await page.mouse.move(0, 0);
  await page.evaluate(() => window.ntmMap.whenIdle());
  await snapshot(page, 'after');
  const share = await differingShare(page, 'before', 'after');
  console.log(`after 0×0, 1×1, 50×30 and back: ${(100 * share).toFixed(3)} % of pixels differ`);
  assert.ok(share < 0.01, `${(100 * share).toFixed(2)} % of pixels differ from before`);
  const u = (await page.evaluate(() => window.ntmMap.units())).find((x) => x.commune === 'Xã Hòa Tú 1');
  await clickCommune(page, u);
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});

// A page whose requests for `pattern` get `broken` (a route handler) until `fix()` is called.
async function pageWithBrokenFile(pattern, broken, options = {}) {
  let fixed = false;
  const requests = [];
  const page = await openPage(ctx, {
    ...options,
    route: {
      pattern,
      handler: async (route) => {
        requests.push(route.request().url());
        if (fixed) await route.continue(); else await broken(route);
      },
    },
  });
  return { page, fix: () => { fixed = true; }, requests };
}
const notFound = (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: '404' });
// The first `share` of the real file: a file that arrived (or was uploaded) cut short.
const cutShort = (share) => async (route) => {
  const res = await route.fetch();
  const body = Buffer.from(await res.body());
  await route.fulfill({ response: res, body: body.subarray(0, Math.floor(body.length * share)) });
};

async function expectPageRetry(page, fix, message) {
  await page.locator('#error').waitFor({ state: 'visible', timeout: 30000 });
  assert.match(await page.locator('#error').innerText(), message);
  assert.equal(await page.evaluate(() => window.ntmMap.ready.then(() => 'ok', () => 'rejected')), 'rejected');
  const button = page.locator('#retry');
  assert.equal(await button.isVisible(), true, 'a "Thử lại" button');
  assert.equal((await button.innerText()).trim(), 'Thử lại');
  await page.evaluate(() => { window.__sameDocument = true; });
  fix();
  await button.click();
  await page.waitForFunction(() => window.ntmMap.state().communeCount === 109, null, { timeout: 30000 });
  assert.equal(await page.evaluate(() => window.ntmMap.ready.then(() => 'ok', () => 'rejected')), 'ok');
  await page.evaluate(() => window.ntmMap.whenIdle());
  assert.deepEqual((await state(page)).errors, []);
  assert.equal(await page.locator('#error').isVisible(), false);
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'the page was not reloaded');
  assert.ok((await canvasStats(page)).distinct > 500, 'the map is drawn');
}

test('a missing viewer.js or viewer.wasm: the page names the program it could not start', async () => {
  // viewer.js is a script of index.html after ntm-map.js: its failed download is still seen.
  for (const [file, message] of [['viewer.js', /Không tải được chương trình vẽ bản đồ \(viewer\.js\)/],
    ['viewer.wasm', /viewer\.wasm/]]) {
    const { page } = await pageWithBrokenFile(`**/${file}`, notFound);
    await page.locator('#error').waitFor({ state: 'visible', timeout: 30000 });
    assert.match(await page.locator('#error').innerText(), message);
    assert.equal(await page.evaluate(() => window.ntmMap.ready.then(() => 'ok', () => 'rejected')), 'rejected');
    assert.equal(await page.locator('#loading').isHidden(), true, `${file}: the loading box gives way to the message`);
    assert.deepEqual(page.consoleErrors, [], `${file}: no uncaught error`);
    await page.close();
  }
});

test('a missing map file: a Vietnamese message and "Thử lại" loads it without reloading the page', async () => {
  const { page, fix, requests } = await pageWithBrokenFile('**/data/soc-trang.ntm', notFound);
  await expectPageRetry(page, fix, /Không tải được tệp data\/soc-trang\.ntm.*404/s);
  assert.equal(requests.length, 2, 'the map file was fetched once more, nothing else');
  // The map works: legend counts and selection.
  const legend = await page.evaluate(() => window.ntmMap.legend());
  assert.ok(legend.rows.some((r) => r.count > 0));
  assert.equal(await page.evaluate(() => window.ntmMap.select('Huyện Mỹ Xuyên', 'Xã Hòa Tú 1')), true);
  await page.close();
});

// A server in front of dist/: `special(req, res)` answers the requests it takes (returning true),
// every other one goes on to dist/ (asking for no compression with `identity`); `use(url)` runs
// with the proxy's address, which is closed afterwards.
async function throughProxy(special, use, { identity = false } = {}) {
  const site = await serve(DIST, 0);
  const proxy = http.createServer((req, res) => {
    if (special(req, res)) return;
    const headers = identity ? { ...req.headers, 'accept-encoding': 'identity' } : req.headers;
    const up = http.request(new URL(req.url, site.url), { method: req.method, headers }, (r) => {
      res.writeHead(r.statusCode, r.headers);
      r.pipe(res);
    });
    req.pipe(up);
  });
  await new Promise((r) => proxy.listen(0, '127.0.0.1', r));
  try {
    await use(`http://127.0.0.1:${proxy.address().port}/`);
  } finally {
    proxy.closeAllConnections();
    site.server.closeAllConnections();
    await new Promise((r) => proxy.close(r));
    await new Promise((r) => site.server.close(r));
  }
}

test('a map file cut short (whole response, or the connection dropping mid-way) is named and retried', async () => {
  const first = await pageWithBrokenFile('**/data/soc-trang.ntm', cutShort(0.5));
  await expectPageRetry(first.page, first.fix, /soc-trang\.ntm|bản đồ.*(không đầy đủ|bị hỏng)/s);
  await first.page.close();

  // A server that sends the map's headers (the full Content-Length) and half of its bytes, then
  // drops the connection, until told otherwise; everything else from dist/ as usual.
  let cut = true;
  const asset = fs.readFileSync(path.join(DIST, 'data/soc-trang.ntm'));
  const dropHalfway = (req, res) => {
    if (!cut || !req.url.startsWith('/data/soc-trang.ntm')) return false;
    res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': asset.length });
    res.write(asset.subarray(0, asset.length >> 1), () => setTimeout(() => res.destroy(), 50));
    return true;
  };
  await throughProxy(dropHalfway, async (url) => {
    const page = await openPage({ browser: ctx.browser, url });
    await expectPageRetry(page, () => { cut = false; }, /Tệp data\/soc-trang\.ntm tải về không đầy đủ/);
    await page.close();
  });
});

// A proxy handler (throughProxy) that answers the map file with `bytes` an eighth at a time,
// every `everyMs`, with `headers` added; given `hold` (a promise), the last eighth waits for it,
// and `onHeld` is called when it starts waiting.
function trickleMap(bytes, { headers = {}, everyMs, hold, onHeld = () => {} }) {
  return (req, res) => {
    if (!req.url.startsWith('/data/soc-trang.ntm')) return false;
    res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': bytes.length, ...headers });
    const step = Math.ceil(bytes.length / 8);
    let at = 0;
    const more = () => {
      if (res.destroyed) return;
      const end = Math.min(bytes.length, at + step);
      if (end === bytes.length && hold) { onHeld(); hold.then(() => res.end(bytes.subarray(at))); return; }
      res.write(bytes.subarray(at, end));
      at = end;
      if (at < bytes.length) setTimeout(more, everyMs); else res.end();
    };
    more();
    return true;
  };
}

test('a slow connection: the loading bar fills as the bytes arrive, then the map shows', async () => {
  // The map file trickles in (an eighth every 150 ms); everything else from dist/, uncompressed
  // (the next test is the compressed case). The bar counts bytes only once a wait is long enough
  // to watch (ntm-map.js, kProgressAfterMs).
  const trickle = trickleMap(fs.readFileSync(path.join(DIST, 'data/soc-trang.ntm')), { everyMs: 150 });
  // Every width the bar takes while the loading box is shown.
  const init = () => {
    const widths = window.__barWidths = [];
    new MutationObserver(() => {
      const bar = document.querySelector('#bar > div');
      if (bar && !document.getElementById('loading').hidden) widths.push(parseFloat(bar.style.width) || 0);
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['style'] });
  };
  await throughProxy(trickle, async (url) => {
    const page = await openPage({ browser: ctx.browser, url }, { init });
    await waitReady(page);
    const widths = await page.evaluate(() => window.__barWidths);
    const between = [...new Set(widths.filter((w) => w > 0 && w < 100))];
    assert.ok(between.length >= 3, `the bar moved through ${between.length} widths between empty and full: ${widths}`);
    assert.deepEqual(widths, [...widths].sort((a, b) => a - b), `the bar never goes back: ${widths}`);
    assert.equal(await page.evaluate(() => window.ntmMap.state().communeCount), 109);
    assert.equal(await page.locator('#loading').isHidden(), true);
    assert.deepEqual(page.consoleErrors, []);
    await page.close();
  }, { identity: true });
});

test('a slow connection to a server that sends the .gz twins: the bar is not full before the map file is', async () => {
  // The map file's gzip twin (Content-Encoding: gzip, Content-Length its compressed size) comes
  // in up to the last eighth, which is held back until the bar has been read; every other file
  // as dist/ serves it, compressed too. Against the compressed lengths the bar counted the
  // decoded bytes and was full once half the map had arrived.
  const gz = fs.readFileSync(path.join(DIST, 'data/soc-trang.ntm.gz'));
  const raw = fs.readFileSync(path.join(DIST, 'data/soc-trang.ntm'));
  assert.ok(gz.length < raw.length * 0.8, `the twin is compressed: ${gz.length} of ${raw.length} bytes`);
  let release, heldBack;
  const released = new Promise((r) => { release = r; });
  const held = new Promise((r) => { heldBack = r; });
  const gzipped = trickleMap(gz, { headers: { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' }, everyMs: 100,
    hold: released, onHeld: heldBack });
  let acceptEncoding = null;  // what the page asked the map with: a server sends gzip only if asked
  const trickle = (req, res) => {
    if (req.url.startsWith('/data/soc-trang.ntm')) acceptEncoding = req.headers['accept-encoding'] || '';
    return gzipped(req, res);
  };
  await throughProxy(trickle, async (url) => {
    const page = await openPage({ browser: ctx.browser, url });
    await held;
    assert.match(acceptEncoding, /gzip/);
    // Past the bar's start (300 ms) and a few updates: the rest of the site is here, the map's
    // last eighth is not.
    await page.waitForFunction(() => performance.now() > 900 && parseFloat(document.querySelector('#bar > div').style.width) > 0);
    await new Promise((r) => setTimeout(r, 300));
    const width = await page.evaluate(() => parseFloat(document.querySelector('#bar > div').style.width) || 0);
    assert.equal(await page.locator('#loading').isVisible(), true, 'still loading');
    assert.ok(width > 0 && width < 100, `the bar is part full while the map file is incomplete: ${width} %`);
    release();
    await waitReady(page);
    assert.equal(await page.evaluate(() => window.ntmMap.state().communeCount), 109);
    assert.deepEqual(page.consoleErrors, []);
    await page.close();
  });
});

test('missing fonts: the page says so and "Thử lại" fetches them', async () => {
  const { page, fix } = await pageWithBrokenFile('**/fonts/NotoSans-vi-Bold.ttf', notFound);
  await expectPageRetry(page, fix, /Không tải được tệp fonts\/NotoSans-vi-Bold\.ttf.*404/s);
  await page.close();
});

// The error list's "Thử lại" button, clicked where the viewer drew it.
async function clickViewerRetry(page) {
  await page.waitForFunction(() => window.ntmMap.stats().retryButton !== null, null, { timeout: 15000 });
  const b = (await stats(page)).retryButton;
  const box = await page.locator('#canvas').boundingBox();
  await page.mouse.move(box.x + b.x + b.w / 2, box.y + b.y + b.h / 2);
  await page.mouse.click(box.x + b.x + b.w / 2, box.y + b.y + b.h / 2);
}

test('a missing plan, status and tour file: the map stays, the list names them, "Thử lại" loads them', async () => {
  let fixed = false;
  const asked = [];
  const page = await openPage(ctx, {
    route: {
      pattern: /\/(plan|tour)\/[^/]+\.json$/,
      handler: async (route) => {
        asked.push(new URL(route.request().url()).pathname);
        if (fixed) await route.continue(); else await notFound(route);
      },
    },
  });
  await waitReady(page);
  // The tour is fetched only when presentation mode is asked for: then it fails too, and the
  // presentation does not start.
  assert.deepEqual(asked.sort(), ['/plan/soc-trang-2024.json', '/plan/status-2024.json']);
  await page.evaluate(() => window.ntmMap.tour(0));
  let s = await state(page);
  assert.equal(s.presenting, false);
  assert.equal(s.tourStep, null);
  for (const f of ['plan/soc-trang-2024.json', 'plan/status-2024.json', 'tour/tour-2024.json'])
    assert.ok(s.errors.some((e) => e.includes(`Không tải được tệp ${f}`) && e.includes('404')), `${f}: ${JSON.stringify(s.errors)}`);
  assert.deepEqual((await stats(page)).failedFiles.sort(), ['soc-trang-2024.json', 'status-2024.json', 'tour-2024.json']);
  assert.ok((await canvasStats(page)).distinct > 500, 'the boundaries are drawn');
  assert.equal(s.tourSteps, 0);
  await screenshot(page, 'retry-plan-files.png');

  fixed = true;
  await clickViewerRetry(page);
  await page.waitForFunction(() => window.ntmMap.stats().failedFiles.length === 0, null, { timeout: 20000 });
  await page.evaluate(() => window.ntmMap.whenIdle());
  s = await state(page);
  assert.deepEqual(s.errors, []);
  assert.ok(s.tourSteps > 5, 'the tour loaded');
  assert.equal((await stats(page)).retryButton, null, 'no button once nothing has failed');
  const legend = await page.evaluate(() => window.ntmMap.legend());
  assert.ok(legend.rows.find((r) => r.class === 'ntm').count > 0, JSON.stringify(legend));
  assert.equal(asked.length, 6, `each file fetched twice: ${asked.join(', ')}`);
  await page.close();
});

test('a plan file cut short: its message, and "Thử lại" (ntmMap.retry) replaces it once the file is whole', async () => {
  const { page, fix } = await pageWithBrokenFile('**/plan/soc-trang-2024.json', cutShort(0.6));
  await waitReady(page);
  let s = await state(page);
  const message = s.errors.find((e) => e.includes('soc-trang-2024.json'));
  assert.ok(message, JSON.stringify(s.errors));
  assert.match(message, /JSON|kết thúc|giữa chừng/);
  assert.deepEqual((await stats(page)).failedFiles, ['soc-trang-2024.json']);
  fix();
  await page.evaluate(() => window.ntmMap.retry());
  await page.evaluate(() => window.ntmMap.whenIdle());
  s = await state(page);
  assert.deepEqual(s.errors, []);
  assert.deepEqual((await stats(page)).failedFiles, []);
  assert.ok((await page.evaluate(() => window.ntmMap.legend())).rows.find((r) => r.class === 'ntm').count > 0);
  await page.close();
});
