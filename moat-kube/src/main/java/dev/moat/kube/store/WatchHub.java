package dev.moat.kube.store;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import tools.jackson.databind.node.ObjectNode;

/**
 * The recent changes of one cluster: a bounded ring of committed events, one per resourceVersion,
 * that watches read with their own cursor. A watch whose cursor falls behind the oldest retained
 * event gets 410 Expired and must relist, as with the apiserver's watch cache. Bodies are kept as
 * compact JSON bytes, so the ring's footprint is bounded by its size, not by the cluster's.
 */
final class WatchHub {
  /** One committed change with what selection needs of the old and new states. */
  record Entry(
      long rv,
      WatchEvent.Type type,
      String resource,
      String namespace,
      byte[] json,
      Selectable now,
      Selectable before) {
    ObjectNode tree() {
      return KubeJson.parse(text());
    }

    String text() {
      return new String(json, StandardCharsets.UTF_8);
    }
  }

  /** Labels and selectable fields of one object state. */
  record Selectable(Map<String, String> labels, Map<String, String> fields) {}

  private final int capacity;
  private final ArrayDeque<Entry> ring = new ArrayDeque<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private long floor;
  private long latest;

  WatchHub(int capacity, long currentRv) {
    this.capacity = capacity;
    this.floor = currentRv;
    this.latest = currentRv;
  }

  void publish(Entry entry) {
    lock.lock();
    try {
      ring.addLast(entry);
      latest = entry.rv();
      while (ring.size() > capacity) {
        floor = ring.removeFirst().rv();
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  long latest() {
    lock.lock();
    try {
      return latest;
    } finally {
      lock.unlock();
    }
  }

  /** Throws 410 if events after {@code rv} are no longer all retained. */
  void checkRetained(long rv) {
    lock.lock();
    try {
      if (rv < floor) {
        throw tooOld(rv);
      }
    } finally {
      lock.unlock();
    }
  }

  private KubeException tooOld(long rv) {
    return KubeException.expired("too old resource version: " + rv + " (" + (floor + 1) + ")");
  }

  /**
   * The first entry after {@code rv}, waiting up to {@code timeout}; empty on timeout or when
   * {@code closed} reports true. 410 when it was evicted.
   */
  Optional<Entry> after(long rv, Duration timeout, java.util.function.BooleanSupplier closed)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    lock.lock();
    try {
      while (latest <= rv) {
        long left = deadline - System.nanoTime();
        if (left <= 0 || closed.getAsBoolean()) {
          return Optional.empty();
        }
        changed.await(Math.min(left, TimeUnit.MILLISECONDS.toNanos(250)), TimeUnit.NANOSECONDS);
      }
      if (rv < floor) {
        throw tooOld(rv);
      }
      // RVs are consecutive: each committed write publishes exactly one entry.
      Entry first = ring.peekFirst();
      int index = (int) (rv + 1 - first.rv());
      int i = 0;
      for (Entry e : ring) {
        if (i++ == index) {
          return Optional.of(e);
        }
      }
      throw new IllegalStateException("watch ring out of order at " + rv);
    } finally {
      lock.unlock();
    }
  }

  /** Wakes waiting watches (e.g. on close). */
  void wake() {
    lock.lock();
    try {
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  static <T extends HasMetadata> boolean matches(Selectable s, ListOptions o) {
    return o.labels().matches(s.labels()) && o.fields().matches(s.fields());
  }
}
