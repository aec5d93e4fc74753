// The map drawn from raster tiles while a heavy view moves (src/render/tile_cache.hpp): the tiles
// show the same map as the geometry, without seams, gaps or shifts; a moving national view is
// drawn from them; and once the camera stops, the view is drawn sharp again, pixel for pixel
// what the geometry gives.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, stop, openPage, waitReady, screenshot, canvasPixels as mapPixels } from './harness.mjs';

let ctx;
before(async () => { ctx = await start(); });
after(async () => { await stop(ctx); });

// Per 32×32 block of pixels, the share that differ by more than `tolerance` in some channel;
// the worst block and the whole picture's share.
function compare(a, b, width, tolerance) {
  const height = a.length / 3 / width;
  const blocks = new Map();
  let differing = 0;
  for (let y = 0; y < height; ++y)
    for (let x = 0; x < width; ++x) {
      const i = 3 * (y * width + x);
      const off = Math.abs(a[i] - b[i]) > tolerance || Math.abs(a[i + 1] - b[i + 1]) > tolerance ||
        Math.abs(a[i + 2] - b[i + 2]) > tolerance;
      const k = `${x >> 5},${y >> 5}`;
      const e = blocks.get(k) || { n: 0, off: 0 };
      e.n += 1; e.off += off ? 1 : 0;
      blocks.set(k, e);
      differing += off ? 1 : 0;
    }
  let worst = 0;
  for (const e of blocks.values()) if (e.n >= 256) worst = Math.max(worst, e.off / e.n);
  return { share: differing / (width * height), worst };
}

test('drawn from tiles, Sóc Trăng is the map its geometry draws: no gap, seam or shift', async () => {
  const page = await openPage(ctx);
  await waitReady(page);
  // Sóc Trăng is light enough to be drawn from its geometry while it moves (sharp lines all the way).
  const home = (await page.evaluate(() => window.ntmMap.state())).view;
  const m0 = await page.evaluate(() => window.ntmMap.stats());
  await page.evaluate((v) => new Promise((resolve) => {
    let k = 0;
    const step = () => {
      window.ntmMap.setView(v.lon + 0.002 * (++k % 2), v.lat, v.zoom + 0.02 * k);
      if (k < 20) requestAnimationFrame(step); else resolve();
    };
    requestAnimationFrame(step);
  }), home);
  await page.evaluate((v) => { window.ntmMap.setView(v.lon, v.lat, v.zoom); return window.ntmMap.whenIdle(); }, home);
  const m1 = await page.evaluate(() => window.ntmMap.stats());
  assert.ok(m1.framesDrawn - m0.framesDrawn >= 10, `frames drawn while moving: ${m1.framesDrawn - m0.framesDrawn}`);
  assert.equal(m1.framesTiled, m0.framesTiled, 'a moving Sóc Trăng is drawn from its geometry');

  const s0 = await page.evaluate(() => window.ntmMap.stats());
  const width = s0.panelInterior[0] - 16;
  const sharp = await mapPixels(page, width);

  await page.evaluate(() => { window.ntmMap.setTileMode('always'); return window.ntmMap.whenIdle(); });
  const s1 = await page.evaluate(() => window.ntmMap.stats());
  assert.ok(s1.framesTiled > s0.framesTiled, 'a frame was drawn from tiles');
  assert.ok(s1.tilesDrawn >= 6, `tiles drawn: ${s1.tilesDrawn}`);
  await screenshot(page, 'tiles-soc-trang.png');
  const tiled = await mapPixels(page, width);
  // The tiles are drawn a whole zoom level away from the view's (10.5 → 11) and scaled, so
  // lines come out thinner and edges resampled; a missing, shifted or misplaced tile changes
  // whole blocks of fills.
  const c = compare(sharp, tiled, width, 48);
  assert.ok(c.share < 0.02, `${(c.share * 100).toFixed(2)} % of the map's pixels differ`);
  assert.ok(c.worst < 0.3, `a 32-pixel block differs in ${(c.worst * 100).toFixed(0)} % of its pixels`);

  // Back to the default: the next frame is drawn from the geometry, as before.
  await page.evaluate(() => { window.ntmMap.setTileMode('auto'); return window.ntmMap.whenIdle(); });
  const again = await mapPixels(page, width);
  assert.equal(compare(sharp, again, width, 0).share, 0, 'the sharp map again, pixel for pixel');
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});

test('a moving national view is drawn from tiles, and sharp from its geometry once it stops', { timeout: 300_000 }, async () => {
  const page = await openPage(ctx, { query: 'data=vietnam' });
  await waitReady(page);
  await page.evaluate(() => window.ntmMap.whenIdle());
  const end = { lon: 105.85, lat: 21.03, zoom: 8.4 };  // Hà Nội and the Red River delta
  const s0 = await page.evaluate(() => window.ntmMap.stats());
  const width = s0.panelInterior[0] - 16;
  // The reference: the end view drawn from the geometry only.
  await page.evaluate((v) => { window.ntmMap.setTileMode('never'); window.ntmMap.setView(v.lon, v.lat, v.zoom); return window.ntmMap.whenIdle(); }, end);
  const reference = await mapPixels(page, width);
  await page.evaluate(() => { window.ntmMap.setTileMode('auto'); window.ntmMap.setView(106.2, 20.6, 7.6); return window.ntmMap.whenIdle(); });
  const s1 = await page.evaluate(() => window.ntmMap.stats());

  // One setView per animation frame for 40 frames, gliding to the end view, as a drag or a
  // flight does.
  await page.evaluate((v) => new Promise((resolve) => {
    let k = 0;
    const step = () => {
      const u = ++k / 40;
      window.ntmMap.setView(106.2 + (v.lon - 106.2) * u, 20.6 + (v.lat - 20.6) * u, 7.6 + (v.zoom - 7.6) * u);
      if (k < 40) requestAnimationFrame(step); else resolve();
    };
    requestAnimationFrame(step);
  }), end);
  const s2 = await page.evaluate(() => window.ntmMap.stats());
  assert.ok(s2.framesTiled - s1.framesTiled >= 10, `frames drawn from tiles while moving: ${s2.framesTiled - s1.framesTiled}`);
  assert.ok(s2.tilesDrawn > s1.tilesDrawn, 'tiles were drawn as the view moved');

  await page.evaluate(() => window.ntmMap.whenIdle());
  const s3 = await page.evaluate(() => window.ntmMap.stats());
  // The last setView's own frame may still come from tiles; the frame after it is sharp.
  assert.ok(s3.framesTiled - s2.framesTiled <= 1, `frames from tiles after the motion: ${s3.framesTiled - s2.framesTiled}`);
  const view = (await page.evaluate(() => window.ntmMap.state())).view;
  assert.ok(Math.abs(view.zoom - end.zoom) < 1e-9, `zoom ${view.zoom}`);
  await screenshot(page, 'tiles-national-stopped.png');
  assert.equal(compare(reference, await mapPixels(page, width), width, 0).share, 0,
    'once stopped, the view is pixel for pixel the one drawn from geometry');
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});

test('a motion\'s first frame from tiles shows the last sharp screen where its tiles are not drawn yet, and no panel', { timeout: 300_000 }, async () => {
  const page = await openPage(ctx, { query: 'data=vietnam' });
  await waitReady(page);
  await page.evaluate(() => window.ntmMap.whenIdle());
  const s0 = await page.evaluate(() => window.ntmMap.stats());
  const width = s0.panelInterior[0] - 16;
  const home = (await page.evaluate(() => window.ntmMap.state())).view;
  assert.equal(s0.framesTiled, 0, 'nothing drawn from tiles yet');
  // A motion's first frame: the whole country (heavy), drawn sharp from its geometry.
  await page.evaluate((v) => { window.ntmMap.setView(v.lon + 0.01, v.lat, v.zoom); return window.ntmMap.whenIdle(); }, home);
  const s1 = await page.evaluate(() => window.ntmMap.stats());
  assert.equal(s1.framesTiled, 0, 'the first frame of a motion is drawn from the geometry');
  // Its next frame from tiles, none of which is drawn yet: the map moved 120 CSS pixels to the
  // left, so that a band of it that was under the side panel comes out.
  const degPerPx = 360 / (256 * 2 ** home.zoom);
  const next = { lon: home.lon + 0.01 + 120 * degPerPx, lat: home.lat, zoom: home.zoom };
  await page.evaluate((v) => { window.ntmMap.setTileMode('always'); window.ntmMap.setView(v.lon, v.lat, v.zoom); return window.ntmMap.whenIdle(); }, next);
  const s2 = await page.evaluate(() => window.ntmMap.stats());
  assert.equal(s2.framesTiled, 1, 'one frame from tiles');
  // The view needs 22 tiles (880 × 800 pixels beside the panel, tiles ~270 pixels wide on screen
  // at this zoom); drawing all of them at once was the national flight's longest frame. Drawn now:
  // those the copy cannot stand in for (the band that was under the panel, the new pixels
  // coming in at the right above and below it) and a frame's budget of others, 11 of them.
  assert.ok(s2.tilesDrawn >= 1 && s2.tilesDrawn <= 14, `tiles drawn in the frame: ${s2.tilesDrawn}`);
  await screenshot(page, 'tiles-national-from-screen.png');
  const tiled = await mapPixels(page, width);

  // The same view drawn from the geometry.
  await page.evaluate((v) => { window.ntmMap.setTileMode('never'); window.ntmMap.setView(v.lon, v.lat + 0.01, v.zoom); return window.ntmMap.whenIdle(); }, next);
  await page.evaluate((v) => { window.ntmMap.setView(v.lon, v.lat, v.zoom); return window.ntmMap.whenIdle(); }, next);
  // The same map (the copy moved by whole pixels; tiles resampled), with no block of the panel
  // where the map was under it.
  const c = compare(await mapPixels(page, width), tiled, width, 48);
  assert.ok(c.share < 0.02, `${(c.share * 100).toFixed(2)} % of the map's pixels differ`);
  assert.ok(c.worst < 0.3, `a 32-pixel block differs in ${(c.worst * 100).toFixed(0)} % of its pixels`);
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});
