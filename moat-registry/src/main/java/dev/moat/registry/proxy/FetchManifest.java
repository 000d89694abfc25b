package dev.moat.registry.proxy;

import dev.moat.registry.model.Digest;
import dev.moat.registry.model.MediaType;
import dev.moat.registry.model.Reference;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;

/**
 * Fetches (GET) or checks (HEAD) a manifest on the upstream, accepting every manifest type we store
 * so that the upstream serves its original bytes and never converts them.
 */
final class FetchManifest {
  private static final String ACCEPT =
      String.join(
          ", ",
          MediaType.OCI_INDEX,
          MediaType.OCI_MANIFEST,
          MediaType.DOCKER_MANIFEST_LIST,
          MediaType.DOCKER_MANIFEST);
  private final UpstreamHttp http;
  private final UpstreamRepository repo;
  private final Reference reference;

  FetchManifest(UpstreamHttp http, UpstreamRepository repo, Reference reference) {
    this.http = http;
    this.repo = repo;
    this.reference = reference;
  }

  String description() {
    return "fetching manifest " + repo + ":" + reference;
  }

  Optional<UpstreamRegistry.Manifest> get() throws IOException {
    HttpResponse<byte[]> r =
        http.send(
            repo,
            "GET",
            "/manifests/" + reference,
            Map.of("Accept", ACCEPT),
            HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() == 404) {
      return Optional.empty();
    }
    if (r.statusCode() != 200) {
      throw new UpstreamUnavailableException(description() + ": HTTP " + r.statusCode(), null);
    }
    String type = MediaType.essence(r.headers().firstValue("Content-Type").orElse(""));
    return Optional.of(new UpstreamRegistry.Manifest(r.body(), type));
  }

  Optional<Digest> head() throws IOException {
    HttpResponse<Void> r =
        http.send(
            repo,
            "HEAD",
            "/manifests/" + reference,
            Map.of("Accept", ACCEPT),
            HttpResponse.BodyHandlers.discarding());
    if (r.statusCode() == 404) {
      return Optional.empty();
    }
    Optional<String> digest = r.headers().firstValue("Docker-Content-Digest");
    if (r.statusCode() != 200 || digest.isEmpty()) {
      throw new UpstreamUnavailableException(description() + ": HTTP " + r.statusCode(), null);
    }
    try {
      return Optional.of(Digest.parse(digest.get()));
    } catch (IllegalArgumentException e) {
      throw new UpstreamUnavailableException(description() + ": bad digest header", e);
    }
  }
}
