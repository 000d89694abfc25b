package dev.moat.containerservice.reconcile;

import dev.moat.containerservice.model.AgentPool;
import dev.moat.containerservice.model.ClusterStatus;
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
 * Drives a managed cluster: after the provisioning delay, ensures its infrastructure, then steps
 * every pool until each node is Ready (Succeeded) or one failed (Failed, with the node's cause as
 * the operation error). Deleting removes what AKS created, frees addresses, then the documents.
 */
public final class ManagedClusterReconciler extends ClusterReconcilerBase {

  public ManagedClusterReconciler(Parts parts) {
    super(parts);
  }

  @Override
  public ResourceType type() {
    return ContainerServiceTypes.MANAGED_CLUSTER;
  }

  @Override
  public Outcome reconcile(ResourceId id) {
    Optional<ManagedCluster> found = store.cluster(id);
    if (found.isEmpty() || found.get().status().provisioningState().terminal()) {
      return Outcome.done();
    }
    ManagedCluster c = found.get();
    Optional<Duration> wait = remaining(c.status().since());
    if (wait.isPresent()) {
      return Outcome.requeueAfter(wait.get());
    }
    List<AgentPool> clusterPools = store.pools(id);
    if (c.status().provisioningState() == ProvisioningState.Deleting) {
      infrastructure.remove(c, clusterPools);
      clusterPools.forEach(p -> addresses.release(p.id()));
      store.deleteCluster(id);
      pools.clusterDeleted(id);
      return Outcome.done();
    }
    ClusterInfrastructure.Ensured ensured;
    try {
      ensured = infrastructure.ensure(c, clusterPools);
    } catch (ArmException e) {
      return fail(c, e.error());
    }
    ManagedCluster current = save(c, ensured.status());
    if (!ensured.settled()) {
      return Outcome.awaitChange(ensured.watched(), FALLBACK);
    }
    return converge(current, clusterPools);
  }

  private Outcome converge(ManagedCluster c, List<AgentPool> clusterPools) {
    String version =
        versions.resolve(c.spec().kubernetesVersion()).orElse(c.spec().kubernetesVersion());
    boolean pending = false;
    Optional<ArmError> failure = Optional.empty();
    for (AgentPool pool : clusterPools) {
      PoolConvergence.Step step;
      try {
        step = pools.step(c, pool, version, c.id());
      } catch (ArmException e) {
        step = new PoolConvergence.Step(false, Optional.of(e.error()));
      }
      pending |= step.pending();
      if (failure.isEmpty()) {
        failure = step.failure();
      }
    }
    if (pending) {
      return Outcome.requeueAfter(FALLBACK); // node launches wake the cluster as they end
    }
    ProvisioningState poolState =
        failure.isPresent() ? ProvisioningState.Failed : ProvisioningState.Succeeded;
    for (AgentPool pool : clusterPools) {
      store
          .database()
          .inTransaction(
              x -> {
                store
                    .pool(pool.id())
                    .filter(p -> p.status().provisioningState() != ProvisioningState.Deleting)
                    .ifPresent(
                        p ->
                            store.save(
                                p.withStatus(p.status().with(poolState, p.status().since()))));
                return null;
              });
    }
    if (failure.isPresent()) {
      return fail(c, failure.get());
    }
    save(c, c.status().withState(ProvisioningState.Succeeded));
    return Outcome.done();
  }

  private Outcome fail(ManagedCluster c, ArmError error) {
    save(c, c.status().withState(ProvisioningState.Failed));
    return Outcome.failed(error);
  }

  private ManagedCluster save(ManagedCluster c, ClusterStatus status) {
    return store
        .database()
        .inTransaction(
            x -> {
              ManagedCluster fresh = store.cluster(c.id()).orElse(c);
              ManagedCluster updated =
                  fresh.withStatus(
                      status.with(
                          fresh.status().provisioningState() == ProvisioningState.Deleting
                              ? ProvisioningState.Deleting
                              : status.provisioningState(),
                          fresh.status().since()));
              store.save(updated);
              return updated;
            });
  }
}
