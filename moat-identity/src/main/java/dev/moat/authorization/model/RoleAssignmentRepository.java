package dev.moat.authorization.model;

import dev.moat.platform.id.ResourceId;
import java.util.List;
import java.util.Optional;

/** Stored role assignments. Thread-safe; joins the caller's transaction. */
public interface RoleAssignmentRepository {
  Optional<RoleAssignment> find(ResourceId id);

  /** Every assignment in the subscription, at any scope inside it. */
  List<RoleAssignment> listInSubscription(String subscriptionId);

  void save(RoleAssignment assignment);

  /** False when it did not exist. */
  boolean delete(ResourceId id);
}
