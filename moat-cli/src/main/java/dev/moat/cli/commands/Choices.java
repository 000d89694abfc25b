package dev.moat.cli.commands;

import dev.moat.cli.CliException;
import java.util.List;
import java.util.Locale;

/**
 * An enum argument as az's parser checks it: case-insensitive, normalised to the canonical
 * spelling, otherwise {@code {prog}: '{value}' is not a valid value for '{param}'. Allowed values:
 * {choices}.} (exit code 2).
 */
public record Choices(String param, List<String> allowed) {
  public static Choices of(String param, String... allowed) {
    return new Choices(param, List.of(allowed));
  }

  /** The canonical spelling of {@code value}; null stays null. */
  public String parse(String prog, String value) {
    if (value == null) {
      return null;
    }
    for (String a : allowed) {
      if (a.toLowerCase(Locale.ROOT).equals(value.toLowerCase(Locale.ROOT))) {
        return a;
      }
    }
    throw CliException.usage(
        prog
            + ": '"
            + value
            + "' is not a valid value for '"
            + param
            + "'. Allowed values: "
            + String.join(", ", allowed)
            + ".");
  }
}
