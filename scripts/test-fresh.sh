#!/usr/bin/env bash
# `make test` on a fresh machine, as a newcomer would run it: a new Debian 12
# (bookworm) made with debootstrap from Debian's own packages, a clean clone
# of the committed HEAD, ../shared bound read-only beside it as CI has it,
# and CI=true. From the host it takes only the rustup toolchain (~/.rustup
# through an overlay, so that setup may add to it without touching the
# host's, and the rustup binary as cargo, rustc, ...): Trunk, wasm-bindgen,
# cargo-fuzz, Node packages, Chromium, fonts and the build tools all come
# from `make test` itself (scripts/setup.sh). Mounts are taken down and the
# chroot removed on exit, whatever happened.
#
#   scripts/test-fresh.sh            (as root: debootstrap, mount and chroot)
#   make test-fresh                  the same
#
# Keeps its logs in target/test-fresh/ (what was installed, the time taken,
# the whole `make test` output). FRESH_KEEP=1 keeps the chroot for a look;
# FRESH_DIR=DIR builds it there instead of under /var/tmp.
#
# The whole script is one function, read before it runs: editing this file
# during a run (which takes most of an hour) cannot change the run.
set -euo pipefail

main() {

  repo=$(cd "$(dirname "$0")/.." && pwd)
  [ "$(id -u)" = 0 ] || { echo "test-fresh: run as root (debootstrap, mount, chroot)" >&2; exit 1; }
  command -v debootstrap >/dev/null || { echo "test-fresh: installing debootstrap"; apt-get install -y -qq debootstrap >/dev/null; }

  suite=bookworm
  # The mirror this machine's own apt uses (these machines reach no other).
  mirror=$(cat /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2>/dev/null \
    | awk '/^URIs:/ && $2 ~ /\/debian\/?$/ { print $2; exit } /^deb / && $2 ~ /\/debian\/?$/ { print $2; exit }' || true)
  mirror=${DEBIAN_MIRROR:-${mirror:-http://deb.debian.org/debian}}
  security=${mirror%/debian}/debian-security

  rustup_home=${RUSTUP_HOME:-$HOME/.rustup}
  rustup_bin=$(command -v rustup || echo "$HOME/.cargo/bin/rustup")
  [ -d "$rustup_home/toolchains" ] && [ -x "$rustup_bin" ] || {
    echo "test-fresh: no rustup toolchain on this machine ($rustup_home, $rustup_bin)" >&2
    exit 1
  }
  [ -d "$repo/../shared" ] || echo "test-fresh: note: $repo/../shared is missing; under CI=true the corpus tests will fail" >&2

  head=$(git -C "$repo" rev-parse HEAD)
  if [ -n "$(git -C "$repo" status --porcelain --untracked-files=no)" ]; then
    echo "test-fresh: note: uncommitted changes are not tested; testing the committed HEAD ${head:0:12}" >&2
  fi

  logs="$repo/target/test-fresh"
  mkdir -p "$logs"
  work=${FRESH_DIR:-$(mktemp -d /var/tmp/rapporteur-fresh.XXXXXX)}
  mkdir -p "$work"
  root="$work/root"

  say() { printf '\033[1mtest-fresh:\033[0m %s\n' "$*" | tee -a "$logs/summary.txt"; }

  # Everything mounted under $root, deepest first.
  mounts_under_root() {
    awk -v root="$root" '$2 == root || index($2, root "/") == 1 { print $2 }' /proc/self/mounts | sort -r
  }

  teardown() {
    local status=$?
    set +e
    # Processes still running inside the chroot (a browser left behind) were
    # started by this run: end them by id.
    for proc in /proc/[0-9]*; do
      if [ "$(readlink "$proc/root" 2>/dev/null)" = "$root" ]; then
        kill -9 "${proc#/proc/}" 2>/dev/null
      fi
    done
    sleep 1
    local mount
    for mount in $(mounts_under_root); do
      umount "$mount" 2>/dev/null || umount -l "$mount"
    done
    if [ -n "$(mounts_under_root)" ]; then
      echo "test-fresh: still mounted under $root, left in place:" >&2
      mounts_under_root >&2
    elif [ "${FRESH_KEEP:-0}" = 1 ]; then
      echo "test-fresh: chroot kept in $work"
    else
      rm -rf --one-file-system "$work"
    fi
    exit "$status"
  }
  trap teardown EXIT
  trap 'exit 130' INT TERM

  : >"$logs/summary.txt"
  started=$(date +%s)
  say "testing commit $head in a fresh Debian $suite chroot at $root (mirror $mirror)"

  # The smallest Debian system (debootstrap's minbase: no compiler, no
  # certificates, no fonts), with apt set up as an installed Debian has it
  # (the security archive too), plus make and git, which the README asks a
  # newcomer to have.
  debootstrap --variant=minbase --include=make,git "$suite" "$root" "$mirror" >"$logs/debootstrap.log" 2>&1 \
    || { tail -20 "$logs/debootstrap.log"; exit 1; }
  cat >"$root/etc/apt/sources.list" <<EOF
deb $mirror $suite main
deb $mirror $suite-updates main
deb $security $suite-security main
EOF
  # The machine's network: its name server, and the certificate authorities it
  # adds for its egress (update-ca-certificates takes them in when setup.sh
  # installs ca-certificates).
  cp /etc/resolv.conf "$root/etc/resolv.conf"
  mkdir -p "$root/usr/local/share/ca-certificates"
  cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/" 2>/dev/null || true
  # What the Debian installer writes and debootstrap does not: without
  # "localhost" ChromeDriver cannot reach the browser it starts.
  echo "rapporteur-fresh" >"$root/etc/hostname"
  cat >"$root/etc/hosts" <<'EOF'
127.0.0.1	localhost
127.0.1.1	rapporteur-fresh

::1     localhost ip6-localhost ip6-loopback
ff02::1 ip6-allnodes
ff02::2 ip6-allrouters
EOF
  chroot "$root" dpkg-query -W -f '${Package} ${Version}\n' | sort >"$logs/packages-before.txt"
  say "debootstrap done in $(( $(date +%s) - started )) s ($(wc -l <"$logs/packages-before.txt") packages)"

  mount -t proc proc "$root/proc"
  mount --rbind /sys "$root/sys"
  mount --make-rslave "$root/sys"
  mount --rbind /dev "$root/dev"
  mount --make-rslave "$root/dev"

  # The toolchain these machines come with: rustup's home through an overlay
  # (read-only below, writes kept here), the rustup binary and its proxies.
  mkdir -p "$work/rustup-upper" "$work/rustup-work" "$root/root/.rustup" "$root/root/.cargo/bin"
  mount -t overlay overlay \
    -o "lowerdir=$rustup_home,upperdir=$work/rustup-upper,workdir=$work/rustup-work" "$root/root/.rustup"
  cp "$rustup_bin" "$root/root/.cargo/bin/rustup"
  for proxy in cargo rustc rustdoc rustfmt cargo-fmt cargo-clippy clippy-driver rust-gdb; do
    ln -s rustup "$root/root/.cargo/bin/$proxy"
  done

  # ../shared beside the clone, read-only, as on CI.
  mkdir -p "$root/work/shared"
  if [ -d "$repo/../shared" ]; then
    mount --bind "$(readlink -f "$repo/../shared")" "$root/work/shared"
    mount -o remount,bind,ro "$root/work/shared"
  fi

  # A clean clone of the committed HEAD, made inside with the chroot's git.
  git -C "$repo" bundle create "$root/work/origin.bundle" HEAD >/dev/null 2>&1
  # A clean environment, as a new login has it, with CI=true and the machine's
  # own settings for trusting its egress certificates (these machines set them
  # for every process; node, for one, reads no system store without them).
  machine_env=()
  for name in $(env | grep -Eo '^([A-Z_]*(CA_BUNDLE|CA_CERTS|CAINFO|SSL_CERT_FILE|SSL_CERT_DIR|CA_CERTS_FILE|ROOTS_FILE_PATH|EXTRA_CA_CERTS)|PIP_CERT)=' | tr -d =); do
    machine_env+=("$name=${!name}")
  done
  run_inside() {
    chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=dumb CI=true "${machine_env[@]}" \
      PATH=/root/.cargo/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
      bash -c "$1"
  }
  run_inside "git clone -q /work/origin.bundle /work/rapporteur 2>/dev/null && cd /work/rapporteur && git -c advice.detachedHead=false checkout -q --detach $head && git log --oneline -1" \
    | tee -a "$logs/summary.txt"

  say "running make test inside (CI=true); output in target/test-fresh/make-test.log"
  test_started=$(date +%s)
  set +e
  run_inside "cd /work/rapporteur && make test" >"$logs/make-test.log" 2>&1
  status=$?
  set -e
  test_took=$(( $(date +%s) - test_started ))

  chroot "$root" dpkg-query -W -f '${Package} ${Version}\n' | sort >"$logs/packages-after.txt"
  comm -13 "$logs/packages-before.txt" "$logs/packages-after.txt" >"$logs/packages-installed.txt"
  {
    echo "Debian packages installed by make test: $(wc -l <"$logs/packages-installed.txt") (list in packages-installed.txt)"
    echo "  asked for by setup.sh: $(grep -o 'installing Debian packages: .*' "$logs/make-test.log" | head -1 | cut -d: -f2-)"
    echo "cargo-installed tools: $(ls "$root/root/.cargo/bin" | grep -vx -e rustup -e cargo -e rustc -e rustdoc -e rustfmt -e cargo-fmt -e cargo-clippy -e clippy-driver -e rust-gdb | tr '\n' ' ')"
    echo "toolchains added to the overlay: $(ls "$work/rustup-upper/toolchains" 2>/dev/null | tr '\n' ' ')"
    echo "node: $(run_inside 'cd /work/rapporteur && PATH=$PWD/.tools/node_modules/.bin:$PATH node --version' 2>&1)"
    echo "chromium: $(run_inside 'chromium --version' 2>&1)"
    echo "setup steps:"
    grep -E '^(.\[1m)?setup:' "$logs/make-test.log" | sed -E 's/\x1b\[[0-9;]*m//g; s/^/  /'
    echo "test layers:"
    grep -E '^test: |^e2e: [0-9]|^fuzz: ' "$logs/make-test.log" | sed 's/^/  /'
  } | tee -a "$logs/summary.txt"
  say "make test exited with $status after $test_took s; whole run $(( $(date +%s) - started )) s"
  exit "$status"
}

main "$@"
