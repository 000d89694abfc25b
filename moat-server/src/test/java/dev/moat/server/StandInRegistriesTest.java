package dev.moat.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moat.platform.contracts.NodeRuntime.ImagePull;
import dev.moat.platform.contracts.NodeRuntime.PullResult;
import dev.moat.platform.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The public registry stand-ins as the host sees them: listed, and pushable with skopeo. */
class StandInRegistriesTest {
  private static final Path SKOPEO = Path.of("/usr/bin/skopeo");
  @AutoClose private static final IsolatedAcrFixture fx = new IsolatedAcrFixture("standinacr");

  private static Map<String, JsonNode> listed() {
    Map<String, JsonNode> out = new java.util.LinkedHashMap<>();
    for (JsonNode r :
        fx.moat
            .arm()
            .getUrl(fx.moat.endpoint() + RegistryEndpointRoutes.PATH)
            .expectStatus(200)
            .body()
            .path("value")) {
      out.put(r.path("loginServer").asText(), r);
    }
    return out;
  }

  @Test
  void everyStandInIsListedWithAHostEndpoint() {
    Map<String, JsonNode> listed = listed();
    assertThat(listed)
        .containsKeys(
            "mcr.microsoft.com",
            "docker.io",
            "ghcr.io",
            "quay.io",
            "registry.k8s.io",
            fx.loginServer());
    for (String name : List.of("docker.io", "ghcr.io", "quay.io", "registry.k8s.io")) {
      assertThat(listed.get(name).path("hostEndpoint").asText()).matches("127\\.0\\.0\\.1:\\d+");
      assertThat(listed.get(name).path("publicNetworkAccess").asBoolean()).isTrue();
      assertThat(listed.get(name).path("id").isTextual()).as("no ARM id").isFalse();
    }
  }

  @Test
  void skopeoCopiesBetweenStandInsAndANodePullsThePushedImage(@TempDir Path dir) throws Exception {
    if (!Files.isExecutable(SKOPEO)) {
      System.out.println("SKIPPED skopeo push to a stand-in: /usr/bin/skopeo not installed");
    }
    assumeTrue(Files.isExecutable(SKOPEO), "/usr/bin/skopeo not installed");
    Path certs = Files.createDirectories(dir.resolve("certs"));
    Files.writeString(certs.resolve("ca.crt"), fx.moat.runtime().caPem());
    Map<String, JsonNode> listed = listed();
    String docker = listed.get("docker.io").path("hostEndpoint").asText();
    String ghcr = listed.get("ghcr.io").path("hostEndpoint").asText();
    run(
        SKOPEO.toString(),
        "--insecure-policy",
        "copy",
        "--src-cert-dir",
        certs.toString(),
        "--dest-cert-dir",
        certs.toString(),
        "docker://" + docker + "/library/nginx:1.27",
        "docker://" + ghcr + "/moat-test/web:v1");
    String inspected =
        run(
            SKOPEO.toString(),
            "inspect",
            "--cert-dir",
            certs.toString(),
            "docker://" + ghcr + "/moat-test/web:v1");
    String digest = Json.mapper().readTree(inspected).path("Digest").asText();

    ImagePull pull =
        fx.wiring()
            .nodes()
            .pull(
                fx.egressNode("aks-egress-9", "192.168.1.90", fx.kubelet),
                "ghcr.io/moat-test/web:v1");
    assertThat(pull.result()).as(pull.error()).isEqualTo(PullResult.PULLED);
    assertThat(pull.imageId()).isEqualTo("ghcr.io/moat-test/web@" + digest);
  }

  private static String run(String... command) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(command));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(String.join(" ", cmd) + "\n" + out).isZero();
    return out;
  }
}
