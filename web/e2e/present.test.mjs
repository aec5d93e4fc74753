// Presentation mode: the guided tour driven by the keyboard (as a presentation clicker sends
// it), the API, larger type, the idle return to the overview, and Esc.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { start, stop, openPage, waitReady, screenshot, DIST } from './harness.mjs';

const tourFile = JSON.parse(fs.readFileSync(path.join(DIST, 'tour/tour-2024.json'), 'utf8'));
let ctx;
before(async () => { ctx = await start(); });
after(async () => { await stop(ctx); });

const state = (page) => page.evaluate(() => window.ntmMap.state());
const idle = (page) => page.evaluate(() => window.ntmMap.whenIdle());

test('P starts the tour; clicker keys step through it with camera moves; Esc leaves', async () => {
  const page = await openPage(ctx, { width: 1920, height: 1080 });
  await waitReady(page);
  assert.equal((await state(page)).tourStep, null);
  const home = (await state(page)).view;
  await page.keyboard.press('p');
  await idle(page);
  let s = await state(page);
  assert.equal(s.presenting, true);
  assert.equal(s.tourStep, 0);
  assert.equal(s.tourSteps, tourFile.steps.length);
  await screenshot(page, 'present-step-1.png');
  await page.keyboard.press('PageDown');
  await idle(page);
  assert.equal((await state(page)).tourStep, 1);
  assert.equal((await state(page)).layer, tourFile.steps[1].layer);
  await page.keyboard.press('ArrowRight');
  await idle(page);
  s = await state(page);
  assert.equal(s.tourStep, 2);
  // Step 3 is a district: the camera zoomed in on it.
  const district = tourFile.steps[2].camera.district;
  assert.ok(s.view.zoom > home.zoom + 0.5, `zoomed to ${district}`);
  const centre = await page.evaluate(([lon, lat]) => window.ntmMap.pick(lon, lat), [s.view.lon, s.view.lat]);
  assert.equal(centre?.district, district);
  await screenshot(page, 'present-step-3.png');
  await page.keyboard.press(' ');
  await idle(page);
  assert.equal((await state(page)).tourStep, 3);
  await page.keyboard.press('PageUp');
  await idle(page);
  assert.equal((await state(page)).tourStep, 2);
  // The API jumps to any step; the last one stays the last.
  const funding = tourFile.steps.findIndex((x) => x.panel === 'funding');
  await page.evaluate((i) => window.ntmMap.tour(i), funding);
  assert.equal((await state(page)).tourStep, funding);
  await screenshot(page, 'present-funding.png');
  await page.evaluate((i) => window.ntmMap.tour(i), 999);
  assert.equal((await state(page)).tourStep, tourFile.steps.length - 1);
  await page.keyboard.press('PageDown');
  assert.equal((await state(page)).tourStep, tourFile.steps.length - 1);
  await page.keyboard.press('Escape');
  await idle(page);
  s = await state(page);
  assert.equal(s.presenting, false);
  assert.equal(s.tourStep, null);
  await page.close();
});

test('a wall screen left alone returns to the overview after the idle time of the tour file', async () => {
  const page = await openPage(ctx, {
    route: {
      pattern: '**/tour/tour-2024.json',
      handler: async (route) => {
        const res = await route.fetch();
        const body = (await res.text()).replace(/"idle_return_seconds":\s*\d+/, '"idle_return_seconds": 2');
        await route.fulfill({ response: res, body });
      },
    },
  });
  await waitReady(page);
  // The tour file arrives when presentation mode is first asked for: in and out once, so that
  // the jump below is answered at once.
  await page.evaluate(async () => { await window.ntmMap.tour(0); await window.ntmMap.tour(null); });
  // Read the step in the same task as the jump: the 2-second idle clock starts there.
  const t0 = Date.now();
  assert.equal(await page.evaluate(() => { window.ntmMap.tour(3); return window.ntmMap.state().tourStep; }), 3);
  await page.waitForFunction(() => window.ntmMap.state().tourStep === 0, null, { timeout: 15000 });
  assert.ok(Date.now() - t0 >= 1900, 'not before the idle time');
  await page.close();
});

test('a shared link to a tour step opens presentation mode at that step, the tour fetched then', async () => {
  const page = await ctx.browser.newPage({ viewport: { width: 1280, height: 800 } });
  const asked = [];
  page.on('request', (r) => { if (r.url().includes('/tour/')) asked.push(r.url()); });
  await page.goto(ctx.url + '#t=2');
  await waitReady(page);
  const s = await state(page);
  assert.equal(s.presenting, true);
  assert.equal(s.tourStep, 2);
  assert.equal(s.tourSteps, tourFile.steps.length);
  assert.equal(asked.length, 1);
  await page.close();
});
