package dev.moat.managedidentity.model;

import dev.moat.platform.id.ResourceId;
import java.util.List;
import java.util.Optional;

/** Stored user-assigned identities. Thread-safe; joins the caller's transaction. */
public interface IdentityRepository {
  Optional<UserAssignedIdentity> find(ResourceId id);

  List<UserAssignedIdentity> listInGroup(ResourceId groupId);

  List<UserAssignedIdentity> listInSubscription(String subscriptionId);

  void save(UserAssignedIdentity identity);

  boolean delete(ResourceId id);
}
