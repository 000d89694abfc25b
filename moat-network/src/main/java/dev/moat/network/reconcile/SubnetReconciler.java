package dev.moat.network.reconcile;

import dev.moat.network.model.NetworkStore;
import dev.moat.network.model.NetworkTypes;
import dev.moat.network.model.Pending;
import dev.moat.network.model.ProvisioningState;
import dev.moat.network.model.Subnet;
import dev.moat.platform.id.ResourceId;
import dev.moat.platform.id.ResourceType;
import dev.moat.platform.reconcile.Outcome;
import dev.moat.platform.reconcile.Reconciler;
import java.time.Duration;
import java.util.Optional;

/** Finishes subnet writes and deletes once the provisioning delay has passed. */
public final class SubnetReconciler implements Reconciler {
  private final NetworkStore store;
  private final ProvisioningDelay delay;

  public SubnetReconciler(NetworkStore store, ProvisioningDelay delay) {
    this.store = store;
    this.delay = delay;
  }

  @Override
  public ResourceType type() {
    return NetworkTypes.SUBNET;
  }

  @Override
  public Outcome reconcile(ResourceId id) {
    Optional<Duration> wait =
        store
            .database()
            .inTransaction(
                c -> {
                  Optional<Subnet> subnet = store.subnets().get(id);
                  if (subnet.isEmpty() || subnet.get().status().is(ProvisioningState.Succeeded)) {
                    return Optional.<Duration>empty();
                  }
                  Optional<Duration> remaining = delay.remaining(subnet.get().status());
                  if (remaining.isPresent()) {
                    return remaining;
                  }
                  if (subnet.get().status().is(ProvisioningState.Deleting)) {
                    store.subnets().delete(subnet.get().id());
                  } else {
                    store
                        .subnets()
                        .put(
                            subnet.get().id(),
                            subnet.get().withStatus(Pending.succeeded(delay.now())));
                  }
                  return Optional.<Duration>empty();
                });
    return wait.map(Outcome::requeueAfter).orElse(Outcome.done());
  }
}
