package dev.moat.registry.proxy;

/**
 * Pull-through counters of one logical registry since the engine started.
 *
 * @param manifestFetches upstream manifest GETs
 * @param manifestChecks upstream manifest HEADs (tag freshness checks)
 * @param blobFetches upstream blob GETs
 * @param bytesFetched blob bytes read from upstreams
 * @param cacheHits requests for cache-rule repositories answered from local content
 * @param coalesced requests that joined a fetch already in flight instead of starting one
 * @param notFoundHits requests answered 404 from the negative cache without asking the upstream
 */
public record CacheStatistics(
    long manifestFetches,
    long manifestChecks,
    long blobFetches,
    long bytesFetched,
    long cacheHits,
    long coalesced,
    long notFoundHits) {}
