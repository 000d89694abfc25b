package dev.moat.platform.contracts;

import dev.moat.platform.id.ResourceId;
import java.time.Duration;
import java.util.List;

/**
 * Boots one cluster node the way an AKS node's provisioning script does: resolve the registry
 * through the node's VNet DNS view, check the network path, obtain a kubelet-identity token, log in
 * to the registry and pull every bootstrap artifact of the Kubernetes version, verifying digests.
 * Implemented by the node agents; called by the managed-cluster reconciler for new and reimaged
 * nodes, concurrently across nodes. Thread-safe; blocking.
 */
public interface NodeBootstrapper {

  NodeOutcome bootstrap(NodeSpec spec);

  /** Where bootstrap artifacts come from. */
  enum ArtifactSource {
    /** {@code mcr.microsoft.com} directly (needs egress). */
    Direct,
    /** The private registry's {@code aks-managed-repository/*} cache. */
    Cache
  }

  /**
   * What a node is imaged with.
   *
   * @param registryLoginServer for {@code Cache}, e.g. {@code myacr.azurecr.io}; null for Direct
   * @param outboundType the cluster's outbound type when the node was imaged ({@code loadBalancer},
   *     {@code none}, {@code block}, ...): it decides the node's egress — a load balancer or NAT
   *     gateway gives internet access, {@code block} none, and {@code none} leaves the VM default
   *     outbound access of its subnet
   */
  record NodeSpec(
      String nodeName,
      ResourceId cluster,
      ResourceId agentPool,
      ResourceId subnet,
      String privateIpAddress,
      ResourceId kubeletIdentity,
      String kubernetesVersion,
      String nodeImageVersion,
      ArtifactSource artifactSource,
      String registryLoginServer,
      String outboundType) {}

  /**
   * What the node achieved.
   *
   * @param exitCode {@code 0} when Ready; otherwise the provisioning exit code AKS reports (e.g. 50
   *     for outbound connectivity failure), with {@code exitName} such as {@code
   *     ERR_OUTBOUND_CONN_FAIL}
   * @param message the node's real cause, in words
   * @param pulled the artifact references it pulled, as {@code host/repository:tag@digest}
   */
  record NodeOutcome(
      boolean ready,
      int exitCode,
      String exitName,
      String message,
      List<String> pulled,
      Duration took) {}
}
