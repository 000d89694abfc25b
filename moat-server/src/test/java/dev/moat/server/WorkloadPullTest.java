package dev.moat.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moat.platform.contracts.NodeBootstrapper.NodeSpec;
import dev.moat.platform.contracts.NodeRuntime;
import dev.moat.platform.contracts.NodeRuntime.ImagePull;
import dev.moat.platform.contracts.NodeRuntime.ProgramRun;
import dev.moat.platform.contracts.NodeRuntime.PullResult;
import dev.moat.platform.id.ResourceId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Workload image pulls and aks-canipull on nodes of a network-isolated BYO layout, through the
 * node's real path (VNet DNS view, fabric ingress, registry network rules, token exchange), with
 * containerd's error texts.
 */
class WorkloadPullTest {
  private static IsolatedAcrFixture fx;
  private static NodeRuntime nodes;
  private static String acr;

  @BeforeAll
  static void start() {
    fx = new IsolatedAcrFixture("workloadacr");
    nodes = fx.wiring().nodes();
    acr = fx.loginServer();
    // Docker Hub images reach the private registry through a cache rule.
    fx.await(
        fx.moat
            .arm()
            .put(
                fx.registryPath() + "/cacheRules/dockerhub-nginx",
                "2025-11-01",
                "{\"properties\":{\"sourceRepository\":\"docker.io/library/nginx\",\"targetRepository\":\"library/nginx\"}}"));
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  private static NodeSpec isolated(int n) {
    return fx.isolatedNode("aks-isolated-" + n, "192.168.1." + (10 + n), fx.kubelet);
  }

  @Test
  void aNodeWithEgressPullsAStandInImageByItsShortName() {
    NodeSpec node = fx.egressNode("aks-egress-0", "192.168.1.100", fx.kubelet);
    ImagePull pull = nodes.pull(node, "nginx");
    assertThat(pull.error()).isEmpty();
    assertThat(pull.result()).isEqualTo(PullResult.PULLED);
    assertThat(pull.reference()).isEqualTo("docker.io/library/nginx:latest");
    assertThat(pull.imageId()).matches("docker\\.io/library/nginx@sha256:[a-f0-9]{64}");
    assertThat(pull.sizeBytes()).isGreaterThan(4096);

    ImagePull again = nodes.pull(node, "docker.io/library/nginx:latest");
    assertThat(again.imageId()).isEqualTo(pull.imageId());
    for (String image :
        List.of(
            "ghcr.io/stefanprodan/podinfo:6.7.1",
            "quay.io/prometheus/busybox",
            "registry.k8s.io/pause:3.10",
            "busybox:1.36")) {
      assertThat(nodes.pull(node, image).result()).as(image).isEqualTo(PullResult.PULLED);
    }
  }

  @Test
  void aMissingTagIsNotFound() {
    NodeSpec node = fx.egressNode("aks-egress-1", "192.168.1.101", fx.kubelet);
    ImagePull pull = nodes.pull(node, "nginx:0.0.0-nope");
    assertThat(pull.result()).isEqualTo(PullResult.FAILED);
    assertThat(pull.error())
        .isEqualTo(
            "failed to pull and unpack image \"docker.io/library/nginx:0.0.0-nope\": failed to"
                + " resolve reference \"docker.io/library/nginx:0.0.0-nope\":"
                + " docker.io/library/nginx:0.0.0-nope: not found");
  }

  @Test
  void anIsolatedNodeTimesOutDialingAPublicRegistry() {
    ImagePull pull = nodes.pull(isolated(0), "nginx");
    assertThat(pull.result()).isEqualTo(PullResult.FAILED);
    assertThat(pull.error())
        .isEqualTo(
            "failed to pull and unpack image \"docker.io/library/nginx:latest\": failed to resolve"
                + " reference \"docker.io/library/nginx:latest\": failed to do request: Head"
                + " \"https://registry-1.docker.io/v2/library/nginx/manifests/latest\": dial tcp"
                + " 20.255.0.51:443: i/o timeout");
  }

  @Test
  void anInvalidNameIsNotPulled() {
    ImagePull pull = nodes.pull(isolated(1), "Nginx:latest");
    assertThat(pull.result()).isEqualTo(PullResult.INVALID_NAME);
    assertThat(nodes.pull(isolated(1), "nginx:bad tag").result())
        .isEqualTo(PullResult.INVALID_NAME);
  }

  @Test
  void mcrImagesComeThroughTheMirrorOnAnIsolatedNode() {
    ImagePull pull = nodes.pull(isolated(2), "mcr.microsoft.com/aks/canipull:v0.1.0");
    assertThat(pull.error()).isEmpty();
    assertThat(pull.imageId()).startsWith("mcr.microsoft.com/aks/canipull@sha256:");
  }

  @Test
  void aCachedDockerHubImagePullsFromTheIsolatedNodeWithAcrPullOnly() {
    ImagePull pull = nodes.pull(isolated(3), acr + "/library/nginx:1.27");
    assertThat(pull.error()).isEmpty();
    assertThat(pull.imageId()).startsWith(acr + "/library/nginx@sha256:");

    ResourceId stranger = fx.identity("stranger");
    ImagePull denied =
        nodes.pull(
            fx.isolatedNode("aks-stranger-0", "192.168.1.50", stranger),
            acr + "/library/nginx:1.27");
    assertThat(denied.result()).isEqualTo(PullResult.FAILED);
    assertThat(denied.error())
        .isEqualTo(
            "failed to pull and unpack image \""
                + acr
                + "/library/nginx:1.27\": failed to resolve reference \""
                + acr
                + "/library/nginx:1.27\": failed to authorize: failed to fetch oauth token:"
                + " unexpected status from GET request to https://"
                + acr
                + "/oauth2/token?scope=repository%3Alibrary%2Fnginx%3Apull&service="
                + acr
                + ": 401 Unauthorized");

    // No kubelet identity at all: the credential provider has nothing, containerd goes anonymous.
    ImagePull anonymous =
        nodes.pull(
            fx.isolatedNode(
                "aks-anon-0",
                "192.168.1.51",
                ResourceId.parse(
                    fx.rg + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/gone")),
            acr + "/library/nginx:1.27");
    assertThat(anonymous.error())
        .contains("failed to fetch anonymous token")
        .endsWith("401 Unauthorized");
  }

  @Test
  void anUnknownRegistryIsNoSuchHost() {
    ImagePull pull = nodes.pull(isolated(4), "nosuchregistry.azurecr.io/app:v1");
    assertThat(pull.error())
        .isEqualTo(
            "failed to pull and unpack image \"nosuchregistry.azurecr.io/app:v1\": failed to"
                + " resolve reference \"nosuchregistry.azurecr.io/app:v1\": failed to do request:"
                + " Head \"https://nosuchregistry.azurecr.io/v2/app/manifests/v1\": dial tcp: lookup"
                + " nosuchregistry.azurecr.io on 168.63.129.16:53: no such host");
  }

  @Test
  void canipullSucceedsThroughThePrivateEndpoint() {
    ProgramRun run = nodes.canipull(isolated(5), acr);
    assertThat(run.exitCode()).isZero();
    List<String> text = run.output().stream().map(WorkloadPullTest::withoutTime).toList();
    assertThat(text)
        .startsWith(
            "Checking host name resolution (" + acr + "): SUCCEEDED",
            "Canonical name for ACR (" + acr + "): workloadacr.privatelink.azurecr.io.",
            "Loading azure.json file from /etc/kubernetes/azure.json",
            "Checking managed identity...")
        .contains(
            "Validating managed identity existance: SUCCEEDED",
            "Validating image pull permission: SUCCEEDED")
        .endsWith("Your cluster can pull images from " + acr + "!");
    assertThat(run.output().get(0)).matches("\\[\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ] .*");
  }

  @Test
  void canipullFailsThePullPermissionWithoutAcrPull() {
    ProgramRun run =
        nodes.canipull(
            fx.isolatedNode("aks-stranger-1", "192.168.1.52", fx.identity("stranger2")), acr);
    assertThat(run.exitCode()).isEqualTo(60);
    List<String> text = run.output().stream().map(WorkloadPullTest::withoutTime).toList();
    assertThat(text)
        .contains(
            "Validating managed identity existance: SUCCEEDED",
            "Validating image pull permission: FAILED");
    assertThat(text.get(text.size() - 1))
        .startsWith(
            "ACR "
                + acr
                + " rejected token exchange: ACR token exchange endpoint returned error status:"
                + " 401. body: ");
  }

  @Test
  void canipullFailsOnDnsWithExit52() {
    ProgramRun run = nodes.canipull(isolated(6), "nosuchregistry.azurecr.io");
    assertThat(run.exitCode()).isEqualTo(52);
    assertThat(run.output().stream().map(WorkloadPullTest::withoutTime))
        .containsExactly(
            "Checking host name resolution (nosuchregistry.azurecr.io): FAILED",
            "Failed to resolve specified fqdn nosuchregistry.azurecr.io: lookup"
                + " nosuchregistry.azurecr.io on 168.63.129.16:53: no such host");
  }

  @Test
  void warmPullsOfARolloutAreCheap() throws Exception {
    List<NodeSpec> three = List.of(isolated(7), isolated(8), isolated(9));
    for (NodeSpec n : three) {
      assertThat(nodes.pull(n, "mcr.microsoft.com/aks/canipull:v0.1.0").result())
          .isEqualTo(PullResult.PULLED);
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    long start = System.nanoTime();
    List<Future<ImagePull>> pulls = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      NodeSpec n = three.get(i % 3);
      pulls.add(pool.submit(() -> nodes.pull(n, "mcr.microsoft.com/aks/canipull:v0.1.0")));
    }
    for (Future<ImagePull> f : pulls) {
      assertThat(f.get().result()).isEqualTo(PullResult.PULLED);
    }
    pool.shutdown();
    System.out.printf(
        "warm rollout: 200 pulls on 3 nodes in %d ms%n", (System.nanoTime() - start) / 1_000_000);
  }

  private static String withoutTime(String line) {
    return line.replaceFirst("^\\[[^]]*] ", "");
  }
}
