package dev.moat.acr;

import dev.moat.arm.http.HttpCall;
import dev.moat.arm.http.HttpResult;
import dev.moat.platform.json.Json;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ACR's token endpoints on a registry host: {@code POST /oauth2/exchange} (Entra token → refresh
 * token) and {@code GET|POST /oauth2/token} (refresh token, Basic credentials carrying one, or
 * nothing for anonymous pull → scoped access token), with ACR's response and error shapes.
 */
public final class AcrAuthEndpoints {
  private final AcrTokens tokens;

  public AcrAuthEndpoints(AcrTokens tokens) {
    this.tokens = tokens;
  }

  public static boolean handles(String path) {
    return path.equals("/oauth2/exchange") || path.equals("/oauth2/token");
  }

  public HttpResult handle(HttpCall call, AcrRegistry registry) {
    Map<String, List<String>> params = new LinkedHashMap<>(call.query());
    if (call.method().equals("POST")) {
      parseForm(new String(call.body(), StandardCharsets.UTF_8), params);
    }
    return call.path().equals("/oauth2/exchange")
        ? exchange(call, params, registry)
        : token(call, params, registry);
  }

  private HttpResult exchange(
      HttpCall call, Map<String, List<String>> params, AcrRegistry registry) {
    if (!call.method().equals("POST")) {
      return error(405, "UNSUPPORTED", "The requested method is not supported.");
    }
    String grant = first(params, "grant_type").orElse("");
    if (!grant.equals("access_token") && !grant.equals("access_token_refresh_token")) {
      return error(400, "UNSUPPORTED", "grant type '" + grant + "' is not supported.");
    }
    String service = first(params, "service").orElse("");
    if (!service.equalsIgnoreCase(registry.loginServer())) {
      return error(400, "UNAUTHORIZED", "service '" + service + "' does not match the registry.");
    }
    Optional<String> refresh =
        first(params, "access_token").flatMap(t -> tokens.exchange(t, registry));
    if (refresh.isEmpty()) {
      return error(
          401,
          "UNAUTHORIZED",
          "authentication required, visit https://aka.ms/acr/authorization for more information.");
    }
    return HttpResult.json(200, Json.write(Map.of("refresh_token", refresh.get())));
  }

  private HttpResult token(HttpCall call, Map<String, List<String>> params, AcrRegistry registry) {
    Optional<String> refresh = first(params, "refresh_token").or(() -> basicPassword(call));
    List<RegistryScope> scopes = new ArrayList<>();
    for (String s : params.getOrDefault("scope", List.of())) {
      for (String one : s.split(" ")) {
        RegistryScope.parse(one).ifPresent(scopes::add);
      }
    }
    Optional<String> access = tokens.access(refresh, registry, scopes);
    if (access.isEmpty()) {
      return error(
          401,
          "UNAUTHORIZED",
          "authentication required, visit https://aka.ms/acr/authorization for more information.");
    }
    return HttpResult.json(200, Json.write(Map.of("access_token", access.get())));
  }

  private static Optional<String> basicPassword(HttpCall call) {
    return call.header("authorization")
        .filter(h -> h.regionMatches(true, 0, "Basic ", 0, 6))
        .map(
            h ->
                new String(
                    Base64.getDecoder().decode(h.substring(6).trim()), StandardCharsets.UTF_8))
        .filter(userPass -> userPass.startsWith(AcrTokens.REFRESH_TOKEN_USER + ":"))
        .map(userPass -> userPass.substring(userPass.indexOf(':') + 1));
  }

  private static Optional<String> first(Map<String, List<String>> params, String name) {
    List<String> v = params.get(name);
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
  }

  private static void parseForm(String body, Map<String, List<String>> into) {
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      into.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
    }
  }

  static HttpResult error(int status, String code, String message) {
    return HttpResult.json(
        status, Json.write(Map.of("errors", List.of(Map.of("code", code, "message", message)))));
  }
}
