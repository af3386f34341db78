#!/usr/bin/env bash
# Prints the size of each wasm and JS file of a build, raw and gzipped (-9).
set -euo pipefail
dist="${1:-dist}"
printf '%-44s %12s %12s\n' file raw gzipped
total_raw=0
total_gz=0
for file in "$dist"/*.wasm "$dist"/*.js; do
  [ -e "$file" ] || continue
  raw=$(stat -c %s "$file")
  gz=$(gzip -9 -c "$file" | wc -c)
  total_raw=$((total_raw + raw))
  total_gz=$((total_gz + gz))
  printf '%-44s %12s %12s\n' "$(basename "$file")" "$raw" "$gz"
done
printf '%-44s %12s %12s\n' total "$total_raw" "$total_gz"
