package dev.moat.cli.commands;

import dev.moat.cli.CliContext;
import dev.moat.cli.options.TableCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of a command group ({@code az group}, {@code az network vnet}, ...): its commands are
 * methods of the subclass; invoked bare it prints its help, as az does.
 */
public abstract class CommandGroup implements Runnable {
  protected final CliContext context;
  protected final Arm arm;

  @Spec protected CommandSpec spec;

  protected CommandGroup(CliContext context) {
    this.context = context;
    this.arm = new Arm(context);
  }

  @Override
  public void run() {
    spec.commandLine().usage(context.out());
  }

  /**
   * The group's commands that are declared as option tables ({@link TableCommand}); they sit next
   * to the group's annotated command methods and subcommand classes.
   */
  public java.util.List<TableCommand> tableCommands() {
    return java.util.List.of();
  }

  /** The qualified name of the running subcommand, e.g. {@code az aks create}, for messages. */
  protected String prog(String subcommand) {
    return spec.qualifiedName() + " " + subcommand;
  }
}
