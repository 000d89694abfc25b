package dev.moat.containerservice.reconcile;

import dev.moat.containerservice.model.AgentPool;
import dev.moat.containerservice.model.ContainerServiceTypes;
import dev.moat.containerservice.model.ManagedCluster;
import dev.moat.containerservice.model.ProvisioningState;
import dev.moat.platform.error.ArmError;
import dev.moat.platform.error.ArmException;
import dev.moat.platform.id.ResourceId;
import dev.moat.platform.id.ResourceType;
import dev.moat.platform.reconcile.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Drives one agent pool's own operations (create, update, {@code upgradeNodeImageVersion}, delete)
 * with the same steps the cluster reconciler uses for all its pools.
 */
public final class AgentPoolReconciler extends ClusterReconcilerBase {

  public AgentPoolReconciler(Parts parts) {
    super(parts);
  }

  @Override
  public ResourceType type() {
    return ContainerServiceTypes.AGENT_POOL;
  }

  @Override
  public Outcome reconcile(ResourceId id) {
    Optional<AgentPool> found = store.pool(id);
    Optional<ManagedCluster> cluster = store.cluster(id.parent().orElseThrow());
    if (found.isEmpty()
        || cluster.isEmpty()
        || found.get().status().provisioningState().terminal()) {
      return Outcome.done();
    }
    AgentPool pool = found.get();
    Optional<Duration> wait = remaining(pool.status().since());
    if (wait.isPresent()) {
      return Outcome.requeueAfter(wait.get());
    }
    if (pool.status().provisioningState() == ProvisioningState.Deleting) {
      addresses.release(id);
      store.deletePool(id);
      pools.nodesChanged(id.parent().orElseThrow());
      return Outcome.done();
    }
    ManagedCluster c = cluster.get();
    PoolConvergence.Step step;
    try {
      List<AgentPool> all = store.pools(c.id());
      ClusterInfrastructure.Ensured ensured = infrastructure.ensure(c, all);
      c = c.withStatus(ensured.status());
      ManagedCluster saved = c;
      store
          .database()
          .inTransaction(
              x -> {
                store
                    .cluster(saved.id())
                    .ifPresent(
                        fresh ->
                            store.save(
                                fresh.withStatus(
                                    ensured
                                        .status()
                                        .with(
                                            fresh.status().provisioningState(),
                                            fresh.status().since()))));
                return null;
              });
      if (!ensured.settled()) {
        return Outcome.awaitChange(ensured.watched(), FALLBACK);
      }
      String version =
          versions.resolve(c.spec().kubernetesVersion()).orElse(c.spec().kubernetesVersion());
      step = pools.step(c, pool, version, id);
    } catch (ArmException e) {
      step = new PoolConvergence.Step(false, Optional.of(e.error()));
    }
    if (step.pending()) {
      // Node launches wake the pool as they end.
      return Outcome.requeueAfter(FALLBACK);
    }
    Optional<ArmError> failure = step.failure();
    ProvisioningState end =
        failure.isPresent() ? ProvisioningState.Failed : ProvisioningState.Succeeded;
    store
        .database()
        .inTransaction(
            x -> {
              store
                  .pool(id)
                  .ifPresent(
                      p -> store.save(p.withStatus(p.status().with(end, p.status().since()))));
              return null;
            });
    return failure.map(Outcome::failed).orElse(Outcome.done());
  }
}
