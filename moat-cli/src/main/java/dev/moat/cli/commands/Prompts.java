package dev.moat.cli.commands;

import dev.moat.cli.CliContext;
import dev.moat.cli.CliException;
import java.util.Locale;

/** az's confirmation prompts ({@code knack.prompting.prompt_y_n}); {@code --yes} skips them. */
public final class Prompts {
  private static final String NO_TTY =
      "Unable to prompt for confirmation as no tty available. Use --yes.";

  private Prompts() {}

  /** The generic confirmation of destructive commands; a "no" cancels the command (exit 0). */
  public static void confirm(CliContext context, boolean yes) {
    if (yes) {
      return;
    }
    if (!ask(context, "Are you sure you want to perform this operation? (y/n): ", false)) {
      throw new CliException("Operation cancelled.", 0);
    }
  }

  /**
   * {@code prompt_y_n(message, default)}: true for yes. Without a terminal fails with az's "no tty"
   * error (exit 1).
   */
  public static boolean yesNo(CliContext context, String message, boolean defaultYes) {
    return ask(context, message + (defaultYes ? " (Y/n): " : " (y/N): "), defaultYes);
  }

  private static boolean ask(CliContext context, String prompt, boolean defaultYes) {
    if (!context.terminal().isInteractive()) {
      throw CliException.command(NO_TTY);
    }
    String answer = context.terminal().ask(prompt);
    if (answer == null) {
      throw CliException.command("Operation cancelled.");
    }
    String a = answer.trim().toLowerCase(Locale.ROOT);
    if (a.isEmpty()) {
      return defaultYes;
    }
    return a.startsWith("y");
  }
}
