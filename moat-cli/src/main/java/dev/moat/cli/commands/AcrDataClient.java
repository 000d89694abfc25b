package dev.moat.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moat.cli.CliContext;
import dev.moat.cli.CliException;
import dev.moat.cli.http.Json;
import dev.moat.cli.http.WireRequest;
import dev.moat.cli.http.WireResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * az's registry data-plane client ({@code acr/_docker_utils.py}): the signed-in identity's ARM
 * token exchanged at {@code /oauth2/exchange} for a refresh token, then a scoped access token from
 * {@code /oauth2/token} per call. The registry is reached at its Moat host endpoint (listed by
 * {@code GET /moat/registries}), which is a public network path, as a workstation's is.
 */
final class AcrDataClient {
  private final CliContext context;
  private final String loginServer;
  private String base;
  private String refreshToken;

  AcrDataClient(CliContext context, Arm arm, String registry, String group) {
    this.context = context;
    // The registry must exist in the subscription (az reads its login server from ARM).
    Registries.path(
        arm,
        registry.contains(".") ? registry.substring(0, registry.indexOf('.')) : registry,
        group);
    this.loginServer =
        (registry.contains(".") ? registry : registry + ".azurecr.io").toLowerCase(Locale.ROOT);
  }

  String loginServer() {
    return loginServer;
  }

  /** A GET answered as JSON. */
  JsonNode get(String path, String scope) {
    return Json.parse(send("GET", path, scope, Map.of()).text());
  }

  /** Any call; the response (2xx only). */
  WireResponse send(String method, String path, String scope, Map<String, String> headers) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put("Authorization", "Bearer " + accessToken(scope));
    WireResponse r = exchange(new WireRequest(method, URI.create(base() + path), h, null));
    if (r.status() / 100 != 2) {
      throw CliException.command(describe(r));
    }
    return r;
  }

  private String accessToken(String scope) {
    if (refreshToken == null) {
      refreshToken =
          grant(
              "/oauth2/exchange",
              "grant_type=access_token&service="
                  + enc(loginServer)
                  + "&access_token="
                  + enc(context.tokens().token(false)),
              "refresh_token");
    }
    return grant(
        "/oauth2/token",
        "grant_type=refresh_token&service="
            + enc(loginServer)
            + "&scope="
            + enc(scope)
            + "&refresh_token="
            + enc(refreshToken),
        "access_token");
  }

  /** One token request of the exchange; a refusal reads as az's "Access to registry ... denied". */
  private String grant(String path, String form, String field) {
    WireResponse r = post(path, form);
    if (r.status() != 200) {
      throw CliException.command(
          "Access to registry '"
              + loginServer
              + "' was denied. Response code: "
              + r.status()
              + ". Please try running 'az login' again to refresh permissions."
              + detail(r));
    }
    return Json.parse(r.text()).path(field).asText();
  }

  private WireResponse post(String path, String form) {
    return exchange(
        new WireRequest(
            "POST",
            URI.create(base() + path),
            Map.of("Content-Type", "application/x-www-form-urlencoded"),
            form.getBytes(StandardCharsets.UTF_8)));
  }

  /** {@code https://127.0.0.1:PORT}: the registry's host endpoint. */
  private String base() {
    if (base == null) {
      String endpoint = context.server().endpoint();
      WireResponse r =
          exchange(
              new WireRequest(
                  "GET",
                  URI.create(endpoint + "/moat/registries"),
                  Map.of("Authorization", "Bearer " + context.tokens().token(false)),
                  null));
      for (JsonNode e : Json.parse(r.text()).path("value")) {
        if (e.path("loginServer").asText().equalsIgnoreCase(loginServer)) {
          base = "https://" + e.path("hostEndpoint").asText();
        }
      }
      if (base == null) {
        throw CliException.command(
            "Could not connect to the registry login server '" + loginServer + "'.");
      }
    }
    return base;
  }

  private WireResponse exchange(WireRequest request) {
    try {
      return context.transport().exchange(request);
    } catch (IOException e) {
      throw CliException.command(
          "Could not connect to the registry login server '"
              + loginServer
              + "': "
              + e.getMessage());
    }
  }

  /** az's rendering of a registry error: {@code Error: <code> <message>}. */
  private static String describe(WireResponse r) {
    JsonNode errors = parseOrNull(r.text());
    if (errors != null && errors.path("errors").isArray() && !errors.path("errors").isEmpty()) {
      JsonNode e = errors.path("errors").get(0);
      return e.path("message").asText() + " (" + e.path("code").asText() + ")";
    }
    return "Response " + r.status() + " from the registry.";
  }

  private static String detail(WireResponse r) {
    JsonNode body = parseOrNull(r.text());
    if (body != null && body.path("errors").isArray() && !body.path("errors").isEmpty()) {
      JsonNode e = body.path("errors").get(0);
      return " " + e.path("code").asText() + ": " + e.path("message").asText();
    }
    return "";
  }

  private static JsonNode parseOrNull(String text) {
    try {
      return com.fasterxml.jackson.databind.json.JsonMapper.builder().build().readTree(text);
    } catch (IOException e) {
      return null;
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
