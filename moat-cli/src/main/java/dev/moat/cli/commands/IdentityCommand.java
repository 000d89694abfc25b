package dev.moat.cli.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moat.cli.CliContext;
import dev.moat.cli.http.Json;
import dev.moat.cli.options.Args;
import dev.moat.cli.options.Opt;
import dev.moat.cli.options.TableCommand;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code az identity}: user-assigned managed identities. */
@Command(name = "identity", description = "Managed Identities.")
public final class IdentityCommand extends CommandGroup {
  private static final String V = ApiVersions.MANAGED_IDENTITY;
  private static final Opt NAME =
      Opt.str("--name", "-n").help("The name of the identity resource.");

  /** Show and delete name an identity by group and name, or by {@code --ids}. */
  private static final List<Opt> BY_NAME_OR_IDS =
      List.of(
          Opt.str("--resource-group", "-g").help("Name of resource group."),
          NAME,
          Opt.list("--ids").help("One or more resource IDs."));

  private final Resources identities;

  public IdentityCommand(CliContext context) {
    super(context);
    this.identities =
        new Resources(context, arm, "Microsoft.ManagedIdentity/userAssignedIdentities", V);
  }

  @Override
  public List<TableCommand> tableCommands() {
    return List.of(
        new TableCommand(
            "create",
            "Create Identities.",
            List.of(
                CommonOptions.GROUP, NAME.required(), CommonOptions.LOCATION, CommonOptions.TAGS),
            this::create),
        new TableCommand(
            "show",
            "Show an identity.",
            BY_NAME_OR_IDS,
            a -> {
              // Each identity prints as its own document, not gathered in a list as
              // Resources.show does.
              for (String p : paths(a)) {
                context.printResource(arm.show(p, V));
              }
              return 0;
            }),
        new TableCommand(
            "list",
            "List user assigned identities.",
            List.of(Opt.str("--resource-group", "-g").help("Name of resource group.")),
            a -> {
              identities.list(a.str("--resource-group"));
              return 0;
            }),
        new TableCommand(
            "delete",
            "Delete an identity.",
            BY_NAME_OR_IDS,
            a -> {
              identities.delete(paths(a), false);
              return 0;
            }));
  }

  private int create(Args a) {
    String group = a.str("--resource-group");
    ObjectNode body = Json.object().put("location", arm.locationOr(a.str("--location"), group));
    Tags.apply(body, a.list("--tags"));
    context.printResource(arm.put(identities.path(group, a.str("--name")), V, body, false));
    return 0;
  }

  private List<String> paths(Args a) {
    return Target.paths(
        a.list("--ids"), () -> identities.path(a.str("--resource-group"), a.str("--name")));
  }
}
