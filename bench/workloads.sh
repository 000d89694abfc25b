#!/usr/bin/env bash
# Pods per second to Running for a REPLICAS-replica Deployment on a 3-node cluster whose nodes hold
# the image already (warm cache), through the real kube store (SQLite), controllers, scheduler and
# kubelets in one JVM, and the heap the idle pods keep after a full GC (MemoryMXBean after
# System.gc(), growth across the measured rollout).
#   bench/workloads.sh [REPLICAS] [--histo]   (default 200; 1000 gives the heap-per-1,000-pods figure)
# Two rollouts run in one JVM: the first in a fresh JVM ("cold": the JIT compiles as it goes), then,
# after it is deleted, a second in the warm JVM, as in a server that has been up for a while; the
# heap is measured around the second, when the store's watch ring (a fixed cost) is already full.
# Running is observed through a watch on the store, as `kubectl rollout status` does.
# The node runtime is the test one (FakeNodeRuntime, no network pulls): with a warm cache kubelets
# report "already present", so the figure is the control plane's, not the real server's NodeAgents.
# --histo also prints the heap growth per class. Targets: 200 Running in < 5 s, < 2 KiB per idle pod.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
replicas="${1:-200}"
histo=false
[[ "${2:-}" == "--histo" ]] && histo=true
cd "$root"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
mvn -B -q -o -pl moat-kube -am verify -Dspotless.check.skip=true -Dtest=WorkloadsBench \
  -Dsurefire.failIfNoSpecifiedTests=false -Dbench=true -Dbench.replicas="$replicas" \
  -Dbench.histo="$histo" 2>&1 | grep -E 'ERROR' || true
grep -h -E '^(workloads|heap growth):' \
  moat-kube/target/surefire-reports/dev.moat.kube.runtime.WorkloadsBench-output.txt
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
