package dev.moat.cli.commands;

import dev.moat.cli.CliException;
import java.util.Locale;

/** az's boolean argument values ({@code true/false/yes/no/1/0}, any case). */
public final class Flags {
  private Flags() {}

  public static Boolean bool(String prog, String param, String value) {
    if (value == null) {
      return null;
    }
    switch (value.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "1", "enabled" -> {
        return true;
      }
      case "false", "no", "0", "disabled" -> {
        return false;
      }
      default ->
          throw CliException.usage(
              prog
                  + ": '"
                  + value
                  + "' is not a valid value for '"
                  + param
                  + "'. Allowed values: false, true.");
    }
  }
}
