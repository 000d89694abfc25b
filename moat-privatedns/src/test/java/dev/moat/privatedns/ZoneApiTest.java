package dev.moat.privatedns;

import static dev.moat.privatedns.PrivateDnsFixture.V;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moat.testing.ArmClient;
import dev.moat.testing.ArmResult;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code privateDnsZones}: validation, lists, tags, preconditions and deletion rules. */
class ZoneApiTest {
  private static PrivateDnsFixture fx;
  private static ArmClient arm;

  @BeforeAll
  static void start() {
    fx = PrivateDnsFixture.start();
    arm = fx.moat().arm();
    fx.moat().createGroup("zones-rg", "eastus");
    fx.moat().createGroup("other-rg", "westus");
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @Test
  void rejectedZonesAreNotCreated() {
    String path = fx.zonePath("zones-rg", "rejected.example.com");
    arm.put(path, V, "{\"location\":\"eastus\"}")
        .expectError(400, "LocationNotAvailableForResourceType");
    arm.put(path, V, "{}").expectError(400, "LocationRequired");
    arm.put(path, V, "{\"location\":7}").expectError(400, "InvalidRequestContent");
    arm.get(path, V).expectError(404, "ResourceNotFound");

    ArmResult single = arm.put(fx.zonePath("zones-rg", "local"), V, "{\"location\":\"global\"}");
    single.expectError(400, "BadRequest");
    assertThat(single.errorMessage())
        .isEqualTo(
            "The zone name 'local' does not have enough labels. Zone names must have two or more"
                + " labels.");
    String longLabel = "a".repeat(64) + ".example.com";
    arm.put(fx.zonePath("zones-rg", longLabel), V, "{\"location\":\"global\"}")
        .expectError(400, "BadRequest");
    String tooLong = ("a".repeat(60) + ".").repeat(4) + "example.com";
    arm.put(fx.zonePath("zones-rg", tooLong), V, "{\"location\":\"global\"}")
        .expectError(400, "BadRequest");
    arm.put(fx.zonePath("zones-rg", "bad-.example.com"), V, "{\"location\":\"global\"}")
        .expectError(400, "BadRequest");
    arm.put(fx.zonePath("no-such-rg", "x.example.com"), V, "{\"location\":\"global\"}")
        .expectError(404, "ResourceGroupNotFound");
    arm.put(path, "2019-01-01", "{\"location\":\"global\"}")
        .expectError(400, "NoRegisteredProviderFound");

    JsonNode list =
        fx.get(fx.moat().groupPath("zones-rg") + "/providers/Microsoft.Network/privateDnsZones");
    assertThat(list.path("value").findValuesAsText("name")).doesNotContain("rejected.example.com");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"2018-09-01", "2020-01-01", "2020-06-01", "2024-06-01", "2026-06-01-preview"})
  void everyClientApiVersionIsServed(String version) {
    arm.get(
            fx.moat().groupPath("zones-rg") + "/providers/Microsoft.Network/privateDnsZones",
            version)
        .expectStatus(200);
  }

  @Test
  void globalInAnyCasingListsAndTags() {
    String path = fx.zonePath("zones-rg", "tags.example.com");
    ArmResult r = arm.put(path, V, "{\"location\":\"Global\",\"tags\":{\"a\":\"1\"}}");
    r.expectStatus(202);
    arm.awaitOperation(r);
    fx.createZone("other-rg", "other.example.com");
    assertThat(fx.get(path).path("tags").path("a").asText()).isEqualTo("1");

    ArmResult patched = arm.patch(path, V, "{\"tags\":{\"b\":\"2\"}}").expectStatus(202);
    assertThat(arm.awaitOperation(patched).path("status").asText()).isEqualTo("Succeeded");
    JsonNode zone = fx.get(path);
    assertThat(zone.path("tags").has("a")).isFalse();
    assertThat(zone.path("tags").path("b").asText()).isEqualTo("2");

    JsonNode inGroup =
        fx.get(fx.moat().groupPath("other-rg") + "/providers/Microsoft.Network/privateDnsZones");
    assertThat(inGroup.path("value").findValuesAsText("name")).containsExactly("other.example.com");
    JsonNode inSubscription =
        fx.get(
            "/subscriptions/"
                + fx.moat().subscriptionId()
                + "/providers/Microsoft.Network/privateDnsZones");
    assertThat(inSubscription.path("value").findValuesAsText("name"))
        .contains("tags.example.com", "other.example.com");
  }

  @Test
  void etagPreconditions() {
    String path = fx.createZone("zones-rg", "etag.example.com");
    String etag = fx.get(path).path("etag").asText();

    fx.send(
            "PUT",
            path,
            "{\"location\":\"global\",\"tags\":{\"x\":\"y\"}}",
            Map.of("If-None-Match", "*"))
        .expectError(412, "PreconditionFailed");
    fx.send(
            "PUT",
            path,
            "{\"location\":\"global\",\"tags\":{\"x\":\"y\"}}",
            Map.of("If-Match", "stale"))
        .expectError(412, "PreconditionFailed");
    fx.send("DELETE", path, null, Map.of("If-Match", "stale"))
        .expectError(412, "PreconditionFailed");
    JsonNode unchanged = fx.get(path);
    assertThat(unchanged.path("etag").asText()).isEqualTo(etag);
    assertThat(unchanged.has("tags")).isFalse();

    ArmResult ok =
        fx.send(
            "PUT",
            path,
            "{\"location\":\"global\",\"tags\":{\"x\":\"y\"}}",
            Map.of("If-Match", "\"" + etag + "\""));
    ok.expectStatus(202);
    arm.awaitOperation(ok);
    assertThat(fx.get(path).path("etag").asText()).isNotEqualTo(etag);
    fx.send(
            "PUT",
            fx.zonePath("zones-rg", "absent.example.com"),
            "{\"location\":\"global\"}",
            Map.of("If-Match", "*"))
        .expectError(412, "PreconditionFailed");
  }

  @Test
  void aZoneWithLinksCannotBeDeletedAndDeletionRemovesRecords() {
    String zone = fx.createZone("zones-rg", "doomed.example.com");
    String link = fx.createLink(zone, "l1", fx.createVnet("zones-rg", "doomed-vnet"));
    arm.put(zone + "/A/www", V, "{\"properties\":{\"aRecords\":[{\"ipv4Address\":\"10.0.0.1\"}]}}")
        .expectStatus(201);

    ArmResult refused = arm.delete(zone, V);
    refused.expectError(409, "CannotDeleteResource");
    assertThat(refused.errorMessage())
        .contains("'Microsoft.Network/privateDnsZones/doomed.example.com/virtualNetworkLinks/l1'");
    assertThat(fx.get(zone).path("properties").path("provisioningState").asText())
        .isEqualTo("Succeeded");

    assertThat(arm.awaitOperation(arm.delete(link, V).expectStatus(202)).path("status").asText())
        .isEqualTo("Succeeded");
    arm.get(link, V).expectError(404, "ResourceNotFound");
    ArmResult deleted = arm.delete(zone, V).expectStatus(202);
    assertThat(arm.awaitOperation(deleted).path("status").asText()).isEqualTo("Succeeded");
    arm.get(zone, V).expectError(404, "ResourceNotFound");
    arm.get(zone + "/A/www", V).expectError(404, "ParentResourceNotFound");
    arm.delete(zone, V).expectStatus(204);
    assertThat(fx.provider().inventory().zones())
        .noneMatch(z -> z.name().equals("doomed.example.com"));
  }
}
