package dev.moat.containerservice.reconcile;

import dev.moat.platform.contracts.NodeBootstrapper;
import dev.moat.platform.contracts.NodeBootstrapper.NodeOutcome;
import dev.moat.platform.contracts.NodeBootstrapper.NodeSpec;
import dev.moat.platform.id.ResourceId;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Node bootstraps in flight. {@link NodeBootstrapper#bootstrap} blocks for as long as a node takes,
 * so it runs on a small executor owned here, not on the reconcile engine's threads: a reconcile
 * starts a launch, requeues, and collects the outcome on a later run. Launches live only in memory;
 * after a restart the reconciler simply starts the still-pending nodes again.
 */
public final class NodeLaunches implements AutoCloseable {
  private final NodeBootstrapper nodes;
  private final ExecutorService executor;
  private final Consumer<ResourceId> wake;
  private final ConcurrentHashMap<String, CompletableFuture<NodeOutcome>> running =
      new ConcurrentHashMap<>();

  public NodeLaunches(NodeBootstrapper nodes, int threads) {
    this(nodes, threads, id -> {});
  }

  /**
   * @param wake asks for a resource to be reconciled (the engine's enqueue): called with the waiter
   *     of a launch when it ends, so reconciles wait for events rather than poll
   */
  public NodeLaunches(NodeBootstrapper nodes, int threads, Consumer<ResourceId> wake) {
    this.nodes = nodes;
    this.wake = wake;
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
    return poll(key, spec, null);
  }

  /**
   * {@link #poll(String, NodeSpec)}, and when the launch is still running, wakes {@code waiter} (if
   * not null) once it ends.
   */
  public Optional<NodeOutcome> poll(String key, NodeSpec spec, ResourceId waiter) {
    CompletableFuture<NodeOutcome> f =
        running.computeIfAbsent(
            key, k -> CompletableFuture.supplyAsync(() -> bootstrap(spec), executor));
    if (!f.isDone()) {
      if (waiter != null) {
        f.whenComplete((outcome, error) -> wake.accept(waiter));
      }
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
