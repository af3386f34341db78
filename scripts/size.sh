#!/usr/bin/env bash
# Prints the size of each wasm, JS and CSS file of a build, raw and gzipped
# (-9), then three totals:
#   app        every file but the exchange module's: what the page loads to
#              start (its wasm, glue, boot.js, the stylesheet), its parse
#              worker and its service worker;
#   exchange   the exchange module, its glue and its worker: fetched only when
#              another tool's format is first exported or imported (and, once
#              the page has loaded, cached by the service worker in the
#              background for offline use);
#   total      both.
set -euo pipefail
dist="${1:-dist}"
printf '%-44s %12s %12s\n' file raw gzipped
declare -A raw_sum=([app]=0 [exchange]=0)
declare -A gz_sum=([app]=0 [exchange]=0)
for file in "$dist"/*.wasm "$dist"/*.js "$dist"/*.css; do
  [ -e "$file" ] || continue
  name=$(basename "$file")
  raw=$(stat -c %s "$file")
  gz=$(gzip -9 -c "$file" | wc -c)
  case "$name" in
    rapporteur-exchange* | exchange-worker.js) part=exchange ;;
    *) part=app ;;
  esac
  raw_sum[$part]=$((raw_sum[$part] + raw))
  gz_sum[$part]=$((gz_sum[$part] + gz))
  printf '%-44s %12s %12s\n' "$name" "$raw" "$gz"
done
printf '%-44s %12s %12s\n' total:app "${raw_sum[app]}" "${gz_sum[app]}"
printf '%-44s %12s %12s\n' total:exchange "${raw_sum[exchange]}" "${gz_sum[exchange]}"
printf '%-44s %12s %12s\n' total $((raw_sum[app] + raw_sum[exchange])) $((gz_sum[app] + gz_sum[exchange]))
