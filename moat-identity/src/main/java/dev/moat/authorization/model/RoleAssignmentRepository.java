package dev.moat.authorization.model;

import dev.moat.platform.id.ResourceId;
import java.util.List;
import java.util.Optional;

/** Stored role assignments. Thread-safe; joins the caller's transaction. */
public interface RoleAssignmentRepository {
  Optional<RoleAssignment> find(ResourceId id);

  /** Every assignment in the subscription, at any scope inside it. */
  List<RoleAssignment> listInSubscription(String subscriptionId);

  /** The assignments of one principal, at any scope (an indexed lookup). */
  List<RoleAssignment> listForPrincipal(String principalId);

  /** The assignments with this name (a GUID), at any scope (an indexed lookup). */
  List<RoleAssignment> listByName(String name);

  void save(RoleAssignment assignment);

  /** False when it did not exist. */
  boolean delete(ResourceId id);
}
