package dev.moat.cli.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The service principal the CLI signs in as. Without {@code login}, the default principal {@code
 * moat-cli} with secret {@code moat-cli}: Moat's default (open) client directory gives any client
 * id with a non-empty secret a token, so this just works; a server started with registered
 * principals needs {@code login --service-principal}.
 */
public record Credentials(String clientId, String secret, String tenant, boolean loggedIn) {
  public static final String DEFAULT_CLIENT_ID = "moat-cli";
  private static final String FILE = "login.json";

  public static Credentials load(MoatHome home) {
    JsonNode stored = home.readJson(FILE);
    if (stored.hasNonNull("clientId")) {
      return new Credentials(
          stored.path("clientId").asText(),
          stored.path("secret").asText(),
          stored.path("tenant").asText(null),
          true);
    }
    return new Credentials(DEFAULT_CLIENT_ID, DEFAULT_CLIENT_ID, null, false);
  }

  public void save(MoatHome home) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("clientId", clientId);
    o.put("secret", secret);
    o.put("tenant", tenant);
    home.writeJson(FILE, o);
  }

  public static void forget(MoatHome home) {
    home.delete(FILE);
  }
}
