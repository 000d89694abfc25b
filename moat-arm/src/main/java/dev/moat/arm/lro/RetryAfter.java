package dev.moat.arm.lro;

import java.util.Map;

/**
 * Polling hints for long-running operations.
 *
 * <p>Moat's operations usually finish in milliseconds, but {@code Retry-After} counts whole seconds
 * and clients treat {@code 0} as "no hint" and fall back to their default interval (30 s in the
 * Azure SDKs and az). So Moat also sends the millisecond headers that azure-core (Java and Python)
 * reads first, {@code retry-after-ms} and {@code x-ms-retry-after-ms}; clients that only read
 * {@code Retry-After} poll once a second.
 */
public final class RetryAfter {
  private static final long SOON_MILLIS = 100;

  private RetryAfter() {}

  /** Poll again in about 100 ms (clients that read only {@code Retry-After}: in 1 s). */
  public static Map<String, String> soon() {
    return Map.of(
        "Retry-After", "1",
        "retry-after-ms", String.valueOf(SOON_MILLIS),
        "x-ms-retry-after-ms", String.valueOf(SOON_MILLIS));
  }

  static Map<String, String> seconds(int seconds) {
    return Map.of("Retry-After", String.valueOf(seconds));
  }
}
