#!/usr/bin/env bash
# Releases the example twice, into two separate data directories, under different time zones,
# umasks, locales and (when run as root) OS users, then compares the published bytes with cmp
# and, when installed, diffoscope. Exit 0 when archives, SHA256SUMS and release-artifacts.json
# are byte-identical.
#
#   scripts/reproducibility-check.sh [version]      (default 0.4.0)
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
version="${1:-0.4.0}"
work="$(mktemp -d /tmp/fuse-repro.XXXXXX)"
chmod 0755 "$work"
"$home/fuse-release" --version >/dev/null   # builds the launcher jar once, as this user

run_a() {
  (umask 022; TZ=UTC LANG=C.UTF-8 USER=alice \
    "$home/fuse-release" demo --approve --version "$version" --data-dir "$work/a" >"$work/a.log" 2>&1)
}
run_b() {
  local cmd=(env TZ=Pacific/Kiritimati LANG=tr_TR.UTF-8 USER=bob FUSE_RELEASE_HOME="$home"
    java -jar "$home/devstack/target/fuse-release-dev.jar" demo --approve --version "$version" --data-dir "$work/b")
  if [ "$(id -u)" = 0 ] && command -v runuser >/dev/null 2>&1; then
    # Another OS user: it needs to write its data directory and the log directory only.
    mkdir -p "$work/b" "$home/.fuse-release/logs" && chown nobody "$work/b" && chmod a+rwx "$home/.fuse-release/logs"
    (umask 077; runuser -u nobody -- "${cmd[@]}" >"$work/b.log" 2>&1)
    echo "second release ran as user nobody"
  else
    (umask 077; "${cmd[@]}" >"$work/b.log" 2>&1)
  fi
}

echo "release A: TZ=UTC umask 022 LANG=C.UTF-8 user $(id -un)"; run_a || { cat "$work/a.log"; exit 1; }
echo "release B: TZ=Pacific/Kiritimati umask 077 LANG=tr_TR.UTF-8"; run_b || { cat "$work/b.log"; exit 1; }

a="$work/a/downloads/$version"; b="$work/b/downloads/$version"
status=0
for f in "$a"/*; do
  name="$(basename "$f")"
  case "$name" in
    # Evidence of one run (ids, times, samples, the approver) lives in evidence/ and differs by
    # design; PUBLISHED.json names that run.
    evidence|PUBLISHED.json) continue ;;
  esac
  if cmp -s "$f" "$b/$name"; then
    echo "identical  $name  $(sha256sum "$f" | cut -c1-16)"
  else
    echo "DIFFERENT  $name"; status=1
    command -v diffoscope >/dev/null && diffoscope "$f" "$b/$name" | head -50 || true
  fi
done
(cd "$b" && sha256sum -c --quiet SHA256SUMS) && echo "sha256sum -c SHA256SUMS: OK"
echo "data in $work"
exit $status
