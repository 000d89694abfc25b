package dev.moat.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moat.platform.contracts.NodeBootstrapper.NodeOutcome;
import dev.moat.platform.contracts.NodeBootstrapper.NodeSpec;
import dev.moat.platform.id.ResourceId;
import dev.moat.registry.proxy.CacheStatistics;
import dev.moat.testing.TestMoat;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Node agents bootstrapping through the seed's BYO layout for real: VNet DNS view, fabric ingress,
 * IMDS token, ACR token exchange, pull-through cache of the MCR stand-in.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NodeBootstrapTest {
  private static final String ACR = "nodeseedacr";
  private static IsolatedAcrFixture fixture;
  private static TestMoat moat;
  private static MoatCloud.Wiring wiring;
  private static String rg;
  private static ResourceId kubelet;

  @BeforeAll
  static void start() {
    fixture = new IsolatedAcrFixture(ACR);
    moat = fixture.moat;
    wiring = fixture.wiring();
    rg = fixture.rg;
    kubelet = fixture.kubelet;
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  private static NodeSpec node(String name, String ip, ResourceId identity) {
    return fixture.isolatedNode(name, ip, identity);
  }

  @Test
  @Order(1)
  void aNodePullsEveryArtifactThroughThePrivateCacheOncePerBlob() {
    NodeOutcome first =
        wiring.nodes().bootstrap(node("aks-nodepool1-vmss000000", "192.168.1.4", kubelet));
    assertThat(first.message()).isEqualTo("Ready");
    assertThat(first.ready()).isTrue();
    assertThat(first.pulled())
        .isNotEmpty()
        .allSatisfy(p -> assertThat(p).startsWith(ACR + ".azurecr.io/aks-managed-repository/"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .contains(
                        "oss/binaries/kubernetes/kubernetes-node:v1.30.3-linux-amd64@sha256:"));
    CacheStatistics afterFirst = wiring.dataPlane().statistics(ACR);
    long distinctBlobs = 2L * first.pulled().size(); // each synthetic artifact: config + one layer
    assertThat(afterFirst.blobFetches()).isEqualTo(distinctBlobs);
    assertThat(afterFirst.manifestFetches()).isEqualTo(first.pulled().size());

    NodeOutcome second =
        wiring.nodes().bootstrap(node("aks-nodepool1-vmss000001", "192.168.1.5", kubelet));
    assertThat(second.ready()).isTrue();
    assertThat(second.pulled()).isEqualTo(first.pulled());
    CacheStatistics afterSecond = wiring.dataPlane().statistics(ACR);
    assertThat(afterSecond.blobFetches())
        .as("no new upstream blob fetches")
        .isEqualTo(distinctBlobs);
    assertThat(afterSecond.cacheHits()).isGreaterThan(afterFirst.cacheHits());
    // The same counters, as GET /moat/registries publishes them.
    for (var r :
        moat.arm().getUrl(moat.endpoint() + RegistryEndpointRoutes.PATH).body().path("value")) {
      if (r.path("loginServer").asText().equals(ACR + ".azurecr.io")) {
        assertThat(r.path("cache").path("blobFetches").asLong()).isEqualTo(distinctBlobs);
      }
    }
  }

  @Test
  @Order(2)
  void withoutAcrPullTheExchangedTokenCannotPull() {
    ResourceId stranger =
        ResourceId.parse(
            rg + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/stranger");
    moat.arm()
        .put(stranger.toString(), "2023-01-31", "{\"location\":\"eastus\"}")
        .expectStatus(201);
    NodeOutcome outcome =
        wiring.nodes().bootstrap(node("aks-nodepool1-vmss000002", "192.168.1.6", stranger));
    assertThat(outcome.ready()).isFalse();
    assertThat(outcome.exitCode()).isEqualTo(212);
    assertThat(outcome.exitName()).isEqualTo("ERR_ORAS_PULL_UNAUTHORIZED");
    assertThat(outcome.message()).contains("unauthorized");
  }

  @Test
  @Order(3)
  void theHostIsDeniedByTheRegistrysNetworkRules() throws Exception {
    String endpoint = null;
    for (var r :
        moat.arm()
            .getUrl(moat.endpoint() + RegistryEndpointRoutes.PATH)
            .expectStatus(200)
            .body()
            .path("value")) {
      if (r.path("loginServer").asText().equals(ACR + ".azurecr.io")) {
        endpoint = r.path("hostEndpoint").asText();
      }
    }
    assertThat(endpoint).isNotNull();
    HttpResponse<String> r =
        HttpClient.newBuilder()
            .sslContext(moat.sslContext())
            .build()
            .send(
                HttpRequest.newBuilder(URI.create("https://" + endpoint + "/v2/")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(r.body())
        .contains("DENIED")
        .contains("is not allowed access. Refer https://aka.ms/acr/firewall to grant access.");
  }

  @Test
  @Order(4)
  void withoutTheDataEndpointRecordBlobDownloadsFail() {
    String zone = rg + "/providers/Microsoft.Network/privateDnsZones/privatelink.azurecr.io";
    moat.arm().delete(zone + "/A/" + ACR + ".eastus.data", "2024-06-01").expectStatus(200, 204);
    NodeOutcome outcome =
        wiring.nodes().bootstrap(node("aks-nodepool1-vmss000003", "192.168.1.7", kubelet));
    assertThat(outcome.ready()).isFalse();
    assertThat(outcome.exitCode()).isEqualTo(211);
    assertThat(outcome.message())
        .contains(ACR + ".eastus.data.azurecr.io")
        .contains("no such host");
  }
}
