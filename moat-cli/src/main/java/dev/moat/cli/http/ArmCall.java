package dev.moat.cli.http;

/**
 * One style of ARM call (read, list, create-or-update, delete, action), each a value holding the
 * path, api-version and body it sends, run against a session. Modelled on Jib's one class per
 * registry operation.
 *
 * @param <T> what the call yields
 */
public interface ArmCall<T> {
  T run(ArmSession session);

  /** The request this call starts with; tests check it without a server. */
  ArmRequest request();
}
