package dev.moat.cli.http;

/** Supplies the bearer token for ARM calls. */
public interface TokenSource {
  /**
   * A token valid now; {@code refresh} forces a new one (after a 401, e.g. a restarted server with
   * new signing keys).
   */
  String token(boolean refresh);
}
