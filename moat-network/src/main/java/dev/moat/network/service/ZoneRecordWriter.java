package dev.moat.network.service;

import dev.moat.network.model.DnsZoneGroup;
import dev.moat.network.model.NetworkStore;
import dev.moat.network.model.PrivateEndpoint;
import dev.moat.network.model.ZoneRecord;
import dev.moat.platform.contracts.PrivateDnsRecords;
import java.util.List;

/**
 * Keeps a zone group's A records in the private DNS zones equal to its plan: writes the planned
 * records and removes the ones it wrote before that are no longer planned. Runs inside the caller's
 * transaction (the DNS provider joins it), so records and endpoint change together.
 */
public final class ZoneRecordWriter {
  /** The TTL Azure gives records that private endpoint zone groups manage. */
  static final int TTL_SECONDS = 10;

  private final NetworkStore store;
  private final PrivateDnsRecords dns;
  private final ZoneRecordPlanner planner;

  public ZoneRecordWriter(NetworkStore store, PrivateDnsRecords dns, ZoneRecordPlanner planner) {
    this.store = store;
    this.dns = dns;
    this.planner = planner;
  }

  /** Writes {@code desired} for the group; returns the group recording them. */
  public DnsZoneGroup apply(DnsZoneGroup group, List<ZoneRecord> desired) {
    for (ZoneRecord old : group.records()) {
      boolean kept =
          desired.stream()
              .anyMatch(
                  d -> d.zone().equals(old.zone()) && d.relativeName().equals(old.relativeName()));
      if (!kept) {
        dns.deleteA(old.zone(), old.relativeName());
      }
    }
    desired.forEach(r -> dns.upsertA(r.zone(), r.relativeName(), r.ipAddresses(), TTL_SECONDS));
    return group.withRecords(desired);
  }

  /** Re-plans every zone group of {@code endpoint} after its addresses changed. */
  public void resync(PrivateEndpoint endpoint) {
    for (DnsZoneGroup group : store.dnsZoneGroups().listChildren(endpoint.id())) {
      DnsZoneGroup updated = apply(group, planner.plan(group.id(), endpoint, group.configs()));
      store.dnsZoneGroups().put(updated.id(), updated);
    }
  }

  /** Removes every record the group wrote. */
  public void remove(DnsZoneGroup group) {
    group.records().forEach(r -> dns.deleteA(r.zone(), r.relativeName()));
  }
}
