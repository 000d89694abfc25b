package dev.moat.containerservice.model;

import dev.moat.platform.contracts.NodeBootstrapper.ArtifactSource;
import java.time.Instant;
import java.util.List;

/**
 * One node of a pool and the bootstrap configuration it was last imaged with (NI6: a node keeps it
 * until it is reimaged).
 *
 * @param generation the pool's reimage generation the node was imaged for
 * @param state {@code Pending} (bootstrapping), {@code Ready} or {@code Failed}
 * @param pulled what the node pulled at its last bootstrap, as {@code host/repository@digest}
 */
public record Node(
    String name,
    String address,
    String imageVersion,
    ArtifactSource artifactSource,
    String registryLoginServer,
    String kubernetesVersion,
    long generation,
    NodeState state,
    int exitCode,
    String exitName,
    String message,
    Instant bootstrappedAt,
    List<String> pulled) {

  public Node {
    pulled = pulled == null ? List.of() : List.copyOf(pulled);
  }

  /** A node's lifecycle. */
  public enum NodeState {
    Pending,
    Ready,
    Failed
  }
}
