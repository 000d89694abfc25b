package dev.moat.network.reconcile;

import dev.moat.network.model.DnsZoneGroup;
import dev.moat.network.model.NetworkStore;
import dev.moat.network.model.PrivateEndpoint;
import dev.moat.network.service.ZoneRecordWriter;

/**
 * Finishes private endpoint writes and deletes. A delete removes, in one transaction, the DNS
 * records its zone groups wrote, its NIC (freeing its addresses) and the endpoint itself.
 */
public final class PrivateEndpointReconciler extends PendingReconciler<PrivateEndpoint> {
  private final ZoneRecordWriter zoneRecords;

  public PrivateEndpointReconciler(
      NetworkStore store, ZoneRecordWriter zoneRecords, ProvisioningDelay delay) {
    super(store, store.privateEndpoints(), delay);
    this.zoneRecords = zoneRecords;
  }

  @Override
  protected void beforeDelete(PrivateEndpoint pe) {
    for (DnsZoneGroup g : store.dnsZoneGroups().listChildren(pe.id())) {
      zoneRecords.remove(g);
    }
    store.networkInterfaces().delete(pe.networkInterface());
  }
}
