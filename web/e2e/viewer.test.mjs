// End-to-end tests of the map viewer in a real headless Chromium: loading, drawing, picking
// with real mouse clicks on every commune, hover, selection, zoom and failure messages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, stop, openPage, waitReady, canvasStats, screenshot, canvasPixels } from './harness.mjs';

let ctx;
before(async () => { ctx = await start(); });
after(async () => { await stop(ctx); });

test('the page loads, ready resolves and the whole province is drawn', async () => {
  const page = await openPage(ctx);
  await waitReady(page);
  const s = await page.evaluate(() => window.ntmMap.state());
  assert.equal(s.communeCount, 109);
  assert.equal(s.districtCount, 11);
  assert.equal(s.selected, null);
  assert.deepEqual(s.errors, []);
  // The view is centred on Sóc Trăng (about 105.6°E–106.3°E, 9.2°N–9.9°N).
  assert.ok(s.view.lon > 105.6 && s.view.lon < 106.3, `lon ${s.view.lon}`);
  assert.ok(s.view.lat > 9.2 && s.view.lat < 9.9, `lat ${s.view.lat}`);
  const stats = await canvasStats(page);
  assert.ok(stats.distinct > 20, `canvas has only ${stats.distinct} colours: blank?`);
  assert.ok(stats.topShare < 0.8, `one colour covers ${Math.round(stats.topShare * 100)} % of the canvas`);
  assert.equal(await page.locator('#loading').isHidden(), true);
  await screenshot(page, 'default-1280x800.png');
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});

test('clicking a real pixel inside every commune selects exactly that commune', async () => {
  const page = await openPage(ctx);
  await waitReady(page);
  const units = await page.evaluate(() => window.ntmMap.units());
  assert.equal(units.length, 109);
  const box = await page.locator('#canvas').boundingBox();
  const failures = [];
  let lastDistrict = null;
  for (const u of units) {
    // pick() at the unit's interior point agrees with the data.
    const picked = await page.evaluate(([lon, lat]) => window.ntmMap.pick(lon, lat), [u.lon, u.lat]);
    assert.deepEqual(picked, { district: u.district, commune: u.commune });
    if (u.district !== lastDistrict) {
      // Zoom to the district so that small urban wards are several pixels wide.
      assert.equal(await page.evaluate((d) => window.ntmMap.select(d), u.district), true);
      await page.evaluate(() => window.ntmMap.whenIdle());
      lastDistrict = u.district;
    }
    const p = await page.evaluate(([lon, lat]) => window.ntmMap.project(lon, lat), [u.lon, u.lat]);
    await page.mouse.click(box.x + p.x, box.y + p.y);
    const s = await page.evaluate(() => window.ntmMap.state());
    if (!s.selected || s.selected.commune !== u.commune || s.selected.district !== u.district)
      failures.push(`${u.commune} (${u.district}) → ${JSON.stringify(s.selected)}`);
  }
  assert.deepEqual(failures, []);
  await page.close();
});

test('hovering highlights a commune; Esc and a click on empty space clear the selection', async () => {
  const page = await openPage(ctx);
  await waitReady(page);
  const box = await page.locator('#canvas').boundingBox();
  const target = (await page.evaluate(() => window.ntmMap.units())).find((u) => u.commune === 'Xã Thạnh Thới An');
  assert.ok(target, 'Xã Thạnh Thới An is in the data');
  const p = await page.evaluate(([lon, lat]) => window.ntmMap.project(lon, lat), [target.lon, target.lat]);
  await page.mouse.move(box.x + p.x, box.y + p.y);
  await page.waitForFunction(() => window.ntmMap.state().hovered !== null);
  assert.deepEqual((await page.evaluate(() => window.ntmMap.state())).hovered,
    { district: 'Huyện Trần Đề', commune: 'Xã Thạnh Thới An' });
  await screenshot(page, 'hover-thanh-thoi-an.png');
  await page.mouse.click(box.x + p.x, box.y + p.y);
  assert.deepEqual((await page.evaluate(() => window.ntmMap.state())).selected,
    { district: 'Huyện Trần Đề', commune: 'Xã Thạnh Thới An' });
  await page.evaluate(() => window.ntmMap.whenIdle());
  await screenshot(page, 'selected-thanh-thoi-an.png');
  await page.keyboard.press('Escape');
  assert.equal((await page.evaluate(() => window.ntmMap.state())).selected, null);

  // Select again, then click the map's top-left corner: outside the province.
  await page.mouse.click(box.x + p.x, box.y + p.y);
  assert.notEqual((await page.evaluate(() => window.ntmMap.state())).selected, null);
  const corner = await page.evaluate(() => window.ntmMap.unproject(20, 20));
  assert.equal(await page.evaluate(([lon, lat]) => window.ntmMap.pick(lon, lat), [corner.lon, corner.lat]), null);
  await page.mouse.click(box.x + 20, box.y + 20);
  assert.equal((await page.evaluate(() => window.ntmMap.state())).selected, null);
  await page.close();
});

test('select() and pick() agree, and selecting a district zooms to it', async () => {
  const page = await openPage(ctx);
  await waitReady(page);
  const home = (await page.evaluate(() => window.ntmMap.state())).view;
  assert.equal(await page.evaluate(() => window.ntmMap.select('Thành phố Sóc Trăng')), true);
  await page.evaluate(() => window.ntmMap.whenIdle());
  const s = await page.evaluate(() => window.ntmMap.state());
  assert.deepEqual(s.selected, { district: 'Thành phố Sóc Trăng', commune: null });
  assert.ok(s.view.zoom > home.zoom + 1.5, `zoom ${s.view.zoom} vs home ${home.zoom}`);
  // The view's centre lies in the city.
  const c = await page.evaluate(([lon, lat]) => window.ntmMap.pick(lon, lat), [s.view.lon, s.view.lat]);
  assert.equal(c?.district, 'Thành phố Sóc Trăng');
  await screenshot(page, 'district-thanh-pho.png');

  assert.equal(await page.evaluate(() => window.ntmMap.select('Thị xã Vĩnh Châu', 'Phường 1')), true);
  const sel = (await page.evaluate(() => window.ntmMap.state())).selected;
  assert.deepEqual(sel, { district: 'Thị xã Vĩnh Châu', commune: 'Phường 1' });
  // The commune is in view, near the centre.
  const ward = (await page.evaluate(() => window.ntmMap.units()))
    .find((u) => u.district === 'Thị xã Vĩnh Châu' && u.commune === 'Phường 1');
  const wp = await page.evaluate(([lon, lat]) => window.ntmMap.project(lon, lat), [ward.lon, ward.lat]);
  assert.ok(wp.x > 200 && wp.x < 700 && wp.y > 200 && wp.y < 600, JSON.stringify(wp));
  // Unknown names are refused and change nothing.
  assert.equal(await page.evaluate(() => window.ntmMap.select('Huyện Mỹ Xuyên', 'Xã Không Có')), false);
  assert.deepEqual((await page.evaluate(() => window.ntmMap.state())).selected, sel);
  await page.evaluate(() => window.ntmMap.select(null));
  assert.equal((await page.evaluate(() => window.ntmMap.state())).selected, null);
  // project and unproject are inverse.
  const q = await page.evaluate(() => window.ntmMap.unproject(...Object.values(window.ntmMap.project(105.97, 9.6))));
  assert.ok(Math.abs(q.lon - 105.97) < 1e-6 && Math.abs(q.lat - 9.6) < 1e-6);
  await page.close();
});

test('wheel zooms around the cursor within limits, drag pans, double-click zooms in', async () => {
  const page = await openPage(ctx);
  await waitReady(page);
  const box = await page.locator('#canvas').boundingBox();
  const home = (await page.evaluate(() => window.ntmMap.state())).view;
  const cursor = { x: 300, y: 350 };
  const under = await page.evaluate(([x, y]) => window.ntmMap.unproject(x, y), [cursor.x, cursor.y]);
  await page.mouse.move(box.x + cursor.x, box.y + cursor.y);
  await page.mouse.wheel(0, -300);
  await page.waitForFunction((z) => window.ntmMap.state().view.zoom > z + 1, home.zoom);
  const after = await page.evaluate(([lon, lat]) => window.ntmMap.project(lon, lat), [under.lon, under.lat]);
  assert.ok(Math.abs(after.x - cursor.x) < 1 && Math.abs(after.y - cursor.y) < 1, 'the point under the cursor stays');
  for (let i = 0; i < 20; ++i) await page.mouse.wheel(0, 2000);
  await page.waitForFunction(() => window.ntmMap.whenIdle());
  const out = (await page.evaluate(() => window.ntmMap.state())).view.zoom;
  assert.ok(out >= home.zoom - 2.01 && out < home.zoom, `zoomed out to ${out}, home ${home.zoom}`);

  await page.evaluate(() => window.ntmMap.setView(105.97, 9.6, 10));
  const before = await page.evaluate(() => window.ntmMap.project(105.97, 9.6));
  await page.mouse.move(box.x + 400, box.y + 400);
  await page.mouse.down();
  await page.mouse.move(box.x + 460, box.y + 380, { steps: 5 });
  await page.mouse.up();
  const moved = await page.evaluate(() => window.ntmMap.project(105.97, 9.6));
  assert.ok(Math.abs(moved.x - before.x - 60) < 1 && Math.abs(moved.y - before.y + 20) < 1, JSON.stringify([before, moved]));
  assert.equal((await page.evaluate(() => window.ntmMap.state())).selected, null, 'a drag is not a click');

  await page.mouse.dblclick(box.x + 400, box.y + 400);
  await page.evaluate(() => window.ntmMap.whenIdle());
  const z = (await page.evaluate(() => window.ntmMap.state())).view.zoom;
  assert.ok(Math.abs(z - 11) < 0.01, `double-click zoom ${z}`);
  await page.close();
});

test('a damaged map file shows a Vietnamese message instead of a blank page', async () => {
  const page = await openPage(ctx, {
    route: {
      pattern: '**/data/soc-trang.ntm',
      handler: async (route) => {
        const res = await route.fetch();
        const body = Buffer.from(await res.body());
        body[body.length >> 1] ^= 0xff;  // one flipped byte in the middle
        await route.fulfill({ response: res, body });
      },
    },
  });
  await page.locator('#error').waitFor({ state: 'visible', timeout: 30000 });
  const text = await page.locator('#error').innerText();
  assert.match(text, /bị hỏng/);
  assert.equal(await page.evaluate(() => window.ntmMap.ready.then(() => 'ok', () => 'rejected')), 'rejected');
  const s = await page.evaluate(() => window.ntmMap.state());
  assert.ok(s.errors.some((e) => /bị hỏng/.test(e)));
  await screenshot(page, 'error-damaged.png');
  await page.close();
});

test('a missing map file and a browser without WebGL2 get clear messages', async () => {
  const missing = await openPage(ctx, { query: 'data=khong-co' });
  await missing.locator('#error').waitFor({ state: 'visible', timeout: 30000 });
  assert.match(await missing.locator('#error').innerText(), /Không tải được tệp data\/khong-co\.ntm.*404/s);
  await missing.close();

  const noGl = await openPage(ctx, {
    init: () => {
      const get = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (type, attrs) {
        return type === 'webgl2' ? null : get.call(this, type, attrs);
      };
    },
  });
  await noGl.locator('#error').waitFor({ state: 'visible', timeout: 30000 });
  assert.match(await noGl.locator('#error').innerText(), /không hỗ trợ WebGL2/);
  await noGl.close();

  // A browser that has no WebGL2 API at all is told at once; viewer.js, still in the page, starts
  // nothing (no uncaught error, no data file fetched).
  const dataRequests = [];
  const noApi = await openPage(ctx, {
    init: () => { delete window.WebGL2RenderingContext; },
    setup: (page) => page.on('request', (r) => { if (/\/(data|plan|fonts)\//.test(r.url())) dataRequests.push(r.url()); }),
  });
  await noApi.locator('#error').waitFor({ state: 'visible', timeout: 30000 });
  assert.match(await noApi.locator('#error').innerText(), /không hỗ trợ WebGL2/);
  assert.equal(await noApi.evaluate(() => window.ntmMap.ready.then(() => 'ok', () => 'rejected')), 'rejected');
  await noApi.waitForTimeout(300);
  assert.deepEqual(noApi.consoleErrors, []);
  assert.deepEqual(dataRequests, []);
  await noApi.close();
});

test('on a high-DPI screen the canvas has device pixels and clicks still hit the right commune', async () => {
  const page = await ctx.browser.newPage({ viewport: { width: 1000, height: 700 }, deviceScaleFactor: 2 });
  await page.goto(ctx.url);
  await waitReady(page);
  const size = await page.evaluate(() => {
    const c = document.getElementById('canvas');
    return { w: c.width, h: c.height, cw: c.clientWidth, ch: c.clientHeight };
  });
  assert.equal(size.w, size.cw * 2);
  assert.equal(size.h, size.ch * 2);
  const u = (await page.evaluate(() => window.ntmMap.units())).find((x) => x.commune === 'Xã Thạnh Thới An');
  const p = await page.evaluate(([lon, lat]) => window.ntmMap.project(lon, lat), [u.lon, u.lat]);
  await page.mouse.click(p.x, p.y);
  assert.deepEqual((await page.evaluate(() => window.ntmMap.state())).selected,
    { district: 'Huyện Trần Đề', commune: 'Xã Thạnh Thới An' });
  await screenshot(page, 'hidpi-1000x700@2x.png');
  await page.close();
});

test('touch: one finger pans, two fingers pinch-zoom, a tap selects', async () => {
  const context = await ctx.browser.newContext({ viewport: { width: 900, height: 700 }, hasTouch: true, isMobile: false });
  const page = await context.newPage();
  await page.goto(ctx.url);
  await waitReady(page);
  const cdp = await context.newCDPSession(page);
  const touch = (type, points) => cdp.send('Input.dispatchTouchEvent', {
    type, touchPoints: points.map(([x, y], id) => ({ x, y, id, radiusX: 1, radiusY: 1, force: 1 })),
  });
  await page.evaluate(() => window.ntmMap.setView(105.97, 9.6, 10));
  const before = await page.evaluate(() => window.ntmMap.project(105.97, 9.6));
  await touch('touchStart', [[300, 300]]);
  for (let i = 1; i <= 5; ++i) await touch('touchMove', [[300 + 10 * i, 300 + 8 * i]]);
  await touch('touchEnd', []);
  const after = await page.evaluate(() => window.ntmMap.project(105.97, 9.6));
  assert.ok(Math.abs(after.x - before.x - 50) < 1.5 && Math.abs(after.y - before.y - 40) < 1.5, JSON.stringify([before, after]));

  const z0 = (await page.evaluate(() => window.ntmMap.state())).view.zoom;
  await touch('touchStart', [[300, 350], [400, 350]]);
  for (let i = 1; i <= 5; ++i) await touch('touchMove', [[300 - 10 * i, 350], [400 + 10 * i, 350]]);
  await touch('touchEnd', []);
  const z1 = (await page.evaluate(() => window.ntmMap.state())).view.zoom;
  // Finger distance 100 → 200 px: one zoom level.
  assert.ok(Math.abs(z1 - z0 - 1) < 0.05, `pinch zoom ${z0} → ${z1}`);

  await page.evaluate(() => window.ntmMap.select('Huyện Trần Đề'));
  await page.evaluate(() => window.ntmMap.whenIdle());
  const u = (await page.evaluate(() => window.ntmMap.units())).find((x) => x.commune === 'Xã Tài Văn');
  const p = await page.evaluate(([lon, lat]) => window.ntmMap.project(lon, lat), [u.lon, u.lat]);
  await page.touchscreen.tap(p.x, p.y);
  await page.waitForFunction(() => window.ntmMap.state().selected?.commune === 'Xã Tài Văn');
  await context.close();
});

test('a panel kept on the canvas between frames: after the map moved under it, the canvas is pixel for pixel a fresh draw of the same view', async () => {
  const page = await openPage(ctx);
  await waitReady(page);
  const before = await page.evaluate(() => window.ntmMap.stats());
  // A pan with labels sliding under the panel's edge, then a stop.
  const view = await page.evaluate(async () => {
    const v = window.ntmMap.state().view;
    for (let i = 1; i <= 12; ++i) {
      window.ntmMap.setView(v.lon + 0.006 * i, v.lat - 0.002 * i, v.zoom + 0.02 * i);
      await new Promise((r) => requestAnimationFrame(r));
    }
    await window.ntmMap.whenIdle();
    return window.ntmMap.state().view;
  });
  const after = await page.evaluate(() => window.ntmMap.stats());
  assert.ok(after.panelInteriorsKept >= before.panelInteriorsKept + 6,
    `frames that left the panel's interior on the canvas: ${before.panelInteriorsKept} → ${after.panelInteriorsKept}`);
  const kept = await canvasPixels(page);
  // Another canvas size and back: the first frame at each size draws everything, the panel included.
  await page.setViewportSize({ width: 1200, height: 800 });
  await page.evaluate(() => window.ntmMap.whenIdle());
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.evaluate((v) => { window.ntmMap.setView(v.lon, v.lat, v.zoom); return window.ntmMap.whenIdle(); }, view);
  const fresh = await canvasPixels(page);
  assert.equal(kept.length, fresh.length);
  let differing = 0;
  for (let i = 0; i < kept.length; ++i) if (kept[i] !== fresh[i]) ++differing;
  assert.equal(differing, 0, 'colour values differing between the kept and the fresh canvas');
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});

test('while the map moves, the side panel is copied from its cache, unchanged, and the map moves beside it', async () => {
  const page = await openPage(ctx);
  await waitReady(page);
  // Canvas pixels of a rectangle [x0, y0, x1, y1] (device pixels, top left origin).
  const pixels = (r) => page.evaluate((r) => {
    const c = document.getElementById('canvas');
    const copy = document.createElement('canvas');
    copy.width = c.width; copy.height = c.height;
    const g = copy.getContext('2d');
    g.drawImage(c, 0, 0);
    return Array.from(g.getImageData(r[0], r[1], r[2] - r[0], r[3] - r[1]).data);
  }, r);
  const before = await page.evaluate(() => window.ntmMap.stats());
  const inner = before.panelInterior;
  assert.ok(inner[2] - inner[0] > 200 && inner[3] - inner[1] > 400, `the panel's interior ${inner}`);
  const map = [20, 20, inner[0] - 40, 780];
  const panel0 = await pixels(inner), map0 = await pixels(map);
  await page.evaluate(async () => {
    const v = window.ntmMap.state().view;
    for (let i = 1; i <= 8; ++i) {
      window.ntmMap.setView(v.lon + 0.004 * i, v.lat, v.zoom);
      await new Promise((r) => requestAnimationFrame(r));
    }
    await window.ntmMap.whenIdle();
  });
  const after = await page.evaluate(() => window.ntmMap.stats());
  assert.ok(after.panelFramesFromCache >= before.panelFramesFromCache + 4,
    `frames with the panel from the cache: ${before.panelFramesFromCache} → ${after.panelFramesFromCache}`);
  const panel1 = await pixels(inner), map1 = await pixels(map);
  const differing = (a, b) => { let n = 0; for (let i = 0; i < a.length; i += 4) if (a[i] !== b[i] || a[i + 1] !== b[i + 1] || a[i + 2] !== b[i + 2]) ++n; return n; };
  assert.equal(differing(panel0, panel1), 0, 'the panel is pixel for pixel the same after the map moved under it');
  assert.ok(differing(map0, map1) > map0.length / 4 / 20, 'the map beside the panel moved');
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});

test('while the map moves, its labels are drawn from sprites that look as the labels at rest, and the view at rest draws them as text', async () => {
  // ui/label_sprites.hpp. At a pixel ratio of 1 and of 2 a sprite sits on the very pixels its
  // text would; the sheet holds premultiplied colour, so blending may round a level or two.
  for (const scale of [1, 2]) {
    const page = await openPage(ctx, { scale });
    await waitReady(page);
    const r = await page.evaluate(async () => {
      const api = window.ntmMap, c = document.getElementById('canvas');
      const grab = () => {
        const k = document.createElement('canvas');
        k.width = c.width; k.height = c.height;
        const g = k.getContext('2d');
        g.drawImage(c, 0, 0);
        return g.getImageData(0, 0, k.width, k.height).data;
      };
      const v = api.state().view;
      // Two moving frames (the first asks for the sheet); the canvas is read in the animation
      // frame right after the viewer drew the second.
      for (const dz of [0.05, 0.1])
        await new Promise((done) => requestAnimationFrame(() => { api.setView(v.lon + dz / 10, v.lat, v.zoom + dz); requestAnimationFrame(done); }));
      const moving = { sprites: api.stats().labelSprites, pixels: grab() };
      await api.whenIdle();
      const rest = { sprites: api.stats().labelSprites, pixels: grab() };
      let worst = 0, differing = 0;
      for (let i = 0; i < moving.pixels.length; i += 4) {
        let d = 0;
        for (let k = 0; k < 3; ++k) d = Math.max(d, Math.abs(moving.pixels[i + k] - rest.pixels[i + k]));
        worst = Math.max(worst, d);
        if (d) ++differing;
      }
      return { moving: moving.sprites, rest: rest.sprites, worst, differing };
    });
    assert.ok(r.moving >= 50, `labels drawn from sprites in the moving frame: ${r.moving}`);
    assert.equal(r.rest, 0, 'labels drawn from sprites once the view is at rest');
    assert.ok(r.differing > 0, 'the moving frame was drawn another way (sprites) than the frame at rest');
    assert.ok(r.worst <= 3, `largest difference of a colour level between the moving and the resting frame at ${scale}×: ${r.worst}`);
    assert.deepEqual(page.consoleErrors, []);
    await page.close();
  }
});

test('a frame that would repeat the last one drawn is not drawn again, and the canvas still follows the pointer', async () => {
  const page = await openPage(ctx);
  await waitReady(page);
  const box = await page.locator('#canvas').boundingBox();
  const stats = () => page.evaluate(() => window.ntmMap.stats());
  const s0 = await stats();
  const inner = s0.panelInterior;
  // A digest of the map's pixels beside the panel (the panel's antialiased rim may come from
  // its cache once it has stayed the same, a few pixels blended differently).
  const digest = () => page.evaluate((width) => {
    const c = document.getElementById('canvas');
    const copy = document.createElement('canvas');
    copy.width = c.width; copy.height = c.height;
    const g = copy.getContext('2d');
    g.drawImage(c, 0, 0);
    const d = g.getImageData(0, 0, width, copy.height).data;
    let h = 0;
    for (let i = 0; i < d.length; i += 4) h = (Math.imul(h, 31) + (d[i] << 16 | d[i + 1] << 8 | d[i + 2])) | 0;
    return h;
  }, inner[0] - 16);
  const quiet = await digest();
  // The panel's title: input wakes the viewer, which builds its settling frames, but nothing
  // there reacts to the pointer, so none of them is drawn.
  const title = { x: box.x + (inner[0] + inner[2]) / 2, y: box.y + inner[1] + 14 };
  await page.mouse.move(title.x, title.y);
  await page.evaluate(() => window.ntmMap.whenIdle());
  const s1 = await stats();
  assert.ok(s1.framesRepeated > s0.framesRepeated, `frames built again: ${s0.framesRepeated} → ${s1.framesRepeated}`);
  assert.equal(s1.framesDrawn, s0.framesDrawn, 'no frame drawn for a pointer over nothing');
  assert.equal(await digest(), quiet);

  // Over a commune: the hover outline and tooltip are drawn, once, not once per settling frame.
  const target = (await page.evaluate(() => window.ntmMap.units())).find((u) => u.commune === 'Xã Thạnh Thới An');
  const p = await page.evaluate(([lon, lat]) => window.ntmMap.project(lon, lat), [target.lon, target.lat]);
  await page.mouse.move(box.x + p.x, box.y + p.y);
  await page.evaluate(() => window.ntmMap.whenIdle());
  const s2 = await stats();
  assert.equal((await page.evaluate(() => window.ntmMap.state())).hovered.commune, 'Xã Thạnh Thới An');
  assert.ok(s2.framesDrawn > s1.framesDrawn, 'the hover is drawn');
  assert.ok(s2.framesRepeated > s1.framesRepeated, 'its settling frames are not');
  assert.notEqual(await digest(), quiet, 'the canvas shows the hover');

  // Back over the panel: the hover is gone from the canvas, pixel for pixel as before.
  await page.mouse.move(title.x, title.y);
  await page.evaluate(() => window.ntmMap.whenIdle());
  assert.equal((await page.evaluate(() => window.ntmMap.state())).hovered, null);
  assert.equal(await digest(), quiet, 'the map is the quiet map again, pixel for pixel');
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});
