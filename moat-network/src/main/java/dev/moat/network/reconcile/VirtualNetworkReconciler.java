package dev.moat.network.reconcile;

import dev.moat.network.model.NetworkStore;
import dev.moat.network.model.Pending;
import dev.moat.network.model.ProvisioningState;
import dev.moat.network.model.VirtualNetwork;

/**
 * Finishes virtual network writes (and of the inline subnets written with them) and deletes: once
 * the provisioning delay has passed, marks them Succeeded or removes the network with its subnets.
 */
public final class VirtualNetworkReconciler extends PendingReconciler<VirtualNetwork> {
  public VirtualNetworkReconciler(NetworkStore store, ProvisioningDelay delay) {
    super(store, store.virtualNetworks(), delay);
  }

  @Override
  protected void afterSucceeded(VirtualNetwork vnet, Pending done) {
    store.subnets().listChildren(vnet.id()).stream()
        .filter(s -> s.status().is(ProvisioningState.Updating))
        .forEach(s -> store.subnets().put(s.id(), s.withStatus(done)));
  }
}
