package dev.moat.cli.commands;

import dev.moat.cli.CliContext;
import picocli.CommandLine.Command;

/** {@code az role}. */
@Command(
    name = "role",
    description = "Manage Azure role-based access control (Azure RBAC).",
    subcommands = RoleAssignmentCommand.class)
public final class RoleCommand extends CommandGroup {
  public RoleCommand(CliContext context) {
    super(context);
  }
}
