package dev.moat.registry.api;

import dev.moat.registry.model.RegistryName;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/**
 * Decides which logical registry a request is for. Empty means "not a registry request": the
 * handler then declines it so the next handler (the ARM front door) can take it.
 */
@FunctionalInterface
public interface RegistryResolver {

  Optional<RegistryName> resolve(Request request);

  /**
   * By {@code Host}: {@code <name><suffix>[:port]} → {@code name}, e.g. suffix {@code .azurecr.io}
   * maps {@code myacr.azurecr.io:8443} to {@code myacr}.
   */
  static RegistryResolver hostSuffix(String suffix) {
    String lower = suffix.toLowerCase(Locale.ROOT);
    return request -> {
      String host = hostWithoutPort(request);
      if (!host.endsWith(lower) || host.length() == lower.length()) {
        return Optional.empty();
      }
      String name = host.substring(0, host.length() - lower.length());
      try {
        return Optional.of(RegistryName.of(name));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    };
  }

  /** Every request that reaches the handler is for {@code registry} (tests, dedicated ports). */
  static RegistryResolver fixed(RegistryName registry) {
    return request -> Optional.of(registry);
  }

  /** The request's host name, lower-case, without port. */
  static String hostWithoutPort(Request request) {
    String host = request.getHeaders().get(HttpHeader.HOST);
    if (host == null) {
      host = Request.getServerName(request);
    }
    host = host.toLowerCase(Locale.ROOT);
    if (host.startsWith("[")) {
      return host.substring(0, host.indexOf(']') + 1);
    }
    int colon = host.lastIndexOf(':');
    return colon < 0 ? host : host.substring(0, colon);
  }
}
