package dev.moat.kube.runtime;

import dev.moat.kube.runtime.ClusterState.ClusterNode;
import dev.moat.kube.runtime.ClusterState.NodeImage;
import dev.moat.kube.store.ClusterObjects;
import dev.moat.kube.store.DeleteOptions;
import dev.moat.kube.store.JdbcKubeStore;
import dev.moat.kube.store.Kinds;
import dev.moat.kube.store.ListOptions;
import dev.moat.kube.store.WatchEvent;
import dev.moat.platform.contracts.NodeBootstrapper.ArtifactSource;
import dev.moat.platform.contracts.NodeBootstrapper.NodeSpec;
import dev.moat.platform.id.ResourceId;
import dev.moat.platform.reconcile.ExecutorScheduler;
import dev.moat.platform.store.SqliteDatabase;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
    // 3 nodes as in the target; more when the replicas (and each node's system pods) would not fit
    // in 3 × 250 allocatable pods, e.g. 6 nodes for the 1,000-pod heap figure.
    int nodeCount = Math.max(3, (replicas + 199) / 200 + 1);
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
          IntStream.range(0, nodeCount)
              .mapToObj(
                  i ->
                      new ClusterNode(
                          new NodeSpec(
                              String.format(Locale.ROOT, "aks-nodepool1-1-vmss%06d", i),
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
      // First rollout in a fresh JVM (the JIT compiles as it goes), then, after it is deleted, the
      // same rollout in a warm JVM, as in a server that has been up for a while. Heap is measured
      // around the second: the watch ring is full by then, so the growth is what the pods keep.
      Rollout cold = rollout(objects, "warmup", replicas);
      System.out.println("workloads: " + nodeCount + " nodes; cold JVM: " + cold);
      objects.delete(Kinds.DEPLOYMENTS, "default", "warmup", DeleteOptions.background());
      long deadline = System.nanoTime() + 600_000_000_000L;
      while (!objects.list(Kinds.PODS, ListOptions.in("default")).items().isEmpty()
          && System.nanoTime() < deadline) {
        Thread.sleep(200); // a benchmark loop, not a test wait
      }
      long heapBefore = usedHeapAfterGc();
      Map<String, Long> classesBefore = Boolean.getBoolean("bench.histo") ? histogram() : Map.of();
      Rollout warm = rollout(objects, "web", replicas);
      System.out.println("workloads: warm JVM: " + warm);
      Thread.sleep(1000); // idle: let the last events drain before measuring what the pods keep
      long heapAfter = usedHeapAfterGc();
      System.out.printf(
          Locale.ROOT,
          "workloads: %d/%d replicas Running in %.2f s (%.1f pods/s) warm, %.2f s cold;"
              + " heap %+d KiB for %d idle pods = %.2f KiB/pod (%.0f KiB per 1,000 pods)%n",
          warm.running(),
          replicas,
          warm.seconds(),
          warm.running() / warm.seconds(),
          cold.seconds(),
          (heapAfter - heapBefore) / 1024,
          replicas,
          (heapAfter - heapBefore) / 1024.0 / replicas,
          (heapAfter - heapBefore) / 1024.0 / replicas * 1000);
      if (Boolean.getBoolean("bench.histo")) {
        // Where the growth is: live bytes per class, after minus before, largest first.
        Map<String, Long> after = histogram();
        after.entrySet().stream()
            .map(
                e ->
                    Map.entry(
                        e.getKey(), e.getValue() - classesBefore.getOrDefault(e.getKey(), 0L)))
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
            .limit(25)
            .forEach(
                e ->
                    System.out.printf(
                        Locale.ROOT, "heap growth: %+9d B  %s%n", e.getValue(), e.getKey()));
      }
      runtimes.close();
      store.close();
    }
  }

  /** One rollout's figures: seconds from create until all replicas were created, bound, Running. */
  record Rollout(int running, double seconds, double created, double bound) {
    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "%d Running in %.2f s (all created at %.2f s, all bound at %.2f s)",
          running,
          seconds,
          created,
          bound);
    }
  }

  /** Creates Deployment {@code name} and waits, through a watch, until its pods are Running. */
  private static Rollout rollout(ClusterObjects objects, String name, int replicas)
      throws InterruptedException {
    // Pods as a watcher sees them (kubectl rollout status watches too): a listener on the store's
    // committed changes, so counting costs nothing per poll.
    Set<String> running = ConcurrentHashMap.newKeySet();
    Set<String> created = ConcurrentHashMap.newKeySet();
    Set<String> bound = ConcurrentHashMap.newKeySet();
    long[] milestones = new long[2]; // all created, all bound (nanoTime)
    String prefix = name + "-";
    ClusterObjects.Registration watch =
        objects.listen(
            Kinds.PODS,
            e -> {
              Pod p = e.object();
              String pod = p.getMetadata().getName();
              if (!"default".equals(p.getMetadata().getNamespace()) || !pod.startsWith(prefix)) {
                return; // the system addons' pods, an earlier rollout's pods
              }
              long now = System.nanoTime();
              if (created.add(pod) && created.size() == replicas) {
                milestones[0] = now;
              }
              if (p.getSpec().getNodeName() != null && bound.add(pod) && bound.size() == replicas) {
                milestones[1] = now;
              }
              if (e.type() != WatchEvent.Type.DELETED
                  && p.getStatus() != null
                  && "Running".equals(p.getStatus().getPhase())) {
                running.add(pod);
              } else {
                running.remove(pod);
              }
            });
    long start = System.nanoTime();
    objects.create(
        Kinds.DEPLOYMENTS,
        new DeploymentBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace("default")
            .endMetadata()
            .withNewSpec()
            .withReplicas(replicas)
            .withNewSelector()
            .withMatchLabels(Map.of("app", name))
            .endSelector()
            .withNewTemplate()
            .withNewMetadata()
            .withLabels(Map.of("app", name))
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
    long deadline = System.nanoTime() + 600_000_000_000L;
    while (running.size() < replicas && System.nanoTime() < deadline) {
      Thread.sleep(10); // a benchmark loop, not a test wait; the count comes from the watch
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    watch.close();
    return new Rollout(
        running.size(), seconds, (milestones[0] - start) / 1e9, (milestones[1] - start) / 1e9);
  }

  /** Live bytes per class, from {@code jcmd GC.class_histogram}'s text. */
  private static Map<String, Long> histogram() throws Exception {
    Object out =
        ManagementFactory.getPlatformMBeanServer()
            .invoke(
                new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"),
                "gcClassHistogram",
                new Object[] {new String[0]},
                new String[] {String[].class.getName()});
    Map<String, Long> bytes = new java.util.HashMap<>();
    for (String line : String.valueOf(out).lines().toList()) {
      String[] f = line.trim().split("\\s+");
      if (f.length >= 4 && f[0].endsWith(":")) {
        bytes.put(f[3], Long.parseLong(f[2]));
      }
    }
    return bytes;
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
