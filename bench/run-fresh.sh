#!/usr/bin/env bash
# Runs one benchmark against a FRESH Watershed: new data directory, new JVM, stopped afterwards.
#
#   bench/run-fresh.sh <server-jar> <out-dir> <bench mode and options...>
#   e.g. bench/run-fresh.sh server/target/watershed.jar /tmp/run1 ingest --producers 16 --duration 60s --warmup 15s
#
# Server settings come from the environment as usual (WATERSHED_INGEST_MAX_TRANSACTION_EVENTS, SERVER_JAVA_OPTS for
# JVM flags, default -Xmx2g). The port is BENCH_PORT (default 5055). Left in <out-dir>: the bench output, the server
# log, /prometheus after the run, thread dumps taken mid-run (BENCH_JSTACK_AT seconds after the bench starts; 0 = none),
# and vmstat for the whole run. Only the server this script started is stopped, by its pid.
#
# On a shared machine other work skews the figures, so the script first waits (at most BENCH_QUIET_WAIT seconds,
# default 900) until the host has been under BENCH_QUIET_BUSY percent busy (default 15) for 5 seconds, and records
# whether it got there. The bench output also reports the CPU other processes used during the measured window.
set -euo pipefail

if [[ $# -lt 3 ]]; then
  sed -n '2,10p' "$0"
  exit 2
fi
server_jar=$1
out=$2
shift 2
port=${BENCH_PORT:-5055}
jstack_at=${BENCH_JSTACK_AT:-0}
here=$(cd "$(dirname "$0")" && pwd)
bench_jar=${BENCH_JAR:-$here/target/watershed-bench.jar}

mkdir -p "$out"
data=$(mktemp -d /tmp/watershed-bench-data.XXXXXX)
server_pid=""
vmstat_pid=""

cleanup() {
  [[ -n "$vmstat_pid" ]] && kill "$vmstat_pid" 2>/dev/null || true
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid"
    # Bounded wait for a clean shutdown (Neo4j flushes its store), then give up on it.
    for _ in $(seq 1 60); do kill -0 "$server_pid" 2>/dev/null || break; sleep 1; done
    kill -9 "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$data"
}
trap cleanup EXIT

# Host busy percentage over the next 5 seconds, from /proc/stat (idle + iowait count as idle).
host_busy() {
  local a b
  read -r -a a < <(head -1 /proc/stat)
  sleep 5
  read -r -a b < <(head -1 /proc/stat)
  local total=0 i
  for i in 1 2 3 4 5 6 7 8; do total=$((total + b[i] - a[i])); done
  local idle=$(( (b[4] - a[4]) + (b[5] - a[5]) ))
  echo $(( total == 0 ? 0 : 100 * (total - idle) / total ))
}

quiet_wait=${BENCH_QUIET_WAIT:-900}
quiet_busy=${BENCH_QUIET_BUSY:-15}
waited=0
busy=$(host_busy)
while [[ "$busy" -ge "$quiet_busy" && "$waited" -lt "$quiet_wait" ]]; do
  waited=$((waited + 5))
  busy=$(host_busy)
done
quiet_note="host ${busy}% busy before the run (waited ${waited} s for <${quiet_busy}%)"
echo "$quiet_note"

if curl -fs "localhost:$port/health" >/dev/null 2>&1; then
  echo "port $port is already serving; pick another BENCH_PORT" >&2
  exit 1
fi

# shellcheck disable=SC2086
WATERSHED_DATA_DIR=$data MICRONAUT_SERVER_PORT=$port java ${SERVER_JAVA_OPTS:--Xmx2g} -jar "$server_jar" \
  >"$out/server.log" 2>&1 &
server_pid=$!
echo "server pid $server_pid, data $data, port $port; $quiet_note" | tee "$out/settings.txt"
env | grep -E '^WATERSHED_|^SERVER_JAVA_OPTS' | sort >>"$out/settings.txt" || true

for _ in $(seq 1 120); do
  curl -fs "localhost:$port/health" >/dev/null 2>&1 && break
  kill -0 "$server_pid" 2>/dev/null || { echo "server died, see $out/server.log" >&2; exit 1; }
  sleep 1
done
curl -fs "localhost:$port/health" >/dev/null

vmstat 5 >"$out/vmstat.txt" &
vmstat_pid=$!

if [[ "$jstack_at" -gt 0 ]]; then
  (
    sleep "$jstack_at"
    for i in 1 2 3; do
      jstack "$server_pid" >"$out/jstack-$i.txt" 2>&1 || true
      top -b -H -n 1 -p "$server_pid" | head -40 >"$out/top-threads-$i.txt" 2>&1 || true
      sleep 2
    done
  ) &
fi

status=0
java -jar "$bench_jar" "$@" --url "http://localhost:$port" 2>&1 | tee "$out/bench.txt" || status=$?
curl -fs "localhost:$port/prometheus" >"$out/prometheus.txt" || true
wait_jobs=$(jobs -p | grep -v "^$server_pid$" | grep -v "^$vmstat_pid$" || true)
[[ -n "$wait_jobs" ]] && wait $wait_jobs 2>/dev/null || true
exit "$status"
