#!/usr/bin/env bash
# Installs what the app and its tests need, only where missing or of the wrong
# version, from the registries these machines reach (crates.io, npm, Debian).
# Nothing comes from GitHub: Trunk runs --offline with the tools put on PATH
# here. See ../shared/TOOLCHAIN.md for why each version is what it is.
# A fresh Debian 12 machine needs only rustup's Rust, git and make first;
# scripts/test-fresh.sh proves it in a new debootstrap chroot.
#
#   scripts/setup.sh app    Debian build tools and npm, wasm target, Trunk,
#                           wasm-bindgen, wasm-opt
#   scripts/setup.sh test   all of the above, Chromium, ChromeDriver, the
#                           fonts the browser tests render with, Node 20 and
#                           the e2e npm packages, nightly Rust and cargo-fuzz,
#                           and the annotation tools of the interop layer
#                           (PyPI, in .tools/interop/, by scripts/interop.sh setup)
#   scripts/setup.sh bench  all of the above and the benchmark's npm packages
#                           (compromise, to compare with; never in the app)
set -euo pipefail

cd "$(dirname "$0")/.."
want="${1:-test}"

TRUNK_VERSION=0.21.14
CARGO_FUZZ_VERSION=0.13.2
BINARYEN_VERSION=132
# playwright-core needs Node 20; Debian 12's nodejs is 18, so where the
# machine's node is older, npm's `node` package (the official build, from the
# npm registry) goes into .tools/.
NODE_VERSION=20.20.2
# The CLI must print exactly the version Cargo.lock holds.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)

export PATH="$HOME/.cargo/bin:$PWD/.tools/node_modules/.bin:$PATH"

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

# Debian packages, each only if what it provides is missing: a C toolchain
# (rustc links with cc; some crates compile C), certificates for crates.io
# and npm over HTTPS, pkg-config, npm; for the tests Chromium, ChromeDriver
# and the one font family the browser tests render with (see
# tests/e2e/support/fonts.conf).
ensure_debian_packages() {
  local missing=()
  command -v cc >/dev/null || missing+=(build-essential)
  command -v pkg-config >/dev/null || missing+=(pkg-config)
  [ -s /etc/ssl/certs/ca-certificates.crt ] || missing+=(ca-certificates)
  command -v npm >/dev/null || missing+=(nodejs npm)
  if [ "$want" = test ] || [ "$want" = bench ]; then
    command -v chromium >/dev/null || missing+=(chromium)
    command -v chromedriver >/dev/null || missing+=(chromium-driver)
    [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
  fi
  [ ${#missing[@]} -eq 0 ] && return
  say "installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

ensure_node() {
  local major
  major=$(node --version 2>/dev/null | sed -E 's/^v([0-9]+).*/\1/')
  if [ -n "$major" ] && [ "$major" -ge 20 ]; then return; fi
  say "installing Node $NODE_VERSION (npm package node@$NODE_VERSION) into .tools/ (found: $(node --version 2>/dev/null || echo none))"
  mkdir -p .tools
  npm install --prefix .tools --no-audit --no-fund --loglevel=error "node@$NODE_VERSION"
  hash -r
  node --version | grep -qx "v$NODE_VERSION"
}

ensure_wasm_target() {
  if rustup target list --installed | grep -qx wasm32-unknown-unknown; then return; fi
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
}

ensure_trunk() {
  if trunk --version 2>/dev/null | grep -qx "trunk $TRUNK_VERSION"; then return; fi
  say "installing Trunk $TRUNK_VERSION (about 6 minutes on 2 cores)"
  cargo install --locked "trunk@$TRUNK_VERSION"
}

ensure_wasm_bindgen() {
  if wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $WASM_BINDGEN_VERSION"; then return; fi
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 2 minutes)"
  # Not --locked: its lock file names a crate version the registry no longer serves.
  cargo install --force "wasm-bindgen-cli@$WASM_BINDGEN_VERSION"
}

ensure_wasm_opt() {
  if wasm-opt --version 2>/dev/null | grep -q "version $BINARYEN_VERSION"; then return; fi
  # Debian's binaryen is too old for the wasm current Rust emits; npm's is not.
  say "installing wasm-opt (npm binaryen@$BINARYEN_VERSION) into .tools/"
  mkdir -p .tools
  npm install --prefix .tools --no-audit --no-fund --loglevel=error "binaryen@$BINARYEN_VERSION"
}

ensure_fuzzing() {
  # cargo-fuzz needs nightly Rust (for the sanitizer flags libFuzzer uses).
  # Without it the fuzz layer of `make test` fails (scripts/fuzz.sh).
  if ! rustup toolchain list | grep -q '^nightly'; then
    say "installing the nightly toolchain (for cargo-fuzz)"
    rustup toolchain install nightly --profile minimal
  fi
  if cargo fuzz --version 2>/dev/null | grep -q "cargo-fuzz $CARGO_FUZZ_VERSION"; then return; fi
  say "installing cargo-fuzz $CARGO_FUZZ_VERSION (about 2 minutes)"
  cargo install --locked "cargo-fuzz@$CARGO_FUZZ_VERSION"
}

ensure_e2e_packages() {
  local dir=tests/e2e
  if [ -f "$dir/node_modules/.package-lock.json" ] && cmp -s "$dir/package-lock.json" "$dir/node_modules/.installed-lock.json"; then
    return
  fi
  say "installing end-to-end test packages (playwright-core; no browser download)"
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error && cp package-lock.json node_modules/.installed-lock.json)
}

ensure_bench_packages() {
  local dir=tests/e2e/bench
  if [ -f "$dir/node_modules/.package-lock.json" ] && cmp -s "$dir/package-lock.json" "$dir/node_modules/.installed-lock.json"; then
    return
  fi
  say "installing benchmark packages (compromise)"
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error && cp package-lock.json node_modules/.installed-lock.json)
}

ensure_debian_packages
ensure_wasm_target
ensure_trunk
ensure_wasm_bindgen
ensure_wasm_opt
if [ "$want" = test ] || [ "$want" = bench ]; then
  ensure_node
  ensure_e2e_packages
  ensure_fuzzing
  scripts/interop.sh setup
fi
if [ "$want" = bench ]; then
  ensure_bench_packages
fi
say "tools ready ($want)"
