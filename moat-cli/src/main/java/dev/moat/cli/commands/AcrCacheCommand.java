package dev.moat.cli.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moat.cli.CliContext;
import dev.moat.cli.CliException;
import dev.moat.cli.http.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
      @Mixin CacheRuleName rule,
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
    String registryPath = rule.registry.path(arm);
    ObjectNode body = Json.object();
    ObjectNode props = body.putObject("properties");
    props.put("sourceRepository", source);
    props.put("targetRepository", target);
    if (credSet != null) {
      props.put("credentialSetResourceId", registryPath + "/credentialSets/" + credSet);
    }
    context.printResource(arm.put(registryPath + "/cacheRules/" + rule.name, V, body, false));
    return 0;
  }

  @Command(name = "show", description = "Show a cache rule.")
  int show(@Mixin CacheRuleName rule) {
    context.printResource(arm.show(rule.path(arm), V));
    return 0;
  }

  @Command(name = "list", description = "List the cache rules in an Azure Container Registry.")
  int list(@Mixin RegistryRef registry) {
    context.printResource(arm.list(registry.path(arm) + "/cacheRules", V));
    return 0;
  }

  @Command(name = "update", description = "Update the credential set on a cache rule.")
  int update(
      @Mixin CacheRuleName rule,
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
    String registryPath = rule.registry.path(arm);
    ObjectNode body = Json.object();
    ObjectNode props = body.putObject("properties");
    if (removeCredSet) {
      props.putNull("credentialSetResourceId");
    } else {
      props.put("credentialSetResourceId", registryPath + "/credentialSets/" + credSet);
    }
    context.printResource(arm.patch(registryPath + "/cacheRules/" + rule.name, V, body, false));
    return 0;
  }

  @Command(name = "delete", description = "Delete a cache rule.")
  int delete(@Mixin CacheRuleName rule, @Mixin CommonOptions.Yes yes) {
    Prompts.confirm(context, yes.value());
    arm.delete(rule.path(arm), V, false);
    return 0;
  }

  /**
   * The registry whose rules a command works on: the required {@code -r} and, optionally, {@code
   * -g}.
   */
  public static final class RegistryRef {
    @Option(
        names = {"--registry", "-r"},
        required = true,
        description = "The name of the container registry.")
    String registry;

    @Mixin CommonOptions.OptionalGroup group;

    String path(Arm arm) {
      return Registries.path(arm, registry, group.value());
    }
  }

  /** One cache rule: its registry and the required {@code -n}. */
  public static final class CacheRuleName {
    @Mixin RegistryRef registry;

    @Option(
        names = {"--name", "-n"},
        required = true,
        description = "The name of the cache rule.")
    String name;

    String path(Arm arm) {
      return registry.path(arm) + "/cacheRules/" + name;
    }
  }
}
