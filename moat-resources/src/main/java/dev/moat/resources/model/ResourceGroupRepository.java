package dev.moat.resources.model;

import dev.moat.platform.id.ResourceId;
import java.util.List;
import java.util.Optional;

/** Stored resource groups. Implementations are thread-safe and join the caller's transaction. */
public interface ResourceGroupRepository {
  Optional<ResourceGroup> find(ResourceId id);

  List<ResourceGroup> list(String subscriptionId);

  void save(ResourceGroup group);

  /**
   * Removes the group and every resource inside it, atomically; returns the ids of the resources
   * removed (not counting the group).
   */
  List<ResourceId> deleteWithContents(ResourceId id);
}
