package dev.moat.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.moat.testing.ArmClient;
import dev.moat.testing.ArmResult;
import dev.moat.testing.TestMoat;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** State survives restarts and {@code kill -9}; unfinished operations finish after a restart. */
class DurabilityTest {
  private static final String V = "2025-04-01";

  @TempDir Path dir;

  @Test
  void stateSurvivesARestart() {
    String group;
    try (TestMoat moat = TestMoat.startOn(dir, MoatCloud::assemble)) {
      group = moat.createGroup("kept-rg", "eastus");
    }
    try (TestMoat moat = TestMoat.startOn(dir, MoatCloud::assemble)) {
      assertThat(moat.arm().get(group, V).expectStatus(200).body().path("location").asText())
          .isEqualTo("eastus");
    }
  }

  @Test
  void aDeleteInterruptedByKill9FinishesAfterRestart() throws Exception {
    Process server = startServerProcess(Duration.ofMinutes(10));
    String group;
    ArmResult accepted;
    try {
      Path endpoint = dir.resolve("endpoint");
      await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(endpoint));
      ArmClient arm =
          TestMoat.clientFor(
              Files.readString(endpoint).trim(), Files.readString(dir.resolve("ca.pem")));
      group =
          "/subscriptions/"
              + dev.moat.arm.tenancy.Tenancy.DEFAULT_SUBSCRIPTION_ID
              + "/resourceGroups/victim-rg";
      arm.put(group, V, "{\"location\":\"eastus\"}").expectStatus(201);
      accepted = arm.delete(group, V).expectStatus(202);
      assertThat(
              arm.getUrl(accepted.header("Azure-AsyncOperation").orElseThrow())
                  .body()
                  .path("status")
                  .asText())
          .isEqualTo("InProgress");
      assertThat(arm.get(group, V).body().path("properties").path("provisioningState").asText())
          .isEqualTo("Deleting");
    } finally {
      server.destroyForcibly(); // SIGKILL: no shutdown hook runs
      server.waitFor();
    }
    try (TestMoat moat = TestMoat.startOn(dir, MoatCloud::assemble)) {
      String statusUrl =
          accepted
              .header("Azure-AsyncOperation")
              .orElseThrow()
              .replaceFirst("https://127\\.0\\.0\\.1:\\d+", moat.endpoint());
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () ->
                  !moat.arm()
                      .getUrl(statusUrl)
                      .body()
                      .path("status")
                      .asText()
                      .equals("InProgress"));
      assertThat(moat.arm().getUrl(statusUrl).body().path("status").asText())
          .isEqualTo("Succeeded");
      moat.arm().get(group, V).expectError(404, "ResourceGroupNotFound");
    }
  }

  private Process startServerProcess(Duration provisioningDelay) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        List.of(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName(),
            "serve",
            "--port",
            "0",
            "--data-dir",
            dir.toString(),
            "--provisioning-delay",
            provisioningDelay.toString());
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(new File(dir.toFile(), "server.log"))
        .start();
  }
}
