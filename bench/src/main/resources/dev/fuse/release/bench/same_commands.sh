#!/usr/bin/env bash
# B2's baseline: the example's recipe commands for its three targets, as a plain parallel shell
# script would run them: per target, in parallel, a clone, the two build steps, an independent
# rebuild in a second clone, then 2 warm-up + 20 cold starts each of the AOT binary and the JIT
# baseline, strip, and the parity suite. Under the host policy the pipeline keeps (and the
# measurement protocol needs): builds share the host, a measurement has it to itself (flock -s
# for builds, flock -x for measuring). Usage: same_commands.sh REPO WORK FIRST_200_CLIENT
set -euo pipefail
repo=$1 work=$2 client=$3 version=0.50.9
mkdir -p "$work"

build() { # target, folder
  git clone -q "$repo" "$2/src"
  (cd "$2/src" &&
    sh toolchain/bin/fuse build-cli --target "$1" --version "$version" --out "$2/out/cli" > /dev/null &&
    sh toolchain/bin/fuse build --aot --profile release --target "$1" --version "$version" --out "$2/out/aot" > /dev/null)
}

pipeline() { # target
  local t=$1 dir="$work/$1" exe=""
  [ "$t" = windows-x64 ] && exe=.exe
  (
    flock -s 9
    build "$t" "$dir/first"
    build "$t" "$dir/rebuild"
  ) 9> "$work/host.lock"
  local aot="$dir/first/out/aot/hello-http$exe"
  (
    flock -x 9
    cd "$dir/first/src"
    port=$((20000 + RANDOM % 20000))
    export FIRST_200_LOG="$dir/first-200.log" # AOT and JIT samples alternately, for B2's profile
    for _ in $(seq 22); do
      "$client" "$port" "$aot"
      "$client" "$port" /bin/sh toolchain/bin/fuse run --jit
    done
    strip -o "$dir/stripped" "$aot"
    sh toolchain/bin/fuse parity --aot "$aot" --report "$dir/parity.xml" > /dev/null
  ) 9> "$work/host.lock"
}

pids=()
for t in linux-x64 macos-arm64 windows-x64; do pipeline "$t" & pids+=($!); done
for p in "${pids[@]}"; do wait "$p"; done
