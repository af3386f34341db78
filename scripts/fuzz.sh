#!/usr/bin/env bash
# Runs each fuzz target (parser with facts, annotation import, autosave
# restore) for a bounded time, starting from the committed seeds, and
# prints executions and findings. Usage: scripts/fuzz.sh [seconds per target]
# A crash stops the run with the input saved under fuzz/artifacts/<target>/;
# copy it to tests/fixtures/fuzz/<target>/ so `cargo test` replays it forever.
#
# Fails, rather than passing quietly, when nightly Rust or cargo-fuzz is
# missing (scripts/setup.sh test installs both), when a target crashes, and
# when a target made no execution at all (a fuzzer that did not run found
# nothing, and proved nothing).
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
export PATH="$HOME/.cargo/bin:$PATH"
seconds="${1:-60}"
# libFuzzer reads -max_total_time=0 as "no limit".
if ! [[ "$seconds" =~ ^[1-9][0-9]*$ ]]; then
  echo "fuzz: seconds per target must be a whole number above 0, not \"$seconds\"" >&2
  exit 1
fi

if ! cargo +nightly --version >/dev/null 2>&1; then
  echo "fuzz: nightly Rust is missing (scripts/setup.sh test installs it)" >&2
  exit 1
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "fuzz: cargo-fuzz is missing (scripts/setup.sh test installs it)" >&2
  exit 1
fi

# Executions a libFuzzer log reports: its closing "Done N runs in S second(s)",
# or, if it was cut short, the count of its last status line ("#N  ...").
executions() {
  local log=$1 done_runs
  done_runs=$(grep -Eo '^Done [0-9]+ runs' "$log" | grep -Eo '[0-9]+' | tail -1 || true)
  if [ -n "$done_runs" ]; then
    echo "$done_runs"
  else
    grep -Eo '^#[0-9]+' "$log" | tr -d '#' | tail -1 || true
  fi
}

for target in parse import restore; do
  mkdir -p "corpus/$target"
  cp -n seeds/"$target"/* "corpus/$target/" 2>/dev/null || true
  log=$(mktemp)
  if ! cargo +nightly fuzz run -O "$target" "corpus/$target" -- \
      -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 >"$log" 2>&1; then
    tail -40 "$log"
    echo "fuzz: $target failed (a crash is saved under fuzz/artifacts/$target/)" >&2
    exit 1
  fi
  runs=$(executions "$log")
  if [ -z "$runs" ] || [ "$runs" -eq 0 ]; then
    tail -40 "$log"
    echo "fuzz: $target made no execution in ${seconds}s" >&2
    exit 1
  fi
  echo "fuzz: $target: $runs executions in ${seconds}s, no crash"
  rm -f "$log"
done
