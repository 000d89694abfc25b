package dev.moat.cli.commands.network;

import dev.moat.cli.commands.Arm;
import dev.moat.cli.commands.CommonOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The required {@code -g} and {@code -z} that name the private DNS zone a command works in. */
public final class ZoneName {
  @Mixin CommonOptions.Group group;

  @Option(
      names = {"--zone-name", "-z"},
      required = true,
      description = "The name of the Private DNS zone.")
  String zone;

  String group() {
    return group.value();
  }

  String path(Arm arm) {
    return arm.providerPath(group.value(), "Microsoft.Network/privateDnsZones/" + zone);
  }
}
