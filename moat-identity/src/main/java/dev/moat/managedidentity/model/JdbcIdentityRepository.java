package dev.moat.managedidentity.model;

import dev.moat.platform.id.ResourceId;
import dev.moat.platform.id.ResourceType;
import dev.moat.platform.store.ResourceDocuments;
import dev.moat.platform.store.ResourceTable;
import java.util.List;
import java.util.Optional;

/** {@link IdentityRepository} on the shared resource table. */
public final class JdbcIdentityRepository implements IdentityRepository {
  public static final ResourceType TYPE =
      ResourceType.of("Microsoft.ManagedIdentity/userAssignedIdentities");

  private final ResourceTable<UserAssignedIdentity> table;

  public JdbcIdentityRepository(ResourceDocuments documents) {
    this.table = new ResourceTable<>(documents, TYPE, UserAssignedIdentity.class);
  }

  @Override
  public Optional<UserAssignedIdentity> find(ResourceId id) {
    return table.get(id);
  }

  @Override
  public List<UserAssignedIdentity> listInGroup(ResourceId groupId) {
    return table.listChildren(groupId);
  }

  @Override
  public List<UserAssignedIdentity> listInSubscription(String subscriptionId) {
    return table.listInSubscription(subscriptionId);
  }

  @Override
  public void save(UserAssignedIdentity identity) {
    table.put(identity.id(), identity);
  }

  @Override
  public boolean delete(ResourceId id) {
    return table.delete(id);
  }
}
