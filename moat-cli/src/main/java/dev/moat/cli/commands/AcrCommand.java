package dev.moat.cli.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moat.cli.CliContext;
import dev.moat.cli.CliException;
import dev.moat.cli.commands.CommonOptions.Group;
import dev.moat.cli.commands.CommonOptions.Location;
import dev.moat.cli.commands.CommonOptions.OptionalGroup;
import dev.moat.cli.commands.CommonOptions.TagList;
import dev.moat.cli.http.Json;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code az acr}: container registries. */
@Command(
    name = "acr",
    description = "Manage private registries with Azure Container Registries.",
    subcommands = {AcrCacheCommand.class, AcrRepositoryCommand.class, AcrManifestCommand.class})
public final class AcrCommand extends CommandGroup {
  private static final String V = Registries.V;
  private static final Choices SKUS = Choices.of("--sku", "Basic", "Premium", "Standard");

  public AcrCommand(CliContext context) {
    super(context);
  }

  @Command(name = "create", description = "Create an Azure Container Registry.")
  int create(
      @Mixin Group rg,
      @Option(
              names = {"--name", "-n"},
              required = true,
              description = "The name of the container" + " registry.")
          String name,
      @Option(
              names = "--sku",
              required = true,
              description =
                  "The SKU of the container registry."
                      + "  Allowed values: Basic, Premium, Standard.")
          String sku,
      @Mixin Location loc,
      @Option(
              names = "--admin-enabled",
              description =
                  "Indicates whether the admin user is" + " enabled.  Allowed values: false, true.")
          String admin,
      @Option(
              names = "--public-network-enabled",
              description =
                  "Allow public network access for"
                      + " the container registry.  Allowed values: false, true.")
          String publicNetwork,
      @Option(
              names = "--zone-redundancy",
              description =
                  "Indicates whether or not zone"
                      + " redundancy should be enabled.  Allowed values: Disabled, Enabled.")
          String zoneRedundancy,
      @Mixin TagList tagList) {
    List<String> tags = tagList.value();
    String location = loc.value();
    String group = rg.value();
    String prog = prog("create");
    ObjectNode body = Json.object().put("location", arm.locationOr(location, group));
    body.putObject("sku").put("name", SKUS.parse(prog, sku));
    Tags.apply(body, tags);
    ObjectNode props = body.putObject("properties");
    Boolean adminOn = Flags.bool(prog, "--admin-enabled", admin);
    props.put("adminUserEnabled", Boolean.TRUE.equals(adminOn));
    Boolean pub = Flags.bool(prog, "--public-network-enabled", publicNetwork);
    if (pub != null) {
      props.put("publicNetworkAccess", pub ? "Enabled" : "Disabled");
    }
    if (zoneRedundancy != null) {
      props.put(
          "zoneRedundancy",
          Choices.of("--zone-redundancy", "Disabled", "Enabled").parse(prog, zoneRedundancy));
    }
    context.printResource(
        arm.put(arm.providerPath(group, Registries.TYPE + "/" + name), V, body, false));
    return 0;
  }

  @Command(
      name = "import",
      description =
          "Imports an image to an Azure Container Registry from another Container Registry.")
  int importImage(
      @Mixin RegistryName registry,
      @Option(
              names = "--source",
              required = true,
              description =
                  "The source identifier will be either a source image name or a fully qualified"
                      + " source.")
          String source,
      @Option(
              names = {"--registry", "-r"},
              description =
                  "The source Azure container registry. This can be name, login server or resource"
                      + " ID of the source registry.")
          String sourceRegistry,
      @Option(
              names = {"--username", "-u"},
              description = "The username of source container registry.")
          String username,
      @Option(
              names = {"--password", "-p"},
              description = "The password of source container registry.")
          String password,
      @Option(
              names = {"--image", "-t"},
              description = "The name of the target image in 'repository:tag' format.")
          List<String> targetTags,
      @Option(
              names = "--repository",
              description = "The repository name to do a manifest-only copy for images.")
          List<String> repositories,
      @Option(names = "--force", description = "Overwrite the existing tag of the image.")
          boolean force,
      @Mixin CommonOptions.NoWait noWait) {
    if (username != null && password == null) {
      throw CliException.command(AcrImport.CREDENTIALS_INVALID);
    }
    String target = registry.path(arm);
    ObjectNode body =
        new AcrImport(arm)
            .body(source, sourceRegistry, username, password, targetTags, repositories, force);
    arm.post(target + "/importImage", V, body, noWait.value());
    if (noWait.value()) {
      context.log().warn(AcrImport.NO_WAIT_WARNING);
    }
    return 0;
  }

  @Command(name = "show", description = "Get the details of an Azure Container Registry.")
  int show(@Mixin RegistryName registry) {
    context.printResource(arm.show(registry.path(arm), V));
    return 0;
  }

  @Command(name = "update", description = "Update an Azure Container Registry.")
  int update(
      @Mixin RegistryName registry,
      @Option(
              names = "--sku",
              description =
                  "The SKU of the container registry.  Allowed"
                      + " values: Basic, Premium, Standard.")
          String sku,
      @Option(names = "--admin-enabled", description = "Allowed values: false, true.") String admin,
      @Option(names = "--public-network-enabled", description = "Allowed values: false, true.")
          String publicNetwork,
      @Option(
              names = "--data-endpoint-enabled",
              description =
                  "Enable dedicated data endpoint"
                      + " for client firewall configuration.  Allowed values: false, true.")
          String dataEndpoint,
      @Mixin TagList tagList) {
    List<String> tags = tagList.value();
    String prog = prog("update");
    ObjectNode body = Json.object();
    if (sku != null) {
      body.putObject("sku").put("name", SKUS.parse(prog, sku));
    }
    Tags.apply(body, tags);
    ObjectNode props = Json.object();
    Boolean adminOn = Flags.bool(prog, "--admin-enabled", admin);
    if (adminOn != null) {
      props.put("adminUserEnabled", adminOn);
    }
    Boolean pub = Flags.bool(prog, "--public-network-enabled", publicNetwork);
    if (pub != null) {
      props.put("publicNetworkAccess", pub ? "Enabled" : "Disabled");
    }
    Boolean data = Flags.bool(prog, "--data-endpoint-enabled", dataEndpoint);
    if (data != null) {
      props.put("dataEndpointEnabled", data);
    }
    if (!props.isEmpty()) {
      body.set("properties", props);
    }
    context.printResource(arm.patch(registry.path(arm), V, body, false));
    return 0;
  }

  @Command(
      name = "list",
      description = "List all container registries under the current" + " subscription.")
  int list(@Mixin OptionalGroup rg) {
    String group = rg.value();
    new Resources(context, arm, Registries.TYPE, V).list(group);
    return 0;
  }

  @Command(name = "delete", description = "Delete an Azure Container Registry.")
  int delete(@Mixin RegistryName registry, @Mixin CommonOptions.Yes yes) {
    Prompts.confirm(context, yes.value());
    arm.delete(registry.path(arm), V, false);
    return 0;
  }

  /** An existing registry: the required {@code -n} and, optionally, its group. */
  public static final class RegistryName {
    @Option(
        names = {"--name", "-n"},
        required = true,
        description = "The name of the container registry.")
    String name;

    @Mixin CommonOptions.OptionalGroup group;

    public String name() {
      return name;
    }

    public String group() {
      return group.value();
    }

    String path(Arm arm) {
      return Registries.path(arm, name, group.value());
    }
  }
}
