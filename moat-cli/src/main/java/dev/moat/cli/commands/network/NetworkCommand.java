package dev.moat.cli.commands.network;

import dev.moat.cli.CliContext;
import dev.moat.cli.commands.CommandGroup;
import picocli.CommandLine.Command;

/** {@code az network}. */
@Command(
    name = "network",
    description = "Manage Azure Network resources.",
    subcommands = {
      VnetCommand.class,
      PrivateEndpointCommand.class,
      NicCommand.class,
      PrivateDnsCommand.class
    })
public final class NetworkCommand extends CommandGroup {
  public NetworkCommand(CliContext context) {
    super(context);
  }
}
