package dev.moat.containerservice.model;

import java.time.Instant;
import java.util.List;

/**
 * What the reconciler observed of a pool.
 *
 * @param generation bumped by {@code upgradeNodeImageVersion}: nodes imaged for an older one are
 *     reimaged
 * @param nodeImageVersion the image the pool's nodes are (re)imaged with
 */
public record PoolStatus(
    ProvisioningState provisioningState,
    Instant since,
    long generation,
    String nodeImageVersion,
    List<Node> nodes) {

  public PoolStatus {
    nodes = nodes == null ? List.of() : List.copyOf(nodes);
  }

  public PoolStatus with(ProvisioningState state, Instant at) {
    return new PoolStatus(state, at, generation, nodeImageVersion, nodes);
  }

  public PoolStatus withNodes(List<Node> newNodes) {
    return new PoolStatus(provisioningState, since, generation, nodeImageVersion, newNodes);
  }
}
