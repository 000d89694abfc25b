package dev.moat.network.model;

import dev.moat.platform.id.ResourceId;
import java.util.List;

/**
 * A stored network interface. Moat creates them only for private endpoints, whose NICs are
 * read-only to users.
 */
public record NetworkInterface(
    ResourceId id,
    String location,
    ResourceId privateEndpoint,
    List<IpConfiguration> ipConfigurations,
    String resourceGuid) {

  public NetworkInterface {
    ipConfigurations = List.copyOf(ipConfigurations);
  }

  /**
   * One IP configuration.
   *
   * @param groupId the private link group, or null for a plain NIC
   */
  public record IpConfiguration(
      String name,
      ResourceId subnet,
      String privateIPAddress,
      boolean isStatic,
      boolean primary,
      ResourceId target,
      String groupId,
      String requiredMemberName,
      List<String> fqdns) {
    public IpConfiguration {
      fqdns = fqdns == null ? List.of() : List.copyOf(fqdns);
    }
  }
}
