package dev.moat.containerregistry.model;

import dev.moat.platform.id.ResourceId;
import dev.moat.platform.store.ResourceDocuments;
import dev.moat.platform.store.ResourceTable;
import java.util.List;
import java.util.Optional;

/** {@link CredentialSetRepository} on the shared resource table. */
public final class JdbcCredentialSetRepository implements CredentialSetRepository {
  private final ResourceTable<CredentialSet> table;

  public JdbcCredentialSetRepository(ResourceDocuments documents) {
    this.table =
        new ResourceTable<>(documents, ContainerRegistryTypes.CREDENTIAL_SET, CredentialSet.class);
  }

  @Override
  public Optional<CredentialSet> find(ResourceId id) {
    return table.get(id);
  }

  @Override
  public void save(CredentialSet set) {
    table.put(set.id(), set);
  }

  @Override
  public void delete(ResourceId id) {
    table.delete(id);
  }

  @Override
  public List<CredentialSet> listIn(ResourceId registry) {
    return table.listChildren(registry);
  }
}
