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
# The JavaScript is minified with terser (issue 5's download budget), an npm development
# dependency in web/package.json that scripts/setup.sh installs; installed here if missing.
# Measured gzip -9: viewer.js 15.8 → 11.1 KiB, js/ntm-map.js 6.6 → 5.0 KiB (the page's glue
# had only its whole-line comments taken out before); three compress passes instead of one,
# another 0.15 KiB.
terser=web/node_modules/.bin/terser
if [ ! -x "$terser" ]; then (cd web && npm ci --no-audit --no-fund --loglevel=error); fi
# The page's glue: one 'use strict' IIFE, so only its locals are renamed; the directive stays.
for f in web/js/*.js; do "$terser" "$f" --compress passes=3 --mangle --output "$out/js/$(basename "$f")"; done
# Emscripten's glue is a classic script whose top-level names are globals: they are renamed
# too (toplevel), all but `Module`, the one global the page and the tests use (js/ntm-map.js
# sets it up first and calls the viewer through it). Emscripten 3.1.6 only strips whitespace.
# Its --closure was tried: Debian's closure-compiler (2013) cannot read ES6, and npm's current
# one needs its options and Emscripten's externs patched to run, then renames the page's
# callbacks (Module.onNtmReady, ... in main_web.cpp's EM_JS): 9.2 KiB, but a broken page.
"$terser" "$viewer/viewer.js" --compress toplevel,passes=3 --mangle toplevel,reserved=[Module] --output "$out/viewer.js"
cp web/css/*.css "$out/css/"
cp "$viewer/viewer.wasm" "$out/"
cp "$data"/*.ntm "$out/data/"
cp build/deps/fonts/NotoSans-vi.ttf build/deps/fonts/NotoSans-vi-Bold.ttf "$out/fonts/"
cp geodata/plan/soc-trang-2024.json geodata/plan/status-2024.json "$out/plan/"
mkdir -p "$out/tour" && cp geodata/tour/tour-2024.json "$out/tour/"
# The loading bar's totals (js/ntm-map.js): the size of each file the page downloads, before
# compression, in index.html's <meta name="ntm-file-sizes"> as "path=bytes" pairs. A server
# sending the twins below announces their compressed length, which the bar cannot count against.
sizes=$(cd "$out" && for f in viewer.wasm data/*.ntm fonts/*.ttf plan/*.json tour/*.json; do printf '%s=%s ' "$f" "$(stat -c %s "$f")"; done)
sed -i "s|<meta name=\"ntm-file-sizes\" content=\"\">|<meta name=\"ntm-file-sizes\" content=\"${sizes% }\">|" "$out/index.html"
grep -q "name=\"ntm-file-sizes\" content=\"viewer.wasm=" "$out/index.html" || { echo "make-dist: file sizes not written into index.html" >&2; exit 1; }
# The gzip twins are made with zopfli (Debian's zopfli, set up by scripts/setup.sh): the same
# gzip format every browser reads, 3-5 % smaller than gzip -9 (viewer.wasm 227.7 → 217.5 KB),
# so a server that sends the twins (web/serve.mjs, nginx's gzip_static, ...) sends fewer bytes.
# Over 1 MiB (the national map, loaded only with ?data=vietnam) gzip -9: zopfli would take
# tens of seconds of every build for it.
find "$out" -type f ! -name '*.gz' ! -name '*.br' | while read -r f; do
  if [ "$(stat -c %s "$f")" -le 1048576 ]; then zopfli -c "$f" > "$f.gz"; else gzip -9 -k -n -f "$f"; fi
  brotli -q 11 -f -k "$f"
done
echo "dist: $(find "$out" -type f ! -name '*.gz' ! -name '*.br' | wc -l) files in $out/"
