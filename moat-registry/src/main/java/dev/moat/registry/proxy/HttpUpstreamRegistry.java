package dev.moat.registry.proxy;

import dev.moat.registry.model.Digest;
import dev.moat.registry.model.Reference;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import javax.net.ssl.SSLContext;

/**
 * {@link UpstreamRegistry} over HTTPS with {@code java.net.http}: one class per operation ({@link
 * FetchManifest}, {@link StatBlob}, {@link FetchBlob}), anonymous or with a bearer token from the
 * upstream's challenge.
 */
public final class HttpUpstreamRegistry implements UpstreamRegistry {
  private final UpstreamHttp http;

  /**
   * @param tls trusts the upstream's certificate (in Moat: the local CA)
   * @param endpoints maps upstream host names to where they are served (loopback)
   * @param clock for token expiry
   * @param timeout connect and response-header timeout
   */
  public HttpUpstreamRegistry(
      SSLContext tls, UpstreamEndpoints endpoints, Clock clock, Duration timeout) {
    this.http = new UpstreamHttp(tls, endpoints, clock, timeout);
  }

  @Override
  public Optional<Manifest> fetchManifest(UpstreamRepository repo, Reference reference)
      throws IOException {
    return new FetchManifest(http, repo, reference).get();
  }

  @Override
  public Optional<Digest> headManifest(UpstreamRepository repo, Reference reference)
      throws IOException {
    return new FetchManifest(http, repo, reference).head();
  }

  @Override
  public OptionalLong statBlob(UpstreamRepository repo, Digest digest) throws IOException {
    return new StatBlob(http, repo, digest).run();
  }

  @Override
  public Optional<Blob> fetchBlob(UpstreamRepository repo, Digest digest) throws IOException {
    return new FetchBlob(http, repo, digest).run();
  }
}
