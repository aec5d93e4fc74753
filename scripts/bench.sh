#!/usr/bin/env bash
# make bench (issue 5): the viewer beside MapLibre GL JS and an empty WebGL2 page, on Sóc Trăng
# and on all of Vietnam, in Debian's headless Chromium. Writes web/bench/results.json and
# web/bench/results.md (the table for the README) and prints the table.
# Extra arguments go to web/bench/bench.mjs, e.g.  scripts/bench.sh --runs 3 --datasets soc-trang
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs

# The national GeoJSON for MapLibre is converted from the GeoPackage with GDAL's ogr2ogr.
if ! command -v ogr2ogr >/dev/null; then
  echo "bench: installing gdal-bin (ogr2ogr)"
  apt-get install -y gdal-bin >/dev/null || { apt-get update >/dev/null && apt-get install -y gdal-bin >/dev/null; }
fi
# Development-only npm packages (MapLibre GL JS, playwright-core): never part of dist/.
(cd web/bench && npm ci --no-audit --no-fund --loglevel=error)
(cd web/e2e && npm ci --no-audit --no-fund --loglevel=error)   # the shared browser flags (harness.mjs)
# `make bench` builds dist first; run directly, build it if it is missing.
if [ ! -f dist/index.html ] || [ ! -f dist/data/vietnam.ntm ]; then make dist; fi

BENCH_COMMAND="make bench${*:+ ARGS=\"$*\"}" node web/bench/bench.mjs "$@"
