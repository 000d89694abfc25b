package dev.moat.platform.store;

/** The database failed; never caused by user input, so the front door answers 500. */
public final class StoreException extends RuntimeException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
