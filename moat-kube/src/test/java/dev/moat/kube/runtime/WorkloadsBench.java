package dev.moat.kube.runtime;

import dev.moat.kube.runtime.ClusterState.ClusterNode;
import dev.moat.kube.runtime.ClusterState.NodeImage;
import dev.moat.kube.store.ClusterObjects;
import dev.moat.kube.store.JdbcKubeStore;
import dev.moat.kube.store.Kinds;
import dev.moat.kube.store.ListOptions;
import dev.moat.platform.contracts.NodeBootstrapper.ArtifactSource;
import dev.moat.platform.contracts.NodeBootstrapper.NodeSpec;
import dev.moat.platform.id.ResourceId;
import dev.moat.platform.reconcile.ExecutorScheduler;
import dev.moat.platform.store.SqliteDatabase;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Figures for {@code bench/workloads.sh} (prints, asserts nothing): pods per second to Running for
 * a deployment on a 3-node cluster whose nodes already hold the image (warm cache: the kubelet
 * reports "already present", no pull), through the real store, controllers, scheduler and kubelets;
 * and the heap each idle pod costs after a full GC. Runs only with {@code -Dbench=true}.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class WorkloadsBench {
  private static final String IMAGE = "myacr.azurecr.io/app:v1";

  @Test
  void deploymentToRunning() throws Exception {
    int replicas = Integer.getInteger("bench.replicas", 200);
    Path dir = Files.createTempDirectory("moat-bench");
    try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("moat.db"), false);
        ExecutorScheduler timer = new ExecutorScheduler()) {
      JdbcKubeStore store = new JdbcKubeStore(db, Clock.systemUTC());
      KubeRuntimes runtimes =
          new KubeRuntimes(store, new FakeNodeRuntime(), Clock.systemUTC(), timer, 2, 16);
      ResourceId cluster =
          ResourceId.parse(
              "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/bench");
      List<ClusterNode> nodes =
          IntStream.range(0, 3)
              .mapToObj(
                  i ->
                      new ClusterNode(
                          new NodeSpec(
                              "aks-nodepool1-1-vmss00000" + i,
                              cluster,
                              ResourceId.parse(cluster + "/agentPools/nodepool1"),
                              null,
                              "10.224.0." + (4 + i),
                              null,
                              "1.30.3",
                              "img",
                              ArtifactSource.Cache,
                              "myacr.azurecr.io",
                              "none"),
                          "nodepool1",
                          "System",
                          true,
                          "",
                          java.time.Instant.EPOCH,
                          250,
                          List.of(
                              new NodeImage(
                                  List.of(IMAGE, "myacr.azurecr.io/app@sha256:" + "a".repeat(64)),
                                  1))))
              .toList();
      runtimes.sync(
          "bench", new ClusterState("bench", "1.30.3", "10.0.0.0/16", "10.0.0.10", nodes));
      ClusterObjects objects = store.cluster("bench");
      long heapBefore = usedHeapAfterGc();
      long start = System.nanoTime();
      objects.create(
          Kinds.DEPLOYMENTS,
          new DeploymentBuilder()
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
              .withName("app")
              .withImage(IMAGE)
              .endContainer()
              .endSpec()
              .endTemplate()
              .endSpec()
              .build());
      long running;
      do {
        Thread.sleep(50); // a benchmark loop, not a test wait
        running =
            objects.list(Kinds.PODS, ListOptions.in("default")).items().stream()
                .filter(p -> "Running".equals(p.getStatus().getPhase()))
                .count();
      } while (running < replicas && System.nanoTime() - start < 600_000_000_000L);
      double seconds = (System.nanoTime() - start) / 1e9;
      long heapAfter = usedHeapAfterGc();
      System.out.printf(
          Locale.ROOT,
          "workloads: %d/%d replicas Running in %.2f s (%.1f pods/s); heap %+d KiB for %d pods = %.2f KiB/pod%n",
          running,
          replicas,
          seconds,
          running / seconds,
          (heapAfter - heapBefore) / 1024,
          replicas,
          (heapAfter - heapBefore) / 1024.0 / replicas);
      runtimes.close();
      store.close();
    }
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
