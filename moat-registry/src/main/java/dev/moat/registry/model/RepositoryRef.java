package dev.moat.registry.model;

/** A repository inside one logical registry: the scope every content operation runs in. */
public record RepositoryRef(RegistryName registry, RepositoryName name) {
  public static RepositoryRef of(String registry, String repository) {
    return new RepositoryRef(RegistryName.of(registry), RepositoryName.of(repository));
  }

  @Override
  public String toString() {
    return registry + "/" + name;
  }
}
