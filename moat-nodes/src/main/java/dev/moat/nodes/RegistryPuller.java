package dev.moat.nodes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moat.platform.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pulls artifacts from one registry host the way a node's {@code oras}/containerd does (NODE3,
 * NODE6–NODE8): probe {@code /v2/} anonymously; on a Bearer challenge, exchange the kubelet
 * identity's token for a registry refresh token at {@code /oauth2/exchange}, then buy a pull-scoped
 * access token per repository; fetch the manifest and every blob, following redirects to data
 * endpoints, verifying each digest and size.
 */
final class RegistryPuller {
  private static final Pattern PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");
  private static final String ACCEPT =
      "application/vnd.oci.image.manifest.v1+json, application/vnd.oci.image.index.v1+json,"
          + " application/vnd.docker.distribution.manifest.v2+json,"
          + " application/vnd.docker.distribution.manifest.list.v2+json";

  /** Supplies the identity's Entra token for the registry, for the exchange. */
  @FunctionalInterface
  interface AadTokenSource {
    String token() throws BootstrapFailure;
  }

  private final FabricHttp http;
  private final String host;
  private final String tenantId;
  private final AadTokenSource aad;
  private Challenge challenge;
  private String refreshToken;

  /** The registry's Bearer challenge. */
  private record Challenge(String realm, String service) {}

  RegistryPuller(FabricHttp http, String host, String tenantId, AadTokenSource aad) {
    this.http = http;
    this.host = host;
    this.tenantId = tenantId;
    this.aad = aad;
  }

  /** NODE3: anonymous if the registry allows it, else the identity-token exchange. */
  void login() throws BootstrapFailure, NetworkFailure {
    FabricHttp.Response probe = http.get(uri("/v2/"), Map.of());
    if (probe.status() == 200) {
      return;
    }
    if (probe.status() != 401) {
      throw unauthorized(probe);
    }
    challenge = parseChallenge(probe);
    if (aad == null) {
      throw unauthorized(probe);
    }
    String form =
        "grant_type=access_token&service="
            + enc(challenge.service())
            + "&tenant="
            + enc(tenantId)
            + "&access_token="
            + enc(aad.token());
    FabricHttp.Response exchanged = http.send("POST", uri("/oauth2/exchange"), Map.of(), form);
    if (exchanged.status() != 200) {
      throw unauthorized(exchanged);
    }
    refreshToken = json(exchanged).path("refresh_token").asText();
  }

  /** Pulls {@code repository:tag} (an image or an artifact) and returns its manifest digest. */
  String pull(String repository, String reference)
      throws BootstrapFailure, NetworkFailure, PullFailure {
    Map<String, String> auth = authorization(repository);
    FabricHttp.Response manifest =
        http.get(uri("/v2/" + repository + "/manifests/" + reference), headers(auth, ACCEPT));
    if (manifest.status() == 401 || manifest.status() == 403) {
      throw unauthorized(manifest);
    }
    if (manifest.status() != 200) {
      throw new PullFailure(host + "/" + repository + ":" + reference + ": " + reason(manifest));
    }
    String digest = sha256(manifest.body());
    Optional<String> served = manifest.header("Docker-Content-Digest");
    if (served.isPresent() && !served.get().equals(digest)) {
      throw new PullFailure("manifest digest mismatch for " + repository + ":" + reference);
    }
    JsonNode body = parse(manifest.body());
    fetchBlob(repository, body.path("config"), auth);
    for (JsonNode layer : body.path("layers")) {
      fetchBlob(repository, layer, auth);
    }
    return digest;
  }

  private void fetchBlob(String repository, JsonNode descriptor, Map<String, String> auth)
      throws BootstrapFailure, NetworkFailure, PullFailure {
    String digest = descriptor.path("digest").asText();
    URI next = uri("/v2/" + repository + "/blobs/" + digest);
    FabricHttp.Response r = http.get(next, auth);
    for (int hops = 0; hops < 3 && (r.status() == 307 || r.status() == 302); hops++) {
      // ACR sends blob downloads to its dedicated data endpoint (<name>.<region>.data.azurecr.io).
      next = next.resolve(r.header("Location").orElseThrow());
      r = http.get(next, auth);
    }
    if (r.status() == 401 || r.status() == 403) {
      throw unauthorized(r);
    }
    if (r.status() != 200) {
      throw new PullFailure("blob " + digest + " of " + repository + ": " + reason(r));
    }
    if (!sha256(r.body()).equals(digest) || r.body().length != descriptor.path("size").asLong()) {
      throw new PullFailure("blob " + digest + " of " + repository + " failed verification");
    }
  }

  private Map<String, String> authorization(String repository)
      throws BootstrapFailure, NetworkFailure {
    if (refreshToken == null) {
      return Map.of();
    }
    String form =
        "grant_type=refresh_token&service="
            + enc(challenge.service())
            + "&scope="
            + enc("repository:" + repository + ":pull")
            + "&refresh_token="
            + enc(refreshToken);
    FabricHttp.Response r = http.send("POST", URI.create(challenge.realm()), Map.of(), form);
    if (r.status() != 200) {
      throw unauthorized(r);
    }
    return Map.of("Authorization", "Bearer " + json(r).path("access_token").asText());
  }

  private static Map<String, String> headers(Map<String, String> auth, String accept) {
    Map<String, String> h = new LinkedHashMap<>(auth);
    h.put("Accept", accept);
    return h;
  }

  private URI uri(String path) {
    return URI.create("https://" + host + path);
  }

  private Challenge parseChallenge(FabricHttp.Response r) throws BootstrapFailure {
    String header = r.header("WWW-Authenticate").orElse("");
    Map<String, String> params = new LinkedHashMap<>();
    Matcher m = PARAM.matcher(header);
    while (m.find()) {
      params.put(m.group(1), m.group(2));
    }
    if (!header.regionMatches(true, 0, "Bearer", 0, 6) || !params.containsKey("realm")) {
      throw unauthorized(r);
    }
    return new Challenge(params.get("realm"), params.getOrDefault("service", host));
  }

  private BootstrapFailure unauthorized(FabricHttp.Response r) {
    return new BootstrapFailure(
        CseExit.ORAS_PULL_UNAUTHORIZED, "Error response from registry " + host + ": " + reason(r));
  }

  private static String reason(FabricHttp.Response r) {
    try {
      JsonNode errors = Json.mapper().readTree(r.body()).path("errors");
      if (errors.isArray() && !errors.isEmpty()) {
        return errors.get(0).path("code").asText().toLowerCase(java.util.Locale.ROOT)
            + ": "
            + errors.get(0).path("message").asText();
      }
    } catch (IOException e) {
      // not JSON: fall back to the status
    }
    return "HTTP " + r.status();
  }

  private static JsonNode json(FabricHttp.Response r) throws BootstrapFailure {
    try {
      return Json.mapper().readTree(r.body());
    } catch (IOException e) {
      throw new BootstrapFailure(CseExit.ORAS_PULL_UNAUTHORIZED, "malformed token response");
    }
  }

  private static JsonNode parse(byte[] body) throws PullFailure {
    try {
      return Json.mapper().readTree(body);
    } catch (IOException e) {
      throw new PullFailure("malformed manifest");
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static String sha256(byte[] bytes) {
    try {
      return "sha256:"
          + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An artifact could not be pulled (missing, or failed verification). */
  static final class PullFailure extends Exception {
    PullFailure(String message) {
      super(message, null, false, false);
    }
  }
}
