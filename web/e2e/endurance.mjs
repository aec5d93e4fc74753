// endurance.mjs — measurements for long sessions, shared by endurance.test.mjs (minutes, part of
// `make test`) and soak.mjs (the full hour, run by hand): memory of every kind the page holds,
// and the frame rate of a presentation tour cycling on its own like a wall screen.
import { chromiumProcesses, memoryOf } from '../bench/processes.mjs';

// [SECTION] Memory
function rssBytes(pids) {
  return pids.reduce((total, pid) => total + (memoryOf(pid)?.rssBytes ?? 0), 0);
}

// Everything the page holds, after a full garbage collection: the viewer's malloc heap in use
// (the precise measure: WebAssembly memory only ever grows), the WebAssembly memory, live GL
// objects (the renderer's and ImGui's buffers, textures, shaders), the JS heap, and the resident
// memory of the renderer and GPU processes (coarse: the OS and SwiftShader decide).
export async function memory(page) {
  const cdp = page.__cdp || (page.__cdp = await page.context().newCDPSession(page));
  await cdp.send('Performance.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const s = await page.evaluate(() => window.ntmMap.stats());
  return {
    mallocInUse: s.mallocInUseBytes,
    wasmMemory: s.wasmMemoryBytes,
    glObjects: s.glObjects,
    jsHeap: metrics.JSHeapUsedSize,
    domNodes: metrics.Nodes,
    rendererRss: rssBytes(chromiumProcesses('renderer')),
    gpuRss: rssBytes(chromiumProcesses('gpu-process')),
  };
}

const KB = (n) => `${(n / 1024).toFixed(1)} KiB`;
const MB = (n) => `${(n / 1048576).toFixed(1)} MiB`;
export function memoryTable(before, after) {
  const rows = [
    ['malloc in use (wasm heap)', KB, 'mallocInUse'], ['WebAssembly memory', MB, 'wasmMemory'],
    ['GL objects', String, 'glObjects'], ['JS heap (after GC)', KB, 'jsHeap'], ['DOM nodes', String, 'domNodes'],
    ['renderer process RSS', MB, 'rendererRss'], ['GPU process RSS', MB, 'gpuRss'],
  ];
  return rows.map(([label, f, k]) => {
    const d = after[k] - before[k];
    return `  ${label.padEnd(28)} ${f(before[k]).padStart(12)} → ${f(after[k]).padStart(12)}  (${d >= 0 ? '+' : ''}${f(d)})`;
  }).join('\n');
}

// [SECTION] Frame rate of a cycling tour
// In the page: an animation-frame recorder with fixed-size storage (so that it does not grow the
// heap it helps to measure). Per window it keeps the intervals of the animation frames in which
// the viewer drew (its frame time while the camera flies), and all frames' intervals.
function installRecorder() {
  const cap = 200000;
  const drawn = new Float64Array(cap), all = new Float64Array(cap);
  let nDrawn = 0, nAll = 0, last = 0, lastFrames = 0, t0 = 0, frames0 = 0;
  const summary = (a, n) => {
    const v = Array.from(a.subarray(0, n)).sort((x, y) => x - y);
    const q = (p) => (n ? v[Math.min(n - 1, Math.floor(p * n))] : 0);
    return { n, mean: n ? v.reduce((s, x) => s + x, 0) / n : 0, p50: q(0.5), p95: q(0.95), max: n ? v[n - 1] : 0 };
  };
  const rec = window.__frameRecorder = {
    windows: [],
    start() { nDrawn = nAll = 0; t0 = performance.now(); frames0 = window.Module._ntm_frames_drawn(); },
    cut() {
      const now = performance.now(), frames = window.Module._ntm_frames_drawn();
      const w = { seconds: (now - t0) / 1000, framesDrawn: frames - frames0, drawn: summary(drawn, nDrawn), all: summary(all, nAll) };
      rec.windows.push(w);
      rec.start();
      return w;
    },
  };
  const tick = (t) => {
    const frames = window.Module._ntm_frames_drawn();
    if (last) {
      const dt = t - last;
      if (nAll < cap) all[nAll++] = dt;
      if (frames !== lastFrames && nDrawn < cap) drawn[nDrawn++] = dt;
    }
    last = t;
    lastFrames = frames;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

// Presentation mode, stepping like a clicker (PageDown; Home after the last step) every `stepMs`,
// for `seconds`, cut into windows of `windowSeconds`. `onWindow(index, window, memory)` is called
// as each window ends. Returns {windows, before, after} (memory at the start and the end).
export async function cycleTour(page, { seconds, stepMs, windowSeconds, onWindow = () => {} }) {
  await page.evaluate(installRecorder);
  await page.evaluate(() => window.ntmMap.tour(0));
  const steps = (await page.evaluate(() => window.ntmMap.state())).tourSteps;
  // One full cycle first, so that every step's labels and text have been measured once.
  for (let i = 1; i <= steps; ++i) {
    await page.keyboard.press(i < steps ? 'PageDown' : 'Home');
    await page.evaluate(() => window.ntmMap.whenIdle());
  }
  const before = await memory(page);
  await page.evaluate(() => window.__frameRecorder.start());
  const t0 = Date.now();
  let step = 0, nextWindow = t0 + windowSeconds * 1000, index = 0;
  while (Date.now() - t0 < seconds * 1000) {
    const due = t0 + (Math.floor((Date.now() - t0) / stepMs) + 1) * stepMs;
    await new Promise((r) => setTimeout(r, Math.max(0, due - Date.now())));
    step = (step + 1) % steps;
    await page.keyboard.press(step === 0 ? 'Home' : 'PageDown');
    if (Date.now() >= nextWindow) {
      const w = await page.evaluate(() => window.__frameRecorder.cut());
      onWindow(index++, w);
      nextWindow += windowSeconds * 1000;
    }
  }
  const last = await page.evaluate(() => window.__frameRecorder.cut());
  if (last.seconds > windowSeconds / 2) onWindow(index++, last);
  await page.evaluate(() => window.ntmMap.whenIdle());
  const after = await memory(page);
  const windows = (await page.evaluate(() => window.__frameRecorder.windows)).filter((w) => w.seconds > windowSeconds / 2);
  return { windows, before, after, steps };
}

export function windowLine(i, w) {
  const f = (x) => x.toFixed(1).padStart(6);
  return `  window ${String(i + 1).padStart(2)} (${w.seconds.toFixed(0)} s): ${String(w.framesDrawn).padStart(5)} frames drawn, ` +
    `${(w.framesDrawn / w.seconds).toFixed(2)}/s; drawn-frame interval mean ${f(w.drawn.mean)} p50 ${f(w.drawn.p50)} ` +
    `p95 ${f(w.drawn.p95)} max ${f(w.drawn.max)} ms; all frames p95 ${f(w.all.p95)} ms`;
}
