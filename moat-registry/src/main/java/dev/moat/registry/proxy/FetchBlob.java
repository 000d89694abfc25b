package dev.moat.registry.proxy;

import dev.moat.registry.model.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;

/** Opens a blob download on the upstream (GET); the caller streams, verifies and closes it. */
final class FetchBlob {
  private final UpstreamHttp http;
  private final UpstreamRepository repo;
  private final Digest digest;

  FetchBlob(UpstreamHttp http, UpstreamRepository repo, Digest digest) {
    this.http = http;
    this.repo = repo;
    this.digest = digest;
  }

  Optional<UpstreamRegistry.Blob> run() throws IOException {
    HttpResponse<InputStream> r =
        http.send(
            repo, "GET", "/blobs/" + digest, Map.of(), HttpResponse.BodyHandlers.ofInputStream());
    if (r.statusCode() == 404) {
      UpstreamHttp.close(r);
      return Optional.empty();
    }
    if (r.statusCode() != 200) {
      UpstreamHttp.close(r);
      throw new UpstreamUnavailableException(
          "fetching blob " + repo + "@" + digest + ": HTTP " + r.statusCode(), null);
    }
    return Optional.of(
        new UpstreamRegistry.Blob(r.body(), r.headers().firstValueAsLong("Content-Length")));
  }
}
