package dev.moat.cli.commands.network;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moat.cli.CliContext;
import dev.moat.cli.commands.CommandGroup;
import dev.moat.cli.commands.CommonOptions.NoWait;
import dev.moat.cli.commands.CommonOptions.TagList;
import dev.moat.cli.commands.CommonOptions.Yes;
import dev.moat.cli.commands.Flags;
import dev.moat.cli.commands.Prompts;
import dev.moat.cli.commands.Tags;
import dev.moat.cli.commands.Target;
import dev.moat.cli.http.Json;
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

  public PrivateDnsLinkCommand(CliContext context) {
    super(context);
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

  @Command(name = "show", description = "Get a virtual network link.")
  int show(
      @Mixin ZoneName zone,
      @Option(
              names = {"--name", "-n"},
              required = true,
              description = "The name of the virtual" + " network link.")
          String name) {
    context.printResource(arm.show(path(zone, name), V));
    return 0;
  }

  @Command(name = "list", description = "List the virtual network links of a zone.")
  int list(@Mixin ZoneName zone) {
    context.printResource(arm.list(base(zone), V));
    return 0;
  }

  @Command(name = "delete", description = "Delete a virtual network link.")
  int delete(
      @Mixin ZoneName zone,
      @Option(
              names = {"--name", "-n"},
              required = true,
              description = "The name of the virtual" + " network link.")
          String name,
      @Mixin Yes yes,
      @Mixin NoWait noWait) {
    Prompts.confirm(context, yes.value());
    arm.delete(path(zone, name), V, noWait.value());
    return 0;
  }

  private String base(ZoneName zone) {
    return zone.path(arm) + "/virtualNetworkLinks";
  }

  private String path(ZoneName zone, String name) {
    return base(zone) + "/" + name;
  }
}
