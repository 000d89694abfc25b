package dev.moat.registry.proxy;

import dev.moat.registry.model.RegistryName;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Per-registry pull-through counters of one engine (instance state, never static). */
public final class CacheCounters {
  private final ConcurrentHashMap<RegistryName, Counters> byRegistry = new ConcurrentHashMap<>();

  /** The counters kept for one registry. */
  static final class Counters {
    final LongAdder manifestFetches = new LongAdder();
    final LongAdder manifestChecks = new LongAdder();
    final LongAdder blobFetches = new LongAdder();
    final LongAdder bytesFetched = new LongAdder();
    final LongAdder cacheHits = new LongAdder();
    final LongAdder coalesced = new LongAdder();
    final LongAdder notFoundHits = new LongAdder();
  }

  Counters of(RegistryName registry) {
    return byRegistry.computeIfAbsent(registry, r -> new Counters());
  }

  /** A consistent-enough snapshot (each counter read once) for {@code registry}. */
  public CacheStatistics snapshot(RegistryName registry) {
    Counters c = byRegistry.get(registry);
    if (c == null) {
      return new CacheStatistics(0, 0, 0, 0, 0, 0, 0);
    }
    return new CacheStatistics(
        c.manifestFetches.sum(),
        c.manifestChecks.sum(),
        c.blobFetches.sum(),
        c.bytesFetched.sum(),
        c.cacheHits.sum(),
        c.coalesced.sum(),
        c.notFoundHits.sum());
  }
}
