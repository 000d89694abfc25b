package dev.moat.containerregistry.model;

import dev.moat.platform.kit.TableRepository;
import dev.moat.platform.store.ResourceDocuments;
import dev.moat.platform.store.ResourceTable;

/** Stored cache rules, children of their registry. */
public final class CacheRuleRepository extends TableRepository<CacheRule> {
  public CacheRuleRepository(ResourceDocuments documents) {
    super(
        new ResourceTable<>(documents, ContainerRegistryTypes.CACHE_RULE, CacheRule.class),
        CacheRule::id);
  }
}
