package dev.moat.cli.commands.network;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moat.cli.CliContext;
import dev.moat.cli.commands.CommandGroup;
import dev.moat.cli.commands.CommonOptions.NoWait;
import dev.moat.cli.commands.CommonOptions.TagList;
import dev.moat.cli.commands.Flags;
import dev.moat.cli.commands.Resources;
import dev.moat.cli.commands.Tags;
import dev.moat.cli.commands.Target;
import dev.moat.cli.http.Json;
import dev.moat.cli.options.Opt;
import dev.moat.cli.options.TableCommand;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code az network private-dns link vnet}: links of a private zone to virtual networks. */
@Command(
    name = "vnet",
    description = "Manage virtual network links to the specified Private DNS" + " zone.")
public final class PrivateDnsLinkCommand extends CommandGroup {
  private static final String V = PrivateDnsCommand.V;

  private final Resources links;

  public PrivateDnsLinkCommand(CliContext context) {
    super(context);
    this.links =
        new Resources(context, arm, "Microsoft.Network/privateDnsZones/virtualNetworkLinks", V);
  }

  @Override
  public List<TableCommand> tableCommands() {
    return links.commands(
        "virtual network link",
        List.of(Opt.str("--zone-name", "-z").help("The name of the Private DNS zone.")),
        "show",
        "list",
        "delete-confirmed");
  }

  @Command(
      name = "create",
      description = "Create a virtual network link to the specified" + " Private DNS zone.")
  int create(
      @Mixin ZoneName zone,
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
      @Mixin TagList tagList,
      @Mixin NoWait noWait) {
    List<String> tags = tagList.value();
    Boolean enabled = Flags.bool(prog("create"), "--registration-enabled", registration);
    String vnetId =
        Target.isId(vnet)
            ? vnet
            : arm.providerPath(zone.group(), "Microsoft.Network/virtualNetworks/" + vnet);
    ObjectNode body = Json.object().put("location", "global");
    Tags.apply(body, tags);
    ObjectNode props = body.putObject("properties");
    props.putObject("virtualNetwork").put("id", vnetId);
    props.put("registrationEnabled", enabled);
    context.printResource(arm.put(path(zone, name), V, body, noWait.value()));
    return 0;
  }

  private String path(ZoneName zone, String name) {
    return zone.path(arm) + "/virtualNetworkLinks/" + name;
  }
}
