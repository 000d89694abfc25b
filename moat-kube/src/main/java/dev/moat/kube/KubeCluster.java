package dev.moat.kube;

import java.time.Instant;
import java.util.List;

/**
 * What a cluster's API server reports, as the managed-cluster provider knows it.
 *
 * @param gitVersion e.g. {@code v1.30.3}
 */
public record KubeCluster(String name, String gitVersion, List<Node> nodes, List<Pod> pods) {

  /**
   * A node.
   *
   * @param notReadyReason the bootstrap failure when not Ready, else empty
   */
  public record Node(
      String name,
      String internalIp,
      boolean ready,
      String notReadyReason,
      String agentPool,
      String kubeletVersion,
      String nodeImageVersion,
      Instant created) {}

  /** A pod; {@code imageIds} are the digests the node pulled, as the container runtime reports. */
  public record Pod(
      String namespace,
      String name,
      String nodeName,
      List<Container> containers,
      boolean running,
      Instant created) {}

  /** A container with the image a pod spec names and the image id the runtime resolved. */
  public record Container(String name, String image, String imageId) {}
}
