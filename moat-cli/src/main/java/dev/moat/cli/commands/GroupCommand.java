package dev.moat.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moat.cli.CliContext;
import dev.moat.cli.CliException;
import dev.moat.cli.commands.CommonOptions.NoWait;
import dev.moat.cli.commands.CommonOptions.TagList;
import dev.moat.cli.commands.CommonOptions.Yes;
import dev.moat.cli.http.HeadResource;
import dev.moat.cli.http.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code az group}: resource groups ({@code Microsoft.Resources/resourceGroups}). */
@Command(name = "group", description = "Manage resource groups and template deployments.")
public final class GroupCommand extends CommandGroup {
  private static final String V = ApiVersions.RESOURCES;

  public GroupCommand(CliContext context) {
    super(context);
  }

  @Command(name = "create", description = "Create a new resource group.")
  int create(
      @Option(
              names = {"--name", "-n", "--resource-group", "-g"},
              required = true,
              description = "Name of the new resource group.")
          String name,
      @Option(
              names = {"--location", "-l"},
              required = true,
              description = "Location. Values from: `az account list-locations`.")
          String location,
      @Option(
              names = "--managed-by",
              description = "The ID of the resource that manages this" + " resource group.")
          String managedBy,
      @Mixin TagList tags) {
    ObjectNode body = Json.object().put("location", location);
    Tags.apply(body, tags.value());
    if (managedBy != null) {
      body.put("managedBy", managedBy);
    }
    context.print(arm.put(path(name), V, body, false));
    return 0;
  }

  @Command(name = "show", description = "Gets a resource group.")
  int show(@Mixin GroupName group) {
    context.print(arm.show(path(group.name), V));
    return 0;
  }

  @Command(name = "list", description = "List resource groups.")
  int list(
      @Option(names = "--tag", description = "A single tag in 'key[=value]' format.") String tag) {
    String path = "/subscriptions/" + arm.subscriptionId() + "/resourcegroups";
    if (tag != null) {
      int eq = tag.indexOf('=');
      String filter =
          eq < 0
              ? "tagName eq '" + tag + "'"
              : "tagName eq '"
                  + tag.substring(0, eq)
                  + "' and tagValue eq '"
                  + tag.substring(eq + 1)
                  + "'";
      path += "?$filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8).replace("+", "%20");
    }
    context.print(arm.list(path, V), GroupCommand::table);
    return 0;
  }

  @Command(name = "delete", description = "Delete a resource group.")
  int delete(
      @Mixin GroupName group,
      @Mixin Yes yes,
      @Mixin NoWait noWait,
      @Option(
              names = {"--force-deletion-types", "-f"},
              description = "The resource types you" + " want to force delete.")
          String forceDeletionTypes) {
    Prompts.confirm(context, yes.value());
    String path = path(group.name);
    if (forceDeletionTypes != null) {
      path +=
          "?forceDeletionTypes=" + URLEncoder.encode(forceDeletionTypes, StandardCharsets.UTF_8);
    }
    arm.delete(path, V, noWait.value());
    return 0;
  }

  @Command(name = "exists", description = "Check if a resource group exists.")
  int exists(@Mixin GroupName group) {
    boolean exists = new HeadResource(path(group.name), V).run(context.session());
    context.print(BooleanNode.valueOf(exists));
    return 0;
  }

  @Command(name = "update", description = "Update a resource group.")
  int update(
      @Mixin GroupName group,
      @Mixin TagList tags,
      @Option(
              names = "--managed-by",
              description = "The ID of the resource that manages this" + " resource group.")
          String managedBy) {
    // az's generic update: read, change, write the whole resource back.
    JsonNode current = arm.show(path(group.name), V);
    ObjectNode body = Json.object().put("location", current.path("location").asText());
    ObjectNode t = Tags.parse(tags.value());
    if (t != null) {
      body.set("tags", t);
    } else if (current.has("tags")) {
      body.set("tags", current.get("tags"));
    }
    String mb = managedBy != null ? managedBy : current.path("managedBy").asText(null);
    if (mb != null) {
      body.put("managedBy", mb);
    }
    context.print(arm.put(path(group.name), V, body, false));
    return 0;
  }

  /** An existing group, named by any of az's four spellings. */
  public static final class GroupName {
    @Option(
        names = {"--name", "-n", "--resource-group", "-g"},
        required = true,
        description = "Name of resource group.")
    String name;
  }

  private String path(String name) {
    if (name.isBlank()) {
      throw CliException.usage("argument --name/-n/--resource-group/-g: expected one argument");
    }
    return arm.groupPath(name);
  }

  /** az's table transformer for group list: Name, Location, Status. */
  static JsonNode table(JsonNode groups) {
    ArrayNode rows = Json.object().arrayNode();
    for (JsonNode g : groups) {
      rows.addObject()
          .put("Name", g.path("name").asText())
          .put("Location", g.path("location").asText())
          .put("Status", g.path("properties").path("provisioningState").asText());
    }
    return rows;
  }
}
