package dev.moat.registry.proxy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/** Remembers upstream 404s for a short time so a missing image does not hammer the upstream. */
final class NotFoundCache {
  private final Clock clock;
  private final Duration ttl;
  private final ConcurrentHashMap<String, Instant> expiries = new ConcurrentHashMap<>();

  NotFoundCache(Clock clock, Duration ttl) {
    this.clock = clock;
    this.ttl = ttl;
  }

  void remember(String key) {
    expiries.put(key, clock.instant().plus(ttl));
  }

  boolean isKnownMissing(String key) {
    Instant until = expiries.get(key);
    if (until == null) {
      return false;
    }
    if (!clock.instant().isBefore(until)) {
      expiries.remove(key, until);
      return false;
    }
    return true;
  }

  void forget(String key) {
    expiries.remove(key);
  }
}
