package dev.moat.containerregistry.model;

/** {@code properties.roleAssignmentMode}. */
public enum RoleAssignmentMode {
  AbacRepositoryPermissions,
  LegacyRegistryPermissions
}
