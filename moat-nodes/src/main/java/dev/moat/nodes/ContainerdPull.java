package dev.moat.nodes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moat.platform.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One image pull as containerd's CRI plugin performs it (remotes/docker resolver and fetcher), over
 * the node's fabric path: resolve the reference with {@code HEAD} on each configured host in turn
 * (the {@code mcr.microsoft.com} mirror first on cache nodes), answering a Bearer challenge with an
 * anonymous or credentialed token request; then fetch the manifest (choosing {@code linux/amd64}
 * from an index), the config and every layer not yet in the node's content store, verifying every
 * digest and size. Failures carry containerd's wording (workloads.md §1.5).
 */
final class ContainerdPull {
  static final String ACR_TOKEN_USER = "00000000-0000-0000-0000-000000000000";
  private static final Pattern PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");
  private static final String INDEX_TYPES =
      "application/vnd.oci.image.index.v1+json"
          + " application/vnd.docker.distribution.manifest.list.v2+json";
  private static final String ACCEPT =
      "application/vnd.docker.distribution.manifest.v2+json,"
          + " application/vnd.docker.distribution.manifest.list.v2+json,"
          + " application/vnd.oci.image.manifest.v1+json, application/vnd.oci.image.index.v1+json,"
          + " */*";

  /**
   * A host containerd contacts for the image.
   *
   * @param prefix prepended to the repository path (the mirror's {@code aks-managed-repository/})
   * @param refreshToken the credential the kubelet's credential provider supplied, if any
   */
  record RegistryHost(String host, String prefix, Optional<String> refreshToken) {}

  /** What a successful pull gives. */
  record Pulled(String manifestDigest, long sizeBytes) {}

  /** containerd's error text for a failed pull. */
  static final class PullError extends Exception {
    PullError(String message) {
      super(message, null, false, false);
    }
  }

  private final FabricHttp http;
  private final ImageReference ref;
  private final Set<String> contentStore;

  /**
   * @param contentStore digests of blobs already on the node; fetched blobs are added
   */
  ContainerdPull(FabricHttp http, ImageReference ref, Set<String> contentStore) {
    this.http = http;
    this.ref = ref;
    this.contentStore = contentStore;
  }

  /** Pulls from the first host that has the reference, as containerd's resolver does. */
  Pulled pull(List<RegistryHost> hosts) throws PullError {
    String firstError = null;
    for (RegistryHost host : hosts) {
      Session session = new Session(host);
      Optional<String> digest;
      try {
        digest = session.resolve();
      } catch (PullError e) {
        // containerd keeps the first error and tries the next host.
        if (firstError == null) {
          firstError = e.getMessage();
        }
        continue;
      }
      if (digest.isPresent()) {
        return session.fetch(digest.get());
      }
    }
    String full = ref.normalized();
    throw new PullError(
        pullPrefix()
            + "failed to resolve reference \""
            + full
            + "\": "
            + (firstError != null ? firstError : full + ": not found"));
  }

  private String pullPrefix() {
    return "failed to pull and unpack image \"" + ref.normalized() + "\": ";
  }

  /** Talking to one host: its token and requests. */
  private final class Session {
    private final RegistryHost host;
    private final String repository;
    private Map<String, String> auth = Map.of();

    Session(RegistryHost host) {
      this.host = host;
      this.repository = host.prefix() + ref.path();
    }

    /** The manifest digest, or empty when this host does not have the reference. */
    Optional<String> resolve() throws PullError {
      URI url = uri("/v2/" + repository + "/manifests/" + ref.manifestReference());
      FabricHttp.Response r = head(url);
      if (r.status() == 401) {
        authorize(r);
        r = head(url);
        if (r.status() == 401) {
          throw new PullError(
              "pull access denied, repository does not exist or may require authorization:"
                  + " server message: insufficient_scope: authorization failed");
        }
      }
      if (r.status() == 404) {
        return Optional.empty();
      }
      if (r.status() == 403 && host.host().endsWith(".azurecr.io")) {
        // ACR refuses the path (public access disabled): its token endpoint answers 403 too.
        throw new PullError(
            "failed to authorize: failed to fetch anonymous token: unexpected status: 403"
                + " Forbidden");
      }
      if (r.status() > 299) {
        throw new PullError(
            "unexpected status from HEAD request to " + url + ": " + statusText(r.status()));
      }
      return Optional.of(
          r.header("Docker-Content-Digest").orElse(ref.digest() != null ? ref.digest() : ""));
    }

    private FabricHttp.Response head(URI url) throws PullError {
      Map<String, String> headers = new LinkedHashMap<>(auth);
      headers.put("Accept", ACCEPT);
      try {
        return http.send("HEAD", url, headers, null);
      } catch (NetworkFailure e) {
        throw new PullError("failed to do request: Head \"" + url + "\": " + e.goError());
      }
    }

    /** Answers the Bearer challenge: anonymous, or with the provider's credential. */
    private void authorize(FabricHttp.Response challenge) throws PullError {
      Map<String, String> params = new LinkedHashMap<>();
      Matcher m = PARAM.matcher(challenge.header("WWW-Authenticate").orElse(""));
      while (m.find()) {
        params.put(m.group(1), m.group(2));
      }
      String kind = host.refreshToken().isPresent() ? "oauth" : "anonymous";
      if (!params.containsKey("realm")) {
        throw new PullError(
            "failed to authorize: failed to fetch " + kind + " token: no realm in challenge");
      }
      URI url =
          URI.create(
              params.get("realm")
                  + "?scope="
                  + enc("repository:" + repository + ":pull")
                  + "&service="
                  + enc(params.getOrDefault("service", host.host())));
      Map<String, String> headers = new LinkedHashMap<>();
      host.refreshToken()
          .ifPresent(
              t ->
                  headers.put(
                      "Authorization",
                      "Basic "
                          + Base64.getEncoder()
                              .encodeToString(
                                  (ACR_TOKEN_USER + ":" + t).getBytes(StandardCharsets.UTF_8))));
      FabricHttp.Response r;
      try {
        r = http.get(url, headers);
      } catch (NetworkFailure e) {
        throw new PullError(
            "failed to authorize: failed to fetch "
                + kind
                + " token: Get \""
                + url
                + "\": "
                + e.goError());
      }
      if (r.status() != 200) {
        throw new PullError(
            "failed to authorize: failed to fetch "
                + kind
                + " token: unexpected status from GET request to "
                + url
                + ": "
                + statusText(r.status()));
      }
      JsonNode body = json(r.body());
      String token =
          body.hasNonNull("token")
              ? body.path("token").asText()
              : body.path("access_token").asText();
      auth = Map.of("Authorization", "Bearer " + token);
    }

    Pulled fetch(String digest) throws PullError {
      byte[] manifest = manifest(digest);
      JsonNode body = json(manifest);
      long size = manifest.length;
      if (INDEX_TYPES.contains(body.path("mediaType").asText("-")) || body.has("manifests")) {
        String chosen = null;
        for (JsonNode m : body.path("manifests")) {
          JsonNode p = m.path("platform");
          if (p.path("os").asText().equals("linux")
              && p.path("architecture").asText().equals("amd64")) {
            chosen = m.path("digest").asText();
            break;
          }
        }
        if (chosen == null) {
          throw new PullError(pullPrefix() + "no match for platform in manifest: not found");
        }
        manifest = manifest(chosen);
        body = json(manifest);
        size = manifest.length;
      }
      size += blob(body.path("config"), "config-");
      for (JsonNode layer : body.path("layers")) {
        size += blob(layer, "layer-");
      }
      return new Pulled(digest, size);
    }

    private byte[] manifest(String digest) throws PullError {
      URI url = uri("/v2/" + repository + "/manifests/" + digest);
      FabricHttp.Response r = get(url, true);
      if (r.status() != 200) {
        throw new PullError(
            pullPrefix()
                + "failed to copy: httpReadSeeker: failed open: unexpected status code "
                + url
                + ": "
                + statusText(r.status()));
      }
      String actual = RegistryPuller.sha256(r.body());
      if (!actual.equals(digest)) {
        throw commitMismatch("manifest-", actual, digest);
      }
      return r.body();
    }

    /** Fetches one blob unless the node has it; returns its size. */
    private long blob(JsonNode descriptor, String kind) throws PullError {
      String digest = descriptor.path("digest").asText();
      long size = descriptor.path("size").asLong();
      if (contentStore.contains(digest)) {
        return size;
      }
      URI next = uri("/v2/" + repository + "/blobs/" + digest);
      FabricHttp.Response r = get(next, false);
      for (int hops = 0; hops < 3 && (r.status() == 307 || r.status() == 302); hops++) {
        // ACR sends blob downloads to its data endpoint (<name>.<region>.data.azurecr.io), which
        // Moat's data plane authorises with the same registry token.
        next = next.resolve(r.header("Location").orElseThrow());
        r = get(next, false);
      }
      if (r.status() != 200) {
        throw new PullError(
            pullPrefix()
                + "failed to copy: httpReadSeeker: failed open: unexpected status code "
                + next
                + ": "
                + statusText(r.status()));
      }
      String actual = RegistryPuller.sha256(r.body());
      if (!actual.equals(digest) || r.body().length != size) {
        throw commitMismatch(kind, actual, digest);
      }
      contentStore.add(digest);
      return size;
    }

    private FabricHttp.Response get(URI url, boolean manifest) throws PullError {
      Map<String, String> headers = new LinkedHashMap<>(auth);
      if (manifest) {
        headers.put("Accept", ACCEPT);
      }
      try {
        return http.get(url, headers);
      } catch (NetworkFailure e) {
        throw new PullError(
            pullPrefix()
                + "failed to copy: httpReadSeeker: failed open: failed to do request: Get \""
                + url
                + "\": "
                + e.goError());
      }
    }

    private PullError commitMismatch(String kind, String actual, String expected) {
      return new PullError(
          pullPrefix()
              + "failed commit on ref \""
              + kind
              + expected
              + "\": unexpected commit digest "
              + actual
              + ", expected "
              + expected
              + ": failed precondition");
    }

    private URI uri(String path) {
      return URI.create("https://" + host.host() + path);
    }
  }

  private JsonNode json(byte[] body) throws PullError {
    try {
      return Json.mapper().readTree(body);
    } catch (IOException e) {
      throw new PullError(pullPrefix() + "failed to unmarshal: " + "invalid character in manifest");
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** Go's {@code resp.Status}: code and reason phrase. */
  static String statusText(int status) {
    String reason =
        switch (status) {
          case 400 -> "Bad Request";
          case 401 -> "Unauthorized";
          case 403 -> "Forbidden";
          case 404 -> "Not Found";
          case 405 -> "Method Not Allowed";
          case 429 -> "Too Many Requests";
          case 500 -> "Internal Server Error";
          case 502 -> "Bad Gateway";
          case 503 -> "Service Unavailable";
          case 504 -> "Gateway Timeout";
          default -> "";
        };
    return reason.isEmpty() ? String.valueOf(status) : status + " " + reason;
  }
}
