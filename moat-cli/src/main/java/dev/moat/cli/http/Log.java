package dev.moat.cli.http;

import java.io.PrintStream;

/**
 * az's stderr logging: warnings unless {@code --only-show-errors}, info lines with {@code
 * --verbose}, request/response lines with {@code --debug}.
 */
public record Log(PrintStream err, boolean onlyShowErrors, boolean verbose, boolean debug) {
  public void warn(String message) {
    if (!onlyShowErrors) {
      err.println("WARNING: " + message);
    }
  }

  public void info(String message) {
    if (verbose || debug) {
      err.println("INFO: " + message);
    }
  }

  public void debug(String message) {
    if (debug) {
      err.println("DEBUG: " + message);
    }
  }

  public boolean isDebug() {
    return debug;
  }
}
