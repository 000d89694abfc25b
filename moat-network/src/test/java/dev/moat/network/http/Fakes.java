package dev.moat.network.http;

import dev.moat.platform.contracts.PrivateDnsRecords;
import dev.moat.platform.contracts.PrivateLinkTargets;
import dev.moat.platform.id.ResourceId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** In-memory stand-ins for the contracts other providers implement. */
final class Fakes {
  private Fakes() {}

  /** Registries offering group {@code registry} with a login and a regional data member. */
  static final class Registries implements PrivateLinkTargets {
    private final Map<ResourceId, String> locations = new ConcurrentHashMap<>();

    void add(ResourceId registry, String location) {
      locations.put(registry, location);
    }

    @Override
    public Optional<PrivateLinkResource> find(ResourceId target, String groupId) {
      String location = locations.get(target);
      if (location == null || !groupId.equals("registry")) {
        return Optional.empty();
      }
      String name = target.name().toLowerCase(java.util.Locale.ROOT);
      return Optional.of(
          new PrivateLinkResource(
              target,
              "registry",
              List.of(
                  new Member("registry", List.of(name + ".azurecr.io")),
                  new Member(
                      "registry_data_" + location,
                      List.of(name + "." + location + ".data.azurecr.io"))),
              List.of("privatelink.azurecr.io")));
    }
  }

  /** Zones by id; A records by zone id and relative name. */
  static final class Dns implements PrivateDnsRecords {
    final Map<ResourceId, String> zones = new ConcurrentHashMap<>();
    final Map<String, List<String>> records = new ConcurrentHashMap<>();

    @Override
    public Optional<String> zoneName(ResourceId zoneId) {
      return Optional.ofNullable(zones.get(zoneId));
    }

    @Override
    public void upsertA(ResourceId zoneId, String relativeName, List<String> ips, int ttl) {
      records.put(zones.get(zoneId) + "/" + relativeName, List.copyOf(ips));
    }

    @Override
    public void deleteA(ResourceId zoneId, String relativeName) {
      records.remove(zones.get(zoneId) + "/" + relativeName);
    }
  }
}
