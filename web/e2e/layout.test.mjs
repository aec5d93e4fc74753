// Responsive layout and keyboard: a 1366×768 laptop, a 1920×1080 projector and a phone in
// portrait (panel as a drawer); the help overlay and keyboard navigation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, stop, openPage, waitReady, screenshot } from './harness.mjs';

let ctx;
before(async () => { ctx = await start(); });
after(async () => { await stop(ctx); });

for (const [w, h, name] of [[1366, 768, 'laptop'], [1920, 1080, 'projector'], [390, 844, 'phone']]) {
  test(`${name} ${w}×${h}: the whole province fits the free part of the screen`, async () => {
    const page = await openPage(ctx, { width: w, height: h });
    await waitReady(page);
    // The province's extreme communes are on screen and pickable where they are drawn.
    const units = await page.evaluate(() => window.ntmMap.units());
    for (const u of units) {
      const p = await page.evaluate(([lon, lat]) => window.ntmMap.project(lon, lat), [u.lon, u.lat]);
      assert.ok(p.x >= 0 && p.x <= w && p.y >= 0 && p.y <= h, `${u.commune} at ${JSON.stringify(p)}`);
    }
    await screenshot(page, `layout-${name}-${w}x${h}.png`);
    if (name === 'phone') {
      // The drawer opens from its title bar and the map stays usable above it.
      await page.mouse.click(40, h - 30);
      await page.evaluate(() => window.ntmMap.whenIdle());
      await screenshot(page, `layout-${name}-drawer-open.png`);
      const u = units.find((x) => x.commune === 'Xã Thạnh Thới An');
      await page.evaluate(() => window.ntmMap.select('Huyện Trần Đề'));
      await page.evaluate(() => window.ntmMap.whenIdle());
      const p = await page.evaluate(([lon, lat]) => window.ntmMap.project(lon, lat), [u.lon, u.lat]);
      assert.ok(p.y < h * 0.45, `the district is shown above the open drawer (y ${p.y})`);
    }
    await page.close();
  });
}

test('keyboard: ? opens the help, arrows pan, 2 switches layer, Home returns, Esc clears', async () => {
  const page = await openPage(ctx);
  await waitReady(page);
  const home = (await page.evaluate(() => window.ntmMap.state())).view;
  await page.keyboard.press('?');
  await page.evaluate(() => window.ntmMap.whenIdle());
  await screenshot(page, 'help-overlay.png');
  await page.keyboard.press('Escape');
  await page.keyboard.press('ArrowRight');
  await page.evaluate(() => window.ntmMap.whenIdle());
  const moved = (await page.evaluate(() => window.ntmMap.state())).view;
  assert.ok(moved.lon > home.lon, 'the map moved east');
  await page.keyboard.press('2');
  assert.equal((await page.evaluate(() => window.ntmMap.state())).layer, 'hien-trang');
  await page.keyboard.press('Home');
  await page.evaluate(() => window.ntmMap.whenIdle());
  const back = (await page.evaluate(() => window.ntmMap.state())).view;
  assert.ok(Math.abs(back.lon - home.lon) < 1e-6 && Math.abs(back.zoom - home.zoom) < 1e-6);
  await page.evaluate(() => window.ntmMap.select('Huyện Mỹ Tú', 'Xã Mỹ Phước'));
  await page.keyboard.press('Escape');
  assert.equal((await page.evaluate(() => window.ntmMap.state())).selected, null);
  await page.close();
});
