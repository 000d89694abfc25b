package dev.moat.platform.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;

/**
 * The embedded store: one SQLite file in WAL mode, migrated by Flyway.
 *
 * <p>SQLite allows one writer at a time, so every transaction runs on one connection under a lock;
 * at Moat's write rates (a few hundred small rows per cluster) that costs microseconds and removes
 * every {@code SQLITE_BUSY} path. WAL with {@code synchronous=NORMAL} makes each commit durable
 * against a process crash ({@code kill -9}); {@code synchronous=FULL} (the {@code durable} flag)
 * also survives power loss at the cost of an fsync per commit.
 */
public final class SqliteDatabase implements Database {
  private final Connection connection;
  private final ReentrantLock lock = new ReentrantLock();

  private SqliteDatabase(Connection connection) {
    this.connection = connection;
  }

  /** Opens (creating and migrating as needed) the database file. */
  public static SqliteDatabase open(Path file, boolean syncEveryCommit) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      String url = "jdbc:sqlite:" + file.toAbsolutePath();
      Flyway.configure()
          .dataSource(url, null, null)
          .locations("classpath:db/migration")
          .loggers("slf4j")
          .load()
          .migrate();
      Connection connection = DriverManager.getConnection(url);
      try (Statement s = connection.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA synchronous=" + (syncEveryCommit ? "FULL" : "NORMAL"));
        s.execute("PRAGMA foreign_keys=ON");
        s.execute("PRAGMA busy_timeout=5000");
      }
      connection.setAutoCommit(false);
      return new SqliteDatabase(connection);
    } catch (SQLException | java.io.IOException e) {
      throw new StoreException("cannot open database " + file, e);
    }
  }

  @Override
  public <T> T inTransaction(SqlWork<T> work) {
    lock.lock();
    try {
      if (lock.getHoldCount() > 1) {
        return work.run(connection);
      }
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        rollback(e);
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("database error: " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  private void rollback(Throwable cause) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  @Override
  public void close() {
    lock.lock();
    try {
      connection.close();
    } catch (SQLException e) {
      throw new StoreException("cannot close database", e);
    } finally {
      lock.unlock();
    }
  }
}
