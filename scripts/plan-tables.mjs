// plan-tables.mjs — writes the README's plan tables (funding by source, 2024 targets) from
// geodata/plan/soc-trang-2024.json, so the README never carries a typed figure: totals are
// computed here, as in the app. `node scripts/plan-tables.mjs --write` updates README.md;
// without --write it prints the tables; web/e2e/docs.test.mjs fails when the README is stale.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const vi = (n) => Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
const pct = (x) => (Math.round(x * 1000) / 10).toFixed(1).replace('.', ',') + '%';
const cell = (v) => (v === null || v === undefined ? '—' : vi(v));
const STANDARDS = [['ntm', 'NTM'], ['nang-cao', 'NTM nâng cao'], ['kieu-mau', 'NTM kiểu mẫu']];

export function tables(plan) {
  const sources = plan.funding.sources;
  const total = sources.reduce((s, x) => s + x.amount_million_dong, 0);
  const inv = sources.reduce((s, x) => s + (x.investment_million_dong ?? 0), 0);
  const rec = sources.reduce((s, x) => s + (x.recurrent_million_dong ?? 0), 0);
  const funding = ['| Nguồn vốn (source) | Triệu đồng | Đầu tư phát triển | Sự nghiệp | Tỷ lệ |', '| --- | ---: | ---: | ---: | ---: |'];
  for (const s of sources)
    funding.push(`| ${s.label} | ${vi(s.amount_million_dong)} | ${cell(s.investment_million_dong)} | ${cell(s.recurrent_million_dong)} | ${pct(s.amount_million_dong / total)} |`);
  funding.push(`| **Tổng (tính từ các nguồn)** | **${vi(total)}** | ${vi(inv)} | ${vi(rec)} | 100% |`);
  const targets = ['| Mục tiêu 2024 | Số xã | Xã (huyện) |', '| --- | ---: | --- |'];
  for (const [id, label] of STANDARDS) {
    const list = plan.commune_targets.filter((t) => t.standard === id);
    targets.push(`| ${label} | ${list.length} | ${list.map((t) => `${t.commune} (${t.district})`).join('; ')} |`);
  }
  return { funding: funding.join('\n'), targets: targets.join('\n') };
}

// Replaces what lies between each pair of markers (nothing, or an older table) with the table.
// Throws if a pair is missing: a README without its tables must not pass as up to date.
export function render(readme, plan) {
  const t = tables(plan);
  let out = readme;
  for (const [name, body] of Object.entries(t)) {
    const re = new RegExp(`(<!-- ${name}:begin -->\\n)[\\s\\S]*?(<!-- ${name}:end -->)`);
    if (!re.test(out)) throw new Error(`README.md has no <!-- ${name}:begin --> … <!-- ${name}:end --> pair`);
    out = out.replace(re, `$1${body}\n$2`);
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const plan = JSON.parse(fs.readFileSync(path.join(root, 'geodata/plan/soc-trang-2024.json'), 'utf8'));
  if (process.argv.includes('--write')) {
    const file = path.join(root, 'README.md');
    fs.writeFileSync(file, render(fs.readFileSync(file, 'utf8'), plan));
  } else {
    const t = tables(plan);
    console.log(t.targets + '\n\n' + t.funding);
  }
}
