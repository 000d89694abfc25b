package dev.moat.platform.contracts;

import dev.moat.platform.id.ResourceId;

/**
 * What every provider asks of {@code Microsoft.Resources} before it writes inside a group.
 * Implemented by the resources provider; thread-safe.
 */
public interface ResourceGroups {
  /**
   * Checks that the group of {@code resourceId} exists and is not being deleted; throws {@code
   * ResourceGroupNotFound} (404) or {@code ResourceGroupBeingDeleted} (409) otherwise. Returns the
   * group's location.
   */
  String requireActive(ResourceId groupId);
}
