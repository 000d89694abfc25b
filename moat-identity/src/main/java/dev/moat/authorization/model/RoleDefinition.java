package dev.moat.authorization.model;

import java.util.List;

/**
 * A role definition: its GUID ({@code name}), display name, description and permissions. Moat
 * serves Azure's built-in roles only; their GUIDs are the same in every tenant.
 */
public record RoleDefinition(
    String name, String roleName, String description, List<Permission> permissions) {

  public RoleDefinition {
    permissions = List.copyOf(permissions);
  }
}
