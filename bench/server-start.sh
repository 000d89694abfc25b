#!/usr/bin/env bash
# Time from launching `moat serve --port 0` to its data dir's `endpoint` file appearing (listening,
# every provider assembled, registry listeners up), with and without the class-data-sharing
# archive the ./moat launcher records for `serve`:
#   bench/server-start.sh [RUNS]
# Uses the built jar (moat-server/target/moat.jar; build it first). Each mode's runs alternate
# with the other's, so both see the same machine load. Every run starts on a fresh copy of one
# data dir created beforehand (so no run pays for creating the CA, keys and database), except
# the "first start" row, which creates its own.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-5}"
jar="$root/moat-server/target/moat.jar"
[ -f "$jar" ] || { echo "build first: mvn -B -q -pl moat-server -am package -DskipTests" >&2; exit 2; }
work="$(mktemp -d)"
pid=""
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
archive="$work/serve.jsa"
cds=(-Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off)

start_and_time() { # dir jvm-opts...: sets $took (seconds to the endpoint file), $cpu (CPU seconds
                   # the JVM used until then, all its threads: robust to a busy machine) and $pid
  local dir="$1"; shift
  local t0 t1
  t0=$EPOCHREALTIME
  java "$@" -jar "$jar" serve --port 0 --data-dir "$dir" >"$dir.log" 2>&1 &
  pid=$!
  until [ -s "$dir/endpoint" ]; do
    kill -0 "$pid" 2>/dev/null || { cat "$dir.log" >&2; exit 1; }
    sleep 0.005
  done
  t1=$EPOCHREALTIME
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$pid/stat")
  took=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
}
stop() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""; }

# The data dir every timed run copies, and the archive, recorded as ./moat does on a first serve.
start_and_time "$work/golden" "${cds[@]}" -XX:ArchiveClassesAtExit="$archive"
first="$took (cpu $cpu)"
stop
[ -s "$archive" ] || { echo "no archive written" >&2; exit 1; }

printf '%-22s %s\n' mode "seconds to listening (wall; JVM CPU), runs 1-$runs"
printf '%-22s %s\n' "first start (records)" "$first"
declare -A times cpus
for i in $(seq 1 "$runs"); do
  for mode in plain cds; do
    dir="$work/$mode-$i"
    cp -a "$work/golden" "$dir"
    rm -f "$dir/endpoint" "$dir"/*.lock 2>/dev/null || true
    if [ "$mode" = cds ]; then
      start_and_time "$dir" "${cds[@]}" -XX:SharedArchiveFile="$archive"
    else
      start_and_time "$dir"
    fi
    stop
    times[$mode]="${times[$mode]:-} $took"
    cpus[$mode]="${cpus[$mode]:-} $cpu"
  done
done
median() { tr ' ' '\n' | grep . | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
for mode in plain cds; do
  printf '%-22s wall %s (median %s); cpu %s (median %s)\n' "restart, $mode" "${times[$mode]# }" \
    "$(echo "${times[$mode]}" | median)" "${cpus[$mode]# }" "$(echo "${cpus[$mode]}" | median)"
done
