package dev.moat.registry.storage;

import dev.moat.registry.model.Descriptor;
import dev.moat.registry.model.Digest;
import dev.moat.registry.model.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The content-addressed blob store: digest → bytes on the local file system, shared by every
 * logical registry of one engine. It knows nothing of repositories or HTTP; visibility per
 * repository is the metadata layer's job.
 *
 * <p>Writes go to a temporary file in the same file system, are hashed while streaming, fsynced and
 * atomically renamed to the digest's path only if digest and size match, so a crash at any point
 * leaves either nothing or a complete blob. Thread-safe: concurrent writes of the same content are
 * harmless (the rename is atomic and the content identical).
 */
public final class BlobStore {
  private final BlobPaths paths;

  /** Opens the store under {@code root}, creating it and sweeping temporary files of a crash. */
  public BlobStore(Path root) {
    this.paths = new BlobPaths(root);
    try {
      Files.createDirectories(paths.blobsDir());
      Files.createDirectories(paths.ingestDir());
      Files.createDirectories(paths.uploadsDir());
      try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(paths.ingestDir())) {
        for (Path p : leftovers) {
          Files.deleteIfExists(p);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open blob store at " + root, e);
    }
  }

  public BlobPaths paths() {
    return paths;
  }

  /** The size of a committed blob, or empty when absent. */
  public OptionalLong stat(Digest digest) {
    try {
      return OptionalLong.of(Files.size(paths.blob(digest)));
    } catch (NoSuchFileException e) {
      return OptionalLong.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Opens a committed blob positioned at {@code offset}.
   *
   * @throws NoSuchFileException when the blob is absent
   */
  public InputStream open(Digest digest, long offset) throws IOException {
    FileChannel channel = FileChannel.open(paths.blob(digest), StandardOpenOption.READ);
    channel.position(offset);
    return Channels.newInputStream(channel);
  }

  /**
   * Opens a committed blob as a channel (positional reads).
   *
   * @throws NoSuchFileException when the blob is absent
   */
  public FileChannel openChannel(Digest digest) throws IOException {
    return FileChannel.open(paths.blob(digest), StandardOpenOption.READ);
  }

  /** Reads a small committed blob whole (manifests); absent → empty. */
  public Optional<byte[]> readAll(Digest digest) throws IOException {
    try (InputStream in = open(digest, 0)) {
      return Optional.of(in.readAllBytes());
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  /** Starts a write whose bytes become visible only on {@link Ingest#commit}. */
  public Ingest newIngest() throws IOException {
    return new Ingest(this, paths.newIngestFile());
  }

  /**
   * Streams {@code in} into the store.
   *
   * @param expected the digest the bytes must have, or null to accept whatever they hash to
   * @throws BlobCorruptException on a digest or size mismatch (nothing is kept)
   */
  public Descriptor write(InputStream in, Digest expected, OptionalLong expectedSize)
      throws IOException {
    try (Ingest ingest = newIngest()) {
      ingest.writeAll(in);
      long size = ingest.written();
      Digest digest = ingest.commit(expected, expectedSize);
      return new Descriptor(digest, size, MediaType.OCTET_STREAM);
    }
  }

  /** Writes bytes already in memory (manifests). */
  public Descriptor write(byte[] bytes) throws IOException {
    return write(new java.io.ByteArrayInputStream(bytes), null, OptionalLong.of(bytes.length));
  }

  /**
   * Verifies a finished upload-session file against {@code expected} and moves it into place. The
   * file is consumed either way (moved or deleted).
   */
  public Descriptor commitFile(Path file, Digest expected) throws IOException {
    var hasher = Digest.newHasher();
    long size = 0;
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        hasher.update(buffer, 0, n);
        size += n;
      }
    }
    Digest actual = Digest.fromHash(hasher.digest());
    if (!actual.equals(expected)) {
      Files.deleteIfExists(file);
      throw new BlobCorruptException("digest mismatch: expected " + expected + ", got " + actual);
    }
    try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
      c.force(true);
    }
    publish(file, actual);
    return new Descriptor(actual, size, MediaType.OCTET_STREAM);
  }

  /** Renames a verified, synced temporary file into its digest path unless already present. */
  void publish(Path file, Digest digest) throws IOException {
    Path target = paths.blob(digest);
    if (Files.exists(target)) {
      // Content-addressed: an existing blob has these very bytes (Jib's moveIfDoesNotExist).
      Files.deleteIfExists(file);
      return;
    }
    Files.createDirectories(target.getParent());
    Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
    syncDirectory(target.getParent());
  }

  private static void syncDirectory(Path dir) {
    // Makes the rename itself durable; best effort, as some file systems refuse to open dirs.
    try (FileChannel c = FileChannel.open(dir, StandardOpenOption.READ)) {
      c.force(true);
    } catch (IOException e) {
      // Not fatal: the blob is complete either way, only its name may be lost on power failure.
    }
  }
}
