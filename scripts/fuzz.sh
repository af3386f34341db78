#!/usr/bin/env bash
# Runs each fuzz target (parser with facts, annotation import, autosave
# restore) for a bounded time, starting from the committed seeds, and
# prints executions and findings. Usage: scripts/fuzz.sh [seconds per target]
# A crash stops the run with the input saved under fuzz/artifacts/<target>/;
# copy it to tests/fixtures/fuzz/<target>/ so `cargo test` replays it forever.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
export PATH="$HOME/.cargo/bin:$PATH"
seconds="${1:-60}"
for target in parse import restore; do
  mkdir -p "corpus/$target"
  cp -n seeds/"$target"/* "corpus/$target/" 2>/dev/null || true
  log=$(mktemp)
  if ! cargo +nightly fuzz run -O "$target" "corpus/$target" -- \
      -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 >"$log" 2>&1; then
    tail -40 "$log"
    echo "fuzz: $target found a crash; see fuzz/artifacts/$target/" >&2
    exit 1
  fi
  runs=$(grep -Eo 'Done [0-9]+ runs' "$log" | grep -Eo '[0-9]+' | tail -1)
  echo "fuzz: $target: ${runs:-0} executions in ${seconds}s, no crash"
  rm -f "$log"
done
