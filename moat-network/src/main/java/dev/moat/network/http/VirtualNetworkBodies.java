package dev.moat.network.http;

import dev.moat.network.model.Subnet;
import dev.moat.network.model.VirtualNetwork;
import dev.moat.network.service.SubnetUsage;
import dev.moat.network.service.VirtualNetworkSpec;
import java.util.List;
import java.util.Map;

/** Wire shapes of virtual networks. */
final class VirtualNetworkBodies {
  static final String TYPE = "Microsoft.Network/virtualNetworks";

  private VirtualNetworkBodies() {}

  record In(String location, Map<String, String> tags, PropertiesIn properties) {
    VirtualNetworkSpec spec() {
      PropertiesIn p = properties == null ? new PropertiesIn(null, null, null, null) : properties;
      return new VirtualNetworkSpec(
          location,
          tags,
          p.addressSpace() == null ? null : p.addressSpace().addressPrefixes(),
          p.dhcpOptions() == null ? null : p.dhcpOptions().dnsServers(),
          p.flowTimeoutInMinutes(),
          p.subnets() == null ? null : p.subnets().stream().map(s -> s.spec(null)).toList());
    }
  }

  record PropertiesIn(
      AddressSpace addressSpace,
      List<SubnetBodies.In> subnets,
      DhcpOptions dhcpOptions,
      Integer flowTimeoutInMinutes) {}

  record AddressSpace(List<String> addressPrefixes) {}

  record DhcpOptions(List<String> dnsServers) {}

  /** PATCH body (tags only, as Azure's UpdateTags). */
  record TagsIn(Map<String, String> tags) {}

  record Out(
      String id,
      String name,
      String type,
      String location,
      Map<String, String> tags,
      PropertiesOut properties) {
    static Out of(VirtualNetwork v, List<Subnet> subnets, SubnetUsage usage) {
      return new Out(
          v.id().toString(),
          v.id().name(),
          TYPE,
          v.location(),
          v.tags().isEmpty() ? null : v.tags(),
          new PropertiesOut(
              v.status().state().name(),
              v.resourceGuid(),
              new AddressSpace(v.addressPrefixes()),
              v.dnsServers() == null ? null : new DhcpOptions(v.dnsServers()),
              v.flowTimeoutInMinutes(),
              subnets.stream().map(s -> SubnetBodies.Out.of(s, usage)).toList(),
              List.of(),
              false));
    }
  }

  record PropertiesOut(
      String provisioningState,
      String resourceGuid,
      AddressSpace addressSpace,
      DhcpOptions dhcpOptions,
      Integer flowTimeoutInMinutes,
      List<SubnetBodies.Out> subnets,
      List<Ref> virtualNetworkPeerings,
      boolean enableDdosProtection) {}
}
