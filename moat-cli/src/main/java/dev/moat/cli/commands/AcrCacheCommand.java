package dev.moat.cli.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moat.cli.CliContext;
import dev.moat.cli.CliException;
import dev.moat.cli.http.Json;
import dev.moat.cli.options.Args;
import dev.moat.cli.options.Opt;
import dev.moat.cli.options.TableCommand;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code az acr cache}: artifact cache rules of a registry. */
@Command(name = "cache", description = "Manage cache rules in Azure Container Registries.")
public final class AcrCacheCommand extends CommandGroup {
  private static final String V = Registries.V;

  /**
   * The registry whose rules a command works on: the required {@code -r}, optionally {@code -g}.
   */
  private static final List<Opt> REGISTRY =
      List.of(
          Opt.str("--registry", "-r").required().help("The name of the container registry."),
          Opt.str("--resource-group", "-g").help("Name of resource group."));

  private static final Opt NAME =
      Opt.str("--name", "-n").required().help("The name of the cache rule.");
  private static final Opt CRED_SET =
      Opt.str("--cred-set", "-c").help("The name of the credential set.");

  public AcrCacheCommand(CliContext context) {
    super(context);
  }

  @Override
  public List<TableCommand> tableCommands() {
    return List.of(
        new TableCommand(
            "create",
            "Create a cache rule.",
            rule(
                Opt.str("--source-repo", "-s")
                    .required()
                    .help("The full source repository path such as 'docker.io/library/ubuntu'."),
                Opt.str("--target-repo", "-t")
                    .required()
                    .help("The target repository namespace such as 'ubuntu'."),
                CRED_SET),
            this::create),
        new TableCommand(
            "show",
            "Show a cache rule.",
            rule(),
            a -> {
              context.printResource(arm.show(rulePath(a), V));
              return 0;
            }),
        new TableCommand(
            "list",
            "List the cache rules in an Azure Container Registry.",
            REGISTRY,
            a -> {
              context.printResource(arm.list(registryPath(a) + "/cacheRules", V));
              return 0;
            }),
        new TableCommand(
            "update",
            "Update the credential set on a cache rule.",
            rule(
                CRED_SET,
                Opt.flag("--remove-cred-set")
                    .help(
                        "Optional boolean indicating whether to remove the credential set from"
                            + " the cache rule.")),
            this::update),
        new TableCommand(
            "delete",
            "Delete a cache rule.",
            rule(Opt.flag("--yes", "-y").help("Do not prompt for confirmation.")),
            a -> {
              Prompts.confirm(context, a.on("--yes"));
              arm.delete(rulePath(a), V, false);
              return 0;
            }));
  }

  /** One cache rule's options (its registry and {@code -n}), then {@code more}. */
  private static List<Opt> rule(Opt... more) {
    List<Opt> options = new ArrayList<>(REGISTRY);
    options.add(NAME);
    options.addAll(List.of(more));
    return options;
  }

  private int create(Args a) {
    String registryPath = registryPath(a);
    ObjectNode body = Json.object();
    ObjectNode props = body.putObject("properties");
    props.put("sourceRepository", a.str("--source-repo"));
    props.put("targetRepository", a.str("--target-repo"));
    if (a.str("--cred-set") != null) {
      props.put("credentialSetResourceId", registryPath + "/credentialSets/" + a.str("--cred-set"));
    }
    context.printResource(arm.put(rulePath(a), V, body, false));
    return 0;
  }

  private int update(Args a) {
    String credSet = a.str("--cred-set");
    boolean removeCredSet = a.on("--remove-cred-set");
    if ((credSet == null) == !removeCredSet) {
      throw CliException.usage(
          "You must provide either a credential set or use --remove-cred-set.");
    }
    ObjectNode body = Json.object();
    ObjectNode props = body.putObject("properties");
    if (removeCredSet) {
      props.putNull("credentialSetResourceId");
    } else {
      props.put("credentialSetResourceId", registryPath(a) + "/credentialSets/" + credSet);
    }
    context.printResource(arm.patch(rulePath(a), V, body, false));
    return 0;
  }

  private String registryPath(Args a) {
    return Registries.path(arm, a.str("--registry"), a.str("--resource-group"));
  }

  private String rulePath(Args a) {
    return registryPath(a) + "/cacheRules/" + a.str("--name");
  }
}
