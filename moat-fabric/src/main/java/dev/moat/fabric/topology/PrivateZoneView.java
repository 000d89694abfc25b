package dev.moat.fabric.topology;

import dev.moat.platform.id.ResourceId;
import java.util.List;

/**
 * A private DNS zone, the virtual networks linked to it, and its A records.
 *
 * @param name the zone's DNS name in lower case, without a trailing dot
 */
public record PrivateZoneView(
    ResourceId id,
    String name,
    List<ResourceId> linkedVirtualNetworks,
    List<ARecordView> aRecords) {

  /** One A record set; {@code relativeName} is {@code @} for the apex. */
  public record ARecordView(String relativeName, List<String> ipv4Addresses, int ttl) {}
}
