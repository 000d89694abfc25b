#!/usr/bin/env bash
# Times the network-isolation doctor on an existing cluster on a warm server (target: < 300 ms).
#   bench/doctor.sh [RUNS]
# Creates a 1-node network-isolated cluster with the AKS-managed registry, then asks
# POST /moat/doctor/check RUNS times while it is healthy and RUNS times after its registry's
# data-endpoint A record is deleted (one broken link), and prints the server-side time the doctor
# reports (tookMillis) and curl's round trip, as median and max. Set MOAT to run another build
# (e.g. MOAT="java -jar moat-server/target/moat.jar").
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-25}"
moat="${MOAT:-$root/moat}"
work="$(mktemp -d)"
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

$moat --help >/dev/null 2>&1 || true
$moat serve --port 0 --data-dir "$work" >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 300); do [ -s "$work/endpoint" ] && break; sleep 0.1; done
export MOAT_HOME="$work"
endpoint="$(cat "$work/endpoint")"
$moat group create -n bench-rg -l eastus -o none
$moat aks create -g bench-rg -n bench --kubernetes-version 1.30.3 --bootstrap-artifact-source Cache \
  --outbound-type none --network-plugin azure --enable-private-cluster --node-count 1 --no-ssh-key -o none
cluster="$($moat aks show -g bench-rg -n bench --query id -o tsv)"

measure() {
  local label="$1" server=() trip=()
  for _ in $(seq 1 "$runs"); do
    out="$(curl -s --cacert "$work/ca.pem" -X POST -w '\n%{time_total}' \
      "$endpoint/moat/doctor/check?cluster=$cluster")"
    server+=("$(echo "$out" | head -1 | sed -E 's/.*"tookMillis":([0-9]+).*/\1/')")
    trip+=("$(echo "$out" | tail -1 | awk '{printf "%d", $1 * 1000}')")
  done
  ok="$(echo "$out" | head -1 | sed -E 's/.*"wouldBootstrap":(true|false).*/\1/')"
  printf '%-28s wouldBootstrap=%-5s server median %4s ms max %4s ms | round trip median %4s ms max %4s ms\n' \
    "$label" "$ok" \
    "$(printf '%s\n' "${server[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')" \
    "$(printf '%s\n' "${server[@]}" | sort -n | tail -1)" \
    "$(printf '%s\n' "${trip[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')" \
    "$(printf '%s\n' "${trip[@]}" | sort -n | tail -1)"
}

measure healthy
node_rg="$($moat aks show -g bench-rg -n bench --query nodeResourceGroup -o tsv)"
acr="$($moat acr list -g "$node_rg" --query '[0].name' -o tsv)"
$moat network private-dns record-set a delete -g "$node_rg" -z privatelink.azurecr.io \
  -n "$acr.eastus.data" --yes -o none
measure "broken (data A record)"
$moat aks check-network-isolation -g bench-rg -n bench --no-ssh-key | tail -4 || true
