package dev.moat.cli.commands.network;

import dev.moat.cli.CliContext;
import dev.moat.cli.commands.CommandGroup;
import dev.moat.cli.commands.CommonOptions.GroupOrIds;
import dev.moat.cli.commands.Resources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code az network nic} (read-only here: Moat creates NICs for private endpoints). */
@Command(name = "nic", description = "Manage network interfaces.")
public final class NicCommand extends CommandGroup {
  private final Resources nics;

  public NicCommand(CliContext context) {
    super(context);
    this.nics = new Resources(context, arm, "Microsoft.Network/networkInterfaces", VnetCommand.V);
  }

  @Command(name = "show", description = "Get the details of a network interface card.")
  int show(
      @Mixin GroupOrIds target,
      @Option(
              names = {"--name", "-n"},
              description = "The network interface (NIC).")
          String name) {
    nics.show(target.paths(() -> nics.path(target.group(), name)));
    return 0;
  }

  @Command(name = "list", description = "List network interfaces.")
  int list(
      @Option(
              names = {"--resource-group", "-g"},
              description = "Name of resource group.")
          String group) {
    nics.list(group);
    return 0;
  }
}
