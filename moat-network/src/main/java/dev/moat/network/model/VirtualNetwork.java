package dev.moat.network.model;

import dev.moat.platform.id.ResourceId;
import java.util.List;
import java.util.Map;

/**
 * A stored virtual network. Its subnets are stored as child documents ({@link Subnet}), not here.
 *
 * @param dnsServers {@code dhcpOptions.dnsServers}; null when the caller sent no {@code
 *     dhcpOptions}
 */
public record VirtualNetwork(
    ResourceId id,
    String location,
    Map<String, String> tags,
    List<String> addressPrefixes,
    List<String> dnsServers,
    Integer flowTimeoutInMinutes,
    String resourceGuid,
    Pending status)
    implements Pended<VirtualNetwork> {

  public VirtualNetwork {
    tags = tags == null ? Map.of() : Map.copyOf(tags);
    addressPrefixes = addressPrefixes == null ? List.of() : List.copyOf(addressPrefixes);
    dnsServers = dnsServers == null ? null : List.copyOf(dnsServers);
  }

  @Override
  public VirtualNetwork withStatus(Pending newStatus) {
    return new VirtualNetwork(
        id,
        location,
        tags,
        addressPrefixes,
        dnsServers,
        flowTimeoutInMinutes,
        resourceGuid,
        newStatus);
  }

  public VirtualNetwork withTags(Map<String, String> newTags) {
    return new VirtualNetwork(
        id,
        location,
        newTags,
        addressPrefixes,
        dnsServers,
        flowTimeoutInMinutes,
        resourceGuid,
        status);
  }
}
