package dev.moat.network.service;

import dev.moat.network.model.PrivateEndpoint;
import java.util.List;
import java.util.Map;

/** What a caller asks of a private endpoint. */
public record PrivateEndpointSpec(
    String location,
    Map<String, String> tags,
    String subnetId,
    List<ConnectionSpec> connections,
    List<PrivateEndpoint.StaticIpConfiguration> staticIpConfigurations,
    String customNetworkInterfaceName) {

  /** One requested connection; {@code manual} for {@code manualPrivateLinkServiceConnections}. */
  public record ConnectionSpec(
      String name,
      String privateLinkServiceId,
      List<String> groupIds,
      String requestMessage,
      boolean manual) {}
}
