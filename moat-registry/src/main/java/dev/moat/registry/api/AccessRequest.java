package dev.moat.registry.api;

import dev.moat.registry.model.RegistryName;
import dev.moat.registry.model.RepositoryName;
import java.util.Optional;

/**
 * One access the handler is about to perform. {@code repository} is empty for the {@code /v2/} ping
 * ({@link Action#PULL}) and the catalog ({@link Action#CATALOG}).
 */
public record AccessRequest(
    RegistryName registry, Optional<RepositoryName> repository, Action action) {

  /** The token scope a client should ask for, e.g. {@code repository:app:pull,push}. */
  public Optional<String> scope() {
    if (action == Action.CATALOG) {
      return Optional.of("registry:catalog:*");
    }
    return repository.map(r -> "repository:" + r + ":" + action.scopeActions());
  }
}
