package dev.moat.cli.commands.network;

import dev.moat.cli.CliContext;
import dev.moat.cli.commands.CommandGroup;
import dev.moat.cli.commands.Resources;
import dev.moat.cli.options.TableCommand;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code az network nic} (read-only here: Moat creates NICs for private endpoints). */
@Command(name = "nic", description = "Manage network interfaces.")
public final class NicCommand extends CommandGroup {
  private final Resources nics;

  public NicCommand(CliContext context) {
    super(context);
    this.nics = new Resources(context, arm, "Microsoft.Network/networkInterfaces", VnetCommand.V);
  }

  @Override
  public List<TableCommand> tableCommands() {
    return nics.commands("network interface", List.of(), "show", "list");
  }
}
