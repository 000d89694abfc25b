package dev.moat.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moat.registry.model.Digest;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/** A minimal OCI client over java.net.http for tests: raw requests plus push helpers. */
public final class OciClient {
  private final HttpClient http;
  private final URI base;

  public OciClient(URI base, SSLContext tls) {
    this.base = base;
    this.http =
        HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(10)).build();
  }

  public URI uri(String pathAndQuery) {
    return base.resolve(pathAndQuery);
  }

  public HttpResponse<byte[]> send(String method, String path, byte[] body, String... headers)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri(path))
            .timeout(Duration.ofSeconds(60))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  public HttpResponse<byte[]> get(String path, String... headers) throws Exception {
    return send("GET", path, null, headers);
  }

  public HttpResponse<InputStream> stream(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60)).GET().build(),
        HttpResponse.BodyHandlers.ofInputStream());
  }

  /** GETs a blob streaming, returning the digest of what arrived (never holding it in memory). */
  public Digest pullBlobDigest(String repo, Digest digest) throws Exception {
    HttpResponse<InputStream> r = stream("/v2/" + repo + "/blobs/" + digest);
    assertThat(r.statusCode()).as("GET blob " + digest).isEqualTo(200);
    var hasher = Digest.newHasher();
    try (InputStream in = new DigestInputStream(r.body(), hasher)) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    }
    return Digest.fromHash(hasher.digest());
  }

  /** Monolithic push of a blob; asserts 201. */
  public Digest pushBlob(String repo, byte[] content) throws Exception {
    Digest d = Digest.of(content);
    HttpResponse<byte[]> r =
        send(
            "POST",
            "/v2/" + repo + "/blobs/uploads/?digest=" + d,
            content,
            "Content-Type",
            "application/octet-stream");
    assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(201);
    return d;
  }

  /** Pushes a manifest under a tag or digest; asserts 201. */
  public Digest pushManifest(String repo, String reference, String mediaType, byte[] body)
      throws Exception {
    HttpResponse<byte[]> r =
        send("PUT", "/v2/" + repo + "/manifests/" + reference, body, "Content-Type", mediaType);
    assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(201);
    return Digest.parse(r.headers().firstValue("Docker-Content-Digest").orElseThrow());
  }
}
