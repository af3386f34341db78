#!/usr/bin/env bash
# Keeps the README's list true: only these modules of the app touch browser
# APIs (web-sys, js-sys, gloo, wasm-bindgen) directly; the components, the
# state and the whole pure core touch none. Part of `make lint`.
#
#   scripts/check-browser-apis.sh
set -euo pipefail
cd "$(dirname "$0")/.."

# The entry point, the modules that must talk to the browser, and the hooks
# (page-wide listeners, timers, animation frames).
allowed='^src/(main\.rs|app/(dom|storage|library_db|broadcast|files|parse_worker|exchange_worker|panic|clock|renders|bench)\.rs|app/library_db/|bin/rapporteur-exchange\.rs|app/hooks/)'
api='\b(web_sys|js_sys|gloo|wasm_bindgen|wasm_bindgen_futures)\b|\bJs(Cast|Value)\b'

offending=$(grep -rnE "$api" src core --include='*.rs' \
  | grep -vE "^[^:]+:[0-9]+:[[:space:]]*//" \
  | grep -vE "$allowed" || true)
if [ -n "$offending" ]; then
  echo "check-browser-apis: browser APIs used outside the modules allowed to touch them" >&2
  echo "(move the call into app/dom.rs or another of them, or a hook in app/hooks/):" >&2
  echo "$offending" >&2
  exit 1
fi
echo "check-browser-apis: only $(grep -rlE "$api" src core --include='*.rs' | grep -cE "$allowed") allowed files touch browser APIs"
