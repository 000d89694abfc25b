package dev.moat.containerservice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moat.testing.ArmResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * AKS's rule families from the spec tables and the RP rules on top of them: each answers AKS's
 * status and code, and a GET afterwards shows nothing was created or changed.
 */
class SpecRulesTest {
  private static AksFixture f;
  private static String cluster;

  @BeforeAll
  static void start() {
    f = new AksFixture();
    f.moat.createGroup("specrules", "eastus");
    cluster = f.cluster("specrules", "aks1");
    f.putCluster(cluster, body("\"dnsPrefix\":\"aks1\"", pool("nodepool1", 1, "System"), ""));
  }

  @AfterAll
  static void stop() {
    f.close();
  }

  static String pool(String name, int count, String mode) {
    return "{\"name\":\"" + name + "\",\"count\":" + count + ",\"mode\":\"" + mode + "\"}";
  }

  static String body(String dnsPrefix, String pools, String extra) {
    return "{\"location\":\"eastus\",\"identity\":{\"type\":\"SystemAssigned\"},\"properties\":{"
        + "\"kubernetesVersion\":\"1.30\","
        + dnsPrefix
        + ",\"agentPoolProfiles\":["
        + pools
        + "]"
        + extra
        + "}}";
  }

  private static void rejectedAndNothingCreated(String json, String code, String target) {
    String other = f.cluster("specrules", "other");
    ArmResult r = f.moat.arm().put(other, AksFixture.AKS, json);
    r.expectError(400, code);
    if (target != null) {
      assertThat(r.body().path("error").path("target").asText()).isEqualTo(target);
    }
    f.moat.arm().get(other, AksFixture.AKS).expectError(404, "ResourceNotFound");
  }

  @ParameterizedTest
  @CsvSource({
    "0, System, agentPoolProfile.count",
    "-1, User, agentPoolProfile.count",
    "1001, User, agentPoolProfile.count",
    "1001, System, agentPoolProfile.count"
  })
  void poolCountsOutsideAksLimits(int count, String mode, String target) {
    rejectedAndNothingCreated(
        body(
            "\"dnsPrefix\":\"other\"",
            pool("sys", 1, "System") + "," + pool("pool2", count, mode),
            ""),
        "InvalidParameter",
        target);
  }

  @Test
  void aClusterWithOnlyUserPoolsMustDefineASystemPool() {
    rejectedAndNothingCreated(
        body("\"dnsPrefix\":\"other\"", pool("user1", 1, "User"), ""),
        "MustDefineAtLeastOneSystemPool",
        null);
  }

  @ParameterizedTest
  @CsvSource({"-leading", "trailing-", "has_underscore", "dns.dot"})
  void dnsPrefixOutsideItsPattern(String prefix) {
    rejectedAndNothingCreated(
        body("\"dnsPrefix\":\"" + prefix + "\"", pool("sys", 1, "System"), ""),
        "InvalidParameter",
        "dnsPrefix");
  }

  @Test
  void dnsPrefixLongerThan54() {
    rejectedAndNothingCreated(
        body("\"dnsPrefix\":\"" + "a".repeat(55) + "\"", pool("sys", 1, "System"), ""),
        "InvalidParameter",
        "dnsPrefix");
  }

  @ParameterizedTest
  @CsvSource({
    "10.100.0.0/33, 10.100.0.10, networkProfile.serviceCidr",
    "10.100.0.1/16, 10.100.0.10, networkProfile.serviceCidr",
    "10.100.0.0/16, 10.200.0.10, networkProfile.dnsServiceIP",
    "10.100.0.0/16, 10.100.0.0, networkProfile.dnsServiceIP",
    "10.100.0.0/16, 10.100.0.300, networkProfile.dnsServiceIP"
  })
  void serviceCidrAndDnsServiceIp(String cidr, String dns, String target) {
    rejectedAndNothingCreated(
        body(
            "\"dnsPrefix\":\"other\"",
            pool("sys", 1, "System"),
            ",\"networkProfile\":{\"serviceCidr\":\""
                + cidr
                + "\",\"dnsServiceIP\":\""
                + dns
                + "\"}"),
        "InvalidParameter",
        target);
  }

  @Test
  void identityTypeOutsideItsEnum() {
    rejectedAndNothingCreated(
        body("\"dnsPrefix\":\"other\"", pool("sys", 1, "System"), "")
            .replace("SystemAssigned", "Magic"),
        "InvalidParameter",
        "identity.type");
  }

  @Test
  void clusterAndPoolNamesOutsideAksRules() {
    f.moat
        .arm()
        .put(
            f.cluster("specrules", "-bad"),
            AksFixture.AKS,
            body("\"dnsPrefix\":\"x\"", pool("sys", 1, "System"), ""))
        .expectError(400, "InvalidParameter");
    f.moat
        .arm()
        .put(cluster + "/agentPools/Upper", AksFixture.AKS, "{\"properties\":{\"count\":1}}")
        .expectError(400, "InvalidParameter");
  }

  @Test
  void scalingTheLastSystemPoolToZeroIsRefused() {
    JsonNode before = f.moat.arm().get(cluster + "/agentPools/nodepool1", AksFixture.AKS).body();
    f.moat
        .arm()
        .put(
            cluster + "/agentPools/nodepool1",
            AksFixture.AKS,
            "{\"properties\":{\"count\":0,\"mode\":\"System\"}}")
        .expectError(400, "InvalidParameter");
    f.moat
        .arm()
        .put(cluster + "/agentPools/nodepool1", AksFixture.AKS, "{\"properties\":{\"count\":1001}}")
        .expectError(400, "InvalidParameter");
    assertThat(
            f.moat
                .arm()
                .get(cluster + "/agentPools/nodepool1", AksFixture.AKS)
                .body()
                .path("properties")
                .path("count")
                .asInt())
        .isEqualTo(before.path("properties").path("count").asInt());
  }

  @Test
  void validValuesAtTheLimitsAreAccepted() {
    f.moat
        .arm()
        .put(
            cluster + "/agentPools/user0",
            AksFixture.AKS,
            "{\"properties\":{\"count\":0,\"mode\":\"User\"}}")
        .expectStatus(200, 201);
  }
}
