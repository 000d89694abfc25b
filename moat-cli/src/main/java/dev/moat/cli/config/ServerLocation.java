package dev.moat.cli.config;

import dev.moat.cli.http.NoServerException;
import java.util.Map;

/**
 * Where the server is and which CA to trust: {@code MOAT_ENDPOINT}, else the first line of {@code
 * $MOAT_HOME/endpoint}; the CA always from {@code $MOAT_HOME/ca.pem}.
 */
public record ServerLocation(String endpoint, String caPem) {
  public static ServerLocation find(Map<String, String> env, MoatHome home) {
    String endpoint = env.get("MOAT_ENDPOINT");
    if (endpoint == null || endpoint.isBlank()) {
      endpoint =
          home.read(home.endpointFile())
              .map(s -> s.lines().findFirst().orElse("").trim())
              .filter(s -> !s.isEmpty())
              .orElseThrow(() -> new NoServerException(home.endpointFile().toString()));
    }
    endpoint = endpoint.trim();
    while (endpoint.endsWith("/")) {
      endpoint = endpoint.substring(0, endpoint.length() - 1);
    }
    String where = endpoint;
    String ca = home.read(home.caPem()).orElseThrow(() -> new NoServerException(where));
    return new ServerLocation(endpoint, ca);
  }
}
