package dev.moat.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moat.arm.auth.Principal;
import dev.moat.arm.auth.TokenService;
import dev.moat.arm.runtime.ArmRuntime;
import dev.moat.arm.runtime.MoatSettings;
import dev.moat.arm.tenancy.Tenancy;
import dev.moat.containerservice.service.ClusterKubeApi;
import dev.moat.kube.ClusterTokens;
import dev.moat.platform.id.ResourceId;
import dev.moat.testing.ArmClient;
import dev.moat.testing.ArmResult;
import dev.moat.testing.TestMoat;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A shared server is a security boundary: it does not listen beyond loopback without strict
 * authentication, and with it a principal that is not listed gets 401 from every listener (token
 * endpoint, ARM, a registry's host port, a cluster's Kubernetes API), even holding a token signed
 * with the server's key (as an open-authentication server on the same data directory issued).
 * Loopback only: the refusal happens before anything binds.
 */
class StrictAuthTest {
  private static final String CLIENT = "moat-test-client"; // what TestMoat's ArmClient uses
  private static final String CLIENT_OID = "0d1c7a52-3a3e-4b8e-9d57-1f0e5b6a9c01";
  private static final String AKS = "2025-10-01";

  @TempDir Path dir;

  @Test
  void serveRefusesToListenBeyondLoopbackWithoutStrictAuth() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream saved = System.err;
    int exit;
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      exit =
          new CommandLine(new Main())
              .execute("serve", "--host", "0.0.0.0", "--port", "0", "--data-dir", dir.toString());
    } finally {
      System.setErr(saved);
    }
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("refusing to listen on 0.0.0.0 without --strict-auth")
        .contains("principals.json");
    assertThat(dir.resolve("endpoint")).doesNotExist();

    // The runtime itself refuses too (embedders do not go through the command line).
    assertThatThrownBy(
            () ->
                ArmRuntime.start(
                    MoatSettings.defaults(dir).withPort(0).withHost("0.0.0.0"),
                    Clock.systemUTC(),
                    MoatCloud::assemble))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--strict-auth");
    assertThat(MoatSettings.isLoopback("127.0.0.1")).isTrue();
    assertThat(MoatSettings.isLoopback("127.4.0.9")).isTrue();
    assertThat(MoatSettings.isLoopback("::1")).isTrue();
    assertThat(MoatSettings.isLoopback("0.0.0.0")).isFalse();
    assertThat(MoatSettings.isLoopback("10.0.0.4")).isFalse();
  }

  @Test
  void anUnlistedPrincipalGets401OnEveryListener() throws Exception {
    Files.writeString(
        dir.resolve("principals.json"),
        "[{\"clientId\":\""
            + CLIENT
            + "\",\"clientSecret\":\"secret\",\"objectId\":\""
            + CLIENT_OID
            + "\",\"displayName\":\"ci\"}]");
    MoatCloud.Wiring[] wiring = new MoatCloud.Wiring[1];
    try (ArmRuntime moat =
        ArmRuntime.start(
            MoatSettings.defaults(dir).withPort(0).withStrictAuth(true),
            Clock.systemUTC(),
            MoatCloud.assembler(w -> wiring[0] = w))) {
      HttpClient http = HttpClient.newBuilder().sslContext(moat.clientTrust()).build();
      String tenant = Tenancy.DEFAULT_TENANT_ID;
      // A token for an unlisted service principal signed with this data directory's key: what an
      // open-authentication server on the same directory would have handed out.
      TokenService key = TokenService.loadOrCreate(dir, Clock.systemUTC());
      Principal intruder =
          new Principal(
              tenant,
              "7e0b5c3d-0000-4000-8000-00000000bad1",
              "intruder",
              Principal.PrincipalType.ServicePrincipal,
              "intruder");
      Principal listed =
          new Principal(tenant, CLIENT_OID, CLIENT, Principal.PrincipalType.ServicePrincipal, "ci");
      String forged =
          key.issue(intruder, "https://management.azure.com/", Duration.ofHours(1)).value();

      // Token endpoint: an unlisted client gets no token; a listed one does.
      assertThat(stsStatus(http, moat, "intruder", "secret")).isEqualTo(401);
      assertThat(stsStatus(http, moat, CLIENT, "wrong-secret")).isEqualTo(401);
      assertThat(stsStatus(http, moat, CLIENT, "secret")).isEqualTo(200);

      // ARM.
      ArmClient arm = TestMoat.clientFor(moat.endpoint(), moat.caPem());
      String group = "/subscriptions/" + Tenancy.DEFAULT_SUBSCRIPTION_ID + "/resourceGroups/s-rg";
      arm.put(group, "2025-04-01", "{\"location\":\"eastus\"}").expectStatus(201);
      String groupUrl = moat.endpoint() + group + "?api-version=2025-04-01";
      assertThat(get(http, groupUrl, null).statusCode()).isEqualTo(401);
      assertThat(get(http, groupUrl, forged).statusCode()).isEqualTo(401);
      assertThat(get(http, groupUrl, arm.token()).statusCode()).isEqualTo(200);

      // A registry's host port: /v2/ asks for a token; the exchange refuses the forged one.
      String registry = group + "/providers/Microsoft.ContainerRegistry/registries/strictacr";
      ArmResult created =
          arm.put(
                  registry,
                  "2025-11-01",
                  "{\"location\":\"eastus\",\"sku\":{\"name\":\"Premium\"}}")
              .expectStatus(200, 201);
      if (created.header("Azure-AsyncOperation").isPresent()) {
        assertThat(arm.awaitOperation(created).path("status").asText()).isEqualTo("Succeeded");
      }
      String host = "https://" + wiring[0].dataPlane().hostEndpoint("strictacr");
      assertThat(get(http, host + "/v2/", null).statusCode()).isEqualTo(401);
      assertThat(exchange(http, host, forged)).isEqualTo(401);
      assertThat(exchange(http, host, arm.token())).isEqualTo(200);

      // A cluster's Kubernetes API: a cluster token for the intruder is refused, the listed
      // client's is served.
      String cluster = group + "/providers/Microsoft.ContainerService/managedClusters/strict";
      ArmResult started =
          arm.put(
                  cluster,
                  AKS,
                  "{\"location\":\"eastus\",\"identity\":{\"type\":\"SystemAssigned\"},"
                      + "\"properties\":{\"kubernetesVersion\":\"1.30.3\",\"dnsPrefix\":\"strict\","
                      + "\"agentPoolProfiles\":[{\"name\":\"nodepool1\",\"count\":1,"
                      + "\"mode\":\"System\",\"vmSize\":\"Standard_DS2_v2\"}],"
                      + "\"bootstrapProfile\":{\"artifactSource\":\"Cache\"},"
                      + "\"networkProfile\":{\"networkPlugin\":\"azure\","
                      + "\"outboundType\":\"none\"}}}")
              .expectStatus(201);
      JsonNode status = arm.awaitOperation(started);
      assertThat(status.path("status").asText()).as(status.toString()).isEqualTo("Succeeded");
      ResourceId clusterId = ResourceId.parse(cluster);
      String kube = moat.endpoint() + "/moat/kube/" + ClusterKubeApi.key(clusterId) + "/api";
      ClusterTokens clusterTokens = new ClusterTokens(key);
      String intruderKube =
          clusterTokens.issue(intruder, clusterId, "clusterUser", Duration.ofHours(1));
      String listedKube =
          clusterTokens.issue(listed, clusterId, "clusterUser", Duration.ofHours(1));
      assertThat(get(http, kube, null).statusCode()).isEqualTo(401);
      assertThat(get(http, kube, intruderKube).statusCode()).isEqualTo(401);
      assertThat(get(http, kube, listedKube).statusCode()).isEqualTo(200);
    }
  }

  private static int stsStatus(HttpClient http, ArmRuntime moat, String client, String secret)
      throws Exception {
    String form =
        "grant_type=client_credentials&client_id="
            + enc(client)
            + "&client_secret="
            + enc(secret)
            + "&resource="
            + enc("https://management.azure.com/");
    return http.send(
            HttpRequest.newBuilder(URI.create(moat.endpoint() + "/adfs/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }

  private static int exchange(HttpClient http, String host, String entraToken) throws Exception {
    String form =
        "grant_type=access_token&service=strictacr.azurecr.io&access_token=" + enc(entraToken);
    return http.send(
            HttpRequest.newBuilder(URI.create(host + "/oauth2/exchange"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }

  private static HttpResponse<String> get(HttpClient http, String url, String token)
      throws Exception {
    HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url)).GET();
    if (token != null) {
      r.header("Authorization", "Bearer " + token);
    }
    return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
