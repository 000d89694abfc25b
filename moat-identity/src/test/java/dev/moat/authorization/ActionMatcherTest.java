package dev.moat.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moat.authorization.model.BuiltInRoles;
import dev.moat.authorization.model.RoleDefinition;
import dev.moat.authorization.service.ActionMatcher;
import org.junit.jupiter.api.Test;

/** Azure RBAC action matching against the shipped built-in roles. */
class ActionMatcherTest {
  private static final BuiltInRoles ROLES = BuiltInRoles.load();

  private static RoleDefinition role(String guid) {
    return ROLES.find(guid).orElseThrow();
  }

  private static final String ACR_PULL = "7f951dda-4ed3-4680-a7ca-43fe172d538d";
  private static final String READER = "acdd72a7-3385-48ef-bd42-f606fba81ae7";
  private static final String CONTRIBUTOR = "b24988ac-6180-42a0-ab88-20f7382dd24c";
  private static final String OWNER = "8e3af657-a8ff-443c-a75c-2fe8c4bcb635";
  private static final String NETWORK_CONTRIBUTOR = "4d97b98b-1d4f-4787-a291-c67834d212e7";

  @Test
  void acrPullAllowsPullOnly() {
    assertThat(
            ActionMatcher.grants(
                role(ACR_PULL), "Microsoft.ContainerRegistry/registries/pull/read"))
        .isTrue();
    assertThat(
            ActionMatcher.grants(
                role(ACR_PULL), "microsoft.containerregistry/REGISTRIES/pull/READ"))
        .isTrue();
    assertThat(
            ActionMatcher.grants(
                role(ACR_PULL), "Microsoft.ContainerRegistry/registries/push/write"))
        .isFalse();
    assertThat(ActionMatcher.grants(role(ACR_PULL), "Microsoft.ContainerRegistry/registries/read"))
        .isFalse();
  }

  @Test
  void readerAllowsEveryReadAndNothingElse() {
    assertThat(ActionMatcher.grants(role(READER), "Microsoft.Network/virtualNetworks/read"))
        .isTrue();
    assertThat(
            ActionMatcher.grants(role(READER), "Microsoft.ContainerRegistry/registries/pull/read"))
        .isTrue();
    assertThat(ActionMatcher.grants(role(READER), "Microsoft.Network/virtualNetworks/write"))
        .isFalse();
    assertThat(
            ActionMatcher.grants(role(READER), "Microsoft.Network/virtualNetworks/readers/write"))
        .isFalse();
  }

  @Test
  void contributorCannotAssignRolesButOwnerCan() {
    String write = "Microsoft.Authorization/roleAssignments/write";
    assertThat(ActionMatcher.grants(role(CONTRIBUTOR), write)).isFalse();
    assertThat(
            ActionMatcher.grants(role(CONTRIBUTOR), "Microsoft.Authorization/roleAssignments/read"))
        .isTrue();
    assertThat(ActionMatcher.grants(role(CONTRIBUTOR), "Microsoft.Network/virtualNetworks/write"))
        .isTrue();
    assertThat(ActionMatcher.grants(role(OWNER), write)).isTrue();
  }

  @Test
  void namespaceWildcardsStayInTheirNamespace() {
    RoleDefinition nc = role(NETWORK_CONTRIBUTOR);
    assertThat(ActionMatcher.grants(nc, "Microsoft.Network/virtualNetworks/subnets/join/action"))
        .isTrue();
    assertThat(ActionMatcher.grants(nc, "Microsoft.NetworkFunction/things/write")).isFalse();
    assertThat(ActionMatcher.grants(nc, "Microsoft.Compute/virtualMachines/write")).isFalse();
  }

  @Test
  void globMatching() {
    assertThat(ActionMatcher.matches("*", "anything/at/all")).isTrue();
    assertThat(ActionMatcher.matches("*/read", "a/b/read")).isTrue();
    assertThat(ActionMatcher.matches("*/read", "a/b/readx")).isFalse();
    assertThat(
            ActionMatcher.matches(
                "Microsoft.Authorization/*/Write", "microsoft.authorization/roleassignments/write"))
        .isTrue();
    assertThat(ActionMatcher.matches("a/*/b", "a/x/y/b")).isTrue();
    assertThat(ActionMatcher.matches("a/*/b", "a/b")).isFalse();
  }
}
