package dev.moat.registry.proxy;

import dev.moat.registry.ErrorCode;
import dev.moat.registry.LocalManifests;
import dev.moat.registry.Manifests;
import dev.moat.registry.RegistryException;
import dev.moat.registry.StoredManifest;
import dev.moat.registry.metadata.ManifestRecord;
import dev.moat.registry.model.Digest;
import dev.moat.registry.model.Reference;
import dev.moat.registry.model.RegistryName;
import dev.moat.registry.model.RepositoryName;
import dev.moat.registry.model.RepositoryRef;
import dev.moat.registry.model.Tag;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pull-through decorator over {@link LocalManifests} (distribution's {@code proxyManifestStore}
 * and {@code proxyTagService}). By digest: local, else fetched once, verified and stored
 * byte-for-byte. By tag: the local tag while it is fresh; after {@code tagTtl} a HEAD upstream
 * decides whether it moved. When the upstream is down, whatever is cached is served.
 */
public final class ProxyManifests implements Manifests {
  private final LocalManifests local;
  private final CacheRules rules;
  private final UpstreamRegistry upstream;
  private final CacheCounters counters;
  private final ProxySettings settings;
  private final Clock clock;
  private final NotFoundCache notFound;
  private final ConcurrentHashMap<String, Instant> tagChecked = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, CompletableFuture<StoredManifest>> inflight =
      new ConcurrentHashMap<>();

  public ProxyManifests(
      LocalManifests local,
      CacheRules rules,
      UpstreamRegistry upstream,
      CacheCounters counters,
      ProxySettings settings,
      Clock clock) {
    this.local = local;
    this.rules = rules;
    this.upstream = upstream;
    this.counters = counters;
    this.settings = settings;
    this.clock = clock;
    this.notFound = new NotFoundCache(clock, settings.notFoundTtl());
  }

  @Override
  public StoredManifest get(RepositoryRef repo, Reference reference) {
    UpstreamRepository source =
        rules
            .upstreamFor(repo.registry(), repo.name())
            .orElseThrow(() -> new IllegalStateException("no cache rule for " + repo));
    CacheCounters.Counters c = counters.of(repo.registry());
    Optional<StoredManifest> cached = local.find(repo, reference);
    if (cached.isPresent()) {
      if (reference.tag().isEmpty() || fresh(repo, reference.tag().get())) {
        c.cacheHits.increment();
        return cached.get();
      }
      try {
        c.manifestChecks.increment();
        Optional<Digest> current = upstream.headManifest(source, reference);
        if (current.isEmpty() || current.get().equals(cached.get().record().digest())) {
          // Unchanged, or gone upstream: cached content is ordinary repository content (ACR).
          markChecked(repo, reference.tag().get());
          c.cacheHits.increment();
          return cached.get();
        }
      } catch (IOException e) {
        c.cacheHits.increment();
        return cached.get();
      }
    }
    String key = repo + " " + source + ":" + reference;
    if (cached.isEmpty() && notFound.isKnownMissing(key)) {
      c.notFoundHits.increment();
      throw unknown(reference);
    }
    return singleFlight(key, c, () -> fetch(repo, source, reference, cached, key, c));
  }

  private StoredManifest singleFlight(
      String key, CacheCounters.Counters c, java.util.function.Supplier<StoredManifest> work) {
    CompletableFuture<StoredManifest> mine = new CompletableFuture<>();
    CompletableFuture<StoredManifest> running = inflight.putIfAbsent(key, mine);
    if (running != null) {
      c.coalesced.increment();
      return await(running);
    }
    try {
      mine.complete(work.get());
    } catch (RuntimeException e) {
      mine.completeExceptionally(e);
    } finally {
      inflight.remove(key, mine);
    }
    return await(mine);
  }

  private static StoredManifest await(CompletableFuture<StoredManifest> f) {
    try {
      return f.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  private StoredManifest fetch(
      RepositoryRef repo,
      UpstreamRepository source,
      Reference reference,
      Optional<StoredManifest> cached,
      String key,
      CacheCounters.Counters c) {
    Optional<UpstreamRegistry.Manifest> fetched;
    try {
      c.manifestFetches.increment();
      fetched = upstream.fetchManifest(source, reference);
    } catch (IOException e) {
      if (cached.isPresent()) {
        return cached.get();
      }
      throw ProxyBlobs.unavailable(source, e);
    }
    if (fetched.isEmpty()) {
      notFound.remember(key);
      throw unknown(reference);
    }
    byte[] body = fetched.get().body();
    Digest digest = Digest.of(body);
    if (reference.digest().isPresent() && !reference.digest().get().equals(digest)) {
      // Never store or serve bytes that are not what the digest names.
      throw ProxyBlobs.unavailable(
          source, new IOException("upstream manifest does not match " + reference));
    }
    ManifestRecord record = local.store(repo, reference, fetched.get().mediaType(), body, false);
    reference.tag().ifPresent(t -> markChecked(repo, t));
    notFound.forget(key);
    return new StoredManifest(record, body);
  }

  private boolean fresh(RepositoryRef repo, Tag tag) {
    Instant checked = tagChecked.get(repo + ":" + tag);
    return checked != null && clock.instant().isBefore(checked.plus(settings.tagTtl()));
  }

  private void markChecked(RepositoryRef repo, Tag tag) {
    tagChecked.put(repo + ":" + tag, clock.instant());
  }

  private static RegistryException unknown(Reference reference) {
    return new RegistryException(ErrorCode.MANIFEST_UNKNOWN, "manifest unknown: " + reference);
  }

  @Override
  public ManifestRecord put(
      RepositoryRef repo, Reference reference, String contentType, byte[] body) {
    throw ProxyBlobs.cacheOnly();
  }

  @Override
  public void delete(RepositoryRef repo, Reference reference) {
    throw ProxyBlobs.cacheOnly();
  }

  @Override
  public List<Tag> tags(RepositoryRef repo, String last, int limit) {
    return local.tags(repo, last, limit);
  }

  @Override
  public List<ManifestRecord> referrers(RepositoryRef repo, Digest subject) {
    return local.referrers(repo, subject);
  }

  @Override
  public List<RepositoryName> catalog(RegistryName registry, String last, int limit) {
    return local.catalog(registry, last, limit);
  }
}
