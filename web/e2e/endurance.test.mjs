// Long sessions (issue 6): 1,000 selections, deselections and layer switches leave memory flat,
// and a presentation tour cycling on its own keeps its frame rate and its memory. The tour runs
// NTM_TOUR_SECONDS (default 150) with a step every NTM_TOUR_STEP_MS (default 1500), much faster
// than a wall screen, so that minutes here stand for an hour there; `node web/e2e/soak.mjs` runs
// the full hour by hand. The figures are printed (node --test shows them as comments).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, stop, openPage, waitReady } from './harness.mjs';
import { memory, memoryTable, cycleTour, windowLine } from './endurance.mjs';

const TOUR_SECONDS = Number(process.env.NTM_TOUR_SECONDS || 150);
const TOUR_STEP_MS = Number(process.env.NTM_TOUR_STEP_MS || 1500);

let ctx;
before(async () => { ctx = await start(); });
after(async () => { await stop(ctx); });

// In the page: `n` rounds of select a commune (zooming to it), sometimes a district, switch the
// layer, deselect; two animation frames every few rounds so that the viewer draws them.
function churn(n) {
  return (async (rounds) => {
    const api = window.ntmMap;
    const units = api.units();
    const districts = [...new Set(units.map((u) => u.district))];
    const layers = ['muc-tieu-2024', 'hien-trang', 'ranh-gioi'];
    const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    for (let i = 0; i < rounds; ++i) {
      const u = units[(i * 37) % units.length];
      if (!api.select(u.district, u.commune)) throw new Error(`select ${u.commune}`);
      if (i % 5 === 0 && !api.select(districts[i % districts.length])) throw new Error('select district');
      if (!api.setLayer(layers[i % layers.length])) throw new Error('setLayer');
      if (i % 10 === 0) await frame();
      if (!api.select(null)) throw new Error('deselect');
      if (i % 10 === 5) await frame();
    }
    await api.whenIdle();
  })(n);
}

test('1,000 selections, deselections and layer switches leave memory flat', async () => {
  const page = await openPage(ctx, { width: 1024, height: 640 });
  await waitReady(page);
  await page.evaluate(churn, 100);  // warm-up: label widths measured, pools at their size
  const before = await memory(page);
  const t0 = Date.now();
  await page.evaluate(churn, 1000);
  const seconds = (Date.now() - t0) / 1000;
  const frames = (await page.evaluate(() => window.ntmMap.stats())).framesDrawn;
  const after = await memory(page);
  console.log(`1,000 rounds of select / district / layer / deselect in ${seconds.toFixed(1)} s (${frames} frames drawn in all):\n${memoryTable(before, after)}`);
  // The viewer's own heap is the precise measure; a few KiB of slack for allocator bookkeeping.
  assert.ok(after.mallocInUse - before.mallocInUse <= 16 * 1024,
    `the wasm heap in use grew by ${after.mallocInUse - before.mallocInUse} bytes`);
  assert.equal(after.wasmMemory, before.wasmMemory, 'the WebAssembly memory did not grow');
  assert.equal(after.glObjects, before.glObjects, 'no GL object leaked');
  assert.ok(after.jsHeap - before.jsHeap <= 512 * 1024, `the JS heap grew by ${after.jsHeap - before.jsHeap} bytes`);
  // A handful of nodes may appear once (Chromium counts text nodes replaced by textContent until
  // they are collected); a leak per round would leave a thousand or more.
  assert.ok(after.domNodes - before.domNodes <= 16, `DOM nodes grew by ${after.domNodes - before.domNodes}`);
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});

test(`a tour cycling for ${TOUR_SECONDS} s (a step every ${TOUR_STEP_MS} ms) keeps its frame rate and its memory`, async () => {
  const page = await openPage(ctx, { width: 1280, height: 800 });
  await waitReady(page);
  const windowSeconds = Math.max(20, Math.floor(TOUR_SECONDS / 5));
  const lines = [];
  const r = await cycleTour(page, { seconds: TOUR_SECONDS, stepMs: TOUR_STEP_MS, windowSeconds,
    onWindow: (i, w) => lines.push(windowLine(i, w)) });
  console.log(`tour of ${r.steps} steps cycling ${TOUR_SECONDS} s, a step every ${TOUR_STEP_MS} ms, windows of ${windowSeconds} s:\n` +
    `${lines.join('\n')}\nmemory:\n${memoryTable(r.before, r.after)}`);
  assert.ok(r.windows.length >= 3, `${r.windows.length} windows`);
  const first = r.windows[0], last = r.windows[r.windows.length - 1];
  assert.ok(first.framesDrawn > 0 && last.framesDrawn > 0, 'frames were drawn');
  // The machine is shared (2 cores, a fuzzer in the background): a slowdown must be clear to count.
  const slack = (x) => x * 1.5 + 25;
  assert.ok(last.drawn.p50 <= slack(first.drawn.p50), `drawn-frame interval p50 ${first.drawn.p50.toFixed(1)} → ${last.drawn.p50.toFixed(1)} ms`);
  assert.ok(last.drawn.p95 <= slack(first.drawn.p95), `drawn-frame interval p95 ${first.drawn.p95.toFixed(1)} → ${last.drawn.p95.toFixed(1)} ms`);
  assert.ok(last.framesDrawn / last.seconds >= first.framesDrawn / first.seconds / 1.5, 'frames drawn per second');
  assert.ok(r.after.mallocInUse - r.before.mallocInUse <= 16 * 1024,
    `the wasm heap in use grew by ${r.after.mallocInUse - r.before.mallocInUse} bytes`);
  assert.equal(r.after.wasmMemory, r.before.wasmMemory, 'the WebAssembly memory did not grow');
  assert.equal(r.after.glObjects, r.before.glObjects, 'no GL object leaked');
  assert.ok(r.after.jsHeap - r.before.jsHeap <= 1024 * 1024, `the JS heap grew by ${r.after.jsHeap - r.before.jsHeap} bytes`);
  assert.deepEqual(page.consoleErrors, []);
  await page.close();
});
