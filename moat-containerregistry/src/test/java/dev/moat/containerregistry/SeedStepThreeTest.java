package dev.moat.containerregistry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moat.containerregistry.model.RepositoryMapping;
import dev.moat.testing.ArmResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The seed's step 3: {@code az acr create --sku Premium --public-network-enabled false} and {@code
 * az acr cache create -n aks-managed-mcr --source-repo "mcr.microsoft.com/*" --target-repo
 * "aks-managed-repository/*"}, read back exactly.
 */
class SeedStepThreeTest {
  private static AcrTestSupport t;

  @BeforeAll
  static void start() {
    t = AcrTestSupport.start();
    t.moat.createGroup("seed-rg", "eastus");
  }

  @AfterAll
  static void stop() {
    t.moat.close();
  }

  @Test
  void premiumPrivateRegistryAndTheAksCacheRuleReadBackExactly() {
    String path = t.registryPath("seed-rg", "SeedAcr01");
    ArmResult created =
        t.moat
            .arm()
            .put(
                path,
                AcrTestSupport.V,
                "{\"location\":\"eastus\",\"sku\":{\"name\":\"Premium\"},"
                    + "\"properties\":{\"publicNetworkAccess\":\"Disabled\"}}")
            .expectStatus(201);
    assertThat(created.header("Azure-AsyncOperation")).isPresent();
    assertThat(created.body().path("properties").path("provisioningState").asText())
        .isEqualTo("Creating");
    t.succeeded(created);

    JsonNode registry = t.get(path);
    assertThat(registry.path("id").asText()).isEqualTo(path);
    assertThat(registry.path("name").asText()).isEqualTo("SeedAcr01");
    assertThat(registry.path("type").asText()).isEqualTo("Microsoft.ContainerRegistry/registries");
    assertThat(registry.path("location").asText()).isEqualTo("eastus");
    assertThat(registry.path("sku").path("name").asText()).isEqualTo("Premium");
    assertThat(registry.path("sku").path("tier").asText()).isEqualTo("Premium");
    JsonNode p = registry.path("properties");
    assertThat(p.path("loginServer").asText()).isEqualTo("seedacr01.azurecr.io");
    assertThat(p.path("creationDate").asText()).isNotEmpty();
    assertThat(p.path("provisioningState").asText()).isEqualTo("Succeeded");
    assertThat(p.path("publicNetworkAccess").asText()).isEqualTo("Disabled");
    assertThat(p.path("adminUserEnabled").asBoolean(true)).isFalse();
    assertThat(p.path("anonymousPullEnabled").asBoolean(true)).isFalse();
    assertThat(p.path("dataEndpointEnabled").asBoolean(true)).isFalse();
    assertThat(p.path("dataEndpointHostNames")).isEmpty();
    assertThat(p.path("privateEndpointConnections")).isEmpty();
    assertThat(p.path("networkRuleSet").path("defaultAction").asText()).isEqualTo("Allow");
    assertThat(p.path("networkRuleBypassOptions").asText()).isEqualTo("AzureServices");
    assertThat(p.path("zoneRedundancy").asText()).isEqualTo("Disabled");
    assertThat(p.path("encryption").path("status").asText()).isEqualTo("disabled");
    assertThat(p.path("policies").path("exportPolicy").path("status").asText())
        .isEqualTo("enabled");
    assertThat(p.path("roleAssignmentMode").asText()).isEqualTo("LegacyRegistryPermissions");

    String rulePath = path + "/cacheRules/aks-managed-mcr";
    ArmResult rule =
        t.moat
            .arm()
            .put(
                rulePath,
                AcrTestSupport.V,
                AcrTestSupport.rule("mcr.microsoft.com/*", "aks-managed-repository/*"))
            .expectStatus(201);
    assertThat(rule.header("Azure-AsyncOperation")).isPresent();
    assertThat(rule.body().path("properties").path("provisioningState").asText())
        .isEqualTo("Creating");
    t.succeeded(rule);

    JsonNode got = t.get(rulePath);
    assertThat(got.path("id").asText()).isEqualTo(rulePath);
    assertThat(got.path("name").asText()).isEqualTo("aks-managed-mcr");
    assertThat(got.path("type").asText())
        .isEqualTo("Microsoft.ContainerRegistry/registries/cacheRules");
    assertThat(got.path("properties").path("sourceRepository").asText())
        .isEqualTo("mcr.microsoft.com/*");
    assertThat(got.path("properties").path("targetRepository").asText())
        .isEqualTo("aks-managed-repository/*");
    assertThat(got.path("properties").has("credentialSetResourceId")).isFalse();
    assertThat(got.path("properties").path("provisioningState").asText()).isEqualTo("Succeeded");
    assertThat(got.path("properties").path("creationDate").asText()).isNotEmpty();

    RegistryRecord record = t.acr.directory().findByHostName("SEEDACR01.azurecr.io").orElseThrow();
    assertThat(record.publicNetworkAccess().name()).isEqualTo("Disabled");
    RepositoryMapping.Upstream upstream =
        record.upstreamFor("aks-managed-repository/oss/kubernetes/pause").orElseThrow().upstream();
    assertThat(upstream.reference()).isEqualTo("mcr.microsoft.com/oss/kubernetes/pause");
    assertThat(record.upstreamFor("aks-managed-repository")).isEmpty();
    assertThat(record.upstreamFor("oss/kubernetes/pause")).isEmpty();
  }

  @Test
  void olderAndNewerClientsApiVersionsAreAccepted() {
    String path = t.createRegistry("seed-rg", "versionsacr", "Standard", "{}");
    for (String v :
        new String[] {"2022-02-01-preview", "2023-01-01-preview", "2026-09-01-preview"}) {
      t.moat.arm().get(path, v).expectStatus(200);
    }
    t.moat.arm().get(path + "/cacheRules", "2023-01-01-preview").expectStatus(200);
    t.moat
        .arm()
        .get(path + "/cacheRules", "2022-02-01-preview")
        .expectError(400, "NoRegisteredProviderFound");
  }
}
