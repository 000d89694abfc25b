package dev.moat.containerregistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moat.platform.contracts.PrivateEndpointConnections.Connection;
import dev.moat.platform.contracts.PrivateLinkTargets.PrivateLinkResource;
import dev.moat.platform.error.ArmException;
import dev.moat.platform.id.ResourceId;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Registry names, global uniqueness, Premium-only features and private link. */
class RegistryRulesApiTest {
  private static final String V = AcrTestSupport.V;
  private static AcrTestSupport t;

  @BeforeAll
  static void start() {
    t = AcrTestSupport.start();
    t.moat.createGroup("rg-a", "eastus");
    t.moat.createGroup("rg-b", "eastus");
  }

  @AfterAll
  static void stop() {
    t.moat.close();
  }

  private static String body(String sku, String properties) {
    return "{\"location\":\"eastus\",\"sku\":{\"name\":\""
        + sku
        + "\"},\"properties\":"
        + properties
        + "}";
  }

  @Test
  void namesMustBeFiveToFiftyAlphanumerics() {
    for (String bad : new String[] {"abcd", "has-dash1", "x".repeat(51)}) {
      String path = t.registryPath("rg-a", bad);
      t.moat.arm().put(path, V, body("Basic", "{}")).expectError(400, "InvalidResourceName");
      t.moat.arm().get(path, V).expectError(404, "ResourceNotFound");
    }
    JsonNode check = checkName("a-b");
    assertThat(check.path("nameAvailable").asBoolean(true)).isFalse();
    assertThat(check.path("reason").asText()).isEqualTo("Invalid");
  }

  @Test
  void namesAreGloballyUniqueIgnoringCase() {
    String first = t.createRegistry("rg-a", "uniqueacr1", "Basic", "{}");
    var clash =
        t.moat
            .arm()
            .put(t.registryPath("rg-b", "UniqueAcr1"), V, body("Basic", "{}"))
            .expectError(409, "AlreadyInUse");
    assertThat(clash.errorMessage())
        .startsWith("The registry DNS name uniqueacr1.azurecr.io is already in use.");
    t.moat.arm().get(t.registryPath("rg-b", "UniqueAcr1"), V).expectError(404, "ResourceNotFound");

    JsonNode taken = checkName("UNIQUEACR1");
    assertThat(taken.path("nameAvailable").asBoolean(true)).isFalse();
    assertThat(taken.path("reason").asText()).isEqualTo("AlreadyExists");
    assertThat(taken.path("message").asText())
        .isEqualTo("The registry UNIQUEACR1 is already in use.");
    assertThat(checkName("freshname42").path("nameAvailable").asBoolean()).isTrue();

    // PUT of the same id is an update.
    t.succeeded(t.moat.arm().put(first, V, body("Basic", "{}")).expectStatus(200));
  }

  @Test
  void premiumOnlyFeaturesAreRefusedOnLowerSkusAndWriteNothing() {
    String path = t.registryPath("rg-a", "lowskuacr");
    var pna =
        t.moat
            .arm()
            .put(path, V, body("Standard", "{\"publicNetworkAccess\":\"Disabled\"}"))
            .expectError(400, "DisablingPublicNetworkAccessNotSupported");
    assertThat(pna.errorMessage())
        .isEqualTo(
            "Disabling public network access is not supported for the SKU Standard. For more"
                + " information, please visit https://aka.ms/acr/private-link.");
    t.moat
        .arm()
        .put(path, V, body("Basic", "{\"networkRuleSet\":{\"defaultAction\":\"Deny\"}}"))
        .expectError(400, "NetworkRuleSetNotSupported");
    t.moat
        .arm()
        .put(path, V, body("Standard", "{\"dataEndpointEnabled\":true}"))
        .expectError(400, "DataEndpointNotSupported");
    t.moat.arm().put(path, V, body("Classic", "{}")).expectError(400, "SkuNotSupported");
    t.moat.arm().put(path, V, body("Gold", "{}")).expectError(400, "InvalidRequestContent");
    t.moat
        .arm()
        .put(path, V, "{\"location\":\"eastus\",\"properties\":{}}")
        .expectError(400, "InvalidRequestContent");
    t.moat.arm().get(path, V).expectError(404, "ResourceNotFound");

    String premium =
        t.createRegistry(
            "rg-a", "privateacr1", "Premium", "{\"publicNetworkAccess\":\"Disabled\"}");
    t.moat
        .arm()
        .patch(premium, V, "{\"sku\":{\"name\":\"Standard\"}}")
        .expectError(400, "DisablingPublicNetworkAccessNotSupported");
    assertThat(t.get(premium).path("sku").path("name").asText()).isEqualTo("Premium");
  }

  @Test
  void privateEndpointsShowOnTheRegistryAndPinItToPremium() {
    String path = t.createRegistry("rg-a", "linkedacr1", "Premium", "{}");
    ResourceId id = ResourceId.parse(path);
    ResourceId pe =
        ResourceId.parse(
            t.moat.groupPath("rg-a") + "/providers/Microsoft.Network/privateEndpoints/myPe");
    ResourceId subnet =
        ResourceId.parse(
            t.moat.groupPath("rg-a")
                + "/providers/Microsoft.Network/virtualNetworks/v/subnets/acr");
    t.connections.connect(
        id,
        new Connection(
            pe,
            subnet,
            "myConnection",
            "registry",
            "Approved",
            Map.of("registry", "192.168.2.4", "registry_data_eastus", "192.168.2.5")));

    JsonNode p = t.get(path).path("properties");
    assertThat(p.path("dataEndpointEnabled").asBoolean()).isTrue();
    assertThat(p.path("dataEndpointHostNames").get(0).asText())
        .isEqualTo("linkedacr1.eastus.data.azurecr.io");
    JsonNode c = p.path("privateEndpointConnections").get(0);
    assertThat(c.path("id").asText()).isEqualTo(path + "/privateEndpointConnections/myConnection");
    assertThat(c.path("properties").path("privateEndpoint").path("id").asText())
        .isEqualTo(pe.toString());
    assertThat(
            c.path("properties").path("privateLinkServiceConnectionState").path("status").asText())
        .isEqualTo("Approved");
    assertThat(c.path("properties").path("provisioningState").asText()).isEqualTo("Succeeded");

    var refused =
        t.moat
            .arm()
            .patch(path, V, "{\"sku\":{\"name\":\"Standard\"}}")
            .expectError(400, "SkuDowngradeNotSupported");
    assertThat(refused.errorMessage()).contains("linkedacr1");
    assertThat(t.get(path).path("sku").path("name").asText()).isEqualTo("Premium");

    t.connections.disconnectAll(id);
    t.succeeded(t.moat.arm().patch(path, V, "{\"sku\":{\"name\":\"Standard\"}}").expectStatus(200));
    assertThat(t.get(path).path("sku").path("tier").asText()).isEqualTo("Standard");
  }

  @Test
  void privateLinkTargetsOfferTheRegistryGroupOnPremiumOnly() {
    String premium = t.createRegistry("rg-a", "plinkacr1", "Premium", "{}");
    PrivateLinkResource r =
        t.acr.privateLinkTargets().find(ResourceId.parse(premium), "registry").orElseThrow();
    assertThat(r.requiredZoneNames()).containsExactly("privatelink.azurecr.io");
    assertThat(r.members()).hasSize(2);
    assertThat(r.members().get(0).requiredMemberName()).isEqualTo("registry");
    assertThat(r.members().get(0).fqdns()).containsExactly("plinkacr1.azurecr.io");
    assertThat(r.members().get(1).requiredMemberName()).isEqualTo("registry_data_eastus");
    assertThat(r.members().get(1).fqdns()).containsExactly("plinkacr1.eastus.data.azurecr.io");
    assertThat(t.acr.privateLinkTargets().find(ResourceId.parse(premium), "nope")).isEmpty();
    assertThat(
            t.acr
                .privateLinkTargets()
                .find(ResourceId.parse(t.registryPath("rg-a", "absentacr")), "registry"))
        .isEmpty();

    String standard = t.createRegistry("rg-a", "plinkacr2", "Standard", "{}");
    assertThatThrownBy(
            () -> t.acr.privateLinkTargets().find(ResourceId.parse(standard), "registry"))
        .isInstanceOfSatisfying(
            ArmException.class,
            e -> assertThat(e.error().code()).isEqualTo("PrivateEndpointNotSupported"));

    JsonNode list = t.get(premium + "/privateLinkResources");
    assertThat(list.path("value")).hasSize(1);
    JsonNode plr = list.path("value").get(0);
    assertThat(plr.path("id").asText()).isEqualTo(premium + "/privateLinkResources/registry");
    assertThat(plr.path("name").asText()).isEqualTo("registry");
    assertThat(plr.path("type").asText())
        .isEqualTo("Microsoft.ContainerRegistry/registries/privateLinkResources");
    assertThat(plr.path("properties").path("groupId").asText()).isEqualTo("registry");
    assertThat(plr.path("properties").path("requiredMembers").toString())
        .isEqualTo("[\"registry\",\"registry_data_eastus\"]");
    assertThat(plr.path("properties").path("requiredZoneNames").toString())
        .isEqualTo("[\"privatelink.azurecr.io\"]");
    assertThat(t.get(premium + "/privateLinkResources/registry")).isEqualTo(plr);
    t.moat
        .arm()
        .get(premium + "/privateLinkResources/other", V)
        .expectError(404, "ResourceNotFound");
  }

  @Test
  void publicNamesChainIntoPrivatelinkAndFollowPublicAccess() {
    String path = t.createRegistry("rg-b", "pubnames1", "Premium", "{}");
    var names =
        t.acr.publicNames().publicNames().stream()
            .filter(n -> n.resource().equals(ResourceId.parse(path)))
            .toList();
    assertThat(names).hasSize(2);
    assertThat(names.get(0).fqdn()).isEqualTo("pubnames1.azurecr.io");
    assertThat(names.get(0).privateLinkAlias()).isEqualTo("pubnames1.privatelink.azurecr.io");
    assertThat(names.get(1).fqdn()).isEqualTo("pubnames1.eastus.data.azurecr.io");
    assertThat(names.get(1).privateLinkAlias())
        .isEqualTo("pubnames1.eastus.data.privatelink.azurecr.io");
    assertThat(names.get(0).publicAddresses().get(0)).startsWith("20.");
    assertThat(names.get(0).publicAccessEnabled()).isTrue();

    t.succeeded(
        t.moat
            .arm()
            .patch(path, V, "{\"properties\":{\"publicNetworkAccess\":\"Disabled\"}}")
            .expectStatus(200));
    var after =
        t.acr.publicNames().publicNames().stream()
            .filter(n -> n.resource().equals(ResourceId.parse(path)))
            .toList();
    assertThat(after.get(0).publicAccessEnabled()).isFalse();
    assertThat(after.get(0).publicAddresses()).isEqualTo(names.get(0).publicAddresses());
  }

  @Test
  void listDeleteAndNameRelease() {
    String path = t.createRegistry("rg-b", "doomedacr1", "Basic", "{}");
    t.createRule(path, "docker-hub", "docker.io/library/nginx", "nginx");
    JsonNode inGroup =
        t.get(t.moat.groupPath("rg-b") + "/providers/Microsoft.ContainerRegistry/registries");
    assertThat(inGroup.path("value").findValuesAsText("name")).contains("doomedacr1");
    JsonNode inSub =
        t.get(
            "/subscriptions/"
                + t.moat.subscriptionId()
                + "/providers/Microsoft.ContainerRegistry/registries");
    assertThat(inSub.path("value").findValuesAsText("name")).contains("doomedacr1");

    var accepted = t.moat.arm().delete(path, V).expectStatus(202);
    assertThat(accepted.header("Location")).isPresent();
    t.succeeded(accepted);
    t.moat.arm().get(path, V).expectError(404, "ResourceNotFound");
    t.moat.arm().get(path + "/cacheRules/docker-hub", V).expectError(404, "ParentResourceNotFound");
    t.moat.arm().delete(path, V).expectStatus(204);
    assertThat(checkName("doomedacr1").path("nameAvailable").asBoolean()).isTrue();
  }

  private static JsonNode checkName(String name) {
    return t.moat
        .arm()
        .post(
            "/subscriptions/"
                + t.moat.subscriptionId()
                + "/providers/Microsoft.ContainerRegistry/checkNameAvailability",
            V,
            "{\"name\":\"" + name + "\",\"type\":\"Microsoft.ContainerRegistry/registries\"}")
        .expectStatus(200)
        .body();
  }
}
