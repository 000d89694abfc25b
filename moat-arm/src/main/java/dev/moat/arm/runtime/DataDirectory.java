package dev.moat.arm.runtime;

import dev.moat.arm.tls.LocalCertificateAuthority;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The data directory ({@code $MOAT_HOME}), held with an exclusive lock while a Moat serves it, so
 * two servers never share one embedded database. Publishes {@code endpoint} and {@code ca.pem} for
 * clients.
 */
public final class DataDirectory implements AutoCloseable {
  private final Path dir;
  private final FileChannel channel;
  private final FileLock lock;

  private DataDirectory(Path dir, FileChannel channel, FileLock lock) {
    this.dir = dir;
    this.channel = channel;
    this.lock = lock;
  }

  public static DataDirectory lock(Path dir) throws IOException {
    Files.createDirectories(dir);
    FileChannel channel =
        FileChannel.open(
            dir.resolve("moat.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      channel.close();
      throw new IllegalStateException(
          "another Moat is already serving " + dir + " (stop it, or use another --data-dir)");
    }
    return new DataDirectory(dir, channel, lock);
  }

  /** Writes {@code endpoint} and {@code ca.pem}, which the CLI and tests read. */
  public void publish(String endpoint, String caPem) throws IOException {
    LocalCertificateAuthority.writeAtomically(dir.resolve("ca.pem"), caPem);
    LocalCertificateAuthority.writeAtomically(dir.resolve("endpoint"), endpoint + "\n");
  }

  @Override
  public void close() throws IOException {
    Files.deleteIfExists(dir.resolve("endpoint"));
    lock.release();
    channel.close();
  }
}
