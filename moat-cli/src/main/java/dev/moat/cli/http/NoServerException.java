package dev.moat.cli.http;

import dev.moat.cli.CliException;

/** No Moat server answers at the configured endpoint (or none is configured). */
public final class NoServerException extends CliException {
  private static final long serialVersionUID = 1L;

  public NoServerException(String where) {
    super("moat: no Moat server found at " + where + " — start one with ./moat serve", 1);
  }

  @Override
  public String render() {
    return getMessage();
  }
}
