#!/usr/bin/env bash
# Idempotent set-up for a fresh Debian 12 machine: Debian packages, the Dear ImGui source
# (from Debian's archive, never committed), the Vietnamese font subset, the npm minifier for dist/
# and the npm test tools.
# Called by `make run`, `make test` and `make dist`; a second run does nothing but check.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
DEPS=$ROOT/build/deps
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO=sudo; fi
export DEBIAN_FRONTEND=noninteractive

PACKAGES=(cmake ninja-build g++ emscripten libgdal-dev libgeos-dev libicu-dev catch2 nlohmann-json3-dev rapidjson-dev
          fonts-noto-core fonttools chromium brotli gzip zopfli python3 nodejs patch
          clang-14 libclang-rt-14-dev)  # clang + libFuzzer and its sanitizer runtimes: make fuzz
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Node.js may come from outside Debian (the base image has its own); accept any node >= 18.
if command -v node >/dev/null && [ "$(node -p 'process.versions.node.split(".")[0]')" -ge 18 ]; then
  missing=("${missing[@]/nodejs}")
fi
missing=($(printf '%s\n' "${missing[@]}" | grep -v '^$' || true))
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Dear ImGui 1.90.1 from Debian trixie's source package (bookworm ships 1.86 without the
# 1.87+ input-event API). Only the files the build needs are unpacked, under build/deps/imgui,
# then our patches are applied (scripts/patches/imgui-*.patch, each explained at its top). The
# stamp names the version and the patches: a tree unpacked before a patch was added or changed
# is unpacked again, so a patch is never applied twice or over an older one.
IMGUI_VERSION=1.90.1+ds-1
IMGUI_PATCHES=(scripts/patches/imgui-*.patch)
IMGUI_STAMP="$IMGUI_VERSION patches $(cat "${IMGUI_PATCHES[@]}" | sha256sum | cut -c1-16)"
if [ ! -f "$DEPS/imgui/.version" ] || [ "$(cat "$DEPS/imgui/.version")" != "$IMGUI_STAMP" ]; then
  src_list=/etc/apt/sources.list.d/ntm-debsrc-trixie.sources
  if ! grep -rqs "Suites: trixie" /etc/apt/sources.list.d/ 2>/dev/null || ! grep -rqs "deb-src" /etc/apt/sources.list.d/ 2>/dev/null; then
    uri=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
    [ -n "$uri" ] || uri=http://deb.debian.org/debian
    printf 'Types: deb-src\nURIs: %s\nSuites: trixie\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' "$uri" \
      | $SUDO tee "$src_list" >/dev/null
    $SUDO apt-get update -qq
  fi
  tmp=$(mktemp -d)
  (cd "$tmp" && apt-get source -qq --download-only "imgui=$IMGUI_VERSION" >/dev/null)
  tar -C "$tmp" -xf "$tmp"/imgui_*.orig.tar.*
  top=$(find "$tmp" -maxdepth 1 -mindepth 1 -type d | head -1)
  rm -rf "$DEPS/imgui" && mkdir -p "$DEPS/imgui/backends"
  for f in LICENSE.txt imconfig.h imgui.h imgui_internal.h imgui.cpp imgui_draw.cpp imgui_tables.cpp \
           imgui_widgets.cpp imgui_demo.cpp imstb_rectpack.h imstb_textedit.h imstb_truetype.h; do
    cp "$top/$f" "$DEPS/imgui/"
  done
  cp "$top"/backends/imgui_impl_opengl3* "$DEPS/imgui/backends/"
  for p in "${IMGUI_PATCHES[@]}"; do
    patch -d "$DEPS/imgui" -p1 -s -f --no-backup-if-mismatch < "$p"
  done
  echo "$IMGUI_STAMP" > "$DEPS/imgui/.version"
  rm -rf "$tmp"
  echo "setup: Dear ImGui $IMGUI_VERSION unpacked into build/deps/imgui, ${#IMGUI_PATCHES[@]} patch(es) applied"
fi

# Noto Sans cut down to exactly what the viewer's atlas asks for (src/ui/theme.cpp: ImGui's
# Vietnamese ranges + "—–…“”‘’•‹›←→↑↓×·₫≈≤≥−"), less the Latin-1 letters Vietnamese does not use
# and the Latin-1 symbols no text of the viewer uses (all but the no-break space and "·": -3.4 KiB
# gzip; tests/core/i18n_test.cpp checks every UI string and the plan and tour files against
# this list).
# No hinting, layout tables or glyph names: Dear ImGui rasterises with stb_truetype, which reads
# none of them, so the atlas is pixel for pixel the same. Noto Sans lacks "≈ ≤ ≥ −" and the arrows
# "← → ↑ ↓" (the search hint and the help's "↑ ↓, Enter"): those glyphs are cut from Noto Sans Math
# (same 1,000 units per em) and merged into both files with
# fontTools, keeping Noto Sans's own vertical metrics (ImGui scales glyphs by them): two font
# files, not three, on the way to the first frame. Regular + bold: 58 KB → 23 KB gzip (issue 5's
# download budget). FONT_RECIPE names this cut: bump it when the list changes so that existing
# build trees cut the fonts again.
FONT_RECIPE=5
FONTS=$DEPS/fonts
if [ "$(cat "$FONTS/.recipe" 2>/dev/null)" != "$FONT_RECIPE" ] || [ ! -s "$FONTS/NotoSans-vi.ttf" ] ||
   [ ! -s "$FONTS/NotoSans-vi-Bold.ttf" ]; then
  mkdir -p "$FONTS"
  noto=/usr/share/fonts/truetype/noto
  latin="U+0020-007E,U+00A0,U+00B7,U+00C0-00C3,U+00C8-00CA,U+00CC-00CD,U+00D2-00D5,U+00D7,U+00D9-00DA,U+00DD,U+00E0-00E3,U+00E8-00EA,U+00EC-00ED,U+00F2-00F5,U+00F7,U+00F9-00FA,U+00FD"
  vietnamese="U+0102-0103,U+0110-0111,U+0128-0129,U+0168-0169,U+01A0-01A1,U+01AF-01B0,U+1EA0-1EF9"
  punctuation="U+2013-2014,U+2018-2019,U+201C-201D,U+2022,U+2026,U+2039-203A,U+20AB"
  lean=(--no-hinting --layout-features= --drop-tables+=GDEF,GPOS,GSUB,DSIG,BASE,MATH,meta,STAT --name-IDs=
        --name-languages= --no-glyph-names --notdef-outline)
  rm -f "$FONTS"/*.ttf
  pyftsubset "$noto/NotoSansMath-Regular.ttf" --unicodes="U+2190-2193,U+2212,U+2248,U+2264,U+2265" "${lean[@]}" \
    --output-file="$FONTS/math-symbols.tmp.ttf"
  for face in Regular Bold; do
    out="$FONTS/NotoSans-vi.ttf"; [ "$face" = Bold ] && out="$FONTS/NotoSans-vi-Bold.ttf"
    pyftsubset "$noto/NotoSans-$face.ttf" --unicodes="$latin,$vietnamese,$punctuation" "${lean[@]}" \
      --output-file="$out.tmp"
    /usr/bin/python3 - "$out.tmp" "$FONTS/math-symbols.tmp.ttf" "$out" <<'PY'
import sys
from fontTools.merge import Merger
from fontTools.ttLib import TTFont
base, symbols, out = sys.argv[1:4]
merged = Merger().merge([base, symbols])
own = TTFont(base)
for tag in ("head", "hhea", "OS/2", "name", "post"):  # Noto Sans's metrics and names, not the merge's
    merged[tag] = own[tag]
merged.save(out)
PY
    rm -f "$out.tmp"
  done
  rm -f "$FONTS/math-symbols.tmp.ttf"
  echo "$FONT_RECIPE" > "$FONTS/.recipe"
  echo "setup: fonts cut to the viewer's glyphs, math symbols merged in (recipe $FONT_RECIPE)"
fi

# The minifier for dist/'s JavaScript (terser; scripts/make-dist.sh).
if [ ! -x web/node_modules/.bin/terser ]; then
  (cd web && npm ci --no-audit --no-fund --loglevel=error)
fi

# Browser-test tools: playwright-core only (it never downloads a browser; Debian's chromium is used).
if [ ! -d web/e2e/node_modules/playwright-core ]; then
  (cd web/e2e && npm ci --no-audit --no-fund --loglevel=error)
fi
