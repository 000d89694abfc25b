package dev.moat.cli.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moat.cli.CliContext;
import dev.moat.cli.http.Json;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code az identity}: user-assigned managed identities. */
@Command(name = "identity", description = "Managed Identities.")
public final class IdentityCommand extends CommandGroup {
  private static final String V = ApiVersions.MANAGED_IDENTITY;
  private static final String TYPE = "Microsoft.ManagedIdentity/userAssignedIdentities";

  public IdentityCommand(CliContext context) {
    super(context);
  }

  @Command(name = "create", description = "Create Identities.")
  int create(
      @Option(
              names = {"--resource-group", "-g"},
              required = true,
              description = "Name of" + " resource group.")
          String group,
      @Option(
              names = {"--name", "-n"},
              required = true,
              description = "The name of the identity" + " resource.")
          String name,
      @Option(
              names = {"--location", "-l"},
              description = "Location. Default: the resource" + " group's location.")
          String location,
      @Option(names = "--tags", arity = "0..*", description = "Space-separated tags.")
          List<String> tags) {
    ObjectNode body = Json.object().put("location", arm.locationOr(location, group));
    ObjectNode t = Tags.parse(tags);
    if (t != null) {
      body.set("tags", t);
    }
    context.printResource(arm.put(path(group, name), V, body, false));
    return 0;
  }

  @Command(name = "show", description = "Show an identity.")
  int show(
      @Option(
              names = {"--resource-group", "-g"},
              description = "Name of resource group.")
          String group,
      @Option(
              names = {"--name", "-n"},
              description = "The name of the identity resource.")
          String name,
      @Option(names = "--ids", arity = "1..*", description = "One or more resource IDs.")
          List<String> ids) {
    for (String p : Target.paths(ids, () -> path(group, name))) {
      context.printResource(arm.show(p, V));
    }
    return 0;
  }

  @Command(name = "list", description = "List user assigned identities.")
  int list(
      @Option(
              names = {"--resource-group", "-g"},
              description = "Name of resource group.")
          String group) {
    String path =
        group == null
            ? "/subscriptions/" + arm.subscriptionId() + "/providers/" + TYPE
            : arm.providerPath(group, TYPE);
    context.printResource(arm.list(path, V));
    return 0;
  }

  @Command(name = "delete", description = "Delete an identity.")
  int delete(
      @Option(
              names = {"--resource-group", "-g"},
              description = "Name of resource group.")
          String group,
      @Option(
              names = {"--name", "-n"},
              description = "The name of the identity resource.")
          String name,
      @Option(names = "--ids", arity = "1..*", description = "One or more resource IDs.")
          List<String> ids) {
    Target.paths(ids, () -> path(group, name)).forEach(p -> arm.delete(p, V, false));
    return 0;
  }

  private String path(String group, String name) {
    Target.require(group, "--resource-group/-g");
    Target.require(name, "--name/-n");
    return arm.providerPath(group, TYPE + "/" + name);
  }
}
