package dev.moat.network.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.moat.network.model.PrivateEndpointNetworkPolicies;
import dev.moat.network.model.PrivateLinkServiceNetworkPolicies;
import dev.moat.network.model.Subnet;
import dev.moat.network.service.SubnetSpec;
import dev.moat.network.service.SubnetUsage;
import dev.moat.network.validation.DelegationServices;
import java.util.List;

/** Wire shapes of subnets, standalone and inline in a virtual network. */
final class SubnetBodies {
  static final String TYPE = "Microsoft.Network/virtualNetworks/subnets";

  /** Shared by every subnet body (a read-only list). */
  private static final DelegationServices DELEGATIONS = DelegationServices.azurePublicCloud();

  private SubnetBodies() {}

  /** A subnet in a request (PUT body, or an entry of a VNet's {@code subnets}). */
  record In(String name, PropertiesIn properties) {
    SubnetSpec spec(String fallbackName) {
      PropertiesIn p = properties == null ? PropertiesIn.EMPTY : properties;
      if (p.delegations() != null) {
        for (DelegationIn d : p.delegations()) {
          DELEGATIONS.require(
              name == null ? fallbackName : name,
              d.name(),
              d.properties() == null ? null : d.properties().serviceName());
        }
      }
      return new SubnetSpec(
          name == null ? fallbackName : name,
          p.addressPrefix(),
          p.addressPrefixes(),
          p.privateEndpointNetworkPolicies(),
          p.privateLinkServiceNetworkPolicies(),
          p.defaultOutboundAccess(),
          p.delegations() == null
              ? null
              : p.delegations().stream()
                  .map(
                      d ->
                          new SubnetSpec.DelegationSpec(
                              d.name(),
                              d.properties() == null ? null : d.properties().serviceName()))
                  .toList(),
          p.networkSecurityGroup() == null ? null : p.networkSecurityGroup().id(),
          p.routeTable() == null ? null : p.routeTable().id(),
          p.natGateway() == null ? null : p.natGateway().id());
    }
  }

  /** Request {@code properties}. */
  record PropertiesIn(
      String addressPrefix,
      List<String> addressPrefixes,
      PrivateEndpointNetworkPolicies privateEndpointNetworkPolicies,
      PrivateLinkServiceNetworkPolicies privateLinkServiceNetworkPolicies,
      Boolean defaultOutboundAccess,
      List<DelegationIn> delegations,
      Ref networkSecurityGroup,
      Ref routeTable,
      Ref natGateway) {
    static final PropertiesIn EMPTY =
        new PropertiesIn(null, null, null, null, null, null, null, null, null);
  }

  record DelegationIn(String name, DelegationPropertiesIn properties) {}

  record DelegationPropertiesIn(String serviceName) {}

  /** A subnet as GET returns it. */
  record Out(String id, String name, String type, PropertiesOut properties) {
    static Out of(Subnet s, SubnetUsage usage) {
      List<Delegation> delegations =
          s.delegations().stream()
              .map(
                  d ->
                      new Delegation(
                          d.name(),
                          // Not ResourceId.child: the SDK's withDelegation names a delegation
                          // after its service ("Microsoft.ContainerService/managedClusters"),
                          // and Azure keeps that name, slash and all, in the id.
                          s.id() + "/delegations/" + d.name(),
                          "Microsoft.Network/virtualNetworks/subnets/delegations",
                          new DelegationProperties("Succeeded", d.serviceName(), d.actions())))
              .toList();
      return new Out(
          s.id().toString(),
          s.id().name(),
          TYPE,
          new PropertiesOut(
              s.status().state().name(),
              s.prefixList() ? null : s.addressPrefixes().get(0),
              s.prefixList() ? s.addressPrefixes() : null,
              delegations,
              // Azure derives purpose from the delegations; for a service it has no purpose
              // for (SubnetCreateWithDelegation.json) it is "", and it is absent without one.
              s.delegations().isEmpty() ? null : "",
              s.privateEndpointNetworkPolicies().name(),
              s.privateLinkServiceNetworkPolicies().name(),
              s.defaultOutboundAccess(),
              usage.ipConfigurationIds(s.id()).stream().map(Ref::of).toList(),
              usage.endpointIds(s.id()).stream().map(Ref::of).toList(),
              Ref.of(s.networkSecurityGroup()),
              Ref.of(s.routeTable()),
              Ref.of(s.natGateway())));
    }
  }

  /** Response {@code properties}; empty back-reference lists are omitted, as Azure does. */
  record PropertiesOut(
      String provisioningState,
      String addressPrefix,
      List<String> addressPrefixes,
      List<Delegation> delegations,
      String purpose,
      String privateEndpointNetworkPolicies,
      String privateLinkServiceNetworkPolicies,
      Boolean defaultOutboundAccess,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Ref> ipConfigurations,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Ref> privateEndpoints,
      Ref networkSecurityGroup,
      Ref routeTable,
      Ref natGateway) {}

  record Delegation(String name, String id, String type, DelegationProperties properties) {}

  record DelegationProperties(String provisioningState, String serviceName, List<String> actions) {}
}
