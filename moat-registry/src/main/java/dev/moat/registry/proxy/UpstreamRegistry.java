package dev.moat.registry.proxy;

import dev.moat.registry.model.Digest;
import dev.moat.registry.model.Reference;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The pull-through cache's view of an upstream registry: read-only, one call per operation.
 * Implementations are thread-safe. Every method returns empty when the upstream answers 404 and
 * throws {@link UpstreamUnavailableException} when it cannot be reached or fails.
 */
public interface UpstreamRegistry {

  /** {@code GET /v2/<repo>/manifests/<ref>}: the exact bytes and their media type. */
  Optional<Manifest> fetchManifest(UpstreamRepository repo, Reference reference) throws IOException;

  /** {@code HEAD /v2/<repo>/manifests/<ref>}: the digest the reference currently names. */
  Optional<Digest> headManifest(UpstreamRepository repo, Reference reference) throws IOException;

  /** {@code HEAD /v2/<repo>/blobs/<digest>}: the blob's size. */
  OptionalLong statBlob(UpstreamRepository repo, Digest digest) throws IOException;

  /** {@code GET /v2/<repo>/blobs/<digest>}: the body stream, unverified; the caller closes it. */
  Optional<Blob> fetchBlob(UpstreamRepository repo, Digest digest) throws IOException;

  /** A fetched manifest. */
  record Manifest(byte[] body, String mediaType) {}

  /** An open blob download; {@code length} is empty when the upstream did not say. */
  record Blob(InputStream body, OptionalLong length) implements AutoCloseable {
    @Override
    public void close() throws IOException {
      body.close();
    }
  }
}
