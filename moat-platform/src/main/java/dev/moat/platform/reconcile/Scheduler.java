package dev.moat.platform.reconcile;

import java.time.Duration;

/** Runs a task later; injected so that tests control time instead of sleeping. */
@FunctionalInterface
public interface Scheduler {
  void schedule(Runnable task, Duration delay);
}
