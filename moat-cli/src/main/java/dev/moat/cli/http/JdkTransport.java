package dev.moat.cli.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * HTTPS over the JDK client, trusting only Moat's local CA ({@code $MOAT_HOME/ca.pem}), never the
 * JDK's public roots: the CLI talks to one local server and nothing else. HTTP/1.1 because that is
 * what the server and az speak.
 */
public final class JdkTransport implements Transport {
  // Headers the JDK client sets itself and refuses to take from callers.
  private static final Set<String> RESTRICTED = Set.of("content-length", "host", "connection");

  private final HttpClient client;

  private JdkTransport(HttpClient client) {
    this.client = client;
  }

  /** A transport trusting exactly the CA certificates in {@code caPem}. */
  public static JdkTransport trusting(String caPem) {
    return new JdkTransport(
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .sslContext(sslContext(caPem))
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build());
  }

  @Override
  public WireResponse exchange(WireRequest request) throws IOException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(request.uri())
            .timeout(Duration.ofMinutes(5))
            .method(
                request.method(),
                request.body() == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(request.body()));
    request
        .headers()
        .forEach(
            (k, v) -> {
              if (!RESTRICTED.contains(k.toLowerCase(java.util.Locale.ROOT))) {
                b.header(k, v);
              }
            });
    try {
      HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new WireResponse(r.statusCode(), r.headers().map(), r.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  static SSLContext sslContext(String caPem) {
    try {
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      int i = 0;
      for (Certificate c :
          CertificateFactory.getInstance("X.509")
              .generateCertificates(
                  new ByteArrayInputStream(caPem.getBytes(StandardCharsets.US_ASCII)))) {
        trust.setCertificateEntry("moat-ca-" + i++, c);
      }
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot read Moat's CA certificate: " + e.getMessage(), e);
    }
  }
}
