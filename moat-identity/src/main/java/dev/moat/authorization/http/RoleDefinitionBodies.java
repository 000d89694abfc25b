package dev.moat.authorization.http;

import dev.moat.authorization.model.Permission;
import dev.moat.authorization.model.RoleDefinition;
import java.util.List;

/** The wire shapes of {@code Microsoft.Authorization/roleDefinitions} (2022-04-01). */
final class RoleDefinitionBodies {
  private RoleDefinitionBodies() {}

  /** The id Azure returns for a built-in role read within a subscription. */
  static String definitionId(String subscriptionId, String guid) {
    return "/subscriptions/"
        + subscriptionId
        + "/providers/Microsoft.Authorization/roleDefinitions/"
        + guid;
  }

  /** GET response. */
  record Definition(String id, String name, String type, Properties properties) {
    static Definition of(String subscriptionId, RoleDefinition r) {
      return new Definition(
          definitionId(subscriptionId, r.name()),
          r.name(),
          "Microsoft.Authorization/roleDefinitions",
          new Properties(
              r.roleName(), "BuiltInRole", r.description(), List.of("/"), r.permissions()));
    }
  }

  /**
   * {@code properties}; the wire name of the role type is {@code type} (the SDKs surface it as
   * {@code roleType}).
   */
  record Properties(
      String roleName,
      String type,
      String description,
      List<String> assignableScopes,
      List<Permission> permissions) {}
}
