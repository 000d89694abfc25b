package dev.moat.network.http;

import dev.moat.network.model.PrivateEndpoint;
import dev.moat.network.service.PrivateEndpointSpec;
import dev.moat.network.validation.NetworkError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Wire shapes of private endpoints. */
final class PrivateEndpointBodies {
  static final String TYPE = "Microsoft.Network/privateEndpoints";

  private PrivateEndpointBodies() {}

  record In(String location, Map<String, String> tags, PropertiesIn properties) {
    PrivateEndpointSpec spec(String endpointName) {
      PropertiesIn p =
          properties == null ? new PropertiesIn(null, null, null, null, null) : properties;
      List<PrivateEndpointSpec.ConnectionSpec> connections = new ArrayList<>();
      add(connections, p.privateLinkServiceConnections(), false);
      add(connections, p.manualPrivateLinkServiceConnections(), true);
      if (connections.isEmpty()) {
        throw NetworkError.ENDPOINT_WITHOUT_CONNECTION
            .exception(endpointName)
            .withTarget("properties.privateLinkServiceConnections");
      }
      return new PrivateEndpointSpec(
          location,
          tags,
          p.subnet() == null ? null : p.subnet().id(),
          connections,
          p.ipConfigurations() == null
              ? null
              : p.ipConfigurations().stream()
                  .map(
                      c -> {
                        IpConfigurationProperties ip =
                            c.properties() == null
                                ? new IpConfigurationProperties(null, null, null)
                                : c.properties();
                        return new PrivateEndpoint.StaticIpConfiguration(
                            c.name(), ip.groupId(), ip.memberName(), ip.privateIPAddress());
                      })
                  .toList(),
          p.customNetworkInterfaceName());
    }

    private static void add(
        List<PrivateEndpointSpec.ConnectionSpec> out, List<ConnectionIn> in, boolean manual) {
      if (in == null) {
        return;
      }
      for (ConnectionIn c : in) {
        ConnectionPropertiesIn p =
            c.properties() == null ? new ConnectionPropertiesIn(null, null, null) : c.properties();
        out.add(
            new PrivateEndpointSpec.ConnectionSpec(
                c.name(), p.privateLinkServiceId(), p.groupIds(), p.requestMessage(), manual));
      }
    }
  }

  record PropertiesIn(
      Ref subnet,
      List<ConnectionIn> privateLinkServiceConnections,
      List<ConnectionIn> manualPrivateLinkServiceConnections,
      List<IpConfiguration> ipConfigurations,
      String customNetworkInterfaceName) {}

  record ConnectionIn(String name, ConnectionPropertiesIn properties) {}

  record ConnectionPropertiesIn(
      String privateLinkServiceId, List<String> groupIds, String requestMessage) {}

  record IpConfiguration(String name, IpConfigurationProperties properties) {}

  record IpConfigurationProperties(String groupId, String memberName, String privateIPAddress) {}

  /** PATCH body. */
  record TagsIn(Map<String, String> tags) {}

  record Out(
      String id,
      String name,
      String type,
      String location,
      Map<String, String> tags,
      PropertiesOut properties) {
    static Out of(PrivateEndpoint pe, boolean hasZoneGroup) {
      // Azure stops listing customDnsConfigs once a DNS zone group manages the names.
      List<CustomDnsConfig> dns =
          hasZoneGroup
              ? List.of()
              : pe.members().stream()
                  .flatMap(
                      m ->
                          m.fqdns().stream()
                              .map(f -> new CustomDnsConfig(f, List.of(m.ipAddress()))))
                  .toList();
      return new Out(
          pe.id().toString(),
          pe.id().name(),
          TYPE,
          pe.location(),
          pe.tags().isEmpty() ? null : pe.tags(),
          new PropertiesOut(
              pe.status().state().name(),
              Ref.of(pe.subnet()),
              connections(pe, false),
              connections(pe, true),
              List.of(Ref.of(pe.networkInterface())),
              dns,
              pe.staticIpConfigurations().stream()
                  .map(
                      s ->
                          new IpConfiguration(
                              s.name(),
                              new IpConfigurationProperties(
                                  s.groupId(), s.memberName(), s.privateIPAddress())))
                  .toList(),
              List.of(),
              pe.customNetworkInterfaceName() == null ? "" : pe.customNetworkInterfaceName()));
    }

    private static List<ConnectionOut> connections(PrivateEndpoint pe, boolean manual) {
      return pe.connections().stream()
          .filter(c -> c.manual() == manual)
          .map(
              c ->
                  new ConnectionOut(
                      pe.id()
                          .child(
                              manual
                                  ? "manualPrivateLinkServiceConnections"
                                  : "privateLinkServiceConnections",
                              c.name())
                          .toString(),
                      c.name(),
                      "Microsoft.Network/privateEndpoints/privateLinkServiceConnections",
                      new ConnectionPropertiesOut(
                          pe.status().state().name(),
                          c.target().toString(),
                          List.of(c.groupId()),
                          c.requestMessage(),
                          new ConnectionState(c.status(), c.description(), c.actionsRequired()))))
          .toList();
    }
  }

  record PropertiesOut(
      String provisioningState,
      Ref subnet,
      List<ConnectionOut> privateLinkServiceConnections,
      List<ConnectionOut> manualPrivateLinkServiceConnections,
      List<Ref> networkInterfaces,
      List<CustomDnsConfig> customDnsConfigs,
      List<IpConfiguration> ipConfigurations,
      List<Ref> applicationSecurityGroups,
      String customNetworkInterfaceName) {}

  record ConnectionOut(String id, String name, String type, ConnectionPropertiesOut properties) {}

  record ConnectionPropertiesOut(
      String provisioningState,
      String privateLinkServiceId,
      List<String> groupIds,
      String requestMessage,
      ConnectionState privateLinkServiceConnectionState) {}

  record ConnectionState(String status, String description, String actionsRequired) {}

  record CustomDnsConfig(String fqdn, List<String> ipAddresses) {}
}
