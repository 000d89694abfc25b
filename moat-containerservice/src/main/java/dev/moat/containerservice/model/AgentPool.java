package dev.moat.containerservice.model;

import dev.moat.platform.id.ResourceId;

/**
 * A stored agent pool: the child resource and the cluster's {@code agentPoolProfiles[]} entry.
 *
 * @param etag changes on every write of the pool's spec, not on status changes
 */
public record AgentPool(ResourceId id, PoolSpec spec, PoolStatus status, String etag) {

  public AgentPool withStatus(PoolStatus newStatus) {
    return new AgentPool(id, spec, newStatus, etag);
  }

  public ResourceId clusterId() {
    return id.parent().orElseThrow();
  }
}
