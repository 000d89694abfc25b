package dev.moat.network.reconcile;

import dev.moat.network.model.DnsZoneGroup;
import dev.moat.network.model.NetworkStore;
import dev.moat.network.service.ZoneRecordWriter;

/** Finishes zone group writes, and deletes (removing the records the group wrote). */
public final class DnsZoneGroupReconciler extends PendingReconciler<DnsZoneGroup> {
  private final ZoneRecordWriter zoneRecords;

  public DnsZoneGroupReconciler(
      NetworkStore store, ZoneRecordWriter zoneRecords, ProvisioningDelay delay) {
    super(store, store.dnsZoneGroups(), delay);
    this.zoneRecords = zoneRecords;
  }

  @Override
  protected void beforeDelete(DnsZoneGroup group) {
    zoneRecords.remove(group);
  }
}
