package dev.moat.privatedns;

import static dev.moat.privatedns.PrivateDnsFixture.V;
import static dev.moat.privatedns.PrivateDnsFixture.linkBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moat.testing.ArmClient;
import dev.moat.testing.ArmResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code virtualNetworkLinks}: the virtual network rules, errors and updates. */
class LinkApiTest {
  private static PrivateDnsFixture fx;
  private static ArmClient arm;

  @BeforeAll
  static void start() {
    fx = PrivateDnsFixture.start();
    arm = fx.moat().arm();
    fx.moat().createGroup("links-rg", "eastus");
    fx.moat().createGroup("links-rg2", "eastus");
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @Test
  void aLinkNeedsAnExistingNetworkAndZone() {
    String zone = fx.createZone("links-rg", "missing.example.com");
    String link = zone + "/virtualNetworkLinks/l";
    String ghost =
        fx.moat().groupPath("links-rg") + "/providers/Microsoft.Network/virtualNetworks/ghost";
    ArmResult r = arm.put(link, V, linkBody(ghost, false));
    r.expectError(400, "BadRequest");
    assertThat(r.errorMessage())
        .isEqualTo("Virtual network resource not found for '" + ghost + "'");
    arm.put(link, V, "{\"location\":\"global\",\"properties\":{}}").expectError(400, "BadRequest");
    arm.put(link, V, linkBody("not-an-id", false)).expectError(400, "LinkedInvalidPropertyId");
    String vnet = fx.createVnet("links-rg", "v-missing");
    arm.put(link, V, linkBody(vnet, false).replace("global", "westus"))
        .expectError(400, "LocationNotAvailableForResourceType");
    arm.put(
            link,
            V,
            "{\"location\":\"global\",\"properties\":{\"virtualNetwork\":{\"id\":\""
                + vnet
                + "\"},\"resolutionPolicy\":\"Sometimes\"}}")
        .expectError(400, "InvalidRequestContent");
    arm.get(link, V).expectError(404, "ResourceNotFound");
    arm.put(
            fx.zonePath("links-rg", "nozone.example.com") + "/virtualNetworkLinks/l",
            V,
            linkBody(vnet, false))
        .expectError(404, "ParentResourceNotFound");
    assertThat(fx.get(zone).path("properties").path("numberOfVirtualNetworkLinks").asInt())
        .isZero();
  }

  @Test
  void aNetworkLinksAZoneOnceAndOneZoneOfAName() {
    String vnet = fx.createVnet("links-rg", "v-dup");
    String zone = fx.createZone("links-rg", "dup.example.com");
    fx.createLink(zone, "first", vnet);

    ArmResult twice = arm.put(zone + "/virtualNetworkLinks/second", V, linkBody(vnet, false));
    twice.expectError(409, "Conflict");
    assertThat(twice.errorMessage())
        .isEqualTo(
            "Private zone 'dup.example.com' is already linked to the virtual network '"
                + vnet
                + "'.");
    arm.get(zone + "/virtualNetworkLinks/second", V).expectError(404, "ResourceNotFound");

    String sameName = fx.createZone("links-rg2", "dup.example.com");
    ArmResult overlapping =
        arm.put(sameName + "/virtualNetworkLinks/third", V, linkBody(vnet, false));
    overlapping.expectError(400, "BadRequest");
    assertThat(overlapping.errorMessage())
        .startsWith("A virtual network cannot be linked to multiple zones with overlapping");
    arm.get(sameName + "/virtualNetworkLinks/third", V).expectError(404, "ResourceNotFound");

    // Re-PUT of the same link is an update, not a duplicate.
    ArmResult again = arm.put(zone + "/virtualNetworkLinks/first", V, linkBody(vnet, true));
    again.expectStatus(202);
    arm.awaitOperation(again);
    JsonNode first = fx.get(zone + "/virtualNetworkLinks/first");
    assertThat(first.path("properties").path("registrationEnabled").asBoolean()).isTrue();
    assertThat(
            fx.get(zone)
                .path("properties")
                .path("numberOfVirtualNetworkLinksWithRegistration")
                .asInt())
        .isEqualTo(1);

    String other = fx.createVnet("links-rg", "v-other");
    arm.put(zone + "/virtualNetworkLinks/first", V, linkBody(other, false))
        .expectError(400, "BadRequest");
    assertThat(
            fx.get(zone + "/virtualNetworkLinks/first")
                .path("properties")
                .path("virtualNetwork")
                .path("id")
                .asText())
        .isEqualTo(vnet);
  }

  @Test
  void patchAndListLinks() {
    String vnet = fx.createVnet("links-rg", "v-patch");
    String zone = fx.createZone("links-rg", "patch.example.com");
    String link = fx.createLink(zone, "p", vnet);
    ArmResult patched =
        arm.patch(
            link,
            V,
            "{\"tags\":{\"k\":\"v\"},\"properties\":{\"resolutionPolicy\":\"NxDomainRedirect\"}}");
    patched.expectStatus(202);
    assertThat(arm.awaitOperation(patched).path("status").asText()).isEqualTo("Succeeded");
    JsonNode l = fx.get(link);
    assertThat(l.path("tags").path("k").asText()).isEqualTo("v");
    assertThat(l.path("properties").path("resolutionPolicy").asText())
        .isEqualTo("NxDomainRedirect");
    assertThat(l.path("properties").path("virtualNetwork").path("id").asText()).isEqualTo(vnet);
    JsonNode list = fx.get(zone + "/virtualNetworkLinks");
    assertThat(list.path("value").findValuesAsText("name")).containsExactly("p");
  }
}
