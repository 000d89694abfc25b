#!/usr/bin/env bash
# Medians over several outputs of registry-vs-distribution.sh (their "raw:" sections):
#   bench/median.sh bench/results/run-*.txt
# Prints, per size and case, the median of each side, the ratio of the medians (M/D), the median
# of the per-run ratios (med M/D: each run's Moat/Distribution pair shares that run's conditions),
# the per-run values, and the upstream blob GETs per blob (min-max over the runs) of each side.
set -euo pipefail
[ $# -gt 0 ] || { echo "usage: $0 RESULT-FILE..." >&2; exit 2; }
for f in "$@"; do
  awk -v run="$f" 'p && NF { print run "\t" $0 } /^raw:/ { p = 1 }' "$f"
done | awk -F'\t' '
  function median(list,   a, n, i, j, t) {
    n = split(list, a, " ")
    for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] + 0 > t + 0; j--) a[j + 1] = a[j]; a[j + 1] = t }
    return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  {
    key = $2 "\t" $3; if (!(key in seen)) { seen[key] = 1; order[++n] = key }
    vals[key, $4] = vals[key, $4] " " $5
    v[key, $1, $4] = $5
    split($6, f, " "); per = f[1] / f[2]
    if (!((key, $4) in lo) || per < lo[key, $4]) lo[key, $4] = per
    if (!((key, $4) in hi) || per > hi[key, $4]) hi[key, $4] = per
    runs[$1] = 1
  }
  END {
    for (r in runs) nr++
    printf "%d runs\n", nr
    fmt = "%-5s %-18s %9s %9s %7s %7s  %-34s %-34s %-9s %-9s\n"
    printf fmt, "MiB", "case", "Moat", "Distrib.", "M/D", "med M/D", "Moat runs", "Distrib. runs", "up/blob M", "up/blob D"
    for (i = 1; i <= n; i++) {
      k = order[i]; split(k, p, "\t")
      mm = median(vals[k, "moat"]); md = median(vals[k, "dist"])
      rl = ""; for (r in runs) if ((k, r, "dist") in v && v[k, r, "dist"] > 0) rl = rl " " v[k, r, "moat"] / v[k, r, "dist"]
      mr = sprintf("%.2f", median(substr(rl, 2)))
      rng_m = (lo[k, "moat"] == hi[k, "moat"]) ? sprintf("%.1f", lo[k, "moat"]) : sprintf("%.1f-%.1f", lo[k, "moat"], hi[k, "moat"])
      rng_d = (lo[k, "dist"] == hi[k, "dist"]) ? sprintf("%.1f", lo[k, "dist"]) : sprintf("%.1f-%.1f", lo[k, "dist"], hi[k, "dist"])
      printf fmt, p[1], p[2], mm, md, sprintf("%.2f", mm / md), mr, substr(vals[k, "moat"], 2), substr(vals[k, "dist"], 2), rng_m, rng_d
    }
  }'
