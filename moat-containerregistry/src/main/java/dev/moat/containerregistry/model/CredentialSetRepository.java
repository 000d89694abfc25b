package dev.moat.containerregistry.model;

import dev.moat.platform.kit.TableRepository;
import dev.moat.platform.store.ResourceDocuments;
import dev.moat.platform.store.ResourceTable;

/** Stored credential sets, children of their registry. */
public final class CredentialSetRepository extends TableRepository<CredentialSet> {
  public CredentialSetRepository(ResourceDocuments documents) {
    super(
        new ResourceTable<>(documents, ContainerRegistryTypes.CREDENTIAL_SET, CredentialSet.class),
        CredentialSet::id);
  }
}
