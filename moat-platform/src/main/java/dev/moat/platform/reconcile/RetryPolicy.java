package dev.moat.platform.reconcile;

import java.time.Duration;

/** Bounded exponential backoff for reconcile runs that throw. */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay) {

  public static RetryPolicy defaults() {
    return new RetryPolicy(5, Duration.ofMillis(50), Duration.ofSeconds(5));
  }

  /** The delay before attempt {@code attempt} (1-based retries). */
  public Duration delayBefore(int attempt) {
    long factor = 1L << Math.min(attempt - 1, 20);
    Duration d = initialDelay.multipliedBy(factor);
    return d.compareTo(maxDelay) > 0 ? maxDelay : d;
  }
}
