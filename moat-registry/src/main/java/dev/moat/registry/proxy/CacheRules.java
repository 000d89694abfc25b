package dev.moat.registry.proxy;

import dev.moat.registry.model.RegistryName;
import dev.moat.registry.model.RepositoryName;
import java.util.Optional;

/**
 * Which local repositories are pull-through caches of which upstream repositories (ACR cache rules,
 * mapped target → source). Implementations must be thread-safe and cheap: the registry asks on
 * every request. A repository with a rule is cache-only: pushes and deletes are refused.
 */
@FunctionalInterface
public interface CacheRules {

  /** The upstream for {@code repository} of {@code registry}, or empty when it is ordinary. */
  Optional<UpstreamRepository> upstreamFor(RegistryName registry, RepositoryName repository);

  /** No cache rules: every repository is ordinary. */
  static CacheRules none() {
    return (registry, repository) -> Optional.empty();
  }
}
