package dev.moat.network.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moat.platform.id.ResourceId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every rejection carries Azure's code and leaves the stored state as it was. */
class ValidationTest {
  private static final String V = NetworkFixture.V;
  private static NetworkFixture f;

  @BeforeAll
  static void start() {
    f = new NetworkFixture();
  }

  @AfterAll
  static void stop() {
    f.close();
  }

  @Test
  void subnetPrefixRulesAndStateUnchanged() {
    f.seedNetwork("val-subnet");
    String acr = f.subnetId("val-subnet", "acr-subnet");
    JsonNode vnetBefore =
        f.moat.arm().get(f.net("val-subnet", "virtualNetworks", "vnet"), V).body();

    String newSubnet = f.subnetId("val-subnet", "new");
    f.moat
        .arm()
        .put(newSubnet, V, prefix("192.168.3.0"))
        .expectError(400, "InvalidAddressPrefixFormat");
    f.moat
        .arm()
        .put(newSubnet, V, prefix("192.168.3.1/24"))
        .expectError(400, "InvalidCIDRNotation");
    assertThat(f.moat.arm().put(newSubnet, V, prefix("192.168.3.1/24")).errorMessage())
        .contains("should be 192.168.3.0/24");
    f.moat
        .arm()
        .put(newSubnet, V, prefix("10.0.0.0/24"))
        .expectError(400, "NetcfgSubnetRangeOutsideVnet");
    f.moat
        .arm()
        .put(newSubnet, V, prefix("192.168.2.128/25"))
        .expectError(400, "NetcfgSubnetRangesOverlap");
    f.moat
        .arm()
        .put(newSubnet, V, prefix("192.168.3.0/30"))
        .expectError(400, "NetcfgInvalidSubnet");
    f.moat.arm().put(newSubnet, V, "{\"properties\":{}}").expectError(400, "NetcfgInvalidSubnet");
    f.moat
        .arm()
        .put(
            newSubnet,
            V,
            "{\"properties\":{\"addressPrefix\":\"192.168.3.0/24\",\"privateEndpointNetworkPolicies\":\"Sometimes\"}}")
        .expectError(400, "InvalidRequestContent");
    f.moat.arm().get(newSubnet, V).expectError(404, "NotFound");
    f.moat
        .arm()
        .put(acr, V, prefix("192.168.1.0/25"))
        .expectError(400, "NetcfgSubnetRangesOverlap");
    assertThat(f.moat.arm().get(acr, V).body().path("properties").path("addressPrefix").asText())
        .isEqualTo("192.168.2.0/24");
    assertThat(f.moat.arm().get(f.net("val-subnet", "virtualNetworks", "vnet"), V).body())
        .isEqualTo(vnetBefore);

    f.moat
        .arm()
        .put(
            f.net("val-subnet", "virtualNetworks", "nope") + "/subnets/s", V, prefix("10.0.0.0/24"))
        .expectError(404, "ResourceNotFound");
  }

  @Test
  void vnetRulesAndInlineSubnets() {
    f.moat.createGroup("val-vnet", "eastus");
    String vnet = f.net("val-vnet", "virtualNetworks", "vn");
    f.moat
        .arm()
        .put(vnet, V, "{\"location\":\"mars\",\"properties\":{}}")
        .expectError(400, "LocationNotAvailableForResourceType");
    f.moat.arm().put(vnet, V, "{\"properties\":{}}").expectError(400, "LocationRequired");
    f.moat
        .arm()
        .put(f.net("no-such-group", "virtualNetworks", "v"), V, "{\"location\":\"eastus\"}")
        .expectError(404, "ResourceGroupNotFound");
    f.moat
        .arm()
        .put(
            vnet,
            V,
            vnetBody(
                "10.0.0.0/16",
                "{\"name\":\"a\",\"properties\":{\"addressPrefix\":\"10.0.0.0/24\"}},"
                    + "{\"name\":\"b\",\"properties\":{\"addressPrefix\":\"10.0.0.128/25\"}}"))
        .expectError(400, "NetcfgSubnetRangesOverlap");
    f.moat.arm().get(vnet, V).expectError(404, "ResourceNotFound");

    JsonNode created =
        f.putAndWait(
            vnet,
            vnetBody(
                "10.0.0.0/16",
                "{\"name\":\"a\",\"properties\":{\"addressPrefix\":\"10.0.0.0/24\"}},"
                    + "{\"name\":\"api\",\"properties\":{\"addressPrefix\":\"10.0.1.0/28\",\"delegations\":[{\"name\":\"aks\",\"properties\":{\"serviceName\":\"Microsoft.ContainerService/managedClusters\"}}]}}"));
    assertThat(created.path("properties").path("subnets")).hasSize(2);
    JsonNode api = f.moat.arm().get(vnet + "/subnets/api", V).expectStatus(200).body();
    JsonNode delegation = api.path("properties").path("delegations").get(0).path("properties");
    assertThat(delegation.path("serviceName").asText())
        .isEqualTo("Microsoft.ContainerService/managedClusters");
    assertThat(delegation.path("actions").get(0).asText())
        .isEqualTo("Microsoft.Network/virtualNetworks/subnets/join/action");

    // A PUT whose inline subnets omit one deletes it, as on Azure.
    f.putAndWait(
        vnet,
        vnetBody(
            "10.0.0.0/16", "{\"name\":\"a\",\"properties\":{\"addressPrefix\":\"10.0.0.0/24\"}}"));
    f.moat.arm().get(vnet + "/subnets/api", V).expectError(404, "NotFound");

    // Shrinking the address space below a subnet is refused and changes nothing.
    f.moat
        .arm()
        .put(
            vnet,
            V,
            vnetBody(
                "10.1.0.0/16",
                "{\"name\":\"a\",\"properties\":{\"addressPrefix\":\"10.0.0.0/24\"}}"))
        .expectError(400, "NetcfgSubnetRangeOutsideVnet");
    f.moat.arm().put(vnet, V, vnetBody("10.0.0.1/16", "")).expectError(400, "InvalidCIDRNotation");
    assertThat(
            f.moat
                .arm()
                .get(vnet, V)
                .body()
                .path("properties")
                .path("addressSpace")
                .path("addressPrefixes")
                .get(0)
                .asText())
        .isEqualTo("10.0.0.0/16");

    f.moat.arm().patch(vnet, V, "{\"tags\":{\"env\":\"dev\"}}").expectStatus(200);
    assertThat(f.moat.arm().get(vnet, V).body().path("tags").path("env").asText()).isEqualTo("dev");
    f.deleteAndWait(vnet);
    f.moat.arm().get(vnet + "/subnets/a", V).expectError(404, "ResourceNotFound");
    f.moat.arm().delete(vnet, V).expectStatus(204);
  }

  @Test
  void inUseSubnetCannotShrinkOrBeRemovedInline() {
    f.seedNetwork("val-inuse");
    ResourceId registry = f.registry("val-inuse", "inuseacr");
    f.putAndWait(
        f.net("val-inuse", "privateEndpoints", "pe"),
        NetworkFixture.endpointBody(f.subnetId("val-inuse", "acr-subnet"), registry));
    String acr = f.subnetId("val-inuse", "acr-subnet");
    f.moat
        .arm()
        .put(acr, V, prefix("192.168.2.128/25"))
        .expectError(400, "InUseSubnetCannotBeUpdated");
    f.putAndWait(acr, prefix("192.168.2.0/25"));
    f.moat
        .arm()
        .put(f.net("val-inuse", "virtualNetworks", "vnet"), V, vnetBody("192.168.0.0/16", ""))
        .expectError(400, "InUseSubnetCannotBeDeleted");
    assertThat(
            f.moat
                .arm()
                .get(f.net("val-inuse", "virtualNetworks", "vnet"), V)
                .body()
                .path("properties")
                .path("subnets"))
        .hasSize(2);
  }

  @Test
  void privateEndpointRequestErrors() {
    f.seedNetwork("val-pe");
    ResourceId registry = f.registry("val-pe", "peacr");
    String pe = f.net("val-pe", "privateEndpoints", "pe");
    String acr = f.subnetId("val-pe", "acr-subnet");
    f.moat
        .arm()
        .put(pe, V, NetworkFixture.endpointBody(acr + "x", registry))
        .expectError(400, "InvalidResourceReference");
    f.moat
        .arm()
        .put(
            pe,
            V,
            NetworkFixture.endpointBody(acr, registry).replace("\"registry\"]", "\"sites\"]"))
        .expectError(400, "BadRequest");
    f.moat
        .arm()
        .put(pe, V, NetworkFixture.endpointBody(acr, registry).replace("[\"registry\"]", "[]"))
        .expectError(400, "MissingParameterOnPrivateLinkServiceConnection");
    f.moat
        .arm()
        .put(
            pe,
            V,
            NetworkFixture.endpointBody(acr, registry)
                .replace("[\"registry\"]", "[\"registry\",\"x\"]"))
        .expectError(400, "OnlyOneGroupIdPermitted");
    f.moat
        .arm()
        .put(
            pe,
            V,
            NetworkFixture.endpointBody(acr, registry).replace("\"name\":\"myConnection\",", ""))
        .expectError(400, "InvalidRequestFormat");
    f.moat
        .arm()
        .put(
            pe,
            V,
            NetworkFixture.endpointBody(acr, registry).replace(registry.toString(), "not-an-id"))
        .expectError(400, "LinkedInvalidPropertyId");
    f.moat
        .arm()
        .put(pe, V, NetworkFixture.endpointBody(acr, registry).replace("eastus", "westus"))
        .expectError(400, "InvalidResourceReference");
    f.moat.arm().get(pe, V).expectError(404, "ResourceNotFound");
    assertThat(f.network.get().inventory().endpointAddresses())
        .noneMatch(a -> a.subnet().toString().equals(acr));

    String staticBody =
        withIpConfigurations(
            NetworkFixture.endpointBody(acr, registry),
            staticIp("registry", "192.168.2.10") + "," + staticIp("registry_data_eastus", "%s"));
    f.moat
        .arm()
        .put(pe, V, staticBody.formatted("192.168.2.2"))
        .expectError(400, "PrivateIPAddressInReservedRange");
    f.moat
        .arm()
        .put(pe, V, staticBody.formatted("192.168.9.9"))
        .expectError(400, "PrivateIPAddressNotInSubnet");
    f.moat
        .arm()
        .put(
            pe,
            V,
            withIpConfigurations(
                NetworkFixture.endpointBody(acr, registry), staticIp("registry", "192.168.2.10")))
        .expectError(400, "PrivateEndpointIpConfigurationMissingMemberNamesRequiredByFps");
    JsonNode created = f.putAndWait(pe, staticBody.formatted("192.168.2.11"));
    JsonNode nic = f.nicOf(created);
    assertThat(NetworkFixture.addressesOf(nic, "registry")).containsExactly("192.168.2.10");
    assertThat(NetworkFixture.addressesOf(nic, "registry_data_eastus"))
        .containsExactly("192.168.2.11");
    assertThat(created.path("properties").path("ipConfigurations")).hasSize(2);
    f.moat
        .arm()
        .put(
            f.net("val-pe", "privateEndpoints", "pe2"),
            V,
            staticBody.formatted("192.168.2.12").replace("192.168.2.10", "192.168.2.11"))
        .expectError(400, "PrivateIPAddressIsAllocated");
  }

  @Test
  void apiVersionsOfEveryClientAreAccepted() {
    f.seedNetwork("val-api");
    String vnet = f.net("val-api", "virtualNetworks", "vnet");
    for (String v :
        new String[] {"2022-01-01", "2022-05-01", "2024-05-01", "2025-03-01", "2026-01-01"}) {
      f.moat.arm().get(vnet, v).expectStatus(200);
    }
    f.moat.arm().get(vnet, "2015-06-15").expectError(400, "NoRegisteredProviderFound");
  }

  private static String prefix(String p) {
    return "{\"properties\":{\"addressPrefix\":\"" + p + "\"}}";
  }

  private static String vnetBody(String space, String subnets) {
    return "{\"location\":\"eastus\",\"properties\":{\"addressSpace\":{\"addressPrefixes\":[\""
        + space
        + "\"]},\"subnets\":["
        + subnets
        + "]}}";
  }

  /** Adds {@code ipConfigurations} to an endpoint body's properties. */
  private static String withIpConfigurations(String body, String configurations) {
    String end = "]}}";
    return body.substring(0, body.length() - end.length())
        + "],\"ipConfigurations\":["
        + configurations
        + "]}}";
  }

  private static String staticIp(String member, String ip) {
    return "{\"name\":\""
        + member
        + "-ip\",\"properties\":{\"groupId\":\"registry\",\"memberName\":\""
        + member
        + "\",\"privateIPAddress\":\""
        + ip
        + "\"}}";
  }
}
