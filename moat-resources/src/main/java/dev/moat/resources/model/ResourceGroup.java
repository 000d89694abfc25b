package dev.moat.resources.model;

import dev.moat.platform.id.ResourceId;
import java.time.Instant;
import java.util.Map;

/**
 * A stored resource group: the spec the user gave (location, tags, managedBy) and its state.
 *
 * @param deleteRequestedAt when a delete was accepted; null unless {@code state} is Deleting
 */
public record ResourceGroup(
    ResourceId id,
    String location,
    Map<String, String> tags,
    String managedBy,
    ResourceGroupState state,
    Instant deleteRequestedAt) {

  public ResourceGroup {
    tags = tags == null ? Map.of() : Map.copyOf(tags);
  }

  public ResourceGroup withTags(Map<String, String> newTags) {
    return new ResourceGroup(id, location, newTags, managedBy, state, deleteRequestedAt);
  }

  public ResourceGroup deleting(Instant at) {
    return new ResourceGroup(id, location, tags, managedBy, ResourceGroupState.Deleting, at);
  }
}
