package dev.moat.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moat.arm.http.HostDispatcher;
import dev.moat.arm.runtime.ProviderAssembler;
import dev.moat.testing.TestMoat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real kubectl against a cluster's API under Moat's listener. */
class KubectlTest {
  private static final String TOKEN = "cluster-token";
  private static final KubeCluster CLUSTER =
      new KubeCluster(
          "c1",
          "v1.30.3",
          List.of(
              new KubeCluster.Node(
                  "aks-nodepool1-1-vmss000000",
                  "192.168.1.4",
                  true,
                  "",
                  "nodepool1",
                  "v1.30.3",
                  "AKSUbuntu-2204gen2containerd-202511.10.0",
                  Instant.EPOCH),
              new KubeCluster.Node(
                  "aks-nodepool1-1-vmss000001",
                  "192.168.1.5",
                  false,
                  "ERR_ORAS_PULL_UNAUTHORIZED",
                  "nodepool1",
                  "v1.30.3",
                  "AKSUbuntu-2204gen2containerd-202511.10.0",
                  Instant.EPOCH)),
          List.of(
              new KubeCluster.Pod(
                  "kube-system",
                  "kube-proxy-abcde",
                  "aks-nodepool1-1-vmss000000",
                  List.of(
                      new KubeCluster.Container(
                          "kube-proxy",
                          "mcr.microsoft.com/oss/kubernetes/kube-proxy:v1.30.3",
                          "myacr.azurecr.io/aks-managed-repository/oss/kubernetes/kube-proxy@sha256:"
                              + "a".repeat(64))),
                  true,
                  Instant.EPOCH)));
  private static TestMoat moat;

  @TempDir static Path dir;

  @BeforeAll
  static void start() {
    KubeApiService api =
        new KubeApiService(
            (key, token) ->
                key.equals("k1") && token.equals(TOKEN) ? Optional.of(CLUSTER) : Optional.empty(),
            java.time.Clock.systemUTC());
    moat =
        TestMoat.start(
            c ->
                new ProviderAssembler.Assembly(
                    List.of(),
                    List.of(
                        new HostDispatcher.Route(call -> KubeApiService.handles(call.path()), api)),
                    List.of()));
  }

  @AfterAll
  static void stop() {
    moat.close();
  }

  private static String kubectl(String... args) throws IOException, InterruptedException {
    Path ca = dir.resolve("ca.pem");
    Files.writeString(ca, moat.runtime().caPem());
    Path config = dir.resolve("kubeconfig");
    Files.writeString(
        config,
        "apiVersion: v1\nkind: Config\nclusters:\n- name: c1\n  cluster:\n    server: "
            + moat.endpoint()
            + "/moat/kube/k1\n    certificate-authority: "
            + ca
            + "\n"
            + "users:\n- name: u\n  user:\n    token: "
            + TOKEN
            + "\n"
            + "contexts:\n- name: c1\n  context:\n    cluster: c1\n    user: u\ncurrent-context: c1\n");
    List<String> command =
        new ArrayList<>(
            List.of(
                "kubectl",
                "--kubeconfig",
                config.toString(),
                "--cache-dir",
                dir.resolve("cache").toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }

  @Test
  void getNodesShowsReadiness() throws Exception {
    Assumptions.assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/kubectl")), "kubectl is not installed");
    String out = kubectl("get", "nodes");
    assertThat(out)
        .contains("STATUS")
        .contains("aks-nodepool1-1-vmss000000")
        .contains(" Ready ")
        .contains("NotReady")
        .contains("v1.30.3");
  }

  @Test
  void systemPodImagesByJsonPath() throws Exception {
    Assumptions.assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/kubectl")), "kubectl is not installed");
    String out = kubectl("get", "pods", "-n", "kube-system", "-o", "jsonpath={..imageID}");
    assertThat(out)
        .contains("myacr.azurecr.io/aks-managed-repository/oss/kubernetes/kube-proxy@sha256:");
  }
}
