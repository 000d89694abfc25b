package dev.moat.cli.commands.network;

import dev.moat.cli.commands.Arm;
import picocli.CommandLine.Option;

/** The required {@code -g} and {@code --endpoint-name} that name a private endpoint. */
public final class EndpointName {
  @Option(
      names = {"--resource-group", "-g"},
      required = true,
      description = "Name of resource group.")
  String group;

  @Option(names = "--endpoint-name", required = true, description = "Name of the private endpoint.")
  String endpoint;

  String group() {
    return group;
  }

  String path(Arm arm) {
    return arm.providerPath(group, "Microsoft.Network/privateEndpoints/" + endpoint);
  }
}
