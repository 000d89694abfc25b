package dev.moat.authorization.service;

import dev.moat.authorization.model.BuiltInRoles;
import dev.moat.authorization.model.RoleAssignmentRepository;
import dev.moat.platform.contracts.Authorizer;
import dev.moat.platform.id.ResourceId;

/**
 * {@link Authorizer} over stored role assignments: an action is allowed when an assignment of the
 * principal at the scope or any enclosing scope (child resource, resource, group, subscription)
 * names a role that grants it. Reads the store on every call, so it reflects writes at once.
 */
public final class RbacAuthorizer implements Authorizer {
  private final RoleAssignmentRepository assignments;
  private final BuiltInRoles roles;

  public RbacAuthorizer(RoleAssignmentRepository assignments, BuiltInRoles roles) {
    this.assignments = assignments;
    this.roles = roles;
  }

  @Override
  public boolean allowed(String principalObjectId, String action, ResourceId scope) {
    return assignments.listForPrincipal(principalObjectId).stream()
        .filter(a -> a.principalId().equalsIgnoreCase(principalObjectId))
        .filter(a -> a.scope().contains(scope))
        .flatMap(a -> roles.find(a.roleDefinitionGuid()).stream())
        .anyMatch(role -> ActionMatcher.grants(role, action));
  }
}
