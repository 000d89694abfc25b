package dev.moat.nodes;

import dev.moat.platform.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * ACR's {@code POST /oauth2/exchange} from a node: an Entra token for a registry refresh token.
 *
 * @param status the HTTP status
 * @param body the response body as text
 */
record TokenExchange(int status, String body) {

  static TokenExchange exchange(FabricHttp http, String loginServer, String tenantId, String aad)
      throws NetworkFailure {
    String form =
        "grant_type=access_token&service="
            + enc(loginServer)
            + "&tenant="
            + enc(tenantId)
            + "&access_token="
            + enc(aad);
    FabricHttp.Response r = http.send("POST", exchangeUri(loginServer), Map.of(), form);
    return new TokenExchange(r.status(), new String(r.body(), StandardCharsets.UTF_8));
  }

  /**
   * ACR's {@code GET /oauth2/token} with a refresh token, for pull access to the registry's
   * repositories: the answer shows whether RBAC lets the identity pull.
   */
  static TokenExchange pullToken(FabricHttp http, String loginServer, String refreshToken)
      throws NetworkFailure {
    URI uri =
        URI.create(
            "https://"
                + loginServer
                + "/oauth2/token?service="
                + enc(loginServer)
                + "&scope="
                + enc("repository:*:pull"));
    String basic =
        java.util.Base64.getEncoder()
            .encodeToString(
                (ContainerdPull.ACR_TOKEN_USER + ":" + refreshToken)
                    .getBytes(StandardCharsets.UTF_8));
    FabricHttp.Response r = http.get(uri, Map.of("Authorization", "Basic " + basic));
    return new TokenExchange(r.status(), new String(r.body(), StandardCharsets.UTF_8));
  }

  static URI exchangeUri(String loginServer) {
    return URI.create("https://" + loginServer + "/oauth2/exchange");
  }

  /** The refresh token, when the exchange succeeded. */
  Optional<String> refreshToken() {
    if (status != 200) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(Json.mapper().readTree(body).path("refresh_token").textValue());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
