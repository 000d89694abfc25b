package dev.moat.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moat.arm.runtime.ProviderAssembler;
import dev.moat.testing.ArmResult;
import dev.moat.testing.TestMoat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The resource-groups API over HTTPS, as ARM clients call it. */
class ResourceGroupsApiTest {
  private static final String V = "2025-04-01";
  private static TestMoat moat;

  @BeforeAll
  static void start() {
    moat = TestMoat.start(c -> ProviderAssembler.Assembly.of(new ResourcesProvider(c)));
  }

  @AfterAll
  static void stop() {
    moat.close();
  }

  @Test
  void createIsShapedLikeAzuresExampleAndGetReturnsTheSame() {
    String path = "/subscriptions/" + moat.subscriptionId() + "/resourcegroups/shape-rg";
    ArmResult created =
        moat.arm().put(path, V, "{\"location\":\"East US\",\"tags\":{\"env\":\"test\"}}");
    created.expectStatus(201);
    JsonNode body = created.body();
    assertThat(body.path("id").asText())
        .isEqualTo("/subscriptions/" + moat.subscriptionId() + "/resourceGroups/shape-rg");
    assertThat(body.path("name").asText()).isEqualTo("shape-rg");
    assertThat(body.path("type").asText()).isEqualTo("Microsoft.Resources/resourceGroups");
    assertThat(body.path("location").asText()).isEqualTo("eastus");
    assertThat(body.path("tags").path("env").asText()).isEqualTo("test");
    assertThat(body.path("properties").path("provisioningState").asText()).isEqualTo("Succeeded");
    assertThat(created.header("x-ms-request-id")).isPresent();
    assertThat(created.header("x-ms-correlation-request-id")).isPresent();

    ArmResult got = moat.arm().get(path, V).expectStatus(200);
    assertThat(got.body()).isEqualTo(body);

    moat.arm().put(path, V, "{\"location\":\"eastus\"}").expectStatus(200);
    assertThat(moat.arm().get(path, V).body().has("tags")).isFalse();
  }

  @Test
  void namesCompareCaseInsensitively() {
    moat.createGroup("Case-RG", "westus2");
    ArmResult got =
        moat.arm().get("/subscriptions/" + moat.subscriptionId() + "/RESOURCEGROUPS/case-rg", V);
    got.expectStatus(200);
    assertThat(got.body().path("name").asText()).isEqualTo("Case-RG");
  }

  @Test
  void badInputGetsAzuresErrorsAndWritesNothing() {
    String path = moat.groupPath("bad-rg");
    moat.arm()
        .put(path, V, "{\"location\":\"mars\"}")
        .expectError(400, "LocationNotAvailableForResourceGroup");
    moat.arm().put(path, V, "{}").expectError(400, "LocationRequired");
    moat.arm().put(path, V, "{\"location\":5}").expectError(400, "InvalidRequestContent");
    moat.arm().put(path, V, "{\"location\":").expectError(400, "InvalidRequestContent");
    moat.arm()
        .put(path, V, "{\"location\":\"eastus\",\"tags\":{\"a\":1}}")
        .expectError(400, "InvalidRequestContent");
    moat.arm()
        .put(path, null, "{\"location\":\"eastus\"}")
        .expectError(400, "MissingApiVersionParameter");
    moat.arm()
        .put(path, "2012-01-01", "{\"location\":\"eastus\"}")
        .expectError(400, "NoRegisteredProviderFound");
    moat.arm()
        .put(path, "yesterday", "{\"location\":\"eastus\"}")
        .expectError(400, "InvalidApiVersionParameter");
    moat.arm()
        .put(moat.groupPath("has%20space"), V, "{\"location\":\"eastus\"}")
        .expectError(400, "InvalidResourceGroup");
    moat.arm()
        .put(moat.groupPath("ends-with-period."), V, "{\"location\":\"eastus\"}")
        .expectError(400, "InvalidResourceGroup");
    moat.arm()
        .put(moat.groupPath("x".repeat(91)), V, "{\"location\":\"eastus\"}")
        .expectError(400, "InvalidResourceGroup");
    moat.arm().get(path, V).expectError(404, "ResourceGroupNotFound");

    moat.createGroup("located-rg", "eastus");
    moat.arm()
        .put(moat.groupPath("located-rg"), V, "{\"location\":\"westus\"}")
        .expectError(409, "InvalidResourceGroupLocation");
    assertThat(moat.arm().get(moat.groupPath("located-rg"), V).body().path("location").asText())
        .isEqualTo("eastus");
  }

  @Test
  void unknownSubscriptionNamespaceAndTypeAreArmErrors() {
    moat.arm()
        .get("/subscriptions/00000000-0000-0000-0000-00000000dead/resourcegroups/x", V)
        .expectError(404, "SubscriptionNotFound");
    moat.arm()
        .get("/subscriptions/" + moat.subscriptionId() + "/providers/Microsoft.Nope/things", V)
        .expectError(400, "InvalidResourceNamespace");
    moat.arm()
        .get("/subscriptions/" + moat.subscriptionId() + "/providers/Microsoft.Resources/things", V)
        .expectError(400, "InvalidResourceType");
  }

  @Test
  void headPatchListAndFilterByTag() {
    String path = moat.createGroup("tagged-rg", "eastus");
    assertThat(moat.arm().call("HEAD", path, V, null).status()).isEqualTo(204);
    assertThat(moat.arm().call("HEAD", moat.groupPath("absent-rg"), V, null).status())
        .isEqualTo(404);
    moat.arm().patch(path, V, "{\"tags\":{\"team\":\"platform\"}}").expectStatus(200);

    ArmResult list =
        moat.arm()
            .get(
                "/subscriptions/"
                    + moat.subscriptionId()
                    + "/resourcegroups?$filter=tagName%20eq%20'team'%20and%20tagValue%20eq%20'platform'",
                V)
            .expectStatus(200);
    assertThat(list.body().path("value")).hasSize(1);
    assertThat(list.body().path("value").get(0).path("name").asText()).isEqualTo("tagged-rg");
  }

  @Test
  void deleteIsALongRunningOperationThatRemovesTheGroup() {
    String path = moat.createGroup("doomed-rg", "northeurope");
    ArmResult accepted = moat.arm().delete(path, V).expectStatus(202);
    assertThat(accepted.header("Location")).isPresent();
    assertThat(accepted.header("Retry-After")).isPresent();

    JsonNode status = moat.arm().awaitOperation(accepted);
    assertThat(status.path("status").asText()).isEqualTo("Succeeded");
    assertThat(status.path("startTime").asText()).isNotEmpty();
    assertThat(status.path("endTime").asText()).isNotEmpty();
    moat.arm().get(path, V).expectError(404, "ResourceGroupNotFound");
    moat.arm().getUrl(accepted.header("Location").orElseThrow()).expectStatus(204);
    moat.arm().delete(path, V).expectError(404, "ResourceGroupNotFound");
  }
}
