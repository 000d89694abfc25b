package dev.moat.cli.commands.network;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moat.cli.CliContext;
import dev.moat.cli.CliException;
import dev.moat.cli.commands.CommandGroup;
import dev.moat.cli.commands.CommonOptions;
import dev.moat.cli.commands.Resources;
import dev.moat.cli.commands.Tags;
import dev.moat.cli.commands.Target;
import dev.moat.cli.http.Json;
import dev.moat.cli.options.Args;
import dev.moat.cli.options.Opt;
import dev.moat.cli.options.TableCommand;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code az network private-endpoint}. */
@Command(
    name = "private-endpoint",
    description = "Manage private endpoints.",
    subcommands = DnsZoneGroupCommand.class)
public final class PrivateEndpointCommand extends CommandGroup {
  static final String V = VnetCommand.V;
  private final Resources endpoints;

  public PrivateEndpointCommand(CliContext context) {
    super(context);
    this.endpoints = new Resources(context, arm, "Microsoft.Network/privateEndpoints", V);
  }

  @Override
  public List<TableCommand> tableCommands() {
    List<TableCommand> commands =
        new ArrayList<>(
            endpoints.commands("private endpoint", List.of(), "show", "list", "delete"));
    commands.add(
        new TableCommand(
            "create",
            "Create a private endpoint.",
            List.of(
                CommonOptions.GROUP,
                Opt.str("--name", "-n").required().help("Name of the private endpoint."),
                Opt.str("--subnet")
                    .required()
                    .help(
                        "Name or ID of an existing subnet. If name is specified, also specify"
                            + " --vnet-name."),
                Opt.str("--vnet-name")
                    .help(
                        "The virtual network (VNet) associated with the subnet (Omit if supplying"
                            + " a subnet id)."),
                Opt.str("--private-connection-resource-id")
                    .required()
                    .help("The resource id of the private endpoint to connect to."),
                Opt.list("--group-id", "--group-ids")
                    .help(
                        "The ID of the group obtained from the remote resource that this private"
                            + " endpoint should connect to."),
                Opt.str("--connection-name")
                    .required()
                    .help("Name of the private link service connection."),
                Opt.bool("--manual-request")
                    .help("Use manual request to establish the connection."),
                Opt.str("--request-message")
                    .help(
                        "A message passed to the owner of the remote resource with this"
                            + " connection request."),
                Opt.str("--nic-name")
                    .help(
                        "The custom name of the network interface attached to the private endpoint."),
                CommonOptions.LOCATION,
                CommonOptions.TAGS,
                CommonOptions.NO_WAIT),
            this::create));
    return commands;
  }

  private int create(Args a) {
    String group = a.str("--resource-group");
    String subnet = a.str("--subnet");
    String subnetId;
    if (Target.isId(subnet)) {
      subnetId = subnet;
    } else if (a.str("--vnet-name") == null) {
      throw CliException.usage("usage error: --subnet ID | --subnet NAME --vnet-name NAME");
    } else {
      subnetId =
          arm.providerPath(
              group,
              "Microsoft.Network/virtualNetworks/" + a.str("--vnet-name") + "/subnets/" + subnet);
    }
    ObjectNode body = Json.object().put("location", arm.locationOr(a.str("--location"), group));
    Tags.apply(body, a.list("--tags"));
    ObjectNode props = body.putObject("properties");
    props.putObject("subnet").put("id", subnetId);
    ObjectNode conn =
        props
            .putArray(
                a.on("--manual-request")
                    ? "manualPrivateLinkServiceConnections"
                    : "privateLinkServiceConnections")
            .addObject()
            .put("name", a.str("--connection-name"));
    ObjectNode connProps =
        conn.putObject("properties")
            .put("privateLinkServiceId", a.str("--private-connection-resource-id"));
    if (a.list("--group-id") != null) {
      ArrayNode g = connProps.putArray("groupIds");
      a.list("--group-id").forEach(g::add);
    }
    if (a.str("--request-message") != null) {
      connProps.put("requestMessage", a.str("--request-message"));
    }
    if (a.str("--nic-name") != null) {
      props.put("customNetworkInterfaceName", a.str("--nic-name"));
    }
    String path = endpoints.path(group, a.str("--name"));
    context.printResource(arm.put(path, V, body, a.on("--no-wait")));
    return 0;
  }
}
