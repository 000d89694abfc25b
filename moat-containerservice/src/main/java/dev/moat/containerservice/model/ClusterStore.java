package dev.moat.containerservice.model;

import dev.moat.platform.id.ResourceId;
import dev.moat.platform.store.Database;
import dev.moat.platform.store.ResourceDocuments;
import dev.moat.platform.store.ResourceTable;
import java.util.List;
import java.util.Optional;

/** The provider's tables; every method joins the caller's transaction. */
public final class ClusterStore {
  private final Database database;
  private final ResourceTable<ManagedCluster> clusters;
  private final ResourceTable<AgentPool> pools;

  public ClusterStore(ResourceDocuments documents) {
    this.database = documents.database();
    this.clusters =
        new ResourceTable<>(documents, ContainerServiceTypes.MANAGED_CLUSTER, ManagedCluster.class);
    this.pools = new ResourceTable<>(documents, ContainerServiceTypes.AGENT_POOL, AgentPool.class);
  }

  public Database database() {
    return database;
  }

  public Optional<ManagedCluster> cluster(ResourceId id) {
    return clusters.get(id);
  }

  public List<ManagedCluster> clustersIn(ResourceId group) {
    return clusters.listChildren(group);
  }

  public List<ManagedCluster> clustersInSubscription(String subscriptionId) {
    return clusters.listInSubscription(subscriptionId);
  }

  public void save(ManagedCluster cluster) {
    clusters.put(cluster.id(), cluster);
  }

  /** Removes the cluster and its pools. */
  public void deleteCluster(ResourceId id) {
    clusters.delete(id);
  }

  public Optional<AgentPool> pool(ResourceId id) {
    return pools.get(id);
  }

  /** The cluster's pools, in creation order of their names as stored. */
  public List<AgentPool> pools(ResourceId cluster) {
    return pools.listChildren(cluster);
  }

  public void save(AgentPool pool) {
    pools.put(pool.id(), pool);
  }

  public void deletePool(ResourceId id) {
    pools.delete(id);
  }
}
