#!/usr/bin/env bash
# Pods per second to Running for a REPLICAS-replica Deployment on a 3-node cluster whose nodes hold
# the image already (warm cache), through the real kube store (SQLite), controllers, scheduler and
# kubelets in one JVM, and the heap per idle pod after a full GC (MemoryMXBean after System.gc()).
#   bench/workloads.sh [REPLICAS]        (default 200; e.g. 1000 for the heap-per-1,000-pods figure)
# The node runtime is the test one (no network pulls): with a warm cache kubelets report "already
# present", so the figure is the control plane's. Targets: 200 Running in < 5 s, < 2 KiB per idle pod.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
replicas="${1:-200}"
cd "$root"
mvn -B -q -o -pl moat-kube -am verify -Dtest=WorkloadsBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench=true -Dbench.replicas="$replicas" 2>&1 | grep -E 'ERROR' || true
grep -h '^workloads:' moat-kube/target/surefire-reports/dev.moat.kube.runtime.WorkloadsBench-output.txt
