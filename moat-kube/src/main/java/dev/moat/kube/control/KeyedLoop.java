package dev.moat.kube.control;

import dev.moat.platform.reconcile.Scheduler;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A keyed work queue with {@code DefaultWorkQueue} semantics on a shared executor: a key runs on at
 * most one thread at a time, and adds while it is queued or running coalesce into one further run.
 * The handler is level-based: it reads the current state for the key and returns when to look
 * again, if ever. A handler that throws is retried with a bounded back-off. Delays go through the
 * injected {@link Scheduler}, never sleeps.
 */
public final class KeyedLoop {
  private static final Logger LOG = Logger.getLogger(KeyedLoop.class.getName());
  private static final Duration MAX_RETRY = Duration.ofSeconds(30);

  private final String name;
  private final Executor executor;
  private final Scheduler scheduler;
  private final Function<String, Optional<Duration>> handler;
  private final Set<String> queued = new HashSet<>();
  private final Set<String> running = new HashSet<>();
  private final Set<String> dirty = new HashSet<>();
  private final java.util.Map<String, Integer> failures = new java.util.HashMap<>();
  private boolean closed;

  public KeyedLoop(
      String name,
      Executor executor,
      Scheduler scheduler,
      Function<String, Optional<Duration>> handler) {
    this.name = name;
    this.executor = executor;
    this.scheduler = scheduler;
    this.handler = handler;
  }

  /** Marks {@code key} as needing a run. */
  public void add(String key) {
    synchronized (this) {
      if (closed) {
        return;
      }
      if (running.contains(key)) {
        dirty.add(key);
        return;
      }
      if (!queued.add(key)) {
        return;
      }
    }
    executor.execute(() -> run(key));
  }

  /** Adds {@code key} after {@code delay}. */
  public void addAfter(String key, Duration delay) {
    if (delay.isZero() || delay.isNegative()) {
      add(key);
    } else {
      scheduler.schedule(() -> add(key), delay);
    }
  }

  public synchronized void close() {
    closed = true;
  }

  private void run(String key) {
    synchronized (this) {
      queued.remove(key);
      if (closed) {
        return;
      }
      running.add(key);
    }
    Optional<Duration> again = Optional.empty();
    try {
      again = handler.apply(key);
      synchronized (this) {
        failures.remove(key);
      }
    } catch (RuntimeException e) {
      int n;
      synchronized (this) {
        n = failures.merge(key, 1, Integer::sum);
      }
      Duration d = Duration.ofMillis(100L << Math.min(n, 9));
      again = Optional.of(d.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : d);
      LOG.log(Level.FINE, name + " " + key + " failed; retrying in " + again.get(), e);
    } finally {
      boolean rerun;
      synchronized (this) {
        running.remove(key);
        rerun = dirty.remove(key);
      }
      if (rerun) {
        add(key);
      }
    }
    again.ifPresent(d -> addAfter(key, d));
  }
}
