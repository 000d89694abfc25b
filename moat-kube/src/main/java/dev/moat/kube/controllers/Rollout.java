package dev.moat.kube.controllers;

import io.fabric8.kubernetes.api.model.IntOrString;

/**
 * The arithmetic of a rolling update ({@code pkg/controller/deployment/util}): how far the new
 * ReplicaSet may scale up and the old ones down, given {@code maxSurge} and {@code maxUnavailable}.
 * Pure; every method is a function of its arguments.
 */
public final class Rollout {
  private Rollout() {}

  /**
   * {@code ResolveFenceposts}: surge rounds up, unavailable rounds down; both zero would deadlock,
   * so unavailable becomes 1.
   *
   * @return {@code [maxSurge, maxUnavailable]} as pod counts
   */
  public static int[] fenceposts(IntOrString maxSurge, IntOrString maxUnavailable, int desired) {
    int surge = scaled(maxSurge, desired, true, 25);
    int unavailable = scaled(maxUnavailable, desired, false, 25);
    if (surge == 0 && unavailable == 0) {
      unavailable = 1;
    }
    return new int[] {surge, unavailable};
  }

  /** An int or a percentage ({@code 25%}) of {@code total}; {@code defaultPercent} when unset. */
  static int scaled(IntOrString value, int total, boolean roundUp, int defaultPercent) {
    if (value == null || (value.getIntVal() == null && value.getStrVal() == null)) {
      return percent(defaultPercent, total, roundUp);
    }
    if (value.getIntVal() != null) {
      return value.getIntVal();
    }
    String s = value.getStrVal().trim();
    if (s.endsWith("%")) {
      return percent(Integer.parseInt(s.substring(0, s.length() - 1)), total, roundUp);
    }
    return Integer.parseInt(s);
  }

  private static int percent(int p, int total, boolean roundUp) {
    long v = (long) p * total;
    return (int) (roundUp ? (v + 99) / 100 : v / 100);
  }

  /**
   * {@code NewRSNewReplicas}: the new ReplicaSet's size for this step.
   *
   * @param desired the deployment's replicas
   * @param maxSurge resolved surge
   * @param allPods sum of {@code spec.replicas} over all its ReplicaSets
   * @param newReplicas the new ReplicaSet's current {@code spec.replicas}
   */
  public static int scaleUpNew(int desired, int maxSurge, int allPods, int newReplicas) {
    int maxTotal = desired + maxSurge;
    if (allPods >= maxTotal) {
      return newReplicas;
    }
    int up = Math.min(maxTotal - allPods, desired - newReplicas);
    return newReplicas + Math.max(0, up);
  }

  /**
   * How many old pods may go now ({@code reconcileOldReplicaSets}): everything above the minimum
   * available, less what the new ReplicaSet has not yet made available.
   *
   * @param allPods sum of {@code spec.replicas} over all ReplicaSets
   * @param newReplicas the new ReplicaSet's {@code spec.replicas}
   * @param newAvailable the new ReplicaSet's available pods
   */
  public static int maxScaleDown(
      int desired, int maxUnavailable, int allPods, int newReplicas, int newAvailable) {
    int minAvailable = desired - maxUnavailable;
    int newUnavailable = newReplicas - newAvailable;
    return Math.max(0, allPods - minAvailable - newUnavailable);
  }
}
