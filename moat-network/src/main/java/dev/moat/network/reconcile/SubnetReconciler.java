package dev.moat.network.reconcile;

import dev.moat.network.model.NetworkStore;
import dev.moat.network.model.Subnet;

/** Finishes subnet writes and deletes once the provisioning delay has passed. */
public final class SubnetReconciler extends PendingReconciler<Subnet> {
  public SubnetReconciler(NetworkStore store, ProvisioningDelay delay) {
    super(store, store.subnets(), delay);
  }
}
