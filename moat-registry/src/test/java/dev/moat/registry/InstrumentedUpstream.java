package dev.moat.registry;

import dev.moat.registry.model.Digest;
import dev.moat.registry.model.Reference;
import dev.moat.registry.proxy.UpstreamRegistry;
import dev.moat.registry.proxy.UpstreamRepository;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wraps a real upstream client: counts every call (distribution's {@code statsBlobStore}) and
 * injects faults into blob bodies: a flipped byte, or a gate that holds the stream after 1 MiB.
 */
final class InstrumentedUpstream implements UpstreamRegistry {
  private final UpstreamRegistry delegate;
  final ConcurrentHashMap<Digest, AtomicInteger> blobFetches = new ConcurrentHashMap<>();
  final AtomicInteger manifestFetches = new AtomicInteger();
  final AtomicInteger manifestHeads = new AtomicInteger();
  final AtomicInteger blobStats = new AtomicInteger();
  volatile boolean corrupt;
  volatile CountDownLatch gate;

  InstrumentedUpstream(UpstreamRegistry delegate) {
    this.delegate = delegate;
  }

  int fetchesOf(Digest d) {
    AtomicInteger n = blobFetches.get(d);
    return n == null ? 0 : n.get();
  }

  @Override
  public Optional<Manifest> fetchManifest(UpstreamRepository repo, Reference reference)
      throws IOException {
    manifestFetches.incrementAndGet();
    return delegate.fetchManifest(repo, reference);
  }

  @Override
  public Optional<Digest> headManifest(UpstreamRepository repo, Reference reference)
      throws IOException {
    manifestHeads.incrementAndGet();
    return delegate.headManifest(repo, reference);
  }

  @Override
  public OptionalLong statBlob(UpstreamRepository repo, Digest digest) throws IOException {
    blobStats.incrementAndGet();
    return delegate.statBlob(repo, digest);
  }

  @Override
  public Optional<Blob> fetchBlob(UpstreamRepository repo, Digest digest) throws IOException {
    blobFetches.computeIfAbsent(digest, d -> new AtomicInteger()).incrementAndGet();
    Optional<Blob> blob = delegate.fetchBlob(repo, digest);
    if (blob.isEmpty()) {
      return blob;
    }
    boolean flip = corrupt;
    CountDownLatch hold = gate;
    InputStream faulty =
        new FilterInputStream(blob.get().body()) {
          long position;

          @Override
          public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
          }

          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            if (hold != null && position >= 1 << 20) {
              try {
                if (!hold.await(60, TimeUnit.SECONDS)) {
                  throw new IOException("gate never opened");
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
              }
            }
            int n = super.read(b, off, hold != null ? Math.min(len, 8192) : len);
            if (flip && n > 0 && position <= 1000 && position + n > 1000) {
              b[off + (int) (1000 - position)] ^= 0x5a;
            }
            position += Math.max(n, 0);
            return n;
          }
        };
    return Optional.of(new Blob(faulty, blob.get().length()));
  }
}
