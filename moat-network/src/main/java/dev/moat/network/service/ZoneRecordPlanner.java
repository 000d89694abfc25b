package dev.moat.network.service;

import dev.moat.network.model.DnsZoneGroup;
import dev.moat.network.model.PrivateEndpoint;
import dev.moat.network.model.ZoneRecord;
import dev.moat.network.validation.NetworkError;
import dev.moat.platform.contracts.PrivateDnsRecords;
import dev.moat.platform.id.ResourceId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Works out the A records a DNS zone group should hold: for a zone {@code privatelink.<suffix>} and
 * a member FQDN {@code <name>.<suffix>}, the record set {@code <name>} with the member's address
 * ({@code myacr.azurecr.io} becomes {@code myacr} in {@code privatelink.azurecr.io}). Members whose
 * FQDN lies under no configured zone get no record, as on Azure.
 */
public final class ZoneRecordPlanner {
  private static final String PRIVATELINK = "privatelink.";

  private final PrivateDnsRecords dns;

  public ZoneRecordPlanner(PrivateDnsRecords dns) {
    this.dns = dns;
  }

  /** The records of {@code configs} for {@code endpoint}; every zone must exist. */
  public List<ZoneRecord> plan(
      ResourceId groupId, PrivateEndpoint endpoint, List<DnsZoneGroup.ZoneConfig> configs) {
    Map<String, ZoneRecord> records = new LinkedHashMap<>();
    for (DnsZoneGroup.ZoneConfig config : configs) {
      String zone =
          dns.zoneName(config.privateDnsZoneId())
              .orElseThrow(
                  () ->
                      NetworkError.PRIVATE_DNS_ZONE_NOT_FOUND.exception(
                          config.privateDnsZoneId(), groupId))
              .toLowerCase(Locale.ROOT);
      for (PrivateEndpoint.MemberAddress member : endpoint.members()) {
        for (String fqdn : member.fqdns()) {
          relativeName(fqdn.toLowerCase(Locale.ROOT), zone)
              .ifPresent(
                  name ->
                      records.merge(
                          config.privateDnsZoneId().key() + "|" + name,
                          new ZoneRecord(
                              config.privateDnsZoneId(),
                              config.name(),
                              name,
                              name + "." + zone,
                              List.of(member.ipAddress())),
                          ZoneRecordPlanner::union));
        }
      }
    }
    return List.copyOf(records.values());
  }

  static Optional<String> relativeName(String fqdn, String zone) {
    String suffix = zone.startsWith(PRIVATELINK) ? zone.substring(PRIVATELINK.length()) : zone;
    for (String under : List.of(zone, suffix)) {
      if (fqdn.endsWith("." + under) && fqdn.length() > under.length() + 1) {
        return Optional.of(fqdn.substring(0, fqdn.length() - under.length() - 1));
      }
    }
    return Optional.empty();
  }

  private static ZoneRecord union(ZoneRecord a, ZoneRecord b) {
    List<String> ips = new ArrayList<>(a.ipAddresses());
    b.ipAddresses().stream().filter(ip -> !ips.contains(ip)).forEach(ips::add);
    return new ZoneRecord(a.zone(), a.configName(), a.relativeName(), a.fqdn(), ips);
  }
}
