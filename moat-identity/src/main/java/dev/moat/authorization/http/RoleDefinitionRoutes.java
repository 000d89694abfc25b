package dev.moat.authorization.http;

import dev.moat.arm.routing.ArmOperation;
import dev.moat.arm.routing.ArmRequest;
import dev.moat.arm.routing.ArmResponse;
import dev.moat.arm.routing.OperationTableBuilder;
import dev.moat.authorization.model.BuiltInRoles;
import dev.moat.authorization.model.RoleDefinition;
import dev.moat.authorization.service.ScopeGuard;
import dev.moat.authorization.validation.AuthorizationError;
import dev.moat.platform.id.ResourceType;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Read-only {@code Microsoft.Authorization/roleDefinitions}: GET by GUID and list at any scope with
 * {@code $filter=roleName eq '...'} (how {@code az role assignment create --role AcrPull} resolves
 * a role name) or {@code type eq 'BuiltInRole'}.
 */
public final class RoleDefinitionRoutes {
  static final ResourceType TYPE = ResourceType.of("Microsoft.Authorization/roleDefinitions");

  /** SDK 2.57 and az 2.45 send 2022-04-01; older az profiles 2015-07-01 / 2018-01-01-preview. */
  static final List<String> API_VERSIONS =
      List.of("2015-07-01", "2018-01-01-preview", "2022-04-01", "2022-05-01-preview");

  private static final Pattern ROLE_NAME =
      Pattern.compile("\\s*roleName\\s+eq\\s+'([^']*)'\\s*", Pattern.CASE_INSENSITIVE);
  private static final Pattern ROLE_TYPE =
      Pattern.compile("\\s*type\\s+eq\\s+'([^']*)'\\s*", Pattern.CASE_INSENSITIVE);

  private final BuiltInRoles roles;
  private final ScopeGuard scopes;

  public RoleDefinitionRoutes(BuiltInRoles roles, ScopeGuard scopes) {
    this.roles = roles;
    this.scopes = scopes;
  }

  public List<ArmOperation> operations() {
    return OperationTableBuilder.forType(TYPE, API_VERSIONS)
        .item("GET", this::get)
        .collection("GET", this::list)
        .build();
  }

  private ArmResponse get(ArmRequest request) {
    String guid = request.id().name();
    RoleDefinition role =
        roles
            .find(guid)
            .orElseThrow(() -> AuthorizationError.ROLE_DEFINITION_NOT_FOUND.exception(guid));
    return ArmResponse.ok(RoleDefinitionBodies.Definition.of(request.id().subscriptionId(), role));
  }

  private ArmResponse list(ArmRequest request) {
    Predicate<RoleDefinition> filter = filter(request.query("$filter"));
    scopes.requireExists(request.parent());
    String subscription = request.parent().subscriptionId();
    return ArmResponse.page(
        roles.all().stream()
            .filter(filter)
            .map(r -> RoleDefinitionBodies.Definition.of(subscription, r))
            .toList());
  }

  private static Predicate<RoleDefinition> filter(Optional<String> filter) {
    if (filter.isEmpty() || filter.get().isBlank()) {
      return r -> true;
    }
    Matcher name = ROLE_NAME.matcher(filter.get());
    if (name.matches()) {
      return r -> r.roleName().equalsIgnoreCase(name.group(1));
    }
    Matcher type = ROLE_TYPE.matcher(filter.get());
    if (type.matches()) {
      boolean builtIn = type.group(1).equalsIgnoreCase("BuiltInRole");
      return r -> builtIn;
    }
    throw AuthorizationError.UNSUPPORTED_ROLE_FILTER.exception(filter.get());
  }
}
