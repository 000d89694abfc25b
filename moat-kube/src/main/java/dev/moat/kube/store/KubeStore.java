package dev.moat.kube.store;

import java.util.Set;

/**
 * The Kubernetes objects of every cluster, in Moat's database, by cluster key (the key of {@code
 * /moat/kube/{key}}). Create one per server with {@code new JdbcKubeStore(database, clock)};
 * thread-safe.
 */
public interface KubeStore extends AutoCloseable {

  /**
   * The objects of the cluster with this key; the first call for a new key creates its default
   * namespaces ({@code default}, {@code kube-system}, {@code kube-public}, {@code kube-node-lease})
   * and the {@code default} service account of each. Returns the same instance per key.
   */
  ClusterObjects cluster(String key);

  /** The keys of clusters that have objects. */
  Set<String> clusterKeys();

  /** Removes every object and log of a cluster (when the managed cluster is deleted). */
  void deleteCluster(String key);

  /** Stops dispatch threads; does not close the database. */
  @Override
  void close();
}
