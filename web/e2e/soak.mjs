// soak.mjs — the full-length run of endurance.test.mjs's tour test, by hand (not part of
// `make test`): a presentation tour cycling on its own for an hour, as on a wall screen, with the
// frame rate and memory printed every window. It fails (exit code 1) if the last window draws
// clearly slower than the first, or if memory grew.
//
//   make dist && node web/e2e/soak.mjs                       # 1 hour, a step every 4 s
//   node web/e2e/soak.mjs --seconds 600 --step-ms 1500 --window 60
//   DIST_DIR=/path/to/dist node web/e2e/soak.mjs
import { start, stop, openPage, waitReady } from './harness.mjs';
import { cycleTour, memoryTable, windowLine, memory } from './endurance.mjs';

const opts = { seconds: 3600, stepMs: 4000, window: 300, width: 1280, height: 800 };
for (let i = 2; i < process.argv.length; i += 2) {
  const k = process.argv[i].replace(/^--/, '').replace(/-(\w)/g, (_, c) => c.toUpperCase());
  if (!(k in opts)) { console.error(`unknown option ${process.argv[i]}`); process.exit(2); }
  opts[k] = Number(process.argv[i + 1]);
}

const ctx = await start();
let failed = false;
try {
  const page = await openPage(ctx, { width: opts.width, height: opts.height });
  await waitReady(page);
  const started = new Date();
  console.log(`soak: ${started.toISOString()}, tour cycling ${opts.seconds} s, a step every ${opts.stepMs} ms, ` +
    `windows of ${opts.window} s, ${opts.width}×${opts.height}, Chromium ${ctx.browser.version()} (SwiftShader)`);
  let lastMemory = null;
  const r = await cycleTour(page, {
    seconds: opts.seconds, stepMs: opts.stepMs, windowSeconds: opts.window,
    onWindow: (i, w) => {
      console.log(windowLine(i, w));
      // Memory every window (after a forced GC: a hitch of a few ms in the next window).
      memory(page).then((m) => {
        if (lastMemory) console.log(`    wasm heap in use ${(m.mallocInUse / 1024).toFixed(1)} KiB, GL objects ${m.glObjects}, JS heap ${(m.jsHeap / 1024).toFixed(0)} KiB, renderer RSS ${(m.rendererRss / 1048576).toFixed(0)} MiB`);
        lastMemory = m;
      }).catch(() => {});
    },
  });
  console.log(`memory at the start and the end of ${opts.seconds} s:\n${memoryTable(r.before, r.after)}`);
  const first = r.windows[0], last = r.windows[r.windows.length - 1];
  const checks = [
    ['drawn-frame interval p50', last.drawn.p50 <= first.drawn.p50 * 1.5 + 25, `${first.drawn.p50.toFixed(1)} → ${last.drawn.p50.toFixed(1)} ms`],
    ['drawn-frame interval p95', last.drawn.p95 <= first.drawn.p95 * 1.5 + 25, `${first.drawn.p95.toFixed(1)} → ${last.drawn.p95.toFixed(1)} ms`],
    ['frames drawn per second', last.framesDrawn / last.seconds >= first.framesDrawn / first.seconds / 1.5,
      `${(first.framesDrawn / first.seconds).toFixed(2)} → ${(last.framesDrawn / last.seconds).toFixed(2)}`],
    ['wasm heap in use', r.after.mallocInUse - r.before.mallocInUse <= 16 * 1024, `${r.after.mallocInUse >= r.before.mallocInUse ? '+' : ''}${r.after.mallocInUse - r.before.mallocInUse} bytes`],
    ['WebAssembly memory', r.after.wasmMemory === r.before.wasmMemory, `${r.after.wasmMemory >= r.before.wasmMemory ? '+' : ''}${r.after.wasmMemory - r.before.wasmMemory} bytes`],
    ['GL objects', r.after.glObjects === r.before.glObjects, `${r.before.glObjects} → ${r.after.glObjects}`],
    ['JS heap', r.after.jsHeap - r.before.jsHeap <= 1024 * 1024, `${r.after.jsHeap >= r.before.jsHeap ? '+' : ''}${((r.after.jsHeap - r.before.jsHeap) / 1024).toFixed(0)} KiB`],
    ['page errors', page.consoleErrors.length === 0, page.consoleErrors.join('; ') || 'none'],
  ];
  for (const [what, ok, detail] of checks) {
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}: ${detail}`);
    if (!ok) failed = true;
  }
  console.log(`soak: ended ${new Date().toISOString()}`);
} finally {
  await stop(ctx);
}
process.exit(failed ? 1 : 0);
