package dev.moat.containerregistry.validation;

import dev.moat.containerregistry.model.CacheRule;
import dev.moat.containerregistry.model.RepositoryMapping;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * ACR's rules for cache rules (container-registry-artifact-cache.md,
 * troubleshoot-artifact-cache.md): names, repository syntax, supported upstreams, wildcard overlap,
 * one rule per target and the per-registry limit.
 */
public final class CacheRuleRules {
  /** The spec's pattern for cacheRuleName and credentialSetName. */
  private static final Pattern CHILD_NAME = Pattern.compile("[a-zA-Z0-9-]{5,50}");

  /** One repository path component, as the distribution spec defines it. */
  private static final String COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";

  private static final Pattern PATH = Pattern.compile(COMPONENT + "(?:/" + COMPONENT + ")*");
  private static final Pattern LOGIN_SERVER =
      Pattern.compile("[a-z0-9]+(?:[.-][a-z0-9]+)*(?::[0-9]+)?");

  /** The limit troubleshoot-artifact-cache.md gives (earlier previews had 50). */
  public static final int MAX_RULES_PER_REGISTRY = 1000;

  /**
   * The upstreams ACR accepts, in the order its UpstreamNotSupported message lists them
   * (Azure/acr#862, Dec 2025).
   */
  static final List<String> SUPPORTED_UPSTREAMS =
      List.of(
          "docker.io",
          "mcr.microsoft.com",
          "quay.io",
          "public.ecr.aws",
          "ghcr.io",
          "nvcr.io",
          "registry.k8s.io",
          "gcr.io",
          "eu.gcr.io",
          "*.pkg.dev");

  private CacheRuleRules() {}

  /** Cache rule and credential set names: 5-50 of {@code [a-zA-Z0-9-]}. */
  public static void validateChildName(String name, String kind) {
    if (name == null || !CHILD_NAME.matcher(name).matches()) {
      throw ContainerRegistryError.INVALID_CHILD_NAME.exception(name, kind);
    }
  }

  /** Checks the syntax of both repositories and the upstream; returns the mapping. */
  public static RepositoryMapping parse(String source, String target) {
    if (source == null || source.isEmpty()) {
      throw ContainerRegistryError.PROPERTY_REQUIRED.exception("sourceRepository");
    }
    if (target == null || target.isEmpty()) {
      throw ContainerRegistryError.PROPERTY_REQUIRED.exception("targetRepository");
    }
    RepositoryMapping mapping = new RepositoryMapping(source, target);
    if (mapping.sourceIsWildcard() != mapping.targetIsWildcard()) {
      throw ContainerRegistryError.WILDCARD_MISMATCH.exception(source, target);
    }
    String server = mapping.upstreamLoginServer();
    if (!LOGIN_SERVER.matcher(server).matches()) {
      throw ContainerRegistryError.INVALID_REPOSITORY_NAME.exception();
    }
    if (!isSupportedUpstream(server)) {
      throw ContainerRegistryError.UPSTREAM_NOT_SUPPORTED.exception(
          source, String.join(", ", SUPPORTED_UPSTREAMS));
    }
    String sourcePath = source.substring(server.length());
    if (!validPattern(sourcePath.startsWith("/") ? sourcePath.substring(1) : sourcePath, true)
        || !validPattern(target, false)) {
      throw ContainerRegistryError.INVALID_REPOSITORY_NAME.exception();
    }
    return mapping;
  }

  /** Whether a login server is one ACR can cache from (also used for credential sets). */
  public static boolean isSupportedUpstream(String loginServer) {
    String server = loginServer.toLowerCase(Locale.ROOT);
    return SUPPORTED_UPSTREAMS.contains(server) || server.endsWith(".pkg.dev");
  }

  public static String supportedUpstreams() {
    return String.join(", ", SUPPORTED_UPSTREAMS);
  }

  /**
   * Checks a new rule against the registry's other rules: the limit, one rule per target, and no
   * two wildcard rules whose targets nest.
   *
   * @param others the registry's rules other than the one being written
   */
  public static void checkAgainst(
      String registryName, RepositoryMapping candidate, List<CacheRule> others, boolean isNew) {
    if (isNew && others.size() >= MAX_RULES_PER_REGISTRY) {
      throw ContainerRegistryError.CACHE_RULE_LIMIT.exception(registryName, MAX_RULES_PER_REGISTRY);
    }
    for (CacheRule other : others) {
      if (other.targetRepository().equals(candidate.target())) {
        throw ContainerRegistryError.TARGET_IN_USE.exception(candidate.target(), other.id().name());
      }
      RepositoryMapping existing =
          new RepositoryMapping(other.sourceRepository(), other.targetRepository());
      if (candidate.wildcardOverlaps(existing)) {
        throw ContainerRegistryError.WILDCARD_CONFLICT.exception(
            candidate.target(), other.id().name(), other.targetRepository());
      }
    }
  }

  /** A repository path, optionally ending in {@code /*}, or a bare {@code *}. */
  private static boolean validPattern(String pattern, boolean isSourcePath) {
    if (pattern.equals("*")) {
      return true;
    }
    if (pattern.isEmpty()) {
      return false;
    }
    String path = pattern.endsWith("/*") ? pattern.substring(0, pattern.length() - 2) : pattern;
    return PATH.matcher(path).matches() && (isSourcePath || !path.isEmpty());
  }
}
