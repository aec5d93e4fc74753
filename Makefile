# Bản đồ Nông thôn mới Sóc Trăng — the front-door commands.
#   make run    set up, build, prepare the data and serve the viewer at http://127.0.0.1:8080
#   make test   set up, build and run every test (Catch2 unit and pipeline tests, the same under
#               AddressSanitizer + UndefinedBehaviorSanitizer, a short fuzzing smoke run, browser tests)
#   make fuzz   run each libFuzzer target for FUZZ_SECONDS (default 300; README records longer runs)
#   make dist   a self-contained static site in dist/ (any static web server, works offline)
# GEODATA=/path/to/geodata points the build at another copy of the boundary files.

GEODATA ?= $(abspath ../shared/geodata)
ifeq ($(wildcard $(GEODATA)/soc_trang_communes.geojson),)
  $(warning Không thấy dữ liệu ranh giới trong $(GEODATA): đặt GEODATA=/đường/dẫn/tới/geodata (see README))
endif
PORT ?= 8080
JOBS ?= 2
export NODE_PATH := /usr/share/nodejs

NATIVE := build/native
SANITIZE := build/sanitize
WASM := build/wasm
PIPELINE := $(NATIVE)/geodata/ntm-pipeline

.PHONY: all setup native wasm data dist run test test-native test-sanitize test-fuzz test-e2e fuzz bench clean

all: dist

setup:
	@scripts/setup.sh

native: setup
	cmake -S . -B $(NATIVE) -G Ninja -DCMAKE_BUILD_TYPE=Release -DNTM_GEODATA_DIR=$(GEODATA) >/dev/null
	cmake --build $(NATIVE) -j$(JOBS)

wasm: setup
	cmake --preset wasm >/dev/null
	cmake --build --preset wasm -j$(JOBS)

# The map asset, made by the GDAL pipeline from the shared boundary files.
data: native
	@mkdir -p build/data
	$(PIPELINE) --quiet --communes $(GEODATA)/soc_trang_communes.geojson --context $(GEODATA)/mekong_provinces.geojson \
	  --out build/data/soc-trang.ntm
	@# The national map (11,163 communes) for scale work; loaded only with ?data=vietnam.
	$(PIPELINE) --quiet --communes $(GEODATA)/vietnam_communes.gpkg --no-context --out build/data/vietnam.ntm

dist: data wasm
	scripts/make-dist.sh $(WASM)/src/platform/web build/data dist

run: dist
	node web/serve.mjs dist $(PORT)

test-native: native
	cd $(NATIVE) && ctest --output-on-failure -j$(JOBS)

# The native suite again, built with AddressSanitizer and UndefinedBehaviorSanitizer: any report
# (out-of-bounds access, use after free, leak, overflow, bad shift...) fails the test that hit it.
test-sanitize: setup
	cmake -S . -B $(SANITIZE) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DNTM_GEODATA_DIR=$(GEODATA) \
	  -DCMAKE_CXX_FLAGS="-O1 -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
	  -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" >/dev/null
	cmake --build $(SANITIZE) -j$(JOBS)
	cd $(SANITIZE) && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest --output-on-failure -j$(JOBS)

# A short run of every fuzz target (make fuzz for longer ones).
test-fuzz: setup
	FUZZ_SECONDS=$${FUZZ_SECONDS:-20} scripts/fuzz.sh

fuzz: setup
	scripts/fuzz.sh

test-e2e: dist
	cd web/e2e && DIST_DIR=$(abspath dist) node --test --test-concurrency=1 *.test.mjs

test: test-native test-sanitize test-fuzz test-e2e

clean:
	rm -rf build/native build/wasm build/data build/sanitize build/fuzz dist

# Benchmark beside MapLibre GL JS and an empty WebGL2 page (web/bench/README.md).
bench: dist
	scripts/bench.sh
