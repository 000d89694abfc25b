package dev.moat.registry.proxy;

import dev.moat.registry.model.RegistryName;
import dev.moat.registry.model.RepositoryName;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * An immutable set of ACR cache rules with ACR's matching semantics: a rule's target is a fixed
 * repository ({@code library/ubuntu}) or a wildcard prefix ({@code aks-managed-repository/*}, or
 * {@code *} for the whole registry) and its source the matching upstream path ({@code
 * mcr.microsoft.com/*}). A fixed rule wins over a wildcard; among wildcards the longest prefix wins
 * (ACR forbids overlapping wildcards, which the ARM side validates).
 */
public final class CacheRuleSet implements CacheRules {
  private final List<Rule> rules;

  /** One rule: {@code target} in {@code registry} maps to {@code source} ({@code host/path}). */
  public record Rule(RegistryName registry, String target, String source) {
    public Rule {
      if (target.endsWith("*") != source.endsWith("*")) {
        throw new IllegalArgumentException("target and source must both or neither be wildcards");
      }
      if (source.indexOf('/') <= 0) {
        throw new IllegalArgumentException("source must be host/repository: " + source);
      }
    }

    boolean wildcard() {
      return target.endsWith("*");
    }

    /** The prefix before {@code *} ("" for a registry-wide rule). */
    String targetPrefix() {
      return target.substring(0, target.length() - 1);
    }

    Optional<UpstreamRepository> map(RepositoryName repository) {
      String host = source.substring(0, source.indexOf('/'));
      String sourcePath = source.substring(source.indexOf('/') + 1);
      if (!wildcard()) {
        return repository.value().equals(target)
            ? Optional.of(new UpstreamRepository(host, RepositoryName.of(sourcePath)))
            : Optional.empty();
      }
      String prefix = targetPrefix();
      if (!repository.value().startsWith(prefix)
          || repository.value().length() == prefix.length()) {
        return Optional.empty();
      }
      String rest = repository.value().substring(prefix.length());
      String upstream = sourcePath.substring(0, sourcePath.length() - 1) + rest;
      return Optional.of(new UpstreamRepository(host, RepositoryName.of(upstream)));
    }
  }

  public CacheRuleSet(List<Rule> rules) {
    this.rules =
        rules.stream()
            .sorted(Comparator.comparing(Rule::wildcard).thenComparing(r -> -r.target().length()))
            .toList();
  }

  @Override
  public Optional<UpstreamRepository> upstreamFor(
      RegistryName registry, RepositoryName repository) {
    for (Rule r : rules) {
      if (r.registry().equals(registry)) {
        Optional<UpstreamRepository> mapped = r.map(repository);
        if (mapped.isPresent()) {
          return mapped;
        }
      }
    }
    return Optional.empty();
  }
}
