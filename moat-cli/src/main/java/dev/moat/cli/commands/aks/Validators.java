package dev.moat.cli.commands.aks;

import dev.moat.cli.CliException;
import dev.moat.cli.commands.Target;

/** az's aks argument validators ({@code _validators.py}): usage errors before any request. */
final class Validators {
  private Validators() {}

  /** An ARM id argument; the empty string skips the check, as az's does. */
  static void resourceId(String param, String value) {
    if (value == null || value.isEmpty()) {
      return;
    }
    if (!Target.isResourceId(value)) {
      throw CliException.usage(param + " is not a valid Azure resource ID.");
    }
  }
}
