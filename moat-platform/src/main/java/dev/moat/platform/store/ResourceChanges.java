package dev.moat.platform.store;

import dev.moat.platform.id.ResourceId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ids of resources written or deleted, published after their transaction commits (never for a
 * rolled-back one), so that work waiting on a resource is woken by its change instead of polling. A
 * delete publishes the id it was asked to delete (its descendants went with it).
 *
 * <p>Listeners run on the committing thread and must be quick and must not block (enqueue work,
 * complete a future); one that throws is logged and does not stop the others. Thread-safe.
 */
public final class ResourceChanges {
  private static final Logger LOG = LoggerFactory.getLogger(ResourceChanges.class);

  private final List<Consumer<ResourceId>> listeners = new CopyOnWriteArrayList<>();

  /** Adds {@code listener} for every later change. */
  public void subscribe(Consumer<ResourceId> listener) {
    listeners.add(listener);
  }

  void publish(ResourceId id) {
    for (Consumer<ResourceId> l : listeners) {
      try {
        l.accept(id);
      } catch (RuntimeException e) {
        LOG.warn("change listener failed for {}", id, e);
      }
    }
  }
}
