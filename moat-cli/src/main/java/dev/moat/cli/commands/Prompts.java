package dev.moat.cli.commands;

import dev.moat.cli.CliContext;
import dev.moat.cli.CliException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** az's confirmation prompt for destructive commands; {@code --yes} skips it. */
public final class Prompts {
  private Prompts() {}

  public static void confirm(CliContext context, boolean yes) {
    if (yes) {
      return;
    }
    if (System.console() == null || context.err() != System.err) {
      throw CliException.command(
          "Unable to prompt for confirmation as no tty available. Use --yes.");
    }
    context.err().print("Are you sure you want to perform this operation? (y/n): ");
    context.err().flush();
    try {
      String answer =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      if (answer == null || !answer.trim().toLowerCase(java.util.Locale.ROOT).startsWith("y")) {
        throw new CliException("Operation cancelled.", 0);
      }
    } catch (IOException e) {
      throw CliException.command("Operation cancelled.");
    }
  }
}
