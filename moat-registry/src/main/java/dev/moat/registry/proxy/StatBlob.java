package dev.moat.registry.proxy;

import dev.moat.registry.model.Digest;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.OptionalLong;

/** Asks the upstream whether it has a blob and how large it is (HEAD). */
final class StatBlob {
  private final UpstreamHttp http;
  private final UpstreamRepository repo;
  private final Digest digest;

  StatBlob(UpstreamHttp http, UpstreamRepository repo, Digest digest) {
    this.http = http;
    this.repo = repo;
    this.digest = digest;
  }

  OptionalLong run() throws IOException {
    HttpResponse<Void> r =
        http.send(
            repo, "HEAD", "/blobs/" + digest, Map.of(), HttpResponse.BodyHandlers.discarding());
    if (r.statusCode() == 404) {
      return OptionalLong.empty();
    }
    if (r.statusCode() != 200) {
      throw new UpstreamUnavailableException(
          "checking blob " + repo + "@" + digest + ": HTTP " + r.statusCode(), null);
    }
    return r.headers().firstValueAsLong("Content-Length");
  }
}
