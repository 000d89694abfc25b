package dev.moat.server.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moat.arm.validation.SpecTable;
import dev.moat.platform.id.ResourceType;
import dev.moat.platform.json.Json;
import dev.moat.server.MoatCloud;
import dev.moat.testing.ArmResult;
import dev.moat.testing.TestMoat;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property: for every served type, bodies generated from its spec table (fixed seed, bounded count)
 * get a 2xx or a 4xx, never a 5xx, and everything Moat stored reads back (the item, its parent and
 * its collection).
 */
class ValidInputPropertyTest {
  private static final long SEED = 12;
  private static final int BODIES_PER_TYPE = 12;
  private static TestMoat moat;
  private static String rg;
  private static String sub;

  @BeforeAll
  static void start() {
    moat = TestMoat.start(MoatCloud::assemble);
    sub = moat.subscriptionId();
    rg = moat.createGroup("prop", "eastus");
    put(
        rg + "/providers/Microsoft.Network/virtualNetworks/pvnet",
        "2024-05-01",
        "{\"location\":\"eastus\",\"properties\":{\"addressSpace\":{\"addressPrefixes\":[\"10.200.0.0/16\"]},"
            + "\"subnets\":[{\"name\":\"pe\",\"properties\":{\"addressPrefix\":\"10.200.250.0/24\"}}]}}");
    put(
        rg + "/providers/Microsoft.Network/privateDnsZones/pz.example.com",
        "2024-06-01",
        "{\"location\":\"global\"}");
    put(
        rg + "/providers/Microsoft.ContainerRegistry/registries/propacr",
        "2025-11-01",
        "{\"location\":\"eastus\",\"sku\":{\"name\":\"Premium\"}}");
  }

  @AfterAll
  static void stop() {
    moat.close();
  }

  private static void put(String path, String version, String json) {
    ArmResult r = moat.arm().put(path, version, json).expectStatus(200, 201, 202);
    if (r.header("Azure-AsyncOperation").isPresent()) {
      moat.arm().awaitOperation(r);
    }
  }

  /** A served type: where an item lives, its api-version and a base every body keeps. */
  record Case(String type, String version, IntFunction<String> path, String base) {
    @Override
    public String toString() {
      return type;
    }
  }

  static Stream<Arguments> types() {
    String net = "/providers/Microsoft.Network/";
    List<Case> cases =
        List.of(
            new Case(
                "Microsoft.Resources/resourceGroups",
                "2025-04-01",
                i -> "/subscriptions/" + sub + "/resourceGroups/prop-rg" + i,
                "{\"location\":\"eastus\"}"),
            new Case(
                "Microsoft.Network/virtualNetworks",
                "2024-05-01",
                i -> rg + net + "virtualNetworks/vnet" + i,
                "{\"location\":\"eastus\",\"properties\":{\"addressSpace\":{\"addressPrefixes\":[\"10."
                    + 0
                    + ".0.0/16\"]}}}"),
            new Case(
                "Microsoft.Network/virtualNetworks/subnets",
                "2024-05-01",
                i -> rg + net + "virtualNetworks/pvnet/subnets/s" + i,
                "{\"properties\":{\"addressPrefix\":\"10.200.SLOT.0/24\"}}"),
            new Case(
                "Microsoft.Network/privateEndpoints",
                "2024-05-01",
                i -> rg + net + "privateEndpoints/pe" + i,
                "{\"location\":\"eastus\",\"properties\":{\"subnet\":{\"id\":\""
                    + rg
                    + net
                    + "virtualNetworks/pvnet/subnets/pe\"},"
                    + "\"privateLinkServiceConnections\":[{\"name\":\"c\",\"properties\":{\"privateLinkServiceId\":\""
                    + rg
                    + "/providers/Microsoft.ContainerRegistry/registries/propacr\",\"groupIds\":[\"registry\"]}}]}}"),
            new Case(
                "Microsoft.Network/networkInterfaces",
                "2024-05-01",
                i -> rg + net + "networkInterfaces/nic" + i,
                "{\"location\":\"eastus\"}"),
            new Case(
                "Microsoft.Network/privateDnsZones",
                "2024-06-01",
                i -> rg + net + "privateDnsZones/z" + i + ".example.com",
                "{\"location\":\"global\"}"),
            new Case(
                "Microsoft.Network/privateDnsZones/virtualNetworkLinks",
                "2024-06-01",
                i -> rg + net + "privateDnsZones/z" + i + ".example.com/virtualNetworkLinks/l",
                "{\"location\":\"global\",\"properties\":{\"virtualNetwork\":{\"id\":\""
                    + rg
                    + net
                    + "virtualNetworks/pvnet\"}}}"),
            new Case(
                "Microsoft.Network/privateDnsZones/A",
                "2024-06-01",
                i -> rg + net + "privateDnsZones/pz.example.com/A/r" + i,
                "{\"properties\":{\"ttl\":300,\"aRecords\":[{\"ipv4Address\":\"10.1.1.1\"}]}}"),
            new Case(
                "Microsoft.ManagedIdentity/userAssignedIdentities",
                "2018-11-30",
                i -> rg + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id" + i,
                "{\"location\":\"eastus\"}"),
            new Case(
                "Microsoft.ContainerRegistry/registries",
                "2025-11-01",
                i -> rg + "/providers/Microsoft.ContainerRegistry/registries/propacr" + i,
                "{\"location\":\"eastus\",\"sku\":{\"name\":\"Premium\"}}"),
            new Case(
                "Microsoft.ContainerRegistry/registries/cacheRules",
                "2025-11-01",
                i ->
                    rg
                        + "/providers/Microsoft.ContainerRegistry/registries/propacr/cacheRules/rule"
                        + i,
                "{\"properties\":{\"sourceRepository\":\"mcr.microsoft.com/r"
                    + "\",\"targetRepository\":\"tSLOT\"}}"),
            new Case(
                "Microsoft.ContainerService/managedClusters",
                "2025-10-01",
                i -> rg + "/providers/Microsoft.ContainerService/managedClusters/aks" + i,
                "{\"location\":\"eastus\",\"properties\":{\"dnsPrefix\":\"aks\",\"agentPoolProfiles\":[{\"name\":\"sys\",\"count\":1,\"mode\":\"System\"}]}}"));
    return cases.stream().map(Arguments::of);
  }

  @ParameterizedTest
  @MethodSource("types")
  void specAllowedBodiesNeverGetA5xxAndWhatIsStoredReadsBack(Case c) {
    SpecTable table = SpecTable.load(ResourceType.of(c.type()));
    SpecBodyGenerator generator = new SpecBodyGenerator(table, SEED ^ c.type().hashCode(), sub);
    List<String> stored = new ArrayList<>();
    int accepted = 0;
    java.util.Map<String, Integer> refusals = new java.util.TreeMap<>();
    for (int i = 0; i < BODIES_PER_TYPE; i++) {
      String path = c.path().apply(i);
      JsonNode base = Json.read(c.base().replace("SLOT", String.valueOf(i)), JsonNode.class);
      ObjectNode body = generator.next(base);
      ArmResult r = moat.arm().put(path, c.version(), body.toString());
      assertThat(r.status())
          .as("PUT %s with %s answered %s", path, body, r.rawBody())
          .isLessThan(500);
      if (r.status() < 300) {
        accepted++;
        stored.add(path);
      } else {
        refusals.merge(
            r.errorCode() + " " + r.body().path("error").path("target").asText(), 1, Integer::sum);
      }
      assertThat(moat.arm().get(path, c.version()).status())
          .as("GET %s after PUT %s", path, body)
          .isIn(200, 404);
      String parent = path.substring(0, path.lastIndexOf('/'));
      assertThat(moat.arm().get(parent, c.version()).status())
          .as("GET collection %s after PUT %s", parent, body)
          .isLessThan(500);
    }
    for (String path : stored) {
      assertThat(moat.arm().get(path, c.version()).status()).as("GET %s", path).isEqualTo(200);
    }
    System.out.printf(
        "%s: %d of %d generated bodies accepted; refusals %s%n",
        c.type(), accepted, BODIES_PER_TYPE, refusals);
  }
}
