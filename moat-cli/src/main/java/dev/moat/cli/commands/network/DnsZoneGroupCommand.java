package dev.moat.cli.commands.network;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moat.cli.CliContext;
import dev.moat.cli.commands.CommandGroup;
import dev.moat.cli.commands.CommonOptions.NoWait;
import dev.moat.cli.commands.Resources;
import dev.moat.cli.commands.Target;
import dev.moat.cli.http.Json;
import dev.moat.cli.options.Opt;
import dev.moat.cli.options.TableCommand;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code az network private-endpoint dns-zone-group}. */
@Command(name = "dns-zone-group", description = "Manage private endpoint dns zone group.")
public final class DnsZoneGroupCommand extends CommandGroup {
  private static final String V = PrivateEndpointCommand.V;

  private final Resources groups;

  public DnsZoneGroupCommand(CliContext context) {
    super(context);
    this.groups =
        new Resources(context, arm, "Microsoft.Network/privateEndpoints/privateDnsZoneGroups", V);
  }

  @Override
  public List<TableCommand> tableCommands() {
    return groups.commands(
        "private endpoint dns zone group",
        List.of(Opt.str("--endpoint-name").help("Name of the private endpoint.")),
        "show",
        "list",
        "delete");
  }

  @Command(name = "create", description = "Create a private endpoint dns zone group.")
  int create(
      @Mixin EndpointName endpoint,
      @Option(
              names = {"--name", "-n"},
              required = true,
              description = "Name of the private" + " dns zone group.")
          String name,
      @Option(
              names = "--private-dns-zone",
              required = true,
              description = "Name or ID of the" + " private dns zone.")
          String zone,
      @Option(
              names = "--zone-name",
              required = true,
              description = "Name of the private dns" + " zone config.")
          String zoneName,
      @Mixin NoWait noWait) {
    String zoneId =
        Target.isId(zone)
            ? zone
            : arm.providerPath(endpoint.group(), "Microsoft.Network/privateDnsZones/" + zone);
    ObjectNode body = Json.object();
    body.putObject("properties")
        .putArray("privateDnsZoneConfigs")
        .addObject()
        .put("name", zoneName)
        .putObject("properties")
        .put("privateDnsZoneId", zoneId);
    context.printResource(arm.put(path(endpoint, name), V, body, noWait.value()));
    return 0;
  }

  private String path(EndpointName endpoint, String name) {
    return endpoint.path(arm) + "/privateDnsZoneGroups/" + name;
  }
}
