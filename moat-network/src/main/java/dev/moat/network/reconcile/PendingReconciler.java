package dev.moat.network.reconcile;

import dev.moat.network.model.NetworkStore;
import dev.moat.network.model.Pended;
import dev.moat.network.model.Pending;
import dev.moat.network.model.ProvisioningState;
import dev.moat.platform.id.ResourceId;
import dev.moat.platform.id.ResourceType;
import dev.moat.platform.reconcile.Outcome;
import dev.moat.platform.reconcile.Reconciler;
import dev.moat.platform.store.ResourceTable;
import java.time.Duration;
import java.util.Optional;

/**
 * Finishes a network resource's pending write or delete once the provisioning delay has passed:
 * marks it {@code Succeeded}, or removes it. Level-based: it reads the stored state in the same
 * transaction as its write, so a PUT that lands meanwhile is never overwritten with older state. A
 * type with more to do (records to remove, children to finish) overrides the two hooks, which run
 * inside that transaction.
 *
 * @param <T> the stored record
 */
public class PendingReconciler<T extends Pended<T>> implements Reconciler {
  protected final NetworkStore store;
  private final ResourceTable<T> table;
  private final ProvisioningDelay delay;

  public PendingReconciler(NetworkStore store, ResourceTable<T> table, ProvisioningDelay delay) {
    this.store = store;
    this.table = table;
    this.delay = delay;
  }

  @Override
  public final ResourceType type() {
    return table.type();
  }

  @Override
  public final Outcome reconcile(ResourceId id) {
    Optional<Duration> wait =
        store.database().inTransaction(c -> table.get(id).flatMap(this::finishWhenDue));
    return wait.map(Outcome::requeueAfter).orElse(Outcome.done());
  }

  /** The time still to wait, or empty once the resource is finished (or gone, or never pending). */
  private Optional<Duration> finishWhenDue(T resource) {
    if (resource.status().is(ProvisioningState.Succeeded)) {
      return Optional.empty();
    }
    Optional<Duration> remaining = delay.remaining(resource.status());
    if (remaining.isPresent()) {
      return remaining;
    }
    if (resource.status().is(ProvisioningState.Deleting)) {
      beforeDelete(resource);
      table.delete(resource.id());
    } else {
      Pending done = Pending.succeeded(delay.now());
      table.put(resource.id(), resource.withStatus(done));
      afterSucceeded(resource, done);
    }
    return Optional.empty();
  }

  /** Removes what the resource wrote elsewhere; its children in the store go with it anyway. */
  protected void beforeDelete(T resource) {}

  /** Finishes what was written with the resource. */
  protected void afterSucceeded(T resource, Pending done) {}
}
