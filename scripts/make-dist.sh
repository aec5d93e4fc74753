#!/usr/bin/env bash
# Assembles the static site: page, glue, viewer, fonts, map assets and plan data, plus gzip and
# brotli twins of every file for servers that can send them (web/serve.mjs does).
# Usage: scripts/make-dist.sh <viewer build dir> <data dir> <dist dir>
set -euo pipefail
cd "$(dirname "$0")/.."
viewer=$1 data=$2 out=$3
rm -rf "$out"
mkdir -p "$out/js" "$out/css" "$out/data" "$out/fonts" "$out/plan"
cp web/index.html web/favicon.svg "$out/"
# The page's glue without its whole-line comments (a third of its bytes; the source keeps them).
for f in web/js/*.js; do sed -E '/^[[:space:]]*\/\//d' "$f" > "$out/js/$(basename "$f")"; done
cp web/css/*.css "$out/css/"
cp "$viewer/viewer.js" "$viewer/viewer.wasm" "$out/"
cp "$data"/*.ntm "$out/data/"
cp build/deps/fonts/NotoSans-vi.ttf build/deps/fonts/NotoSans-vi-Bold.ttf build/deps/fonts/NotoSansMath-sym.ttf "$out/fonts/"
cp geodata/plan/soc-trang-2024.json geodata/plan/status-2024.json "$out/plan/"
mkdir -p "$out/tour" && cp geodata/tour/tour-2024.json "$out/tour/"
find "$out" -type f ! -name '*.gz' ! -name '*.br' | while read -r f; do
  gzip -9 -k -n -f "$f"
  brotli -q 11 -f -k "$f"
done
echo "dist: $(find "$out" -type f ! -name '*.gz' ! -name '*.br' | wc -l) files in $out/"
