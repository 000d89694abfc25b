package dev.moat.arm.runtime;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How a Moat instance runs.
 *
 * @param host the address the ARM endpoint listens on; beyond loopback only with {@code strictAuth}
 * @param port the HTTPS port; 0 picks a free one
 * @param dataDir where state, the CA and the signing key live ({@code $MOAT_HOME})
 * @param provisioningDelay how long long-running operations take at least (default zero: as fast as
 *     the work allows); for exercising client polling
 * @param strictAuth when true, only clients listed in {@code principals.json} get tokens
 * @param syncEveryCommit fsync each commit (survives power loss, not just process crashes)
 * @param database where state lives: null for the embedded SQLite file in {@code dataDir}, else a
 *     PostgreSQL URL ({@code postgresql://user:password@host:port/db})
 */
public record MoatSettings(
    String host,
    int port,
    Path dataDir,
    Duration provisioningDelay,
    boolean strictAuth,
    boolean syncEveryCommit,
    String database) {

  public static final int DEFAULT_PORT = 8443;

  /** Settings with the embedded store. */
  public MoatSettings(
      String host,
      int port,
      Path dataDir,
      Duration provisioningDelay,
      boolean strictAuth,
      boolean syncEveryCommit) {
    this(host, port, dataDir, provisioningDelay, strictAuth, syncEveryCommit, null);
  }

  /** Defaults for a data directory: 127.0.0.1:8443, no delays, open authentication. */
  public static MoatSettings defaults(Path dataDir) {
    return new MoatSettings("127.0.0.1", DEFAULT_PORT, dataDir, Duration.ZERO, false, false);
  }

  /** Whether {@code host} names a loopback address (127.0.0.0/8, ::1, localhost). */
  public static boolean isLoopback(String host) {
    return host.equals("localhost")
        || host.equals("::1")
        || host.equals("[::1]")
        || host.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
  }

  public MoatSettings withHost(String newHost) {
    return new MoatSettings(
        newHost, port, dataDir, provisioningDelay, strictAuth, syncEveryCommit, database);
  }

  public MoatSettings withPort(int newPort) {
    return new MoatSettings(
        host, newPort, dataDir, provisioningDelay, strictAuth, syncEveryCommit, database);
  }

  public MoatSettings withProvisioningDelay(Duration delay) {
    return new MoatSettings(host, port, dataDir, delay, strictAuth, syncEveryCommit, database);
  }

  public MoatSettings withStrictAuth(boolean strict) {
    return new MoatSettings(
        host, port, dataDir, provisioningDelay, strict, syncEveryCommit, database);
  }

  /** The same settings on another store (null: the embedded one). */
  public MoatSettings withDatabase(String url) {
    return new MoatSettings(
        host, port, dataDir, provisioningDelay, strictAuth, syncEveryCommit, url);
  }
}
