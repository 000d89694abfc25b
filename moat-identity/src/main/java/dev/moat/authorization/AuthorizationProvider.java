package dev.moat.authorization;

import dev.moat.arm.routing.ArmOperation;
import dev.moat.arm.routing.ResourceProvider;
import dev.moat.arm.runtime.ProviderContext;
import dev.moat.authorization.http.RoleAssignmentRoutes;
import dev.moat.authorization.http.RoleDefinitionRoutes;
import dev.moat.authorization.model.BuiltInRoles;
import dev.moat.authorization.model.RoleAssignmentRepository;
import dev.moat.authorization.service.RbacAuthorizer;
import dev.moat.authorization.service.RoleAssignmentService;
import dev.moat.authorization.service.ScopeGuard;
import dev.moat.platform.contracts.Authorizer;
import dev.moat.platform.contracts.ResourceGroups;
import java.util.ArrayList;
import java.util.List;

/** {@code Microsoft.Authorization}: built-in role definitions, role assignments, the authorizer. */
public final class AuthorizationProvider implements ResourceProvider {
  private final RoleAssignmentRoutes assignmentRoutes;
  private final RoleDefinitionRoutes definitionRoutes;
  private final RbacAuthorizer authorizer;

  public AuthorizationProvider(
      ProviderContext context, ResourceGroups groups, PrincipalLookup principals) {
    BuiltInRoles roles = BuiltInRoles.load();
    RoleAssignmentRepository repository = new RoleAssignmentRepository(context.documents());
    ScopeGuard scopes = new ScopeGuard(context.tenancy(), groups, context.documents());
    RoleAssignmentService service =
        new RoleAssignmentService(
            repository,
            roles,
            scopes,
            principals,
            context.database(),
            context.clock(),
            context.tenancy().tenantId());
    this.assignmentRoutes = new RoleAssignmentRoutes(service, scopes);
    this.definitionRoutes = new RoleDefinitionRoutes(roles, scopes);
    this.authorizer = new RbacAuthorizer(repository, roles);
  }

  /** The RBAC decision every enforcing part of Moat asks. */
  public Authorizer authorizer() {
    return authorizer;
  }

  @Override
  public String namespace() {
    return "Microsoft.Authorization";
  }

  @Override
  public List<ArmOperation> operations() {
    List<ArmOperation> ops = new ArrayList<>(assignmentRoutes.operations());
    ops.addAll(definitionRoutes.operations());
    return ops;
  }
}
