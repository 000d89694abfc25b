package dev.moat.cli.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;

/**
 * HTTPS over {@link HttpsURLConnection}, trusting only Moat's CA. Each CLI command is a new JVM,
 * and the JDK's {@code java.net.http} client costs about 0.4 s to start there (its selector and
 * executor machinery) against a few tens of milliseconds for {@code HttpsURLConnection}, which also
 * keeps connections alive between the calls of one command. {@code HttpsURLConnection} cannot send
 * PATCH, so PATCH requests go through {@link JdkTransport}, created on first use.
 */
public final class UrlConnectionTransport implements Transport {
  private static final Set<String> RESTRICTED = Set.of("content-length", "host", "connection");

  private final SSLContext ssl;
  private final String caPem;
  private JdkTransport patch;

  private UrlConnectionTransport(SSLContext ssl, String caPem) {
    this.ssl = ssl;
    this.caPem = caPem;
  }

  /** A transport trusting exactly the CA certificates in {@code caPem}. */
  public static UrlConnectionTransport trusting(String caPem) {
    return new UrlConnectionTransport(JdkTransport.sslContext(caPem), caPem);
  }

  @Override
  public WireResponse exchange(WireRequest request) throws IOException {
    if (request.method().equals("PATCH")) {
      return patchTransport().exchange(request);
    }
    HttpsURLConnection c = (HttpsURLConnection) request.uri().toURL().openConnection();
    c.setSSLSocketFactory(ssl.getSocketFactory());
    c.setRequestMethod(request.method());
    c.setInstanceFollowRedirects(false);
    c.setConnectTimeout(5_000);
    c.setReadTimeout(300_000);
    c.setUseCaches(false);
    request
        .headers()
        .forEach(
            (k, v) -> {
              if (!RESTRICTED.contains(k.toLowerCase(Locale.ROOT))) {
                c.setRequestProperty(k, v);
              }
            });
    if (request.body() != null) {
      c.setDoOutput(true);
      c.setFixedLengthStreamingMode(request.body().length);
      try (OutputStream out = c.getOutputStream()) {
        out.write(request.body());
      }
    }
    int status = c.getResponseCode();
    byte[] body;
    try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
      body = in == null ? new byte[0] : in.readAllBytes();
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    c.getHeaderFields()
        .forEach(
            (k, v) -> {
              if (k != null) {
                headers.put(k.toLowerCase(Locale.ROOT), v);
              }
            });
    return new WireResponse(status, headers, body);
  }

  private synchronized JdkTransport patchTransport() {
    if (patch == null) {
      patch = JdkTransport.trusting(caPem);
    }
    return patch;
  }
}
