package dev.moat.containerservice.model;

import dev.moat.platform.id.ResourceId;

/** A stored agent pool: the child resource and the cluster's {@code agentPoolProfiles[]} entry. */
public record AgentPool(ResourceId id, PoolSpec spec, PoolStatus status) {

  public AgentPool withStatus(PoolStatus newStatus) {
    return new AgentPool(id, spec, newStatus);
  }

  public ResourceId clusterId() {
    return id.parent().orElseThrow();
  }
}
