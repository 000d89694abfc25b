package dev.moat.cli.commands.network;

import dev.moat.cli.commands.Arm;
import picocli.CommandLine.Option;

/** The required {@code -g} and {@code -z} that name the private DNS zone a command works in. */
public final class ZoneName {
  @Option(
      names = {"--resource-group", "-g"},
      required = true,
      description = "Name of resource group.")
  String group;

  @Option(
      names = {"--zone-name", "-z"},
      required = true,
      description = "The name of the Private DNS zone.")
  String zone;

  String group() {
    return group;
  }

  String path(Arm arm) {
    return arm.providerPath(group, "Microsoft.Network/privateDnsZones/" + zone);
  }
}
