package dev.moat.arm.runtime;

import javax.net.ssl.SSLContext;

/**
 * What a started runtime offers the services it hosts.
 *
 * @param endpoint the main HTTPS base URL, e.g. {@code https://127.0.0.1:8443}
 * @param clientTrust an SSL context trusting exactly Moat's CA, for Moat's own HTTPS clients (node
 *     agents, the registry's upstream fetches)
 * @param listeners opens further HTTPS listeners on the same server and host
 */
public record RuntimeInfo(String endpoint, SSLContext clientTrust, Listeners listeners) {

  /**
   * Opens HTTPS listeners; requests on them reach the same handlers, which tell them apart by local
   * port.
   */
  @FunctionalInterface
  public interface Listeners {
    /** Opens a listener on {@code port} (0: any free port) and returns the port bound. */
    int open(int port);
  }
}
