package dev.moat.network.model;

import dev.moat.platform.id.ResourceId;
import java.util.List;
import java.util.Map;

/**
 * A stored private endpoint: the caller's spec (subnet, connections, static IP configurations) and
 * what Moat derived from it (the NIC it created and the address of each required member).
 */
public record PrivateEndpoint(
    ResourceId id,
    String location,
    Map<String, String> tags,
    ResourceId subnet,
    List<ServiceConnection> connections,
    List<StaticIpConfiguration> staticIpConfigurations,
    String customNetworkInterfaceName,
    ResourceId networkInterface,
    List<MemberAddress> members,
    Pending status)
    implements Pended<PrivateEndpoint> {

  public PrivateEndpoint {
    tags = tags == null ? Map.of() : Map.copyOf(tags);
    connections = List.copyOf(connections);
    staticIpConfigurations =
        staticIpConfigurations == null ? List.of() : List.copyOf(staticIpConfigurations);
    members = List.copyOf(members);
  }

  /**
   * One entry of {@code privateLinkServiceConnections} ({@code manual} false) or {@code
   * manualPrivateLinkServiceConnections} ({@code manual} true).
   */
  public record ServiceConnection(
      String name,
      ResourceId target,
      String groupId,
      String requestMessage,
      boolean manual,
      String status,
      String description,
      String actionsRequired) {}

  /** A requested static address: {@code ipConfigurations[]} of the endpoint. */
  public record StaticIpConfiguration(
      String name, String groupId, String memberName, String privateIPAddress) {}

  /**
   * The address of one required member, as the NIC's IP configuration shows it.
   *
   * @param ipConfigurationName the NIC IP configuration's name
   * @param isStatic true when the caller asked for the address
   */
  public record MemberAddress(
      String ipConfigurationName,
      ResourceId target,
      String groupId,
      String memberName,
      List<String> fqdns,
      String ipAddress,
      boolean isStatic) {
    public MemberAddress {
      fqdns = List.copyOf(fqdns);
    }
  }

  @Override
  public PrivateEndpoint withStatus(Pending newStatus) {
    return new PrivateEndpoint(
        id,
        location,
        tags,
        subnet,
        connections,
        staticIpConfigurations,
        customNetworkInterfaceName,
        networkInterface,
        members,
        newStatus);
  }

  public PrivateEndpoint withTags(Map<String, String> newTags) {
    return new PrivateEndpoint(
        id,
        location,
        newTags,
        subnet,
        connections,
        staticIpConfigurations,
        customNetworkInterfaceName,
        networkInterface,
        members,
        status);
  }
}
