# dragonbear — the two commands a user needs:
#   make serve   install what is missing, build, serve http://127.0.0.1:8080/
#   make test    install what is missing, run every test (native, browser, end to end)
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
RAW ?= data/raw
PORT ?= 8080

.PHONY: serve test setup build site lint test-native test-data test-browser test-wasm-code test-e2e golden bench data fuzz

serve: setup build
	python3 tools/serve.py dist $(PORT)

test: setup lint test-native test-data test-browser build test-wasm-code test-e2e
	@echo "make test: all tests passed"

setup:
	@tools/setup.sh

# Release wasm (wasm-opt from npm binaryen, first on PATH), then the site: www/ + pkg/ → dist/
build:
	wasm-pack build --release --target web --mode no-install --out-dir pkg
	cargo build --quiet --release --bin dragonbear
	node tools/package.mjs
	@$(MAKE) --no-print-directory site

site:
	rm -rf dist && mkdir -p dist/pkg
	cp -r www/. dist/
	cp pkg/dragonbear.js pkg/dragonbear_bg.wasm pkg/dragonbear.d.ts pkg/package.json dist/pkg/
	@# Each chart's data beside the wasm (the wasm compiles in none); the loader with the chart ids.
	cargo build --quiet --release --bin dragonbear
	cp -r pkg/data dist/pkg/
	node tools/loader.mjs dist/embed.js
	cp schema/dataset.schema.json dist/
	@# What a page loads for one chart is served minified (terser, from npm): the loader and the
	@# glue. Their readable sources stay in www/ and pkg/ (the npm package ships the readable glue).
	for f in embed.js pkg/dragonbear.js; do \
	  src=www/$$f; [ $$f = embed.js ] || src=$$f; \
	  terser dist/$$f --module --compress --mangle --format "preamble='// dragonbear, minified: the readable source is $$src'" \
	    -o dist/$$f.min && mv dist/$$f.min dist/$$f || exit 1; done
	@# Static fallback images, drawn by the same Rust renderer (bundled font).
	mkdir -p dist/static
	for id in $$(target/release/dragonbear list | cut -f1); do \
	  target/release/dragonbear render $$id --png dist/static/$$id.png --width 800 --height 500 && \
	  target/release/dragonbear render $$id --svg dist/static/$$id.svg --width 800 --height 500 || exit 1; done
	@printf 'dist/pkg/dragonbear_bg.wasm: %s bytes, %s gzip; glue %s gzip\n' \
	  $$(stat -c %s dist/pkg/dragonbear_bg.wasm) $$(gzip -9c dist/pkg/dragonbear_bg.wasm | wc -c) $$(gzip -9c dist/pkg/dragonbear.js | wc -c)

lint:
	cargo fmt --check
	cargo clippy --all-targets --quiet -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --all-targets --quiet -- -D warnings

test-native:
	cargo test --quiet

# The bundled data must be what build-data makes of the raw files committed in data/raw.
test-data:
	cargo run --quiet --release --bin build-data -- --raw $(RAW) --out data --check

test-browser:
	wasm-pack test --headless --chrome --mode no-install

# What a page loads to show one chart (loader + glue + wasm + that chart's data file, gzip -9) must
# stay under the budget the README states ("How it is built": 300 KB), for the chart with the most data.
WASM_BUDGET_GZ ?= 307200
test-wasm-code:
	@n=$$(cat dist/embed.js dist/pkg/dragonbear.js | gzip -9c | wc -c); w=$$(gzip -9c dist/pkg/dragonbear_bg.wasm | wc -c); \
	d=0; big=; for f in dist/pkg/data/*.json; do s=$$(gzip -9c $$f | wc -c); if [ $$s -gt $$d ]; then d=$$s; big=$$(basename $$f .json); fi; done; \
	total=$$((n + w + d)); printf 'test-wasm-code: loader + glue %s B, wasm %s B, data of %s (the largest) %s B, together %s B gzip (budget %s B)\n' $$n $$w $$big $$d $$total $(WASM_BUDGET_GZ); \
	if [ $$d -eq 0 ]; then echo "test-wasm-code: no chart data files in dist/pkg/data"; exit 1; fi; \
	if [ $$total -gt $(WASM_BUDGET_GZ) ]; then echo "test-wasm-code: over the budget in the README"; exit 1; fi

test-e2e:
	node tests/e2e/run.mjs

# Regenerate the committed golden SVGs after an intended visual change.
golden:
	UPDATE_GOLDEN=1 cargo test --quiet --test golden

data:
	cargo run --release --bin build-data -- --raw $(RAW) --out data

# Long fuzz run of tests/fuzz.rs (parse → validate → build → SVG → hit-test) at low priority:
#   make fuzz                      10,000,000 executions on every core (FUZZ_EXECS=… to change)
# Optimised and with panic=unwind (panics are caught and the input kept in target/fuzz-found/),
# in its own target dir so it does not disturb the release build. `make test` runs 2,000.
FUZZ_EXECS ?= 10000000
fuzz:
	CARGO_TARGET_DIR=target/fuzz CARGO_PROFILE_RELEASE_OPT_LEVEL=3 CARGO_PROFILE_RELEASE_LTO=false \
	CARGO_PROFILE_RELEASE_PANIC=unwind CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
	FUZZ_EXECS=$(FUZZ_EXECS) FUZZ_THREADS=$$(nproc) nice -n 19 cargo test --release --test fuzz -- --nocapture

# Benchmark against uPlot, Chart.js and ECharts (npm devDependencies) in headless Chromium:
# writes bench/results.json and prints a table. Timings are noisy on a shared machine: medians of
# interleaved rounds (BENCH_ROUNDS, default 7). Never part of `make test`.
bench: setup build
	node bench/run.mjs
