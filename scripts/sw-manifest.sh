#!/usr/bin/env bash
# Writes the service worker of a build: assets/sw.js with its `const BUILD`
# line replaced by the build's version and every file of the build with its
# SHA-256. Trunk runs it after each build (Trunk.toml, a post_build hook, in
# the staging directory, before it becomes dist/); it can also be run on a
# built directory by hand (the offline e2e test makes a second "deploy"
# this way).
#
#   scripts/sw-manifest.sh [DIR] [release|debug]
#
# DIR defaults to $TRUNK_STAGING_DIR, the profile to $TRUNK_PROFILE. The
# version is the first 16 hex digits of the SHA-256 of the file list with
# digests: any changed byte of any file makes a new version (and a new
# cache), the same build the same one. Debug builds get `caching: false`
# (the worker stands aside, so `make run` shows each rebuild at once).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
dir="${1:-${TRUNK_STAGING_DIR:?scripts/sw-manifest.sh: give a directory (or run it as a Trunk hook)}}"
profile="${2:-${TRUNK_PROFILE:-release}}"
template="$here/assets/sw.js"
[ -d "$dir" ] || { echo "sw-manifest: $dir is not a directory" >&2; exit 1; }
grep -q '^const BUILD = ' "$template" || { echo "sw-manifest: no 'const BUILD = ' line in $template" >&2; exit 1; }

# Every file of the build but the worker itself, by path relative to DIR.
listing=$(cd "$dir" && find . -type f ! -path ./sw.js -printf '%P\n' | LC_ALL=C sort | while IFS= read -r path; do
  printf '%s %s\n' "$(sha256sum -- "$path" | cut -d' ' -f1)" "$path"
done)
[ -n "$listing" ] || { echo "sw-manifest: $dir holds no file" >&2; exit 1; }
grep -q ' index\.html$' <<<"$listing" || { echo "sw-manifest: $dir has no index.html" >&2; exit 1; }
if grep -q '["\\]' <<<"$listing"; then
  echo "sw-manifest: a file name in $dir holds a quote or a backslash" >&2
  exit 1
fi

version=$(sha256sum <<<"$listing" | cut -c1-16)
caching=true
[ "$profile" = release ] || caching=false
assets=$(awk '{ printf "%s[\"%s\", \"%s\"]", (NR > 1 ? ", " : ""), $2, $1 }' <<<"$listing")
line="const BUILD = { version: '$version', caching: $caching, assets: [$assets] };"

# awk, not sed: the line holds slashes and ampersands of file names. Lines
# that are only a comment are left out (every visitor downloads this file).
awk -v line="$line" '/^const BUILD = / { print line; next } /^[[:space:]]*\/\// { next } { print }' "$template" >"$dir/sw.js"
echo "sw-manifest: $dir/sw.js, version $version ($profile, $(wc -l <<<"$listing") files)"
