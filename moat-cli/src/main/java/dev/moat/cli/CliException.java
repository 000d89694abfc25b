package dev.moat.cli;

/**
 * An error that ends a command: what to print on stderr and the process exit code az would use (1
 * for errors while running a command, 2 for usage errors found while parsing, 3 for a {@code show}
 * of a missing resource).
 */
public class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int exitCode;

  public CliException(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }

  /** The stderr text, without a trailing newline; az prefixes its errors with {@code ERROR: }. */
  public String render() {
    return "ERROR: " + getMessage();
  }

  /**
   * A usage error as az's parser and argument validators report it (exit code 2): bad flags, bad
   * enum values, invalid ids. No request has been sent.
   */
  public static CliException usage(String message) {
    return new CliException(message, 2);
  }

  /**
   * An error raised while the command runs, before or between requests (az's decorator checks:
   * mutually exclusive or missing arguments); exit code 1.
   */
  public static CliException command(String message) {
    return new CliException(message, 1);
  }
}
