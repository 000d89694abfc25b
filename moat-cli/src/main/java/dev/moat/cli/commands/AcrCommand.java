package dev.moat.cli.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moat.cli.CliContext;
import dev.moat.cli.CliException;
import dev.moat.cli.commands.CommonOptions.OptionalGroup;
import dev.moat.cli.http.Json;
import dev.moat.cli.options.Args;
import dev.moat.cli.options.Opt;
import dev.moat.cli.options.TableCommand;
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
  private static final Opt NAME =
      Opt.str("--name", "-n").required().help("The name of the container registry.");
  private static final Opt SKU =
      Opt.choice("--sku", "Basic", "Premium", "Standard")
          .help("The SKU of the container registry.");
  private static final Opt ADMIN =
      Opt.bool("--admin-enabled").help("Indicates whether the admin user is enabled.");
  private static final Opt PUBLIC_NETWORK =
      Opt.bool("--public-network-enabled")
          .help("Allow public network access for the container registry.");
  private static final Opt TAGS =
      Opt.kv("--tags").help("Space-separated tags: key[=value] [key[=value] ...].");

  public AcrCommand(CliContext context) {
    super(context);
  }

  @Override
  public List<TableCommand> tableCommands() {
    return List.of(
        new TableCommand(
            "create",
            "Create an Azure Container Registry.",
            List.of(
                Opt.str("--resource-group", "-g").required().help("Name of resource group."),
                NAME,
                SKU.required(),
                Opt.str("--location", "-l")
                    .help("Location. Default: the resource group's location."),
                ADMIN,
                PUBLIC_NETWORK,
                Opt.choice("--zone-redundancy", "Disabled", "Enabled")
                    .help("Indicates whether or not zone redundancy should be enabled."),
                TAGS),
            this::create),
        new TableCommand(
            "update",
            "Update an Azure Container Registry.",
            List.of(
                NAME,
                Opt.str("--resource-group", "-g").help("Name of resource group."),
                SKU,
                ADMIN,
                PUBLIC_NETWORK,
                Opt.bool("--data-endpoint-enabled")
                    .help("Enable dedicated data endpoint for client firewall configuration."),
                TAGS),
            this::update));
  }

  private int create(Args a) {
    String group = a.str("--resource-group");
    ObjectNode body = Json.object().put("location", arm.locationOr(a.str("--location"), group));
    body.putObject("sku").put("name", a.str("--sku"));
    Tags.apply(body, a.list("--tags"));
    ObjectNode props = body.putObject("properties");
    props.put("adminUserEnabled", a.on("--admin-enabled"));
    Boolean pub = a.bool("--public-network-enabled");
    if (pub != null) {
      props.put("publicNetworkAccess", pub ? "Enabled" : "Disabled");
    }
    if (a.str("--zone-redundancy") != null) {
      props.put("zoneRedundancy", a.str("--zone-redundancy"));
    }
    String path = arm.providerPath(group, Registries.TYPE + "/" + a.str("--name"));
    context.printResource(arm.put(path, V, body, false));
    return 0;
  }

  private int update(Args a) {
    ObjectNode body = Json.object();
    if (a.str("--sku") != null) {
      body.putObject("sku").put("name", a.str("--sku"));
    }
    Tags.apply(body, a.list("--tags"));
    ObjectNode props = Json.object();
    if (a.bool("--admin-enabled") != null) {
      props.put("adminUserEnabled", a.bool("--admin-enabled"));
    }
    Boolean pub = a.bool("--public-network-enabled");
    if (pub != null) {
      props.put("publicNetworkAccess", pub ? "Enabled" : "Disabled");
    }
    if (a.bool("--data-endpoint-enabled") != null) {
      props.put("dataEndpointEnabled", a.bool("--data-endpoint-enabled"));
    }
    if (!props.isEmpty()) {
      body.set("properties", props);
    }
    String path = Registries.path(arm, a.str("--name"), a.str("--resource-group"));
    context.printResource(arm.patch(path, V, body, false));
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
