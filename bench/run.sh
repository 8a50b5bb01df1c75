#!/usr/bin/env bash
# Benchmarks of the pipeline's own cost (not part of the suite): bench/run.sh [B1|B2|B3|B4|B5|B6]...
# runs the named benchmarks (default: all) and prints one line each,
#   B<n> ours=<figure> baseline=<figure> ratio=<ours/baseline> goal=<met|missed> ...
# with ours and the baseline measured side by side in the same run. docs/benchmarks.md has the
# figures of this machine and what each one means. Progress and tool output go to stderr.
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$home"
for arg in "$@"; do
  case "$arg" in
    B1 | B2 | B3 | B4 | B5 | B6) ;;
    *) echo "bench: unknown benchmark '$arg': use B1, B2, B3, B4, B5 or B6" >&2; exit 2 ;;
  esac
done
needs() { # command, Debian package
  command -v "$1" > /dev/null && return
  echo "bench: installing $2" >&2
  if [ "$(id -u)" -eq 0 ]; then apt-get install -y -qq "$2" >&2; else sudo apt-get install -y -qq "$2" >&2; fi
}
needs hyperfine hyperfine
needs aws awscli
needs cc gcc
needs node nodejs
needs npm npm
./fuse-release --help > /dev/null # builds the tool (and the benchmarks) when sources changed
# B6 runs the installed tarball's launcher: the one this checkout packs.
ls distribution/target/fuse-release-*.tar.gz > /dev/null 2>&1 || ./mvnw -q -B -DskipTests -pl distribution -am package >&2
[ -d bench/target/classes ] || ./mvnw -q -B -DskipTests -pl bench -am package >&2
# B2, B4 and B6 hold the embedded stack in the benchmark's JVM: it runs with the JVM options the
# launcher gives `dev` (C1 only). B1, B3 and B5 time our own code in this JVM, as a worker runs it.
stack_jvm=$(sed -n 's/^stack_jvm="\(.*\)"$/\1/p' fuse-release)
[ -n "$stack_jvm" ] || { echo "bench: no stack_jvm line in ./fuse-release" >&2; exit 70; }
[ $# -gt 0 ] || set -- B1 B2 B3 B4 B5 B6
for bench in "$@"; do
  case "$bench" in B2 | B4 | B6) options=$stack_jvm ;; *) options= ;; esac
  # shellcheck disable=SC2086 # an option list
  java $options -Dfuse.home="$home" -cp "devstack/target/fuse-release-dev.jar:bench/target/classes" \
    dev.fuse.release.bench.Benchmarks "$bench"
done
