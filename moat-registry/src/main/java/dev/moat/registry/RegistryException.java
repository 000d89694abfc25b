package dev.moat.registry;

/**
 * A registry operation failed with a spec error code. Thrown by every layer above storage; written
 * to the wire by exactly one mapper. {@code status} overrides the code's usual status (416 for a
 * chunk out of order, 502 when an upstream is unreachable).
 */
public final class RegistryException extends RuntimeException {
  private final ErrorCode code;
  private final int status;
  private final transient Object detail;

  public RegistryException(ErrorCode code, String message) {
    this(code, code.status(), message, null);
  }

  public RegistryException(ErrorCode code, int status, String message, Object detail) {
    super(message);
    this.code = code;
    this.status = status;
    this.detail = detail;
  }

  public ErrorCode code() {
    return code;
  }

  public int status() {
    return status;
  }

  /** JSON-serialisable detail, or null. */
  public Object detail() {
    return detail;
  }
}
