package dev.moat.containerservice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Each RP rule answers its code, and a rejected request changes nothing. */
class ValidationRulesTest {
  static String cluster(
      String version, String source, String registry, String outbound, String extra) {
    return "{\"location\":\"eastus\",\"properties\":{\"kubernetesVersion\":\""
        + version
        + "\",\"dnsPrefix\":\"aks1\","
        + "\"agentPoolProfiles\":[{\"name\":\"nodepool1\",\"count\":1,\"mode\":\"System\"}],"
        + "\"bootstrapProfile\":{\"artifactSource\":\""
        + source
        + "\""
        + (registry == null ? "" : ",\"containerRegistryId\":\"" + registry + "\"")
        + "},"
        + "\"networkProfile\":{\"networkPlugin\":\"azure\",\"outboundType\":\""
        + outbound
        + "\"}"
        + extra
        + "}}";
  }

  @Test
  void createRulesRejectAndLeaveNothingBehind() {
    try (AksFixture f = new AksFixture()) {
      f.moat.createGroup("v", "eastus");
      String path = f.cluster("v", "aks1");
      var arm = f.moat.arm();
      arm.put(path, AksFixture.AKS, cluster("1.30.3", "Direct", null, "none", ""))
          .expectError(400, "InvalidNetworkIsolatedClusterConfiguration");
      assertThat(
              arm.put(path, AksFixture.AKS, cluster("1.30.3", "Direct", null, "block", ""))
                  .errorMessage())
          .isEqualTo(
              "When outbound type is none or block, bootstrapProfile.artifactSource must be 'Cache'");
      arm.put(path, AksFixture.AKS, cluster("1.29", "Cache", null, "none", ""))
          .expectError(400, "InvalidNetworkIsolatedClusterConfiguration");
      arm.put(path, AksFixture.AKS, cluster("1.28.1", "Direct", null, "loadBalancer", ""))
          .expectError(400, "K8sVersionNotSupported");
      String acr = f.path("v", "Microsoft.ContainerRegistry", "registries", "basicacr1");
      arm.put(path, AksFixture.AKS, cluster("1.30", "Direct", acr, "loadBalancer", ""))
          .expectError(400, "InvalidParameter");
      arm.put(path, AksFixture.AKS, cluster("1.30", "Cache", acr, "none", ""))
          .expectError(400, "InvalidParameter");
      f.putAndWait(acr, "2025-11-01", "{\"location\":\"eastus\",\"sku\":{\"name\":\"Basic\"}}");
      assertThat(
              arm.put(path, AksFixture.AKS, cluster("1.30", "Cache", acr, "none", ""))
                  .errorMessage())
          .contains("Premium");
      arm.put(
              path,
              AksFixture.AKS,
              cluster(
                  "1.30",
                  "Cache",
                  null,
                  "none",
                  ",\"autoUpgradeProfile\":{\"nodeOSUpgradeChannel\":\"Unmanaged\"}"))
          .expectError(400, "InvalidNetworkIsolatedClusterConfiguration");
      arm.put(
              path,
              AksFixture.AKS,
              cluster(
                  "1.30",
                  "Cache",
                  null,
                  "none",
                  ",\"servicePrincipalProfile\":{\"clientId\":\"11111111-2222-3333-4444-555555555555\"}"))
          .expectError(400, "BootstrapArtifactSourceNotAllowed");
      arm.put(
              path,
              AksFixture.AKS,
              cluster(
                  "1.30",
                  "Direct",
                  null,
                  "loadBalancer",
                  ",\"identityProfile\":{\"kubeletidentity\":{\"resourceId\":\""
                      + f.path("v", "Microsoft.ManagedIdentity", "userAssignedIdentities", "kub")
                      + "\"}}"))
          .expectError(400, "InvalidParameter");
      arm.put(
              path,
              AksFixture.AKS,
              cluster("1.30", "Direct", null, "loadBalancer", "")
                  .replace("\"nodepool1\"", "\"Pool_1\""))
          .expectError(400, "InvalidParameter");
      arm.get(path, AksFixture.AKS).expectError(404, "ResourceNotFound");
      assertThat(f.nodes.specs).isEmpty();
    }
  }

  @Test
  void updateRulesRejectAndLeaveTheClusterAsItWas() {
    try (AksFixture f = new AksFixture()) {
      f.moat.createGroup("u", "eastus");
      String path = f.cluster("u", "aks1");
      String cache = cluster("1.30", "Cache", null, "none", "");
      assertThat(f.putCluster(path, cache).path("status").asText()).isEqualTo("Succeeded");
      JsonNode before = f.moat.arm().get(path, AksFixture.AKS).body();

      // NI4: Cache → Direct while outbound stays none.
      f.moat
          .arm()
          .put(path, AksFixture.AKS, cluster("1.30", "Direct", null, "none", ""))
          .expectError(400, "BootstrapArtifactSourceNotAllowed");
      // OUT3 (managed VNet): none → userAssignedNATGateway is not in the matrix.
      f.moat
          .arm()
          .put(path, AksFixture.AKS, cluster("1.30", "Cache", null, "userAssignedNATGateway", ""))
          .expectError(400, "InvalidParameter");
      // §9: Windows pools on an isolated cluster.
      f.moat
          .arm()
          .put(
              path + "/agentPools/win1",
              AksFixture.AKS,
              "{\"properties\":{\"count\":1,\"osType\":\"Windows\",\"mode\":\"User\"}}")
          .expectError(400, "InvalidNetworkIsolatedClusterConfiguration");
      f.moat
          .arm()
          .get(path + "/agentPools/win1", AksFixture.AKS)
          .expectError(404, "ResourceNotFound");

      JsonNode after = f.moat.arm().get(path, AksFixture.AKS).body();
      assertThat(after.path("properties").path("bootstrapProfile"))
          .isEqualTo(before.path("properties").path("bootstrapProfile"));
      assertThat(after.path("properties").path("networkProfile"))
          .isEqualTo(before.path("properties").path("networkProfile"));
      assertThat(after.path("properties").path("agentPoolProfiles")).hasSize(1);
    }
  }

  @Test
  void twoPhaseSwitchRejectsOneStepEnable() {
    try (AksFixture f = new AksFixture(true)) {
      f.moat.createGroup("t", "eastus");
      String path = f.cluster("t", "aks1");
      assertThat(
              f.putCluster(path, cluster("1.30", "Direct", null, "loadBalancer", ""))
                  .path("status")
                  .asText())
          .isEqualTo("Succeeded");
      f.moat
          .arm()
          .put(path, AksFixture.AKS, cluster("1.30", "Cache", null, "none", ""))
          .expectError(400, "InvalidNetworkIsolatedClusterConfiguration");
      assertThat(
              f.putCluster(path, cluster("1.30", "Cache", null, "loadBalancer", ""))
                  .path("status")
                  .asText())
          .isEqualTo("Succeeded");
      assertThat(
              f.putCluster(path, cluster("1.30", "Cache", null, "none", ""))
                  .path("status")
                  .asText())
          .isEqualTo("Succeeded");
    }
  }
}
