package dev.moat.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moat.managedidentity.IdentityFixture;
import dev.moat.platform.contracts.Authorizer;
import dev.moat.platform.id.ResourceId;
import dev.moat.testing.ArmResult;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Role definitions and role assignments over HTTPS, following the seed's step 6 and errors. */
class RoleAssignmentsApiTest {
  private static final String V = "2022-04-01";
  private static final String MI = "2023-01-31";
  private static final String ACR_PULL = "7f951dda-4ed3-4680-a7ca-43fe172d538d";
  private static final String NETWORK_CONTRIBUTOR = "4d97b98b-1d4f-4787-a291-c67834d212e7";
  private static final String READER = "acdd72a7-3385-48ef-bd42-f606fba81ae7";
  private static IdentityFixture fx;
  private static String sub;

  @BeforeAll
  static void start() {
    fx = IdentityFixture.start();
    sub = fx.moat.subscriptionId();
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String roleId(String guid) {
    return "/subscriptions/" + sub + "/providers/Microsoft.Authorization/roleDefinitions/" + guid;
  }

  private static String assignmentPath(String scope, String name) {
    return scope + "/providers/Microsoft.Authorization/roleAssignments/" + name;
  }

  private static String body(String role, String principal, String type) {
    return "{\"properties\":{\"roleDefinitionId\":\""
        + roleId(role)
        + "\",\"principalId\":\""
        + principal
        + "\""
        + (type == null ? "" : ",\"principalType\":\"" + type + "\"")
        + "}}";
  }

  private static String identity(String group, String name) {
    String path =
        fx.moat.groupPath(group)
            + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/"
            + name;
    return fx.moat
        .arm()
        .put(path, MI, "{\"location\":\"eastus\"}")
        .expectStatus(200, 201)
        .body()
        .path("properties")
        .path("principalId")
        .asText();
  }

  private static String registry(String group, String name) {
    return fx.storeResource(
        fx.moat.groupPath(group) + "/providers/Microsoft.ContainerRegistry/registries/" + name);
  }

  @Test
  void seedStep6AcrPullForKubeletAndNetworkContributorOnSubnet() {
    fx.moat.createGroup("seed-rg", "eastus");
    String cluster = identity("seed-rg", "cluster-id");
    String kubelet = identity("seed-rg", "kubelet-id");
    String registryId = registry("seed-rg", "seedacr");
    String subnetId =
        fx.storeResource(
            fx.moat.groupPath("seed-rg")
                + "/providers/Microsoft.Network/virtualNetworks/vnet1/subnets/apiserver");

    // az role assignment create --role AcrPull --scope $REGISTRY_ID resolves the role name first.
    JsonNode roles =
        fx.moat
            .arm()
            .get(
                registryId
                    + "/providers/Microsoft.Authorization/roleDefinitions?$filter="
                    + enc("roleName eq 'AcrPull'"),
                V)
            .expectStatus(200)
            .body()
            .path("value");
    assertThat(roles).hasSize(1);
    assertThat(roles.get(0).path("id").asText()).isEqualTo(roleId(ACR_PULL));
    assertThat(
            roles
                .get(0)
                .path("properties")
                .path("permissions")
                .get(0)
                .path("actions")
                .get(0)
                .asText())
        .isEqualTo("Microsoft.ContainerRegistry/registries/pull/read");

    String name = UUID.randomUUID().toString();
    ArmResult created =
        fx.moat
            .arm()
            .put(assignmentPath(registryId, name), V, body(ACR_PULL, kubelet, "ServicePrincipal"))
            .expectStatus(201);
    JsonNode props = created.body().path("properties");
    assertThat(created.body().path("id").asText()).isEqualTo(assignmentPath(registryId, name));
    assertThat(created.body().path("type").asText())
        .isEqualTo("Microsoft.Authorization/roleAssignments");
    assertThat(props.path("scope").asText()).isEqualTo(registryId);
    assertThat(props.path("roleDefinitionId").asText()).isEqualTo(roleId(ACR_PULL));
    assertThat(props.path("principalType").asText()).isEqualTo("ServicePrincipal");
    assertThat(props.path("createdBy").asText()).matches("[0-9a-f-]{36}");
    assertThat(props.path("createdOn").asText()).isNotEmpty();
    assertThat(fx.moat.arm().get(assignmentPath(registryId, name), V).body())
        .isEqualTo(created.body());

    fx.moat
        .arm()
        .put(
            assignmentPath(subnetId, UUID.randomUUID().toString()),
            V,
            body(NETWORK_CONTRIBUTOR, cluster, "ServicePrincipal"))
        .expectStatus(201);

    Authorizer authz = fx.authorization().authorizer();
    ResourceId registry = ResourceId.parse(registryId);
    ResourceId subnet = ResourceId.parse(subnetId);
    assertThat(authz.allowed(kubelet, "Microsoft.ContainerRegistry/registries/pull/read", registry))
        .isTrue();
    assertThat(
            authz.allowed(kubelet, "Microsoft.ContainerRegistry/registries/push/write", registry))
        .isFalse();
    assertThat(authz.allowed(cluster, "Microsoft.ContainerRegistry/registries/pull/read", registry))
        .isFalse();
    assertThat(
            authz.allowed(cluster, "Microsoft.Network/virtualNetworks/subnets/join/action", subnet))
        .isTrue();
    ResourceId otherSubnet =
        ResourceId.parse(
            fx.moat.groupPath("seed-rg")
                + "/providers/Microsoft.Network/virtualNetworks/vnet1/subnets/nodes");
    assertThat(
            authz.allowed(
                cluster, "Microsoft.Network/virtualNetworks/subnets/join/action", otherSubnet))
        .isFalse();

    // Re-PUT of the same assignment is an update; list by principal finds it.
    fx.moat
        .arm()
        .put(assignmentPath(registryId, name), V, body(ACR_PULL, kubelet, "ServicePrincipal"))
        .expectStatus(200);
    JsonNode byPrincipal =
        fx.moat
            .arm()
            .get(
                "/subscriptions/"
                    + sub
                    + "/providers/Microsoft.Authorization/roleAssignments?$filter="
                    + enc("principalId eq '" + kubelet + "'"),
                V)
            .expectStatus(200)
            .body()
            .path("value");
    assertThat(byPrincipal).hasSize(1);
    assertThat(byPrincipal.get(0).path("name").asText()).isEqualTo(name);
  }

  @Test
  void inheritanceFromGroupAndIsolationBetweenRegistries() {
    fx.moat.createGroup("inherit-rg", "eastus");
    String reader = identity("inherit-rg", "reader-id");
    String puller = identity("inherit-rg", "puller-id");
    String acr1 = registry("inherit-rg", "acr1");
    String acr10 = registry("inherit-rg", "acr10");
    fx.moat
        .arm()
        .put(
            assignmentPath(fx.moat.groupPath("inherit-rg"), UUID.randomUUID().toString()),
            V,
            body(READER, reader, "ServicePrincipal"))
        .expectStatus(201);
    fx.moat
        .arm()
        .put(assignmentPath(acr1, UUID.randomUUID().toString()), V, body(ACR_PULL, puller, null))
        .expectStatus(201);
    Authorizer authz = fx.authorization().authorizer();
    String pull = "Microsoft.ContainerRegistry/registries/pull/read";
    assertThat(authz.allowed(reader, pull, ResourceId.parse(acr1))).isTrue();
    assertThat(authz.allowed(reader, pull, ResourceId.parse(acr10))).isTrue();
    assertThat(authz.allowed(puller, pull, ResourceId.parse(acr1))).isTrue();
    assertThat(authz.allowed(puller, pull, ResourceId.parse(acr10))).isFalse();
    assertThat(authz.allowed(puller, pull, ResourceId.parse(fx.moat.groupPath("inherit-rg"))))
        .isFalse();

    // Listing at a registry: at/above/below by default, at/above with atScope().
    JsonNode all =
        fx.moat
            .arm()
            .get(acr1 + "/providers/Microsoft.Authorization/roleAssignments", V)
            .body()
            .path("value");
    assertThat(all).hasSize(2);
    JsonNode groupBelow =
        fx.moat
            .arm()
            .get(
                fx.moat.groupPath("inherit-rg")
                    + "/providers/Microsoft.Authorization/roleAssignments?$filter=atScope()",
                V)
            .body()
            .path("value");
    assertThat(groupBelow).hasSize(1);
    JsonNode assigned =
        fx.moat
            .arm()
            .get(
                acr1
                    + "/providers/Microsoft.Authorization/roleAssignments?$filter="
                    + enc("assignedTo('" + puller + "')"),
                V)
            .body()
            .path("value");
    assertThat(assigned).hasSize(1);

    // Deleting the scope deletes its assignments; the authorizer sees it at once.
    fx.context().documents().deleteTree(ResourceId.parse(acr1));
    assertThat(authz.allowed(puller, pull, ResourceId.parse(acr1))).isFalse();
  }

  @Test
  void everyRejectionUsesAzuresCodeAndChangesNothing() {
    fx.moat.createGroup("err-rg", "eastus");
    String principal = identity("err-rg", "err-id");
    String acr = registry("err-rg", "erracr");
    String name = UUID.randomUUID().toString();
    String path = assignmentPath(acr, name);

    fx.moat
        .arm()
        .put(assignmentPath(acr, "not-a-guid"), V, body(ACR_PULL, principal, null))
        .expectError(400, "InvalidRoleAssignmentId");
    ArmResult missingRole =
        fx.moat
            .arm()
            .put(path, V, body("11111111-2222-3333-4444-555555555555", principal, null))
            .expectError(400, "RoleDefinitionDoesNotExist");
    assertThat(missingRole.errorMessage())
        .isEqualTo(
            "The specified role definition with ID '11111111-2222-3333-4444-555555555555' does not exist.");
    String stranger = UUID.randomUUID().toString();
    ArmResult unknownPrincipal =
        fx.moat
            .arm()
            .put(path, V, body(ACR_PULL, stranger, null))
            .expectError(400, "PrincipalNotFound");
    assertThat(unknownPrincipal.errorMessage())
        .startsWith(
            "Principal "
                + stranger.replace("-", "")
                + " does not exist in the directory "
                + fx.moat.tenantId()
                + ".");
    fx.moat.arm().put(path, V, body(ACR_PULL, "User", null)).expectError(400, "InvalidPrincipalId");
    fx.moat
        .arm()
        .put(path, V, body(ACR_PULL, principal, "Robot"))
        .expectError(400, "InvalidRequestContent");
    fx.moat
        .arm()
        .put(
            assignmentPath(
                fx.moat.groupPath("err-rg")
                    + "/providers/Microsoft.ContainerRegistry/registries/ghost",
                name),
            V,
            body(ACR_PULL, principal, null))
        .expectError(404, "ResourceNotFound");
    fx.moat
        .arm()
        .put(
            assignmentPath(fx.moat.groupPath("ghost-rg"), name), V, body(ACR_PULL, principal, null))
        .expectError(404, "ResourceGroupNotFound");
    fx.moat.arm().get(path, V).expectError(404, "RoleAssignmentNotFound");

    fx.moat.arm().put(path, V, body(ACR_PULL, principal, null)).expectStatus(201);
    ArmResult duplicate =
        fx.moat
            .arm()
            .put(
                assignmentPath(acr, UUID.randomUUID().toString()),
                V,
                body(ACR_PULL, principal, null))
            .expectError(409, "RoleAssignmentExists");
    assertThat(duplicate.errorMessage())
        .isEqualTo(
            "The role assignment already exists. The ID of the existing role assignment is "
                + name.replace("-", "")
                + ".");
    fx.moat
        .arm()
        .put(path, V, body(READER, principal, null))
        .expectError(400, "RoleAssignmentUpdateNotPermitted");
    fx.moat
        .arm()
        .put(assignmentPath(fx.moat.groupPath("err-rg"), name), V, body(ACR_PULL, principal, null))
        .expectError(400, "RoleAssignmentUpdateNotPermitted");
    fx.moat
        .arm()
        .get(
            acr + "/providers/Microsoft.Authorization/roleAssignments?$filter=" + enc("nonsense"),
            V)
        .expectError(400, "UnsupportedQuery");
    JsonNode after =
        fx.moat
            .arm()
            .get(
                fx.moat.groupPath("err-rg") + "/providers/Microsoft.Authorization/roleAssignments",
                V)
            .expectStatus(200)
            .body()
            .path("value");
    assertThat(after).hasSize(1);
    assertThat(after.get(0).path("properties").path("roleDefinitionId").asText())
        .isEqualTo(roleId(ACR_PULL));
    assertThat(after.get(0).path("properties").path("principalType").asText()).isEqualTo("User");

    fx.moat.arm().delete(path, V).expectStatus(200);
    fx.moat.arm().delete(path, V).expectStatus(204);
  }

  @Test
  void roleDefinitionsAreReadableByGuidAndName() {
    JsonNode def = fx.moat.arm().get(roleId(NETWORK_CONTRIBUTOR), V).expectStatus(200).body();
    assertThat(def.path("name").asText()).isEqualTo(NETWORK_CONTRIBUTOR);
    assertThat(def.path("properties").path("roleName").asText()).isEqualTo("Network Contributor");
    assertThat(def.path("properties").path("type").asText()).isEqualTo("BuiltInRole");
    assertThat(def.path("properties").path("assignableScopes").get(0).asText()).isEqualTo("/");
    fx.moat
        .arm()
        .get(roleId("00000000-0000-0000-0000-000000000000"), V)
        .expectError(404, "RoleDefinitionDoesNotExist");
    JsonNode all =
        fx.moat
            .arm()
            .get(
                "/subscriptions/" + sub + "/providers/Microsoft.Authorization/roleDefinitions",
                "2018-01-01-preview")
            .expectStatus(200)
            .body()
            .path("value");
    assertThat(all.size()).isEqualTo(13);
  }
}
