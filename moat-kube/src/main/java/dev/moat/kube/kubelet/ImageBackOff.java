package dev.moat.kube.kubelet;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The kubelet's image pull back-off ({@code flowcontrol.NewBackOff(10s, MaxImageBackOff=300s)}),
 * per {@code <podUID>_<image>}: each failed pull doubles the wait, 10, 20, 40 … 300 s; a success
 * forgets the entry; a new pod (new uid) starts at 10 s. Time comes from the caller.
 */
public final class ImageBackOff {
  static final Duration INITIAL = Duration.ofSeconds(10);
  static final Duration MAX = Duration.ofSeconds(300);

  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

  /** One key's state: the delay of its current window and when the window began. */
  record Entry(Duration delay, Instant since) {
    Instant until() {
      return since.plus(delay);
    }
  }

  static String key(String podUid, String image) {
    return podUid + "_" + image;
  }

  /** When the key's window ends, if {@code now} is inside it. */
  public Optional<Instant> inWindow(String podUid, String image, Instant now) {
    Entry e = entries.get(key(podUid, image));
    return e != null && now.isBefore(e.until()) ? Optional.of(e.until()) : Optional.empty();
  }

  /** Records a failed pull at {@code now}; returns the end of the new window. */
  public Instant failed(String podUid, String image, Instant now) {
    Entry e =
        entries.compute(
            key(podUid, image),
            (k, old) -> {
              Duration d = old == null ? INITIAL : old.delay().multipliedBy(2);
              return new Entry(d.compareTo(MAX) > 0 ? MAX : d, now);
            });
    return e.until();
  }

  /**
   * Restores a window after a restart from what the pod's events show: {@code failures} failed
   * pulls, the last at {@code last}.
   */
  public void restore(String podUid, String image, int failures, Instant last) {
    Duration d = INITIAL;
    for (int i = 1; i < failures && d.compareTo(MAX) < 0; i++) {
      d = d.multipliedBy(2);
    }
    Duration delay = d.compareTo(MAX) > 0 ? MAX : d;
    entries.putIfAbsent(key(podUid, image), new Entry(delay, last));
  }

  public boolean known(String podUid, String image) {
    return entries.containsKey(key(podUid, image));
  }

  public void succeeded(String podUid, String image) {
    entries.remove(key(podUid, image));
  }

  /** Forgets every entry of a pod that is gone. */
  public void forget(String podUid) {
    entries.keySet().removeIf(k -> k.startsWith(podUid + "_"));
  }
}
