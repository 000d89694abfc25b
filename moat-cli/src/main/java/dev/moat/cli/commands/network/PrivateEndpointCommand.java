package dev.moat.cli.commands.network;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moat.cli.CliContext;
import dev.moat.cli.CliException;
import dev.moat.cli.commands.CommandGroup;
import dev.moat.cli.commands.CommonOptions.Group;
import dev.moat.cli.commands.CommonOptions.Location;
import dev.moat.cli.commands.CommonOptions.NoWait;
import dev.moat.cli.commands.CommonOptions.TagList;
import dev.moat.cli.commands.Resources;
import dev.moat.cli.commands.Tags;
import dev.moat.cli.commands.Target;
import dev.moat.cli.http.Json;
import dev.moat.cli.options.TableCommand;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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
    return endpoints.commands("private endpoint", List.of(), "show", "list", "delete");
  }

  @Command(name = "create", description = "Create a private endpoint.")
  int create(
      @Mixin Group rg,
      @Option(
              names = {"--name", "-n"},
              required = true,
              description = "Name of the private" + " endpoint.")
          String name,
      @Option(
              names = "--subnet",
              required = true,
              description =
                  "Name or ID of an existing"
                      + " subnet. If name is specified, also specify --vnet-name.")
          String subnet,
      @Option(
              names = "--vnet-name",
              description =
                  "The virtual network (VNet) associated with"
                      + " the subnet (Omit if supplying a subnet id).")
          String vnet,
      @Option(
              names = "--private-connection-resource-id",
              required = true,
              description = "The" + " resource id of the private endpoint to connect to.")
          String resourceId,
      @Option(
              names = {"--group-id", "--group-ids"},
              arity = "1..*",
              description =
                  "The ID of"
                      + " the group obtained from the remote resource that this private endpoint should"
                      + " connect to.")
          List<String> groupIds,
      @Option(
              names = "--connection-name",
              required = true,
              description = "Name of the private" + " link service connection.")
          String connectionName,
      @Option(
              names = "--manual-request",
              description =
                  "Use manual request to establish the"
                      + " connection.  Allowed values: false, true.")
          Boolean manual,
      @Option(
              names = "--request-message",
              description =
                  "A message passed to the owner of the"
                      + " remote resource with this connection request.")
          String requestMessage,
      @Option(
              names = "--nic-name",
              description =
                  "The custom name of the network interface" + " attached to the private endpoint.")
          String nicName,
      @Mixin Location loc,
      @Mixin TagList tagList,
      @Mixin NoWait noWait) {
    List<String> tags = tagList.value();
    String location = loc.value();
    String group = rg.value();
    String subnetId;
    if (Target.isId(subnet)) {
      subnetId = subnet;
    } else if (vnet == null) {
      throw CliException.usage("usage error: --subnet ID | --subnet NAME --vnet-name NAME");
    } else {
      subnetId =
          arm.providerPath(
              group, "Microsoft.Network/virtualNetworks/" + vnet + "/subnets/" + subnet);
    }
    ObjectNode body = Json.object().put("location", arm.locationOr(location, group));
    Tags.apply(body, tags);
    ObjectNode props = body.putObject("properties");
    props.putObject("subnet").put("id", subnetId);
    boolean isManual = Boolean.TRUE.equals(manual);
    ObjectNode conn =
        props
            .putArray(
                isManual ? "manualPrivateLinkServiceConnections" : "privateLinkServiceConnections")
            .addObject()
            .put("name", connectionName);
    ObjectNode connProps = conn.putObject("properties").put("privateLinkServiceId", resourceId);
    if (groupIds != null) {
      ArrayNode g = connProps.putArray("groupIds");
      groupIds.forEach(g::add);
    }
    if (requestMessage != null) {
      connProps.put("requestMessage", requestMessage);
    }
    if (nicName != null) {
      props.put("customNetworkInterfaceName", nicName);
    }
    context.printResource(arm.put(endpoints.path(group, name), V, body, noWait.value()));
    return 0;
  }
}
