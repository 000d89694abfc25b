package dev.moat.network.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moat.platform.contracts.PrivateEndpointConnections;
import dev.moat.platform.id.ResourceId;
import dev.moat.testing.ArmResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Steps 1 and 4 of the network-isolated AKS seed, over HTTPS. */
class SeedFlowTest {
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
  void vnetAndSubnetsAreShapedLikeAzures() {
    f.seedNetwork("seed-shape");
    ArmResult put =
        f.moat
            .arm()
            .put(
                f.net("seed-shape", "virtualNetworks", "vnet2"),
                NetworkFixture.V,
                "{\"location\":\"East US\",\"properties\":{\"addressSpace\":{\"addressPrefixes\":[\"10.0.0.0/16\"]}}}")
            .expectStatus(201);
    assertThat(put.header("Azure-AsyncOperation")).isPresent();
    assertThat(put.body().path("location").asText()).isEqualTo("eastus");
    f.moat.arm().awaitOperation(put);

    JsonNode vnet =
        f.moat.arm().get(f.net("seed-shape", "virtualNetworks", "vnet"), NetworkFixture.V).body();
    assertThat(vnet.path("type").asText()).isEqualTo("Microsoft.Network/virtualNetworks");
    assertThat(vnet.path("properties").path("provisioningState").asText()).isEqualTo("Succeeded");
    assertThat(vnet.path("properties").path("resourceGuid").asText()).isNotEmpty();
    assertThat(vnet.path("properties").path("addressSpace").path("addressPrefixes").get(0).asText())
        .isEqualTo("192.168.0.0/16");
    assertThat(vnet.path("properties").path("subnets")).hasSize(2);

    JsonNode subnet =
        f.moat.arm().get(f.subnetId("seed-shape", "acr-subnet"), NetworkFixture.V).body();
    assertThat(subnet.path("type").asText()).isEqualTo("Microsoft.Network/virtualNetworks/subnets");
    assertThat(subnet.path("properties").path("addressPrefix").asText())
        .isEqualTo("192.168.2.0/24");
    assertThat(subnet.path("properties").path("privateEndpointNetworkPolicies").asText())
        .isEqualTo("Disabled");
    assertThat(subnet.path("properties").path("privateLinkServiceNetworkPolicies").asText())
        .isEqualTo("Enabled");
    assertThat(subnet.path("properties").path("provisioningState").asText()).isEqualTo("Succeeded");

    JsonNode list =
        f.moat
            .arm()
            .get(
                f.moat.groupPath("seed-shape") + "/providers/Microsoft.Network/virtualNetworks",
                NetworkFixture.V)
            .body();
    assertThat(list.path("value")).hasSize(2);
    JsonNode bySub =
        f.moat
            .arm()
            .get(
                "/subscriptions/"
                    + f.moat.subscriptionId()
                    + "/providers/Microsoft.Network/virtualNetworks",
                "2025-03-01")
            .expectStatus(200)
            .body();
    assertThat(bySub.path("value").size()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void privateEndpointGivesTheRegistryMembersAddressesInTheAcrSubnet() {
    f.seedNetwork("seed-pe");
    ResourceId registry = f.registry("seed-pe", "myacr");
    JsonNode pe =
        f.putAndWait(
            f.net("seed-pe", "privateEndpoints", "myPrivateEndpoint"),
            NetworkFixture.endpointBody(f.subnetId("seed-pe", "acr-subnet"), registry));

    JsonNode connection = pe.path("properties").path("privateLinkServiceConnections").get(0);
    assertThat(
            connection
                .path("properties")
                .path("privateLinkServiceConnectionState")
                .path("status")
                .asText())
        .isEqualTo("Approved");
    assertThat(
            connection
                .path("properties")
                .path("privateLinkServiceConnectionState")
                .path("description")
                .asText())
        .isEqualTo("Auto-Approved");
    assertThat(connection.path("properties").path("groupIds").get(0).asText())
        .isEqualTo("registry");

    JsonNode nic = f.nicOf(pe);
    assertThat(nic.path("name").asText()).startsWith("myPrivateEndpoint.nic.");
    assertThat(nic.path("properties").path("privateEndpoint").path("id").asText())
        .isEqualTo(pe.path("id").asText());
    assertThat(NetworkFixture.addressesOf(nic, "registry")).containsExactly("192.168.2.4");
    assertThat(NetworkFixture.addressesOf(nic, "registry_data_eastus"))
        .containsExactly("192.168.2.5");
    JsonNode first = nic.path("properties").path("ipConfigurations").get(0).path("properties");
    assertThat(first.path("primary").asBoolean()).isTrue();
    assertThat(first.path("subnet").path("id").asText())
        .isEqualTo(f.subnetId("seed-pe", "acr-subnet"));
    assertThat(first.path("privateLinkConnectionProperties").path("fqdns").get(0).asText())
        .isEqualTo("myacr.azurecr.io");

    assertThat(pe.path("properties").path("customDnsConfigs")).hasSize(2);
    assertThat(pe.path("properties").path("customDnsConfigs").get(1).path("fqdn").asText())
        .isEqualTo("myacr.eastus.data.azurecr.io");

    JsonNode subnet =
        f.moat.arm().get(f.subnetId("seed-pe", "acr-subnet"), NetworkFixture.V).body();
    assertThat(subnet.path("properties").path("privateEndpoints").get(0).path("id").asText())
        .isEqualTo(pe.path("id").asText());
    assertThat(subnet.path("properties").path("ipConfigurations")).hasSize(2);

    List<PrivateEndpointConnections.Connection> connections =
        f.network.get().connections().connectionsTo(registry);
    assertThat(connections).hasSize(1);
    assertThat(connections.get(0).status()).isEqualTo("Approved");
    assertThat(connections.get(0).addresses())
        .isEqualTo(Map.of("registry", "192.168.2.4", "registry_data_eastus", "192.168.2.5"));
    assertThat(f.network.get().inventory().endpointAddresses())
        .anyMatch(
            a ->
                a.ipAddress().equals("192.168.2.5")
                    && a.memberName().equals("registry_data_eastus")
                    && a.fqdns().contains("myacr.eastus.data.azurecr.io")
                    && a.target().equals(registry));
    assertThat(f.network.get().inventory().virtualNetworks())
        .anyMatch(
            v ->
                v.id().toString().equals(f.net("seed-pe", "virtualNetworks", "vnet"))
                    && v.subnets().size() == 2);
  }

  @Test
  void deletingTheEndpointFreesItsAddressesAndNic() {
    f.seedNetwork("seed-free");
    ResourceId registry = f.registry("seed-free", "freeacr");
    String pePath = f.net("seed-free", "privateEndpoints", "pe1");
    JsonNode pe =
        f.putAndWait(
            pePath, NetworkFixture.endpointBody(f.subnetId("seed-free", "acr-subnet"), registry));
    String nicId = pe.path("properties").path("networkInterfaces").get(0).path("id").asText();

    f.moat
        .arm()
        .put(nicId, NetworkFixture.V, "{\"location\":\"eastus\"}")
        .expectError(400, "CannotModifyNicAttachedToPrivateEndpoint");
    f.moat
        .arm()
        .delete(nicId, NetworkFixture.V)
        .expectError(400, "CannotModifyNicAttachedToPrivateEndpoint");
    f.moat
        .arm()
        .delete(f.subnetId("seed-free", "acr-subnet"), NetworkFixture.V)
        .expectError(400, "InUseSubnetCannotBeDeleted");
    f.moat
        .arm()
        .delete(f.net("seed-free", "virtualNetworks", "vnet"), NetworkFixture.V)
        .expectError(400, "InUseSubnetCannotBeDeleted");
    assertThat(f.moat.arm().get(f.subnetId("seed-free", "acr-subnet"), NetworkFixture.V).status())
        .isEqualTo(200);

    f.deleteAndWait(pePath);
    f.moat.arm().get(pePath, NetworkFixture.V).expectError(404, "ResourceNotFound");
    f.moat.arm().get(nicId, NetworkFixture.V).expectError(404, "ResourceNotFound");
    assertThat(connectionsTo(registry)).isEmpty();

    JsonNode again =
        f.putAndWait(
            f.net("seed-free", "privateEndpoints", "pe2"),
            NetworkFixture.endpointBody(f.subnetId("seed-free", "acr-subnet"), registry));
    JsonNode nic = f.nicOf(again);
    assertThat(NetworkFixture.addressesOf(nic, "registry")).containsExactly("192.168.2.4");
    assertThat(NetworkFixture.addressesOf(nic, "registry_data_eastus"))
        .containsExactly("192.168.2.5");
  }

  @Test
  void zoneGroupWritesTheRecordsAndRemovesThem() {
    f.seedNetwork("seed-dns");
    ResourceId registry = f.registry("seed-dns", "dnsacr");
    ResourceId zone =
        ResourceId.parse(
            f.moat.groupPath("seed-dns")
                + "/providers/Microsoft.Network/privateDnsZones/privatelink.azurecr.io");
    f.dns.zones.put(zone, "privatelink.azurecr.io");
    String pePath = f.net("seed-dns", "privateEndpoints", "pe");
    f.putAndWait(
        pePath, NetworkFixture.endpointBody(f.subnetId("seed-dns", "acr-subnet"), registry));

    String groupPath = pePath + "/privateDnsZoneGroups/default";
    JsonNode group =
        f.putAndWait(
            groupPath,
            "{\"properties\":{\"privateDnsZoneConfigs\":[{\"name\":\"privatelink-azurecr-io\",\"properties\":{\"privateDnsZoneId\":\""
                + zone
                + "\"}}]}}");
    assertThat(f.dns.records)
        .containsEntry("privatelink.azurecr.io/dnsacr", List.of("192.168.2.4"))
        .containsEntry("privatelink.azurecr.io/dnsacr.eastus.data", List.of("192.168.2.5"));
    JsonNode recordSets =
        group
            .path("properties")
            .path("privateDnsZoneConfigs")
            .get(0)
            .path("properties")
            .path("recordSets");
    assertThat(recordSets).hasSize(2);
    assertThat(recordSets.get(1).path("fqdn").asText())
        .isEqualTo("dnsacr.eastus.data.privatelink.azurecr.io");
    assertThat(
            f.moat
                .arm()
                .get(pePath, NetworkFixture.V)
                .body()
                .path("properties")
                .path("customDnsConfigs"))
        .isEmpty();

    f.deleteAndWait(groupPath);
    assertThat(f.dns.records).doesNotContainKey("privatelink.azurecr.io/dnsacr");

    f.putAndWait(
        groupPath,
        "{\"properties\":{\"privateDnsZoneConfigs\":[{\"name\":\"z\",\"properties\":{\"privateDnsZoneId\":\""
            + zone
            + "\"}}]}}");
    assertThat(f.dns.records).containsKey("privatelink.azurecr.io/dnsacr");
    f.deleteAndWait(pePath);
    assertThat(f.dns.records.keySet()).noneMatch(k -> k.contains("dnsacr"));

    f.moat
        .arm()
        .put(
            groupPath,
            NetworkFixture.V,
            "{\"properties\":{\"privateDnsZoneConfigs\":[{\"name\":\"z\",\"properties\":{\"privateDnsZoneId\":\""
                + zone
                + "\"}}]}}")
        .expectError(404, "ResourceNotFound");
  }

  private static List<PrivateEndpointConnections.Connection> connectionsTo(ResourceId target) {
    return f.network.get().connections().connectionsTo(target);
  }
}
