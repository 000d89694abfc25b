package dev.moat.platform.contracts;

import dev.moat.platform.id.ResourceId;
import java.util.Optional;

/**
 * User-assigned managed identities as other providers need them (a cluster's control-plane and
 * kubelet identities). Implemented by the managed identity provider. Thread-safe.
 */
public interface ManagedIdentities {

  Optional<Identity> find(ResourceId identityId);

  /** An identity's ids. */
  record Identity(ResourceId id, String principalId, String clientId, String tenantId) {}
}
