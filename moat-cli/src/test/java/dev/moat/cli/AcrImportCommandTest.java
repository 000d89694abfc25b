package dev.moat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moat.cli.http.WireRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code acr import}: az's client-side checks and the body it sends, against {@link FakeArm}. */
class AcrImportCommandTest {
  private static final String REGISTRIES =
      "/subscriptions/" + FakeArm.SUB + "/providers/Microsoft.ContainerRegistry/registries";
  private static final String TARGET =
      "/subscriptions/"
          + FakeArm.SUB
          + "/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/target";
  private static final String SOURCE_ACR =
      "/subscriptions/"
          + FakeArm.SUB
          + "/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/other";

  private static FakeArm arm() {
    FakeArm arm = new FakeArm();
    arm.on(
        "GET",
        REGISTRIES,
        r ->
            FakeArm.json(
                200,
                "{\"value\":[{\"id\":\""
                    + TARGET
                    + "\",\"name\":\"target\",\"properties\":{\"loginServer\":\"target.azurecr.io\"}},"
                    + "{\"id\":\""
                    + SOURCE_ACR
                    + "\",\"name\":\"other\",\"properties\":{\"loginServer\":\"other.azurecr.io\"}}]}",
                Map.of()));
    arm.on(
        "POST",
        TARGET + "/importImage",
        r ->
            FakeArm.json(
                202,
                "",
                Map.of(
                    "Location",
                    List.of("https://fake/subscriptions/" + FakeArm.SUB + "/op1?api-version=x"),
                    "Retry-After",
                    List.of("0"))));
    arm.on("GET", "/subscriptions/" + FakeArm.SUB + "/op1", r -> FakeArm.json(200, "", Map.of()));
    return arm;
  }

  private static JsonNode sent(FakeArm arm) {
    WireRequest post = arm.only("POST", "/importImage");
    return FakeArm.body(post);
  }

  @Test
  void aPublicSourceBecomesRegistryUriAndTheDefaultTargetIsItsPath() {
    FakeArm arm = arm();
    CliRun run =
        arm.run("acr", "import", "-n", "target", "--source", "docker.io/library/nginx:1.27");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).isEmpty();
    JsonNode body = sent(arm);
    assertThat(body.path("source").path("registryUri").asText()).isEqualTo("docker.io");
    assertThat(body.path("source").path("sourceImage").asText()).isEqualTo("library/nginx:1.27");
    assertThat(body.path("targetTags").get(0).asText()).isEqualTo("library/nginx:1.27");
    assertThat(body.path("mode").asText()).isEqualTo("NoForce");
  }

  @Test
  void anAcrOfTheSubscriptionIsASourceByResourceId() {
    FakeArm arm = arm();
    CliRun run =
        arm.run(
            "acr",
            "import",
            "-n",
            "target",
            "--source",
            "other.azurecr.io/app@sha256:" + "a".repeat(64),
            "-t",
            "app:v1",
            "-t",
            "app:stable",
            "--repository",
            "archive/app",
            "--force");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    JsonNode body = sent(arm);
    assertThat(body.path("source").path("resourceId").asText()).isEqualTo(SOURCE_ACR);
    assertThat(body.path("source").has("registryUri")).isFalse();
    assertThat(body.path("targetTags")).hasSize(2);
    assertThat(body.path("untaggedTargetRepositories").get(0).asText()).isEqualTo("archive/app");
    assertThat(body.path("mode").asText()).isEqualTo("Force");

    FakeArm byName = arm();
    byName.run("acr", "import", "-n", "target", "--source", "app:v1", "-r", "other");
    assertThat(sent(byName).path("source").path("resourceId").asText()).isEqualTo(SOURCE_ACR);
  }

  @Test
  void noWaitWarnsThatFailuresAreNotReflected() {
    FakeArm arm = arm();
    CliRun run = arm.run("acr", "import", "-n", "target", "--source", "quay.io/x/y:1", "--no-wait");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.err())
        .contains(
            "WARNING: Import has started. Due to no-wait option, failures will not be reflected.");
  }

  @Test
  void clientSideErrorsComeBeforeAnyImportRequest() {
    assertError(
        "Source cannot be found. Please provide a valid image and source registry or a fully"
            + " qualified source.",
        "--source",
        "nginx");
    assertError(
        "Login server of the registry is not valid because it is not a fully qualified domain"
            + " name.",
        "--source",
        "library/nginx:1.27");
    assertError(
        "Authentication failed. Please provide password.",
        "--source",
        "docker.io/library/nginx",
        "-u",
        "me");
    assertError(
        "The source container registry can not be found in the current subscription. Please"
            + " provide a valid address and/or credentials.",
        "--source",
        "app:v1",
        "-r",
        "nosuchregistry");
  }

  private static void assertError(String message, String... args) {
    FakeArm arm = arm();
    String[] all = new String[args.length + 4];
    all[0] = "acr";
    all[1] = "import";
    all[2] = "-n";
    all[3] = "target";
    System.arraycopy(args, 0, all, 4, args.length);
    CliRun run = arm.run(all);
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.err()).contains("ERROR: " + message);
    assertThat(arm.describe()).doesNotContain("importImage");
  }
}
