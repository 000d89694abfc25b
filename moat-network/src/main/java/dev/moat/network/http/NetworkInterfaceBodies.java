package dev.moat.network.http;

import dev.moat.network.model.NetworkInterface;
import java.util.List;

/** Wire shapes of network interfaces, as Azure shows a private endpoint's NIC. */
final class NetworkInterfaceBodies {
  static final String TYPE = "Microsoft.Network/networkInterfaces";

  private NetworkInterfaceBodies() {}

  record Out(String id, String name, String type, String location, PropertiesOut properties) {
    static Out of(NetworkInterface nic) {
      return new Out(
          nic.id().toString(),
          nic.id().name(),
          TYPE,
          nic.location(),
          new PropertiesOut(
              "Succeeded",
              nic.resourceGuid(),
              nic.ipConfigurations().stream().map(c -> configuration(nic, c)).toList(),
              new DnsSettings(List.of(), List.of()),
              "",
              false,
              false,
              Ref.of(nic.privateEndpoint()),
              "Standard",
              List.of(),
              List.of()));
    }

    private static IpConfiguration configuration(
        NetworkInterface nic, NetworkInterface.IpConfiguration c) {
      return new IpConfiguration(
          nic.id().child("ipConfigurations", c.name()).toString(),
          c.name(),
          "Microsoft.Network/networkInterfaces/ipConfigurations",
          new IpConfigurationProperties(
              "Succeeded",
              c.privateIPAddress(),
              c.isStatic() ? "Static" : "Dynamic",
              "IPv4",
              Ref.of(c.subnet()),
              c.primary(),
              c.groupId() == null
                  ? null
                  : new PrivateLinkConnectionProperties(
                      c.groupId(), c.requiredMemberName(), c.fqdns())));
    }
  }

  record PropertiesOut(
      String provisioningState,
      String resourceGuid,
      List<IpConfiguration> ipConfigurations,
      DnsSettings dnsSettings,
      String macAddress,
      boolean enableAcceleratedNetworking,
      boolean enableIPForwarding,
      Ref privateEndpoint,
      String nicType,
      List<Ref> hostedWorkloads,
      List<Ref> tapConfigurations) {}

  record IpConfiguration(
      String id, String name, String type, IpConfigurationProperties properties) {}

  record IpConfigurationProperties(
      String provisioningState,
      String privateIPAddress,
      String privateIPAllocationMethod,
      String privateIPAddressVersion,
      Ref subnet,
      boolean primary,
      PrivateLinkConnectionProperties privateLinkConnectionProperties) {}

  record PrivateLinkConnectionProperties(
      String groupId, String requiredMemberName, List<String> fqdns) {}

  record DnsSettings(List<String> dnsServers, List<String> appliedDnsServers) {}
}
