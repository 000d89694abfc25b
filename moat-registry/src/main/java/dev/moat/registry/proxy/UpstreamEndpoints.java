package dev.moat.registry.proxy;

import java.net.URI;
import java.util.Optional;

/**
 * Where an upstream host is really served. In Moat every upstream ({@code mcr.microsoft.com}) is
 * served locally, so this maps the name to a loopback address and port.
 */
@FunctionalInterface
public interface UpstreamEndpoints {

  /** The endpoint for {@code host}. */
  Endpoint resolve(String host);

  /**
   * A base URI such as {@code https://127.0.0.1:8443} and an optional {@code Host} header to send
   * instead of the URI's authority (so a Host-dispatching server sees {@code mcr.microsoft.com}).
   * Sending it needs the JVM started with {@code -Djdk.httpclient.allowRestrictedHeaders=host}.
   */
  record Endpoint(URI base, Optional<String> hostHeader) {}

  /** Every host at one base URI, with the real host name in the {@code Host} header. */
  static UpstreamEndpoints loopback(URI base, boolean sendHostHeader) {
    return host -> new Endpoint(base, sendHostHeader ? Optional.of(host) : Optional.empty());
  }
}
