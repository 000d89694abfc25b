package dev.moat.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moat.arm.http.MoatHttpServer;
import dev.moat.arm.tls.LocalCertificateAuthority;
import dev.moat.registry.model.Digest;
import dev.moat.registry.model.RepositoryName;
import dev.moat.registry.proxy.HttpUpstreamRegistry;
import dev.moat.registry.proxy.UpstreamEndpoints;
import dev.moat.registry.proxy.UpstreamRegistry;
import dev.moat.registry.proxy.UpstreamRepository;
import dev.moat.registry.proxy.UpstreamUnavailableException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Blob downloads from an upstream that behaves like a public registry: a bearer challenge answered
 * by an anonymous token endpoint, 404 for unknown blobs and 503 when unwell. Exercises the
 * streaming client ({@code FetchBlob}) end to end over real TLS.
 */
class UpstreamBlobFetchTest {
  private static final String TOKEN = "anon-token";
  @TempDir Path dir;

  private final byte[] blob = new byte[3 * 1024 * 1024 + 17];
  private Digest digest;
  private MoatHttpServer server;
  private UpstreamRegistry upstream;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private volatile int blobStatus = 200;

  @BeforeEach
  void start() throws Exception {
    new Random(13).nextBytes(blob);
    digest = Digest.of(blob);
    var ca = LocalCertificateAuthority.loadOrCreate(dir.resolve("ca"), Clock.systemUTC());
    server =
        new MoatHttpServer(
            "127.0.0.1",
            0,
            ca.issueKeyStore(List.of("127.0.0.1")),
            new Handler.Abstract() {
              @Override
              public boolean handle(Request request, Response response, Callback callback) {
                return serve(request, response, callback);
              }
            });
    server.start();
    upstream =
        new HttpUpstreamRegistry(
            TestRegistry.trusting(ca),
            UpstreamEndpoints.loopback(
                java.net.URI.create("https://127.0.0.1:" + server.port()), false),
            Clock.systemUTC(),
            Duration.ofSeconds(30));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** Token endpoint, then {@code /v2/lib/app/blobs/<digest>} behind a bearer challenge. */
  private boolean serve(Request request, Response response, Callback callback) {
    String path = request.getHttpURI().getPath();
    String auth = request.getHeaders().get("Authorization");
    requests.add(path + (auth == null ? "" : " " + auth));
    if (path.equals("/token")) {
      byte[] body =
          ("{\"token\":\"" + TOKEN + "\",\"expires_in\":300}").getBytes(StandardCharsets.UTF_8);
      response.getHeaders().put("Content-Type", "application/json");
      response.write(true, ByteBuffer.wrap(body), callback);
      return true;
    }
    if (!("Bearer " + TOKEN).equals(auth)) {
      response.setStatus(401);
      response
          .getHeaders()
          .put(
              "WWW-Authenticate",
              "Bearer realm=\"https://127.0.0.1:"
                  + server.port()
                  + "/token\",service=\"upstream\",scope=\"repository:lib/app:pull\"");
      response.write(true, ByteBuffer.wrap("{}".getBytes(StandardCharsets.UTF_8)), callback);
      return true;
    }
    if (blobStatus != 200 || !path.equals("/v2/lib/app/blobs/" + digest)) {
      response.setStatus(blobStatus != 200 ? blobStatus : 404);
      response.write(true, ByteBuffer.wrap("{}".getBytes(StandardCharsets.UTF_8)), callback);
      return true;
    }
    response.getHeaders().put("Content-Length", blob.length);
    response.write(true, ByteBuffer.wrap(blob), callback);
    return true;
  }

  private UpstreamRepository repo() {
    return new UpstreamRepository("upstream.example", RepositoryName.of("lib/app"));
  }

  @Test
  void streamsTheBlobAfterAnsweringTheChallengeAndReusesTheToken() throws Exception {
    Optional<UpstreamRegistry.Blob> first = upstream.fetchBlob(repo(), digest);
    assertThat(first).isPresent();
    try (UpstreamRegistry.Blob b = first.get();
        InputStream in = b.body()) {
      assertThat(b.length()).hasValue(blob.length);
      assertThat(in.readAllBytes()).isEqualTo(blob);
    }
    assertThat(requests)
        .containsExactly(
            "/v2/lib/app/blobs/" + digest,
            "/token",
            "/v2/lib/app/blobs/" + digest + " Bearer " + TOKEN);

    requests.clear();
    try (UpstreamRegistry.Blob b = upstream.fetchBlob(repo(), digest).orElseThrow()) {
      assertThat(b.body().readAllBytes()).isEqualTo(blob);
    }
    assertThat(requests).containsExactly("/v2/lib/app/blobs/" + digest + " Bearer " + TOKEN);
  }

  @Test
  void unknownBlobIsEmptyAndServerErrorsAreUnavailable() throws Exception {
    Digest other = Digest.of("not there");
    assertThat(upstream.fetchBlob(repo(), other)).isEmpty();
    blobStatus = 503;
    assertThatThrownBy(() -> upstream.fetchBlob(repo(), digest))
        .isInstanceOf(UpstreamUnavailableException.class)
        .hasMessageContaining("503");
  }

  @Test
  void unreachableUpstreamIsUnavailable() throws Exception {
    int port = server.port();
    server.close();
    UpstreamRegistry gone =
        new HttpUpstreamRegistry(
            javax.net.ssl.SSLContext.getDefault(),
            UpstreamEndpoints.loopback(java.net.URI.create("https://127.0.0.1:" + port), false),
            Clock.systemUTC(),
            Duration.ofSeconds(5));
    assertThatThrownBy(() -> gone.fetchBlob(repo(), digest))
        .isInstanceOf(UpstreamUnavailableException.class);
  }
}
