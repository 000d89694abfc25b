package dev.moat.cli.commands.network;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moat.cli.CliContext;
import dev.moat.cli.commands.CommandGroup;
import dev.moat.cli.commands.Tags;
import dev.moat.cli.http.Json;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code az network private-dns zone}: private DNS zones (location always {@code global}). */
@Command(name = "zone", description = "Manage Private DNS zones.")
public final class PrivateDnsZoneCommand extends CommandGroup {
  private static final String V = PrivateDnsCommand.V;

  public PrivateDnsZoneCommand(CliContext context) {
    super(context);
  }

  @Command(name = "create", description = "Create a Private DNS zone.")
  int create(
      @Option(
              names = {"--resource-group", "-g"},
              required = true,
              description = "Name of" + " resource group.")
          String group,
      @Option(
              names = {"--name", "-n"},
              required = true,
              description = "The name of the Private" + " DNS zone.")
          String name,
      @Option(names = "--tags", arity = "0..*", description = "Space-separated tags.")
          List<String> tags) {
    ObjectNode body = Json.object().put("location", "global");
    ObjectNode t = Tags.parse(tags);
    if (t != null) {
      body.set("tags", t);
    }
    context.printResource(arm.put(path(group, name), V, body, false));
    return 0;
  }

  @Command(name = "show", description = "Get a Private DNS zone.")
  int show(
      @Option(
              names = {"--resource-group", "-g"},
              required = true,
              description = "Name of" + " resource group.")
          String group,
      @Option(
              names = {"--name", "-n"},
              required = true,
              description = "The name of the Private" + " DNS zone.")
          String name) {
    context.printResource(arm.show(path(group, name), V));
    return 0;
  }

  @Command(name = "list", description = "List Private DNS zones.")
  int list(
      @Option(
              names = {"--resource-group", "-g"},
              description = "Name of resource group.")
          String group) {
    String path =
        group == null
            ? "/subscriptions/"
                + arm.subscriptionId()
                + "/providers/Microsoft.Network/privateDnsZones"
            : arm.providerPath(group, "Microsoft.Network/privateDnsZones");
    context.printResource(arm.list(path, V));
    return 0;
  }

  @Command(name = "delete", description = "Delete a Private DNS zone.")
  int delete(
      @Option(
              names = {"--resource-group", "-g"},
              required = true,
              description = "Name of" + " resource group.")
          String group,
      @Option(
              names = {"--name", "-n"},
              required = true,
              description = "The name of the Private" + " DNS zone.")
          String name,
      @Option(
              names = {"--yes", "-y"},
              description = "Do not prompt for confirmation.")
          boolean yes,
      @Option(
              names = "--no-wait",
              description = "Do not wait for the long-running operation" + " to finish.")
          boolean noWait) {
    dev.moat.cli.commands.Prompts.confirm(context, yes);
    arm.delete(path(group, name), V, noWait);
    return 0;
  }

  private String path(String group, String name) {
    return arm.providerPath(group, "Microsoft.Network/privateDnsZones/" + name);
  }
}
