// The README's plan tables are generated from the plan file (scripts/plan-tables.mjs): this
// fails when someone edits the plan or types a figure into the README by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { render } from '../../scripts/plan-tables.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

test('the README plan tables match the plan file (run scripts/plan-tables.mjs --write)', () => {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const plan = JSON.parse(fs.readFileSync(path.join(root, 'geodata/plan/soc-trang-2024.json'), 'utf8'));
  assert.match(readme, /<!-- funding:begin -->/);
  assert.match(readme, /<!-- targets:begin -->/);
  assert.equal(readme, render(readme, plan));
  // The tables are there, with the plan's own totals (not just the markers).
  assert.match(readme, /<!-- targets:begin -->\n\| Mục tiêu 2024 \| Số xã \|/);
  assert.match(readme, /<!-- funding:begin -->\n\| Nguồn vốn \(source\) \|/);
  assert.ok(readme.includes(`| NTM nâng cao | ${plan.commune_targets.filter((t) => t.standard === 'nang-cao').length} |`));
});
