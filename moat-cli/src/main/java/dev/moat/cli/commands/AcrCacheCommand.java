package dev.moat.cli.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moat.cli.CliContext;
import dev.moat.cli.CliException;
import dev.moat.cli.http.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code az acr cache}: artifact cache rules of a registry. */
@Command(name = "cache", description = "Manage cache rules in Azure Container Registries.")
public final class AcrCacheCommand extends CommandGroup {
  private static final String V = Registries.V;

  public AcrCacheCommand(CliContext context) {
    super(context);
  }

  @Command(name = "create", description = "Create a cache rule.")
  int create(
      @Option(
              names = {"--registry", "-r"},
              required = true,
              description = "The name of the" + " container registry.")
          String registry,
      @Option(
              names = {"--name", "-n"},
              required = true,
              description = "The name of the cache" + " rule.")
          String name,
      @Option(
              names = {"--resource-group", "-g"},
              description = "Name of resource group.")
          String group,
      @Option(
              names = {"--source-repo", "-s"},
              required = true,
              description =
                  "The full source" + " repository path such as 'docker.io/library/ubuntu'.")
          String source,
      @Option(
              names = {"--target-repo", "-t"},
              required = true,
              description = "The target" + " repository namespace such as 'ubuntu'.")
          String target,
      @Option(
              names = {"--cred-set", "-c"},
              description = "The name of the credential set.")
          String credSet) {
    String registryPath = Registries.path(arm, registry, group);
    ObjectNode body = Json.object();
    ObjectNode props = body.putObject("properties");
    props.put("sourceRepository", source);
    props.put("targetRepository", target);
    if (credSet != null) {
      props.put("credentialSetResourceId", registryPath + "/credentialSets/" + credSet);
    }
    context.printResource(arm.put(registryPath + "/cacheRules/" + name, V, body, false));
    return 0;
  }

  @Command(name = "show", description = "Show a cache rule.")
  int show(
      @Option(
              names = {"--registry", "-r"},
              required = true,
              description = "The name of the" + " container registry.")
          String registry,
      @Option(
              names = {"--name", "-n"},
              required = true,
              description = "The name of the cache" + " rule.")
          String name,
      @Option(
              names = {"--resource-group", "-g"},
              description = "Name of resource group.")
          String group) {
    context.printResource(
        arm.show(Registries.path(arm, registry, group) + "/cacheRules/" + name, V));
    return 0;
  }

  @Command(name = "list", description = "List the cache rules in an Azure Container Registry.")
  int list(
      @Option(
              names = {"--registry", "-r"},
              required = true,
              description = "The name of the" + " container registry.")
          String registry,
      @Option(
              names = {"--resource-group", "-g"},
              description = "Name of resource group.")
          String group) {
    context.printResource(arm.list(Registries.path(arm, registry, group) + "/cacheRules", V));
    return 0;
  }

  @Command(name = "update", description = "Update the credential set on a cache rule.")
  int update(
      @Option(
              names = {"--registry", "-r"},
              required = true,
              description = "The name of the" + " container registry.")
          String registry,
      @Option(
              names = {"--name", "-n"},
              required = true,
              description = "The name of the cache" + " rule.")
          String name,
      @Option(
              names = {"--resource-group", "-g"},
              description = "Name of resource group.")
          String group,
      @Option(
              names = {"--cred-set", "-c"},
              description = "The name of the credential set.")
          String credSet,
      @Option(
              names = "--remove-cred-set",
              description =
                  "Optional boolean indicating whether to"
                      + " remove the credential set from the cache rule.")
          boolean removeCredSet) {
    if ((credSet == null) == !removeCredSet) {
      throw CliException.usage(
          "You must provide either a credential set or use" + " --remove-cred-set.");
    }
    String registryPath = Registries.path(arm, registry, group);
    ObjectNode body = Json.object();
    ObjectNode props = body.putObject("properties");
    if (removeCredSet) {
      props.putNull("credentialSetResourceId");
    } else {
      props.put("credentialSetResourceId", registryPath + "/credentialSets/" + credSet);
    }
    context.printResource(arm.patch(registryPath + "/cacheRules/" + name, V, body, false));
    return 0;
  }

  @Command(name = "delete", description = "Delete a cache rule.")
  int delete(
      @Option(
              names = {"--registry", "-r"},
              required = true,
              description = "The name of the" + " container registry.")
          String registry,
      @Option(
              names = {"--name", "-n"},
              required = true,
              description = "The name of the cache" + " rule.")
          String name,
      @Option(
              names = {"--resource-group", "-g"},
              description = "Name of resource group.")
          String group,
      @Option(
              names = {"--yes", "-y"},
              description = "Do not prompt for confirmation.")
          boolean yes) {
    Prompts.confirm(context, yes);
    arm.delete(Registries.path(arm, registry, group) + "/cacheRules/" + name, V, false);
    return 0;
  }
}
