#!/usr/bin/env bash
# Does the cost of a cluster create stay flat as the cloud fills up? (issue 11)
#   bench/cluster-scale.sh
# On one freshly started server (its own data directory) it runs, in order:
#   1. sequential: COUNT (30) three-node network-isolated clusters created one after another with
#      `aks create` (a new CLI JVM, the PUT, polling until the operation ends); prints each create's
#      wall time and the server's CPU time during it, and the ratios of the mean of the last five to
#      the mean of creates 2-6 (target <= 1.1). On a shared machine the CPU ratio is the robust one:
#      wall time also counts waiting for cores other processes hold;
#   2. warm: one more create on the now warm server (target < 1 s);
#   3. burst: BURST (50) creates submitted at once with `--no-wait` into a fresh server, and the
#      time until every one is Succeeded (target <= 60 s; gives up after BURST_TIMEOUT).
#   4. team (TEAM=1): the same burst on a team server, REPLICAS (2) `serve --database` processes
#      on one fresh PostgreSQL database (created on TEAM_POSTGRES, default
#      postgresql://moat:moat@127.0.0.1:5432/postgres, dropped after) and one shared data
#      directory; creates are spread over the replicas round-robin (MOAT_ENDPOINT per CLI call),
#      and the time until every one is Succeeded is printed (target <= 45 s), with each replica's
#      CPU time (how the work was shared).
# Knobs: COUNT, BURST, NODES (3), BURST_TIMEOUT (180 s), JFR=1 (records a JFR profile of the
# sequential phase into bench/results/cluster-scale-<time>.jfr), DATABASE (a postgresql:// URL for
# `serve --database`; default the embedded store), SKIP_BURST=1, SKIP_SEQUENTIAL=1, TEAM=1,
# REPLICAS, TEAM_POSTGRES.
# It never runs `mvn install`: it uses moat-server/target/moat.jar, building it with `mvn package`
# when missing, and copies it so that rebuilding during a run does not change what is measured.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
count="${COUNT:-30}"
burst="${BURST:-50}"
nodes="${NODES:-3}"
burst_timeout="${BURST_TIMEOUT:-180}"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
work="$(mktemp -d)"
server_pid=""
team_pids=()
team_db=""
team_admin="${TEAM_POSTGRES:-postgresql://moat:moat@127.0.0.1:5432/postgres}"
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  for p in "${team_pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  if [ -n "$team_db" ]; then psql -q "$team_admin" -c "DROP DATABASE IF EXISTS $team_db WITH (FORCE)" >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

if [ ! -f "$root/moat-server/target/moat.jar" ]; then
  (cd "$root" && mvn -B -q -o -DskipTests -Dspotless.check.skip=true -pl moat-server -am package) >&2
fi
cp "$root/moat-server/target/moat.jar" "$work/moat.jar"
jar="$work/moat.jar"
cli_opts=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off)
cli() { java "${cli_opts[@]}" -XX:SharedArchiveFile="$work/cli.jsa" -jar "$jar" "$@"; }

echo "revision $(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet || echo '+dirty'), $(nproc) cores, $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"

start_server() { # $1 home, $2 extra JVM options
  local home="$1"
  mkdir -p "$home"
  # shellcheck disable=SC2086
  java ${2:-} -jar "$jar" serve --port 0 --data-dir "$home" ${DATABASE:+--database "$DATABASE"} >"$home/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 300); do [ -s "$home/endpoint" ] && break; sleep 0.1; done
  [ -s "$home/endpoint" ] || { echo "server did not start:" >&2; tail -20 "$home/server.log" >&2; exit 1; }
  export MOAT_HOME="$home"
}
stop_server() {
  kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
}
create() { # $1 name, then extra arguments
  local name="$1"; shift
  cli aks create -g scale-rg -n "$name" --kubernetes-version 1.30.3 \
    --bootstrap-artifact-source Cache --outbound-type none --network-plugin azure \
    --node-count "$nodes" --no-ssh-key -o none "$@"
}
now() { date +%s.%N; }
# CPU seconds (user + system) the server process has used so far.
server_cpu() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.3f", ($14 + $15) / hz }' "/proc/$server_pid/stat"; }

# The CLI's class-data-sharing archive, made once outside the timings.
java "${cli_opts[@]}" -XX:ArchiveClassesAtExit="$work/cli.jsa" -jar "$jar" --help >/dev/null 2>&1 || true

if [ "${SKIP_SEQUENTIAL:-0}" != 1 ]; then
  jfr_opts=""
  if [ "${JFR:-0}" = 1 ]; then
    mkdir -p "$root/bench/results"
    jfr_opts="-XX:StartFlightRecording=filename=$root/bench/results/cluster-scale-$stamp.jfr,settings=profile,dumponexit=true"
  fi
  start_server "$work/seq" "$jfr_opts"
  cli group create -n scale-rg -l eastus -o none
  echo "sequential: $count creates of $nodes-node isolated clusters"
  times=()
  cpus=()
  for i in $(seq 1 "$count"); do
    c0=$(server_cpu); t0=$(now); create "seq-$i"; t1=$(now); c1=$(server_cpu)
    t=$(echo "$t1 - $t0" | bc); times+=("$t")
    c=$(echo "$c1 - $c0" | bc); cpus+=("$c")
    printf '  create %2d  %6.2f s  server CPU %6.2f s\n' "$i" "$t" "$c"
  done
  if [ "$count" -ge 10 ]; then
    mean() { printf '%s\n' "$@" | awk '{s+=$1} END {printf "%.3f", s/NR}'; }
    early=$(mean "${times[@]:1:5}"); late=$(mean "${times[@]: -5}")
    printf 'wall: creates 2-6 mean %.2f s, last five mean %.2f s, ratio %.2f (target <= 1.10)\n' \
      "$early" "$late" "$(echo "$late / $early" | bc -l)"
    early=$(mean "${cpus[@]:1:5}"); late=$(mean "${cpus[@]: -5}")
    printf 'server CPU: creates 2-6 mean %.2f s, last five mean %.2f s, ratio %.2f\n' \
      "$early" "$late" "$(echo "$late / $early" | bc -l)"
  fi
  c0=$(server_cpu); t0=$(now); create warm; t1=$(now); c1=$(server_cpu)
  printf 'warm single create %.2f s, server CPU %.2f s (target < 1 s)\n' \
    "$(echo "$t1 - $t0" | bc)" "$(echo "$c1 - $c0" | bc)"
  state=$(cli aks list -g scale-rg --query "length([?provisioningState=='Succeeded'])" -o tsv)
  echo "succeeded: $state of $((count + 1))"
  stop_server
fi

if [ "${SKIP_BURST:-0}" != 1 ]; then
  start_server "$work/burst" ""
  cli group create -n scale-rg -l eastus -o none
  echo "burst: $burst creates submitted at once with --no-wait"
  t0=$(now)
  pids=()
  for i in $(seq 1 "$burst"); do create "burst-$i" --no-wait & pids+=($!); done
  failed=0
  for p in "${pids[@]}"; do wait "$p" || failed=$((failed + 1)); done
  t1=$(now)
  printf '  all %d PUTs answered after %.2f s (%d CLI failures)\n' "$burst" "$(echo "$t1 - $t0" | bc)" "$failed"
  done_count=0
  while :; do
    done_count=$(cli aks list -g scale-rg --query "length([?provisioningState=='Succeeded'])" -o tsv)
    bad=$(cli aks list -g scale-rg --query "length([?provisioningState=='Failed'])" -o tsv)
    elapsed=$(echo "$(now) - $t0" | bc)
    if [ "$done_count" -ge "$burst" ] || [ "$bad" -gt 0 ] || [ "$(echo "$elapsed > $burst_timeout" | bc)" = 1 ]; then break; fi
    sleep 1
  done
  printf 'burst: %d of %d Succeeded, %d Failed, after %.1f s (target: all within 60 s)\n' \
    "$done_count" "$burst" "$bad" "$elapsed"
  stop_server
fi

if [ "${TEAM:-0}" = 1 ]; then
  replicas="${REPLICAS:-2}"
  team_db="moat_bench_$(date +%s)"
  psql -q "$team_admin" -c "CREATE DATABASE $team_db" >/dev/null
  team_url="${team_admin%/*}/$team_db"
  home="$work/team"
  mkdir -p "$home"
  endpoints=()
  for r in $(seq 1 "$replicas"); do
    java -jar "$jar" serve --port 0 --data-dir "$home" --database "$team_url" >"$home/replica-$r.log" 2>&1 &
    team_pids+=($!)
    for _ in $(seq 1 600); do grep -q "Moat is serving" "$home/replica-$r.log" && break; sleep 0.1; done
    ep=$(grep -o "Moat is serving https://[^ ]*" "$home/replica-$r.log" | cut -d' ' -f4 || true)
    [ -n "$ep" ] || { echo "replica $r did not start:" >&2; tail -20 "$home/replica-$r.log" >&2; exit 1; }
    endpoints+=("$ep")
  done
  export MOAT_HOME="$home"
  MOAT_ENDPOINT="${endpoints[0]}" cli group create -n scale-rg -l eastus -o none
  echo "team: $burst creates submitted at once with --no-wait, spread over $replicas replicas on PostgreSQL"
  t0=$(now)
  pids=()
  for i in $(seq 1 "$burst"); do
    MOAT_ENDPOINT="${endpoints[$(( (i - 1) % replicas ))]}" create "team-$i" --no-wait & pids+=($!)
  done
  failed=0
  for p in "${pids[@]}"; do wait "$p" || failed=$((failed + 1)); done
  t1=$(now)
  printf '  all %d PUTs answered after %.2f s (%d CLI failures)\n' "$burst" "$(echo "$t1 - $t0" | bc)" "$failed"
  done_count=0
  while :; do
    done_count=$(MOAT_ENDPOINT="${endpoints[0]}" cli aks list -g scale-rg --query "length([?provisioningState=='Succeeded'])" -o tsv)
    bad=$(MOAT_ENDPOINT="${endpoints[0]}" cli aks list -g scale-rg --query "length([?provisioningState=='Failed'])" -o tsv)
    elapsed=$(echo "$(now) - $t0" | bc)
    if [ "$done_count" -ge "$burst" ] || [ "$bad" -gt 0 ] || [ "$(echo "$elapsed > $burst_timeout" | bc)" = 1 ]; then break; fi
    sleep 1
  done
  printf 'team burst: %d of %d Succeeded, %d Failed, after %.1f s on %d replicas (target: all within 45 s)\n' \
    "$done_count" "$burst" "$bad" "$elapsed" "$replicas"
  for r in $(seq 1 "$replicas"); do
    cpu=$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / hz }' "/proc/${team_pids[$((r - 1))]}/stat")
    echo "  replica $r: ${endpoints[$((r - 1))]}, CPU ${cpu} s"
  done
fi
