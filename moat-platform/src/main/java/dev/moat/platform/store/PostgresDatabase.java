package dev.moat.platform.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;

/**
 * The team-server store: a PostgreSQL database through a HikariCP pool, migrated by Flyway from the
 * same migrations as the embedded store (they use the SQL both speak).
 *
 * <p>Write transactions keep the embedded store's semantics, which every repository relies on (a
 * read-then-write inside {@code inTransaction} is atomic, e.g. an address allocation): each takes
 * the transaction-level advisory lock {@link #WRITE_LOCK} first, so writes are serialised across
 * every Moat process sharing the database, exactly as SQLite's single writer serialises them in one
 * process. Reads take no lock and never wait for writers (MVCC).
 *
 * <p>{@link #broadcast} is PostgreSQL's {@code NOTIFY} on channel {@value #CHANNEL}, sent inside
 * the writer's transaction (so delivered exactly when it commits); one {@link ChangeListener}
 * connection per process {@code LISTEN}s and hands other processes' messages to subscribers.
 */
public final class PostgresDatabase extends JdbcDatabase {
  /** The advisory lock key of Moat's writers ("moat" in ASCII). */
  static final long WRITE_LOCK = 0x6d6f6174L;

  /** The {@code NOTIFY} channel of Moat's broadcasts. */
  static final String CHANNEL = "moat_changes";

  private final HikariDataSource pool;
  private final ChangeListener listener;

  private PostgresDatabase(HikariDataSource pool, Target target) {
    this.pool = pool;
    this.listener = new ChangeListener(target, CHANNEL);
  }

  /**
   * Connects to (and migrates) the database at {@code url}: {@code
   * postgresql://user:password@host:port/database} (as libpq writes it) or a {@code
   * jdbc:postgresql:} URL.
   *
   * @throws StoreException when the server cannot be reached or the migration fails
   */
  public static PostgresDatabase open(String url, int poolSize) {
    return open(url, poolSize, true);
  }

  /**
   * {@link #open(String, int)}, choosing durability as the embedded store does: with {@code
   * syncEveryCommit} false, sessions run with {@code synchronous_commit = off}, so a commit does
   * not wait for its WAL flush. A Moat crash loses nothing (the commit is PostgreSQL's); a crash of
   * PostgreSQL itself may lose the last fraction of a second of commits, never consistency (<a
   * href="https://www.postgresql.org/docs/15/wal-async-commit.html">asynchronous commit</a>). It
   * matters here because writers serialise on {@link #WRITE_LOCK}, which a transaction holds until
   * its commit returns: the flush would be inside every writer's critical section.
   */
  public static PostgresDatabase open(String url, int poolSize, boolean syncEveryCommit) {
    Target target = Target.parse(url);
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(target.jdbcUrl());
    if (target.user() != null) {
      config.setUsername(target.user());
    }
    if (target.password() != null) {
      config.setPassword(target.password());
    }
    config.setAutoCommit(false);
    config.setMaximumPoolSize(poolSize);
    config.setMinimumIdle(Math.min(2, poolSize));
    config.setPoolName("moat-db");
    if (!syncEveryCommit) {
      config.setConnectionInitSql("SET synchronous_commit = off");
    }
    config.setConnectionTimeout(10_000);
    config.setInitializationFailTimeout(10_000);
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new StoreException("cannot connect to " + target.redacted() + ": " + e.getMessage(), e);
    }
    try {
      Flyway.configure()
          .dataSource(pool)
          .locations("classpath:db/migration")
          .loggers("slf4j")
          .load()
          .migrate();
    } catch (RuntimeException e) {
      pool.close();
      throw new StoreException("cannot migrate " + target.redacted() + ": " + e.getMessage(), e);
    }
    return new PostgresDatabase(pool, target);
  }

  /** Where to connect: a JDBC URL and the credentials taken out of a libpq-style URL. */
  record Target(String jdbcUrl, String user, String password) {
    static Target parse(String url) {
      if (url.startsWith("jdbc:postgresql:")) {
        return new Target(url, null, null);
      }
      URI uri;
      try {
        uri = new URI(url);
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("not a PostgreSQL URL: " + e.getMessage(), e);
      }
      if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
        throw new IllegalArgumentException(
            "a PostgreSQL URL starts with postgresql:// (or jdbc:postgresql:)");
      }
      if (uri.getHost() == null) {
        throw new IllegalArgumentException("a PostgreSQL URL names a host: postgresql://HOST/DB");
      }
      String user = null;
      String password = null;
      if (uri.getRawUserInfo() != null) {
        String[] parts = uri.getRawUserInfo().split(":", 2);
        user = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
        password = parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : null;
      }
      String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
      String jdbc =
          "jdbc:postgresql://"
              + uri.getHost()
              + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
              + path
              + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
      return new Target(jdbc, user, password);
    }

    /** The URL without its password, for messages. */
    String redacted() {
      return jdbcUrl + (user == null ? "" : " as " + user);
    }
  }

  @Override
  protected Connection acquireWriter() throws SQLException {
    Connection c = pool.getConnection();
    try (Statement s = c.createStatement()) {
      s.execute("SELECT pg_advisory_xact_lock(" + WRITE_LOCK + ")");
    } catch (SQLException e) {
      c.close();
      throw e;
    }
    return c;
  }

  @Override
  protected void releaseWriter(Connection connection) {
    closeQuietly(connection); // commit or rollback already released the advisory lock
  }

  @Override
  protected Connection acquireReader() throws SQLException {
    return pool.getConnection();
  }

  @Override
  protected void releaseReader(Connection connection) {
    closeQuietly(connection);
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException e) {
      // The pool evicts a connection it cannot return; nothing is lost.
    }
  }

  @Override
  public void broadcast(String message) {
    String payload = listener.stamp(message);
    inTransaction(
        c -> {
          try (java.sql.PreparedStatement s = c.prepareStatement("SELECT pg_notify(?, ?)")) {
            s.setString(1, CHANNEL);
            s.setString(2, payload);
            return s.execute();
          }
        });
  }

  @Override
  public void onBroadcast(java.util.function.Consumer<String> subscriber) {
    listener.subscribe(subscriber);
  }

  @Override
  public void close() {
    listener.close();
    pool.close();
  }
}
