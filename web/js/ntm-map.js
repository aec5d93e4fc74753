// ntm-map.js — the page's glue: loads the viewer (WebAssembly), the map asset and the fonts with
// a progress bar, forwards input to the viewer, reports failures in Vietnamese, and exposes
// window.ntmMap for automation and embedding pages. No framework, no network address outside
// this site, no HTML built from strings (text goes in with textContent), nothing inline: the
// page runs under a Content-Security-Policy of 'self' plus 'wasm-unsafe-eval' (README, "Serving").
//
// Faults it survives: a data file that is missing or arrives cut short is named in a Vietnamese
// message with a "Thử lại" button that fetches just that file again (no page reload); a lost
// WebGL context is restored by the viewer (src/platform/web/main_web.cpp).
'use strict';
(function () {
  const params = new URLSearchParams(location.search);
  // ?data=name loads data/name.ntm; only plain names, never a path or a URL.
  const dataName = /^[a-z0-9-]{1,40}$/.test(params.get('data') || '') ? params.get('data') : 'soc-trang';
  const files = {
    asset: `data/${dataName}.ntm`,
    regular: 'fonts/NotoSans-vi.ttf',
    bold: 'fonts/NotoSans-vi-Bold.ttf',
    wasm: 'viewer.wasm',
  };
  const baseName = (url) => url.split('/').pop();  // how the viewer names a file in its messages
  const assetName = baseName(files.asset);

  const canvas = document.getElementById('canvas');
  const search = document.getElementById('search');
  const loading = document.getElementById('loading');
  const loadingText = document.getElementById('loading-text');
  const bar = document.querySelector('#bar > div');
  const errorBox = document.getElementById('error');
  const errorText = document.getElementById('error-text');
  const retryButton = document.getElementById('retry');
  // Messages shown by the page itself, when the viewer cannot draw its own error list (no map,
  // no fonts, no WebGL2, a lost WebGL context): {message, file, retry}. A message about a data
  // file offers "Thử lại".
  const errors = [];

  function renderErrors() {
    errorText.textContent = errors.map((e) => e.message).join(' ');
    errorBox.hidden = errors.length === 0;
    retryButton.hidden = !errors.some((e) => e.retry);
    if (errors.length) { loading.hidden = true; canvas.classList.remove('starting'); }
  }
  function showError(message, file = '', retry = file !== '') {
    if (!errors.some((e) => e.message === message)) errors.push({ message, file, retry });
    renderErrors();
  }
  function clearErrors(file) {
    for (let i = errors.length; i-- > 0;) if (errors[i].file === file) errors.splice(i, 1);
    renderErrors();
  }

  // ntmMap.ready: resolves with the API at the first complete frame, rejects when the map cannot
  // be shown. "Thử lại" after a rejection makes ntmMap.ready a new promise for that attempt.
  let resolveReady, rejectReady, readyState = 'pending';
  function newReady() {
    const p = new Promise((res, rej) => { resolveReady = res; rejectReady = rej; });
    p.catch(() => {});  // a failure is shown on the page; callers may still await it
    readyState = 'pending';
    return p;
  }
  const ready = newReady();
  function failReady(e) {
    if (readyState !== 'pending') return;
    readyState = 'rejected';
    rejectReady(e);
  }
  function succeedReady() {
    if (readyState !== 'pending') return;
    readyState = 'resolved';
    resolveReady(api);
    if (!hashSyncStarted) startHashSync();
  }

  // [SECTION] Download with progress
  const progress = { loaded: {}, total: {} };
  function updateBar() {
    let loaded = 0, total = 0;
    for (const k of Object.keys(progress.total)) {
      // A file larger than its size says (replaced on the server since) fills its share, no more.
      loaded += Math.min(progress.loaded[k] || 0, progress.total[k]);
      total += progress.total[k];
    }
    if (total > 0) bar.style.width = Math.min(100, Math.round(100 * loaded / total)) + '%';
  }
  // The bar counts the bytes a download decodes to. A server that sends a file's .br/.gz twin
  // (web/serve.mjs, nginx's gzip_static) announces the compressed length, a third to a half of
  // that: against it the bar would be full long before the file is. So each file's own size is
  // written into the page by scripts/make-dist.sh (<meta name="ntm-file-sizes">, "path=bytes"
  // pairs); a file not listed there counts against its Content-Length only if it comes
  // uncompressed, and is left out of the bar otherwise.
  const fileSizes = new Map();
  for (const pair of (document.querySelector('meta[name="ntm-file-sizes"]')?.content || '').split(/\s+/)) {
    const m = /^(.+)=(\d+)$/.exec(pair);
    if (m) fileSizes.set(m[1], Number(m[2]));
  }
  function decodedSize(url, res) {
    if (fileSizes.has(url)) return fileSizes.get(url);
    if (!/^(identity)?$/i.test(res.headers.get('Content-Encoding') || '')) return 0;
    return Number(res.headers.get('Content-Length')) || 0;
  }
  // Fetches a file and counts its bytes for the progress bar as they arrive; resolves to the
  // Response or rejects with a Vietnamese message naming the file. The bytes are counted on a
  // copy of the body (clone): the body itself is read by the browser in one go, not chunk by
  // chunk through this thread, which is busy with the viewer's start-up while the files arrive.
  // `fresh` (a retry) bypasses the HTTP cache: the file may have been fixed on the server.
  // Every download can be cancelled at once (`downloads`): a browser without WebGL2 needs none.
  const downloads = new AbortController();
  // The copies are read only once the wait has lasted long enough for a bar to be worth
  // watching: on a fast connection (or from the cache) the map is drawn before that, and each
  // chunk counted then was a task of this thread, the one that starts the viewer (the first
  // frame came ~15 ms later; cold starts, medians of 14). A copy not read by then is dropped.
  const kProgressAfterMs = 300;
  const progressWait = new Promise((resolve) => setTimeout(resolve, kProgressAfterMs));
  async function fetchCounted(key, url, fresh = false) {
    let res;
    progress.loaded[key] = 0;
    try { res = await fetch(url, { cache: fresh ? 'no-store' : 'default', signal: downloads.signal }); } catch (e) {
      throw new Error(`Không tải được tệp ${url}: mất kết nối hoặc máy chủ không phản hồi.`);
    }
    if (!res.ok) throw new Error(`Không tải được tệp ${url} (máy chủ trả lời ${res.status}${res.status === 404 ? ': không có tệp này' : ''}).`);
    const total = decodedSize(url, res);
    progress.total[key] = total;
    if (res.body && total) countBytes(key, res.clone().body.getReader());
    return res;
  }
  async function countBytes(key, reader) {
    await progressWait;
    if (loading.hidden) { reader.cancel().catch(() => {}); return; }  // the map is already shown
    try {
      for (let r = await reader.read(); !r.done; r = await reader.read()) {
        progress.loaded[key] += r.value.byteLength;
        updateBar();
      }
    } catch (e) { /* a failed download: reading the body itself reports it */ }
  }
  async function fetchBytes(key, url, fresh = false) {
    const res = await fetchCounted(key, url, fresh);
    try { return new Uint8Array(await res.arrayBuffer()); } catch (e) {
      throw new Error(`Tệp ${url} tải về không đầy đủ (kết nối bị ngắt).`);
    }
  }
  // Never rejects: {ok: true, bytes} or {ok: false, message}.
  const settle = (p) => p.then((bytes) => ({ ok: true, bytes }), (e) => ({ ok: false, message: e.message }));

  // [SECTION] WebGL2 check
  // A browser without WebGL2 at all is told at once and fetches no data. One that has the API
  // may still refuse a context (a GPU it blocks, hardware acceleration off), found out once
  // viewer.wasm is compiled, by the viewer's main() making its own (onNtmError). The downloads
  // still under way are then cancelled. No context is made before that: a throw-away one took
  // 15–30 ms of every start-up.
  const kNoWebGL2 = 'Trình duyệt này không hỗ trợ WebGL2 nên không thể vẽ bản đồ. Hãy dùng Chrome, Edge, Firefox hoặc Safari bản mới và bật tăng tốc phần cứng.';
  let stopped = false;
  function stopWithoutWebGL2() {
    if (stopped) return;
    stopped = true;
    downloads.abort();
    showError(kNoWebGL2);
    failReady(new Error(kNoWebGL2));
  }
  if (typeof WebGL2RenderingContext !== 'function') {
    // viewer.js, next in the page, is left a module that never instantiates: it fetches nothing.
    window.Module = { noInitialRun: true, instantiateWasm: () => ({}) };
    stopWithoutWebGL2();
    window.ntmMap = { ready, state: () => ({ communeCount: 0, districtCount: 0, selected: null, hovered: null, view: null, errors: errors.map((e) => e.message) }) };
    return;
  }

  // [SECTION] The viewer first
  // viewer.wasm is the longest wait before the first frame: it is requested before anything else
  // (index.html preloads it with the page; this request is answered from that download) and
  // compiled while it streams in, in parallel with viewer.js and the data files;
  // Module.instantiateWasm only instantiates the compiled module. The response goes to the
  // compiler as it is, unless its server labels it with another type, which compileStreaming
  // refuses.
  const wasmModule = fetchCounted('wasm', files.wasm).then((res) => WebAssembly.compileStreaming(
    /^application\/wasm\b/.test(res.headers.get('Content-Type') || '') ? res
      : new Response(res.body, { headers: { 'Content-Type': 'application/wasm' } })).catch((e) => {
    throw new Error(`Không khởi động được chương trình vẽ bản đồ (viewer.wasm): ${e.message}`);
  }));
  function viewerFailed(e) {
    if (stopped) return;  // a cancelled download: the page already says why
    showError(e.message);
    failReady(e);
  }
  wasmModule.catch(viewerFailed);
  // viewer.js follows this script in index.html and runs straight after it (it reads
  // window.Module, defined below). Its download failing is an error event on its element, which
  // this script cannot reach yet: one listener on the window sees it on its way down.
  window.addEventListener('error', (e) => {
    if (e.target instanceof HTMLScriptElement && /(^|\/)viewer\.js$/.test(new URL(e.target.src, location.href).pathname))
      viewerFailed(new Error('Không tải được chương trình vẽ bản đồ (viewer.js).'));
  }, true);

  // [SECTION] Data files
  // Everything is requested at once; `attempts` holds the latest attempt of each file (a retry
  // replaces it) and `done` what has been handed to the viewer.
  // The plan and the achieved-status file (JSON). A failure is reported, the map still shows.
  // The plan covers Sóc Trăng only: other datasets (the national map) show boundaries alone.
  const planFiles = dataName === 'soc-trang' ? ['plan/soc-trang-2024.json', 'plan/status-2024.json'] : [];
  const planLoaders = ['ntm_load_plan', 'ntm_load_status'];
  // The guided tour is fetched only when presentation mode is asked for (the viewer calls
  // onNtmTourWanted): the default page does not download what it does not show.
  const tourFile = dataName === 'soc-trang' ? 'tour/tour-2024.json' : '';
  const fetchFonts = (fresh) => Promise.all([fetchBytes('regular', files.regular, fresh),
    fetchBytes('bold', files.bold, fresh)]);
  const attempts = {
    asset: settle(fetchBytes('asset', files.asset)),
    plans: planFiles.map((url, i) => settle(fetchBytes('plan' + i, url))),
    fonts: settle(fetchFonts(false)),
  };
  const done = { fonts: false, asset: false, plans: planFiles.map(() => false), tourOffered: false, hash: false };

  // Sized now, before the viewer makes its WebGL context: a size set afterwards (start()'s
  // resize) reallocates the drawing buffer, 40 ms in SwiftShader, on the way to the first frame.
  sizeCanvas();

  let running = false;  // the viewer has started (postRun): its functions may be called
  let contextLostTimer = 0;
  const Module = window.Module = {
    canvas,
    print: (t) => console.log(t),
    printErr: (t) => console.warn(t),
    // Instantiates the module compiled since this script started (section "The viewer first")
    // at once: main() makes the WebGL context, sets up ImGui and starts the map's shaders while
    // the data files are still arriving (the main thread would otherwise wait idle), and says
    // if the browser refuses a WebGL2 context (onNtmError). Its frames draw nothing until the
    // map is handed over (start() → loadData()), so they do not hold this thread meanwhile.
    instantiateWasm(imports, done) {
      (async () => {
        const module = await wasmModule;
        let instance;
        try { instance = await WebAssembly.instantiate(module, imports); } catch (e) {
          throw new Error(`Không khởi động được chương trình vẽ bản đồ (viewer.wasm): ${e.message}`);
        }
        if (!stopped) done(instance, module);
      })().catch(viewerFailed);
      return {};
    },
    onNtmReady() {
      loading.hidden = true;
      canvas.classList.remove('starting');
      succeedReady();
    },
    // Presentation mode was asked for and the tour file is not here yet.
    onNtmTourWanted() { loadTour(false); },
    // The panel's export buttons: save the PNG under a dated name.
    onNtmExport(scale) {
      exportPng({ scale }).then((url) => {
        const a = document.createElement('a');
        a.href = url;
        a.download = `ban-do-ntm-soc-trang-${new Date().toISOString().slice(0, 10)}@${scale}x.png`;
        document.body.appendChild(a); a.click(); a.remove();
      });
    },
    onNtmSearchFocus(on) {
      if (on) { search.value = ''; search.focus({ preventScroll: true }); } else { search.blur(); canvas.focus({ preventScroll: true }); }
    },
    // The viewer could not use a file it was given (a damaged map). Before postRun the call comes
    // from main(), whose one failure is a WebGL2 context it could not make (section "WebGL2
    // check"): the page's message then, which also says to turn hardware acceleration on.
    onNtmError(message) {
      if (!running) { stopWithoutWebGL2(); return; }
      showError(message, loadingFile);
      failReady(new Error(message));
    },
    // The error list's "Thử lại" button.
    onNtmRetry() { retry(); },
    // The browser took the WebGL context away (GPU reset, driver update, too many pages): the
    // viewer redraws when it is given back, usually at once; if not, the page says what happened.
    onNtmContextLost(lost) {
      canvas.setAttribute('aria-busy', lost ? 'true' : 'false');
      clearTimeout(contextLostTimer);
      if (lost) {
        contextLostTimer = setTimeout(() => showError('Trình duyệt đã tạm ngừng phần đồ họa (WebGL) của bản đồ; bản đồ sẽ tự vẽ lại khi trình duyệt khôi phục. Nếu bản đồ không hiện lại, hãy tải lại trang.', 'webgl-context', false), 3000);
      } else {
        clearErrors('webgl-context');
      }
    },
    // After main() has created the GL context: only then may the page size and feed the viewer.
    postRun: [() => {
      if (stopped) return;  // no WebGL2: the viewer has nothing to draw with
      running = true;
      start().catch((e) => { failReady(e); });
    }],
  };

  function withBytes(bytes, fn) {
    const p = Module._malloc(Math.max(1, bytes.length));
    Module.HEAPU8.set(bytes, p);
    try { return fn(p, bytes.length); } finally { Module._free(p); }
  }
  // Calls an exported viewer function. String arguments are copied to the heap, not the stack
  // (ccall's way): a hostile URL hash or a large file must not overflow the 1 MiB stack.
  const encoder = new TextEncoder();
  function call(name, ret, types, args) {
    const heap = [];
    try {
      const values = args.map((a, i) => {
        if (types[i] !== 'string') return a;
        const bytes = encoder.encode(String(a ?? ''));
        const p = Module._malloc(bytes.length + 1);
        Module.HEAPU8.set(bytes, p);
        Module.HEAPU8[p + bytes.length] = 0;
        heap.push(p);
        return p;
      });
      const r = Module['_' + name](...values);
      return ret === 'string' ? Module.UTF8ToString(r) : r;
    } finally {
      for (const p of heap) Module._free(p);
    }
  }
  const json = (s) => JSON.parse(s);

  // [SECTION] Canvas size and input
  // Gives the canvas as many device pixels as it shows: [css_w, css_h, dpr, fb_w, fb_h].
  function sizeCanvas() {
    const dpr = Math.min(window.devicePixelRatio || 1, 3);
    const w = canvas.clientWidth, h = canvas.clientHeight;
    const fw = Math.max(1, Math.round(w * dpr)), fh = Math.max(1, Math.round(h * dpr));
    if (canvas.width !== fw) canvas.width = fw;
    if (canvas.height !== fh) canvas.height = fh;
    return [w, h, dpr, fw, fh];
  }
  function resize() { Module._ntm_resize(...sizeCanvas()); }
  function local(e) {
    const r = canvas.getBoundingClientRect();
    return [e.clientX - r.left, e.clientY - r.top];
  }
  function bindInput() {
    canvas.addEventListener('pointerdown', (e) => {
      canvas.setPointerCapture(e.pointerId);
      canvas.focus({ preventScroll: true });
      const [x, y] = local(e);
      Module._ntm_pointer(0, e.pointerId, x, y, e.buttons, e.isPrimary ? 1 : 0);
    });
    canvas.addEventListener('pointermove', (e) => {
      const [x, y] = local(e);
      Module._ntm_pointer(1, e.pointerId, x, y, e.buttons, e.isPrimary ? 1 : 0);
    });
    canvas.addEventListener('pointerup', (e) => {
      const [x, y] = local(e);
      Module._ntm_pointer(2, e.pointerId, x, y, e.buttons, e.isPrimary ? 1 : 0);
    });
    canvas.addEventListener('pointercancel', (e) => {
      Module._ntm_pointer(4, e.pointerId, 0, 0, 0, e.isPrimary ? 1 : 0);
    });
    canvas.addEventListener('pointerleave', (e) => {
      if (e.buttons === 0) Module._ntm_pointer(3, e.pointerId, 0, 0, 0, e.isPrimary ? 1 : 0);
    });
    canvas.addEventListener('wheel', (e) => {
      e.preventDefault();
      const [x, y] = local(e);
      // Normalise line and page deltas to pixels.
      const k = e.deltaMode === 1 ? 33 : e.deltaMode === 2 ? canvas.clientHeight : 1;
      Module._ntm_wheel(x, y, e.deltaY * k);
    }, { passive: false });
    canvas.addEventListener('dblclick', (e) => { const [x, y] = local(e); Module._ntm_dblclick(x, y); });
    canvas.addEventListener('contextmenu', (e) => e.preventDefault());
    window.addEventListener('keydown', (e) => {
      if (e.target === search) return;  // the search field handles its own keys
      if ((e.ctrlKey || e.metaKey) && (e.key === 'k' || e.key === 'K')) {
        e.preventDefault();
        Module._ntm_search_open(1);
        return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === '/') e.preventDefault();
      if ([' ', 'PageDown', 'PageUp', 'ArrowUp', 'ArrowDown'].includes(e.key)) e.preventDefault();
      call('ntm_key', null, ['string', 'number'], [e.key, 1]);
    });
    search.addEventListener('input', () => call('ntm_search_text', null, ['string'], [search.value]));
    search.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        Module._ntm_search_move(e.key === 'ArrowDown' ? 1 : -1);
      } else if (e.key === 'Enter') {
        e.preventDefault();
        Module._ntm_search_choose(-1);
      } else if (e.key === 'Escape') {
        Module._ntm_search_open(0);
      }
    });
    search.addEventListener('blur', () => setTimeout(() => {
      // A click on a result blurs the field first: let the click land before closing.
      if (document.activeElement !== search) Module._ntm_search_open(0);
    }, 300));
    window.addEventListener('keyup', (e) => call('ntm_key', null, ['string', 'number'], [e.key, 0]));
    new ResizeObserver(resize).observe(canvas);
    window.addEventListener('resize', resize);
  }

  // [SECTION] Start-up and "Thử lại"
  let loadingFile = '';  // the file being handed to the viewer, for onNtmError
  async function start() {
    resize();
    bindInput();
    retryButton.textContent = call('ntm_tr', 'string', ['string'], ['retry']) || retryButton.textContent;
    retryButton.addEventListener('click', () => retry());
    await loadData();
  }

  // Hands every file not yet handed over to the viewer, in order: fonts, map, plan files. Throws
  // (after showing why) when the map cannot be drawn; the plan files only add messages.
  async function loadData() {
    if (!done.fonts) {
      const r = await attempts.fonts;
      // Without the fonts nothing can be written on the map: the page says why.
      if (!r.ok) { showError(r.message, 'fonts'); throw new Error(r.message); }
      const [regular, bold] = r.bytes;
      withBytes(regular, (pr, nr) => withBytes(bold, (pb, nb) => Module._ntm_set_fonts(pr, nr, pb, nb)));
      done.fonts = true;
      clearErrors('fonts');
    }
    if (!done.asset) {
      loadingText.textContent = 'Đang vẽ bản đồ…';
      const r = await attempts.asset;
      if (!r.ok) {
        call('ntm_file_failed', null, ['string', 'string'], [assetName, r.message]);
        showError(r.message, assetName);
        throw new Error(r.message);
      }
      // The plan files too, so that the first complete frame already shows the plan.
      await Promise.all(attempts.plans);
      loadingFile = assetName;
      const ok = withBytes(r.bytes, (p, n) => call('ntm_load_asset', 'number', ['number', 'number', 'string'], [p, n, assetName]));
      loadingFile = '';
      if (!ok) throw new Error(errors.length ? errors[errors.length - 1].message : assetName);
      done.asset = true;
      clearErrors(assetName);
    }
    if (tourFile && !done.tourOffered) {
      call('ntm_offer_tour', null, ['string'], [baseName(tourFile)]);
      done.tourOffered = true;
    }
    for (let i = 0; i < planFiles.length; ++i) {
      if (done.plans[i]) continue;
      const r = await attempts.plans[i];
      const name = baseName(planFiles[i]);
      if (r.ok) withBytes(r.bytes, (p, n) => call(planLoaders[i], null, ['number', 'number', 'string'], [p, n, name]));
      else call('ntm_file_failed', null, ['string', 'string'], [name, r.message]);
      done.plans[i] = true;
    }
    if (!done.hash) {
      done.hash = true;
      // A shared link restores its view; then the hash follows the map.
      if (location.hash.length > 1) applyHash(location.hash);
    }
  }

  // The tour file, fetched and handed to the viewer (which then shows the step asked for), or
  // reported as failed (the viewer's error list offers "Thử lại"). One download at a time.
  let tourLoading = null;
  function loadTour(fresh) {
    if (!tourFile || !running) return Promise.resolve();
    if (tourLoading) return tourLoading;
    const name = baseName(tourFile);
    tourLoading = settle(fetchBytes('tour', tourFile, fresh)).then((r) => {
      if (r.ok) withBytes(r.bytes, (p, n) => call('ntm_load_tour', null, ['number', 'number', 'string'], [p, n, name]));
      else call('ntm_file_failed', null, ['string', 'string'], [name, r.message]);
    }).finally(() => { tourLoading = null; });
    return tourLoading;
  }

  // Fetches again every file that failed (bypassing the cache) and hands it over: the fonts or
  // the map (the page's own box), or the plan and tour files the viewer lists as failed (its
  // error list).
  let retrying = null;
  function retry() {
    if (retrying) return retrying;
    retrying = (async () => {
      if (!done.fonts) attempts.fonts = settle(fetchFonts(true));
      if (!done.asset) attempts.asset = settle(fetchBytes('asset', files.asset, true));
      const failed = new Set(done.asset ? json(call('ntm_failed_files', 'string', [], [])) : []);
      for (let i = 0; i < planFiles.length; ++i) {
        const again = done.plans[i] ? failed.has(baseName(planFiles[i])) : !(await attempts.plans[i]).ok;
        if (!again) continue;
        attempts.plans[i] = settle(fetchBytes('plan' + i, planFiles[i], true));
        done.plans[i] = false;
      }
      if (!done.fonts || !done.asset) {
        if (readyState === 'rejected') api.ready = newReady();
        errorBox.hidden = true;
        loading.hidden = false;
        loadingText.textContent = 'Đang tải lại…';
      }
      try { await loadData(); } catch (e) { /* shown on the page again */ }
      if (tourFile && failed.has(baseName(tourFile))) await loadTour(true);
    })().finally(() => { retrying = null; });
    return retrying;
  }

  // [SECTION] Shareable views in the URL hash
  // The viewer writes and parses the hash (core/url_state: hostile values are ignored). A new
  // selection, layer, language or tour step is a new history entry (back/forward walk through
  // them); moving the map only replaces the current one.
  let lastHash = '';
  const withoutView = (h) => h.replace(/(^#|&)v=[^&]*/, '');
  // The hash is handed to the viewer's parser (core/url_state), which validates every value;
  // this side never interprets it. A hash longer than any the viewer writes is ignored whole.
  const kMaxHashChars = 2048;
  function applyHash(h) {
    if (h.length <= kMaxHashChars) call('ntm_apply_hash', null, ['string'], [h]);
    lastHash = call('ntm_hash', 'string', [], []);
  }
  function syncHash() {
    if (Module._ntm_idle() !== 1) return;
    const h = call('ntm_hash', 'string', [], []);
    if (h === lastHash || !h) return;
    if (withoutView(h) !== withoutView(lastHash)) history.pushState(null, '', h);
    else history.replaceState(null, '', h);
    lastHash = h;
  }
  let hashSyncStarted = false;
  function startHashSync() {
    hashSyncStarted = true;
    lastHash = location.hash;
    setInterval(syncHash, 300);
    window.addEventListener('popstate', () => applyHash(location.hash));
    window.addEventListener('hashchange', () => { if (location.hash !== lastHash) applyHash(location.hash); });
  }

  // [SECTION] Public API: window.ntmMap
  function waitFor(pred, timeoutMs = 30000) {
    return new Promise((resolve, reject) => {
      const t0 = performance.now();
      (function poll() {
        if (pred()) return resolve();
        if (performance.now() - t0 > timeoutMs) return reject(new Error('timeout'));
        requestAnimationFrame(poll);
      })();
    });
  }
  // [SECTION] PNG export
  // The map is redrawn at `scale` device pixels per CSS pixel exactly as on screen (panels and
  // legend where they are), then framed by a title above and the source line below.
  let exportFont = null;
  async function loadExportFont() {
    if (exportFont) return exportFont;
    try {
      const regular = new FontFace('NtmExport', `url(${files.regular})`);
      const bold = new FontFace('NtmExport', `url(${files.bold})`, { weight: '700' });
      await Promise.all([regular.load(), bold.load()]);
      document.fonts.add(regular); document.fonts.add(bold);
      exportFont = 'NtmExport';
    } catch (e) { exportFont = 'sans-serif'; }
    return exportFont;
  }
  async function exportPng(options = {}) {
    const scale = Math.min(4, Math.max(1, Number(options.scale) || window.devicePixelRatio || 1));
    const family = await loadExportFont();
    const cssW = canvas.clientWidth, cssH = canvas.clientHeight;
    const now = new Date();
    const caption = json(call('ntm_export_caption', 'string', ['number', 'number', 'number'],
      [now.getFullYear(), now.getMonth() + 1, now.getDate()]));
    const head = Math.round(64 * scale), foot = Math.round(34 * scale);
    const out = document.createElement('canvas');
    out.width = Math.round(cssW * scale);
    out.height = Math.round(cssH * scale) + head + foot;
    const g = out.getContext('2d');
    canvas.width = out.width;
    canvas.height = Math.round(cssH * scale);
    try {
      // 0 while the WebGL context is lost: nothing to copy.
      if (!Module._ntm_render_export(scale, canvas.width, canvas.height)) throw new Error('Bản đồ đang được vẽ lại, hãy thử xuất ảnh sau giây lát.');
      g.fillStyle = '#ffffff';
      g.fillRect(0, 0, out.width, out.height);
      g.drawImage(canvas, 0, head);  // same task as the draw: the buffer is still valid
    } finally {
      resize();  // back to the screen's size and pixel ratio
    }
    g.fillStyle = '#1a1c21';
    g.textBaseline = 'alphabetic';
    g.font = `700 ${Math.round(22 * scale)}px ${family}`;
    g.fillText(caption.title, 16 * scale, 30 * scale);
    g.fillStyle = '#4a4f57';
    g.font = `${Math.round(15 * scale)}px ${family}`;
    g.fillText(caption.subtitle, 16 * scale, 52 * scale);
    g.font = `${Math.round(12 * scale)}px ${family}`;
    g.fillText(caption.source, 16 * scale, head + cssH * scale + 22 * scale);
    return out.toDataURL('image/png');
  }

  const api = {
    ready,
    state() {
      if (!running) {
        return { communeCount: 0, districtCount: 0, selected: null, hovered: null, view: null,
          errors: errors.map((e) => e.message) };
      }
      const s = json(call('ntm_state', 'string', [], []));
      for (const e of errors) if (!s.errors.includes(e.message)) s.errors.push(e.message);
      return s;
    },
    // "Thử lại": fetches the data files that failed again; resolves when they have been handed
    // to the viewer (state().errors then says whether they loaded).
    retry: () => retry(),
    // Diagnostics for long sessions: {mallocInUseBytes, mallocArenaBytes, wasmMemoryBytes,
    // glObjects, framesDrawn, framesRepeated (built but not drawn: the same as the last drawn),
    // framesTiled (drawn from raster tiles while a heavy view moved), tilesDrawn,
    // contextLost, contextRestores, labelSprites (labels drawn from sprites in the last frame),
    // labelSpritesGiven (sprites in the sheet), failedFiles, retryButton}.
    stats() {
      if (!running) return null;
      const s = json(call('ntm_stats', 'string', [], []));
      s.wasmMemoryBytes = Module.HEAPU8.length;
      return s;
    },
    // How the map is drawn while it moves: 'auto' (raster tiles while a view too heavy for the
    // frame rate keeps moving, then sharp from the geometry), 'always' or 'never'.
    setTileMode(mode) {
      call('ntm_set_tile_mode', null, ['number'], [mode === 'always' ? 1 : mode === 'never' ? 2 : 0]);
    },
    pick: (lon, lat) => json(call('ntm_pick', 'string', ['number', 'number'], [lon, lat])),
    project: (lon, lat) => json(call('ntm_project', 'string', ['number', 'number'], [lon, lat])),
    unproject: (x, y) => json(call('ntm_unproject', 'string', ['number', 'number'], [x, y])),
    // Every commune with its label anchor (a point inside it), for embedding pages and tests.
    units: () => json(call('ntm_units', 'string', [], [])),
    // select(district, commune?) selects and zooms; select(null) clears. Returns true, or false
    // with a Vietnamese warning in the console when the name is unknown.
    select(district, commune) {
      const msg = call('ntm_select', 'string', ['string', 'string'], [district || '', commune || '']);
      if (msg) { console.warn(msg); return false; }
      return true;
    },
    // The card of a unit as data: info(district, commune?) → {name, district, type, target2024,
    // status, models, ...} or null for an unknown unit.
    info: (district, commune) => json(call('ntm_info', 'string', ['string', 'string'], [district || '', commune || ''])),
    // Funding by source in million đồng, with the total computed from the sources.
    funds: () => json(call('ntm_funds', 'string', [], [])),
    // The legend of the current layer ({layer, rows: [{class, label, count}], districtTargets}).
    legend: () => json(call('ntm_legend', 'string', [], [])),
    // The pilot-model markers with their positions in CSS px relative to the canvas.
    models: () => json(call('ntm_models', 'string', [], [])),
    // Layers: "muc-tieu-2024" (2024 targets), "hien-trang" (achieved status), "ranh-gioi" (plain).
    setLayer(name) { return call('ntm_set_layer', 'number', ['string'], [String(name)]) === 1; },
    // A PNG of the current map, framed with title and source: {scale: 1|2|4} (default: the
    // screen's pixel ratio). Resolves to a data: URL.
    exportPng: (options) => exportPng(options),
    // Presentation mode: tour(step) shows a step of the guided tour (entering the mode);
    // tour(null) leaves it. state().tourStep is the current step, or null outside the mode.
    // Ranked matches for a text, ignoring case and Vietnamese diacritics: [{district, commune}].
    search: (text) => json(call('ntm_search', 'string', ['string'], [String(text ?? '')])),
    setLanguage(lang) { return call('ntm_set_language', 'number', ['string'], [String(lang)]) === 1; },
    tour(step) {
      Module._ntm_tour(step === null || step === undefined ? -1 : Math.max(0, Math.floor(Number(step)) || 0));
      return api.whenIdle();
    },
    setView(lon, lat, zoom) { call('ntm_set_view', null, ['number', 'number', 'number'], [lon, lat, zoom]); },
    // Animates to {lon, lat, zoom}; resolves when the move has ended and the view is fully drawn.
    flyTo(view, durationMs = 800) {
      Module._ntm_fly_to(view.lon, view.lat, view.zoom, Math.max(0, Number(durationMs) || 0));
      return api.whenIdle();
    },
    // Resolves when the current view is completely drawn (labels included) and nothing moves.
    whenIdle: () => waitFor(() => Module._ntm_idle() === 1, 60000),
  };
  window.ntmMap = api;
})();
