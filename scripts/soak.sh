#!/usr/bin/env bash
# Soak test (not part of the suite): N releases of the example, linux-x64 only, against
# `dev --no-worker` with the orchestrator and the target worker as separate JVMs that reach S3 and
# Temporal through fault proxies, while M faults hit them, one every 10-30 s, from a fault
# injector running beside the release manager's loop: kill -9 of a random worker (started again
# at once), S3 cut for 10-60 s, Temporal cut for 5-20 s. Every release waiting for approval is
# approved, every failed target retried as an operator would; at the end the bucket is read back
# with `verify --all` and one line is printed:
#   releases=N published=P faults=F lost=L mismatched=X
# lost = releases that did not publish; mismatched = published releases that do not verify.
# Usage: scripts/soak.sh [--releases N] [--faults M] [--seed S] [--minutes T]
set -euo pipefail

releases=5 faults=5 seed=${SOAK_SEED:-$$} minutes=60
while [ $# -gt 0 ]; do
  case "$1" in
    --releases) releases=$2; shift 2 ;;
    --faults) faults=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --minutes) minutes=$2; shift 2 ;;
    *) echo "soak: unknown argument $1 (--releases N --faults M --seed S --minutes T)" >&2; exit 2 ;;
  esac
done
RANDOM=$seed
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$home"
./fuse-release --help > /dev/null # builds the tool when needed
jar="$home/devstack/target/fuse-release-dev.jar"          # dev --no-worker, fault-proxy
worker_jar="$home/worker/target/fuse-release.jar"  # workers run the production distribution
data="$(mktemp -d "${TMPDIR:-/tmp}/fuse-soak.XXXXXX")"
echo "soak: seed=$seed releases=$releases faults=$faults data=$data" >&2

# Every process the soak starts is listed in $data/pids (the injector restarts workers too).
dev_pid=
injector=
cleanup() {
  [ -n "$injector" ] && kill "$injector" 2> /dev/null || true
  [ -f "$data/pids" ] && while read -r p; do kill -9 "$p" 2> /dev/null || true; done < "$data/pids"
  # The stack stops gracefully, so that it removes .fuse-release/dev/env.
  if [ -n "$dev_pid" ]; then kill "$dev_pid" 2> /dev/null || true; fi
  wait 2> /dev/null || true
}
trap cleanup EXIT

java -jar "$jar" dev --no-worker --data-dir "$data/stack" > "$data/dev.log" 2>&1 &
dev_pid=$!
for _ in $(seq 120); do [ -f .fuse-release/dev/env ] && break; sleep 1; done
[ -f .fuse-release/dev/env ] || { echo "soak: the dev stack did not start (see $data/dev.log)" >&2; exit 4; }

# The stack's variables for everyone (the CLI talks to the services directly) ...
while IFS='=' read -r key value; do
  case "$key" in '' | \#*) continue ;; esac
  export "$key=$value"
done < .fuse-release/dev/env
# ... and a fault proxy in front of each service for the workers.
start_proxy() { # name, target host:port; sets proxy_port
  java -jar "$jar" fault-proxy --listen 0 --to "$2" --cut-file "$data/cut-$1" > "$data/proxy-$1.log" 2>&1 &
  echo $! >> "$data/pids"
  for _ in $(seq 100); do
    proxy_port=$(sed -n 's/^fault proxy 127.0.0.1:\([0-9]*\) .*/\1/p' "$data/proxy-$1.log")
    [ -n "$proxy_port" ] && return
    sleep 0.2
  done
  echo "soak: the $1 fault proxy did not start (see $data/proxy-$1.log)" >&2; exit 4
}
start_proxy s3 "${AWS_ENDPOINT_URL_S3#http://}"; s3_port=$proxy_port
start_proxy temporal "$TEMPORAL_ADDRESS"; temporal_port=$proxy_port

start_worker() { # orchestrator | linux | signer
  local vars=(FUSE_RELEASE_TARGETS=none)
  [ "$1" = linux ] && vars=(FUSE_RELEASE_TARGETS=linux-x64 FUSE_RELEASE_ORCHESTRATOR=false \
    FUSE_RELEASE_WORK_DIR="$data/work")
  # Only the signer is given the release key (the env file does not carry it).
  [ "$1" = signer ] && vars=(FUSE_RELEASE_TARGETS=none FUSE_RELEASE_ORCHESTRATOR=false \
    FUSE_RELEASE_SIGNING_KEY="$data/stack/signing/release-key" FUSE_RELEASE_WORK_DIR="$data/signer-work")
  env AWS_ENDPOINT_URL_S3="http://127.0.0.1:$s3_port" TEMPORAL_ADDRESS="127.0.0.1:$temporal_port" "${vars[@]}" \
    java -jar "$worker_jar" worker >> "$data/$1.log" 2>&1 &
  echo $! > "$data/$1.pid"
  echo $! >> "$data/pids"
  disown $! # its kill -9 is a planned fault, not news for the terminal
}
start_worker orchestrator
start_worker linux
start_worker signer
sleep 5

# The fault injector: M faults, one every 10-30 s, until they are done or every release ended.
inject() {
  local n
  RANDOM=$((seed + 1)) # the injector's own sequence, reproducible from the printed seed
  for n in $(seq "$faults"); do
    sleep $((10 + RANDOM % 21))
    [ -f "$data/done" ] && return
    case $((RANDOM % 4)) in
      0 | 1)
        case $((RANDOM % 3)) in 0) victim=orchestrator ;; 1) victim=linux ;; *) victim=signer ;; esac
        echo "soak: fault $n: kill -9 $victim (pid $(cat "$data/$victim.pid"))" >&2
        kill -9 "$(cat "$data/$victim.pid")" 2> /dev/null || true
        sleep $((RANDOM % 4))
        start_worker "$victim" ;;
      2)
        seconds=$((10 + RANDOM % 51))
        echo "soak: fault $n: S3 unreachable for $seconds s" >&2
        touch "$data/cut-s3"; sleep "$seconds"; rm -f "$data/cut-s3" ;;
      3)
        seconds=$((5 + RANDOM % 16))
        echo "soak: fault $n: Temporal unreachable for $seconds s" >&2
        touch "$data/cut-temporal"; sleep "$seconds"; rm -f "$data/cut-temporal" ;;
    esac
    echo "$n" >> "$data/faults"
  done
}
inject &
injector=$!

for i in $(seq "$releases"); do
  ./fuse-release start --version "0.90.$i" --revision main --target linux-x64 --no-wait \
    --heartbeat-timeout 10s > /dev/null
done

# The release manager: approve what waits, retry a failed target (once its runner is back).
declare -A finished
deadline=$((SECONDS + minutes * 60))
while [ $SECONDS -lt $deadline ]; do
  waiting=0
  for i in $(seq "$releases"); do
    [ -n "${finished[$i]:-}" ] && continue
    status=$(./fuse-release status "0.90.$i" --output json 2> /dev/null || true)
    phase=$(printf '%s\n' "$status" | sed -n 's/^  "phase" : "\(.*\)",*$/\1/p')
    if [ "$phase" = BUILDING ] && printf '%s' "$status" | grep -q '"stage" : "FAILED"'; then
      ./fuse-release retry "0.90.$i" linux-x64 --reason "soak: runner restarted" > /dev/null 2>&1 || true
    fi
    case "$phase" in
      AWAITING_APPROVAL)
        ./fuse-release approve "0.90.$i" --approver soak-approver --comment "soak" > /dev/null 2>&1 || true
        waiting=1 ;;
      PUBLISHED | REJECTED | FAILED | ABANDONED | CANCELLED) finished[$i]=$phase ;;
      *) waiting=1 ;;
    esac
  done
  [ $waiting -eq 0 ] && break
  sleep 3
done
touch "$data/done"
kill "$injector" 2> /dev/null || true
wait "$injector" 2> /dev/null || true
injector=
rm -f "$data/cut-s3" "$data/cut-temporal"

faulted=$( [ -f "$data/faults" ] && wc -l < "$data/faults" || echo 0)
audit=$(./fuse-release verify --all --output json 2> /dev/null || true)
published=$(printf '%s' "$audit" | grep -c '"version" :' || true)
mismatched=$(printf '%s' "$audit" | grep -c '"verified" : false' || true)
# The first "verified" of the JSON is the overall verdict; count only per-release ones.
if printf '%s' "$audit" | head -2 | grep -q '"verified" : false'; then mismatched=$((mismatched - 1)); fi
echo "releases=$releases published=$published faults=$((faulted)) lost=$((releases - published)) mismatched=$mismatched"
