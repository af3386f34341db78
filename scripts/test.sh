#!/usr/bin/env bash
# Every test layer, in order of speed: lint, native core, the hostile-input
# tests again in the release profile (their time bounds are for release),
# the browser-facing modules in headless Chromium, brief fuzzing, end-to-end
# on the release build (and on a debug build for the panic test). Any
# failure, and any layer that runs no test at all, fails the whole run; so
# does a skip under CI=true (tests/support/mod.rs, scripts/fuzz.sh,
# tests/e2e/run.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/.tools/node_modules/.bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

# Sums the "N passed" of every `test result:` line cargo printed; fails on 0.
require_tests() {
  local layer=$1 log=$2
  local count
  count=$(grep -Eo 'test result: ok\. [0-9]+ passed' "$log" | awk '{ sum += $4 } END { print sum + 0 }')
  if [ "$count" -eq 0 ]; then
    echo "test: the $layer layer ran no test" >&2
    exit 1
  fi
  echo "test: $layer layer: $count passed"
}

log=$(mktemp -d)
trap 'rm -rf "$log"' EXIT

step "lint: cargo fmt, browser APIs only where allowed, cargo clippy (native and wasm32)"
cargo fmt --all --check
scripts/check-browser-apis.sh
cargo clippy --quiet --all-targets -- -D warnings
cargo clippy --quiet --target wasm32-unknown-unknown --lib --bins --tests --features bench -- -D warnings

step "native: cargo test"
cargo test 2>&1 | tee "$log/native"
require_tests native "$log/native"
# Tests that had nothing to check here say so (outside CI; under CI=true
# they fail instead).
if grep -q '^SKIPPED ' "$log/native"; then
  grep '^SKIPPED ' "$log/native" >&2
fi

step "hostile inputs in the release profile: the time bounds RELIABILITY.md states"
# One test at a time, so that each is timed alone; --nocapture prints the
# figures RELIABILITY.md quotes.
cargo test --release --test hostile -- --test-threads=1 --nocapture 2>&1 | tee "$log/hostile"
require_tests "hostile (release)" "$log/hostile"

step "browser: wasm-bindgen-test in headless Chromium"
cargo test --target wasm32-unknown-unknown --test browser 2>&1 | tee "$log/browser"
require_tests browser "$log/browser"

step "fuzzing, briefly: parser with facts, import, autosave restore"
scripts/fuzz.sh "${FUZZ_SECONDS:-10}"

step "interop: dkpro-cassis, bratly, doccano and Label Studio read our exports, and we read theirs"
scripts/interop.sh run 2>&1 | tee "$log/interop"
count=$(grep -Eo '^interop: [0-9]+ tools, [0-9]+ checks passed' "$log/interop" | awk '{ print $4 }')
if [ "${count:-0}" -eq 0 ]; then
  echo "test: the interop layer ran no check" >&2
  exit 1
fi
echo "test: interop layer: $count checks passed"

step "end-to-end: release build (and a debug build, for the panic test) in Chromium with playwright-core"
trunk build --release --offline
# The debug build has a shortcut that panics on purpose (Ctrl+Alt+Shift+P),
# so the panic overlay is tested in a real crash; the release build has none.
trunk build --offline --dist target/dist-debug
node tests/e2e/run.mjs dist --debug-dist=target/dist-debug
