package dev.moat.cli.commands.network;

import dev.moat.cli.commands.Arm;
import dev.moat.cli.commands.CommonOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The required {@code -g} and {@code --endpoint-name} that name a private endpoint. */
public final class EndpointName {
  @Mixin CommonOptions.Group group;

  @Option(names = "--endpoint-name", required = true, description = "Name of the private endpoint.")
  String endpoint;

  String group() {
    return group.value();
  }

  String path(Arm arm) {
    return arm.providerPath(group.value(), "Microsoft.Network/privateEndpoints/" + endpoint);
  }
}
