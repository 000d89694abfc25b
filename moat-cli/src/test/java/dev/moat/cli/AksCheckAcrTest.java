package dev.moat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moat.cli.http.WireRequest;
import dev.moat.cli.http.WireResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code aks check-acr}'s REST flow against a small fake Kubernetes API behind {@link FakeArm}: the
 * pod az's overrides make, a watch until it terminates, its log, its deletion, and az's output and
 * failure.
 */
class AksCheckAcrTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CLUSTER =
      "/subscriptions/"
          + FakeArm.SUB
          + "/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/c1";
  private static final String PODS = "/k8s/c1/api/v1/namespaces/default/pods";

  /** A fake cluster: the pod runs canipull "on a node" and ends with {@code exitCode}. */
  private static final class FakeCluster {
    final List<String> calls = new ArrayList<>();
    JsonNode created;
    final int exitCode;
    final String log;

    FakeCluster(int exitCode, String log) {
      this.exitCode = exitCode;
      this.log = log;
    }

    WireResponse answer(WireRequest r) {
      String path = r.uri().getRawPath();
      if (!path.startsWith("/k8s/c1/")) {
        return null;
      }
      calls.add(
          r.method()
              + " "
              + path
              + (r.uri().getRawQuery() == null ? "" : "?" + r.uri().getRawQuery()));
      try {
        if (path.equals("/k8s/c1/version")) {
          return FakeArm.json(
              200, "{\"major\":\"1\",\"minor\":\"32\",\"gitVersion\":\"v1.32.4\"}", Map.of());
        }
        if (r.method().equals("POST") && path.equals(PODS)) {
          created = JSON.readTree(r.bodyText());
          return FakeArm.json(201, pod("Pending", "1"), Map.of());
        }
        if (r.method().equals("GET") && path.equals(PODS)) {
          // The watch: one MODIFIED event with the terminated pod, then the stream ends.
          return FakeArm.json(
              200,
              "{\"type\":\"MODIFIED\",\"object\":"
                  + pod(exitCode == 0 ? "Succeeded" : "Failed", "2")
                  + "}\n",
              Map.of());
        }
        if (r.method().equals("GET") && path.endsWith("/log")) {
          return FakeArm.json(200, log, Map.of());
        }
        if (r.method().equals("GET")) {
          return FakeArm.json(200, pod("Pending", "1"), Map.of());
        }
        if (r.method().equals("DELETE")) {
          return FakeArm.json(200, pod("Succeeded", "3"), Map.of());
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      return FakeArm.json(404, "{}", Map.of());
    }

    private String pod(String phase, String rv) {
      String name = created.path("metadata").path("name").asText();
      return "{\"kind\":\"Pod\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\""
          + name
          + "\",\"namespace\":\"default\",\"resourceVersion\":\""
          + rv
          + "\"},\"status\":{\"phase\":\""
          + phase
          + "\""
          + (phase.equals("Pending")
              ? ""
              : ",\"containerStatuses\":[{\"name\":\""
                  + name
                  + "\",\"state\":{\"terminated\":{\"exitCode\":"
                  + exitCode
                  + "}}}]")
          + "}}";
    }
  }

  private static FakeArm arm(FakeCluster cluster) {
    FakeArm arm = new FakeArm();
    String kubeconfig =
        "apiVersion: v1\nkind: Config\nclusters:\n- name: c1\n  cluster:\n    server: "
            + FakeArm.ENDPOINT
            + "/k8s/c1\ncontexts:\n- name: c1\n  context:\n    cluster: c1\n    user: clusterUser_rg_c1\n"
            + "current-context: c1\nusers:\n- name: clusterUser_rg_c1\n  user:\n    token: secret-token\n";
    arm.on(
        "POST",
        CLUSTER + "/listClusterUserCredential",
        r ->
            FakeArm.json(
                200,
                "{\"kubeconfigs\":[{\"name\":\"clusterUser\",\"value\":\""
                    + Base64.getEncoder()
                        .encodeToString(kubeconfig.getBytes(StandardCharsets.UTF_8))
                    + "\"}]}",
                Map.of()));
    arm.fallback = cluster::answer;
    return arm;
  }

  @Test
  void runsCanipullInAPodWithAzsOverridesAndPrintsItsOutput() {
    String log =
        "[2026-12-04T13:00:00Z] Checking host name resolution (myacr.azurecr.io): SUCCEEDED\n"
            + "[2026-12-04T13:00:00Z] \nYour cluster can pull images from myacr.azurecr.io!\n";
    FakeCluster cluster = new FakeCluster(0, log);
    FakeArm arm = arm(cluster);
    CliRun run =
        arm.run(
            "aks",
            "check-acr",
            "-g",
            "rg",
            "-n",
            "c1",
            "--acr",
            "myacr",
            "--node-name",
            "aks-nodepool1-0");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).isEqualTo(log);
    assertThat(run.err())
        .contains(
            "WARNING: The login server endpoint suffix '.azurecr.io' is automatically appended.");

    JsonNode pod = cluster.created;
    String name = pod.path("metadata").path("name").asText();
    assertThat(name).matches("canipull-[0-9a-f-]{36}");
    JsonNode spec = pod.path("spec");
    assertThat(spec.path("hostNetwork").asBoolean()).isTrue();
    assertThat(spec.path("restartPolicy").asText()).isEqualTo("Never");
    JsonNode c = spec.path("containers").get(0);
    assertThat(c.path("image").asText()).isEqualTo("mcr.microsoft.com/aks/canipull:v0.1.0");
    assertThat(c.path("args"))
        .extracting(JsonNode::asText)
        .containsExactly("-v6", "myacr.azurecr.io");
    assertThat(c.path("securityContext").path("runAsUser").asInt()).isZero();
    assertThat(spec.path("nodeSelector").path("kubernetes.io/os").asText()).isEqualTo("linux");
    assertThat(spec.path("tolerations")).hasSize(2);
    assertThat(
            spec.path("affinity")
                .path("nodeAffinity")
                .path("requiredDuringSchedulingIgnoredDuringExecution")
                .path("nodeSelectorTerms")
                .get(0)
                .path("matchExpressions")
                .get(0)
                .path("values")
                .get(0)
                .asText())
        .isEqualTo("aks-nodepool1-0");
    assertThat(cluster.calls)
        .anySatisfy(
            call ->
                assertThat(call)
                    .contains("watch=true")
                    .contains("fieldSelector=metadata.name%3D" + name))
        .anySatisfy(
            call ->
                assertThat(call).isEqualTo("GET " + PODS + "/" + name + "/log?container=" + name))
        .last()
        .isEqualTo("DELETE " + PODS + "/" + name);
    WireRequest create =
        arm.requests.stream()
            .filter(r -> r.method().equals("POST") && r.uri().getPath().equals(PODS))
            .findFirst()
            .orElseThrow();
    assertThat(create.headers().get("Authorization")).isEqualTo("Bearer secret-token");
  }

  @Test
  void aNonZeroExitFailsAsAzDoes() {
    String log =
        "[2026-12-04T13:00:00Z] Checking host name resolution (nope.azurecr.io): FAILED\n"
            + "[2026-12-04T13:00:00Z] Failed to resolve specified fqdn nope.azurecr.io: lookup"
            + " nope.azurecr.io on 168.63.129.16:53: no such host\n";
    FakeCluster cluster = new FakeCluster(52, log);
    CliRun run =
        arm(cluster).run("aks", "check-acr", "-g", "rg", "-n", "c1", "--acr", "nope.azurecr.io");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .startsWith("ERROR: Failed to check the ACR: pod default/canipull-")
        .contains("terminated (Error) Command output: " + log.substring(0, 40));
    assertThat(cluster.calls.get(cluster.calls.size() - 1)).startsWith("DELETE ");
  }
}
