package dev.moat.containerservice.reconcile;

import dev.moat.platform.contracts.NodeBootstrapper;
import dev.moat.platform.contracts.NodeBootstrapper.NodeOutcome;
import dev.moat.platform.contracts.NodeBootstrapper.NodeSpec;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Node bootstraps in flight. {@link NodeBootstrapper#bootstrap} blocks for as long as a node takes,
 * so it runs on a small executor owned here, not on the reconcile engine's threads: a reconcile
 * starts a launch, requeues, and collects the outcome on a later run. Launches live only in memory;
 * after a restart the reconciler simply starts the still-pending nodes again.
 */
public final class NodeLaunches implements AutoCloseable {
  private final NodeBootstrapper nodes;
  private final ExecutorService executor;
  private final ConcurrentHashMap<String, CompletableFuture<NodeOutcome>> running =
      new ConcurrentHashMap<>();

  public NodeLaunches(NodeBootstrapper nodes, int threads) {
    this.nodes = nodes;
    AtomicInteger n = new AtomicInteger();
    this.executor =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "aks-node-bootstrap-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * The outcome of bootstrapping {@code spec} under {@code key}, starting it if it is not running;
   * empty while it runs. A collected outcome is forgotten.
   */
  public Optional<NodeOutcome> poll(String key, NodeSpec spec) {
    CompletableFuture<NodeOutcome> f =
        running.computeIfAbsent(
            key, k -> CompletableFuture.supplyAsync(() -> bootstrap(spec), executor));
    if (!f.isDone()) {
      return Optional.empty();
    }
    running.remove(key, f);
    return Optional.of(f.join());
  }

  private NodeOutcome bootstrap(NodeSpec spec) {
    try {
      return nodes.bootstrap(spec);
    } catch (RuntimeException e) {
      // An agent crash is a node failure the user sees, not a reconcile error to retry.
      return new NodeOutcome(
          false, 1, "ERR_UNEXPECTED", String.valueOf(e.getMessage()), List.of(), Duration.ZERO);
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
