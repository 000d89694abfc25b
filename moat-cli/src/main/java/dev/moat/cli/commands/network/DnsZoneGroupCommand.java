package dev.moat.cli.commands.network;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moat.cli.CliContext;
import dev.moat.cli.commands.CommandGroup;
import dev.moat.cli.commands.CommonOptions.NoWait;
import dev.moat.cli.commands.Target;
import dev.moat.cli.http.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code az network private-endpoint dns-zone-group}. */
@Command(name = "dns-zone-group", description = "Manage private endpoint dns zone group.")
public final class DnsZoneGroupCommand extends CommandGroup {
  private static final String V = PrivateEndpointCommand.V;

  public DnsZoneGroupCommand(CliContext context) {
    super(context);
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

  @Command(name = "show", description = "Show a private endpoint dns zone group.")
  int show(
      @Mixin EndpointName endpoint,
      @Option(
              names = {"--name", "-n"},
              required = true,
              description = "Name of the private" + " dns zone group.")
          String name) {
    context.printResource(arm.show(path(endpoint, name), V));
    return 0;
  }

  @Command(name = "list", description = "List all private endpoint dns zone groups.")
  int list(@Mixin EndpointName endpoint) {
    context.printResource(arm.list(base(endpoint), V));
    return 0;
  }

  @Command(name = "delete", description = "Delete a private endpoint dns zone group.")
  int delete(
      @Mixin EndpointName endpoint,
      @Option(
              names = {"--name", "-n"},
              required = true,
              description = "Name of the private" + " dns zone group.")
          String name,
      @Mixin NoWait noWait) {
    arm.delete(path(endpoint, name), V, noWait.value());
    return 0;
  }

  private String base(EndpointName endpoint) {
    return endpoint.path(arm) + "/privateDnsZoneGroups";
  }

  private String path(EndpointName endpoint, String name) {
    return base(endpoint) + "/" + name;
  }
}
