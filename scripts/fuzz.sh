#!/usr/bin/env bash
# Coverage-guided fuzzing (issue 6): builds the libFuzzer targets of tests/fuzz with Debian's
# clang under AddressSanitizer + UndefinedBehaviorSanitizer (tree build/fuzz), then runs each
# target for FUZZ_SECONDS (default 300). `make fuzz` runs it as is; `make test` runs a short smoke
# run (FUZZ_SECONDS=20). A crash, leak, sanitizer report, broken invariant or an input slower than
# FUZZ_TIMEOUT seconds fails the run; the offending input is left in build/fuzz/crashes/.
#
# Corpora: the seeds in tests/fuzz/corpus/<target> and the project's own example files (the plan,
# status and tour files, the bad-input folder, the test fixtures) are read, never written; what the
# fuzzer learns goes to build/fuzz/corpus/<target>, kept between runs so longer runs build on
# shorter ones. A line per target is appended to build/fuzz/runs.md (date, seconds, executions,
# coverage) for the README's record.
#
#   scripts/fuzz.sh                    # every target, 300 s each
#   FUZZ_SECONDS=1800 scripts/fuzz.sh json asset
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SECONDS_EACH=${FUZZ_SECONDS:-300}
TIMEOUT=${FUZZ_TIMEOUT:-10}
BUILD=$ROOT/build/fuzz
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(asset json url_state)

CXX_FUZZ=$(command -v clang++-14 || command -v clang++ || true)
CC_FUZZ=$(command -v clang-14 || command -v clang || true)
if [ -z "$CXX_FUZZ" ]; then
  echo "fuzz: clang is missing (scripts/setup.sh installs clang-14 and libclang-rt-14-dev)" >&2
  exit 1
fi
if [ ! -f "$BUILD/CMakeCache.txt" ]; then
  CC=$CC_FUZZ CXX=$CXX_FUZZ cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNTM_FUZZ=ON >/dev/null
fi
cmake --build "$BUILD" -j"${JOBS:-2}" >/dev/null

# Read-only seed folders of a target: its own seeds, then whichever example folders exist.
seeds() {
  local dirs=("$ROOT/tests/fuzz/corpus/$1")
  case $1 in
    json) dirs+=("$ROOT/geodata/plan" "$ROOT/geodata/tour" "$ROOT/tests/fixtures/plan"
                 "$ROOT/tests/bad-input/plan" "$ROOT/tests/bad-input/status" "$ROOT/tests/bad-input/tour") ;;
    asset) dirs+=("$ROOT/tests/bad-input/asset") ;;
  esac
  for d in "${dirs[@]}"; do [ -d "$d" ] && echo "$d"; done
}

mkdir -p "$BUILD/crashes"
failed=0
for t in "${TARGETS[@]}"; do
  bin=$BUILD/tests/fuzz/fuzz_$t
  [ -x "$bin" ] || { echo "fuzz: no target '$t' (asset, json, url_state)" >&2; exit 2; }
  work=$BUILD/corpus/$t
  mkdir -p "$work"
  args=(-max_total_time="$SECONDS_EACH" -timeout="$TIMEOUT" -rss_limit_mb=4096 -print_final_stats=1
        -artifact_prefix="$BUILD/crashes/$t-")
  [ -f "$ROOT/tests/fuzz/$t.dict" ] && args+=(-dict="$ROOT/tests/fuzz/$t.dict")
  log=$BUILD/$t.log
  start=$(date +%s)
  mapfile -t seed_dirs < <(seeds "$t")
  if "$bin" "${args[@]}" "$work" "${seed_dirs[@]}" >"$log" 2>&1; then status=clean; else status=FAILED; failed=1; fi
  took=$(( $(date +%s) - start ))
  runs=$(awk '/stat::number_of_executed_units/{print $2}' "$log" | tail -1 || true)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | awk '{print $2}' || true)
  line="$(date -u '+%Y-%m-%d %H:%M') UTC · fuzz_$t · ${took} s · ${runs:-?} inputs · coverage ${cov:-?} edges · $status"
  echo "fuzz: $line"
  echo "$line" >> "$BUILD/runs.md"
  if [ $status != clean ]; then
    echo "---- $log (last 40 lines) ----"; tail -40 "$log"
  fi
done
exit $failed
