// Bad inputs in the browser (issue 6): every case of tests/bad-input/expected.json is served in
// place of the real file of its kind (the plan, the status file, the tour or the map), and the page
// must show the case's Vietnamese message, keep what the manifest says survives (with a bad plan
// file the map still draws), and stay responsive. The same manifest drives the C++ test
// (tests/core/bad_input_test.cpp); tests/bad-input/README.md explains the cases and the recipes.
// The page hands the files' raw bytes to the viewer, so `message_raw` is shown here as well.
// One browser, a few pages at a time: the whole file takes a few minutes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { start, stop, openPage, waitReady, canvasStats } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const BAD = path.resolve(here, '../../tests/bad-input');
const manifest = JSON.parse(fs.readFileSync(path.join(BAD, 'expected.json'), 'utf8'));
const PAGES_AT_ONCE = Number(process.env.NTM_BAD_INPUT_PAGES || 3);

// The file of the page each kind replaces.
const SERVED = {
  plan: { url: 'plan/soc-trang-2024.json', type: 'application/json; charset=utf-8' },
  status: { url: 'plan/status-2024.json', type: 'application/json; charset=utf-8' },
  tour: { url: 'tour/tour-2024.json', type: 'application/json; charset=utf-8' },
  asset: { url: 'data/soc-trang.ntm', type: 'application/octet-stream' },
};

// [SECTION] Recipes (tests/bad-input/README.md, "Recipes")
function crc32(b) {
  if (zlib.crc32) return zlib.crc32(b);
  let c, crc = 0xffffffff;
  for (const byte of b) {
    c = (crc ^ byte) & 0xff;
    for (let k = 0; k < 8; ++k) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
function replaceOnce(b, marker, w) {
  const at = b.indexOf(marker);
  assert.ok(at >= 0, `no ${marker} in the base`);
  return Buffer.concat([b.subarray(0, at), w, b.subarray(at + Buffer.byteLength(marker))]);
}
export function generate(base, recipe) {
  let b = Buffer.from(base);
  for (const step of recipe.split('|').map((s) => s.trim())) {
    const [op, ...a] = step.split(':');
    const pos = (s) => (s.includes('.') ? Math.floor(Number(s) * b.length) : Number(s) < 0 ? b.length + Number(s) : Number(s));
    if (op === 'truncate') b = b.subarray(0, pos(a[0]));
    else if (op === 'flip') b[pos(a[0])] ^= 0xff;
    else if (op === 'set-u32') b.writeUInt32LE(Number(a[1]), pos(a[0]));
    else if (op === 'fix-crc') b.writeUInt32LE(crc32(b.subarray(16)), 12);
    else if (op === 'fill') b = replaceOnce(b, '@FILL@', Buffer.alloc(Number(a[0]), 'x'));
    else if (op === 'nest') b = replaceOnce(b, '"@NEST@"', Buffer.from('['.repeat(Number(a[0])) + ']'.repeat(Number(a[0]))));
    else throw new Error(`unknown recipe step ${step}`);
  }
  return b;
}
const bytesOf = (e) => (e.generate ? generate(fs.readFileSync(path.join(BAD, e.base)), e.generate)
  : fs.readFileSync(path.join(BAD, e.file)));

let ctx;
before(async () => { ctx = await start(); });
after(async () => { await stop(ctx); });

// Resolves within `ms` or fails naming `what`: the page must not hang.
function within(ms, what, p) {
  let timer;
  return Promise.race([p, new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${what}: no answer in ${ms} ms`)), ms); })])
    .finally(() => clearTimeout(timer));
}

// One case: serve the bad file, check message, what is kept, and that the page still answers.
async function check(e) {
  const served = SERVED[e.kind];
  assert.ok(served, `unknown kind ${e.kind}`);
  const body = bytesOf(e);
  const name = served.url.split('/').pop();
  const page = await openPage(ctx, {
    route: { pattern: `**/${served.url}`, handler: (route) => route.fulfill({ status: 200, contentType: served.type, body }) },
  });
  try {
    const needles = [e.message, ...(e.also || []), ...(e.message_raw ? [e.message_raw] : [])];
    if (e.kind === 'asset') {
      // A damaged map is refused whole: the page says why, offers "Thử lại", and still answers.
      await page.locator('#error').waitFor({ state: 'visible', timeout: 30000 });
      assert.match(await page.locator('#error').innerText(), /Không mở được bản đồ/);
      assert.equal(await page.locator('#retry').isVisible(), true, 'a "Thử lại" button');
      assert.equal(await page.evaluate(() => window.ntmMap.ready.then(() => 'ok', () => 'rejected')), 'rejected');
      const shown = await page.locator('#error-text').innerText();
      for (const n of needles) assert.ok(shown.includes(n), `on screen: “${n}” not in “${shown}”`);
      const s = await page.evaluate(() => window.ntmMap.state());
      for (const n of needles) assert.ok(s.errors.some((m) => m.includes(n)), `state().errors: “${n}” not in ${JSON.stringify(s.errors)}`);
      const answered = await within(5000, 'select and a frame', page.evaluate(() => {
        const selected = window.ntmMap.select('Huyện Mỹ Xuyên', 'Xã Hòa Tú 1');
        return new Promise((r) => requestAnimationFrame(() => r({ selected, stats: window.ntmMap.stats() })));
      }));
      assert.equal(answered.selected, false, 'nothing to select without a map');
      assert.deepEqual(answered.stats.failedFiles, [name]);
      assert.equal(answered.stats.loaded.asset.communes, 0);
    } else {
      await within(60000, 'the map drawn', waitReady(page));
      // The tour file is fetched when presentation mode is asked for, and read then.
      if (e.kind === 'tour') {
        await within(15000, 'the tour asked for', page.evaluate(async () => { await window.ntmMap.tour(0); await window.ntmMap.tour(null); }));
      }
      const s = await page.evaluate(() => window.ntmMap.state());
      for (const n of needles) {
        const m = s.errors.find((x) => x.includes(n));
        assert.ok(m, `“${n}” not in ${JSON.stringify(s.errors, null, 1)}`);
        assert.ok(m.startsWith(name), `the message names the file: ${m}`);
      }
      const stats = await page.evaluate(() => window.ntmMap.stats());
      for (const [k, v] of Object.entries(e.keeps || {})) assert.equal(stats.loaded[e.kind][k], v, `keeps ${k}`);
      if (e.kind === 'tour') assert.equal(s.tourSteps, stats.loaded.tour.steps);
      if (e.kind === 'plan' && e.keeps && 'commune_targets' in e.keeps) {
        // The targets kept are on the map: the legend counts them (a target per commune).
        const legend = await page.evaluate(() => window.ntmMap.legend());
        const withTarget = legend.rows.filter((r) => ['ntm', 'nang-cao', 'kieu-mau'].includes(r.class)).reduce((n, r) => n + r.count, 0);
        assert.ok(withTarget <= e.keeps.commune_targets, `legend ${JSON.stringify(legend.rows)}`);
        assert.equal(withTarget > 0, e.keeps.commune_targets > 0, `legend ${JSON.stringify(legend.rows)}`);
      }
      // The map is drawn and the page answers: a selection zooms and is drawn.
      assert.equal(s.communeCount, 109);
      assert.ok((await canvasStats(page)).distinct > 200, 'the map is drawn');
      await within(15000, 'select and a frame', page.evaluate(async () => {
        if (!window.ntmMap.select('Huyện Mỹ Xuyên', 'Xã Hòa Tú 1')) throw new Error('select');
        await window.ntmMap.whenIdle();
        if (window.ntmMap.state().selected?.commune !== 'Xã Hòa Tú 1') throw new Error('not selected');
      }));
      if (e.kind === 'tour' && s.tourSteps > 0) {
        await within(15000, 'the tour', page.evaluate(async () => { await window.ntmMap.tour(0); await window.ntmMap.tour(null); }));
      }
    }
    assert.deepEqual(page.consoleErrors, [], 'no page error');
  } finally {
    await page.close();
  }
}

test('the manifest lists cases of every kind, each with its file or recipe', () => {
  assert.ok(manifest.length >= 40, `${manifest.length} cases`);
  for (const kind of Object.keys(SERVED)) assert.ok(manifest.some((e) => e.kind === kind), kind);
  for (const e of manifest) {
    assert.equal(e.file.split('/')[0], e.kind, e.file);
    assert.ok(typeof e.message === 'string' && e.message.length > 0, e.file);
    if (e.generate) assert.ok(fs.existsSync(path.join(BAD, e.base)), `${e.file}: base ${e.base}`);
    else assert.ok(fs.existsSync(path.join(BAD, e.file)), e.file);
  }
});

for (const kind of ['plan', 'status', 'tour', 'asset']) {
  const cases = manifest.filter((e) => e.kind === kind);
  test(`${kind}: ${cases.length} bad files, each named in Vietnamese, the valid part kept, the page responsive`,
    { concurrency: PAGES_AT_ONCE }, async (t) => {
      await Promise.all(cases.map((e) => t.test(`${e.file}${e.generate ? ` (${e.generate})` : ''}: ${e.note || ''}`, () => check(e))));
    });
}
