package dev.moat.authorization.service;

import dev.moat.authorization.PrincipalLookup;
import dev.moat.authorization.model.BuiltInRoles;
import dev.moat.authorization.model.PrincipalType;
import dev.moat.authorization.model.RoleAssignment;
import dev.moat.authorization.model.RoleAssignmentRepository;
import dev.moat.authorization.model.RoleDefinition;
import dev.moat.authorization.validation.AuthorizationError;
import dev.moat.authorization.validation.Guids;
import dev.moat.platform.id.ResourceId;
import dev.moat.platform.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Role-assignment operations. Every check runs before the write, so a rejected PUT changes nothing;
 * the uniqueness checks and the write share one transaction.
 */
public final class RoleAssignmentService {
  private final RoleAssignmentRepository assignments;
  private final BuiltInRoles roles;
  private final ScopeGuard scopes;
  private final PrincipalLookup principals;
  private final Database database;
  private final Clock clock;
  private final String tenantId;

  public RoleAssignmentService(
      RoleAssignmentRepository assignments,
      BuiltInRoles roles,
      ScopeGuard scopes,
      PrincipalLookup principals,
      Database database,
      Clock clock,
      String tenantId) {
    this.assignments = assignments;
    this.roles = roles;
    this.scopes = scopes;
    this.principals = principals;
    this.database = database;
    this.clock = clock;
    this.tenantId = tenantId;
  }

  /** The outcome of a PUT. */
  public record Written(RoleAssignment assignment, boolean created) {}

  public Written createOrUpdate(ResourceId id, RoleAssignmentRequest request, String callerOid) {
    if (!Guids.isGuid(id.name())) {
      throw AuthorizationError.INVALID_ROLE_ASSIGNMENT_ID.exception(id.name());
    }
    if (request.roleDefinitionId() == null) {
      throw AuthorizationError.MISSING_PROPERTY.exception("roleDefinitionId");
    }
    if (request.principalId() == null) {
      throw AuthorizationError.MISSING_PROPERTY.exception("principalId");
    }
    if (!Guids.isGuid(request.principalId())) {
      throw AuthorizationError.INVALID_PRINCIPAL_ID.exception(request.principalId());
    }
    RoleDefinition role = resolveRole(request.roleDefinitionId());
    ResourceId scope = id.parent().orElseThrow();
    scopes.requireExists(scope);
    if (!principals.exists(request.principalId())) {
      throw AuthorizationError.PRINCIPAL_NOT_FOUND.exception(
          Guids.compact(request.principalId()), tenantId);
    }
    String conditionVersion =
        request.condition() != null && request.conditionVersion() == null
            ? "2.0"
            : request.conditionVersion();
    return database.inTransaction(
        c -> {
          Instant now = clock.instant();
          Optional<RoleAssignment> existing = assignments.find(id);
          if (existing.isPresent()) {
            RoleAssignment old = existing.get();
            if (!old.roleDefinitionGuid().equalsIgnoreCase(role.name())
                || !old.principalId().equalsIgnoreCase(request.principalId())) {
              throw AuthorizationError.UPDATE_NOT_PERMITTED.exception();
            }
            RoleAssignment updated =
                old.updated(
                    request.description(), request.condition(), conditionVersion, now, callerOid);
            assignments.save(updated);
            return new Written(updated, false);
          }
          for (RoleAssignment other : assignments.listByName(id.name())) {
            // Assignment names are unique beyond their scope; reusing one elsewhere is an update.
            if (other.id().subscriptionId().equalsIgnoreCase(id.subscriptionId())) {
              throw AuthorizationError.UPDATE_NOT_PERMITTED.exception();
            }
          }
          for (RoleAssignment other : assignments.listForPrincipal(request.principalId())) {
            if (other.scope().equals(scope)
                && other.roleDefinitionGuid().equalsIgnoreCase(role.name())
                && other.principalId().equalsIgnoreCase(request.principalId())) {
              throw AuthorizationError.ROLE_ASSIGNMENT_EXISTS.exception(
                  Guids.compact(other.name()));
            }
          }
          RoleAssignment created =
              new RoleAssignment(
                  id,
                  scope,
                  role.name(),
                  request.principalId(),
                  Objects.requireNonNullElse(request.principalType(), PrincipalType.User),
                  request.description(),
                  request.condition(),
                  conditionVersion,
                  now,
                  now,
                  callerOid,
                  callerOid);
          assignments.save(created);
          return new Written(created, true);
        });
  }

  public RoleAssignment get(ResourceId id) {
    return assignments
        .find(id)
        .orElseThrow(() -> AuthorizationError.ROLE_ASSIGNMENT_NOT_FOUND.exception(id.name()));
  }

  /** Deletes the assignment; empty when there was none. */
  public Optional<RoleAssignment> delete(ResourceId id) {
    return database.inTransaction(
        c -> {
          Optional<RoleAssignment> existing = assignments.find(id);
          existing.ifPresent(a -> assignments.delete(a.id()));
          return existing;
        });
  }

  /**
   * Assignments that apply at {@code scope}: at it or above it, and (unless {@code atScopeOnly})
   * below it, as Azure's list-for-scope answers.
   */
  public List<RoleAssignment> list(ResourceId scope, boolean atScopeOnly) {
    return assignments.listInSubscription(scope.subscriptionId()).stream()
        .filter(a -> a.scope().contains(scope) || (!atScopeOnly && scope.contains(a.scope())))
        .toList();
  }

  /** The built-in role a {@code roleDefinitionId} names, in any of the id forms Azure accepts. */
  RoleDefinition resolveRole(String roleDefinitionId) {
    String guid = roleDefinitionId.substring(roleDefinitionId.lastIndexOf('/') + 1);
    boolean wellFormed =
        roleDefinitionId.equals(guid)
            || roleDefinitionId
                .toLowerCase(java.util.Locale.ROOT)
                .contains("/providers/microsoft.authorization/roledefinitions/");
    return (wellFormed ? roles.find(guid) : Optional.<RoleDefinition>empty())
        .orElseThrow(
            () ->
                AuthorizationError.ROLE_DEFINITION_NOT_FOUND_FOR_ASSIGNMENT.exception(
                    Guids.isGuid(guid) ? guid : roleDefinitionId));
  }
}
