package dev.moat.authorization.model;

import dev.moat.platform.id.ResourceId;
import dev.moat.platform.id.ResourceType;
import dev.moat.platform.store.ResourceDocuments;
import dev.moat.platform.store.ResourceIndex;
import dev.moat.platform.store.ResourceTable;
import java.util.List;
import java.util.Optional;

/** {@link RoleAssignmentRepository} on the shared resource table. */
public final class JdbcRoleAssignmentRepository implements RoleAssignmentRepository {
  public static final ResourceType TYPE =
      ResourceType.of("Microsoft.Authorization/roleAssignments");

  private static final ResourceIndex<RoleAssignment> BY_PRINCIPAL =
      new ResourceIndex<>("principal", a -> List.of(a.principalId()));
  private static final ResourceIndex<RoleAssignment> BY_NAME =
      new ResourceIndex<>("name", a -> List.of(a.id().name()));

  private final ResourceTable<RoleAssignment> table;

  public JdbcRoleAssignmentRepository(ResourceDocuments documents) {
    this.table =
        new ResourceTable<>(documents, TYPE, RoleAssignment.class, List.of(BY_PRINCIPAL, BY_NAME));
  }

  @Override
  public List<RoleAssignment> listForPrincipal(String principalId) {
    return table.findBy(BY_PRINCIPAL, principalId);
  }

  @Override
  public List<RoleAssignment> listByName(String name) {
    return table.findBy(BY_NAME, name);
  }

  @Override
  public Optional<RoleAssignment> find(ResourceId id) {
    return table.get(id);
  }

  @Override
  public List<RoleAssignment> listInSubscription(String subscriptionId) {
    return table.listInSubscription(subscriptionId);
  }

  @Override
  public void save(RoleAssignment assignment) {
    table.put(assignment.id(), assignment);
  }

  @Override
  public boolean delete(ResourceId id) {
    return table.delete(id);
  }
}
