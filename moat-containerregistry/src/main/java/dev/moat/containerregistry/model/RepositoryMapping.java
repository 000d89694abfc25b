package dev.moat.containerregistry.model;

import java.util.Optional;

/**
 * ACR's cache-rule mapping between a target repository in the registry and a source repository
 * upstream ("cache rules map from target repository to source repository",
 * container-registry-artifact-cache.md).
 *
 * <p>A static rule maps one repository: {@code cached/hello-world} ⇐ {@code
 * docker.io/library/hello-world}. A wildcard rule ends both sides in {@code /*} (or is the bare
 * target {@code *}) and maps every repository below the prefix: {@code aks-managed-repository/*} ⇐
 * {@code mcr.microsoft.com/*} sends {@code aks-managed-repository/oss/kubernetes/pause} to {@code
 * mcr.microsoft.com/oss/kubernetes/pause}.
 *
 * @param source e.g. {@code mcr.microsoft.com/*}; its first segment is the upstream login server
 * @param target e.g. {@code aks-managed-repository/*}
 */
public record RepositoryMapping(String source, String target) {
  private static final String WILDCARD = "*";

  public boolean targetIsWildcard() {
    return isWildcard(target);
  }

  public boolean sourceIsWildcard() {
    return isWildcard(source);
  }

  /** The upstream registry's login server, e.g. {@code mcr.microsoft.com}. */
  public String upstreamLoginServer() {
    int slash = source.indexOf('/');
    return slash < 0 ? source : source.substring(0, slash);
  }

  /** The upstream of {@code repository}, or empty when this rule does not cover it. */
  public Optional<Upstream> upstreamFor(String repository) {
    if (!targetIsWildcard()) {
      return repository.equals(target) ? Optional.of(Upstream.of(source)) : Optional.empty();
    }
    String prefix = prefix(target);
    String rest;
    if (prefix.isEmpty()) {
      rest = repository;
    } else if (repository.startsWith(prefix + "/") && repository.length() > prefix.length() + 1) {
      rest = repository.substring(prefix.length() + 1);
    } else {
      return Optional.empty();
    }
    return Optional.of(Upstream.of(prefix(source) + "/" + rest));
  }

  /**
   * True when both rules are wildcard rules whose target prefixes nest ({@code *} nests with
   * everything; {@code library/*} with {@code library/dotnet/*}). Static rules never overlap.
   */
  public boolean wildcardOverlaps(RepositoryMapping other) {
    if (!targetIsWildcard() || !other.targetIsWildcard()) {
      return false;
    }
    String a = prefix(target);
    String b = prefix(other.target);
    return a.isEmpty()
        || b.isEmpty()
        || a.equals(b)
        || a.startsWith(b + "/")
        || b.startsWith(a + "/");
  }

  /** How specific the rule is, for choosing between a static and a wildcard match. */
  public int specificity() {
    return targetIsWildcard() ? prefix(target).length() : Integer.MAX_VALUE;
  }

  private static boolean isWildcard(String pattern) {
    return pattern.equals(WILDCARD) || pattern.endsWith("/" + WILDCARD);
  }

  /** The part before {@code /*}; empty for the bare {@code *}. */
  private static String prefix(String pattern) {
    return pattern.equals(WILDCARD) ? "" : pattern.substring(0, pattern.length() - 2);
  }

  /**
   * An upstream repository.
   *
   * @param loginServer e.g. {@code mcr.microsoft.com}
   * @param repository e.g. {@code oss/kubernetes/pause}
   */
  public record Upstream(String loginServer, String repository) {
    static Upstream of(String fullName) {
      int slash = fullName.indexOf('/');
      return new Upstream(fullName.substring(0, slash), fullName.substring(slash + 1));
    }

    /** {@code loginServer/repository}. */
    public String reference() {
      return loginServer + "/" + repository;
    }
  }
}
