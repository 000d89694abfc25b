package dev.moat.registry.storage;

import dev.moat.registry.model.Digest;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.OptionalLong;

/**
 * One write in progress: bytes appended to a temporary file and hashed as they arrive, then either
 * {@link #commit committed} under their digest or {@link #abort aborted}. Not thread-safe for
 * writing (one writer); concurrent readers may {@link #openReader} the growing file.
 */
public final class Ingest implements AutoCloseable {
  private final BlobStore store;
  private final Path file;
  private final FileChannel channel;
  private final MessageDigest hasher = Digest.newHasher();
  private long written;
  private boolean finished;

  Ingest(BlobStore store, Path file) throws IOException {
    this.store = store;
    this.file = file;
    this.channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
  }

  /** Appends bytes and feeds them to the hash. */
  public void write(byte[] buffer, int offset, int length) throws IOException {
    hasher.update(buffer, offset, length);
    ByteBuffer b = ByteBuffer.wrap(buffer, offset, length);
    while (b.hasRemaining()) {
      channel.write(b);
    }
    written += length;
  }

  /** Copies a whole stream in. */
  public void writeAll(java.io.InputStream in) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    for (int n; (n = in.read(buffer)) >= 0; ) {
      write(buffer, 0, n);
    }
  }

  /** An output stream view, for callers that copy with streams. */
  public OutputStream asOutputStream() {
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        Ingest.this.write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        Ingest.this.write(b, off, len);
      }
    };
  }

  public long written() {
    return written;
  }

  /** A read-only channel on the file being written, valid after commit too (same inode). */
  public FileChannel openReader() throws IOException {
    return FileChannel.open(file, StandardOpenOption.READ);
  }

  /**
   * Verifies the digest (and size when given), makes the bytes durable and moves them into place.
   * On a mismatch the file is deleted and {@link BlobCorruptException} thrown: nothing becomes
   * visible.
   */
  public Digest commit(Digest expected, OptionalLong expectedSize) throws IOException {
    Digest actual = Digest.fromHash(hasher.digest());
    finished = true;
    try {
      if (expected != null && !expected.equals(actual)) {
        throw new BlobCorruptException("digest mismatch: expected " + expected + ", got " + actual);
      }
      if (expectedSize.isPresent() && expectedSize.getAsLong() != written) {
        throw new BlobCorruptException(
            "size mismatch: expected " + expectedSize.getAsLong() + ", got " + written);
      }
      channel.force(true);
      channel.close();
      store.publish(file, actual);
      return actual;
    } catch (IOException | RuntimeException e) {
      abort();
      throw e;
    }
  }

  /** Discards the write. Idempotent. */
  public void abort() {
    finished = true;
    try {
      channel.close();
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // The sweep on the next open removes what we could not.
    }
  }

  @Override
  public void close() {
    if (!finished) {
      abort();
    }
  }
}
