package dev.moat.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moat.cli.MoatCli;
import dev.moat.platform.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code acr import}, {@code acr repository ...} and {@code acr manifest list-metadata} through the
 * CLI against a whole cloud: the data plane's {@code /acr/v1/} API with ACR's token exchange, and
 * its network rules (a registry with public access disabled refuses the host).
 */
class RepositoryCliTest {
  private static IsolatedAcrFixture fx;
  private static Map<String, String> env;
  private static final String OPEN = "openrepoacr";

  @BeforeAll
  static void start() throws Exception {
    fx = new IsolatedAcrFixture("closedrepoacr");
    Path home = Files.createTempDirectory("repo-cli-home");
    Files.writeString(home.resolve("endpoint"), fx.moat.endpoint() + "\n");
    Files.writeString(home.resolve("ca.pem"), fx.moat.runtime().caPem());
    env = new HashMap<>();
    env.put("MOAT_HOME", home.toString());
    env.put("HOME", Files.createTempDirectory("repo-cli-user").toString());
    fx.await(
        fx.moat
            .arm()
            .put(
                fx.rg + "/providers/Microsoft.ContainerRegistry/registries/" + OPEN,
                "2025-11-01",
                "{\"location\":\"eastus\",\"sku\":{\"name\":\"Premium\"}}"));
    // The CLI signs in once (so its principal is known), then owns the open registry,
    // as a subscription owner would: the registry grants data-plane access by RBAC.
    assertThat(az("acr", "list").code()).isZero();
    String cliPrincipal =
        java.util
            .UUID
            .nameUUIDFromBytes("moat-service-principal:moat-cli".getBytes(StandardCharsets.UTF_8))
            .toString();
    fx.moat
        .arm()
        .put(
            fx.rg
                + "/providers/Microsoft.ContainerRegistry/registries/"
                + OPEN
                + "/providers/Microsoft.Authorization/roleAssignments/"
                + java.util.UUID.randomUUID(),
            "2022-04-01",
            "{\"properties\":{\"roleDefinitionId\":\"/subscriptions/"
                + fx.moat.subscriptionId()
                + "/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635\","
                + "\"principalId\":\""
                + cliPrincipal
                + "\",\"principalType\":\"ServicePrincipal\"}}")
        .expectStatus(201);
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  record Run(int code, String out, String err) {}

  private static Run az(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        MoatCli.run(
            args,
            env,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void importedImagesAreListedShownAndDeleted() throws Exception {
    Run imported = az("acr", "import", "-n", OPEN, "--source", "docker.io/library/nginx:1.27");
    assertThat(imported.code()).as(imported.err()).isZero();
    Run second =
        az(
            "acr",
            "import",
            "-n",
            OPEN,
            "--source",
            "registry.k8s.io/pause:3.10",
            "-t",
            "infra/pause:3.10",
            "-t",
            "infra/pause:stable");
    assertThat(second.code()).as(second.err()).isZero();
    Run again = az("acr", "import", "-n", OPEN, "--source", "docker.io/library/nginx:1.27");
    assertThat(again.code()).isEqualTo(1);
    assertThat(again.err()).contains("Tag library/nginx:1.27 already exists in target registry.");

    Run list = az("acr", "repository", "list", "-n", OPEN);
    assertThat(list.code()).as(list.err()).isZero();
    assertThat(Json.mapper().readTree(list.out()))
        .extracting(JsonNode::asText)
        .containsExactly("infra/pause", "library/nginx");

    Run tags = az("acr", "repository", "show-tags", "-n", OPEN, "--repository", "infra/pause");
    assertThat(Json.mapper().readTree(tags.out()))
        .extracting(JsonNode::asText)
        .containsExactly("3.10", "stable");

    Run show = az("acr", "repository", "show", "-n", OPEN, "--repository", "infra/pause");
    JsonNode repo = Json.mapper().readTree(show.out());
    assertThat(repo.path("registry").asText()).isEqualTo(OPEN + ".azurecr.io");
    assertThat(repo.path("imageName").asText()).isEqualTo("infra/pause");
    assertThat(repo.path("tagCount").asInt()).isEqualTo(2);
    assertThat(repo.path("manifestCount").asInt()).isEqualTo(1);

    Run manifests = az("acr", "manifest", "list-metadata", "-r", OPEN, "-n", "infra/pause");
    JsonNode m = Json.mapper().readTree(manifests.out()).get(0);
    assertThat(m.path("digest").asText()).startsWith("sha256:");
    assertThat(m.path("architecture").asText()).isEqualTo("amd64");
    assertThat(m.path("os").asText()).isEqualTo("linux");
    assertThat(m.path("imageSize").asLong()).isGreaterThan(4096);
    assertThat(m.path("tags")).extracting(JsonNode::asText).containsExactly("3.10", "stable");

    Run deleteImage =
        az("acr", "repository", "delete", "-n", OPEN, "--image", "infra/pause:stable", "--yes");
    assertThat(deleteImage.code()).as(deleteImage.err()).isZero();
    Run gone = az("acr", "repository", "show-tags", "-n", OPEN, "--repository", "infra/pause");
    assertThat(Json.mapper().readTree(gone.out())).isEmpty();

    Run deleteRepo =
        az("acr", "repository", "delete", "-n", OPEN, "--repository", "library/nginx", "--yes");
    assertThat(deleteRepo.code()).as(deleteRepo.err()).isZero();
    assertThat(Json.mapper().readTree(az("acr", "repository", "list", "-n", OPEN).out()))
        .extracting(JsonNode::asText)
        .containsExactly("infra/pause");
  }

  @Test
  void aRegistryWithPublicAccessDisabledRefusesTheHost() {
    Run list = az("acr", "repository", "list", "-n", fx.acr);
    assertThat(list.code()).isEqualTo(1);
    assertThat(list.err())
        .contains("DENIED")
        .contains("is not allowed access. Refer https://aka.ms/acr/firewall to grant access.");
  }

  @Test
  void theDataPlaneAnswersWithoutATokenWithAChallenge() throws Exception {
    String endpoint = null;
    for (JsonNode r :
        fx.moat
            .arm()
            .getUrl(fx.moat.endpoint() + RegistryEndpointRoutes.PATH)
            .body()
            .path("value")) {
      if (r.path("loginServer").asText().equals(OPEN + ".azurecr.io")) {
        endpoint = r.path("hostEndpoint").asText();
      }
    }
    var r =
        java.net.http.HttpClient.newBuilder()
            .sslContext(fx.moat.sslContext())
            .build()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("https://" + endpoint + "/acr/v1/_catalog"))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.headers().firstValue("WWW-Authenticate").orElse(""))
        .contains("scope=\"registry:catalog:*\"");
  }
}
