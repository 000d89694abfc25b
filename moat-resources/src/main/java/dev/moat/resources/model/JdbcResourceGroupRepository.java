package dev.moat.resources.model;

import dev.moat.platform.id.ResourceId;
import dev.moat.platform.id.ResourceType;
import dev.moat.platform.store.ResourceDocuments;
import dev.moat.platform.store.ResourceTable;
import dev.moat.platform.store.StoredResource;
import java.util.List;
import java.util.Optional;

/** {@link ResourceGroupRepository} on the shared resource table. */
public final class JdbcResourceGroupRepository implements ResourceGroupRepository {
  private final ResourceDocuments documents;
  private final ResourceTable<ResourceGroup> table;

  public JdbcResourceGroupRepository(ResourceDocuments documents) {
    this.documents = documents;
    this.table = new ResourceTable<>(documents, ResourceType.RESOURCE_GROUP, ResourceGroup.class);
  }

  @Override
  public Optional<ResourceGroup> find(ResourceId id) {
    return table.get(id);
  }

  @Override
  public List<ResourceGroup> list(String subscriptionId) {
    return table.listChildren(ResourceId.subscription(subscriptionId));
  }

  @Override
  public void save(ResourceGroup group) {
    table.put(group.id(), group);
  }

  @Override
  public List<ResourceId> deleteWithContents(ResourceId id) {
    return documents
        .database()
        .inTransaction(
            c -> {
              List<ResourceId> contents =
                  documents.listInGroup(id).stream().map(StoredResource::id).toList();
              for (ResourceId r : contents) {
                documents.deleteTree(r);
              }
              documents.deleteTree(id);
              return contents;
            });
  }
}
