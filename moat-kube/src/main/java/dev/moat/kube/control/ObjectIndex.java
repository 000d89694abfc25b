package dev.moat.kube.control;

import dev.moat.kube.store.ClusterObjects;
import dev.moat.kube.store.Kind;
import dev.moat.kube.store.ListOptions;
import dev.moat.kube.store.WatchEvent;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * An informer-style index of one kind: for each object ({@code namespace/name}) a small value
 * derived from it, fed by the store's committed changes after one initial list, so hot paths ask
 * memory instead of listing and decoding every object. Only the derived values are kept, never the
 * objects (a pod costs its key and a small record).
 *
 * <p>Listing after registering can hand the index an event older than the list, and a writer's
 * {@link #put} can come after the store's events: every entry keeps the resourceVersion it came
 * from, recent removals are remembered, and older news is ignored. Changes are reported to {@link
 * Change} under the index's lock, in commit order, so aggregates kept by the owner (counts per
 * node, used addresses) stay in step.
 *
 * @param <T> the kind's model
 * @param <V> the derived value; {@code null} from the view means "not indexed"
 */
public final class ObjectIndex<T extends HasMetadata, V> implements AutoCloseable {
  /** Called for each change of an indexed value; {@code before} or {@code after} may be null. */
  @FunctionalInterface
  public interface Change<V> {
    void apply(String key, V before, V after);
  }

  private static final int REMOVALS_KEPT = 4096;

  private record Entry<V>(long rv, V value) {}

  private final Function<T, V> view;
  private final Change<V> change;
  private final Map<String, Entry<V>> entries = new HashMap<>();

  /**
   * Recent removals by resourceVersion, so news older than a removal (from the initial list, or a
   * writer's {@link #put} after the store's events) does not bring an object back. Bounded: the
   * window in which older news can arrive is that of events in flight.
   */
  private final Map<String, Long> removed =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
          return size() > REMOVALS_KEPT;
        }
      };

  private final ClusterObjects.Registration registration;

  /** Registers with the store, then lists {@code kind} once to seed. */
  public ObjectIndex(ClusterObjects objects, Kind<T> kind, Function<T, V> view, Change<V> change) {
    this.view = view;
    this.change = change;
    this.registration =
        objects.listen(
            kind,
            e ->
                apply(
                    key(e.object()),
                    e.type() == WatchEvent.Type.DELETED ? null : view.apply(e.object()),
                    e.resourceVersion()));
    for (T item : objects.list(kind, ListOptions.all()).items()) {
      apply(key(item), view.apply(item), Long.parseLong(item.getMetadata().getResourceVersion()));
    }
  }

  /** {@code namespace/name} ({@code /name} for cluster-scoped objects). */
  public static String key(HasMetadata o) {
    String ns = o.getMetadata().getNamespace();
    return (ns == null ? "" : ns) + "/" + o.getMetadata().getName();
  }

  /** The current value of {@code key}, if indexed. */
  public synchronized V get(String key) {
    Entry<V> e = entries.get(key);
    return e == null ? null : e.value();
  }

  /**
   * Sets a value ahead of its event (a writer that knows what it just committed); the event, when
   * it comes, confirms it.
   */
  public synchronized void put(String key, V value, long rv) {
    apply(key, value, rv);
  }

  private synchronized void apply(String key, V value, long rv) {
    Long removedAt = removed.get(key);
    if (removedAt != null && (rv < removedAt || (rv == removedAt && value != null))) {
      return; // older than a removal already applied
    }
    Entry<V> old = entries.get(key);
    if (old != null && old.rv() >= rv) {
      return;
    }
    if (value == null) {
      entries.remove(key);
      removed.put(key, rv);
    } else {
      entries.put(key, new Entry<>(rv, value));
      if (removedAt != null) {
        removed.remove(key); // created again
      }
    }
    V before = old == null ? null : old.value();
    if (!Objects.equals(before, value)) {
      change.apply(key, before, value);
    }
  }

  @Override
  public void close() {
    registration.close();
  }
}
