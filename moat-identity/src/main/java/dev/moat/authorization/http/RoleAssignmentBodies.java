package dev.moat.authorization.http;

import dev.moat.authorization.model.PrincipalType;
import dev.moat.authorization.model.RoleAssignment;
import dev.moat.authorization.service.RoleAssignmentRequest;
import java.time.Instant;

/** The wire shapes of {@code Microsoft.Authorization/roleAssignments} (2022-04-01). */
final class RoleAssignmentBodies {
  private RoleAssignmentBodies() {}

  /** PUT body: {@code {"properties":{...}}}. */
  record Put(PutProperties properties) {
    RoleAssignmentRequest toRequest() {
      PutProperties p =
          properties == null ? new PutProperties(null, null, null, null, null, null) : properties;
      return new RoleAssignmentRequest(
          p.roleDefinitionId(),
          p.principalId(),
          p.principalType(),
          p.description(),
          p.condition(),
          p.conditionVersion());
    }
  }

  /** PUT {@code properties}. */
  record PutProperties(
      String roleDefinitionId,
      String principalId,
      PrincipalType principalType,
      String description,
      String condition,
      String conditionVersion) {}

  /** GET/PUT/DELETE response. */
  record Assignment(String id, String name, String type, Properties properties) {
    static Assignment of(RoleAssignment a) {
      return new Assignment(
          a.id().toString(),
          a.name(),
          "Microsoft.Authorization/roleAssignments",
          new Properties(
              RoleDefinitionBodies.definitionId(a.id().subscriptionId(), a.roleDefinitionGuid()),
              a.principalId(),
              a.principalType().name(),
              a.scope().toString(),
              a.description(),
              a.condition(),
              a.conditionVersion(),
              a.createdOn(),
              a.updatedOn(),
              a.createdBy(),
              a.updatedBy()));
    }
  }

  /** Response {@code properties}. */
  record Properties(
      String roleDefinitionId,
      String principalId,
      String principalType,
      String scope,
      String description,
      String condition,
      String conditionVersion,
      Instant createdOn,
      Instant updatedOn,
      String createdBy,
      String updatedBy) {}
}
