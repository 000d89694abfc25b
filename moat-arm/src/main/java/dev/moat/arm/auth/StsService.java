package dev.moat.arm.auth;

import dev.moat.arm.http.HttpCall;
import dev.moat.arm.http.HttpResult;
import dev.moat.arm.http.HttpService;
import dev.moat.arm.tenancy.Tenancy;
import dev.moat.platform.json.Json;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The authority Azure clients log in to: cloud metadata ({@code /metadata/endpoints}), an
 * ADFS-style OpenID configuration and a client-credentials token endpoint. ADFS-style, because MSAL
 * skips its online instance discovery for authorities ending in {@code /adfs}.
 */
public final class StsService implements HttpService {
  private static final Pattern TOKEN_PATH =
      Pattern.compile("/(adfs|[^/]+)/oauth2(/v2\\.0)?/token", Pattern.CASE_INSENSITIVE);

  private final TokenService tokens;
  private final ClientDirectory clients;
  private final Tenancy tenancy;
  private final KnownPrincipals known;

  public StsService(
      TokenService tokens, ClientDirectory clients, Tenancy tenancy, KnownPrincipals known) {
    this.tokens = tokens;
    this.clients = clients;
    this.tenancy = tenancy;
    this.known = known;
  }

  /** True for the paths this service answers. */
  public static boolean handles(String path) {
    String p = path.toLowerCase(Locale.ROOT);
    return p.startsWith("/metadata/endpoints")
        || p.startsWith("/adfs/")
        || TOKEN_PATH.matcher(path).matches();
  }

  @Override
  public HttpResult handle(HttpCall call) {
    String path = call.path().toLowerCase(Locale.ROOT);
    String base = call.baseUri();
    if (path.startsWith("/metadata/endpoints") && call.method().equals("GET")) {
      return metadata(call, base);
    }
    if (path.equals("/adfs/.well-known/openid-configuration")) {
      return json(200, openIdConfiguration(base));
    }
    if (path.equals("/adfs/discovery/keys")) {
      return HttpResult.json(200, tokens.publicJwks());
    }
    if (TOKEN_PATH.matcher(call.path()).matches() && call.method().equals("POST")) {
      return token(call, base);
    }
    return oauthError(
        404, "invalid_request", "AADSTS90002: The path " + call.path() + " is not an endpoint.");
  }

  private HttpResult metadata(HttpCall call, String base) {
    String version = call.queryParam("api-version").orElse("2015-01-01");
    Map<String, Object> authentication =
        Map.of(
            "loginEndpoint",
            base + "/adfs",
            "audiences",
            List.of(base + "/"),
            "tenant",
            "adfs",
            "identityProvider",
            "ADFS");
    if (version.compareTo("2022-09-01") >= 0) {
      Map<String, Object> cloud = new LinkedHashMap<>();
      cloud.put("name", "Moat");
      cloud.put("resourceManager", base + "/");
      cloud.put("portal", base + "/");
      cloud.put("authentication", authentication);
      cloud.put("graph", base + "/");
      cloud.put("gallery", base + "/");
      cloud.put("suffixes", Map.of("acrLoginServer", "azurecr.io", "storage", "core.windows.net"));
      return json(200, List.of(cloud));
    }
    Map<String, Object> legacy = new LinkedHashMap<>();
    legacy.put("galleryEndpoint", base + "/");
    legacy.put("graphEndpoint", base + "/");
    legacy.put("portalEndpoint", base + "/");
    legacy.put("authentication", authentication);
    return json(200, legacy);
  }

  private Map<String, Object> openIdConfiguration(String base) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("issuer", TokenService.issuer(tenancy.tenantId()));
    doc.put("authorization_endpoint", base + "/adfs/oauth2/authorize");
    doc.put("token_endpoint", base + "/adfs/oauth2/token");
    doc.put("jwks_uri", base + "/adfs/discovery/keys");
    doc.put("response_types_supported", List.of("code", "token"));
    doc.put("grant_types_supported", List.of("client_credentials"));
    doc.put(
        "token_endpoint_auth_methods_supported",
        List.of("client_secret_post", "client_secret_basic"));
    doc.put("id_token_signing_alg_values_supported", List.of("RS256"));
    return doc;
  }

  private HttpResult token(HttpCall call, String base) {
    Map<String, String> form = parseForm(new String(call.body(), StandardCharsets.UTF_8));
    String grant = form.getOrDefault("grant_type", "");
    if (!grant.equals("client_credentials")) {
      return oauthError(
          400,
          "unsupported_grant_type",
          "AADSTS70003: The app requested an unsupported grant type '" + grant + "'.");
    }
    Optional<Principal> principal =
        clients.authenticate(form.get("client_id"), form.get("client_secret"));
    if (principal.isEmpty()) {
      return oauthError(
          401,
          "invalid_client",
          "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the"
              + " request is the client secret value, not the client secret ID, for a secret added"
              + " to app '"
              + form.get("client_id")
              + "'.");
    }
    known.record(principal.get());
    String audience = audience(form, base);
    TokenService.IssuedToken token =
        tokens.issue(principal.get(), audience, TokenService.DEFAULT_LIFETIME);
    long expiresIn = token.expiresAt().getEpochSecond() - token.issuedAt().getEpochSecond();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("token_type", "Bearer");
    body.put("access_token", token.value());
    body.put("expires_in", expiresIn);
    body.put("ext_expires_in", expiresIn);
    body.put("expires_on", token.expiresAt().getEpochSecond());
    body.put("resource", audience);
    return json(200, body);
  }

  /**
   * The audience from {@code resource} (v1/ADFS) or the {@code .default} scope (v2); a client
   * asking for {@code https://host:port//.default} (a base URL with its trailing slash) means the
   * base URL.
   */
  static String audience(Map<String, String> form, String base) {
    String resource = form.get("resource");
    if (resource != null && !resource.isBlank()) {
      return resource;
    }
    for (String scope : form.getOrDefault("scope", "").split(" ")) {
      if (scope.endsWith("/.default")) {
        String r = scope.substring(0, scope.length() - "/.default".length());
        return r.endsWith("/") ? r : r + "/";
      }
    }
    return base + "/";
  }

  private static Map<String, String> parseForm(String body) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      out.put(
          URLDecoder.decode(k, StandardCharsets.UTF_8),
          URLDecoder.decode(v, StandardCharsets.UTF_8));
    }
    return out;
  }

  private static HttpResult oauthError(int status, String error, String description) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", error);
    body.put("error_description", description);
    body.put("error_codes", List.of());
    return json(status, body);
  }

  private static HttpResult json(int status, Object body) {
    return HttpResult.json(status, Json.write(body));
  }
}
