package dev.moat.containerservice.service;

import dev.moat.arm.lro.LongRunningOperations;
import dev.moat.containerservice.model.AgentPool;
import dev.moat.containerservice.model.ClusterStore;
import dev.moat.containerservice.model.ManagedCluster;
import dev.moat.containerservice.model.Naming;
import dev.moat.containerservice.model.PoolSpec;
import dev.moat.containerservice.model.PoolStatus;
import dev.moat.containerservice.model.ProvisioningState;
import dev.moat.containerservice.validation.ClusterRules;
import dev.moat.containerservice.validation.ContainerServiceError;
import dev.moat.containerservice.validation.KubernetesVersions;
import dev.moat.containerservice.validation.ReferenceRules;
import dev.moat.platform.error.CommonError;
import dev.moat.platform.id.ResourceId;
import dev.moat.platform.reconcile.Operation;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Agent-pool operations, including {@code upgradeNodeImageVersion} (reimage every node). */
public final class PoolService {
  private final ClusterStore store;
  private final ClusterService clusters;
  private final ClusterRules rules;
  private final ReferenceRules references;
  private final KubernetesVersions versions;
  private final LongRunningOperations lro;
  private final Clock clock;

  public PoolService(
      ClusterStore store,
      ClusterService clusters,
      ClusterRules rules,
      ReferenceRules references,
      KubernetesVersions versions,
      LongRunningOperations lro,
      Clock clock) {
    this.store = store;
    this.clusters = clusters;
    this.rules = rules;
    this.references = references;
    this.versions = versions;
    this.lro = lro;
    this.clock = clock;
  }

  /** A pool write and the operation that tracks it. */
  public record Written(AgentPool pool, Operation operation, boolean created) {}

  public AgentPool get(ResourceId id) {
    clusters.get(id.parent().orElseThrow());
    return store.pool(id).orElseThrow(() -> ClusterService.notFound(id));
  }

  public List<AgentPool> list(ResourceId cluster) {
    clusters.get(cluster);
    return store.pools(cluster);
  }

  /** The spec stored for the pool, if any (what an update omits). */
  public Optional<PoolSpec> spec(ResourceId id) {
    return find(id).map(AgentPool::spec);
  }

  /** The stored pool, if any. */
  public Optional<AgentPool> find(ResourceId id) {
    return store.pool(id);
  }

  public Written put(ResourceId id, PoolSpec spec) {
    rules.validatePoolName(id.name());
    ManagedCluster cluster = clusters.get(id.parent().orElseThrow());
    ClusterService.requireIdle(cluster);
    Optional<AgentPool> existing = store.pool(id);
    existing.ifPresent(PoolService::requireIdle);
    Map<String, PoolSpec> all = new LinkedHashMap<>();
    store.pools(cluster.id()).forEach(p -> all.put(p.id().name(), p.spec()));
    all.put(id.name(), spec);
    String version = clusters.currentVersion(cluster);
    boolean byo = all.values().stream().anyMatch(p -> p.vnetSubnetId() != null);
    rules.validate(cluster.spec(), version, all, cluster.spec(), byo);
    references.validate(cluster.id(), cluster.spec(), Map.of(id.name(), spec));
    if (spec.orchestratorVersion() != null
        && versions.resolve(spec.orchestratorVersion()).isEmpty()) {
      throw ContainerServiceError.VERSION_NOT_SUPPORTED.exception(spec.orchestratorVersion());
    }
    Instant now = clock.instant();
    Written w =
        store
            .database()
            .inTransaction(
                c -> {
                  clusters.savePool(id, spec, now);
                  AgentPool saved = store.pool(id).orElseThrow();
                  return new Written(
                      saved,
                      lro.start(id, existing.isPresent() ? "Update" : "Create"),
                      existing.isEmpty());
                });
    lro.reconcile(id);
    return w;
  }

  /**
   * Reimages every node of the pool with the cluster's current bootstrap configuration: bumps the
   * pool's generation so the reconciler re-bootstraps each node imaged for an older one.
   */
  public Written upgradeNodeImage(ResourceId id) {
    ManagedCluster cluster = clusters.get(id.parent().orElseThrow());
    ClusterService.requireIdle(cluster);
    Instant now = clock.instant();
    Written w =
        store
            .database()
            .inTransaction(
                c -> {
                  AgentPool pool = get(id);
                  requireIdle(pool);
                  PoolStatus s = pool.status();
                  AgentPool upgrading =
                      pool.withStatus(
                          new PoolStatus(
                              ProvisioningState.UpgradingNodeImageVersion,
                              now,
                              s.generation() + 1,
                              Naming.NODE_IMAGE,
                              s.nodes()));
                  store.save(upgrading);
                  return new Written(upgrading, lro.start(id, "UpgradeNodeImage"), false);
                });
    lro.reconcile(id);
    return w;
  }

  /** Empty when there was no pool (204). */
  public Optional<Written> beginDelete(ResourceId id) {
    ManagedCluster cluster = clusters.get(id.parent().orElseThrow());
    Optional<Written> w =
        store
            .database()
            .inTransaction(
                c -> {
                  Optional<AgentPool> found = store.pool(id);
                  if (found.isEmpty()) {
                    return Optional.<Written>empty();
                  }
                  AgentPool pool = found.get();
                  if (pool.status().provisioningState() == ProvisioningState.Deleting) {
                    List<Operation> running = lro.inProgress(id);
                    if (!running.isEmpty()) {
                      return Optional.of(new Written(pool, running.get(0), false));
                    }
                  }
                  boolean otherSystem =
                      store.pools(cluster.id()).stream()
                          .anyMatch(
                              p ->
                                  !p.id().equals(id) && "System".equalsIgnoreCase(p.spec().mode()));
                  if ("System".equalsIgnoreCase(pool.spec().mode()) && !otherSystem) {
                    throw ContainerServiceError.LAST_SYSTEM_POOL.exception();
                  }
                  AgentPool deleting =
                      pool.withStatus(
                          pool.status().with(ProvisioningState.Deleting, clock.instant()));
                  store.save(deleting);
                  return Optional.of(new Written(deleting, lro.start(id, "Delete"), false));
                });
    w.ifPresent(x -> lro.reconcile(id));
    return w;
  }

  static void requireIdle(AgentPool p) {
    if (!p.status().provisioningState().terminal()) {
      throw CommonError.ANOTHER_OPERATION_IN_PROGRESS.exception(
          p.status().provisioningState().name(), p.id());
    }
  }
}
