package dev.moat.containerregistry.http;

import dev.moat.containerregistry.model.CacheRule;
import dev.moat.containerregistry.model.ContainerRegistryTypes;
import java.time.Instant;

/** The wire shapes of cache rules (CacheRuleCreate.json, CacheRuleGet.json). */
final class CacheRuleBodies {
  private CacheRuleBodies() {}

  /** PUT body. */
  record Put(PutProperties properties) {}

  /** PUT {@code properties}. */
  record PutProperties(
      String sourceRepository, String targetRepository, String credentialSetResourceId) {}

  /** GET/PUT/PATCH response. */
  record Resource(String id, String name, String type, Properties properties) {
    static Resource of(CacheRule r) {
      return new Resource(
          r.id().toString(),
          r.id().name(),
          ContainerRegistryTypes.CACHE_RULE.value(),
          new Properties(
              r.credentialSetResourceId() == null ? null : r.credentialSetResourceId().toString(),
              r.sourceRepository(),
              r.targetRepository(),
              r.creationDate(),
              r.provisioning().state().name()));
    }
  }

  /** {@code properties} of a cache rule. */
  record Properties(
      String credentialSetResourceId,
      String sourceRepository,
      String targetRepository,
      Instant creationDate,
      String provisioningState) {}
}
