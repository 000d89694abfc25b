package dev.moat.cli.http;

import java.io.IOException;

/**
 * Sends one HTTP request. The real one is {@link JdkTransport}; tests substitute a fake that
 * records requests and answers from a script.
 */
@FunctionalInterface
public interface Transport {
  /**
   * @throws IOException when the server cannot be reached (mapped to "no Moat server found")
   */
  WireResponse exchange(WireRequest request) throws IOException;
}
