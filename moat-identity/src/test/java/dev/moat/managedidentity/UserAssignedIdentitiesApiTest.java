package dev.moat.managedidentity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moat.testing.ArmResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The user-assigned identities API over HTTPS, as {@code az identity} and the SDK call it. */
class UserAssignedIdentitiesApiTest {
  private static final String V = "2024-11-30";
  private static IdentityFixture fx;

  @BeforeAll
  static void start() {
    fx = IdentityFixture.start();
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  private static String identityPath(String group, String name) {
    return fx.moat.groupPath(group)
        + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/"
        + name;
  }

  @Test
  void createIsShapedLikeAzuresExampleAndIdsAreStableAcrossUpdates() {
    fx.moat.createGroup("mi-rg", "eastus");
    String path = identityPath("mi-rg", "cluster-identity");
    ArmResult created =
        fx.moat.arm().put(path, V, "{\"location\":\"East US\",\"tags\":{\"k\":\"v\"}}");
    created.expectStatus(201);
    JsonNode body = created.body();
    assertThat(body.path("id").asText()).isEqualTo(path);
    assertThat(body.path("name").asText()).isEqualTo("cluster-identity");
    assertThat(body.path("type").asText())
        .isEqualTo("Microsoft.ManagedIdentity/userAssignedIdentities");
    assertThat(body.path("location").asText()).isEqualTo("eastus");
    JsonNode props = body.path("properties");
    assertThat(props.path("tenantId").asText()).isEqualTo(fx.moat.tenantId());
    assertThat(props.path("principalId").asText()).matches("[0-9a-f-]{36}");
    assertThat(props.path("clientId").asText()).matches("[0-9a-f-]{36}");
    assertThat(props.path("clientId").asText()).isNotEqualTo(props.path("principalId").asText());
    assertThat(props.path("isolationScope").asText()).isEqualTo("None");

    assertThat(fx.moat.arm().get(path, V).expectStatus(200).body()).isEqualTo(body);
    JsonNode updated =
        fx.moat.arm().put(path, V, "{\"location\":\"eastus\"}").expectStatus(200).body();
    assertThat(updated.path("properties")).isEqualTo(props);
    assertThat(updated.has("tags")).isFalse();
    JsonNode patched =
        fx.moat
            .arm()
            .patch(path, "2023-01-31", "{\"tags\":{\"team\":\"aks\"}}")
            .expectStatus(200)
            .body();
    assertThat(patched.path("tags").path("team").asText()).isEqualTo("aks");
    assertThat(patched.path("properties").path("principalId")).isEqualTo(props.path("principalId"));
  }

  @Test
  void listsByGroupAndSubscriptionAndDeletes() {
    fx.moat.createGroup("list-rg", "westus2");
    fx.moat
        .arm()
        .put(identityPath("list-rg", "aa1"), "2018-11-30", "{\"location\":\"westus2\"}")
        .expectStatus(201);
    fx.moat
        .arm()
        .put(identityPath("list-rg", "aa2"), "2022-01-31-preview", "{\"location\":\"westus2\"}")
        .expectStatus(201);
    JsonNode inGroup =
        fx.moat
            .arm()
            .get(
                fx.moat.groupPath("list-rg")
                    + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities",
                V)
            .expectStatus(200)
            .body();
    assertThat(inGroup.path("value")).hasSize(2);
    JsonNode inSubscription =
        fx.moat
            .arm()
            .get(
                "/subscriptions/"
                    + fx.moat.subscriptionId()
                    + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities",
                V)
            .expectStatus(200)
            .body();
    assertThat(inSubscription.path("value").size()).isGreaterThanOrEqualTo(2);

    fx.moat.arm().delete(identityPath("list-rg", "aa1"), V).expectStatus(200);
    fx.moat.arm().delete(identityPath("list-rg", "aa1"), V).expectStatus(204);
    fx.moat.arm().get(identityPath("list-rg", "aa1"), V).expectError(404, "ResourceNotFound");
  }

  @Test
  void badInputGetsAzuresErrorsAndWritesNothing() {
    fx.moat.createGroup("bad-rg", "eastus");
    String ok = "{\"location\":\"eastus\"}";
    fx.moat.arm().put(identityPath("bad-rg", "ab"), V, ok).expectError(400, "InvalidResourceName");
    fx.moat
        .arm()
        .put(identityPath("bad-rg", "-starts-with-dash"), V, ok)
        .expectError(400, "InvalidResourceName");
    fx.moat
        .arm()
        .put(identityPath("bad-rg", "has.dot"), V, ok)
        .expectError(400, "InvalidResourceName");
    fx.moat
        .arm()
        .put(identityPath("bad-rg", "x".repeat(129)), V, ok)
        .expectError(400, "InvalidResourceName");
    fx.moat.arm().put(identityPath("bad-rg", "id1"), V, "{}").expectError(400, "LocationRequired");
    fx.moat
        .arm()
        .put(identityPath("bad-rg", "id1"), V, "{\"location\":\"mars\"}")
        .expectError(400, "LocationNotAvailableForResourceType");
    fx.moat
        .arm()
        .put(
            identityPath("bad-rg", "id1"),
            V,
            "{\"location\":\"eastus\",\"properties\":{\"isolationScope\":\"Galactic\"}}")
        .expectError(400, "InvalidRequestContent");
    fx.moat
        .arm()
        .put(identityPath("no-such-rg", "id1"), V, ok)
        .expectError(404, "ResourceGroupNotFound");
    fx.moat
        .arm()
        .put(identityPath("bad-rg", "id1"), "2012-01-01", ok)
        .expectError(400, "NoRegisteredProviderFound");
    fx.moat.arm().get(identityPath("bad-rg", "id1"), V).expectError(404, "ResourceNotFound");
    fx.moat.arm().get(identityPath("bad-rg", "ab"), V).expectError(404, "ResourceNotFound");
  }

  @Test
  void idsSurviveARestart(@TempDir Path dir) throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    String path;
    JsonNode before;
    try (IdentityFixture first = IdentityFixture.start(data)) {
      first.moat.createGroup("keep-rg", "eastus");
      path =
          first.moat.groupPath("keep-rg")
              + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/kubelet";
      before = first.moat.arm().put(path, V, "{\"location\":\"eastus\"}").expectStatus(201).body();
    }
    try (IdentityFixture second = IdentityFixture.start(data)) {
      JsonNode after = second.moat.arm().get(path, V).expectStatus(200).body();
      assertThat(after).isEqualTo(before);
    }
  }
}
