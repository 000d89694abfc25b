package dev.moat.network.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moat.testing.ArmResult;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rule families of the spec-derived tables on network types, each with Azure's status and code,
 * and a GET afterwards showing nothing changed.
 */
class SpecRulesTest {
  private static final String V = NetworkFixture.V;
  private static final String DELEGATED_TO_AKS =
      "{\"name\":\"Microsoft.ContainerService/managedClusters\",\"properties\":{\"serviceName\":"
          + "\"Microsoft.ContainerService/managedClusters\"}}";
  private static NetworkFixture f;

  @BeforeAll
  static void start() {
    f = new NetworkFixture();
    f.seedNetwork("rules");
  }

  @AfterAll
  static void stop() {
    f.close();
  }

  /**
   * The Azure SDK for Java's {@code withDelegation(service)} names the delegation after the service
   * (a name with a slash). Azure accepts it; Moat answered 500 to the PUT and to every later GET.
   */
  @Test
  void aDelegationNamedAfterItsServiceIsStoredAndReadsBack() {
    String subnet = f.subnetId("rules", "sdk-delegated");
    JsonNode created =
        f.putAndWait(
            subnet,
            "{\"properties\":{\"addressPrefix\":\"192.168.7.0/28\",\"delegations\":["
                + DELEGATED_TO_AKS
                + "]}}");
    JsonNode delegation = created.path("properties").path("delegations").get(0);
    assertThat(delegation.path("name").asText())
        .isEqualTo("Microsoft.ContainerService/managedClusters");
    assertThat(delegation.path("id").asText())
        .isEqualTo(subnet + "/delegations/Microsoft.ContainerService/managedClusters");
    f.moat.arm().get(f.net("rules", "virtualNetworks", "vnet"), V).expectStatus(200);
    f.moat.arm().get(f.net("rules", "virtualNetworks", "vnet") + "/subnets", V).expectStatus(200);

    // Inline in a VNet PUT too.
    String vnet = f.net("rules", "virtualNetworks", "inline-delegated");
    f.putAndWait(
        vnet,
        "{\"location\":\"eastus\",\"properties\":{\"addressSpace\":{\"addressPrefixes\":"
            + "[\"10.9.0.0/16\"]},\"subnets\":[{\"name\":\"api\",\"properties\":{\"addressPrefix\":"
            + "\"10.9.0.0/28\",\"delegations\":["
            + DELEGATED_TO_AKS
            + "]}}]}}");
    assertThat(
            f.moat
                .arm()
                .get(vnet + "/subnets/api", V)
                .expectStatus(200)
                .body()
                .path("properties")
                .path("delegations")
                .get(0)
                .path("properties")
                .path("serviceName")
                .asText())
        .isEqualTo("Microsoft.ContainerService/managedClusters");
  }

  @Test
  void aDelegationToAnUnknownServiceIsRefused() {
    String subnet = f.subnetId("rules", "bad-delegation");
    for (String service :
        new String[] {"Microsoft.Foo/bars", "Microsoft.ContainerRegistry/registries"}) {
      f.moat
          .arm()
          .put(
              subnet,
              V,
              "{\"properties\":{\"addressPrefix\":\"192.168.8.0/28\",\"delegations\":[{\"name\":\"d\","
                  + "\"properties\":{\"serviceName\":\""
                  + service
                  + "\"}}]}}")
          .expectError(400, "InvalidServiceNameOnDelegation");
    }
    f.moat.arm().get(subnet, V).expectError(404, "NotFound");
  }

  @ParameterizedTest
  @ValueSource(strings = {"-lead", "trail-", "a", "emoji\uD83D\uDE00", "dot.", "sp ace"})
  void virtualNetworkNamesOutsideAzuresRulesAreInvalidResourceName(String name) {
    String path =
        f.net(
            "rules",
            "virtualNetworks",
            java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20"));
    ArmResult r =
        f.moat
            .arm()
            .put(
                path,
                V,
                "{\"location\":\"eastus\",\"properties\":{\"addressSpace\":{\"addressPrefixes\":"
                    + "[\"10.20.0.0/16\"]}}}");
    r.expectError(400, "InvalidResourceName");
    assertThat(r.errorMessage()).contains("The name can be up to 64 characters long");
  }

  @Test
  void namesAtAzuresLimitsAreAccepted() {
    String longest = "v" + "n".repeat(62) + "_";
    f.putAndWait(
        f.net("rules", "virtualNetworks", longest),
        "{\"location\":\"eastus\",\"properties\":{\"addressSpace\":{\"addressPrefixes\":"
            + "[\"10.21.0.0/16\"]}}}");
    f.moat
        .arm()
        .put(
            f.net("rules", "virtualNetworks", longest + "x"),
            V,
            "{\"location\":\"eastus\",\"properties\":{}}")
        .expectError(400, "InvalidResourceName");
    String subnet81 = f.subnetId("rules", "s".repeat(81));
    f.moat
        .arm()
        .put(subnet81, V, "{\"properties\":{\"addressPrefix\":\"192.168.9.0/28\"}}")
        .expectError(400, "InvalidResourceName");
    f.moat
        .arm()
        .put(
            f.net("rules", "virtualNetworks", "inline-names"),
            V,
            "{\"location\":\"eastus\",\"properties\":{\"addressSpace\":{\"addressPrefixes\":"
                + "[\"10.22.0.0/16\"]},\"subnets\":[{\"name\":\"a/b\",\"properties\":"
                + "{\"addressPrefix\":\"10.22.0.0/24\"}}]}}")
        .expectError(400, "InvalidResourceName");
    f.moat
        .arm()
        .get(f.net("rules", "virtualNetworks", "inline-names"), V)
        .expectError(404, "ResourceNotFound");
  }

  @Test
  void envelopeRulesApplyToNetworkTypes() {
    String vnet = f.net("rules", "virtualNetworks", "vnet");
    JsonNode before = f.moat.arm().get(vnet, V).body();
    String tooMany =
        IntStream.range(0, 51)
            .mapToObj(i -> "\"t" + i + "\":\"v\"")
            .collect(Collectors.joining(","));
    f.moat.arm().patch(vnet, V, "{\"tags\":{" + tooMany + "}}").expectError(400, "InvalidTemplate");
    f.moat
        .arm()
        .patch(vnet, V, "{\"tags\":{\"k\":\"" + "v".repeat(257) + "\"}}")
        .expectError(400, "InvalidTagValueLength");
    f.moat
        .arm()
        .put(
            vnet,
            V,
            "{\"location\":\"eastus\",\"tags\":{\""
                + "k".repeat(513)
                + "\":\"v\"},\"properties\":"
                + "{\"addressSpace\":{\"addressPrefixes\":[\"192.168.0.0/16\"]}}}")
        .expectError(400, "InvalidTagNameLength");
    f.moat
        .arm()
        .call(
            "PUT",
            vnet,
            V,
            "{\"location\":\"eastus\"}",
            java.util.Map.of("Content-Type", "text/plain"))
        .expectError(415, "UnsupportedMediaType");
    f.moat
        .arm()
        .call(
            "PUT",
            vnet,
            V,
            "location=eastus",
            java.util.Map.of("Content-Type", "application/x-www-form-urlencoded"))
        .expectError(415, "UnsupportedMediaType");
    f.moat
        .arm()
        .put(vnet.replace(f.moat.subscriptionId(), "not-a-subscription"), V, "{}")
        .expectError(400, "InvalidSubscriptionId");
    f.moat
        .arm()
        .put(f.net("rules", "virtualNetworks", "mars"), V, "{\"location\":\"mars\"}")
        .expectError(400, "LocationNotAvailableForResourceType");
    assertThat(f.moat.arm().get(vnet, V).body()).isEqualTo(before);
  }

  @Test
  void aPrivateEndpointNeedsAConnection() {
    String pe = f.net("rules", "privateEndpoints", "no-connection");
    f.moat
        .arm()
        .put(
            pe,
            V,
            "{\"location\":\"eastus\",\"properties\":{\"subnet\":{\"id\":\""
                + f.subnetId("rules", "acr-subnet")
                + "\"}}}")
        .expectError(400, "PrivateEndpointMustHaveOnePrivateLinkServiceConnection");
    f.moat.arm().get(pe, V).expectError(404, "ResourceNotFound");
  }

  @Test
  void specTypesAndRangesAreChecked() {
    String nic = f.net("rules", "networkInterfaces", "nic1");
    f.moat
        .arm()
        .put(
            nic,
            V,
            "{\"location\":\"eastus\",\"properties\":{\"ipConfigurations\":[{\"name\":\"ip\","
                + "\"properties\":{\"privateIPAddressPrefixLength\":129}}]}}")
        .expectError(400, "InvalidParameter");
    f.moat
        .arm()
        .put(
            f.net("rules", "virtualNetworks", "typed"),
            V,
            "{\"location\":\"eastus\",\"properties\":{\"addressSpace\":{\"addressPrefixes\":"
                + "\"10.0.0.0/16\"}}}")
        .expectError(400, "InvalidRequestContent");
    f.moat.arm().get(nic, V).expectError(404, "ResourceNotFound");
  }
}
