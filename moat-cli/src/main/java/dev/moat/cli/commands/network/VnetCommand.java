package dev.moat.cli.commands.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moat.cli.CliContext;
import dev.moat.cli.commands.ApiVersions;
import dev.moat.cli.commands.CommandGroup;
import dev.moat.cli.commands.CommonOptions;
import dev.moat.cli.commands.Resources;
import dev.moat.cli.commands.Tags;
import dev.moat.cli.http.Json;
import dev.moat.cli.options.Args;
import dev.moat.cli.options.Opt;
import dev.moat.cli.options.TableCommand;
import dev.moat.cli.output.Flatten;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code az network vnet}: virtual networks. */
@Command(
    name = "vnet",
    description = "Manage Azure Virtual Networks.",
    subcommands = SubnetCommand.class)
public final class VnetCommand extends CommandGroup {
  static final String V = ApiVersions.NETWORK;
  private final Resources vnets;

  public VnetCommand(CliContext context) {
    super(context);
    this.vnets = new Resources(context, arm, "Microsoft.Network/virtualNetworks", V);
  }

  @Override
  public List<TableCommand> tableCommands() {
    Opt name = Opt.str("--name", "-n").required().help("The virtual network (VNet) name.");
    Opt prefixes =
        Opt.list("--address-prefixes")
            .help("Space-separated list of IP address prefixes for the VNet.");
    List<TableCommand> commands =
        new ArrayList<>(vnets.commands("virtual network", List.of(), "show", "list", "delete"));
    commands.add(
        new TableCommand(
            "create",
            "Create a virtual network.",
            List.of(
                CommonOptions.GROUP,
                name,
                prefixes.def("10.0.0.0/16"),
                Opt.str("--subnet-name").help("Name of a new subnet to create within the VNet."),
                Opt.list("--subnet-prefixes")
                    .def("10.0.0.0/24")
                    .help(
                        "Space-separated list of address prefixes in CIDR format for the new subnet."),
                CommonOptions.LOCATION,
                CommonOptions.TAGS,
                CommonOptions.NO_WAIT),
            this::create));
    commands.add(
        new TableCommand(
            "update",
            "Update a virtual network.",
            List.of(CommonOptions.GROUP, name, prefixes, CommonOptions.TAGS, CommonOptions.NO_WAIT),
            this::update));
    return commands;
  }

  private int create(Args a) {
    String group = a.str("--resource-group");
    ObjectNode body = Json.object().put("location", arm.locationOr(a.str("--location"), group));
    Tags.apply(body, a.list("--tags"));
    ObjectNode props = body.putObject("properties");
    ArrayNode space = props.putObject("addressSpace").putArray("addressPrefixes");
    a.list("--address-prefixes").forEach(space::add);
    if (a.str("--subnet-name") != null) {
      ObjectNode subnet = props.putArray("subnets").addObject().put("name", a.str("--subnet-name"));
      SubnetCommand.prefixes(subnet.putObject("properties"), a.list("--subnet-prefixes"));
    }
    JsonNode created = arm.put(path(group, a.str("--name")), V, body, a.on("--no-wait"));
    if (!created.isMissingNode()) {
      ObjectNode wrapped = Json.object();
      wrapped.set("newVNet", Flatten.properties(created));
      context.print(wrapped);
    }
    return 0;
  }

  private int update(Args a) {
    String path = path(a.str("--resource-group"), a.str("--name"));
    ObjectNode body = (ObjectNode) arm.show(path, V).deepCopy();
    if (a.list("--address-prefixes") != null) {
      ArrayNode space =
          body.withObject("properties").putObject("addressSpace").putArray("addressPrefixes");
      a.list("--address-prefixes").forEach(space::add);
    }
    Tags.apply(body, a.list("--tags"));
    context.printResource(arm.put(path, V, body, a.on("--no-wait")));
    return 0;
  }

  private String path(String group, String name) {
    return vnets.path(group, name);
  }
}
