package dev.moat.registry.proxy;

import java.time.Duration;

/**
 * Tuning of the pull-through cache.
 *
 * @param tagTtl how long a cached tag is served before it is re-checked upstream (by HEAD)
 * @param notFoundTtl how long an upstream 404 is remembered (Nexus' negative cache)
 * @param stallTimeout how long a reader waits for a fill to make progress before failing
 */
public record ProxySettings(Duration tagTtl, Duration notFoundTtl, Duration stallTimeout) {
  public static ProxySettings defaults() {
    return new ProxySettings(Duration.ofMinutes(1), Duration.ofSeconds(30), Duration.ofMinutes(2));
  }
}
