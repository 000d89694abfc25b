package dev.moat.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moat.cli.CliContext;
import dev.moat.cli.CliException;
import dev.moat.cli.http.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code az role assignment}: PUT with a new GUID name; {@code --role} as a GUID or a role name
 * resolved through {@code roleDefinitions?$filter=roleName eq '...'} at the scope.
 */
@Command(name = "assignment", description = "Manage role assignments.")
public final class RoleAssignmentCommand extends CommandGroup {
  private static final String V = ApiVersions.AUTHORIZATION;
  private static final String PROVIDER = "/providers/Microsoft.Authorization";
  private static final Pattern GUID =
      Pattern.compile("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final Choices PRINCIPAL_TYPES =
      Choices.of("--assignee-principal-type", "User", "Group", "ServicePrincipal", "ForeignGroup");

  public RoleAssignmentCommand(CliContext context) {
    super(context);
  }

  @Command(
      name = "create",
      description = "Create a new role assignment for a user, group, or" + " service principal.")
  int create(
      @Option(names = "--role", required = true, description = "Role name or id.") String role,
      @Option(names = "--scope", description = "Scope at which the role assignment applies to.")
          String scope,
      @Option(
              names = {"--resource-group", "-g"},
              description =
                  "Use it only if the role"
                      + " assignment was added at the level of a resource group.")
          String group,
      @Option(
              names = "--assignee",
              description = "Represent a user, group, or service" + " principal (object id here).")
          String assignee,
      @Option(
              names = "--assignee-object-id",
              description =
                  "Use this parameter instead of" + " '--assignee' to bypass Graph API invocation.")
          String objectId,
      @Option(
              names = "--assignee-principal-type",
              description =
                  "Use with"
                      + " --assignee-object-id to avoid errors caused by propagation latency in Microsoft"
                      + " Graph.  Allowed values: ForeignGroup, Group, ServicePrincipal, User.")
          String principalType,
      @Option(names = "--description", description = "Description of role assignment.")
          String description) {
    String type = PRINCIPAL_TYPES.parse(prog("create"), principalType);
    String principal = principal(assignee, objectId);
    String at = scope(scope, group);
    ObjectNode body = Json.object();
    ObjectNode props = body.putObject("properties");
    props.put("roleDefinitionId", roleDefinitionId(role, at));
    props.put("principalId", principal);
    if (type != null) {
      props.put("principalType", type);
    }
    if (description != null) {
      props.put("description", description);
    }
    String path = at + PROVIDER + "/roleAssignments/" + UUID.randomUUID();
    context.printResource(arm.put(path, V, body, false));
    return 0;
  }

  @Command(name = "list", description = "List role assignments.")
  int list(
      @Mixin Filter filter,
      @Option(names = "--all", description = "Show all assignments under the current subscription.")
          boolean all) {
    context.printResource(
        matching(scope(filter.scope, filter.group), filter.assignee, filter.role, all));
    return 0;
  }

  @Command(name = "delete", description = "Delete role assignments.")
  int delete(
      @Option(names = "--ids", arity = "1..*", description = "Space-separated role assignment ids.")
          List<String> ids,
      @Mixin Filter filter,
      @Option(
              names = {"--yes", "-y"},
              description = "Currently no-op.")
          boolean yes) {
    if (ids != null && !ids.isEmpty()) {
      ids.forEach(id -> arm.delete(id, V, false));
      return 0;
    }
    if (filter.scope == null
        && filter.group == null
        && filter.assignee == null
        && filter.role == null) {
      throw CliException.command(
          "Please provide at least one of these arguments: --ids,"
              + " --assignee, --role, --resource-group, --scope");
    }
    for (JsonNode a :
        matching(scope(filter.scope, filter.group), filter.assignee, filter.role, false)) {
      arm.delete(a.path("id").asText(), V, false);
    }
    return 0;
  }

  /** The options list and delete select assignments by. */
  public static final class Filter {
    @Option(names = "--scope", description = "Scope at which the role assignment applies to.")
    String scope;

    @Option(
        names = {"--resource-group", "-g"},
        description = "Resource group.")
    String group;

    @Option(names = "--assignee", description = "Object id of a principal.")
    String assignee;

    @Option(names = "--role", description = "Role name or id.")
    String role;
  }

  private ArrayNode matching(String scope, String assignee, String role, boolean all) {
    String filter = assignee != null ? "principalId eq '" + assignee + "'" : "atScope()";
    ArrayNode found = arm.list(scope + PROVIDER + "/roleAssignments?$filter=" + enc(filter), V);
    String roleId = role == null ? null : roleDefinitionId(role, scope);
    ArrayNode out = Json.object().arrayNode();
    for (JsonNode a : found) {
      String assigned = a.path("properties").path("roleDefinitionId").asText();
      boolean roleOk = roleId == null || tail(assigned).equalsIgnoreCase(tail(roleId));
      boolean scopeOk =
          all || a.path("properties").path("scope").asText(scope).equalsIgnoreCase(scope);
      if (roleOk && scopeOk) {
        out.add(a);
      }
    }
    return out;
  }

  private String principal(String assignee, String objectId) {
    if (objectId != null) {
      return objectId;
    }
    if (assignee == null) {
      throw CliException.command("usage error: --assignee STRING | --assignee-object-id GUID");
    }
    if (!GUID.matcher(assignee).matches()) {
      // Moat has no Microsoft Graph to look names up in.
      throw CliException.command(
          "Cannot find user or service principal in graph database for '"
              + assignee
              + "'. If"
              + " the assignee is an appId, make sure the corresponding service principal is"
              + " created with 'az ad sp create --id "
              + assignee
              + "'.");
    }
    return assignee;
  }

  private String scope(String scope, String group) {
    if (scope != null) {
      return scope.endsWith("/") ? scope.substring(0, scope.length() - 1) : scope;
    }
    return group != null ? arm.groupPath(group) : "/subscriptions/" + arm.subscriptionId();
  }

  /** A role GUID, a role definition id, or a role name looked up at the scope. */
  private String roleDefinitionId(String role, String scope) {
    if (GUID.matcher(role).matches()) {
      return "/subscriptions/" + arm.subscriptionId() + PROVIDER + "/roleDefinitions/" + role;
    }
    if (role.contains("/roleDefinitions/")) {
      return role;
    }
    ArrayNode defs =
        arm.list(
            scope + PROVIDER + "/roleDefinitions?$filter=" + enc("roleName eq '" + role + "'"), V);
    if (defs.isEmpty()) {
      throw CliException.command("Role '" + role + "' doesn't exist.");
    }
    return defs.get(0).path("id").asText();
  }

  private static String tail(String id) {
    return id.substring(id.lastIndexOf('/') + 1);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
