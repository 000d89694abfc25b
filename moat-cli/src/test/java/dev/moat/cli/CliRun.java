package dev.moat.cli;

/** The outcome of one CLI run in a test. */
record CliRun(int exitCode, String out, String err) {
  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
  }
}
