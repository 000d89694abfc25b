package dev.moat.registry;

import dev.moat.registry.model.Descriptor;
import dev.moat.registry.model.Digest;
import dev.moat.registry.model.RepositoryRef;
import java.io.InputStream;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Blob operations scoped to a repository (distribution's {@code BlobStore} of a repository). The
 * local implementation reads and writes this engine's store; the proxy decorator fills misses from
 * an upstream and refuses writes. All methods are thread-safe and throw {@link RegistryException}.
 */
public interface Blobs {

  /** The blob's descriptor if {@code repo} may see it; {@code BLOB_UNKNOWN} otherwise. */
  Descriptor stat(RepositoryRef repo, Digest digest);

  /** The blob's bytes; {@code BLOB_UNKNOWN} when absent. */
  BlobContent open(RepositoryRef repo, Digest digest);

  /** Unlinks the blob from {@code repo}; {@code BLOB_UNKNOWN} when it was not linked. */
  void delete(RepositoryRef repo, Digest digest);

  /** Links a blob {@code from} can see into {@code repo}; false when {@code from} cannot. */
  boolean mount(RepositoryRef repo, RepositoryRef from, Digest digest);

  /** Monolithic upload: streams, verifies against {@code expected}, links. */
  Descriptor put(RepositoryRef repo, InputStream body, Digest expected, OptionalLong length);

  /** Starts an upload session. */
  UUID startUpload(RepositoryRef repo);

  /** Bytes received so far by a session; {@code BLOB_UPLOAD_UNKNOWN} when there is none. */
  long uploadSize(RepositoryRef repo, UUID upload);

  /**
   * Appends a chunk. When {@code start} is given it must equal the current size, else 416 {@code
   * BLOB_UPLOAD_INVALID}. Returns the new size.
   */
  long appendUpload(RepositoryRef repo, UUID upload, InputStream body, OptionalLong start);

  /** Appends an optional last chunk, verifies the digest, publishes and links the blob. */
  Descriptor finishUpload(RepositoryRef repo, UUID upload, InputStream lastChunk, Digest digest);

  /** Cancels a session; {@code BLOB_UPLOAD_UNKNOWN} when there is none. */
  void cancelUpload(RepositoryRef repo, UUID upload);
}
