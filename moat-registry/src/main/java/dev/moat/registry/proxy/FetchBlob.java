package dev.moat.registry.proxy;

import dev.moat.registry.model.Digest;
import java.io.IOException;
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
    UpstreamHttp.Streamed r = http.getStream(repo, "/blobs/" + digest);
    if (r.status() == 404) {
      r.body().close();
      return Optional.empty();
    }
    if (r.status() != 200) {
      r.body().close();
      throw new UpstreamUnavailableException(
          "fetching blob " + repo + "@" + digest + ": HTTP " + r.status(), null);
    }
    return Optional.of(new UpstreamRegistry.Blob(r.body(), r.length()));
  }
}
