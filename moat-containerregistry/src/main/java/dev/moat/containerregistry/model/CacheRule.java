package dev.moat.containerregistry.model;

import dev.moat.platform.id.ResourceId;
import java.time.Instant;

/**
 * A stored cache rule: the target repository (or {@code prefix/*}) in the registry and the upstream
 * repository it is filled from.
 *
 * @param credentialSetResourceId null for anonymous upstream pulls
 */
public record CacheRule(
    ResourceId id,
    String sourceRepository,
    String targetRepository,
    ResourceId credentialSetResourceId,
    Instant creationDate,
    Provisioning provisioning)
    implements Provisioned<CacheRule> {

  public ResourceId registryId() {
    return id.parent().orElseThrow();
  }

  public CacheRule withCredentialSet(ResourceId credentialSet, Provisioning next) {
    return new CacheRule(id, sourceRepository, targetRepository, credentialSet, creationDate, next);
  }

  @Override
  public CacheRule withProvisioning(Provisioning next) {
    return new CacheRule(
        id, sourceRepository, targetRepository, credentialSetResourceId, creationDate, next);
  }
}
