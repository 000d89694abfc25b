package dev.moat.network.reconcile;

import dev.moat.network.model.NetworkStore;
import dev.moat.network.model.NetworkTypes;
import dev.moat.network.model.Pending;
import dev.moat.network.model.ProvisioningState;
import dev.moat.network.model.VirtualNetwork;
import dev.moat.platform.id.ResourceId;
import dev.moat.platform.id.ResourceType;
import dev.moat.platform.reconcile.Outcome;
import dev.moat.platform.reconcile.Reconciler;
import java.time.Duration;
import java.util.Optional;

/**
 * Finishes virtual network writes (and of the inline subnets written with them) and deletes: once
 * the provisioning delay has passed, marks them Succeeded or removes the network with its subnets.
 */
public final class VirtualNetworkReconciler implements Reconciler {
  private final NetworkStore store;
  private final ProvisioningDelay delay;

  public VirtualNetworkReconciler(NetworkStore store, ProvisioningDelay delay) {
    this.store = store;
    this.delay = delay;
  }

  @Override
  public ResourceType type() {
    return NetworkTypes.VIRTUAL_NETWORK;
  }

  @Override
  public Outcome reconcile(ResourceId id) {
    Optional<Duration> wait =
        store
            .database()
            .inTransaction(
                c -> {
                  Optional<VirtualNetwork> vnet = store.virtualNetworks().get(id);
                  if (vnet.isEmpty() || vnet.get().status().is(ProvisioningState.Succeeded)) {
                    return Optional.<Duration>empty();
                  }
                  Optional<Duration> remaining = delay.remaining(vnet.get().status());
                  if (remaining.isPresent()) {
                    return remaining;
                  }
                  if (vnet.get().status().is(ProvisioningState.Deleting)) {
                    store.virtualNetworks().delete(vnet.get().id());
                    return Optional.<Duration>empty();
                  }
                  Pending done = Pending.succeeded(delay.now());
                  store.virtualNetworks().put(vnet.get().id(), vnet.get().withStatus(done));
                  store.subnets().listChildren(vnet.get().id()).stream()
                      .filter(s -> s.status().is(ProvisioningState.Updating))
                      .forEach(s -> store.subnets().put(s.id(), s.withStatus(done)));
                  return Optional.<Duration>empty();
                });
    return wait.map(Outcome::requeueAfter).orElse(Outcome.done());
  }
}
