package dev.moat.cli.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moat.cli.CliContext;
import dev.moat.cli.commands.CommonOptions.Group;
import dev.moat.cli.commands.CommonOptions.GroupOrIds;
import dev.moat.cli.commands.CommonOptions.Location;
import dev.moat.cli.commands.CommonOptions.OptionalGroup;
import dev.moat.cli.commands.CommonOptions.TagList;
import dev.moat.cli.http.Json;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code az identity}: user-assigned managed identities. */
@Command(name = "identity", description = "Managed Identities.")
public final class IdentityCommand extends CommandGroup {
  private static final String V = ApiVersions.MANAGED_IDENTITY;
  private final Resources identities;

  public IdentityCommand(CliContext context) {
    super(context);
    this.identities =
        new Resources(context, arm, "Microsoft.ManagedIdentity/userAssignedIdentities", V);
  }

  @Command(name = "create", description = "Create Identities.")
  int create(
      @Mixin Group rg,
      @Option(
              names = {"--name", "-n"},
              required = true,
              description = "The name of the identity" + " resource.")
          String name,
      @Mixin Location loc,
      @Mixin TagList tagList) {
    List<String> tags = tagList.value();
    String location = loc.value();
    String group = rg.value();
    ObjectNode body = Json.object().put("location", arm.locationOr(location, group));
    Tags.apply(body, tags);
    context.printResource(arm.put(identities.path(group, name), V, body, false));
    return 0;
  }

  @Command(name = "show", description = "Show an identity.")
  int show(
      @Mixin GroupOrIds target,
      @Option(
              names = {"--name", "-n"},
              description = "The name of the identity resource.")
          String name) {
    // Each identity prints as its own document, not gathered in a list as Resources.show does.
    for (String p : target.paths(() -> identities.path(target.group(), name))) {
      context.printResource(arm.show(p, V));
    }
    return 0;
  }

  @Command(name = "list", description = "List user assigned identities.")
  int list(@Mixin OptionalGroup rg) {
    String group = rg.value();
    identities.list(group);
    return 0;
  }

  @Command(name = "delete", description = "Delete an identity.")
  int delete(
      @Mixin GroupOrIds target,
      @Option(
              names = {"--name", "-n"},
              description = "The name of the identity resource.")
          String name) {
    identities.delete(target.paths(() -> identities.path(target.group(), name)), false);
    return 0;
  }
}
