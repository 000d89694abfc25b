package dev.moat.kube.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.moat.kube.runtime.ClusterState.ClusterNode;
import dev.moat.kube.runtime.ClusterState.NodeImage;
import dev.moat.kube.store.ClusterObjects;
import dev.moat.kube.store.FieldSelector;
import dev.moat.kube.store.JdbcKubeStore;
import dev.moat.kube.store.Kinds;
import dev.moat.kube.store.LabelSelector;
import dev.moat.kube.store.ListOptions;
import dev.moat.platform.contracts.NodeBootstrapper.ArtifactSource;
import dev.moat.platform.contracts.NodeBootstrapper.NodeSpec;
import dev.moat.platform.id.ResourceId;
import dev.moat.platform.store.SqliteDatabase;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster's controllers, scheduler and kubelets over the real store (SQLite), with a test node
 * runtime and a hand-moved clock: node sync, system addons, a deployment that cannot pull and then
 * rolls out, back-off, progress deadline, Jobs, canipull, scale-down, restart and deletion.
 */
class ClusterRuntimeTest {
  private static final String KEY = "c1";
  private static final ResourceId CLUSTER =
      ResourceId.parse(
          "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks1");
  private static final String PROXY = "mcr.microsoft.com/oss/kubernetes/kube-proxy:v1.30.3";
  private static final String COREDNS = "mcr.microsoft.com/oss/v2/kubernetes/coredns:v1.11.3-8";

  @TempDir Path dir;
  private SqliteDatabase db;
  private JdbcKubeStore store;
  private KubeRuntimes runtimes;
  private final TestTime time = new TestTime(Instant.parse("2026-12-04T12:00:00Z"));
  private final FakeNodeRuntime nodes = new FakeNodeRuntime();
  private ClusterObjects objects;

  @BeforeEach
  void open() {
    db = SqliteDatabase.open(dir.resolve("moat.db"), false);
    start();
  }

  private void start() {
    store = new JdbcKubeStore(db, time);
    runtimes = new KubeRuntimes(store, nodes, time, time, 2, 4);
    objects = store.cluster(KEY);
  }

  private void stop() {
    runtimes.close();
    store.close();
  }

  @AfterEach
  void close() {
    stop();
    db.close();
  }

  private static ClusterNode node(int i, boolean ready) {
    String name = "aks-nodepool1-12345678-vmss00000" + i;
    NodeSpec spec =
        new NodeSpec(
            name,
            CLUSTER,
            ResourceId.parse(CLUSTER + "/agentPools/nodepool1"),
            ResourceId.parse(
                "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/s"),
            "10.224.0." + (4 + i),
            ResourceId.parse(
                "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/kubelet"),
            "1.30.3",
            "AKSUbuntu-2204gen2containerd-202510.01.0",
            ArtifactSource.Cache,
            "myacr.azurecr.io",
            "none");
    return new ClusterNode(
        spec,
        "nodepool1",
        "System",
        ready,
        ready ? "" : "ERR_OUTBOUND_CONN_FAIL: cannot reach the registry",
        Instant.parse("2026-12-04T11:59:00Z"),
        250,
        List.of(
            new NodeImage(
                List.of(
                    PROXY, "mcr.microsoft.com/oss/kubernetes/kube-proxy@sha256:" + "cd".repeat(32)),
                1000),
            new NodeImage(
                List.of(
                    COREDNS,
                    "mcr.microsoft.com/oss/v2/kubernetes/coredns@sha256:" + "ef".repeat(32)),
                2000)));
  }

  private static ClusterState state(int count) {
    return new ClusterState(
        "aks1",
        "1.30.3",
        "10.0.0.0/16",
        "10.0.0.10",
        IntStream.range(0, count).mapToObj(i -> node(i, true)).toList());
  }

  private List<Pod> pods(String ns, Map<String, String> labels) {
    return objects
        .list(Kinds.PODS, ListOptions.in(ns).withLabels(LabelSelector.ofLabels(labels)))
        .items();
  }

  private static String waitingReason(Pod p) {
    var s = p.getStatus().getContainerStatuses();
    return s == null || s.isEmpty() || s.get(0).getState().getWaiting() == null
        ? null
        : s.get(0).getState().getWaiting().getReason();
  }

  private static boolean running(Pod p) {
    return "Running".equals(p.getStatus().getPhase());
  }

  private List<String> events(Pod p) {
    return objects
        .list(
            Kinds.EVENTS,
            ListOptions.in(p.getMetadata().getNamespace())
                .withFields(FieldSelector.equal("involvedObject.uid", p.getMetadata().getUid())))
        .items()
        .stream()
        .map(e -> e.getReason() + " " + e.getMessage())
        .toList();
  }

  private static Deployment web(String image, int replicas) {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName("web")
        .withNamespace("default")
        .endMetadata()
        .withNewSpec()
        .withReplicas(replicas)
        .withNewSelector()
        .withMatchLabels(Map.of("app", "web"))
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .withLabels(Map.of("app", "web"))
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("nginx")
        .withImage(image)
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  @Test
  void nodesAndSystemPodsAppear() {
    runtimes.sync(KEY, state(2));
    Node n = objects.require(Kinds.NODES, null, "aks-nodepool1-12345678-vmss000000");
    assertThat(n.getMetadata().getLabels())
        .containsEntry("agentpool", "nodepool1")
        .containsEntry("kubernetes.azure.com/agentpool", "nodepool1")
        .containsEntry("kubernetes.io/os", "linux");
    assertThat(n.getStatus().getAllocatable().get("pods").getAmount()).isEqualTo("250");
    assertThat(n.getStatus().getImages()).hasSize(2);
    assertThat(n.getSpec().getPodCIDR()).isEqualTo("10.244.0.0/24");

    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              List<Pod> proxies = pods("kube-system", Map.of("k8s-app", "kube-proxy"));
              assertThat(proxies).hasSize(2).allMatch(ClusterRuntimeTest::running);
              assertThat(proxies.stream().map(p -> p.getSpec().getNodeName()).distinct())
                  .hasSize(2);
              List<Pod> dns = pods("kube-system", Map.of("k8s-app", "kube-dns"));
              assertThat(dns).hasSize(2).allMatch(ClusterRuntimeTest::running);
            });
    Pod proxy = pods("kube-system", Map.of("k8s-app", "kube-proxy")).get(0);
    assertThat(proxy.getStatus().getPodIP()).isEqualTo(proxy.getStatus().getHostIP());
    assertThat(proxy.getStatus().getContainerStatuses().get(0).getImageID())
        .isEqualTo("mcr.microsoft.com/oss/kubernetes/kube-proxy@sha256:" + "cd".repeat(32));
    assertThat(events(proxy))
        .contains(
            "Pulled Container image \"" + PROXY + "\" already present on machine",
            "Created Created container: kube-proxy",
            "Started Started container kube-proxy");
    Pod dns = pods("kube-system", Map.of("k8s-app", "kube-dns")).get(0);
    assertThat(dns.getStatus().getPodIP()).startsWith("10.244.");
    assertThat(dns.getMetadata().getName())
        .matches("coredns-[bcdfghjklmnpqrstvwxz2456789]+-[bcdfghjklmnpqrstvwxz2456789]{5}");
    assertThat(nodes.pulls.get()).isZero(); // bootstrap images are present: nothing pulled
  }

  @Test
  void unpullableDeploymentBacksOffThenRollsOutAfterSetImage() {
    runtimes.sync(KEY, state(2));
    objects.create(Kinds.DEPLOYMENTS, web("nginx:1.27", 2));
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(pods("default", Map.of("app", "web")))
                    .hasSize(2)
                    .allMatch(
                        p ->
                            "ErrImagePull".equals(waitingReason(p))
                                || "ImagePullBackOff".equals(waitingReason(p))));
    Pod p = pods("default", Map.of("app", "web")).get(0);
    assertThat(p.getMetadata().getName()).startsWith("web-");
    assertThat(events(p))
        .contains("Pulling Pulling image \"nginx:1.27\"", "Failed Error: ErrImagePull")
        .anyMatch(
            e ->
                e.startsWith(
                        "Failed Failed to pull image \"nginx:1.27\": failed to pull and unpack image \"docker.io/library/nginx:1.27\"")
                    && e.endsWith("i/o timeout"))
        .anyMatch(
            e ->
                e.startsWith(
                    "Scheduled Successfully assigned default/"
                        + p.getMetadata().getName()
                        + " to aks-nodepool1-"));
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              Deployment d = objects.require(Kinds.DEPLOYMENTS, "default", "web");
              assertThat(d.getStatus().getUpdatedReplicas()).isEqualTo(2);
              assertThat(d.getStatus().getConditions())
                  .anyMatch(
                      c ->
                          c.getType().equals("Available")
                              && c.getReason().equals("MinimumReplicasUnavailable"));
            });

    // Within the 10 s window a re-sync shows ImagePullBackOff; after it the kubelet pulls again.
    time.advance(Duration.ofSeconds(11));
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              Event failed =
                  objects
                      .list(
                          Kinds.EVENTS,
                          ListOptions.in("default")
                              .withFields(
                                  FieldSelector.equal(
                                      "involvedObject.uid", p.getMetadata().getUid())))
                      .items()
                      .stream()
                      .filter(e -> "Error: ErrImagePull".equals(e.getMessage()))
                      .findFirst()
                      .orElseThrow();
              assertThat(failed.getCount()).isEqualTo(2);
            });

    // The second failure opens a 20 s window; the 10 s re-sync inside it shows ImagePullBackOff.
    // The clock moves a second per poll so that re-syncs scheduled meanwhile come due.
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              time.advance(Duration.ofSeconds(1));
              assertThat(events(objects.require(Kinds.PODS, "default", p.getMetadata().getName())))
                  .contains(
                      "BackOff Back-off pulling image \"nginx:1.27\"",
                      "Failed Error: ImagePullBackOff");
            });

    // Past the progress deadline with no progress: ProgressDeadlineExceeded.
    time.advance(Duration.ofSeconds(600));
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(
                        objects
                            .require(Kinds.DEPLOYMENTS, "default", "web")
                            .getStatus()
                            .getConditions())
                    .anyMatch(
                        c ->
                            c.getReason().equals("ProgressDeadlineExceeded")
                                && c.getMessage()
                                    .matches(
                                        "ReplicaSet \"web-[a-z0-9]+\" has timed out progressing.")));

    // kubectl set image: a new template, a new ReplicaSet, the old one scaled to 0.
    String image = "myacr.azurecr.io/nginx:1.27";
    nodes.available.add(image);
    objects.modify(
        Kinds.DEPLOYMENTS,
        "default",
        "web",
        false,
        x -> {
          x.getSpec().getTemplate().getSpec().getContainers().get(0).setImage(image);
          return x;
        });
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              Deployment now = objects.require(Kinds.DEPLOYMENTS, "default", "web");
              assertThat(now.getStatus().getAvailableReplicas()).isEqualTo(2);
              assertThat(now.getStatus().getReplicas()).isEqualTo(2);
              assertThat(now.getStatus().getConditions())
                  .anyMatch(c -> c.getReason().equals("NewReplicaSetAvailable"));
              assertThat(pods("default", Map.of("app", "web")))
                  .hasSize(2)
                  .allMatch(ClusterRuntimeTest::running);
            });
    assertThat(objects.list(Kinds.REPLICA_SETS, ListOptions.in("default")).items())
        .hasSize(2)
        .anyMatch(
            rs ->
                rs.getSpec().getReplicas() == 0
                    && "1"
                        .equals(
                            rs.getMetadata()
                                .getAnnotations()
                                .get("deployment.kubernetes.io/revision")))
        .anyMatch(
            rs ->
                rs.getSpec().getReplicas() == 2
                    && "2"
                        .equals(
                            rs.getMetadata()
                                .getAnnotations()
                                .get("deployment.kubernetes.io/revision")));
    // The pod that pulled (the other may find the image already present on the same node).
    Pod ok =
        pods("default", Map.of("app", "web")).stream()
            .filter(x -> events(x).stream().anyMatch(e -> e.startsWith("Pulled Successfully")))
            .findFirst()
            .orElseThrow();
    assertThat(events(ok))
        .anyMatch(
            e ->
                e.equals(
                    "Pulled Successfully pulled image \""
                        + image
                        + "\" in 1.393s (1.393s including waiting). Image size: 1234567 bytes."));
    Node node = objects.require(Kinds.NODES, null, ok.getSpec().getNodeName());
    assertThat(node.getStatus().getImages()).anyMatch(i -> i.getNames().contains(image));

    // Restart: a new store and runtimes over the same database duplicate and lose nothing.
    int podsBefore = objects.list(Kinds.PODS, ListOptions.all()).items().size();
    stop();
    start();
    runtimes.sync(KEY, state(2));
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              assertThat(objects.list(Kinds.PODS, ListOptions.all()).items())
                  .hasSize(podsBefore)
                  .allMatch(ClusterRuntimeTest::running);
              assertThat(objects.list(Kinds.NODES, ListOptions.all()).items()).hasSize(2);
            });

    // Scale-down: the node goes with its pods; the deployment's pod is replaced on the other node.
    runtimes.sync(KEY, state(1));
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              assertThat(objects.list(Kinds.NODES, ListOptions.all()).items()).hasSize(1);
              assertThat(pods("kube-system", Map.of("k8s-app", "kube-proxy"))).hasSize(1);
              assertThat(pods("default", Map.of("app", "web")))
                  .hasSize(2)
                  .allMatch(
                      x -> x.getSpec().getNodeName().equals("aks-nodepool1-12345678-vmss000000"))
                  .allMatch(ClusterRuntimeTest::running);
            });

    // Cluster deletion removes every object.
    runtimes.delete(KEY);
    assertThat(store.clusterKeys()).doesNotContain(KEY);
  }

  @Test
  void jobsCompleteAndCanipullRunsNatively() {
    runtimes.sync(KEY, state(1));
    nodes.available.add("busybox:1.36");
    objects.create(
        Kinds.JOBS,
        new JobBuilder()
            .withNewMetadata()
            .withName("once")
            .withNamespace("default")
            .endMetadata()
            .withNewSpec()
            .withNewTemplate()
            .withNewSpec()
            .withRestartPolicy("Never")
            .addNewContainer()
            .withName("c")
            .withImage("busybox:1.36")
            .endContainer()
            .endSpec()
            .endTemplate()
            .endSpec()
            .build());
    nodes.available.add("mcr.microsoft.com/aks/canipull:v0.1.0");
    objects.create(
        Kinds.PODS,
        new PodBuilder()
            .withNewMetadata()
            .withName("canipull-1")
            .withNamespace("default")
            .endMetadata()
            .withNewSpec()
            .withRestartPolicy("Never")
            .withHostNetwork(true)
            .addNewContainer()
            .withName("canipull-1")
            .withImage("mcr.microsoft.com/aks/canipull:v0.1.0")
            .withArgs("-v6", "myacr.azurecr.io")
            .endContainer()
            .endSpec()
            .build());
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              var job = objects.require(Kinds.JOBS, "default", "once");
              assertThat(job.getStatus()).isNotNull();
              assertThat(job.getStatus().getConditions())
                  .isNotNull()
                  .anyMatch(c -> c.getType().equals("Complete"));
              assertThat(job.getStatus().getSucceeded()).isEqualTo(1);
              Pod c = objects.require(Kinds.PODS, "default", "canipull-1");
              assertThat(c.getStatus().getPhase()).isEqualTo("Failed");
              assertThat(c.getStatus().getContainerStatuses()).isNotEmpty();
              assertThat(
                      c.getStatus()
                          .getContainerStatuses()
                          .get(0)
                          .getState()
                          .getTerminated()
                          .getExitCode())
                  .isEqualTo(60);
            });
    assertThat(objects.logs().all("default", "canipull-1", "canipull-1").orElseThrow())
        .contains("Checking host name resolution (myacr.azurecr.io): SUCCEEDED");
  }

  @Test
  void notReadyNodeRunsNothingAndUnschedulablePodsSayWhy() {
    ClusterState notReady =
        new ClusterState("aks1", "1.30.3", "10.0.0.0/16", "10.0.0.10", List.of(node(0, false)));
    runtimes.sync(KEY, notReady);
    nodes.available.add("nginx:1.27");
    objects.create(
        Kinds.PODS,
        new PodBuilder()
            .withNewMetadata()
            .withName("lonely")
            .withNamespace("default")
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withName("c")
            .withImage("nginx:1.27")
            .endContainer()
            .endSpec()
            .build());
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(events(objects.require(Kinds.PODS, "default", "lonely")))
                    .contains(
                        "FailedScheduling 0/1 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/not-ready: }. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling."));
    assertThat(nodes.pulls.get()).isZero();
    runtimes.sync(KEY, state(1));
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> assertThat(running(objects.require(Kinds.PODS, "default", "lonely"))).isTrue());
  }
}
