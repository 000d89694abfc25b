package dev.moat.managedidentity.model;

import dev.moat.platform.id.ResourceType;
import dev.moat.platform.kit.TableRepository;
import dev.moat.platform.store.ResourceDocuments;
import dev.moat.platform.store.ResourceTable;

/** Stored user-assigned identities: the kit's repository, nothing of their own to ask. */
public final class IdentityRepository extends TableRepository<UserAssignedIdentity> {
  public static final ResourceType TYPE =
      ResourceType.of("Microsoft.ManagedIdentity/userAssignedIdentities");

  public IdentityRepository(ResourceDocuments documents) {
    super(
        new ResourceTable<>(documents, TYPE, UserAssignedIdentity.class), UserAssignedIdentity::id);
  }
}
