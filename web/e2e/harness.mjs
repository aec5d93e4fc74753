// harness.mjs — shared set-up of the browser tests: serve dist/ on a free loopback port and
// drive Debian's Chromium (headless, software WebGL through SwiftShader) with playwright-core.
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../serve.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const DIST = process.env.DIST_DIR || path.resolve(here, '../../dist');
export const SHOTS = path.resolve(here, 'screenshots');

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
  '--disable-quic', '--disable-dev-shm-usage'];

export async function start() {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) throw new Error(`no site in ${DIST}: run make dist`);
  const { server, url } = await serve(DIST, 0);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  return { server, url, browser };
}

export async function stop(ctx) {
  await ctx.browser?.close();
  await new Promise((r) => ctx.server?.close(r));
}

// A page at 1280×800 (`scale` device pixels a CSS pixel) whose canvas keeps its pixels readable
// (preserveDrawingBuffer), with the console errors collected. `setup(page)` runs before the page
// is opened (to listen to requests).
export async function openPage(ctx, { query = '', width = 1280, height = 800, scale = 1, init, route, setup } = {}) {
  const page = await ctx.browser.newPage({ viewport: { width, height }, deviceScaleFactor: scale });
  const consoleErrors = [];
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  await page.addInitScript(() => {
    const get = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (type, attrs) {
      if (type === 'webgl2') attrs = Object.assign({}, attrs, { preserveDrawingBuffer: true });
      return get.call(this, type, attrs);
    };
  });
  if (init) await page.addInitScript(init);
  if (route) await page.route(route.pattern, route.handler);
  if (setup) await setup(page);
  await page.goto(ctx.url + (query ? `?${query}` : ''));
  page.consoleErrors = consoleErrors;
  return page;
}

export async function waitReady(page) {
  await page.waitForFunction(() => window.ntmMap && window.ntmMap.ready, null, { timeout: 30000 });
  await page.evaluate(() => window.ntmMap.ready);
  await page.evaluate(() => window.ntmMap.whenIdle());
}

// Colour histogram of the canvas: number of distinct colours and the share of the most common.
export async function canvasStats(page) {
  return page.evaluate(() => {
    const c = document.getElementById('canvas');
    const copy = document.createElement('canvas');
    copy.width = c.width; copy.height = c.height;
    const g = copy.getContext('2d');
    g.drawImage(c, 0, 0);
    const d = g.getImageData(0, 0, copy.width, copy.height).data;
    const counts = new Map();
    for (let i = 0; i < d.length; i += 4 * 7) {
      const k = (d[i] << 16) | (d[i + 1] << 8) | d[i + 2];
      counts.set(k, (counts.get(k) || 0) + 1);
    }
    let max = 0, total = 0;
    for (const v of counts.values()) { total += v; if (v > max) max = v; }
    return { distinct: counts.size, topShare: max / total };
  });
}

// The canvas's pixels as RGB, row by row, in the columns left of `width` (all when omitted), read
// through a 2D copy (the harness keeps WebGL's drawing buffer).
export function canvasPixels(page, width) {
  return page.evaluate((w) => {
    const c = document.getElementById('canvas');
    const copy = document.createElement('canvas');
    copy.width = c.width; copy.height = c.height;
    const g = copy.getContext('2d');
    g.drawImage(c, 0, 0);
    const d = g.getImageData(0, 0, w || copy.width, copy.height).data;
    const out = [];
    for (let i = 0; i < d.length; i += 4) out.push(d[i], d[i + 1], d[i + 2]);
    return out;
  }, width);
}

export async function screenshot(page, name) {
  fs.mkdirSync(SHOTS, { recursive: true });
  const file = path.join(SHOTS, name);
  await page.screenshot({ path: file });
  return file;
}
