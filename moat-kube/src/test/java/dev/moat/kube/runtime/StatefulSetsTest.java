package dev.moat.kube.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.moat.kube.runtime.ClusterState.ClusterNode;
import dev.moat.kube.store.ClusterObjects;
import dev.moat.kube.store.JdbcKubeStore;
import dev.moat.kube.store.Kinds;
import dev.moat.kube.store.ListOptions;
import dev.moat.platform.contracts.NodeBootstrapper.ArtifactSource;
import dev.moat.platform.contracts.NodeBootstrapper.NodeSpec;
import dev.moat.platform.id.ResourceId;
import dev.moat.platform.store.SqliteDatabase;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * StatefulSets over the real store with a test node runtime: ordered names, OrderedReady creation
 * (ordinal 1 waits for 0 to run), highest-first scale-down and a rolling update to a new revision.
 */
class StatefulSetsTest {
  private static final String SUB = "/subscriptions/00000000-0000-0000-0000-000000000001";
  private static final ResourceId CLUSTER =
      ResourceId.parse(
          SUB + "/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks1");

  @TempDir Path dir;

  private static ClusterNode node(int i) {
    String name = "aks-nodepool1-12345678-vmss00000" + i;
    NodeSpec spec =
        new NodeSpec(
            name,
            CLUSTER,
            ResourceId.parse(CLUSTER + "/agentPools/nodepool1"),
            ResourceId.parse(
                SUB + "/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/s"),
            "10.224.0." + (4 + i),
            ResourceId.parse(
                SUB
                    + "/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/kubelet"),
            "1.30.3",
            "AKSUbuntu-2204gen2containerd-202510.01.0",
            ArtifactSource.Cache,
            "myacr.azurecr.io",
            "none");
    return new ClusterNode(
        spec,
        "nodepool1",
        "System",
        true,
        "",
        Instant.parse("2026-12-04T11:59:00Z"),
        250,
        List.of());
  }

  private static StatefulSet db(String image, int replicas) {
    return new StatefulSetBuilder()
        .withNewMetadata()
        .withName("db")
        .withNamespace("default")
        .endMetadata()
        .withNewSpec()
        .withServiceName("db")
        .withReplicas(replicas)
        .withNewSelector()
        .withMatchLabels(Map.of("app", "db"))
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .withLabels(Map.of("app", "db"))
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("db")
        .withImage(image)
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  private static List<String> names(ClusterObjects objects) {
    return objects.list(Kinds.PODS, ListOptions.in("default")).items().stream()
        .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
        .map(p -> p.getMetadata().getName())
        .sorted()
        .toList();
  }

  private static boolean running(Pod p) {
    return "Running".equals(p.getStatus().getPhase());
  }

  @Test
  void orderedCreationScaleDownAndRollingUpdate() {
    TestTime time = new TestTime(Instant.parse("2026-12-04T12:00:00Z"));
    FakeNodeRuntime nodes = new FakeNodeRuntime();
    try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("moat.db"), false);
        JdbcKubeStore store = new JdbcKubeStore(db, time);
        KubeRuntimes runtimes = new KubeRuntimes(store, nodes, time, time, 2, 2)) {
      ClusterObjects objects = store.cluster("c1");
      runtimes.sync(
          "c1",
          new ClusterState(
              "aks1", "1.30.3", "10.0.0.0/16", "10.0.0.10", List.of(node(0), node(1))));
      objects.create(Kinds.STATEFUL_SETS, db("postgres:16", 3));

      // db-0 cannot pull: OrderedReady keeps db-1 from being created.
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> nodes.pulls.get() > 0 && names(objects).equals(List.of("db-0")));
      Pod first = objects.require(Kinds.PODS, "default", "db-0");
      assertThat(first.getMetadata().getLabels())
          .containsEntry("statefulset.kubernetes.io/pod-name", "db-0")
          .containsEntry("apps.kubernetes.io/pod-index", "0")
          .containsKey("controller-revision-hash");
      assertThat(first.getSpec().getHostname()).isEqualTo("db-0");
      assertThat(first.getSpec().getSubdomain()).isEqualTo("db");
      assertThat(names(objects)).containsExactly("db-0");

      nodes.available.add("postgres:16");
      nodes.available.add("postgres:17");
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () -> {
                time.advance(Duration.ofSeconds(1)); // past the pull back-off
                assertThat(names(objects)).containsExactly("db-0", "db-1", "db-2");
                assertThat(objects.list(Kinds.PODS, ListOptions.in("default")).items())
                    .allMatch(StatefulSetsTest::running);
                StatefulSet s = objects.require(Kinds.STATEFUL_SETS, "default", "db");
                assertThat(s.getStatus().getReadyReplicas()).isEqualTo(3);
                assertThat(s.getStatus().getCurrentRevision())
                    .isEqualTo(s.getStatus().getUpdateRevision());
              });

      objects.modify(
          Kinds.STATEFUL_SETS,
          "default",
          "db",
          false,
          s -> {
            s.getSpec().setReplicas(2);
            return s;
          });
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(() -> assertThat(names(objects)).containsExactly("db-0", "db-1"));

      String oldRevision =
          objects.require(Kinds.STATEFUL_SETS, "default", "db").getStatus().getUpdateRevision();
      objects.modify(
          Kinds.STATEFUL_SETS,
          "default",
          "db",
          false,
          s -> {
            s.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("postgres:17");
            return s;
          });
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () -> {
                StatefulSet s = objects.require(Kinds.STATEFUL_SETS, "default", "db");
                assertThat(s.getStatus().getUpdateRevision()).isNotEqualTo(oldRevision);
                assertThat(s.getStatus().getCurrentRevision())
                    .isEqualTo(s.getStatus().getUpdateRevision());
                assertThat(s.getStatus().getUpdatedReplicas()).isEqualTo(2);
                assertThat(s.getStatus().getReadyReplicas()).isEqualTo(2);
                assertThat(objects.list(Kinds.PODS, ListOptions.in("default")).items())
                    .hasSize(2)
                    .allMatch(StatefulSetsTest::running)
                    .allMatch(
                        p -> p.getSpec().getContainers().get(0).getImage().equals("postgres:17"));
              });
    }
  }
}
