package dev.moat.network.service;

import dev.moat.network.model.PrivateEndpointNetworkPolicies;
import dev.moat.network.model.PrivateLinkServiceNetworkPolicies;
import java.util.List;

/**
 * What a caller asks of a subnet, from a subnet PUT or an inline subnet of a virtual network PUT.
 *
 * @param delegations each delegation's name and service name
 */
public record SubnetSpec(
    String name,
    String addressPrefix,
    List<String> addressPrefixes,
    PrivateEndpointNetworkPolicies privateEndpointNetworkPolicies,
    PrivateLinkServiceNetworkPolicies privateLinkServiceNetworkPolicies,
    Boolean defaultOutboundAccess,
    List<DelegationSpec> delegations,
    String networkSecurityGroup,
    String routeTable,
    String natGateway) {

  /** A requested delegation. */
  public record DelegationSpec(String name, String serviceName) {}
}
