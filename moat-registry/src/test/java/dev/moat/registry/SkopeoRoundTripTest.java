package dev.moat.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moat.arm.tls.LocalCertificateAuthority;
import dev.moat.platform.json.Json;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real client: skopeo copies an OCI layout into the registry and back out by digest. */
class SkopeoRoundTripTest {
  private static final Path SKOPEO = Path.of("/usr/bin/skopeo");

  @Test
  void copyInAndOutByDigestPreservesDigests(@TempDir Path dir) throws Exception {
    if (!Files.isExecutable(SKOPEO)) {
      System.out.println("SKIPPED skopeo round trip: /usr/bin/skopeo not installed");
    }
    assumeTrue(Files.isExecutable(SKOPEO), "/usr/bin/skopeo not installed");
    var ca = LocalCertificateAuthority.loadOrCreate(dir.resolve("ca"), Clock.systemUTC());
    Path certs = Files.createDirectories(dir.resolve("certs"));
    Files.writeString(certs.resolve("ca.crt"), ca.certificatePem());
    Path script = dir.resolve("mkoci.sh");
    try (InputStream in = getClass().getResourceAsStream("/mkoci.sh")) {
      Files.copy(in, script);
    }
    String digest =
        run(List.of("sh", script.toString(), dir.resolve("img").toString(), "v1")).trim();
    try (TestRegistry registry = TestRegistry.plain(dir.resolve("reg"), ca, "skopeo")) {
      String host = "127.0.0.1:" + registry.port();
      run(
          List.of(
              SKOPEO.toString(),
              "--insecure-policy",
              "copy",
              "--dest-cert-dir",
              certs.toString(),
              "oci:" + dir.resolve("img") + ":v1",
              "docker://" + host + "/demo/hello:v1"));
      String inspected =
          run(
              List.of(
                  SKOPEO.toString(),
                  "inspect",
                  "--cert-dir",
                  certs.toString(),
                  "docker://" + host + "/demo/hello:v1"));
      assertThat(Json.mapper().readTree(inspected).path("Digest").asText()).isEqualTo(digest);
      run(
          List.of(
              SKOPEO.toString(),
              "--insecure-policy",
              "copy",
              "--src-cert-dir",
              certs.toString(),
              "docker://" + host + "/demo/hello@" + digest,
              "oci:" + dir.resolve("out") + ":pulled"));
      JsonNode index = Json.mapper().readTree(dir.resolve("out/index.json").toFile());
      assertThat(index.path("manifests").get(0).path("digest").asText()).isEqualTo(digest);
      assertThat(Files.readAllBytes(dir.resolve("out/blobs/sha256/" + digest.substring(7))))
          .isEqualTo(Files.readAllBytes(dir.resolve("img/blobs/sha256/" + digest.substring(7))));
    }
  }

  private static String run(List<String> command) throws Exception {
    List<String> cmd = new ArrayList<>(command);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(String.join(" ", cmd) + "\n" + out).isZero();
    return out;
  }
}
