package dev.moat.platform.contracts;

import dev.moat.platform.id.ResourceId;

/**
 * Azure RBAC's one question: may this principal perform this action at this scope? Implemented by
 * the authorization provider from role assignments (inherited from enclosing scopes) and built-in
 * role definitions; used by every part of Moat that enforces access. Thread-safe; reflects role
 * assignments as soon as they are written.
 */
public interface Authorizer {

  /**
   * @param principalObjectId the {@code oid} of the caller
   * @param action e.g. {@code Microsoft.ContainerRegistry/registries/pull/read}
   * @param scope the resource acted on; assignments at it or any enclosing scope count
   */
  boolean allowed(String principalObjectId, String action, ResourceId scope);
}
