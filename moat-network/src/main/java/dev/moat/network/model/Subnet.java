package dev.moat.network.model;

import dev.moat.platform.id.ResourceId;
import java.util.List;

/**
 * A stored subnet (spec and status). Its back-references ({@code ipConfigurations}, {@code
 * privateEndpoints}) are not stored: they are computed from the network interfaces in it.
 *
 * @param prefixList true when the caller gave {@code addressPrefixes} (echoed the same way)
 * @param defaultOutboundAccess null when the caller did not say
 * @param networkSecurityGroup the associated network security group id, or null (also {@code
 *     routeTable}, {@code natGateway})
 */
public record Subnet(
    ResourceId id,
    List<String> addressPrefixes,
    boolean prefixList,
    PrivateEndpointNetworkPolicies privateEndpointNetworkPolicies,
    PrivateLinkServiceNetworkPolicies privateLinkServiceNetworkPolicies,
    Boolean defaultOutboundAccess,
    List<Delegation> delegations,
    String networkSecurityGroup,
    String routeTable,
    String natGateway,
    Pending status)
    implements Pended<Subnet> {

  public Subnet {
    addressPrefixes = List.copyOf(addressPrefixes);
    delegations = delegations == null ? List.of() : List.copyOf(delegations);
  }

  /** One delegation: {@code actions} are the ones Azure grants the service (read-only). */
  public record Delegation(String name, String serviceName, List<String> actions) {
    public Delegation {
      actions = actions == null ? List.of() : List.copyOf(actions);
    }
  }

  @Override
  public Subnet withStatus(Pending newStatus) {
    return new Subnet(
        id,
        addressPrefixes,
        prefixList,
        privateEndpointNetworkPolicies,
        privateLinkServiceNetworkPolicies,
        defaultOutboundAccess,
        delegations,
        networkSecurityGroup,
        routeTable,
        natGateway,
        newStatus);
  }

  /** The parsed prefixes (stored prefixes were validated, so each parses). */
  public List<Ipv4Cidr> cidrs() {
    return addressPrefixes.stream().map(p -> Ipv4Cidr.parse(p).orElseThrow()).toList();
  }
}
