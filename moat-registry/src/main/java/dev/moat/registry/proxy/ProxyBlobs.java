package dev.moat.registry.proxy;

import dev.moat.registry.BlobContent;
import dev.moat.registry.Blobs;
import dev.moat.registry.ErrorCode;
import dev.moat.registry.LocalBlobs;
import dev.moat.registry.RegistryException;
import dev.moat.registry.model.Descriptor;
import dev.moat.registry.model.Digest;
import dev.moat.registry.model.MediaType;
import dev.moat.registry.model.RepositoryRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The pull-through decorator over {@link LocalBlobs} (distribution's {@code proxyBlobStore}): local
 * first; on a miss, one upstream download per digest however many clients ask at once
 * (single-flight per engine instance), streamed to all of them while it is stored. Writes to a
 * cache-rule repository are {@code UNSUPPORTED}.
 */
public final class ProxyBlobs implements Blobs {
  private final LocalBlobs local;
  private final CacheRules rules;
  private final UpstreamRegistry upstream;
  private final CacheCounters counters;
  private final NotFoundCache notFound;
  private final ProxySettings settings;
  private final Executor executor;
  private final ConcurrentHashMap<Digest, BlobFill> fills = new ConcurrentHashMap<>();

  public ProxyBlobs(
      LocalBlobs local,
      CacheRules rules,
      UpstreamRegistry upstream,
      CacheCounters counters,
      ProxySettings settings,
      java.time.Clock clock,
      Executor executor) {
    this.local = local;
    this.rules = rules;
    this.upstream = upstream;
    this.counters = counters;
    this.settings = settings;
    this.notFound = new NotFoundCache(clock, settings.notFoundTtl());
    this.executor = executor;
  }

  private UpstreamRepository source(RepositoryRef repo) {
    return rules
        .upstreamFor(repo.registry(), repo.name())
        .orElseThrow(() -> new IllegalStateException("no cache rule for " + repo));
  }

  @Override
  public Descriptor stat(RepositoryRef repo, Digest digest) {
    OptionalLong size = local.find(repo, digest);
    if (size.isPresent()) {
      counters.of(repo.registry()).cacheHits.increment();
      return new Descriptor(digest, size.getAsLong(), MediaType.OCTET_STREAM);
    }
    UpstreamRepository source = source(repo);
    String key = source + "@" + digest;
    refuseKnownMissing(repo, key, digest);
    try {
      // A HEAD for an uncached blob asks the upstream rather than answering 404 (Harbor #22609).
      OptionalLong remote = upstream.statBlob(source, digest);
      if (remote.isEmpty()) {
        notFound.remember(key);
        throw unknown(digest);
      }
      return new Descriptor(digest, remote.getAsLong(), MediaType.OCTET_STREAM);
    } catch (IOException e) {
      throw unavailable(source, e);
    }
  }

  @Override
  public BlobContent open(RepositoryRef repo, Digest digest) {
    OptionalLong size = local.find(repo, digest);
    if (size.isPresent()) {
      counters.of(repo.registry()).cacheHits.increment();
      return local.open(repo, digest);
    }
    UpstreamRepository source = source(repo);
    String key = source + "@" + digest;
    refuseKnownMissing(repo, key, digest);
    if (local.store().stat(digest).isPresent()) {
      // The bytes are stored for another repository (or registry). Knowing a digest must not be
      // enough to read it through this one: the upstream must confirm this repository has the
      // blob; then link the stored bytes instead of downloading them again.
      try {
        OptionalLong remote = upstream.statBlob(source, digest);
        if (remote.isEmpty()) {
          notFound.remember(key);
          throw unknown(digest);
        }
      } catch (IOException e) {
        throw unavailable(source, e);
      }
      local.link(repo, digest, local.store().stat(digest).getAsLong());
      counters.of(repo.registry()).cacheHits.increment();
      return local.open(repo, digest);
    }
    BlobFill fill = join(repo, source, digest);
    OptionalLong length = awaitStart(fill, source, key, digest);
    fill.addRepository(repo, length.orElse(-1));
    return new BlobContent() {
      @Override
      public long size() {
        return length.orElse(-1);
      }

      @Override
      public InputStream open(long offset) throws IOException {
        return fill.reader(offset);
      }
    };
  }

  private BlobFill join(RepositoryRef repo, UpstreamRepository source, Digest digest) {
    boolean[] created = {false};
    BlobFill fill =
        fills.computeIfAbsent(
            digest,
            d -> {
              created[0] = true;
              try {
                return new BlobFill(d, local, settings.stallTimeout());
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    CacheCounters.Counters c = counters.of(repo.registry());
    if (created[0]) {
      fill.addRepository(repo, -1);
      executor.execute(() -> runFill(fill, source, c));
    } else {
      c.coalesced.increment();
    }
    return fill;
  }

  private void runFill(BlobFill fill, UpstreamRepository source, CacheCounters.Counters c) {
    try {
      fill.run(() -> upstream.fetchBlob(source, fill.digest()), c);
    } finally {
      // Only after the commit (or failure): a newcomer then finds the blob locally, or retries.
      fills.remove(fill.digest(), fill);
    }
  }

  private OptionalLong awaitStart(
      BlobFill fill, UpstreamRepository source, String key, Digest digest) {
    try {
      return fill.started.get(settings.stallTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof BlobFill.BlobNotFoundUpstream) {
        notFound.remember(key);
        throw unknown(digest);
      }
      throw unavailable(source, e.getCause());
    } catch (TimeoutException e) {
      throw unavailable(source, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable(source, e);
    }
  }

  private void refuseKnownMissing(RepositoryRef repo, String key, Digest digest) {
    if (notFound.isKnownMissing(key)) {
      counters.of(repo.registry()).notFoundHits.increment();
      throw unknown(digest);
    }
  }

  private static RegistryException unknown(Digest digest) {
    return new RegistryException(ErrorCode.BLOB_UNKNOWN, "blob unknown: " + digest);
  }

  static RegistryException unavailable(UpstreamRepository source, Throwable cause) {
    return new RegistryException(
        ErrorCode.UNKNOWN, 502, "upstream " + source.host() + " unavailable: " + cause, null);
  }

  static RegistryException cacheOnly() {
    return new RegistryException(
        ErrorCode.UNSUPPORTED, "this repository is a pull-through cache; it cannot be written");
  }

  @Override
  public void delete(RepositoryRef repo, Digest digest) {
    throw cacheOnly();
  }

  @Override
  public boolean mount(RepositoryRef repo, RepositoryRef from, Digest digest) {
    throw cacheOnly();
  }

  @Override
  public Descriptor put(
      RepositoryRef repo, InputStream body, Digest expected, OptionalLong length) {
    throw cacheOnly();
  }

  @Override
  public UUID startUpload(RepositoryRef repo) {
    throw cacheOnly();
  }

  @Override
  public long uploadSize(RepositoryRef repo, UUID upload) {
    throw cacheOnly();
  }

  @Override
  public long appendUpload(RepositoryRef repo, UUID upload, InputStream body, OptionalLong start) {
    throw cacheOnly();
  }

  @Override
  public Descriptor finishUpload(
      RepositoryRef repo, UUID upload, InputStream lastChunk, Digest digest) {
    throw cacheOnly();
  }

  @Override
  public void cancelUpload(RepositoryRef repo, UUID upload) {
    throw cacheOnly();
  }
}
