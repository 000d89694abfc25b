package dev.moat.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.moat.cli.CliContext;
import dev.moat.cli.CliException;
import dev.moat.cli.http.Json;
import dev.moat.cli.http.WireResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code az acr repository}: repositories of a registry, through its data plane. */
@Command(
    name = "repository",
    description = "Manage repositories (image names) for Azure Container Registries.")
public final class AcrRepositoryCommand extends CommandGroup {
  private static final String MANIFEST_ACCEPT =
      "application/vnd.docker.distribution.manifest.v2+json,"
          + " application/vnd.docker.distribution.manifest.list.v2+json,"
          + " application/vnd.oci.image.manifest.v1+json, application/vnd.oci.image.index.v1+json";

  public AcrRepositoryCommand(CliContext context) {
    super(context);
  }

  @Command(name = "list", description = "List repositories in an Azure Container Registry.")
  int list(
      @Mixin AcrCommand.RegistryName registry,
      @Option(names = "--top", description = "Limit the number of items in the results.")
          Integer top) {
    AcrDataClient client = new AcrDataClient(context, arm, registry.name(), registry.group());
    String query = "?n=" + (top == null ? 1000 : top);
    JsonNode body = client.get("/acr/v1/_catalog" + query, "registry:catalog:*");
    context.print(body.path("repositories"));
    return 0;
  }

  @Command(
      name = "show-tags",
      description = "Show tags for a repository in an Azure Container Registry.")
  int showTags(
      @Mixin AcrCommand.RegistryName registry,
      @Option(names = "--repository", required = true, description = "The name of the repository.")
          String repository,
      @Option(names = "--detail", description = "Show detailed information.") boolean detail,
      @Option(names = "--top", description = "Limit the number of items in the results.")
          Integer top,
      @Option(
              names = "--orderby",
              description = "Order the items in the results.  Allowed values: time_asc, time_desc.")
          String orderby) {
    String prog = prog("show-tags");
    String order =
        orderby == null
            ? null
            : Choices.of("--orderby", "time_asc", "time_desc").parse(prog, orderby);
    AcrDataClient client = new AcrDataClient(context, arm, registry.name(), registry.group());
    JsonNode body =
        client.get(
            "/acr/v1/" + repository + "/_tags", "repository:" + repository + ":metadata_read");
    List<JsonNode> tags = new ArrayList<>();
    body.path("tags").forEach(tags::add);
    if (order != null) {
      Comparator<JsonNode> byTime = Comparator.comparing(t -> t.path("lastUpdateTime").asText());
      tags.sort(order.equals("time_asc") ? byTime : byTime.reversed());
    }
    if (top != null && tags.size() > top) {
      tags = tags.subList(0, top);
    }
    ArrayNode out = Json.object().arrayNode();
    for (JsonNode t : tags) {
      if (detail) {
        out.add(t);
      } else {
        out.add(t.path("name").asText());
      }
    }
    context.print(out);
    return 0;
  }

  @Command(
      name = "show",
      description = "Get the attributes of a repository or image in an Azure Container Registry.")
  int show(
      @Mixin AcrCommand.RegistryName registry,
      @Option(names = "--repository", description = "The name of the repository.")
          String repository,
      @Option(
              names = {"--image", "-t"},
              description = "The name of the image. May include a tag in the format 'name:tag'.")
          String image) {
    AcrDataClient client = new AcrDataClient(context, arm, registry.name(), registry.group());
    if ((repository == null) == (image == null)) {
      throw CliException.command("Usage error: --image IMAGE | --repository REPOSITORY");
    }
    if (repository != null) {
      context.print(
          client.get("/acr/v1/" + repository, "repository:" + repository + ":metadata_read"));
      return 0;
    }
    String[] parts = splitImage(image);
    context.print(
        client
            .get(
                "/acr/v1/" + parts[0] + "/_tags/" + parts[1],
                "repository:" + parts[0] + ":metadata_read")
            .path("tag"));
    return 0;
  }

  @Command(
      name = "delete",
      description = "Delete a repository or image in an Azure Container Registry.")
  int delete(
      @Mixin AcrCommand.RegistryName registry,
      @Option(names = "--repository", description = "The name of the repository to delete.")
          String repository,
      @Option(
              names = {"--image", "-t"},
              description =
                  "The name of the image to delete. May include a tag in the format 'name:tag' or digest in the format 'name@digest'.")
          String image,
      @Mixin CommonOptions.Yes yes) {
    if ((repository == null) == (image == null)) {
      throw CliException.command("Usage error: --image IMAGE | --repository REPOSITORY");
    }
    AcrDataClient client = new AcrDataClient(context, arm, registry.name(), registry.group());
    Prompts.confirm(context, yes.value());
    if (repository != null) {
      client.send(
          "DELETE", "/acr/v1/" + repository, "repository:" + repository + ":delete", Map.of());
      return 0;
    }
    String[] parts = splitImage(image);
    String scope = "repository:" + parts[0] + ":pull,delete";
    String digest = parts[1];
    if (!digest.startsWith("sha256:")) {
      WireResponse head =
          client.send(
              "HEAD",
              "/v2/" + parts[0] + "/manifests/" + digest,
              scope,
              Map.of("Accept", MANIFEST_ACCEPT));
      digest = head.header("Docker-Content-Digest").orElseThrow();
    }
    client.send("DELETE", "/v2/" + parts[0] + "/manifests/" + digest, scope, Map.of());
    return 0;
  }

  /** {@code repo:tag} or {@code repo@digest} ({@code latest} when neither). */
  static String[] splitImage(String image) {
    int at = image.indexOf('@');
    if (at > 0) {
      return new String[] {image.substring(0, at), image.substring(at + 1)};
    }
    int colon = image.lastIndexOf(':');
    if (colon > 0 && image.indexOf('/', colon) < 0) {
      return new String[] {image.substring(0, colon), image.substring(colon + 1)};
    }
    return new String[] {image, "latest"};
  }
}
