package dev.moat.registry;

import dev.moat.platform.store.Database;
import dev.moat.registry.metadata.ManifestIndex;
import dev.moat.registry.metadata.RepositoryLinks;
import dev.moat.registry.metadata.TagIndex;
import dev.moat.registry.metadata.UploadSessions;
import dev.moat.registry.model.RegistryName;
import dev.moat.registry.model.RepositoryRef;
import dev.moat.registry.proxy.CacheCounters;
import dev.moat.registry.proxy.CacheRules;
import dev.moat.registry.proxy.CacheStatistics;
import dev.moat.registry.proxy.ProxyBlobs;
import dev.moat.registry.proxy.ProxyManifests;
import dev.moat.registry.proxy.ProxySettings;
import dev.moat.registry.proxy.UpstreamRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One registry engine: every logical registry (one per ACR resource, plus locally served upstreams)
 * over one blob store under {@code dataDir} and one set of metadata tables. Serve it with {@code
 * api.RegistryHandler}. All state, including in-flight fetches and counters, hangs off this
 * instance, so two engines coexist in one JVM.
 */
public final class RegistryEngine implements AutoCloseable {
  private final CacheRules rules;
  private final LocalBlobs localBlobs;
  private final LocalManifests localManifests;
  private final ProxyBlobs proxyBlobs;
  private final ProxyManifests proxyManifests;
  private final CacheCounters counters = new CacheCounters();
  private final ExecutorService fills;
  private final dev.moat.registry.metadata.RepositoryMetadata metadata;

  public RegistryEngine(
      Database db, Path dataDir, Clock clock, CacheRules rules, UpstreamRegistry upstream) {
    this(db, dataDir, clock, rules, upstream, ProxySettings.defaults());
  }

  /**
   * @param db the database, already migrated (the V100+ migrations of this module included)
   * @param dataDir where blobs live (see {@code storage.BlobPaths}); owned by this engine
   * @param clock drives tag TTLs and the upstream 404 cache
   * @param rules which repositories are pull-through caches of which upstream
   * @param upstream how upstreams are reached
   */
  public RegistryEngine(
      Database db,
      Path dataDir,
      Clock clock,
      CacheRules rules,
      UpstreamRegistry upstream,
      ProxySettings settings) {
    this.rules = rules;
    this.metadata = new dev.moat.registry.metadata.RepositoryMetadata(db);
    var store = new dev.moat.registry.storage.BlobStore(dataDir);
    var links = new RepositoryLinks(db, clock);
    this.localBlobs = new LocalBlobs(store, links, new UploadSessions(db, clock));
    this.localManifests =
        new LocalManifests(
            store, links, new ManifestIndex(db, clock, links), new TagIndex(db, clock), localBlobs);
    AtomicInteger n = new AtomicInteger();
    ThreadFactory threads =
        r -> {
          Thread t = new Thread(r, "moat-registry-fill-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        };
    this.fills = Executors.newCachedThreadPool(threads);
    this.proxyBlobs = new ProxyBlobs(localBlobs, rules, upstream, counters, settings, clock, fills);
    this.proxyManifests =
        new ProxyManifests(localManifests, rules, upstream, counters, settings, clock);
  }

  /** Repository summaries, tags and manifests with their times, for management APIs. */
  public dev.moat.registry.metadata.RepositoryMetadata metadata() {
    return metadata;
  }

  /** True when {@code repo} is a pull-through cache (matched by a cache rule). */
  public boolean isCache(RepositoryRef repo) {
    return rules.upstreamFor(repo.registry(), repo.name()).isPresent();
  }

  /** The blob operations for {@code repo}: the proxy decorator for cache repositories. */
  public Blobs blobs(RepositoryRef repo) {
    return isCache(repo) ? proxyBlobs : localBlobs;
  }

  /** The manifest operations for {@code repo}: the proxy decorator for cache repositories. */
  public Manifests manifests(RepositoryRef repo) {
    return isCache(repo) ? proxyManifests : localManifests;
  }

  /** Operations that do not depend on a repository (catalog). */
  public Manifests catalog() {
    return localManifests;
  }

  /** The pull-through counters of {@code registry}. */
  public CacheStatistics statistics(RegistryName registry) {
    return counters.snapshot(registry);
  }

  /** Stops background fills (in-flight downloads are abandoned; their temp files are swept). */
  @Override
  public void close() {
    fills.shutdownNow();
    try {
      fills.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
