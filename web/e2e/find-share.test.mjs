// Search without diacritics, shareable links (deep link, back/forward, hostile hashes) and the
// language switch.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, stop, openPage, waitReady, screenshot } from './harness.mjs';

let ctx;
before(async () => { ctx = await start(); });
after(async () => { await stop(ctx); });
const state = (page) => page.evaluate(() => window.ntmMap.state());

test('search() ignores case and diacritics, ranks exact first and disambiguates by district', async () => {
  const page = await openPage(ctx);
  await waitReady(page);
  const first = async (q) => (await page.evaluate((t) => window.ntmMap.search(t), q))[0];
  assert.deepEqual(await first('hoa tu 1'), { district: 'Huyện Mỹ Xuyên', commune: 'Xã Hòa Tú 1' });
  assert.deepEqual(await first('HÒA TÚ'), { district: 'Huyện Mỹ Xuyên', commune: 'Xã Hòa Tú 1' });
  assert.deepEqual(await first('thanh thoi an'), { district: 'Huyện Trần Đề', commune: 'Xã Thạnh Thới An' });
  const p1 = await page.evaluate(() => window.ntmMap.search('phuong 1'));
  assert.deepEqual(p1.slice(0, 3).map((m) => m.commune), ['Phường 1', 'Phường 1', 'Phường 1']);
  assert.equal(new Set(p1.slice(0, 3).map((m) => m.district)).size, 3);
  assert.deepEqual(await page.evaluate(() => window.ntmMap.search('khong co xa nay')), []);
  await page.close();
});

test('the search box: Ctrl+K, type without accents, arrows and Enter select and zoom', async () => {
  const page = await openPage(ctx);
  await waitReady(page);
  // The field has the focus as soon as the shortcut's key event is handled, not a frame later:
  // letters typed right after Ctrl+K or "/" must not go to the map.
  const focusedAfter = (init) => page.evaluate((i) => {
    window.dispatchEvent(new KeyboardEvent('keydown', i));
    const id = document.activeElement.id;
    document.activeElement.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    return id;
  }, init);
  assert.equal(await focusedAfter({ key: 'k', ctrlKey: true }), 'search');
  assert.equal(await focusedAfter({ key: '/' }), 'search');
  await page.evaluate(() => window.ntmMap.whenIdle());
  await page.keyboard.press('Control+k');
  await page.keyboard.type('thanh thoi an');
  await page.evaluate(() => window.ntmMap.whenIdle());
  await screenshot(page, 'search-typing.png');
  await page.keyboard.press('Enter');
  await page.evaluate(() => window.ntmMap.whenIdle());
  assert.deepEqual((await state(page)).selected, { district: 'Huyện Trần Đề', commune: 'Xã Thạnh Thới An' });
  // "/" opens it too; the second match is chosen with the arrow key.
  await page.keyboard.press('Escape');
  await page.keyboard.press('/');
  await page.keyboard.type('phuong 1');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.evaluate(() => window.ntmMap.whenIdle());
  const second = (await page.evaluate(() => window.ntmMap.search('phuong 1')))[1];
  assert.deepEqual((await state(page)).selected, second);
  await page.close();
});

test('a deep link restores the view, selection, layer and language; back/forward walk the states', async () => {
  const page = await openPage(ctx);
  await waitReady(page);
  await page.evaluate(() => window.ntmMap.select('Huyện Mỹ Xuyên', 'Xã Hòa Tú 1'));
  await page.evaluate(() => window.ntmMap.setLayer('hien-trang'));
  await page.evaluate(() => window.ntmMap.whenIdle());
  await page.waitForFunction(() => location.hash.includes('l=hien-trang'));
  const link = await page.evaluate(() => location.href);
  const want = await state(page);
  await page.close();

  const again = await ctx.browser.newPage({ viewport: { width: 1280, height: 800 } });
  await again.goto(link);
  await waitReady(again);
  const got = await state(again);
  assert.deepEqual(got.selected, { district: 'Huyện Mỹ Xuyên', commune: 'Xã Hòa Tú 1' });
  assert.equal(got.layer, 'hien-trang');
  assert.ok(Math.abs(got.view.zoom - want.view.zoom) < 0.01);
  assert.ok(Math.abs(got.view.lon - want.view.lon) < 1e-4 && Math.abs(got.view.lat - want.view.lat) < 1e-4);

  // Back returns to the previous state (before the layer change), forward comes back.
  await again.evaluate(() => window.ntmMap.setLayer('muc-tieu-2024'));
  await again.waitForFunction(() => location.hash.includes('l=muc-tieu-2024'));
  await again.goBack();
  await again.waitForFunction(() => window.ntmMap.state().layer === 'hien-trang');
  await again.goForward();
  await again.waitForFunction(() => window.ntmMap.state().layer === 'muc-tieu-2024');
  await again.close();
});

test('hostile or invalid hashes are ignored safely', async () => {
  for (const hash of ['#v=NaN,1e999,99&d=<script>alert(1)</script>&l=evil&lang=xx&t=-5',
    '#d=%ZZ&c=%E0%80%80', '#' + 'v='.repeat(5000), '#t=99999999999999999999']) {
    const page = await openPage(ctx, { query: '' });
    await page.goto(ctx.url + hash);
    await waitReady(page);
    const s = await state(page);
    assert.equal(s.communeCount, 109);
    assert.equal(s.selected, null);
    assert.ok(['muc-tieu-2024'].includes(s.layer));
    assert.ok(Number.isFinite(s.view.zoom));
    assert.equal(await page.evaluate(() => document.querySelectorAll('script').length), 2);
    await page.close();
  }
});

test('the interface switches to English and back; place names stay Vietnamese', async () => {
  const page = await openPage(ctx);
  await waitReady(page);
  assert.equal((await state(page)).lang, 'vi');
  assert.equal(await page.evaluate(() => window.ntmMap.setLanguage('en')), true);
  await page.evaluate(() => window.ntmMap.whenIdle());
  const s = await state(page);
  assert.equal(s.lang, 'en');
  const legend = await page.evaluate(() => window.ntmMap.legend());
  assert.match(legend.rows.find((r) => r.class === 'nang-cao').label, /9 communes/);
  await screenshot(page, 'lang-en.png');
  assert.equal(await page.evaluate(() => window.ntmMap.setLanguage('fr')), false);
  await page.keyboard.press('l');
  assert.equal((await state(page)).lang, 'vi');
  assert.match((await page.evaluate(() => window.ntmMap.legend())).rows.find((r) => r.class === 'nang-cao').label, /9 xã/);
  await page.close();
});
