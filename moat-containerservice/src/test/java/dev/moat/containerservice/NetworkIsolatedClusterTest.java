package dev.moat.containerservice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moat.platform.contracts.NodeBootstrapper.ArtifactSource;
import dev.moat.platform.id.ResourceId;
import dev.moat.testing.ArmResult;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The seed's flows as ARM calls: BYO registry in both private modes, managed registry, updates. */
class NetworkIsolatedClusterTest {
  static final String NETWORK_CONTRIBUTOR = "4d97b98b-1d4f-4787-a291-c67834d212e7";

  @Test
  void byoPrivateLinkClusterSucceedsAndReadsBackAsTheSeedShows() {
    try (AksFixture f = new AksFixture()) {
      AksFixture.Byo b = f.seedByo("byo");
      String path = f.cluster("byo", "aks1");

      JsonNode op = f.putCluster(path, AksFixture.byoCluster(b, "{\"enablePrivateCluster\":true}"));

      assertThat(op.path("status").asText()).isEqualTo("Succeeded");
      JsonNode c = f.moat.arm().get(path, "2022-11-01").expectStatus(200).body();
      JsonNode p = c.path("properties");
      assertThat(p.path("provisioningState").asText()).isEqualTo("Succeeded");
      assertThat(p.path("kubernetesVersion").asText()).isEqualTo("1.30.3");
      assertThat(p.path("networkProfile").path("outboundType").asText()).isEqualTo("none");
      assertThat(p.path("bootstrapProfile").path("artifactSource").asText()).isEqualTo("Cache");
      assertThat(p.path("bootstrapProfile").path("containerRegistryId").asText())
          .isEqualTo(b.registry());
      assertThat(p.path("servicePrincipalProfile").path("clientId").asText()).isEqualTo("msi");
      assertThat(p.path("apiServerAccessProfile").path("enablePrivateCluster").asBoolean())
          .isTrue();
      assertThat(p.path("privateFQDN").asText()).endsWith(".privatelink.eastus.azmk8s.io");
      assertThat(p.path("fqdn").asText()).matches("aks1-[0-9a-f]{8}\\.hcp\\.eastus\\.azmk8s\\.io");
      assertThat(p.path("nodeResourceGroup").asText()).isEqualTo("MC_byo_aks1_eastus");
      assertThat(p.path("identityProfile").path("kubeletidentity").path("resourceId").asText())
          .isEqualTo(b.kubelet());
      assertThat(
              c.path("identity")
                  .path("userAssignedIdentities")
                  .path(b.controlPlane())
                  .path("principalId")
                  .asText())
          .isEqualTo(b.controlPlanePrincipal());
      assertThat(p.path("agentPoolProfiles").get(0).path("nodeImageVersion").asText())
          .startsWith("AKSUbuntu-2204gen2containerd-");
      assertThat(f.nodes.specs).hasSize(2);
      assertThat(f.nodes.specs)
          .allSatisfy(
              s -> {
                assertThat(s.artifactSource()).isEqualTo(ArtifactSource.Cache);
                assertThat(s.registryLoginServer()).isEqualTo("byoacr.azurecr.io");
                assertThat(s.privateIpAddress()).startsWith("192.168.1.");
                assertThat(s.kubernetesVersion()).isEqualTo("1.30.3");
                assertThat(s.nodeName()).matches("aks-nodepool1-\\d{8}-vmss00000[01]");
              });
      // A node's egress follows the outbound type it was imaged with.
      assertThat(f.nodes.specs).allSatisfy(s -> assertThat(s.outboundType()).isEqualTo("none"));
      // The API server's private address serves the private FQDN inside the VNet.
      assertThat(f.network.get().inventory().endpointAddresses())
          .anyMatch(v -> v.fqdns().contains(p.path("privateFQDN").asText()));
      JsonNode machines =
          f.moat
              .arm()
              .get(path + "/agentPools/nodepool1/machines", AksFixture.AKS)
              .expectStatus(200)
              .body();
      assertThat(machines.path("value")).hasSize(2);
      assertThat(
              machines.path("value").get(0).path("properties").path("moat").path("state").asText())
          .isEqualTo("Ready");
      // BYO resources are never deleted by AKS.
      ArmResult del = f.moat.arm().delete(path, AksFixture.AKS).expectStatus(202);
      assertThat(f.moat.arm().awaitOperation(del).path("status").asText()).isEqualTo("Succeeded");
      f.moat.arm().get(path, AksFixture.AKS).expectError(404, "ResourceNotFound");
      f.moat.arm().get(b.registry(), "2025-11-01").expectStatus(200);
      f.moat.arm().delete(path, AksFixture.AKS).expectStatus(204);
    }
  }

  @Test
  void byoVnetIntegrationNeedsNetworkContributorOnTheApiServerSubnet() {
    try (AksFixture f = new AksFixture()) {
      AksFixture.Byo b = f.seedByo("vni");
      String path = f.cluster("vni", "aks1");
      String body =
          AksFixture.byoCluster(
              b, "{\"enableVnetIntegration\":true,\"subnetId\":\"" + b.apiSubnet() + "\"}");

      f.moat.arm().put(path, AksFixture.AKS, body).expectError(403, "LinkedAuthorizationFailed");
      f.moat.arm().get(path, AksFixture.AKS).expectError(404, "ResourceNotFound");

      f.grant(b.apiSubnet(), NETWORK_CONTRIBUTOR, b.controlPlanePrincipal());
      assertThat(f.putCluster(path, body).path("status").asText()).isEqualTo("Succeeded");
      JsonNode api =
          f.moat
              .arm()
              .get(path, AksFixture.AKS)
              .body()
              .path("properties")
              .path("apiServerAccessProfile");
      assertThat(api.path("enableVnetIntegration").asBoolean()).isTrue();
      assertThat(api.path("subnetId").asText()).isEqualTo(b.apiSubnet());
      assertThat(f.network.get().subnetAddresses().addressesOf(ResourceId.parse(path)))
          .singleElement()
          .asString()
          .startsWith("192.168.3.");
    }
  }

  @Test
  void managedRegistryPlumbingIsCreatedRepairedAndDeletedWithTheCluster() {
    try (AksFixture f = new AksFixture()) {
      f.moat.createGroup("mg", "eastus");
      String path = f.cluster("mg", "aks1");
      String body =
          "{\"location\":\"eastus\",\"properties\":{\"kubernetesVersion\":\"1.30\",\"dnsPrefix\":\"aks1\","
              + "\"agentPoolProfiles\":[{\"name\":\"nodepool1\",\"count\":1,\"mode\":\"System\"}],"
              + "\"bootstrapProfile\":{\"artifactSource\":\"Cache\"},"
              + "\"networkProfile\":{\"networkPlugin\":\"azure\",\"outboundType\":\"none\"},"
              + "\"apiServerAccessProfile\":{\"enablePrivateCluster\":true}}}";

      assertThat(f.putCluster(path, body).path("status").asText()).isEqualTo("Succeeded");

      String nodeRg = f.moat.groupPath("MC_mg_aks1_eastus");
      JsonNode registries =
          f.moat
              .arm()
              .get(nodeRg + "/providers/Microsoft.ContainerRegistry/registries", "2025-11-01")
              .body();
      JsonNode acr = registries.path("value").get(0);
      String name = acr.path("name").asText();
      assertThat(name).contains("bootstrap");
      assertThat(acr.path("sku").path("name").asText()).isEqualTo("Premium");
      assertThat(acr.path("properties").path("publicNetworkAccess").asText()).isEqualTo("Disabled");
      f.moat
          .arm()
          .get(acr.path("id").asText() + "/cacheRules/aks-managed-mcr", "2025-11-01")
          .expectStatus(200);
      String pe = nodeRg + "/providers/Microsoft.Network/privateEndpoints/" + name + "-pe";
      f.moat.arm().get(pe, AksFixture.NET).expectStatus(200);
      f.moat
          .arm()
          .get(
              nodeRg + "/providers/Microsoft.Network/privateDnsZones/privatelink.azurecr.io",
              "2024-06-01")
          .expectStatus(200);
      assertThat(f.nodes.specs)
          .singleElement()
          .satisfies(
              s -> {
                assertThat(s.registryLoginServer()).isEqualTo(name + ".azurecr.io");
                assertThat(s.privateIpAddress()).startsWith("10.224.");
              });
      JsonNode kubelet =
          f.moat
              .arm()
              .get(path, AksFixture.AKS)
              .body()
              .path("properties")
              .path("identityProfile")
              .path("kubeletidentity");
      assertThat(kubelet.path("resourceId").asText())
          .endsWith("/userAssignedIdentities/aks1-agentpool");

      // TS3: a deleted private endpoint comes back on the next reconcile (a no-op PUT).
      ArmResult gone = f.moat.arm().delete(pe, AksFixture.NET).expectStatus(202);
      f.moat.arm().awaitOperation(gone);
      f.moat.arm().get(pe, AksFixture.NET).expectError(404, "ResourceNotFound");
      assertThat(f.putCluster(path, body).path("status").asText()).isEqualTo("Succeeded");
      f.moat.arm().get(pe, AksFixture.NET).expectStatus(200);

      ArmResult del = f.moat.arm().delete(path, AksFixture.AKS).expectStatus(202);
      f.moat.arm().awaitOperation(del);
      org.awaitility.Awaitility.await()
          .atMost(dev.moat.testing.TestMoat.timeout())
          .until(() -> f.moat.arm().get(acr.path("id").asText(), "2025-11-01").status() == 404);
    }
  }

  @Test
  void updateChangesOnlyNewAndReimagedNodesThenDisableReverses() {
    try (AksFixture f = new AksFixture()) {
      f.moat.createGroup("up", "eastus");
      String path = f.cluster("up", "aks1");
      String direct =
          "{\"location\":\"eastus\",\"properties\":{\"kubernetesVersion\":\"1.30.3\",\"dnsPrefix\":\"aks1\","
              + "\"agentPoolProfiles\":[{\"name\":\"nodepool1\",\"count\":1,\"mode\":\"System\"}],"
              + "\"bootstrapProfile\":{\"artifactSource\":\"Direct\"},"
              + "\"networkProfile\":{\"networkPlugin\":\"azure\",\"outboundType\":\"loadBalancer\"}}}";
      assertThat(f.putCluster(path, direct).path("status").asText()).isEqualTo("Succeeded");
      assertThat(f.nodes.specs.get(0).outboundType()).isEqualTo("loadBalancer");

      String cache = direct.replace("\"Direct\"", "\"Cache\"").replace("loadBalancer", "none");
      assertThat(f.putCluster(path, cache).path("status").asText()).isEqualTo("Succeeded");

      assertThat(f.nodes.specs).hasSize(1);
      JsonNode node =
          f.moat
              .arm()
              .get(path + "/agentPools/nodepool1/machines", AksFixture.AKS)
              .body()
              .path("value")
              .get(0);
      assertThat(node.path("properties").path("moat").path("artifactSource").asText())
          .isEqualTo("Direct");

      ArmResult up =
          f.moat
              .arm()
              .post(path + "/agentPools/nodepool1/upgradeNodeImageVersion", AksFixture.AKS, null)
              .expectStatus(202);
      assertThat(up.body().path("properties").path("provisioningState").asText())
          .isEqualTo("UpgradingNodeImageVersion");
      assertThat(up.header("Location")).isPresent();
      assertThat(f.moat.arm().awaitOperation(up).path("status").asText()).isEqualTo("Succeeded");
      assertThat(f.nodes.specs).hasSize(2);
      assertThat(f.nodes.specs.get(1).artifactSource()).isEqualTo(ArtifactSource.Cache);
      assertThat(f.nodes.specs.get(1).registryLoginServer()).contains("bootstrap");
      assertThat(f.nodes.specs.get(1).outboundType()).isEqualTo("none");

      // Disable (NI4): Direct + loadBalancer in one update, then reimage.
      assertThat(f.putCluster(path, direct).path("status").asText()).isEqualTo("Succeeded");
      ArmResult up2 =
          f.moat
              .arm()
              .post(path + "/agentPools/nodepool1/upgradeNodeImageVersion", AksFixture.AKS, null)
              .expectStatus(202);
      f.moat.arm().awaitOperation(up2);
      assertThat(f.nodes.specs.get(2).artifactSource()).isEqualTo(ArtifactSource.Direct);
      assertThat(f.nodes.specs.get(2).outboundType()).isEqualTo("loadBalancer");
    }
  }

  @Test
  void nodeFailureFailsTheOperationWithTheNodesCause() {
    try (AksFixture f = new AksFixture()) {
      f.moat.createGroup("nf", "eastus");
      f.nodes.answer =
          s ->
              RecordingNodes.failure(50, "ERR_OUTBOUND_CONN_FAIL", "mcr.microsoft.com unreachable");
      String path = f.cluster("nf", "aks1");
      JsonNode op =
          f.putCluster(
              path,
              "{\"location\":\"eastus\",\"properties\":{\"dnsPrefix\":\"aks1\","
                  + "\"agentPoolProfiles\":[{\"name\":\"nodepool1\",\"count\":1}]}}");

      assertThat(op.path("status").asText()).isEqualTo("Failed");
      assertThat(op.path("error").path("code").asText()).isEqualTo("VMExtensionProvisioningError");
      assertThat(op.path("error").path("message").asText())
          .contains("exit status=50")
          .contains("ERR_OUTBOUND_CONN_FAIL")
          .contains("mcr.microsoft.com unreachable");
      assertThat(
              f.moat
                  .arm()
                  .get(path, AksFixture.AKS)
                  .body()
                  .path("properties")
                  .path("provisioningState")
                  .asText())
          .isEqualTo("Failed");
    }
  }

  @Test
  void credentialsPointAtThePrivateFqdnAndVersionsAreListed() {
    try (AksFixture f = new AksFixture()) {
      AksFixture.Byo b = f.seedByo("cr");
      String path = f.cluster("cr", "aks1");
      f.putCluster(path, AksFixture.byoCluster(b, "{\"enablePrivateCluster\":true}"));
      String privateFqdn =
          f.moat
              .arm()
              .get(path, AksFixture.AKS)
              .body()
              .path("properties")
              .path("privateFQDN")
              .asText();
      JsonNode creds =
          f.moat
              .arm()
              .post(path + "/listClusterUserCredential", AksFixture.AKS, null)
              .expectStatus(200)
              .body();
      String kubeconfig =
          new String(
              Base64.getDecoder().decode(creds.path("kubeconfigs").get(0).path("value").asText()),
              StandardCharsets.UTF_8);
      assertThat(creds.path("kubeconfigs").get(0).path("name").asText()).isEqualTo("clusterUser");
      assertThat(kubeconfig)
          .contains("server: https://" + privateFqdn + ":443")
          .contains("token: ey");

      JsonNode versions =
          f.moat
              .arm()
              .get(
                  "/subscriptions/"
                      + f.moat.subscriptionId()
                      + "/providers/Microsoft.ContainerService/locations/eastus/kubernetesVersions",
                  AksFixture.AKS)
              .expectStatus(200)
              .body();
      assertThat(versions.path("values").findValuesAsText("version"))
          .contains("1.29", "1.30", "1.31");
    }
  }
}
