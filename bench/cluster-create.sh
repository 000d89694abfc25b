#!/usr/bin/env bash
# Times the creation of a network-isolated AKS cluster on Moat, cold: a fresh data directory, so the
# AKS-managed registry's cache is empty and every node pulls every bootstrap artifact through the
# private registry, which fills from the MCR stand-in.
#   bench/cluster-create.sh [RUNS] [NODES]
# Prints, per run, the wall time of `./moat aks create` (a new JVM for the CLI, the PUT, and polling
# until the operation ends) and how many nodes ended Ready, for two clusters on the same server:
# the first on a freshly started server (cold JVM), the second once the server is warm. Each
# cluster gets its own AKS-managed registry, whose cache starts empty; the second finds the MCR
# blobs already in the server's content store, so its cache fills by upstream checks, not downloads.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-3}"
nodes="${2:-3}"
work="$(mktemp -d)"
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

"$root/moat" --help >/dev/null 2>&1 || true   # builds the jar if needed, outside the timings
printf '%-4s %-8s %-10s %-12s %s\n' run nodes cluster "wall s" state
for i in $(seq 1 "$runs"); do
  home="$work/run$i"
  mkdir -p "$home"
  "$root/moat" serve --port 0 --data-dir "$home" >"$home/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 100); do [ -s "$home/endpoint" ] && break; sleep 0.1; done
  export MOAT_HOME="$home"
  "$root/moat" group create -n bench-rg -l eastus -o none
  for cluster in first second; do
    start=$(date +%s.%N)
    "$root/moat" aks create -g bench-rg -n "bench-$cluster" --kubernetes-version 1.30.3 \
      --bootstrap-artifact-source Cache --outbound-type none --network-plugin azure \
      --node-count "$nodes" --no-ssh-key -o none
    end=$(date +%s.%N)
    state=$("$root/moat" aks show -g bench-rg -n "bench-$cluster" --query provisioningState -o tsv)
    ready=$("$root/moat" rest --method get --url "/subscriptions/{subscriptionId}/resourceGroups/bench-rg/providers/Microsoft.ContainerService/managedClusters/bench-$cluster/agentPools/nodepool1/machines?api-version=2025-10-01" \
      --query "length(value[?properties.moat.state=='Ready'])" -o tsv)
    printf '%-4s %-8s %-10s %-12.2f %s (%s of %s nodes Ready)\n' "$i" "$nodes" "$cluster" "$(echo "$end - $start" | bc)" "$state" "$ready" "$nodes"
  done
  kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
done
