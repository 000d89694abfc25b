package dev.moat.network.http;

import dev.moat.network.model.DnsZoneGroup;
import dev.moat.platform.id.ResourceId;
import java.util.List;

/** Wire shapes of {@code privateDnsZoneGroups}. */
final class DnsZoneGroupBodies {
  static final String TYPE = "Microsoft.Network/privateEndpoints/privateDnsZoneGroups";

  /** The TTL Azure gives zone group records. */
  private static final int TTL = 10;

  private DnsZoneGroupBodies() {}

  record In(PropertiesIn properties) {
    List<DnsZoneGroup.ZoneConfig> configs() {
      if (properties == null || properties.privateDnsZoneConfigs() == null) {
        return List.of();
      }
      return properties.privateDnsZoneConfigs().stream()
          .map(
              c ->
                  new DnsZoneGroup.ZoneConfig(
                      c.name(),
                      c.properties() == null || c.properties().privateDnsZoneId() == null
                          ? null
                          : ResourceId.parse(c.properties().privateDnsZoneId())))
          .toList();
    }
  }

  record PropertiesIn(List<ConfigIn> privateDnsZoneConfigs) {}

  record ConfigIn(String name, ConfigPropertiesIn properties) {}

  record ConfigPropertiesIn(String privateDnsZoneId) {}

  record Out(String id, String name, String type, PropertiesOut properties) {
    static Out of(DnsZoneGroup g) {
      return new Out(
          g.id().toString(),
          g.id().name(),
          TYPE,
          new PropertiesOut(
              g.status().state().name(),
              g.configs().stream()
                  .map(
                      c ->
                          new ConfigOut(
                              c.name(),
                              g.id().child("privateDnsZoneConfigs", c.name()).toString(),
                              new ConfigPropertiesOut(
                                  c.privateDnsZoneId().toString(),
                                  g.records().stream()
                                      .filter(r -> r.configName().equals(c.name()))
                                      .map(
                                          r ->
                                              new RecordSet(
                                                  "A",
                                                  r.relativeName(),
                                                  r.fqdn(),
                                                  TTL,
                                                  r.ipAddresses(),
                                                  "Succeeded"))
                                      .toList())))
                  .toList()));
    }
  }

  record PropertiesOut(String provisioningState, List<ConfigOut> privateDnsZoneConfigs) {}

  record ConfigOut(String name, String id, ConfigPropertiesOut properties) {}

  record ConfigPropertiesOut(String privateDnsZoneId, List<RecordSet> recordSets) {}

  record RecordSet(
      String recordType,
      String recordSetName,
      String fqdn,
      int ttl,
      List<String> ipAddresses,
      String provisioningState) {}
}
