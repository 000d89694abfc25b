package dev.moat.platform.reconcile;

import dev.moat.platform.id.ResourceId;
import java.util.List;

/**
 * Which process may reconcile a resource. The engine claims a resource before running it, keeps the
 * claim while the resource has operations in progress (its runs span many requeues, and the work
 * they start, such as node launches, lives in this process), and releases it when they end.
 *
 * <p>A single server owns everything ({@link #local()}); replicas sharing a database claim through
 * it ({@link DatabaseWorkLeases}), so each operation runs on exactly one replica and a dead
 * replica's work is taken over once its leases expire.
 */
public interface WorkLeases {

  /** True when this process holds (or has just taken) the lease of {@code resource}. */
  default boolean claim(ResourceId resource) {
    return claim(resource.key());
  }

  /** Whether this process holds the lease of {@code resource} now (no database round trip). */
  default boolean holds(ResourceId resource) {
    return holds(resource.key());
  }

  /** Gives up the lease of {@code resource} (a no-op if this process does not hold it). */
  default void release(ResourceId resource) {
    release(resource.key());
  }

  /**
   * {@link #claim(ResourceId)} for a lease named by any key: other kinds of work that must run in
   * one process (a cluster's Kubernetes runtime) use keys that cannot be a resource id's, e.g.
   * {@code kube-runtime:<cluster>}.
   */
  boolean claim(String key);

  boolean holds(String key);

  void release(String key);

  /** Gives up every lease this process holds (on a clean stop: others take the work at once). */
  void releaseAll();

  /**
   * Extends every lease this process holds; returns how many it still holds. Called on a timer well
   * inside the lease's lifetime.
   */
  int renew();

  /**
   * Resources with an operation in progress that no live lease covers: work a dead process left, or
   * work nobody has picked up yet.
   */
  List<ResourceId> unclaimedWork();

  /** Whether claims can fail, i.e. other processes share the work (decides the timers). */
  boolean shared();

  /** The leases of a process that shares its database with nobody: every claim succeeds. */
  static WorkLeases local() {
    return new WorkLeases() {
      @Override
      public boolean claim(String key) {
        return true;
      }

      @Override
      public boolean holds(String key) {
        return true;
      }

      @Override
      public void release(String key) {}

      @Override
      public void releaseAll() {}

      @Override
      public int renew() {
        return 0;
      }

      @Override
      public List<ResourceId> unclaimedWork() {
        return List.of();
      }

      @Override
      public boolean shared() {
        return false;
      }
    };
  }
}
