package dev.moat.network.model;

import dev.moat.platform.id.ResourceId;
import java.util.List;

/**
 * A stored {@code privateDnsZoneGroups} child of a private endpoint.
 *
 * @param records the A records last written for it (status), so they can be removed even after the
 *     zone configs change
 */
public record DnsZoneGroup(
    ResourceId id, List<ZoneConfig> configs, List<ZoneRecord> records, Pending status)
    implements Pended<DnsZoneGroup> {

  public DnsZoneGroup {
    configs = List.copyOf(configs);
    records = records == null ? List.of() : List.copyOf(records);
  }

  /** One {@code privateDnsZoneConfigs} entry. */
  public record ZoneConfig(String name, ResourceId privateDnsZoneId) {}

  @Override
  public DnsZoneGroup withStatus(Pending newStatus) {
    return new DnsZoneGroup(id, configs, records, newStatus);
  }

  public DnsZoneGroup withRecords(List<ZoneRecord> newRecords) {
    return new DnsZoneGroup(id, configs, newRecords, status);
  }
}
