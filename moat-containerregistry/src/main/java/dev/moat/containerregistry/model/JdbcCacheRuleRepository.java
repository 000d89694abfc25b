package dev.moat.containerregistry.model;

import dev.moat.platform.id.ResourceId;
import dev.moat.platform.store.ResourceDocuments;
import dev.moat.platform.store.ResourceTable;
import java.util.List;
import java.util.Optional;

/** {@link CacheRuleRepository} on the shared resource table. */
public final class JdbcCacheRuleRepository implements CacheRuleRepository {
  private final ResourceTable<CacheRule> table;

  public JdbcCacheRuleRepository(ResourceDocuments documents) {
    this.table = new ResourceTable<>(documents, ContainerRegistryTypes.CACHE_RULE, CacheRule.class);
  }

  @Override
  public Optional<CacheRule> find(ResourceId id) {
    return table.get(id);
  }

  @Override
  public void save(CacheRule rule) {
    table.put(rule.id(), rule);
  }

  @Override
  public void delete(ResourceId id) {
    table.delete(id);
  }

  @Override
  public List<CacheRule> listIn(ResourceId registry) {
    return table.listChildren(registry);
  }
}
