package dev.moat.kube.store;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import tools.jackson.databind.node.ObjectNode;

/**
 * The recent changes of one cluster: a bounded ring of committed events, one per resourceVersion,
 * that watches read with their own cursor. A watch whose cursor falls behind the oldest retained
 * event gets 410 Expired and must relist, as with the apiserver's watch cache. Bodies are kept as
 * compact JSON bytes, so the ring's footprint is bounded by its size, not by the cluster's.
 */
final class WatchHub {
  /**
   * One committed change with what selection needs of the old and new states. The body is kept
   * deflated: JSON shrinks four- to sixfold, and the ring is the store's largest fixed cost.
   */
  record Entry(
      long rv,
      WatchEvent.Type type,
      String resource,
      String namespace,
      byte[] deflated,
      Selectable now,
      Selectable before) {
    static Entry of(
        long rv,
        WatchEvent.Type type,
        String resource,
        String namespace,
        String json,
        Selectable now,
        Selectable before) {
      return new Entry(rv, type, resource, namespace, deflate(json), now, before);
    }

    ObjectNode tree() {
      return KubeJson.parse(text());
    }

    String text() {
      return inflate(deflated);
    }
  }

  private static byte[] deflate(String json) {
    Deflater d = new Deflater(Deflater.BEST_SPEED);
    try {
      d.setInput(json.getBytes(StandardCharsets.UTF_8));
      d.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(json.length() / 3 + 16);
      byte[] buf = new byte[4096];
      while (!d.finished()) {
        out.write(buf, 0, d.deflate(buf));
      }
      return out.toByteArray();
    } finally {
      d.end();
    }
  }

  private static String inflate(byte[] deflated) {
    Inflater i = new Inflater();
    try {
      i.setInput(deflated);
      ByteArrayOutputStream out = new ByteArrayOutputStream(deflated.length * 5);
      byte[] buf = new byte[8192];
      while (!i.finished()) {
        int n = i.inflate(buf);
        if (n == 0 && (i.needsInput() || i.needsDictionary())) {
          throw new IllegalStateException("truncated watch ring entry");
        }
        out.write(buf, 0, n);
      }
      return out.toString(StandardCharsets.UTF_8);
    } catch (DataFormatException e) {
      throw new IllegalStateException("corrupt watch ring entry", e);
    } finally {
      i.end();
    }
  }

  /** Labels and selectable fields of one object state (compact immutable maps). */
  record Selectable(Map<String, String> labels, Map<String, String> fields) {
    Selectable {
      labels = Map.copyOf(labels);
      fields = Map.copyOf(fields);
    }
  }

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
