package dev.moat.containerservice.reconcile;

import dev.moat.containerservice.model.AgentPool;
import dev.moat.containerservice.model.ClusterStore;
import dev.moat.containerservice.model.ManagedCluster;
import dev.moat.containerservice.model.Naming;
import dev.moat.containerservice.model.Node;
import dev.moat.containerservice.service.ClusterKubeApi;
import dev.moat.containerservice.validation.ContainerServiceError;
import dev.moat.platform.contracts.NodeBootstrapper.ArtifactSource;
import dev.moat.platform.contracts.NodeBootstrapper.NodeOutcome;
import dev.moat.platform.contracts.NodeBootstrapper.NodeSpec;
import dev.moat.platform.contracts.SubnetAddresses;
import dev.moat.platform.error.ArmError;
import dev.moat.platform.id.ResourceId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * One step of a pool towards its node count: addresses from the subnet, then a bootstrap for each
 * node that is new or imaged for an older generation (created, scaled up, reimaged). A node is
 * imaged with the cluster's bootstrap configuration of that moment and keeps it (NI6).
 */
public final class PoolConvergence {
  private final ClusterStore store;
  private final SubnetAddresses addresses;
  private final NodeLaunches launches;
  private final Clock clock;
  private final ClusterKubeApi kube;

  public PoolConvergence(
      ClusterStore store,
      SubnetAddresses addresses,
      NodeLaunches launches,
      Clock clock,
      ClusterKubeApi kube) {
    this.store = store;
    this.addresses = addresses;
    this.launches = launches;
    this.clock = clock;
    this.kube = kube;
  }

  /** Node sync after a pool's nodes changed outside {@link #step} (pool deleted). */
  public void nodesChanged(ResourceId cluster) {
    kube.nodesChanged(cluster);
  }

  /** The cluster was deleted: so are its Kubernetes objects. */
  public void clusterDeleted(ResourceId cluster) {
    kube.clusterDeleted(cluster);
  }

  /** Where a pool stands: still bootstrapping, all Ready, or failed with a node's cause. */
  public record Step(boolean pending, Optional<ArmError> failure) {}

  /**
   * Steps the pool; {@code waiter} (the resource being reconciled) is woken when a node launch this
   * step is waiting for ends.
   */
  public Step step(ManagedCluster cluster, AgentPool pool, String version, ResourceId waiter) {
    ResourceId subnet =
        pool.spec().vnetSubnetId() != null
            ? pool.spec().vnetSubnetId()
            : cluster.status().managedSubnet();
    int count = pool.spec().count();
    List<String> names =
        IntStream.range(0, count).mapToObj(i -> Naming.nodeName(pool.id(), i)).toList();
    List<String> ips = addresses.allocate(subnet, pool.id(), count, names);
    long generation = pool.status().generation();
    ArtifactSource source = cluster.spec().bootstrap().artifactSource();
    String registry =
        source == ArtifactSource.Cache ? cluster.status().managedRegistryLoginServer() : null;
    List<Node> nodes = new ArrayList<>();
    boolean pending = false;
    Optional<ArmError> failure = Optional.empty();
    for (int i = 0; i < count; i++) {
      Node node = i < pool.status().nodes().size() ? pool.status().nodes().get(i) : null;
      boolean fresh =
          node == null
              || (node.state() == Node.NodeState.Pending)
              || node.generation() < generation;
      if (fresh) {
        NodeSpec spec =
            new NodeSpec(
                names.get(i),
                cluster.id(),
                pool.id(),
                subnet,
                ips.get(i),
                cluster.status().kubelet().resourceId(),
                version,
                pool.status().nodeImageVersion(),
                source,
                registry,
                cluster.spec().network().outboundType().name());
        String key = pool.id().key() + "|" + names.get(i) + "|" + generation;
        Optional<NodeOutcome> outcome = launches.poll(key, spec, waiter);
        node = outcome.map(o -> record(spec, generation, o)).orElse(pendingNode(spec, generation));
      }
      pending |= node.state() == Node.NodeState.Pending;
      if (node.state() == Node.NodeState.Failed && failure.isEmpty()) {
        failure =
            Optional.of(
                ContainerServiceError.NODE_PROVISIONING.error(
                    node.name(), node.exitCode(), node.exitName(), node.message()));
      }
      nodes.add(node);
    }
    List<Node> finalNodes = List.copyOf(nodes);
    store
        .database()
        .inTransaction(
            c -> {
              store
                  .pool(pool.id())
                  .ifPresent(p -> store.save(p.withStatus(p.status().withNodes(finalNodes))));
              return null;
            });
    kube.nodesChanged(cluster.id());
    return new Step(pending, failure);
  }

  private static Node pendingNode(NodeSpec s, long generation) {
    return new Node(
        s.nodeName(),
        s.privateIpAddress(),
        s.nodeImageVersion(),
        s.artifactSource(),
        s.registryLoginServer(),
        s.kubernetesVersion(),
        generation,
        Node.NodeState.Pending,
        0,
        null,
        null,
        null,
        List.of());
  }

  private Node record(NodeSpec s, long generation, NodeOutcome o) {
    return new Node(
        s.nodeName(),
        s.privateIpAddress(),
        s.nodeImageVersion(),
        s.artifactSource(),
        s.registryLoginServer(),
        s.kubernetesVersion(),
        generation,
        o.ready() ? Node.NodeState.Ready : Node.NodeState.Failed,
        o.exitCode(),
        o.exitName(),
        o.message(),
        clock.instant(),
        o.pulled());
  }
}
