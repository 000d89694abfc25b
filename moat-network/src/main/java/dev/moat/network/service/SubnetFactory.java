package dev.moat.network.service;

import dev.moat.network.model.Ipv4Cidr;
import dev.moat.network.model.Pending;
import dev.moat.network.model.PrivateEndpointNetworkPolicies;
import dev.moat.network.model.PrivateLinkServiceNetworkPolicies;
import dev.moat.network.model.Subnet;
import dev.moat.network.validation.AddressSpaceValidator;
import dev.moat.network.validation.NetworkError;
import dev.moat.platform.id.ResourceId;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Turns a {@link SubnetSpec} into a stored {@link Subnet}, applying Azure's defaults. */
public final class SubnetFactory {
  /**
   * The actions Azure grants a delegated service on the subnet; services not listed get none, as in
   * Azure's own example for an arbitrary service name.
   */
  private static final Map<String, List<String>> DELEGATION_ACTIONS =
      Map.of(
          "microsoft.containerservice/managedclusters",
          List.of("Microsoft.Network/virtualNetworks/subnets/join/action"),
          "microsoft.web/serverfarms",
          List.of("Microsoft.Network/virtualNetworks/subnets/action"),
          "microsoft.containerinstance/containergroups",
          List.of("Microsoft.Network/virtualNetworks/subnets/action"));

  private final AddressSpaceValidator validator;

  public SubnetFactory(AddressSpaceValidator validator) {
    this.validator = validator;
  }

  /** A subnet with validated prefixes, in state Updating since {@code now}. */
  public Subnet build(ResourceId id, SubnetSpec spec, String vnetName, Instant now) {
    boolean list = spec.addressPrefixes() != null && !spec.addressPrefixes().isEmpty();
    List<String> prefixes =
        list
            ? spec.addressPrefixes()
            : spec.addressPrefix() == null ? List.of() : List.of(spec.addressPrefix());
    if (prefixes.isEmpty()) {
      throw NetworkError.INVALID_SUBNET.exception(id.name(), vnetName);
    }
    List<String> normalised =
        validator.parse(prefixes, id).stream().map(Ipv4Cidr::toString).toList();
    // Azure's default for new subnets since the 2023 API versions: network policies off for
    // private endpoints, on for private link services.
    PrivateEndpointNetworkPolicies pe =
        spec.privateEndpointNetworkPolicies() == null
            ? PrivateEndpointNetworkPolicies.Disabled
            : spec.privateEndpointNetworkPolicies();
    PrivateLinkServiceNetworkPolicies pls =
        spec.privateLinkServiceNetworkPolicies() == null
            ? PrivateLinkServiceNetworkPolicies.Enabled
            : spec.privateLinkServiceNetworkPolicies();
    List<Subnet.Delegation> delegations =
        spec.delegations() == null
            ? List.of()
            : spec.delegations().stream()
                .map(
                    d ->
                        new Subnet.Delegation(
                            d.name() == null ? d.serviceName() : d.name(),
                            d.serviceName(),
                            DELEGATION_ACTIONS.getOrDefault(
                                String.valueOf(d.serviceName()).toLowerCase(java.util.Locale.ROOT),
                                List.of())))
                .toList();
    return new Subnet(
        id,
        normalised,
        list,
        pe,
        pls,
        spec.defaultOutboundAccess(),
        delegations,
        spec.networkSecurityGroup(),
        spec.routeTable(),
        spec.natGateway(),
        Pending.updating(now));
  }
}
