package dev.moat.platform.store;

/**
 * A transactional SQL database behind JDBC.
 *
 * <p>{@link #inTransaction} runs work atomically: either all of its writes become visible or none
 * do. A call made while the same thread is already inside a transaction joins it, so repositories
 * can be composed into one atomic write. Implementations are thread-safe.
 */
public interface Database extends AutoCloseable {

  /**
   * Runs {@code work} in a transaction and commits it; rolls back and rethrows on any exception.
   * {@link java.sql.SQLException}s are rethrown as {@link StoreException}.
   */
  <T> T inTransaction(SqlWork<T> work);

  /** Runs {@code work} for its effect in a transaction. */
  default void run(SqlWork<?> work) {
    inTransaction(work);
  }

  /**
   * Runs read-only {@code work}. Inside a transaction it joins that transaction (and so sees its
   * uncommitted writes); otherwise it runs on a read connection, so reads do not queue behind the
   * writer (SQLite in WAL mode serves readers while one writer commits). Writing from {@code work}
   * is an error. The default runs it as a transaction, for back ends without read connections.
   */
  default <T> T read(SqlWork<T> work) {
    return inTransaction(work);
  }

  /**
   * Runs {@code action} once the calling thread's current transaction has committed, and never if
   * it rolls back; outside a transaction, runs it at once. Actions run on the committing thread, in
   * registration order, after the connection is released; one that throws is logged and does not
   * stop the others. The default runs it at once, for back ends that cannot tell.
   */
  default void afterCommit(Runnable action) {
    action.run();
  }

  /**
   * Sends {@code message} to every other process sharing this database, delivered only if the
   * current transaction commits (outside a transaction: its own). The default does nothing: an
   * embedded database belongs to one process.
   */
  default void broadcast(String message) {}

  /**
   * Adds {@code listener} for messages other processes {@link #broadcast} (never this process's
   * own), called on one background thread in commit order. Listeners must be quick.
   */
  default void onBroadcast(java.util.function.Consumer<String> listener) {}

  @Override
  void close();
}
