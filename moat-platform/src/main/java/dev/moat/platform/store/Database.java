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

  @Override
  void close();
}
