package dev.moat.registry.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moat.platform.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP plumbing shared by the upstream operations: endpoint mapping, anonymous bearer tokens
 * obtained from the upstream's challenge (cached per host and scope until they expire), and the
 * mapping of transport failures and 5xx to {@link UpstreamUnavailableException}.
 */
final class UpstreamHttp {
  private static final Logger LOG = LoggerFactory.getLogger(UpstreamHttp.class);
  private static final Pattern PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");
  private final HttpClient client;
  private final SSLContext tls;
  private final UpstreamEndpoints endpoints;
  private final Clock clock;
  private final Duration timeout;
  private final ConcurrentHashMap<String, Token> tokens = new ConcurrentHashMap<>();

  private record Token(String value, Instant expires) {}

  UpstreamHttp(SSLContext tls, UpstreamEndpoints endpoints, Clock clock, Duration timeout) {
    this.client =
        HttpClient.newBuilder()
            .sslContext(tls)
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    this.tls = tls;
    this.endpoints = endpoints;
    this.clock = clock;
    this.timeout = timeout;
  }

  /**
   * Sends {@code method} to {@code /v2/<repo><suffix>} with pull authorisation, answering a bearer
   * challenge once. 5xx and transport errors become {@link UpstreamUnavailableException}.
   */
  <T> HttpResponse<T> send(
      UpstreamRepository repo,
      String method,
      String suffix,
      Map<String, String> headers,
      HttpResponse.BodyHandler<T> body)
      throws IOException {
    String scope = "repository:" + repo.repository() + ":pull";
    UpstreamEndpoints.Endpoint endpoint = endpoints.resolve(repo.host());
    URI uri = endpoint.base().resolve("/v2/" + repo.repository() + suffix);
    HttpResponse<T> response =
        exchange(endpoint, uri, method, headers, tokenFor(repo, scope), body);
    if (response.statusCode() == 401) {
      close(response);
      String token = authenticate(repo.host(), scope, response);
      response = exchange(endpoint, uri, method, headers, Optional.of(token), body);
    }
    if (response.statusCode() >= 500 || response.statusCode() == 429) {
      close(response);
      throw new UpstreamUnavailableException(
          repo + " answered " + response.statusCode() + " to " + method + " " + suffix, null);
    }
    return response;
  }

  private <T> HttpResponse<T> exchange(
      UpstreamEndpoints.Endpoint endpoint,
      URI uri,
      String method,
      Map<String, String> headers,
      Optional<String> token,
      HttpResponse.BodyHandler<T> body)
      throws IOException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .method(method, HttpRequest.BodyPublishers.noBody());
    headers.forEach(b::header);
    endpoint.hostHeader().ifPresent(h -> b.header("Host", h));
    token.ifPresent(t -> b.header("Authorization", "Bearer " + t));
    try {
      return client.send(b.build(), body);
    } catch (IOException e) {
      throw new UpstreamUnavailableException("cannot reach " + uri.getAuthority() + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UpstreamUnavailableException("interrupted", e);
    }
  }

  /** The start of a streamed response: its status, body (closed by the caller) and length. */
  record Streamed(int status, InputStream body, OptionalLong length) {}

  /**
   * A GET of {@code /v2/<repo><suffix>} whose body is streamed, over a blocking TLS socket ({@code
   * HttpsURLConnection}) rather than {@code java.net.http}. Profiling a cold pull showed the JDK 17
   * HttpClient spending most of the fill's CPU allocating and zeroing two fresh heap buffers per
   * TLS record it decrypts (SSLFlowDelegate.getAppBuffer, then a grow on BUFFER_OVERFLOW); the
   * socket path decrypts into one reused buffer. Same authorisation, status and error rules as
   * {@link #send}. Endpoints that need a {@code Host} header other than the URI's (which this
   * client may not set) go through {@link #send}.
   */
  Streamed getStream(UpstreamRepository repo, String suffix) throws IOException {
    String scope = "repository:" + repo.repository() + ":pull";
    UpstreamEndpoints.Endpoint endpoint = endpoints.resolve(repo.host());
    if (endpoint.hostHeader().isPresent()) {
      HttpResponse<InputStream> r =
          send(repo, "GET", suffix, Map.of(), HttpResponse.BodyHandlers.ofInputStream());
      return new Streamed(r.statusCode(), r.body(), r.headers().firstValueAsLong("Content-Length"));
    }
    URI uri = endpoint.base().resolve("/v2/" + repo.repository() + suffix);
    HttpsURLConnection c = openGet(uri, tokenFor(repo, scope));
    if (status(c, uri) == 401) {
      String challenge = Optional.ofNullable(c.getHeaderField("WWW-Authenticate")).orElse("");
      discard(c);
      String token = authenticate(repo.host(), scope, challenge);
      c = openGet(uri, Optional.of(token));
    }
    int status = status(c, uri);
    if (status >= 500 || status == 429) {
      discard(c);
      throw new UpstreamUnavailableException(
          repo + " answered " + status + " to GET " + suffix, null);
    }
    if (status != 200) {
      discard(c);
      return new Streamed(status, InputStream.nullInputStream(), OptionalLong.empty());
    }
    long length = c.getContentLengthLong();
    try {
      return new Streamed(
          status, c.getInputStream(), length >= 0 ? OptionalLong.of(length) : OptionalLong.empty());
    } catch (IOException e) {
      throw new UpstreamUnavailableException(
          "cannot read from " + uri.getAuthority() + ": " + e, e);
    }
  }

  private HttpsURLConnection openGet(URI uri, Optional<String> token) throws IOException {
    // One line per request sent, for tools that count upstream fetches (bench/).
    LOG.debug("upstream GET {}", uri);
    HttpsURLConnection c = (HttpsURLConnection) uri.toURL().openConnection();
    c.setSSLSocketFactory(tls.getSocketFactory());
    c.setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    // Per read, so a stalled upstream fails the fill instead of hanging it.
    c.setReadTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    c.setInstanceFollowRedirects(true);
    c.setUseCaches(false);
    // One connection per download: an idle connection parked in the JDK's keep-alive cache would
    // hold up a graceful stop of the upstream's Jetty (in Moat, the same server) until it expires.
    // A handshake costs a few milliseconds against the megabytes that follow.
    c.setRequestProperty("Connection", "close");
    token.ifPresent(t -> c.setRequestProperty("Authorization", "Bearer " + t));
    return c;
  }

  private static int status(HttpsURLConnection c, URI uri) throws IOException {
    try {
      return c.getResponseCode();
    } catch (IOException e) {
      throw new UpstreamUnavailableException("cannot reach " + uri.getAuthority() + ": " + e, e);
    }
  }

  /** Reads and closes an unwanted body, so the kept-alive connection can be reused. */
  private static void discard(HttpsURLConnection c) {
    try (InputStream in = c.getErrorStream() != null ? c.getErrorStream() : c.getInputStream()) {
      in.transferTo(OutputStream.nullOutputStream());
    } catch (IOException e) {
      // Nothing to reuse then.
    }
  }

  private Optional<String> tokenFor(UpstreamRepository repo, String scope) {
    Token t = tokens.get(repo.host() + " " + scope);
    return t != null && t.expires().isAfter(clock.instant())
        ? Optional.of(t.value())
        : Optional.empty();
  }

  /** Follows a {@code WWW-Authenticate: Bearer realm=…,service=…} challenge anonymously. */
  private String authenticate(String host, String scope, HttpResponse<?> challenge)
      throws IOException {
    return authenticate(host, scope, challenge.headers().firstValue("WWW-Authenticate").orElse(""));
  }

  private String authenticate(String host, String scope, String header) throws IOException {
    if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw new UpstreamUnavailableException(host + " asks for unsupported auth: " + header, null);
    }
    Map<String, String> params = new LinkedHashMap<>();
    Matcher m = PARAM.matcher(header);
    while (m.find()) {
      params.put(m.group(1), m.group(2));
    }
    URI realm = URI.create(params.getOrDefault("realm", ""));
    StringBuilder query =
        new StringBuilder("scope=").append(enc(params.getOrDefault("scope", scope)));
    if (params.containsKey("service")) {
      query.append("&service=").append(enc(params.get("service")));
    }
    UpstreamEndpoints.Endpoint endpoint = endpoints.resolve(realm.getHost());
    URI uri = endpoint.base().resolve(realm.getRawPath() + "?" + query);
    HttpResponse<byte[]> response =
        exchange(
            endpoint,
            uri,
            "GET",
            Map.of(),
            Optional.empty(),
            HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new UpstreamUnavailableException(
          "token endpoint of " + host + " answered " + response.statusCode(), null);
    }
    JsonNode json = Json.mapper().readTree(response.body());
    String token = json.path("token").asText(json.path("access_token").asText(""));
    long expiresIn = json.path("expires_in").asLong(60);
    tokens.put(host + " " + scope, new Token(token, clock.instant().plusSeconds(expiresIn - 5)));
    return token;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static void close(HttpResponse<?> response) {
    if (response.body() instanceof java.io.InputStream in) {
      try {
        in.close();
      } catch (IOException e) {
        // Discarding a body we do not want.
      }
    }
  }
}
