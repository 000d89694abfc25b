package dev.moat.kube.runtime;

import dev.moat.platform.contracts.NodeBootstrapper.NodeSpec;
import java.time.Instant;
import java.util.List;

/**
 * What the managed-cluster provider knows of a cluster, handed to its Kubernetes runtime by node
 * sync.
 *
 * @param kubernetesVersion e.g. {@code 1.30.3}
 * @param serviceCidr {@code networkProfile.serviceCidr} (default {@code 10.0.0.0/16})
 * @param dnsServiceIp {@code networkProfile.dnsServiceIp} (default {@code 10.0.0.10})
 * @param nodes every node of every pool, in pool then index order
 */
public record ClusterState(
    String name,
    String kubernetesVersion,
    String serviceCidr,
    String dnsServiceIp,
    List<ClusterNode> nodes) {
  public ClusterState {
    nodes = List.copyOf(nodes);
  }

  /**
   * One node.
   *
   * @param spec what the node was imaged with (the kubelet pulls with it)
   * @param ready whether its bootstrap succeeded; a node still bootstrapping or failed is NotReady
   * @param notReadyMessage the bootstrap's cause when not Ready
   * @param imagedAt when the node was last imaged: a new value (reimage) replaces its image list
   * @param maxPods the pool's {@code maxPods} (AKS default 250 for Azure CNI)
   * @param images what it pulled at bootstrap, as {@code Node.status.images} entries
   */
  public record ClusterNode(
      NodeSpec spec,
      String agentPool,
      String mode,
      boolean ready,
      String notReadyMessage,
      Instant imagedAt,
      int maxPods,
      List<NodeImage> images) {
    public ClusterNode {
      images = List.copyOf(images);
    }

    public String name() {
      return spec.nodeName();
    }
  }

  /** An image on a node: names as containerd lists them (tag reference and {@code repo@digest}). */
  public record NodeImage(List<String> names, long sizeBytes) {
    public NodeImage {
      names = List.copyOf(names);
    }
  }
}
