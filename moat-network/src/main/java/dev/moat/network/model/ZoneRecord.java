package dev.moat.network.model;

import dev.moat.platform.id.ResourceId;
import java.util.List;

/**
 * An A record set a DNS zone group keeps in a private DNS zone for its endpoint.
 *
 * @param configName the {@code privateDnsZoneConfigs[].name} it belongs to
 * @param relativeName e.g. {@code myacr.eastus.data} in {@code privatelink.azurecr.io}
 * @param fqdn e.g. {@code myacr.eastus.data.privatelink.azurecr.io}
 */
public record ZoneRecord(
    ResourceId zone,
    String configName,
    String relativeName,
    String fqdn,
    List<String> ipAddresses) {
  public ZoneRecord {
    ipAddresses = List.copyOf(ipAddresses);
  }
}
