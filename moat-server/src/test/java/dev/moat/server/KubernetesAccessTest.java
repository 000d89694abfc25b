package dev.moat.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moat.testing.ArmResult;
import dev.moat.testing.TestMoat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kubectl against what {@code listClusterUserCredential} returns: a public network-isolated
 * cluster's nodes and system pods (images pulled through the MCR mirror); a private cluster's
 * kubeconfig names a private FQDN the host cannot resolve, and {@code runCommand} (az aks command
 * invoke) runs kubectl from inside instead.
 */
class KubernetesAccessTest {
  private static final String AKS = "2025-10-01";
  private static TestMoat moat;
  private static String rg;

  @TempDir static Path dir;

  @BeforeAll
  static void start() {
    Assumptions.assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/kubectl")), "kubectl is not installed: skipping");
    moat = TestMoat.start(MoatCloud::assemble);
    rg = moat.createGroup("kube-rg", "eastus");
  }

  @AfterAll
  static void stop() {
    if (moat != null) {
      moat.close();
    }
  }

  private static String createCluster(String name, boolean privateCluster) {
    String path = rg + "/providers/Microsoft.ContainerService/managedClusters/" + name;
    String body =
        "{\"location\":\"eastus\",\"identity\":{\"type\":\"SystemAssigned\"},\"properties\":{\"kubernetesVersion\":\"1.30.3\",\"dnsPrefix\":\""
            + name
            + "\",\"agentPoolProfiles\":[{\"name\":\"nodepool1\",\"count\":2,\"mode\":\"System\",\"vmSize\":\"Standard_DS2_v2\"}],"
            + "\"bootstrapProfile\":{\"artifactSource\":\"Cache\"},"
            + "\"networkProfile\":{\"networkPlugin\":\"azure\",\"outboundType\":\"none\"},"
            + "\"apiServerAccessProfile\":{\"enablePrivateCluster\":"
            + privateCluster
            + "}}}";
    ArmResult r = moat.arm().put(path, AKS, body).expectStatus(201);
    JsonNode status = moat.arm().awaitOperation(r);
    assertThat(status.path("status").asText()).as(status.toString()).isEqualTo("Succeeded");
    return path;
  }

  private static Path kubeconfig(String cluster) throws Exception {
    JsonNode creds =
        moat.arm().post(cluster + "/listClusterUserCredential", AKS, null).expectStatus(200).body();
    Path file = dir.resolve(cluster.substring(cluster.lastIndexOf('/') + 1) + ".kubeconfig");
    Files.write(
        file, Base64.getDecoder().decode(creds.path("kubeconfigs").get(0).path("value").asText()));
    return file;
  }

  private static Result kubectl(Path config, String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                "kubectl",
                "--kubeconfig",
                config.toString(),
                "--cache-dir",
                dir.resolve("cache").toString(),
                "--request-timeout=10s"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(
        p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  record Result(int exit, String output) {}

  @Test
  void aPublicClustersNodesAndSystemPodsThroughKubectl() throws Exception {
    String cluster = createCluster("kube-public", false);
    Path config = kubeconfig(cluster);
    Result nodes = kubectl(config, "get", "nodes");
    assertThat(nodes.exit()).as(nodes.output()).isZero();
    assertThat(nodes.output())
        .contains("aks-nodepool1-")
        .contains(" Ready ")
        .doesNotContain("NotReady");
    assertThat(nodes.output().lines().filter(l -> l.startsWith("aks-")).count()).isEqualTo(2);

    Result images =
        kubectl(config, "get", "pods", "-n", "kube-system", "-o", "jsonpath={..imageID}");
    assertThat(images.exit()).as(images.output()).isZero();
    List<String> ids = List.of(images.output().trim().split("\\s+"));
    assertThat(ids)
        .isNotEmpty()
        .allSatisfy(
            id ->
                assertThat(id)
                    // containerd records a mirrored pull under the name asked for (NODE4): the
                    // bytes came from the private registry's cache, the imageID names MCR.
                    .matches("mcr\\.microsoft\\.com/.+@sha256:[0-9a-f]{64}"));
  }

  @Test
  void aPrivateClusterIsReachableOnlyThroughCommandInvoke() throws Exception {
    String cluster = createCluster("kube-private", true);
    Path config = kubeconfig(cluster);
    assertThat(Files.readString(config)).contains(".privatelink.eastus.azmk8s.io:443");
    Result direct = kubectl(config, "get", "nodes");
    assertThat(direct.exit()).isNotZero();
    assertThat(direct.output()).containsAnyOf("no such host", "lookup");

    ArmResult accepted =
        moat.arm()
            .post(cluster + "/runCommand", AKS, "{\"command\":\"kubectl get nodes\"}")
            .expectStatus(202);
    JsonNode result =
        moat.arm().getUrl(accepted.header("Location").orElseThrow()).expectStatus(200).body();
    assertThat(result.path("properties").path("exitCode").asInt()).isZero();
    assertThat(result.path("properties").path("logs").asText())
        .contains("aks-nodepool1-")
        .contains(" Ready ");
  }
}
