package dev.moat.authorization.model;

import dev.moat.platform.id.ResourceType;
import dev.moat.platform.kit.TableRepository;
import dev.moat.platform.store.ResourceDocuments;
import dev.moat.platform.store.ResourceIndex;
import dev.moat.platform.store.ResourceTable;
import java.util.List;

/** Stored role assignments, indexed by principal and by name. */
public final class RoleAssignmentRepository extends TableRepository<RoleAssignment> {
  public static final ResourceType TYPE =
      ResourceType.of("Microsoft.Authorization/roleAssignments");

  private static final ResourceIndex<RoleAssignment> BY_PRINCIPAL =
      new ResourceIndex<>("principal", a -> List.of(a.principalId()));
  private static final ResourceIndex<RoleAssignment> BY_NAME =
      new ResourceIndex<>("name", a -> List.of(a.id().name()));

  public RoleAssignmentRepository(ResourceDocuments documents) {
    super(
        new ResourceTable<>(documents, TYPE, RoleAssignment.class, List.of(BY_PRINCIPAL, BY_NAME)),
        RoleAssignment::id);
  }

  /** The assignments of one principal, at any scope (an indexed lookup). */
  public List<RoleAssignment> listForPrincipal(String principalId) {
    return table.findBy(BY_PRINCIPAL, principalId);
  }

  /** The assignments with this name (a GUID), at any scope (an indexed lookup). */
  public List<RoleAssignment> listByName(String name) {
    return table.findBy(BY_NAME, name);
  }
}
