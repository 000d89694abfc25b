package dev.moat.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moat.cli.CliContext;
import dev.moat.cli.commands.CommonOptions.OptionalGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code az acr manifest}: manifests of a repository, through the registry's data plane. */
@Command(
    name = "manifest",
    description = "Manage artifact manifests in Azure Container Registries.")
public final class AcrManifestCommand extends CommandGroup {

  public AcrManifestCommand(CliContext context) {
    super(context);
  }

  @Command(
      name = "list-metadata",
      description =
          "List the metadata of the manifests in a repository in an Azure Container Registry.")
  int listMetadata(
      @Option(
              names = {"--name", "-n"},
              required = true,
              description =
                  "The name of the repository. May include the registry login server:"
                      + " 'myregistry.azurecr.io/hello-world'.")
          String name,
      @Option(
              names = {"--registry", "-r"},
              description = "The name of the container registry.")
          String registry,
      @Mixin OptionalGroup rg,
      @Option(names = "--top", description = "Limit the number of items in the results.")
          Integer top) {
    String group = rg.value();
    String repository = name;
    String reg = registry;
    int slash = name.indexOf('/');
    if (registry == null && slash > 0 && name.substring(0, slash).contains(".")) {
      reg = name.substring(0, slash);
      repository = name.substring(slash + 1);
    }
    if (reg == null) {
      throw dev.moat.cli.CliException.command(
          "Please specify the registry with --registry or a fully qualified repository name with"
              + " --name.");
    }
    AcrDataClient client = new AcrDataClient(context, arm, reg, group);
    JsonNode body =
        client.get(
            "/acr/v1/" + repository + "/_manifests", "repository:" + repository + ":metadata_read");
    JsonNode manifests = body.path("manifests");
    if (top != null && manifests.size() > top) {
      com.fasterxml.jackson.databind.node.ArrayNode cut =
          dev.moat.cli.http.Json.object().arrayNode();
      for (int i = 0; i < top; i++) {
        cut.add(manifests.get(i));
      }
      manifests = cut;
    }
    context.print(manifests);
    return 0;
  }
}
