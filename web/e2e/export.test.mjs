// PNG export: size at each scale, title and source framing, and the legend where it is on screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { start, stop, openPage, waitReady, SHOTS } from './harness.mjs';

let ctx;
before(async () => { ctx = await start(); });
after(async () => { await stop(ctx); });

// Decodes a PNG data URL in the page and returns its size and a few pixels. From its bytes, not
// as an <img src="data:…">: the page's Content-Security-Policy (img-src 'self') loads no data: URL.
async function inspect(page, url, points) {
  return page.evaluate(async ([u, pts]) => {
    const bin = atob(u.slice(u.indexOf(',') + 1));
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; ++i) bytes[i] = bin.charCodeAt(i);
    const img = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const c = document.createElement('canvas');
    c.width = img.width; c.height = img.height;
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    const px = pts.map(([x, y]) => Array.from(g.getImageData(x, y, 1, 1).data.slice(0, 3)));
    return { width: img.width, height: img.height, px };
  }, [url, points]);
}

test('exportPng gives a framed PNG at 1×, 2× and 4× with the legend where it is on screen', async () => {
  const page = await openPage(ctx);
  await waitReady(page);
  const screen = await page.evaluate(() => {
    const c = document.getElementById('canvas');
    return { w: c.clientWidth, h: c.clientHeight };
  });
  // The legend's first swatch (NTM kiểu mẫu, viridis #440154) on screen: find it in the panel.
  const onScreen = await page.evaluate(() => {
    const c = document.getElementById('canvas');
    const copy = document.createElement('canvas');
    copy.width = c.width; copy.height = c.height;
    const g = copy.getContext('2d');
    g.drawImage(c, 0, 0);
    const d = g.getImageData(0, 0, c.width, c.height).data;
    for (let y = 0; y < c.height; ++y)
      for (let x = Math.floor(c.width * 0.68); x < c.width; ++x) {
        const i = 4 * (y * c.width + x);
        if (d[i] === 0x44 && d[i + 1] === 0x01 && d[i + 2] === 0x54) return { x, y };
      }
    return null;
  });
  assert.ok(onScreen, 'the kiểu mẫu swatch is in the panel on screen');
  for (const scale of [1, 2, 4]) {
    const url = await page.evaluate((s) => window.ntmMap.exportPng({ scale: s }), scale);
    assert.match(url, /^data:image\/png;base64,/);
    const head = Math.round(64 * scale), foot = Math.round(34 * scale);
    const sx = (onScreen.x + 2) * scale, sy = head + (onScreen.y + 2) * scale;
    const info = await inspect(page, url, [[sx, sy], [4, 4]]);
    assert.equal(info.width, screen.w * scale);
    assert.equal(info.height, screen.h * scale + head + foot);
    const [r, g, b] = info.px[0];
    assert.ok(Math.abs(r - 0x44) < 12 && g < 16 && Math.abs(b - 0x54) < 12, `swatch at ${scale}×: ${[r, g, b]}`);
    assert.deepEqual(info.px[1], [255, 255, 255], 'white title band');
    fs.mkdirSync(SHOTS, { recursive: true });
    fs.writeFileSync(path.join(SHOTS, `export@${scale}x.png`), Buffer.from(url.split(',')[1], 'base64'));
  }
  // The page is back to normal afterwards and still answers.
  const s = await page.evaluate(() => window.ntmMap.state());
  assert.equal(s.communeCount, 109);
  const c = await page.evaluate(() => ({ w: document.getElementById('canvas').width }));
  assert.equal(c.w, screen.w);
  await page.close();
});
