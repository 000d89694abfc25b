package dev.moat.network.reconcile;

import dev.moat.network.model.DnsZoneGroup;
import dev.moat.network.model.NetworkStore;
import dev.moat.network.model.NetworkTypes;
import dev.moat.network.model.Pending;
import dev.moat.network.model.PrivateEndpoint;
import dev.moat.network.model.ProvisioningState;
import dev.moat.network.service.ZoneRecordWriter;
import dev.moat.platform.id.ResourceId;
import dev.moat.platform.id.ResourceType;
import dev.moat.platform.reconcile.Outcome;
import dev.moat.platform.reconcile.Reconciler;
import java.time.Duration;
import java.util.Optional;

/**
 * Finishes private endpoint writes and deletes. A delete removes, in one transaction, the DNS
 * records its zone groups wrote, its NIC (freeing its addresses) and the endpoint itself.
 */
public final class PrivateEndpointReconciler implements Reconciler {
  private final NetworkStore store;
  private final ZoneRecordWriter zoneRecords;
  private final ProvisioningDelay delay;

  public PrivateEndpointReconciler(
      NetworkStore store, ZoneRecordWriter zoneRecords, ProvisioningDelay delay) {
    this.store = store;
    this.zoneRecords = zoneRecords;
    this.delay = delay;
  }

  @Override
  public ResourceType type() {
    return NetworkTypes.PRIVATE_ENDPOINT;
  }

  @Override
  public Outcome reconcile(ResourceId id) {
    Optional<Duration> wait =
        store
            .database()
            .inTransaction(
                c -> {
                  Optional<PrivateEndpoint> pe = store.privateEndpoints().get(id);
                  if (pe.isEmpty() || pe.get().status().is(ProvisioningState.Succeeded)) {
                    return Optional.<Duration>empty();
                  }
                  Optional<Duration> remaining = delay.remaining(pe.get().status());
                  if (remaining.isPresent()) {
                    return remaining;
                  }
                  if (pe.get().status().is(ProvisioningState.Deleting)) {
                    for (DnsZoneGroup g : store.dnsZoneGroups().listChildren(pe.get().id())) {
                      zoneRecords.remove(g);
                    }
                    store.networkInterfaces().delete(pe.get().networkInterface());
                    store.privateEndpoints().delete(pe.get().id());
                  } else {
                    store
                        .privateEndpoints()
                        .put(pe.get().id(), pe.get().withStatus(Pending.succeeded(delay.now())));
                  }
                  return Optional.<Duration>empty();
                });
    return wait.map(Outcome::requeueAfter).orElse(Outcome.done());
  }
}
