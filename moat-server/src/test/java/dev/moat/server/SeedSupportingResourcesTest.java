package dev.moat.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moat.testing.ArmResult;
import dev.moat.testing.TestMoat;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * The seed's "bring your own ACR" steps 1 and 3–6 as the ARM calls `az` makes, against the whole
 * cloud, then what a VM in the VNet resolves through its real DNS view.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeedSupportingResourcesTest {
  private static final String LOCATION = "eastus";
  private static final String REGISTRY = "moatseedacr";
  private static TestMoat moat;
  private static String rg;
  private static String vnet;
  private static String registryId;
  private static String registryIp;
  private static String dataIp;

  @BeforeAll
  static void start() {
    moat = TestMoat.start(MoatCloud::assemble);
    rg = moat.createGroup("seed-rg", LOCATION);
    vnet = rg + "/providers/Microsoft.Network/virtualNetworks/seed-vnet";
  }

  @AfterAll
  static void stop() {
    moat.close();
  }

  private static JsonNode await(ArmResult r) {
    return moat.arm().awaitSucceeded(r);
  }

  @Test
  @Order(1)
  void step1VirtualNetworkAndSubnets() {
    await(
        moat.arm()
            .put(
                vnet,
                "2024-05-01",
                "{\"location\":\"eastus\",\"properties\":{\"addressSpace\":{\"addressPrefixes\":[\"192.168.0.0/16\"]}}}"));
    await(
        moat.arm()
            .put(
                vnet + "/subnets/aks-subnet",
                "2024-05-01",
                "{\"properties\":{\"addressPrefix\":\"192.168.1.0/24\"}}"));
    await(
        moat.arm()
            .put(
                vnet + "/subnets/acr-subnet",
                "2024-05-01",
                "{\"properties\":{\"addressPrefix\":\"192.168.2.0/24\",\"privateEndpointNetworkPolicies\":\"Disabled\"}}"));
    JsonNode subnet =
        moat.arm().get(vnet + "/subnets/acr-subnet", "2024-05-01").expectStatus(200).body();
    assertThat(subnet.path("properties").path("privateEndpointNetworkPolicies").asText())
        .isEqualTo("Disabled");
  }

  @Test
  @Order(2)
  void step3PremiumRegistryWithoutPublicAccessAndTheCacheRule() {
    String registry = rg + "/providers/Microsoft.ContainerRegistry/registries/" + REGISTRY;
    JsonNode created =
        await(
            moat.arm()
                .put(
                    registry,
                    "2025-11-01",
                    "{\"location\":\"eastus\",\"sku\":{\"name\":\"Premium\"},\"properties\":{\"publicNetworkAccess\":\"Disabled\"}}"));
    registryId = created.path("id").asText();
    await(
        moat.arm()
            .put(
                registry + "/cacheRules/aks-managed-mcr",
                "2025-11-01",
                "{\"properties\":{\"sourceRepository\":\"mcr.microsoft.com/*\",\"targetRepository\":\"aks-managed-repository/*\"}}"));
    JsonNode rule = moat.arm().get(registry + "/cacheRules/aks-managed-mcr", "2025-11-01").body();
    assertThat(rule.path("properties").path("targetRepository").asText())
        .isEqualTo("aks-managed-repository/*");
  }

  @Test
  @Order(3)
  void step4PrivateEndpointAndItsNic() {
    String pe = rg + "/providers/Microsoft.Network/privateEndpoints/myPrivateEndpoint";
    await(
        moat.arm()
            .put(
                pe,
                "2024-05-01",
                "{\"location\":\"eastus\",\"properties\":{\"subnet\":{\"id\":\""
                    + vnet
                    + "/subnets/acr-subnet\"},\"privateLinkServiceConnections\":[{\"name\":\"myConnection\",\"properties\":{\"privateLinkServiceId\":\""
                    + registryId
                    + "\",\"groupIds\":[\"registry\"]}}]}}"));
    String nicId =
        moat.arm()
            .get(pe, "2024-05-01")
            .body()
            .path("properties")
            .path("networkInterfaces")
            .get(0)
            .path("id")
            .asText();
    JsonNode nic = moat.arm().get(nicId, "2024-05-01").expectStatus(200).body();
    for (JsonNode ipc : nic.path("properties").path("ipConfigurations")) {
      JsonNode props = ipc.path("properties");
      String member =
          props.path("privateLinkConnectionProperties").path("requiredMemberName").asText();
      if (member.equals("registry")) {
        registryIp = props.path("privateIPAddress").asText();
      } else if (member.equals("registry_data_" + LOCATION)) {
        dataIp = props.path("privateIPAddress").asText();
      }
    }
    assertThat(registryIp).startsWith("192.168.2.");
    assertThat(dataIp).startsWith("192.168.2.").isNotEqualTo(registryIp);
  }

  @Test
  @Order(4)
  void step5PrivateDnsZoneLinkAndRecords() {
    String zone = rg + "/providers/Microsoft.Network/privateDnsZones/privatelink.azurecr.io";
    await(moat.arm().put(zone, "2024-06-01", "{\"location\":\"global\"}"));
    await(
        moat.arm()
            .put(
                zone + "/virtualNetworkLinks/MyDNSLink",
                "2024-06-01",
                "{\"location\":\"global\",\"properties\":{\"virtualNetwork\":{\"id\":\""
                    + vnet
                    + "\"},\"registrationEnabled\":false}}"));
    putRecord(zone, REGISTRY, registryIp);
    putRecord(zone, REGISTRY + "." + LOCATION + ".data", dataIp);
  }

  private static void putRecord(String zone, String name, String ip) {
    moat.arm()
        .put(zone + "/A/" + name, "2024-06-01", "{\"properties\":{\"ttl\":3600,\"aRecords\":[]}}")
        .expectStatus(201);
    moat.arm()
        .put(
            zone + "/A/" + name,
            "2024-06-01",
            "{\"properties\":{\"ttl\":3600,\"aRecords\":[{\"ipv4Address\":\"" + ip + "\"}]}}")
        .expectStatus(200);
  }

  @Test
  @Order(5)
  void step6IdentitiesAndAcrPull() {
    String kubelet = rg + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/kubelet-id";
    String principal =
        moat.arm()
            .put(kubelet, "2023-01-31", "{\"location\":\"eastus\"}")
            .expectStatus(201)
            .body()
            .path("properties")
            .path("principalId")
            .asText();
    moat.arm()
        .put(
            rg + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/cp-id",
            "2023-01-31",
            "{\"location\":\"eastus\"}")
        .expectStatus(201);
    JsonNode roles =
        moat.arm()
            .get(
                registryId
                    + "/providers/Microsoft.Authorization/roleDefinitions?$filter=roleName%20eq%20'AcrPull'",
                "2022-04-01")
            .expectStatus(200)
            .body();
    String roleId = roles.path("value").get(0).path("id").asText();
    moat.arm()
        .put(
            registryId + "/providers/Microsoft.Authorization/roleAssignments/" + UUID.randomUUID(),
            "2022-04-01",
            "{\"properties\":{\"roleDefinitionId\":\""
                + roleId
                + "\",\"principalId\":\""
                + principal
                + "\",\"principalType\":\"ServicePrincipal\"}}")
        .expectStatus(201);
  }

  @Test
  @Order(6)
  void theVnetViewResolvesTheRegistryPrivatelyAndTheHostPublicly() throws Exception {
    JsonNode views =
        moat.arm()
            .getUrl(moat.endpoint() + FabricRoutes.DNS_VIEWS)
            .expectStatus(200)
            .body()
            .path("value");
    int vnetPort = -1;
    int hostPort = -1;
    for (JsonNode v : views) {
      if (v.path("kind").asText().equals("host")) {
        hostPort = v.path("port").asInt();
      } else if (v.path("virtualNetworkId").asText().equalsIgnoreCase(vnet)) {
        vnetPort = v.path("port").asInt();
      }
    }
    assertThat(vnetPort).isPositive();
    assertThat(hostPort).isPositive();

    String login = REGISTRY + ".azurecr.io";
    String data = REGISTRY + "." + LOCATION + ".data.azurecr.io";
    assertThat(addresses(vnetPort, login)).containsExactly(registryIp);
    assertThat(addresses(vnetPort, data)).containsExactly(dataIp);
    assertThat(addresses(hostPort, login))
        .hasSize(1)
        .allSatisfy(ip -> assertThat(ip).doesNotStartWith("192.168."));

    // Without the data endpoint's record the authoritative private zone answers NXDOMAIN, as
    // Azure's resolver does for a link with resolutionPolicy Default (TS4).
    String zone = rg + "/providers/Microsoft.Network/privateDnsZones/privatelink.azurecr.io";
    moat.arm()
        .delete(zone + "/A/" + REGISTRY + "." + LOCATION + ".data", "2024-06-01")
        .expectStatus(200, 204);
    assertThat(query(vnetPort, data).getRcode()).isEqualTo(Rcode.NXDOMAIN);
    assertThat(addresses(vnetPort, login)).containsExactly(registryIp);
  }

  @Test
  @Order(7)
  void resourcesInAMissingGroupAnswerResourceGroupNotFound() {
    String missing = moat.groupPath("no-such-rg");
    moat.arm()
        .get(missing + "/providers/Microsoft.Network/virtualNetworks/v", "2024-05-01")
        .expectError(404, "ResourceGroupNotFound");
    moat.arm()
        .get(missing + "/providers/Microsoft.ContainerRegistry/registries/nosuchacr1", "2025-11-01")
        .expectError(404, "ResourceGroupNotFound");
    moat.arm()
        .get(rg + "/providers/Microsoft.Network/virtualNetworks/absent", "2024-05-01")
        .expectStatus(404);
  }

  private static Message query(int port, String name) throws Exception {
    SimpleResolver resolver = new SimpleResolver(InetAddress.getLoopbackAddress());
    resolver.setPort(port);
    return resolver.send(
        Message.newQuery(Record.newRecord(Name.fromString(name + "."), Type.A, DClass.IN)));
  }

  private static List<String> addresses(int port, String name) throws Exception {
    List<String> out = new ArrayList<>();
    for (Record r : query(port, name).getSection(Section.ANSWER)) {
      if (r instanceof ARecord a) {
        out.add(a.getAddress().getHostAddress());
      }
    }
    return out;
  }
}
