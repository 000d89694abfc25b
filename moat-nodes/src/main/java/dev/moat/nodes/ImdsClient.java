package dev.moat.nodes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moat.platform.contracts.NodeIdentityCredentials;
import dev.moat.platform.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The node's instance metadata service client: managed-identity tokens for the kubelet identity.
 */
final class ImdsClient {
  private final HttpClient client;
  private final String imdsBase;
  private final String credential;

  ImdsClient(HttpClient client, String imdsBase, String credential) {
    this.client = client;
    this.imdsBase = imdsBase;
    this.credential = credential;
  }

  /** An access token of the identity with {@code clientId} for {@code resource}. */
  String token(String resource, String clientId) throws BootstrapFailure {
    URI uri =
        URI.create(
            imdsBase
                + "/metadata/identity/oauth2/token?api-version=2018-02-01&resource="
                + URLEncoder.encode(resource, StandardCharsets.UTF_8)
                + "&client_id="
                + URLEncoder.encode(clientId, StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(30))
            .header("Metadata", "true")
            .header(NodeIdentityCredentials.HEADER, credential)
            .GET()
            .build();
    try {
      HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
      JsonNode body = Json.mapper().readTree(r.body());
      if (r.statusCode() != 200 || !body.hasNonNull("access_token")) {
        throw new BootstrapFailure(
            CseExit.ORAS_IMDS_TIMEOUT,
            "failed to get a token from IMDS for identity " + clientId + ": " + r.body());
      }
      return body.path("access_token").asText();
    } catch (IOException e) {
      throw new BootstrapFailure(
          CseExit.ORAS_IMDS_TIMEOUT, "IMDS request failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BootstrapFailure(CseExit.ORAS_IMDS_TIMEOUT, "interrupted");
    }
  }
}
