package dev.moat.kube.runtime;

import dev.moat.kube.control.KeyedLoop;
import dev.moat.kube.control.Loops;
import dev.moat.kube.store.KubeStore;
import dev.moat.platform.contracts.NodeRuntime;
import dev.moat.platform.reconcile.Scheduler;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Kubernetes runtimes of all clusters: started on a cluster's first node sync, closed with the
 * cluster. Controllers of all clusters share one small executor; kubelets, whose pulls block on the
 * network, share a larger one. Thread-safe.
 *
 * <p>On a team server a cluster's runtime must run in exactly one replica (two would run two
 * kubelets per node and two of each controller): {@link Ownership} claims it before it starts and
 * on every sync; a runtime whose claim is lost stops here.
 */
public final class KubeRuntimes implements AutoCloseable {
  private final KubeStore store;
  private final NodeRuntime nodeRuntime;
  private final Clock clock;
  private final Scheduler scheduler;
  private final ExecutorService controllers;
  private final ExecutorService kubelets;
  private final Map<String, ClusterRuntime> running = new ConcurrentHashMap<>();
  private final Ownership ownership;

  /** Which replica runs a cluster's runtime. */
  public interface Ownership {
    /** True when this replica runs (or may start) the runtime of the cluster {@code key}. */
    boolean claim(String key);

    /** This replica no longer runs the runtime of {@code key}. */
    void release(String key);

    /** A single server runs every cluster. */
    static Ownership everything() {
      return new Ownership() {
        @Override
        public boolean claim(String key) {
          return true;
        }

        @Override
        public void release(String key) {}
      };
    }
  }

  public KubeRuntimes(
      KubeStore store,
      NodeRuntime nodeRuntime,
      Clock clock,
      Scheduler scheduler,
      int controllerThreads,
      int kubeletThreads) {
    this(
        store,
        nodeRuntime,
        clock,
        scheduler,
        controllerThreads,
        kubeletThreads,
        Ownership.everything());
  }

  public KubeRuntimes(
      KubeStore store,
      NodeRuntime nodeRuntime,
      Clock clock,
      Scheduler scheduler,
      int controllerThreads,
      int kubeletThreads,
      Ownership ownership) {
    this.ownership = ownership;
    this.store = store;
    this.nodeRuntime = nodeRuntime;
    this.clock = clock;
    this.scheduler = scheduler;
    this.controllers = pool("kube-controller", controllerThreads);
    this.kubelets = pool("kubelet", kubeletThreads);
  }

  private static ExecutorService pool(String name, int threads) {
    AtomicInteger n = new AtomicInteger();
    return Executors.newFixedThreadPool(
        threads,
        r -> {
          Thread t = new Thread(r, name + "-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
  }

  /** Node sync for the cluster with API key {@code key}: starts its runtime on first use. */
  public void sync(String key, ClusterState state) {
    if (!ownership.claim(key)) {
      ClusterRuntime lost = running.remove(key); // another replica runs it (now)
      if (lost != null) {
        lost.close();
      }
      return;
    }
    boolean[] fresh = {false};
    ClusterRuntime r =
        running.computeIfAbsent(
            key,
            k -> {
              fresh[0] = true;
              Loops controllerLoops = (name, h) -> new KeyedLoop(name, controllers, scheduler, h);
              Loops kubeletLoops = (name, h) -> new KeyedLoop(name, kubelets, scheduler, h);
              return new ClusterRuntime(
                  store.cluster(k), nodeRuntime, clock, controllerLoops, kubeletLoops);
            });
    r.sync(state);
    if (fresh[0]) {
      r.startKubelets();
    }
  }

  /** Whether the runtime of {@code key} runs in this process. */
  public boolean runs(String key) {
    return running.containsKey(key);
  }

  /** Stops the cluster's runtime and deletes all its objects and logs. */
  public void delete(String key) {
    ClusterRuntime r = running.remove(key);
    if (r != null) {
      r.close();
    }
    ownership.release(key);
    store.deleteCluster(key);
  }

  @Override
  public void close() {
    running.values().forEach(ClusterRuntime::close);
    running.clear();
    controllers.shutdownNow();
    kubelets.shutdownNow();
  }
}
