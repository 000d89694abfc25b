package dev.moat.containerregistry.reconcile;

import dev.moat.containerregistry.model.Provisioned;
import dev.moat.containerregistry.model.Provisioning;
import dev.moat.containerregistry.model.ProvisioningState;
import dev.moat.platform.id.ResourceId;
import dev.moat.platform.id.ResourceType;
import dev.moat.platform.kit.Repository;
import dev.moat.platform.reconcile.Outcome;
import dev.moat.platform.reconcile.Reconciler;
import dev.moat.platform.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Drives an ACR resource out of {@code Creating}/{@code Updating} to {@code Succeeded}, and out of
 * {@code Deleting} to gone, once the provisioning delay has passed. ACR's ARM resources have no
 * further work behind them here: the data plane reads the stored state directly.
 *
 * <p>Level-based: it reads the stored state afresh, in one transaction with its write, so a PUT
 * that lands meanwhile is never overwritten with older state.
 */
public final class LifecycleReconciler<T extends Provisioned<T>> implements Reconciler {
  private final ResourceType type;
  private final Repository<T> store;
  private final Database database;
  private final Clock clock;
  private final Duration delay;

  public LifecycleReconciler(
      ResourceType type, Repository<T> store, Database database, Clock clock, Duration delay) {
    this.type = type;
    this.store = store;
    this.database = database;
    this.clock = clock;
    this.delay = delay;
  }

  @Override
  public ResourceType type() {
    return type;
  }

  @Override
  public Outcome reconcile(ResourceId id) {
    return database.inTransaction(
        c -> {
          Optional<T> found = store.find(id);
          if (found.isEmpty() || !found.get().provisioning().state().isTransient()) {
            return Outcome.done();
          }
          T resource = found.get();
          Instant due = resource.provisioning().since().plus(delay);
          Instant now = clock.instant();
          if (now.isBefore(due)) {
            return Outcome.requeueAfter(Duration.between(now, due));
          }
          if (resource.provisioning().state() == ProvisioningState.Deleting) {
            store.delete(id);
          } else {
            store.save(
                resource.withProvisioning(Provisioning.of(ProvisioningState.Succeeded, now)));
          }
          return Outcome.done();
        });
  }
}
