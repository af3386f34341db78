# Rapporteur. The two commands a newcomer needs are `make run` and `make test`;
# both install whatever is missing first (scripts/setup.sh).
SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/.tools/node_modules/.bin:$(PATH)

.PHONY: run test test-fresh interop setup setup-app setup-bench release size lint fuzz bench bench-corpus bench-cli bench-native bench-browser bench-compare bench-load bench-library bench-transfer clean

## run: install what is missing, build, serve on http://127.0.0.1:8080
run: setup-app
	trunk serve --offline --address 127.0.0.1 --port 8080

## test: install what is missing (Chromium included) and run every test layer
test: setup
	scripts/test.sh

## test-fresh: `make test` on a fresh machine: a new Debian 12 chroot
## (debootstrap), a clean clone of HEAD, CI=true; logs in target/test-fresh/
test-fresh:
	scripts/test-fresh.sh

## interop: our exports read by dkpro-cassis, bratly, doccano and Label Studio
## (installed from PyPI into .tools/interop/), and their exports read by us
interop:
	scripts/interop.sh run

setup:
	scripts/setup.sh test

setup-app:
	scripts/setup.sh app

setup-bench:
	scripts/setup.sh bench

## release: optimised build (Cargo profile wasm-release: opt-level "z", LTO;
## wasm-opt -O1) into dist/
release: setup-app
	trunk build --release --offline

## size: release build, then wasm, JS and CSS sizes raw and gzipped, totals
## for the app and for the exchange module
size: release
	scripts/size.sh dist

## fuzz: each fuzz target for FUZZ_SECONDS (default 60) from the committed seeds
fuzz: setup
	scripts/fuzz.sh $${FUZZ_SECONDS:-60}

## bench: every benchmark in one run and one table (native, wasm against
## compromise, annotator, first load, offline second visit, sizes): what
## BENCHMARKS.md holds. The comparison uses a second release build with the
## `bench` feature (the parse_stats export), in target/dist-bench; sizes,
## loads and the annotator are measured on the shipped build in dist/.
bench: setup-bench bench-corpus
	trunk build --release --offline
	trunk build --release --offline --features bench --dist target/dist-bench
	node tests/e2e/bench/all.mjs dist --bench-dist target/dist-bench

## bench-corpus: the benchmark texts (100 KB, 1 MB, 10 MB, 50 MB of varied releases
## built from our fixtures) into target/bench-corpus/, for the browser benchmarks
bench-corpus:
	cargo run -q --release --bin rapporteur-bench-corpus -- target/bench-corpus

## bench-native: parser (with facts) on the sample, 100 KB, 1 MB and 10 MB,
## and text_sha256 alone: release profile (opt-level 3, the CLI's), then
## wasm-release ("z", the web app's)
bench-native:
	cargo bench --bench parse --profile release
	cargo bench --bench parse --profile wasm-release

## bench-cli: the shipped rapporteur-cli (release profile), whole process less
## start-up, parsing the varied 1 MB and 10 MB texts to JSON
bench-cli: bench-corpus
	node tests/e2e/bench/cli.bench.mjs

## bench-browser: release build, then the annotator benchmark in headless
## Chromium (tests/e2e/bench/; its own static server); figures in BENCHMARKS.md
bench-browser: setup bench-corpus
	trunk build --release --offline
	node tests/e2e/bench/annotator.bench.mjs dist

## bench-compare: release build with the `bench` feature (target/dist-bench),
## then the wasm parser and the npm library compromise on the same texts in one page
bench-compare: setup-bench bench-corpus
	trunk build --release --offline --features bench --dist target/dist-bench
	node tests/e2e/bench/compare.bench.mjs target/dist-bench

## bench-load: release build, then first load to interactive, cold contexts,
## and the second visit with no network
bench-load: setup
	trunk build --release --offline
	node tests/e2e/bench/load.bench.mjs dist

## bench-library: release build, then the library of 200 releases (reload,
## switching, views after a tag, search) in headless Chromium
bench-library: setup
	trunk build --release --offline
	node tests/e2e/bench/library.bench.mjs dist

## bench-transfer: how the parse worker hands a parsed 1 MB release to the
## page: JSON parts as bytes, as strings, or structured values (tests/measure_transfer.rs)
bench-transfer: setup
	CHROMEDRIVER=$${CHROMEDRIVER:-/usr/bin/chromedriver} cargo test --profile wasm-release --target wasm32-unknown-unknown --test measure_transfer -- --nocapture

## lint: rustfmt, clippy, and which modules touch browser APIs, as the test
## command runs them
lint:
	cargo fmt --all --check
	scripts/check-browser-apis.sh
	cargo clippy --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib --bins --tests --features bench -- -D warnings

clean:
	cargo clean
	rm -rf dist
