package dev.moat.nodes;

/** A bootstrap step failed with the exit code the provisioning script would report. */
final class BootstrapFailure extends Exception {
  private final CseExit exit;

  BootstrapFailure(CseExit exit, String message) {
    super(message, null, false, false);
    this.exit = exit;
  }

  CseExit exit() {
    return exit;
  }
}
