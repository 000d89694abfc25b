package dev.moat.platform.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Transaction bookkeeping shared by the JDBC back ends: joining nested calls, read transactions on
 * separate connections, and after-commit actions. A subclass says only where connections come from
 * (SQLite: the one writer under a lock and a pool of read-only connections; PostgreSQL: a HikariCP
 * pool for both).
 *
 * <p>The transaction a thread is in lives in a {@link ThreadLocal} of this instance (not a static),
 * so two databases in one JVM never see each other's transactions.
 */
abstract class JdbcDatabase implements Database {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcDatabase.class);

  private final ThreadLocal<Transaction> current = new ThreadLocal<>();

  /**
   * The connection a write transaction runs on; blocks while another writer holds it if need be.
   */
  protected abstract Connection acquireWriter() throws SQLException;

  protected abstract void releaseWriter(Connection connection);

  /** A connection for a read-only transaction. */
  protected abstract Connection acquireReader() throws SQLException;

  protected abstract void releaseReader(Connection connection);

  private static final class Transaction {
    final Connection connection;
    final boolean writable;
    final List<Runnable> afterCommit = new ArrayList<>();

    Transaction(Connection connection, boolean writable) {
      this.connection = connection;
      this.writable = writable;
    }
  }

  @Override
  public final <T> T inTransaction(SqlWork<T> work) {
    Transaction joined = current.get();
    if (joined != null) {
      if (!joined.writable) {
        throw new IllegalStateException("a write cannot join a read-only transaction");
      }
      return run(work, joined.connection);
    }
    Connection connection;
    try {
      connection = acquireWriter();
    } catch (SQLException e) {
      throw new StoreException("cannot get a database connection: " + e.getMessage(), e);
    }
    Transaction tx = new Transaction(connection, true);
    T result;
    try {
      result = runAndEnd(tx, work);
    } finally {
      releaseWriter(connection);
    }
    for (Runnable action : tx.afterCommit) {
      try {
        action.run();
      } catch (RuntimeException e) {
        LOG.warn("after-commit action failed", e);
      }
    }
    return result;
  }

  @Override
  public final <T> T read(SqlWork<T> work) {
    Transaction joined = current.get();
    if (joined != null) {
      return run(work, joined.connection);
    }
    Connection connection;
    try {
      connection = acquireReader();
    } catch (SQLException e) {
      throw new StoreException("cannot get a database connection: " + e.getMessage(), e);
    }
    try {
      return runAndEnd(new Transaction(connection, false), work);
    } finally {
      releaseReader(connection);
    }
  }

  @Override
  public final void afterCommit(Runnable action) {
    Transaction tx = current.get();
    if (tx == null || !tx.writable) {
      action.run();
    } else {
      tx.afterCommit.add(action);
    }
  }

  private <T> T runAndEnd(Transaction tx, SqlWork<T> work) {
    current.set(tx);
    try {
      T result = work.run(tx.connection);
      if (tx.writable) {
        tx.connection.commit();
      } else {
        tx.connection.rollback(); // ends the read snapshot; there is nothing to keep
      }
      return result;
    } catch (SQLException e) {
      rollback(tx.connection, e);
      throw new StoreException("database error: " + e.getMessage(), e);
    } catch (RuntimeException | Error e) {
      rollback(tx.connection, e);
      throw e;
    } finally {
      current.remove();
    }
  }

  private static <T> T run(SqlWork<T> work, Connection connection) {
    try {
      return work.run(connection);
    } catch (SQLException e) {
      throw new StoreException("database error: " + e.getMessage(), e);
    }
  }

  private static void rollback(Connection connection, Throwable cause) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }
}
