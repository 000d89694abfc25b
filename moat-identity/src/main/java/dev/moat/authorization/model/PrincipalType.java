package dev.moat.authorization.model;

/** The {@code principalType} values of a role assignment (Azure's default is {@code User}). */
public enum PrincipalType {
  User,
  Group,
  ServicePrincipal,
  ForeignGroup,
  Device
}
