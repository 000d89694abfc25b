package dev.moat.containerregistry.model;

import dev.moat.platform.id.ResourceId;
import java.util.List;

/** Stored cache rules. Thread-safe; every call joins the caller's transaction. */
public interface CacheRuleRepository extends ProvisionedStore<CacheRule> {
  List<CacheRule> listIn(ResourceId registry);
}
