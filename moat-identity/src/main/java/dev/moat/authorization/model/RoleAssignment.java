package dev.moat.authorization.model;

import dev.moat.platform.id.ResourceId;
import java.time.Instant;

/**
 * A stored role assignment. It is an extension resource of its {@code scope}, so the store keeps it
 * under that scope and deleting the scope deletes it.
 *
 * @param roleDefinitionGuid the GUID of the (built-in) role definition
 * @param createdBy the {@code oid} of the caller that created it
 */
public record RoleAssignment(
    ResourceId id,
    ResourceId scope,
    String roleDefinitionGuid,
    String principalId,
    PrincipalType principalType,
    String description,
    String condition,
    String conditionVersion,
    Instant createdOn,
    Instant updatedOn,
    String createdBy,
    String updatedBy) {

  /** The assignment's GUID. */
  public String name() {
    return id.name();
  }

  /** This assignment with new mutable properties, updated now by {@code caller}. */
  public RoleAssignment updated(
      String newDescription,
      String newCondition,
      String newConditionVersion,
      Instant at,
      String caller) {
    return new RoleAssignment(
        id,
        scope,
        roleDefinitionGuid,
        principalId,
        principalType,
        newDescription,
        newCondition,
        newConditionVersion,
        createdOn,
        at,
        createdBy,
        caller);
  }
}
