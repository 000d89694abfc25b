package dev.moat.cli.commands.network;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moat.cli.CliContext;
import dev.moat.cli.commands.CommandGroup;
import dev.moat.cli.commands.Flags;
import dev.moat.cli.commands.Tags;
import dev.moat.cli.commands.Target;
import dev.moat.cli.http.Json;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code az network private-dns link vnet}: links of a private zone to virtual networks. */
@Command(
    name = "vnet",
    description = "Manage virtual network links to the specified Private DNS" + " zone.")
public final class PrivateDnsLinkCommand extends CommandGroup {
  private static final String V = PrivateDnsCommand.V;

  public PrivateDnsLinkCommand(CliContext context) {
    super(context);
  }

  @Command(
      name = "create",
      description = "Create a virtual network link to the specified" + " Private DNS zone.")
  int create(
      @Option(
              names = {"--resource-group", "-g"},
              required = true,
              description = "Name of" + " resource group.")
          String group,
      @Option(
              names = {"--zone-name", "-z"},
              required = true,
              description = "The name of the" + " Private DNS zone.")
          String zone,
      @Option(
              names = {"--name", "-n"},
              required = true,
              description = "The name of the virtual" + " network link.")
          String name,
      @Option(
              names = {"--virtual-network", "-v"},
              required = true,
              description = "Name or ID of" + " the virtual network.")
          String vnet,
      @Option(
              names = {"--registration-enabled", "-e"},
              required = true,
              description =
                  "Specify" + " if the link is registration enabled.  Allowed values: false, true.")
          String registration,
      @Option(names = "--tags", arity = "0..*", description = "Space-separated tags.")
          List<String> tags,
      @Option(
              names = "--no-wait",
              description = "Do not wait for the long-running operation" + " to finish.")
          boolean noWait) {
    Boolean enabled = Flags.bool(prog("create"), "--registration-enabled", registration);
    String vnetId =
        Target.isId(vnet)
            ? vnet
            : arm.providerPath(group, "Microsoft.Network/virtualNetworks/" + vnet);
    ObjectNode body = Json.object().put("location", "global");
    ObjectNode t = Tags.parse(tags);
    if (t != null) {
      body.set("tags", t);
    }
    ObjectNode props = body.putObject("properties");
    props.putObject("virtualNetwork").put("id", vnetId);
    props.put("registrationEnabled", enabled);
    context.printResource(arm.put(path(group, zone, name), V, body, noWait));
    return 0;
  }

  @Command(name = "show", description = "Get a virtual network link.")
  int show(
      @Option(
              names = {"--resource-group", "-g"},
              required = true,
              description = "Name of" + " resource group.")
          String group,
      @Option(
              names = {"--zone-name", "-z"},
              required = true,
              description = "The name of the" + " Private DNS zone.")
          String zone,
      @Option(
              names = {"--name", "-n"},
              required = true,
              description = "The name of the virtual" + " network link.")
          String name) {
    context.printResource(arm.show(path(group, zone, name), V));
    return 0;
  }

  @Command(name = "list", description = "List the virtual network links of a zone.")
  int list(
      @Option(
              names = {"--resource-group", "-g"},
              required = true,
              description = "Name of" + " resource group.")
          String group,
      @Option(
              names = {"--zone-name", "-z"},
              required = true,
              description = "The name of the" + " Private DNS zone.")
          String zone) {
    context.printResource(arm.list(base(group, zone), V));
    return 0;
  }

  @Command(name = "delete", description = "Delete a virtual network link.")
  int delete(
      @Option(
              names = {"--resource-group", "-g"},
              required = true,
              description = "Name of" + " resource group.")
          String group,
      @Option(
              names = {"--zone-name", "-z"},
              required = true,
              description = "The name of the" + " Private DNS zone.")
          String zone,
      @Option(
              names = {"--name", "-n"},
              required = true,
              description = "The name of the virtual" + " network link.")
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
    arm.delete(path(group, zone, name), V, noWait);
    return 0;
  }

  private String base(String group, String zone) {
    return arm.providerPath(
        group, "Microsoft.Network/privateDnsZones/" + zone + "/virtualNetworkLinks");
  }

  private String path(String group, String zone, String name) {
    return base(group, zone) + "/" + name;
  }
}
