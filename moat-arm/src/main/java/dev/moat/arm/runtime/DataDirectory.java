package dev.moat.arm.runtime;

import dev.moat.arm.tls.LocalCertificateAuthority;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;

/**
 * The data directory ({@code $MOAT_HOME}). A single server holds it with an exclusive lock while it
 * serves it, so two servers never share one embedded database. Replicas of a team server (state in
 * PostgreSQL) share it instead: it holds what every replica must agree on (the CA, the token
 * signing key, registry blobs), so they {@link #join} it without the exclusive lock and create the
 * shared files under a short {@link #initialise} lock. Publishes {@code endpoint} and {@code
 * ca.pem} for clients.
 */
public final class DataDirectory implements AutoCloseable {
  private final Path dir;
  private final FileChannel channel;
  private final FileLock lock;
  private volatile String published;

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

  /**
   * Joins a directory shared by the replicas of a team server. Refused while a single server (an
   * embedded store) holds it, whose exclusive lock would mean two clouds in one directory.
   */
  public static DataDirectory join(Path dir) throws Exception {
    Files.createDirectories(dir);
    DataDirectory joined = new DataDirectory(dir, null, null);
    // Probed under the init lock, so replicas starting together never see each other's probe.
    joined.initialise(
        () -> {
          try (FileChannel probe =
              FileChannel.open(
                  dir.resolve("moat.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock held;
            try {
              held = probe.tryLock();
            } catch (OverlappingFileLockException e) {
              held = null; // this JVM holds it: a single server runs here
            }
            if (held == null) {
              throw new IllegalStateException(
                  "a single-server Moat is serving "
                      + dir
                      + " (stop it, or use another --data-dir)");
            }
            held.release();
          }
          return null;
        });
    return joined;
  }

  /**
   * Runs {@code creation} (load-or-create of shared files) under a lock on {@code init.lock}, so
   * replicas starting at once on a fresh directory create the CA and keys once, not each their own.
   * The file lock serialises processes; the class lock serialises clouds in one JVM (a JVM holds
   * file locks for all its threads, so they cannot serialise each other through the file).
   */
  public <T> T initialise(Callable<T> creation) throws Exception {
    synchronized (DataDirectory.class) {
      try (FileChannel c =
          FileChannel.open(
              dir.resolve("init.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
        FileLock held = c.lock();
        try {
          return creation.call();
        } finally {
          held.release();
        }
      }
    }
  }

  /** Writes {@code endpoint} and {@code ca.pem}, which the CLI and tests read. */
  public void publish(String endpoint, String caPem) throws IOException {
    LocalCertificateAuthority.writeAtomically(dir.resolve("ca.pem"), caPem);
    LocalCertificateAuthority.writeAtomically(dir.resolve("endpoint"), endpoint + "\n");
    published = endpoint;
  }

  /** Withdraws the endpoint (only if it is still this server's: replicas take turns writing it). */
  @Override
  public void close() throws IOException {
    Path endpoint = dir.resolve("endpoint");
    if (lock != null
        || (published != null
            && Files.exists(endpoint)
            && Files.readString(endpoint, StandardCharsets.UTF_8).trim().equals(published))) {
      Files.deleteIfExists(endpoint);
    }
    if (lock != null) {
      lock.release();
      channel.close();
    }
  }
}
