package dev.moat.platform.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;

/**
 * The embedded store: one SQLite file in WAL mode, migrated by Flyway.
 *
 * <p>SQLite allows one writer at a time, so every write transaction runs on one connection under a
 * lock; that removes every {@code SQLITE_BUSY} path. Reads outside a transaction run on a small
 * pool of read-only connections: in WAL mode a reader sees the last committed snapshot and neither
 * waits for the writer nor blocks it (<a
 * href="https://www.sqlite.org/wal.html">sqlite.org/wal</a>). WAL with {@code synchronous=NORMAL}
 * makes each commit durable against a process crash ({@code kill -9}); {@code synchronous=FULL}
 * (the {@code durable} flag) also survives power loss at the cost of an fsync per commit.
 */
public final class SqliteDatabase extends JdbcDatabase {
  /** Readers for a small machine: more than the cores, since a reader also waits on I/O. */
  static final int READERS =
      Math.max(2, Math.min(8, Runtime.getRuntime().availableProcessors() * 2));

  private final Connection writer;
  private final ReentrantLock writeLock = new ReentrantLock();
  private final BlockingQueue<Connection> readers;
  private final List<Connection> allReaders;

  private SqliteDatabase(Connection writer, List<Connection> readers) {
    this.writer = writer;
    this.allReaders = List.copyOf(readers);
    this.readers = new ArrayBlockingQueue<>(readers.size(), false, readers);
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
      List<Connection> readers = new ArrayList<>();
      for (int i = 0; i < READERS; i++) {
        readers.add(reader(url));
      }
      return new SqliteDatabase(connection, readers);
    } catch (SQLException | java.io.IOException e) {
      throw new StoreException("cannot open database " + file, e);
    }
  }

  private static Connection reader(String url) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    config.setBusyTimeout(5000);
    Connection c = DriverManager.getConnection(url, config.toProperties());
    try (Statement s = c.createStatement()) {
      s.execute("PRAGMA query_only=ON");
    }
    c.setAutoCommit(false);
    return c;
  }

  @Override
  protected Connection acquireWriter() {
    writeLock.lock();
    return writer;
  }

  @Override
  protected void releaseWriter(Connection connection) {
    writeLock.unlock();
  }

  @Override
  protected Connection acquireReader() throws SQLException {
    try {
      return readers.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while waiting for a read connection", e);
    }
  }

  @Override
  protected void releaseReader(Connection connection) {
    readers.add(connection);
  }

  @Override
  public void close() {
    writeLock.lock();
    try {
      StoreException failure = null;
      for (Connection c : allReaders) {
        try {
          c.close();
        } catch (SQLException e) {
          failure = new StoreException("cannot close database", e);
        }
      }
      writer.close();
      if (failure != null) {
        throw failure;
      }
    } catch (SQLException e) {
      throw new StoreException("cannot close database", e);
    } finally {
      writeLock.unlock();
    }
  }
}
