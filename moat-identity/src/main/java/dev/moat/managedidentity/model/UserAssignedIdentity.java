package dev.moat.managedidentity.model;

import dev.moat.platform.id.ResourceId;
import java.util.Map;

/**
 * A stored user-assigned identity. {@code principalId} and {@code clientId} are random GUIDs fixed
 * when it is created; updates and restarts keep them.
 */
public record UserAssignedIdentity(
    ResourceId id,
    String location,
    Map<String, String> tags,
    String tenantId,
    String principalId,
    String clientId,
    IsolationScope isolationScope) {

  public UserAssignedIdentity {
    tags = tags == null ? Map.of() : Map.copyOf(tags);
  }

  public UserAssignedIdentity with(Map<String, String> newTags, IsolationScope scope) {
    return new UserAssignedIdentity(id, location, newTags, tenantId, principalId, clientId, scope);
  }
}
