package dev.moat.registry;

import dev.moat.registry.metadata.RepositoryLinks;
import dev.moat.registry.metadata.UploadSessions;
import dev.moat.registry.model.Descriptor;
import dev.moat.registry.model.Digest;
import dev.moat.registry.model.MediaType;
import dev.moat.registry.model.RepositoryRef;
import dev.moat.registry.storage.BlobCorruptException;
import dev.moat.registry.storage.BlobStore;
import dev.moat.registry.storage.UploadFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/** Blobs served from this engine's store, visible per repository through links. */
public final class LocalBlobs implements Blobs {
  private final BlobStore store;
  private final UploadFiles uploads;
  private final RepositoryLinks links;
  private final UploadSessions sessions;
  // One writer per upload session at a time: a retried PATCH must not interleave with the first.
  private final ConcurrentHashMap<UUID, ReentrantLock> uploadLocks = new ConcurrentHashMap<>();

  public LocalBlobs(BlobStore store, RepositoryLinks links, UploadSessions sessions) {
    this.store = store;
    this.uploads = new UploadFiles(store);
    this.links = links;
    this.sessions = sessions;
  }

  public BlobStore store() {
    return store;
  }

  /** Whether {@code repo} may see the blob, without throwing. */
  public OptionalLong find(RepositoryRef repo, Digest digest) {
    OptionalLong linked = links.linked(repo, digest);
    // A link whose bytes are gone (manual deletion) must not answer 200 with no body.
    return linked.isPresent() && store.stat(digest).isPresent() ? linked : OptionalLong.empty();
  }

  /** Links a blob already in the store (the proxy's commit step). */
  public void link(RepositoryRef repo, Digest digest, long size) {
    links.link(repo, digest, size);
  }

  @Override
  public Descriptor stat(RepositoryRef repo, Digest digest) {
    OptionalLong size = find(repo, digest);
    if (size.isEmpty()) {
      throw new RegistryException(ErrorCode.BLOB_UNKNOWN, "blob unknown: " + digest);
    }
    return new Descriptor(digest, size.getAsLong(), MediaType.OCTET_STREAM);
  }

  @Override
  public BlobContent open(RepositoryRef repo, Digest digest) {
    long size = stat(repo, digest).size();
    return new BlobContent() {
      @Override
      public long size() {
        return size;
      }

      @Override
      public InputStream open(long offset) throws IOException {
        return store.open(digest, offset);
      }

      @Override
      public java.util.Optional<java.nio.channels.SeekableByteChannel> openFile()
          throws IOException {
        return java.util.Optional.of(store.openChannel(digest));
      }
    };
  }

  @Override
  public void delete(RepositoryRef repo, Digest digest) {
    if (!links.unlink(repo, digest)) {
      throw new RegistryException(ErrorCode.BLOB_UNKNOWN, "blob unknown: " + digest);
    }
  }

  @Override
  public boolean mount(RepositoryRef repo, RepositoryRef from, Digest digest) {
    OptionalLong size = find(from, digest);
    if (size.isEmpty()) {
      return false;
    }
    links.link(repo, digest, size.getAsLong());
    return true;
  }

  @Override
  public Descriptor put(
      RepositoryRef repo, InputStream body, Digest expected, OptionalLong length) {
    try {
      Descriptor d = store.write(body, expected, length);
      links.link(repo, d.digest(), d.size());
      return d;
    } catch (BlobCorruptException e) {
      throw new RegistryException(ErrorCode.DIGEST_INVALID, e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public UUID startUpload(RepositoryRef repo) {
    UUID id = UUID.randomUUID();
    try {
      uploads.create(id);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    links.ensureRepository(repo);
    sessions.create(id, repo);
    return id;
  }

  @Override
  public long uploadSize(RepositoryRef repo, UUID upload) {
    return requireSession(repo, upload);
  }

  @Override
  public long appendUpload(RepositoryRef repo, UUID upload, InputStream body, OptionalLong start) {
    ReentrantLock lock = uploadLocks.computeIfAbsent(upload, k -> new ReentrantLock());
    lock.lock();
    try {
      long size = requireSession(repo, upload);
      if (start.isPresent() && start.getAsLong() != size) {
        throw new RegistryException(
            ErrorCode.BLOB_UPLOAD_INVALID,
            416,
            "chunk starts at " + start.getAsLong() + " but the upload has " + size + " bytes",
            null);
      }
      return uploads.append(upload, body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public Descriptor finishUpload(
      RepositoryRef repo, UUID upload, InputStream lastChunk, Digest digest) {
    ReentrantLock lock = uploadLocks.computeIfAbsent(upload, k -> new ReentrantLock());
    lock.lock();
    try {
      requireSession(repo, upload);
      uploads.append(upload, lastChunk);
      Descriptor d;
      try {
        d = uploads.commit(upload, digest);
      } catch (BlobCorruptException e) {
        // The session's bytes are gone with the mismatch; the session ends too, as in distribution.
        sessions.delete(upload);
        throw new RegistryException(ErrorCode.DIGEST_INVALID, e.getMessage());
      }
      links.link(repo, d.digest(), d.size());
      sessions.delete(upload);
      return d;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      lock.unlock();
      uploadLocks.remove(upload);
    }
  }

  @Override
  public void cancelUpload(RepositoryRef repo, UUID upload) {
    requireSession(repo, upload);
    sessions.delete(upload);
    try {
      uploads.delete(upload);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private long requireSession(RepositoryRef repo, UUID upload) {
    try {
      OptionalLong size = uploads.size(upload);
      if (!sessions.belongsTo(upload, repo) || size.isEmpty()) {
        throw new RegistryException(ErrorCode.BLOB_UPLOAD_UNKNOWN, "upload unknown: " + upload);
      }
      return size.getAsLong();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
