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
 * <p>On a team server, changes committed by other replicas are published too (on the database's
 * notification thread): {@link #subscribe} listeners hear every change, {@link #subscribeElsewhere}
 * listeners only those made elsewhere (a reconcile engine re-runs work it holds when another
 * replica changed it, but must not re-run a resource for its own writes).
 *
 * <p>Listeners run on the committing thread and must be quick and must not block (enqueue work,
 * complete a future); one that throws is logged and does not stop the others. Thread-safe.
 */
public final class ResourceChanges {
  private static final Logger LOG = LoggerFactory.getLogger(ResourceChanges.class);

  private final List<Consumer<ResourceId>> listeners = new CopyOnWriteArrayList<>();
  private final List<Consumer<ResourceId>> elsewhere = new CopyOnWriteArrayList<>();

  /** Adds {@code listener} for every later change. */
  public void subscribe(Consumer<ResourceId> listener) {
    listeners.add(listener);
  }

  /** Adds {@code listener} for every later change committed by another replica. */
  public void subscribeElsewhere(Consumer<ResourceId> listener) {
    elsewhere.add(listener);
  }

  void publish(ResourceId id) {
    notify(listeners, id);
  }

  void publishElsewhere(ResourceId id) {
    notify(listeners, id);
    notify(elsewhere, id);
  }

  private static void notify(List<Consumer<ResourceId>> to, ResourceId id) {
    for (Consumer<ResourceId> l : to) {
      try {
        l.accept(id);
      } catch (RuntimeException e) {
        LOG.warn("change listener failed for {}", id, e);
      }
    }
  }
}
