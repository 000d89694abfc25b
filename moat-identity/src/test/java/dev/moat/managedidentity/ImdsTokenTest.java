package dev.moat.managedidentity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moat.arm.auth.Principal;
import dev.moat.arm.auth.TokenService;
import dev.moat.platform.id.ResourceId;
import dev.moat.testing.ArmResult;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The IMDS token endpoint as a node agent calls it, and its refusals. */
class ImdsTokenTest {
  private static final String AUDIENCE = "https://management.azure.com/";
  private static IdentityFixture fx;
  private static HttpClient http;
  private static JsonNode kubelet;
  private static JsonNode other;
  private static String credential;

  @BeforeAll
  static void start() {
    fx = IdentityFixture.start();
    http = HttpClient.newBuilder().sslContext(fx.moat.sslContext()).build();
    fx.moat.createGroup("imds-rg", "eastus");
    kubelet = create("kubelet");
    other = create("other");
    credential =
        fx.identities()
            .nodeCredentials()
            .issue("aks-nodepool1-0", Set.of(ResourceId.parse(kubelet.path("id").asText())));
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  private static JsonNode create(String name) {
    return fx.moat
        .arm()
        .put(
            fx.moat.groupPath("imds-rg")
                + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/"
                + name,
            "2024-11-30",
            "{\"location\":\"eastus\"}")
        .expectStatus(201)
        .body();
  }

  private static ArmResult imds(String query, Map<String, String> headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(
            URI.create(fx.moat.endpoint() + "/metadata/identity/oauth2/token?" + query));
    headers.forEach(b::header);
    try {
      HttpResponse<String> r = http.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
      return new ArmResult(r.statusCode(), r.headers().map(), r.body());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static String q(String clientId) {
    return "api-version=2018-02-01&resource="
        + URLEncoder.encode(AUDIENCE, StandardCharsets.UTF_8)
        + (clientId == null ? "" : "&client_id=" + clientId);
  }

  private static Map<String, String> asNode() {
    return Map.of("Metadata", "true", "X-Moat-Node-Credential", credential);
  }

  @Test
  void nodeGetsATokenForItsIdentity() {
    String clientId = kubelet.path("properties").path("clientId").asText();
    JsonNode body = imds(q(clientId), asNode()).expectStatus(200).body();
    assertThat(body.path("client_id").asText()).isEqualTo(clientId);
    assertThat(body.path("resource").asText()).isEqualTo(AUDIENCE);
    assertThat(body.path("token_type").asText()).isEqualTo("Bearer");
    assertThat(body.path("expires_in").isTextual()).isTrue();
    assertThat(Long.parseLong(body.path("expires_on").asText()))
        .isGreaterThan(Long.parseLong(body.path("not_before").asText()));

    TokenService.VerifiedToken token =
        fx.context().tokens().verify(body.path("access_token").asText()).orElseThrow();
    assertThat(token.principal().objectId())
        .isEqualTo(kubelet.path("properties").path("principalId").asText());
    assertThat(token.principal().appId()).isEqualTo(clientId);
    assertThat(token.principal().type()).isEqualTo(Principal.PrincipalType.ManagedIdentity);
    assertThat(token.audience()).isEqualTo(AUDIENCE);

    // With one identity on the node, no selector is needed; object_id and msi_res_id work too.
    imds(q(null), asNode()).expectStatus(200);
    imds(
            q(null) + "&object_id=" + kubelet.path("properties").path("principalId").asText(),
            asNode())
        .expectStatus(200);
    imds(
            q(null)
                + "&msi_res_id="
                + URLEncoder.encode(kubelet.path("id").asText(), StandardCharsets.UTF_8),
            asNode())
        .expectStatus(200);
  }

  @Test
  void refusalsLookLikeImds() {
    String clientId = kubelet.path("properties").path("clientId").asText();
    ArmResult noHeader =
        imds(q(clientId), Map.of("X-Moat-Node-Credential", credential)).expectStatus(400);
    assertThat(noHeader.body().path("error").asText()).isEqualTo("invalid_request");
    assertThat(noHeader.body().path("error_description").asText())
        .isEqualTo("Required metadata header not specified");

    assertThat(
            imds(q(clientId), Map.of("Metadata", "true"))
                .expectStatus(403)
                .body()
                .path("error")
                .asText())
        .isEqualTo("access_denied");
    imds(q(clientId), Map.of("Metadata", "true", "X-Moat-Node-Credential", "forged"))
        .expectStatus(403);

    ArmResult unknown = imds(q("00000000-1111-2222-3333-444444444444"), asNode()).expectStatus(400);
    assertThat(unknown.body().path("error_description").asText()).isEqualTo("Identity not found");

    String otherClient = other.path("properties").path("clientId").asText();
    assertThat(imds(q(otherClient), asNode()).expectStatus(403).body().path("error").asText())
        .isEqualTo("access_denied");

    imds("api-version=2018-02-01", asNode()).expectStatus(400);

    // Re-registering a node replaces its credential.
    String fresh =
        fx.identities()
            .nodeCredentials()
            .issue("aks-nodepool1-1", Set.of(ResourceId.parse(other.path("id").asText())));
    imds(q(otherClient), Map.of("Metadata", "true", "X-Moat-Node-Credential", fresh))
        .expectStatus(200);
    fx.identities().nodeCredentials().revoke("aks-nodepool1-1");
    imds(q(otherClient), Map.of("Metadata", "true", "X-Moat-Node-Credential", fresh))
        .expectStatus(403);
  }
}
