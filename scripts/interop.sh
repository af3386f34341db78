#!/usr/bin/env bash
# Proof against the real annotation tools: our exports read by dkpro-cassis
# (INCEpTION's CAS library), bratly (brat standoff), a doccano server and a
# Label Studio server, and each tool's own export read back by our import.
# Every check uses tests/fixtures/exchange/release-crlf.txt (emoji, combining
# accents, Arabic and Hebrew, CRLF line ends). A missing tool is a failure,
# never a skip.
#
#   scripts/interop.sh setup   install the tools (pinned, from PyPI) into
#                              .tools/interop/<tool>/, each its own venv
#   scripts/interop.sh run     set up, build the CLI, run every check
#   scripts/interop.sh run cassis bratly   only these tools
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

TOOLS_DIR="$PWD/.tools/interop"
# Pinned versions (see ../shared/TOOLCHAIN.md for why doccano needs its pins).
declare -A PACKAGES=(
  [cassis]="dkpro-cassis==0.12.0"
  [bratly]="bratly==0.1.4 bratly-io-fs==0.1.4"
  [doccano]="doccano==1.8.4 marshmallow<3.20 numpy<2"
  [label-studio]="label-studio==1.23.2"
)
ALL_TOOLS=(cassis bratly doccano label-studio)

say() { printf '\033[1minterop:\033[0m %s\n' "$*"; }
fail() { printf '\033[1;31minterop: %s\033[0m\n' "$*" >&2; exit 1; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# A Python that can make virtual environments. A fresh Debian has python3
# but needs python3-venv (and python3-pip) from apt for `python3 -m venv`.
python_with_venv() {
  local probe
  probe=$(mktemp -d)
  for py in python3 /usr/bin/python3; do
    if command -v "$py" >/dev/null && "$py" -m venv "$probe/venv" >/dev/null 2>&1; then
      rm -rf "$probe"
      command -v "$py"
      return
    fi
    rm -rf "$probe/venv"
  done
  rm -rf "$probe"
  command -v apt-get >/dev/null || fail "python3 cannot make a virtual environment and apt-get is missing"
  say "installing Debian's python3-venv and python3-pip" >&2
  as_root apt-get update -qq >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3 python3-venv python3-pip >/dev/null
  /usr/bin/python3 -m venv "$(mktemp -d)/venv" >/dev/null || fail "python3 -m venv still fails after installing python3-venv"
  echo /usr/bin/python3
}

ensure_tool() {
  local tool=$1 spec=${PACKAGES[$1]} dir="$TOOLS_DIR/$1"
  # The stamp holds the venv's own path as well as the spec: a venv's
  # scripts start with its absolute path, so a checkout moved elsewhere
  # must install its tools again.
  local stamp="$spec in $dir"
  if [ -x "$dir/bin/python" ] && [ "$(cat "$dir/.installed" 2>/dev/null)" = "$stamp" ]; then return; fi
  local python started
  python=$(python_with_venv)
  started=$(date +%s)
  say "installing $tool ($spec) into .tools/interop/$tool"
  rm -rf "$dir"
  "$python" -m venv "$dir"
  # shellcheck disable=SC2086 # the spec is a list of requirements
  "$dir/bin/pip" install --quiet --disable-pip-version-check $spec
  echo "$stamp" > "$dir/.installed"
  say "$tool installed in $(( $(date +%s) - started )) s"
}

setup() {
  for tool in "${ALL_TOOLS[@]}"; do ensure_tool "$tool"; done
}

run() {
  local tools=("$@")
  [ ${#tools[@]} -gt 0 ] || tools=("${ALL_TOOLS[@]}")
  for tool in "${tools[@]}"; do
    [ -n "${PACKAGES[$tool]:-}" ] || fail "unknown tool '$tool' (known: ${ALL_TOOLS[*]})"
    ensure_tool "$tool"
  done
  cargo build --quiet --bin rapporteur-cli
  local cli="$PWD/target/debug/rapporteur-cli"
  work=$(mktemp -d)
  trap 'rm -rf "${work:-}"' EXIT
  export RAPPORTEUR_CLI="$cli"
  local host="$TOOLS_DIR/cassis/bin/python"
  "$host" tests/interop/make_annotations.py "$work/ours.json"
  "$cli" parse tests/fixtures/exchange/release-crlf.txt > "$work/parsed.json"
  local text=tests/fixtures/exchange/release-crlf.txt
  "$cli" export --format brat --annotations "$work/ours.json" -o "$work/export.brat.zip" "$text"
  "$cli" export --format doccano --annotations "$work/ours.json" -o "$work/export.doccano.jsonl" "$text"
  "$cli" export --format label-studio --predictions --annotations "$work/ours.json" -o "$work/export.label-studio.json" "$text"
  "$cli" export --format label-studio-config --predictions --annotations "$work/ours.json" -o "$work/export.label-studio-config.xml" "$text"
  "$cli" export --format uima-xmi --annotations "$work/ours.json" -o "$work/export.inception.zip" "$text"

  local passed=0 started
  for tool in "${tools[@]}"; do
    started=$(date +%s)
    local py="$TOOLS_DIR/$tool/bin/python" out="$work/$tool.out"
    case $tool in
      cassis) "$py" tests/interop/check_cassis.py "$work/export.inception.zip" "$work/ours.json" "$work/parsed.json" "$work" | tee "$out" ;;
      bratly) "$py" tests/interop/check_bratly.py "$work/export.brat.zip" "$work/ours.json" "$work" | tee "$out" ;;
      doccano) "$py" tests/interop/check_doccano.py "$TOOLS_DIR/doccano/bin" "$work/export.doccano.jsonl" "$work/ours.json" "$work" | tee "$out" \
                 || { tail -40 "$work/doccano.log" >&2 || true; fail "doccano check failed"; } ;;
      label-studio) "$py" tests/interop/check_label_studio.py "$TOOLS_DIR/label-studio/bin" "$work/export.label-studio.json" "$work/export.label-studio-config.xml" "$work/ours.json" "$work/parsed.json" "$work" | tee "$out" \
                 || { tail -40 "$work/label-studio.log" >&2 || true; fail "Label Studio check failed"; } ;;
    esac
    local count
    count=$(grep -Eo '^PASS .*: [0-9]+ checks' "$out" | grep -Eo '[0-9]+ checks' | grep -Eo '[0-9]+' || echo 0)
    [ "${count:-0}" -gt 0 ] || fail "$tool ran no check"
    passed=$(( passed + count ))
    say "$tool: $count checks passed in $(( $(date +%s) - started )) s"
  done
  echo "interop: ${#tools[@]} tools, $passed checks passed"
}

case "${1:-run}" in
  setup) setup ;;
  run) shift || true; run "$@" ;;
  *) fail "usage: scripts/interop.sh [setup | run [tool...]]" ;;
esac
