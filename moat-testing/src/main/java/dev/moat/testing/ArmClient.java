package dev.moat.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moat.platform.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import org.awaitility.Awaitility;

/**
 * A small ARM client for tests: JDK HTTP over TLS trusting Moat's CA, a bearer token from Moat's
 * token endpoint, and polling of long-running operations.
 */
public final class ArmClient {
  private final String endpoint;
  private final HttpClient http;
  private final String clientId;
  private String token;

  ArmClient(String endpoint, SSLContext ssl, String clientId) {
    this.endpoint = endpoint;
    this.clientId = clientId;
    this.http =
        HttpClient.newBuilder().sslContext(ssl).connectTimeout(Duration.ofSeconds(5)).build();
  }

  public String endpoint() {
    return endpoint;
  }

  /** A token for the management endpoint, fetched once from {@code /adfs/oauth2/token}. */
  public synchronized String token() {
    if (token == null) {
      String form =
          "grant_type=client_credentials&client_id="
              + enc(clientId)
              + "&client_secret=secret&resource="
              + enc(endpoint + "/");
      ArmResult r =
          send(
              HttpRequest.newBuilder(URI.create(endpoint + "/adfs/oauth2/token"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(form)));
      r.expectStatus(200);
      token = r.body().path("access_token").asText();
    }
    return token;
  }

  public ArmResult get(String path, String apiVersion) {
    return call("GET", path, apiVersion, null);
  }

  public ArmResult put(String path, String apiVersion, String json) {
    return call("PUT", path, apiVersion, json);
  }

  public ArmResult patch(String path, String apiVersion, String json) {
    return call("PATCH", path, apiVersion, json);
  }

  public ArmResult post(String path, String apiVersion, String json) {
    return call("POST", path, apiVersion, json);
  }

  public ArmResult delete(String path, String apiVersion) {
    return call("DELETE", path, apiVersion, null);
  }

  /** Any method; {@code apiVersion} null sends none; {@code json} null sends no body. */
  public ArmResult call(String method, String path, String apiVersion, String json) {
    return call(method, path, apiVersion, json, java.util.Map.of());
  }

  /** Any method with extra request headers (e.g. {@code If-Match}). */
  public ArmResult call(
      String method,
      String path,
      String apiVersion,
      String json,
      java.util.Map<String, String> headers) {
    String url = endpoint + path;
    if (apiVersion != null) {
      url += (path.contains("?") ? "&" : "?") + "api-version=" + apiVersion;
    }
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token());
    if (json != null) {
      b.header("Content-Type", "application/json");
    }
    headers.forEach(b::setHeader);
    b.method(
        method,
        json == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json));
    return send(b);
  }

  /** An absolute URL (an LRO status URL), GET with the token. */
  public ArmResult getUrl(String url) {
    return send(
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token())
            .GET());
  }

  /**
   * Polls the {@code Azure-AsyncOperation} URL of {@code started} until the operation is terminal;
   * returns the final status body.
   */
  public JsonNode awaitOperation(ArmResult started) {
    String url =
        started
            .header("Azure-AsyncOperation")
            .orElseThrow(() -> new AssertionError("no Azure-AsyncOperation header: " + started));
    AtomicReference<JsonNode> last = new AtomicReference<>();
    Awaitility.await("operation " + url)
        .atMost(TestMoat.timeout())
        .pollInterval(Duration.ofMillis(20))
        .until(
            () -> {
              JsonNode body = getUrl(url).expectStatus(200).body();
              last.set(body);
              return !body.path("status").asText().equals("InProgress");
            });
    return last.get();
  }

  /**
   * A write that must succeed: expects 200, 201 or 202, waits for its long-running operation (when
   * it has one) and fails unless that ends {@code Succeeded}; returns the write's response body.
   */
  public JsonNode awaitSucceeded(ArmResult write) {
    write.expectStatus(200, 201, 202);
    if (write.header("Azure-AsyncOperation").isPresent()) {
      String status = awaitOperation(write).path("status").asText();
      if (!status.equals("Succeeded")) {
        throw new AssertionError("operation ended " + status + ": " + write);
      }
    }
    return write.body();
  }

  private ArmResult send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new ArmResult(r.statusCode(), r.headers().map(), r.body());
    } catch (IOException e) {
      throw new AssertionError("request failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** JSON text of a value (for request bodies built from maps). */
  public static String json(Object value) {
    return Json.write(value);
  }
}
