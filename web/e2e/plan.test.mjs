// End-to-end tests of the 2024 plan on the map: legend counts, unit cards, model markers,
// funding, layers, and a damaged plan file. Expected figures are read from the plan file the
// page serves, so the test checks the app against the data, not against itself.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { start, stop, openPage, waitReady, screenshot, DIST } from './harness.mjs';

const planFile = JSON.parse(fs.readFileSync(path.join(DIST, 'plan/soc-trang-2024.json'), 'utf8'));
let ctx;
before(async () => { ctx = await start(); });
after(async () => { await stop(ctx); });

const countRow = (legend, cls) => legend.rows.find((r) => r.class === cls)?.count ?? 0;

async function pixel(page, x, y) {
  return page.evaluate(([px, py]) => {
    const c = document.getElementById('canvas');
    const copy = document.createElement('canvas');
    copy.width = c.width; copy.height = c.height;
    const g = copy.getContext('2d');
    g.drawImage(c, 0, 0);
    return Array.from(g.getImageData(Math.round(px), Math.round(py), 1, 1).data.slice(0, 3));
  }, [x, y]);
}

test('the 2024 targets layer counts each class as the plan says', async () => {
  const page = await openPage(ctx);
  await waitReady(page);
  const s = await page.evaluate(() => window.ntmMap.state());
  assert.equal(s.layer, 'muc-tieu-2024');
  assert.deepEqual(s.errors, []);
  const legend = await page.evaluate(() => window.ntmMap.legend());
  const byStandard = (id) => planFile.commune_targets.filter((t) => t.standard === id).length;
  // Section I of the plan: 5 communes to NTM, 9 to NTM nâng cao, 1 to NTM kiểu mẫu.
  assert.equal(countRow(legend, 'ntm'), 5);
  assert.equal(countRow(legend, 'nang-cao'), 9);
  assert.equal(countRow(legend, 'kieu-mau'), 1);
  for (const id of ['ntm', 'nang-cao', 'kieu-mau']) assert.equal(countRow(legend, id), byStandard(id));
  const units = await page.evaluate(() => window.ntmMap.units());
  const urban = units.filter((u) => u.type !== 'xa').length;
  assert.equal(countRow(legend, 'not-applicable'), urban);
  assert.equal(countRow(legend, 'none'), units.length - urban - 15);
  assert.match(legend.rows.find((r) => r.class === 'nang-cao').label, /^NTM nâng cao: 9 xã$/);
  assert.deepEqual(legend.districtTargets.map((d) => d.district).sort(),
    ['Huyện Châu Thành', 'Huyện Cù Lao Dung', 'Huyện Mỹ Xuyên']);
  await screenshot(page, 'layer-muc-tieu-2024.png');
  await page.close();
});

test('the card of a target commune, a ward and a district shows the plan and no invented status', async () => {
  const page = await openPage(ctx);
  await waitReady(page);
  const card = await page.evaluate(() => window.ntmMap.info('Huyện Mỹ Xuyên', 'Xã Hòa Tú 1'));
  assert.equal(card.name, 'Xã Hòa Tú 1');
  assert.equal(card.district, 'Huyện Mỹ Xuyên');
  assert.equal(card.type, 'xa');
  assert.equal(card.target2024, 'kieu-mau');
  assert.equal(card.status, null, 'the plan says nothing about achieved status: no data');
  assert.deepEqual(card.models.map((m) => m.id), ['nuoc-thai-hoa-tu-1']);
  assert.ok(card.population2009 > 0 && card.areaHa > 0);
  for (const t of planFile.commune_targets) {
    const c = await page.evaluate(([d, n]) => window.ntmMap.info(d, n), [t.district, t.commune]);
    assert.equal(c?.target2024, t.standard, `${t.commune} (${t.district})`);
  }
  const ward = await page.evaluate(() => window.ntmMap.info('Thị xã Vĩnh Châu', 'Phường 1'));
  assert.equal(ward.type, 'phuong');
  assert.equal(ward.applicable, false);
  assert.equal(ward.target2024, null);
  const district = await page.evaluate(() => window.ntmMap.info('Huyện Châu Thành'));
  assert.equal(district.type, 'huyen');
  assert.equal(district.target2024, 'ntm');
  const myXuyen = await page.evaluate(() => window.ntmMap.info('Huyện Mỹ Xuyên'));
  assert.deepEqual(myXuyen.districtTargets.map((t) => [t.standard, t.milestone]), [['nang-cao', 'ho-so']]);
  assert.equal(await page.evaluate(() => window.ntmMap.info('Huyện Mỹ Xuyên', 'Xã Không Có')), null);

  // Drill down with clicks: the district, then the commune; the map zooms at each step.
  const home = (await page.evaluate(() => window.ntmMap.state())).view.zoom;
  const box = await page.locator('#canvas').boundingBox();
  const target = (await page.evaluate(() => window.ntmMap.units())).find((u) => u.commune === 'Xã Thạnh Thới An');
  await page.evaluate(() => window.ntmMap.select('Huyện Trần Đề'));
  await page.evaluate(() => window.ntmMap.whenIdle());
  assert.ok((await page.evaluate(() => window.ntmMap.state())).view.zoom > home + 0.5);
  const p = await page.evaluate(([lon, lat]) => window.ntmMap.project(lon, lat), [target.lon, target.lat]);
  await page.mouse.click(box.x + p.x, box.y + p.y);
  assert.deepEqual((await page.evaluate(() => window.ntmMap.state())).selected,
    { district: 'Huyện Trần Đề', commune: 'Xã Thạnh Thới An' });
  await page.mouse.move(box.x + 1270, box.y + 790);  // off the map: no hover tooltip
  await page.evaluate(() => window.ntmMap.whenIdle());
  await screenshot(page, 'card-thanh-thoi-an.png');
  await page.close();
});

test('each pilot model has a marker that shows its card on hover and selects its place on click', async () => {
  const page = await openPage(ctx);
  await waitReady(page);
  const models = await page.evaluate(() => window.ntmMap.models());
  assert.deepEqual(models.map((m) => m.id).sort(), planFile.models.map((m) => m.id).sort());
  assert.equal(models.length, 4);
  const box = await page.locator('#canvas').boundingBox();
  for (const m of models) {
    // The marker is drawn: its ring (right of the number) has the marker orange.
    const [r, g, b] = await pixel(page, m.x + 8, m.y);
    assert.ok(r > 200 && g > 130 && g < 190 && b < 60, `marker ${m.number} colour ${[r, g, b]}`);
    await page.mouse.move(box.x + m.x + 6, box.y + m.y);
    await page.waitForFunction((id) => window.ntmMap.state().hoveredModel === id, m.id);
    await page.mouse.click(box.x + m.x + 6, box.y + m.y);
    const s = await page.evaluate(() => window.ntmMap.state());
    assert.equal(s.selectedModel, m.id);
    if (m.commune) assert.deepEqual(s.selected, { district: m.district, commune: m.commune });
    else assert.deepEqual(s.selected, { district: m.district, commune: null });
    await page.evaluate(() => window.ntmMap.whenIdle());
    if (m.number === 2) await screenshot(page, 'model-card-2.png');
    await page.keyboard.press('Escape');
    await page.evaluate(() => window.ntmMap.setView(105.94, 9.59, (window.__home ??= window.ntmMap.state().view.zoom)));
    await page.evaluate(() => window.ntmMap.whenIdle());
    // Markers move with the view; re-read positions for the next one.
    models.splice(0, models.length, ...(await page.evaluate(() => window.ntmMap.models())));
  }
  await page.close();
});

test('the funding total is the sum of the plan sources, with the plan splits', async () => {
  const page = await openPage(ctx);
  await waitReady(page);
  const funds = await page.evaluate(() => window.ntmMap.funds());
  assert.equal(funds.sources.length, planFile.funding.sources.length);
  let sum = 0;
  for (const src of planFile.funding.sources) {
    const got = funds.sources.find((s) => s.id === src.id);
    assert.ok(got, src.id);
    assert.equal(got.amount, src.amount_million_dong);
    assert.equal(got.investment, src.investment_million_dong);
    assert.equal(got.recurrent, src.recurrent_million_dong);
    sum += src.amount_million_dong;
  }
  assert.equal(funds.total, sum);
  // Mục III: central 133.988, of which 103.600 investment and 30.388 recurrent.
  const central = funds.sources.find((s) => s.id === 'ngan-sach-trung-uong');
  assert.deepEqual([central.amount, central.investment, central.recurrent], [133988, 103600, 30388]);
  assert.equal(funds.investment + funds.recurrent + funds.unsplit, funds.total);
  // The funding tab: click it and look.
  await page.mouse.click((await page.locator('#canvas').boundingBox()).x + 975, 80);
  await page.evaluate(() => window.ntmMap.whenIdle());
  await screenshot(page, 'tab-funding.png');
  await page.mouse.click(1055, 80);
  await page.evaluate(() => window.ntmMap.whenIdle());
  await screenshot(page, 'tab-calendar.png');
  await page.close();
});

test('the status layer shows "no data" for every commune, not a guess', async () => {
  const page = await openPage(ctx);
  await waitReady(page);
  assert.equal(await page.evaluate(() => window.ntmMap.setLayer('hien-trang')), true);
  assert.equal((await page.evaluate(() => window.ntmMap.state())).layer, 'hien-trang');
  const legend = await page.evaluate(() => window.ntmMap.legend());
  const units = await page.evaluate(() => window.ntmMap.units());
  const rural = units.filter((u) => u.type === 'xa').length;
  assert.equal(countRow(legend, 'no-data'), rural);
  assert.equal(countRow(legend, 'not-applicable'), units.length - rural);
  assert.equal(countRow(legend, 'ntm') + countRow(legend, 'nang-cao') + countRow(legend, 'kieu-mau'), 0);
  await page.evaluate(() => window.ntmMap.whenIdle());
  await screenshot(page, 'layer-hien-trang.png');
  assert.equal(await page.evaluate(() => window.ntmMap.setLayer('khong-co')), false);
  assert.equal(await page.evaluate(() => window.ntmMap.setLayer('ranh-gioi')), true);
  await page.evaluate(() => window.ntmMap.whenIdle());
  await screenshot(page, 'layer-ranh-gioi.png');
  await page.close();
});

test('figures with a fraction are read to the doubles JSON.parse gives, and a figure too large is quoted as written', async () => {
  // The viewer reads decimals with JavaScript's Number() (core/decimal.hpp), not the C library's
  // strtod: digits a careless reader rounds the wrong way, 17 significant digits, exponents. The
  // plan has whole millions only; this copy gives each funding source a fraction instead.
  // The first source gets a figure past 10^9 million đồng: refused, and quoted in the message.
  const digits = ['1234567890.125', '2.675', '1234.5678901234567', '133988.30000000000001', '999999999.99999994',
    '0.30000000000000004', '4.35e-3', '5e-324'];
  const plan = structuredClone(planFile);
  delete plan.funding.stated_total_million_dong;
  const sources = plan.funding.sources.slice(0, digits.length);
  assert.equal(sources.length, digits.length);
  sources.forEach((src, i) => {
    src.amount_million_dong = `@${i}@`;
    delete src.investment_million_dong;
    delete src.recurrent_million_dong;
  });
  let body = JSON.stringify(plan);
  digits.forEach((d, i) => { body = body.replace(`"@${i}@"`, d); });
  const page = await openPage(ctx, {
    route: { pattern: '**/plan/soc-trang-2024.json', handler: (route) => route.fulfill({ status: 200, contentType: 'application/json', body }) },
  });
  await waitReady(page);
  const funds = await page.evaluate(() => window.ntmMap.funds());
  const expected = JSON.parse(body).funding.sources;
  for (let i = 1; i < sources.length; ++i) {
    const got = funds.sources.find((s) => s.id === sources[i].id);
    assert.ok(got, sources[i].id);
    assert.ok(Object.is(got.amount, expected[i].amount_million_dong), `${digits[i]}: ${got.amount} vs ${expected[i].amount_million_dong}`);
  }
  const errors = (await page.evaluate(() => window.ntmMap.state())).errors;
  assert.ok(errors.some((e) => e.includes('(1234567890.125, hơn')), JSON.stringify(errors));
  await page.close();
});

test('a plan file with a misspelt commune shows the error and still renders the rest', async () => {
  const page = await openPage(ctx, {
    route: {
      pattern: '**/plan/soc-trang-2024.json',
      handler: async (route) => {
        const res = await route.fetch();
        const body = (await res.text()).replace('"commune": "Xã Tài Văn"', '"commune": "Xã Tài Vân"');
        await route.fulfill({ response: res, body });
      },
    },
  });
  await waitReady(page);
  const s = await page.evaluate(() => window.ntmMap.state());
  const message = s.errors.find((e) => e.includes('Xã Tài Vân'));
  assert.ok(message, JSON.stringify(s.errors));
  assert.match(message, /soc-trang-2024\.json/);
  assert.match(message, /Xã Tài Văn/, 'the message suggests the right name');
  const legend = await page.evaluate(() => window.ntmMap.legend());
  assert.equal(countRow(legend, 'ntm'), 4);
  assert.equal(countRow(legend, 'nang-cao'), 9);
  assert.equal(countRow(legend, 'kieu-mau'), 1);
  assert.equal((await page.evaluate(() => window.ntmMap.models())).length, 4);
  await screenshot(page, 'error-misspelt-plan.png');
  await page.close();
});

test('a status file that is not JSON is reported and the map keeps working', async () => {
  const page = await openPage(ctx, {
    route: { pattern: '**/plan/status-2024.json', handler: (route) => route.fulfill({ status: 200, body: '{"units": [' }) },
  });
  await waitReady(page);
  const s = await page.evaluate(() => window.ntmMap.state());
  assert.ok(s.errors.some((e) => e.includes('status-2024.json')), JSON.stringify(s.errors));
  assert.equal(s.communeCount, 109);
  assert.equal(countRow(await page.evaluate(() => window.ntmMap.legend()), 'kieu-mau'), 1);
  await page.close();
});
