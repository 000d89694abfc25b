package dev.moat.containerregistry;

import dev.moat.containerregistry.model.ProvisioningState;
import dev.moat.containerregistry.model.PublicNetworkAccess;
import dev.moat.containerregistry.model.RepositoryMapping;
import dev.moat.containerregistry.model.SkuName;
import dev.moat.platform.id.ResourceId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What the data plane needs to know of one registry.
 *
 * @param cacheRules the rules in effect (provisioned, not being deleted)
 */
public record RegistryRecord(
    ResourceId id,
    String loginServer,
    String location,
    SkuName sku,
    PublicNetworkAccess publicNetworkAccess,
    boolean anonymousPullEnabled,
    boolean adminUserEnabled,
    boolean dataEndpointEnabled,
    List<String> dataEndpointHostNames,
    ProvisioningState provisioningState,
    List<CacheRuleRecord> cacheRules) {

  public RegistryRecord {
    dataEndpointHostNames = List.copyOf(dataEndpointHostNames);
    cacheRules = List.copyOf(cacheRules);
  }

  /**
   * Where a pull of {@code repository} (e.g. {@code aks-managed-repository/oss/kubernetes/pause})
   * is filled from, with ACR's precedence: a static rule for exactly this repository wins over a
   * wildcard rule, and a longer wildcard prefix over a shorter one. Empty when no rule covers it.
   */
  public Optional<UpstreamMatch> upstreamFor(String repository) {
    return cacheRules.stream()
        .map(rule -> rule.match(repository))
        .flatMap(Optional::stream)
        .max(Comparator.comparingInt(UpstreamMatch::specificity));
  }

  /** One cache rule. */
  public record CacheRuleRecord(
      String name,
      String sourceRepository,
      String targetRepository,
      ResourceId credentialSetResourceId) {

    Optional<UpstreamMatch> match(String repository) {
      RepositoryMapping mapping = new RepositoryMapping(sourceRepository, targetRepository);
      return mapping
          .upstreamFor(repository)
          .map(u -> new UpstreamMatch(name, u, credentialSetResourceId, mapping.specificity()));
    }
  }

  /**
   * The upstream of a repository and the rule that maps it.
   *
   * @param credentialSetResourceId null for anonymous pulls
   */
  public record UpstreamMatch(
      String cacheRuleName,
      RepositoryMapping.Upstream upstream,
      ResourceId credentialSetResourceId,
      int specificity) {}
}
