package dev.moat.cli.commands.network;

import dev.moat.cli.CliContext;
import dev.moat.cli.commands.CommandGroup;
import dev.moat.cli.commands.Target;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code az network nic} (read-only here: Moat creates NICs for private endpoints). */
@Command(name = "nic", description = "Manage network interfaces.")
public final class NicCommand extends CommandGroup {
  private static final String V = VnetCommand.V;

  public NicCommand(CliContext context) {
    super(context);
  }

  @Command(name = "show", description = "Get the details of a network interface card.")
  int show(
      @Option(
              names = {"--resource-group", "-g"},
              description = "Name of resource group.")
          String group,
      @Option(
              names = {"--name", "-n"},
              description = "The network interface (NIC).")
          String name,
      @Option(names = "--ids", arity = "1..*", description = "One or more resource IDs.")
          List<String> ids) {
    NetShow.print(
        context,
        arm,
        Target.paths(
            ids,
            () ->
                arm.providerPath(
                    Target.require(group, "--resource-group/-g"),
                    "Microsoft.Network/networkInterfaces/" + Target.require(name, "--name/-n"))),
        V);
    return 0;
  }

  @Command(name = "list", description = "List network interfaces.")
  int list(
      @Option(
              names = {"--resource-group", "-g"},
              description = "Name of resource group.")
          String group) {
    String path =
        group == null
            ? "/subscriptions/"
                + arm.subscriptionId()
                + "/providers/Microsoft.Network/networkInterfaces"
            : arm.providerPath(group, "Microsoft.Network/networkInterfaces");
    context.printResource(arm.list(path, V));
    return 0;
  }
}
