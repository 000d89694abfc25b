package dev.moat.cli.commands.network;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moat.cli.CliContext;
import dev.moat.cli.commands.CommandGroup;
import dev.moat.cli.commands.Target;
import dev.moat.cli.http.Json;
import picocli.CommandLine.Command;
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
      @Option(
              names = {"--resource-group", "-g"},
              required = true,
              description = "Name of" + " resource group.")
          String group,
      @Option(
              names = "--endpoint-name",
              required = true,
              description = "Name of the private" + " endpoint.")
          String endpoint,
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
      @Option(
              names = "--no-wait",
              description = "Do not wait for the long-running operation" + " to finish.")
          boolean noWait) {
    String zoneId =
        Target.isId(zone)
            ? zone
            : arm.providerPath(group, "Microsoft.Network/privateDnsZones/" + zone);
    ObjectNode body = Json.object();
    body.putObject("properties")
        .putArray("privateDnsZoneConfigs")
        .addObject()
        .put("name", zoneName)
        .putObject("properties")
        .put("privateDnsZoneId", zoneId);
    context.printResource(arm.put(path(group, endpoint, name), V, body, noWait));
    return 0;
  }

  @Command(name = "show", description = "Show a private endpoint dns zone group.")
  int show(
      @Option(
              names = {"--resource-group", "-g"},
              required = true,
              description = "Name of" + " resource group.")
          String group,
      @Option(
              names = "--endpoint-name",
              required = true,
              description = "Name of the private" + " endpoint.")
          String endpoint,
      @Option(
              names = {"--name", "-n"},
              required = true,
              description = "Name of the private" + " dns zone group.")
          String name) {
    context.printResource(arm.show(path(group, endpoint, name), V));
    return 0;
  }

  @Command(name = "list", description = "List all private endpoint dns zone groups.")
  int list(
      @Option(
              names = {"--resource-group", "-g"},
              required = true,
              description = "Name of" + " resource group.")
          String group,
      @Option(
              names = "--endpoint-name",
              required = true,
              description = "Name of the private" + " endpoint.")
          String endpoint) {
    context.printResource(arm.list(base(group, endpoint), V));
    return 0;
  }

  @Command(name = "delete", description = "Delete a private endpoint dns zone group.")
  int delete(
      @Option(
              names = {"--resource-group", "-g"},
              required = true,
              description = "Name of" + " resource group.")
          String group,
      @Option(
              names = "--endpoint-name",
              required = true,
              description = "Name of the private" + " endpoint.")
          String endpoint,
      @Option(
              names = {"--name", "-n"},
              required = true,
              description = "Name of the private" + " dns zone group.")
          String name,
      @Option(
              names = "--no-wait",
              description = "Do not wait for the long-running operation" + " to finish.")
          boolean noWait) {
    arm.delete(path(group, endpoint, name), V, noWait);
    return 0;
  }

  private String base(String group, String endpoint) {
    return arm.providerPath(
        group, "Microsoft.Network/privateEndpoints/" + endpoint + "/privateDnsZoneGroups");
  }

  private String path(String group, String endpoint, String name) {
    return base(group, endpoint) + "/" + name;
  }
}
